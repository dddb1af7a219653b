"""Every configuration option htst knows, with its type, default and description: the
single registry that loading, flags, `htst run --help` and `htst config show` read."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    """One configuration option; :data:`OPTIONS` is the single list of them."""

    section: str
    name: str
    default: object
    type: type
    description: str
    # For a str option, the only valid values. For a bool option, extra strings accepted
    # and kept as given (client.showErrorDetails takes true/false or "full", "type", ...).
    choices: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.section}.{self.name}"

    @property
    def env_var(self) -> str:
        """``HTST_`` + section + the camelCase name in UPPER_SNAKE, as Streamlit names them."""
        snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", self.name).upper()
        return f"HTST_{self.section.upper().replace('.', '_')}_{snake}"


def _o(
    key: str, default: object, description: str, choices: tuple[str, ...] = ()
) -> Option:
    section, name = key.rsplit(".", 1)  # "theme.sidebar.primaryColor": section "theme.sidebar"
    return Option(section, name, default, type(default), description, choices)


# [theme] and its [theme.sidebar] sub-theme (docs 4.4; the newer options as Streamlit 1.67
# reads them). Values are checked by htst/render/theme.py, which logs and ignores a bad
# one. Changes to these in config.toml apply without a restart.
_COLOR = "Any CSS colour: hex, rgb(), hsl() or a name."
_FONT = (
    '"sans-serif", "serif", "monospace", a font family name (or a comma-separated list), the '
    'family of a [[theme.fontFaces]] table, or "<name>:<https URL of a CSS file>".'
)
_BASES = "the base theme's"
_RADIUS = '"none", "small", "medium", "large", "full", or a size in px or rem ("10px", "0.5rem").'
_THEMED = (  # name, what it sets, its values: in [theme] and in [theme.sidebar]
    ("primaryColor", "Accent colour of interactive elements", _COLOR),
    ("backgroundColor", "Background colour", _COLOR),
    ("secondaryBackgroundColor", "Background colour of most interactive widgets", _COLOR),
    ("textColor", "Colour of almost all text", _COLOR),
    ("linkColor", "Colour of links", _COLOR),
    ("borderColor", "Colour of borders around elements and widgets", _COLOR),
    ("font", "Font family of all text but code", _FONT),
    ("codeFont", "Font family of code", _FONT),
    ("headingFont", "Font family of headings", _FONT),
    ("baseRadius", "Corner radius most elements are drawn with", _RADIUS),
)
_KEEPS = {"headingFont": "the font option's"}  # else the base theme's
_THEME_OPTIONS = (
    _o(
        "theme.base",
        "",
        'Preset theme the custom theme inherits from: "light" or "dark". Empty: "light" when '
        "another theme option is set, else the viewer's system setting.",
    ),
    *(_o(f"theme.{name}", "", f"{what}; empty keeps {_KEEPS.get(name, _BASES)}. {values}") for name, what, values in _THEMED),
    _o(
        "theme.fontFaces",
        (),
        "Fonts to load, as [[theme.fontFaces]] tables with family and url (a file under "
        "app/static/ with server.enableStaticServing, or any URL), and optional weight, style "
        "and unicodeRange, as CSS @font-face.",
    ),
    *(_o(f"theme.sidebar.{name}", "", f"{what} in the sidebar; empty keeps [theme]'s. {values}") for name, what, values in _THEMED),
)

# Every theme option name Streamlit 1.67 reads, in [theme] or its sub-sections: the ones
# htst lacks are refused with a message that says so, not "unknown option".
STREAMLIT_THEME_NAMES = frozenset({
    "base", "primaryColor", "backgroundColor", "secondaryBackgroundColor", "textColor",
    "linkColor", "linkUnderline", "borderColor", "dataframeBorderColor",
    "dataframeHeaderBackgroundColor", "dataframeHeaderTextColor", "showWidgetBorder",
    "showSidebarBorder", "font", "fontFaces", "codeFont", "headingFont", "baseFontSize",
    "baseFontWeight", "codeFontSize", "codeFontWeight", "headingFontSizes", "headingFontWeights",
    "metricValueFontSize", "metricValueFontWeight", "baseRadius", "buttonRadius", "paddingTop",
    "paddingBottom", "codeTextColor", "codeBackgroundColor", "chartCategoricalColors",
    "chartSequentialColors", "chartDivergingColors", "redColor", "orangeColor", "yellowColor",
    "blueColor", "greenColor", "violetColor", "grayColor", "redBackgroundColor",
    "orangeBackgroundColor", "yellowBackgroundColor", "blueBackgroundColor",
    "greenBackgroundColor", "violetBackgroundColor", "grayBackgroundColor", "redTextColor",
    "orangeTextColor", "yellowTextColor", "blueTextColor", "greenTextColor", "violetTextColor",
    "grayTextColor",
})


OPTIONS: tuple[Option, ...] = (
    _o("server.port", 8501, "TCP port the server listens on."),
    _o("server.address", "", "Interface address the server binds to; empty binds every interface, as Streamlit does (127.0.0.1 keeps the app to this machine)."),
    _o("server.baseUrlPath", "", "URL path prefix the app is served under, e.g. 'dashboard'."),
    _o("server.headless", False, "Do not open a browser window when the server starts."),
    _o(
        "server.cookieSecret",
        "",
        "Key that signs session cookies; empty means a random key per process.",
    ),
    _o(
        "server.sessionStore",
        "memory",
        'Where per-tab session state is kept: "memory" (this process) is the only store in '
        "this version; any other value is refused when the app starts.",
    ),
    _o(
        "server.cacheStore",
        "memory",
        'Where st.cache_data keeps its entries: "memory", or a "redis://host:port/db" URL that '
        "several server processes share.",
    ),
    _o("server.maxUploadSize", 200, "Largest file st.file_uploader accepts, in megabytes."),
    _o(
        "server.maxMessageSize",
        200,
        "Largest text field one request may carry (a widget's value), in megabytes; in "
        "Streamlit, the largest WebSocket message.",
    ),
    _o(
        "server.enableStaticServing",
        False,
        "Serve files from ./static next to the app at /app/static/.",
    ),
    _o("server.sslCertFile", "", "Path to a TLS certificate chain; set with sslKeyFile."),
    _o("server.sslKeyFile", "", "Path to the TLS private key; set with sslCertFile."),
    _o(
        "server.trustedProxies",
        0,
        "Reverse proxies in front of the app whose X-Forwarded-For/-Proto/-Host/-Prefix "
        "headers are trusted (e.g. 1 behind nginx terminating TLS): cookies are then Secure "
        "and URLs right. 0 trusts none.",
    ),
    _o(
        "server.runOnSave",
        False,
        "Rerun open tabs at once when the app's source changes, instead of offering "
        "\"Rerun\" / \"Always rerun\".",
    ),
    _o(
        "server.fileWatcherType",
        "auto",
        "Whether open tabs learn that the script, its pages or its local modules changed. "
        "auto: under `htst run`, not in an app embedded or served by another WSGI server; "
        "poll and watchdog: always (both look at the files when a tab asks, no extra "
        "package needed); none: never.",
        ("auto", "poll", "watchdog", "none"),
    ),
    _o("server.sessionIdleTimeout", 3600, "Seconds an idle tab's session is kept in memory."),
    _o("server.threads", 16, "Worker threads of the built-in WSGI server."),
    _o(
        "client.toolbarMode",
        "auto",
        "Which app menu items show: developer options, viewer ones, or a minimal set.",
        ("auto", "developer", "viewer", "minimal"),
    ),
    _o(
        "client.showErrorDetails",
        True,
        "How much of an uncaught exception the page shows (true, false, or a level).",
        ("full", "stacktrace", "type", "none"),
    ),
    _o(
        "client.showSidebarNavigation",
        True,
        "Show the automatic page navigation of a multipage app in the sidebar.",
    ),
    _o("runner.magicEnabled", True, "Write bare expressions in the script to the page."),
    _o(
        "runner.enforceSerializableSessionState",
        False,
        "Reject Session State values that cannot be pickled.",
    ),
    _o(
        "runner.enumCoercion",
        "nameOnly",
        "How widget values of an Enum class redefined by a rerun are matched to it.",
        ("off", "nameOnly", "nameAndValue"),
    ),
    _o(
        "magic.displayRootDocString",
        False,
        "Let magic write the script's module docstring to the page.",
    ),
    _o(
        "magic.displayLastExprIfNoSemicolon",
        False,
        "Let magic write the last expression of the script's root body even when it is a "
        "call, unless its line ends with a semicolon (as a notebook cell shows its last value).",
    ),
    *_THEME_OPTIONS,
    _o(
        "map.tileUrl",
        "",
        "XYZ tile URL template ({z}/{x}/{y}) that st.map and st.pydeck_chart lay points on; "
        "empty draws land outlines and fetches no tiles.",
    ),
    _o("map.tileAttribution", "", "Credit the tile service asks for, shown on the map."),
    _o(
        "logger.level",
        "info",
        "Lowest severity htst logs.",
        ("error", "warning", "info", "debug"),
    ),
)
