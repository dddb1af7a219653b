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
        return f"HTST_{self.section.upper()}_{snake}"


def _o(
    key: str, default: object, description: str, choices: tuple[str, ...] = ()
) -> Option:
    section, name = key.split(".")
    return Option(section, name, default, type(default), description, choices)


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
    _o("server.sessionStore", "memory", "Where per-tab session state is kept."),
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
    _o("theme.base", "light", "Theme the other theme options start from.", ("light", "dark")),
    _o("theme.primaryColor", "", "Accent colour of interactive elements; empty keeps base's."),
    _o("theme.backgroundColor", "", "Background colour of the main area; empty keeps base's."),
    _o(
        "theme.secondaryBackgroundColor",
        "",
        "Background colour of the sidebar and widgets; empty keeps base's.",
    ),
    _o("theme.textColor", "", "Colour of most text; empty keeps the base theme's."),
    _o("theme.font", "", "Font family of the app; empty keeps the base theme's."),
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
