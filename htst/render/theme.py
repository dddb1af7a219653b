"""The theme options (docs 4.4) as CSS for the page's inline <style>: a theme costs no
request, and an unthemed page carries nothing.

htst.css defines every colour, font and radius as a `--htst-*` custom property, the light
theme on `:root` and the dark one on `[data-theme=dark]`; `<html data-theme>` says which
shows. A custom theme is its base theme with some properties replaced, so its rules are
scoped to that base: when a viewer picks the other theme in Settings they get the preset,
as in Streamlit. `[theme.sidebar]` re-themes `.htst-sidebar` the same way.

Every value is checked: a bad one is logged and ignored, as are text colours that fail
WCAG AA contrast against their background (logged, kept: the author chose them).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..config import Config
from . import colors
from .assets import inline_css

SECTIONS = ("theme", "theme.sidebar")
_COLORS = {  # option -> the property it sets
    "primaryColor": "--htst-primary",
    "backgroundColor": "--htst-bg",
    "secondaryBackgroundColor": "--htst-bg2",
    "textColor": "--htst-text",
    "borderColor": "--htst-border",
}
_HEADINGS = ":is(h1,h2,h3,h4,h5,h6)"
_SERIF = '"Source Serif Pro","Source Serif 4",Georgia,serif'
_GENERIC = frozenset({"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif", "ui-sans-serif",
                      "ui-monospace", "ui-rounded", "math", "emoji"})
_RADII = {"none": 0.0, "small": 0.35, "medium": 0.5, "large": 1.0, "full": 1.4}  # rem, as Streamlit 1.67
_FAMILY = re.compile(r"""["']?[\w][\w .-]*["']?""")
_URL = re.compile(r"""[^\s"'()<>\\]+""")
_TEXT_AA, _UI_AA = 4.5, 3.0  # WCAG 2 AA: text (1.4.3), user-interface components (1.4.11)


@dataclass(frozen=True)
class Palette:
    """The preset themes as htst.css defines them (read from it, so the two never drift)."""

    themes: Mapping[str, Mapping[str, str]]  # "light"/"dark" -> --htst-* property -> value
    link: str  # the `a{color:…}` value

    def resolve(self, base: str, value: str, given: Mapping[str, str], depth: int = 0) -> colors.RGBA | None:
        """A colour value with `var()` and `color-mix(in srgb, …)` worked out (the
        properties in `given` replaced), for contrast; None if htst cannot tell."""
        value = value.strip()
        var = re.fullmatch(r"var\((--[\w-]+)(?:,(.*))?\)", value)
        if var and depth < 8:
            found = given.get(var.group(1)) or self.themes[base].get(var.group(1), var.group(2) or "")
            return self.resolve(base, found, given, depth + 1)
        mix = re.fullmatch(r"color-mix\(in srgb,\s*(.+?)\s+([\d.]+)%\s*,\s*(.+)\)", value)
        if mix and depth < 8:
            a, b = self.resolve(base, mix.group(1), given, depth + 1), self.resolve(base, mix.group(3), given, depth + 1)
            return colors.mix(a, b, float(mix.group(2)) / 100) if a and b else None
        return colors.rgba(value)


@functools.cache
def palette() -> Palette:
    css = inline_css("htst.css")
    light = _declarations(css, ":root")
    dark = {**light, **_declarations(css, "[data-theme=dark]")}
    link = re.search(r"^a\{color:([^;}]+)", css, re.MULTILINE)
    return Palette({"light": light, "dark": dark}, link.group(1) if link else "")


def _declarations(css: str, selector: str) -> dict[str, str]:
    block = re.search(re.escape(selector) + r"\{([^}]*)\}", css)
    pairs = re.findall(r"(--[\w-]+):((?:[^;(]|\([^)]*(?:\([^)]*\)[^)]*)*\))+)", block.group(1)) if block else []
    return {name: value.strip() for name, value in pairs}


@dataclass(frozen=True)
class Theme:
    """What the config's theme options make of the page.

    `base`: the `data-theme` the page starts with ("light"/"dark"), None when no theme is
    configured (the viewer's system setting decides). `warnings`: one line per ignored
    value or low contrast, for the log.
    """

    base: str | None = None
    rules: str = ""
    imports: tuple[str, ...] = ()
    faces: tuple[tuple[str, str], ...] = ()  # (url, the other @font-face descriptors)
    warnings: tuple[str, ...] = ()
    values: tuple[tuple[str, Any], ...] = ()  # the options it was built from

    def css(self, base_url: str = "/") -> str:
        """The <style> text; `base_url` (the app's, ending in /) prefixes relative font URLs."""
        imports = "".join(f'@import url("{url}");' for url in self.imports)
        faces = "".join(
            f'@font-face{{src:url("{url if _absolute(url) else base_url + url}");{rest}}}' for url, rest in self.faces
        )
        return imports + faces + self.rules


def _absolute(url: str) -> bool:
    return url.startswith("/") or re.match(r"[a-zA-Z][\w+.-]*:", url) is not None


def theme_values(config: Config) -> tuple[tuple[str, Any], ...]:
    """The theme options' values, to tell whether a reloaded config changed the theme."""
    return tuple((o.key, value) for o, value, _ in config.rows() if o.section in SECTIONS)


def build(config: Config) -> Theme:
    """The theme the config asks for, with a warning for each value it had to ignore."""
    values = theme_values(config)
    given = {key: value for key, value in values if value not in ("", ())}
    if not given:
        return Theme(values=values)
    found = _Checker(given, palette(), bool(config["server.enableStaticServing"]))
    rules = found.css()
    found.check_contrast()
    return Theme(found.base, rules, tuple(found.imports), tuple(found.faces), tuple(found.warnings), values)


class _Checker:
    """Checks each option and writes the CSS; collects what to warn about on the way."""

    def __init__(self, given: dict[str, Any], palette: Palette, static_serving: bool):
        self.given = given
        self.palette = palette
        self.static_serving = static_serving
        self._checked: dict[str, str | None] = {}
        self.warnings: list[str] = []
        self.imports: list[str] = []
        self.faces: list[tuple[str, str]] = []
        base = given.get("theme.base", "light")
        if base not in ("light", "dark"):
            self.warnings.append(f'theme.base = {base!r} is not "light" or "dark"; using "light".')
            base = "light"
        self.base: str = base
        self.preset = palette.themes[base]
        for index, face in enumerate(given.get("theme.fontFaces", ())):
            self._font_face(index, face)

    # -- values ------------------------------------------------------------------
    def color(self, key: str) -> str | None:
        if key not in self._checked:  # checked once, warned about once
            value = self.given.get(key)
            checked = None if value is None else colors.css_color(value)
            if value is not None and checked is None:
                self.warnings.append(
                    f"{key} = {value!r} is not a CSS colour (hex like #FF4B4B, rgb(), hsl() or a colour name); ignored."
                )
            self._checked[key] = checked
        return self._checked[key]

    def font(self, key: str, fallback: str) -> str | None:
        """A font option as a font-family stack, as Streamlit 1.67 reads it: a generic name
        ("sans serif" too), or families of the user's with the default stack after them;
        "<name>:<URL>" also loads the CSS file at URL."""
        value = self.given.get(key)
        if value is None:
            return None
        name, sep, url = (part.strip() for part in value.partition(":"))
        if sep and not re.match(r"https?://", url):
            name, url = value.strip(), ""
        generic = {"sans-serif": self.preset.get("--htst-font", "sans-serif"), "serif": _SERIF,
                   "monospace": self.preset.get("--htst-mono", "monospace")}
        families = [f.strip() for f in name.split(",")]
        if not name or not all(_FAMILY.fullmatch(f) for f in families):
            self.warnings.append(f"{key} = {value!r} is not a font family name (or a list of them); ignored.")
            return None
        if url:
            if not _URL.fullmatch(url) or url.count("family=") > 1:
                self.warnings.append(f"{key} = {value!r}: the URL must name one font, without quotes or spaces; ignored.")
                return None
            self.imports.append(url)
        key_name = name.lower().replace(" ", "-")
        if key_name in generic:
            return generic[key_name]
        quoted = (f if f.lower() in _GENERIC or f[0] in "\"'" else f'"{f}"' for f in families)
        return ",".join((*quoted, fallback))

    def radius(self, key: str) -> tuple[str, str, str] | None:
        """baseRadius as Streamlit 1.67 reads it: a keyword, rem, px, or a bare number (px);
        with the small (half) and large (1.5×) radii derived from it."""
        value = self.given.get(key)
        if value is None:
            return None
        text = str(value).strip().lower()
        number = _RADII.get(text)
        unit = "rem"
        if number is None:
            unit = "rem" if text.endswith("rem") else "px"
            try:
                number = float(text.removesuffix("rem").removesuffix("px"))
            except ValueError:
                number = -1.0
            if not 0 <= number < 1e4:
                self.warnings.append(
                    f'{key} = {value!r} is not "none", "small", "medium", "large", "full" or a size in px or rem; ignored.'
                )
                return None
        return tuple(f"{number * scale:g}{unit}" if number else "0" for scale in (1, 0.5, 1.5))  # type: ignore[return-value]

    def _font_face(self, index: int, face: object) -> None:
        where = f"theme.fontFaces[{index}]"
        if not isinstance(face, dict) or not isinstance(face.get("family"), str) or not isinstance(face.get("url"), str):
            self.warnings.append(f"{where} needs a family and a url; ignored.")
            return
        family, url = face["family"].strip(), face["url"].strip()
        descriptors = {
            "font-weight": (face.get("weight", face.get("weightRange", face.get("weight_range"))), r"\d{1,3}( \d{1,3})?|normal|bold"),
            "font-style": (face.get("style"), r"normal|italic|oblique( -?\d+deg){0,2}"),
            "unicode-range": (face.get("unicodeRange", face.get("unicode_range")), r"[uU]\+[0-9a-fA-F?]+(-[0-9a-fA-F]+)?(\s*,\s*[uU]\+[0-9a-fA-F?]+(-[0-9a-fA-F]+)?)*"),
        }
        bad = [name for name, (value, shape) in descriptors.items() if value is not None and not re.fullmatch(shape, str(value).strip())]
        if not _FAMILY.fullmatch(family) or not _URL.fullmatch(url) or bad:
            self.warnings.append(f"{where} = {face!r}: cannot use its {', '.join(bad) or 'family or url'}; ignored.")
            return
        if url.startswith("app/static/") and not self.static_serving:
            self.warnings.append(f"{where}: {url} is served only with server.enableStaticServing = true.")
        rest = f'font-family:"{family.strip(chr(34) + chr(39))}"' + "".join(
            f";{name}:{str(value).strip()}" for name, (value, _) in descriptors.items() if value is not None
        )
        self.faces.append((url, rest))

    # -- CSS ---------------------------------------------------------------------
    def css(self) -> str:
        scope = f"[data-theme={self.base}]"
        main = dict(self._properties("theme"))
        side = dict(self._properties("theme.sidebar"))
        rules = [f"{scope}{{{_block(main)}}}" if main else ""]
        rules += self._element_rules("theme", f":where({scope})")
        if side:
            # What body resolves from the properties (colour, font, accent) is inherited
            # already resolved, and so are the properties htst.css derives from others on
            # :root: the sidebar states its own.
            for prop, value in self.palette.themes["light"].items():
                uses = re.findall(r"var\((--[\w-]+)", value)
                derived = {"--htst-text", "--htst-primary"} & set(uses) & set(side)
                if derived and prop not in side and prop not in main and prop != "--htst-field":
                    side[prop] = value
            own = {"--htst-text": "color", "--htst-primary": "accent-color", "--htst-font": "font-family"}
            side.update({css: f"var({prop})" for prop, css in own.items() if prop in side})
            rules.append(f"{scope} .htst-sidebar{{{_block(side)}}}")
        rules += self._element_rules("theme.sidebar", f":where({scope} .htst-sidebar)")
        return "".join(rules)

    def _properties(self, section: str) -> Iterator[tuple[str, str]]:
        sidebar = section == "theme.sidebar"
        for option, prop in _COLORS.items():
            if sidebar and option in ("backgroundColor", "secondaryBackgroundColor"):
                continue  # below
            value = self.color(f"{section}.{option}")
            if value is None:
                continue
            yield prop, value
            if prop == "--htst-primary":
                yield "--htst-on-primary", self._on(value)
        if sidebar:
            bg, field = self.color("theme.sidebar.backgroundColor"), self.color("theme.sidebar.secondaryBackgroundColor")
            # In the sidebar, its background is what the main area's bg2 is, and widgets
            # take the main background: htst.css's .htst-sidebar swaps the two.
            if bg is not None:
                yield "--htst-bg2", bg
            if field is not None:
                yield "--htst-field", field
        fonts = (("font", "--htst-font", "sans-serif"), ("codeFont", "--htst-mono", "monospace"))
        for option, prop, generic in fonts:
            stack = self.font(f"{section}.{option}", self.preset.get(prop, generic))
            if stack is not None:
                yield prop, stack
        radii = self.radius(f"{section}.baseRadius")
        if radii is not None:
            yield from zip(("--htst-radius", "--htst-radius-sm", "--htst-radius-lg"), radii)

    def _element_rules(self, section: str, scope: str) -> list[str]:
        """Links and headings: set on the elements, at the lowest specificity, so that
        htst.css's own exceptions (link buttons, nav links) still win."""
        rules = []
        link = self.color(f"{section}.linkColor")
        if link is not None:
            rules.append(f"{scope} a{{color:{link}}}")
        heading = self.font(f"{section}.headingFont", self.preset.get("--htst-font", "sans-serif"))
        if heading is not None:
            rules.append(f"{scope} {_HEADINGS}{{font-family:{heading}}}")
        return rules

    def _on(self, primary: str) -> str:
        """Text on primary-coloured buttons: the preset's, unless it fails AA on this
        primary, then black or white, whichever reads better."""
        colour = colors.rgba(primary)
        preset = self.preset.get("--htst-on-primary", "#FFF")
        ink = colors.rgba(preset)
        if colour is None or ink is None or colors.contrast(ink, colour) >= _TEXT_AA:
            return preset
        white, black = colors.contrast((255, 255, 255, 1), colour), colors.contrast((0, 0, 0, 1), colour)
        return "#FFF" if white >= black else "#000"

    # -- contrast ----------------------------------------------------------------
    def check_contrast(self) -> None:
        """One warning per pair of colours that fails WCAG AA, naming the options; only
        pairs the config had a hand in (the presets are htst's own business)."""
        given = {prop: self.given[f"theme.{option}"] for option, prop in _COLORS.items() if self._measured(f"theme.{option}")}

        def preset(option: str, value: str, scope: str = "theme") -> _Colour | None:
            overrides = given
            if scope == "theme.sidebar" and self._measured("theme.sidebar.textColor"):  # a link's colour mixes in the text's
                overrides = {**given, "--htst-text": self.given["theme.sidebar.textColor"]}
            measured = self.palette.resolve(self.base, value, overrides)
            return _Colour(f"the {self.base} theme's {option}", _hex(measured), measured, "") if measured else None

        def own(key: str, fallback: _Colour | None) -> _Colour | None:
            measured = self._measured(key)
            return _Colour(key, self.given[key], measured, key.rpartition(".")[0]) if measured else fallback

        main = {name: own(f"theme.{option}", preset(option, self.preset.get(_COLORS[option], "")))
                for name, option in (("text", "textColor"), ("bg", "backgroundColor"), ("bg2", "secondaryBackgroundColor"), ("primary", "primaryColor"))}
        main["link"] = own("theme.linkColor", preset("linkColor", self.palette.link))
        # In the sidebar: its background is the main bg2 and its widgets' the main bg.
        inherits = {"text": "text", "bg": "bg2", "bg2": "bg", "primary": "primary", "link": "link"}
        options = {"text": "textColor", "bg": "backgroundColor", "bg2": "secondaryBackgroundColor", "primary": "primaryColor", "link": "linkColor"}
        side = {name: own(f"theme.sidebar.{options[name]}", main[inherits[name]]) for name in inherits}
        if main["link"] is not None and not main["link"].scope:
            side["link"] = own("theme.sidebar.linkColor", preset("linkColor", self.palette.link, "theme.sidebar"))
        pairs = (("text", "bg", _TEXT_AA, "text"), ("text", "bg2", _TEXT_AA, "text on widgets"),
                 ("link", "bg", _TEXT_AA, "links"), ("primary", "bg", _UI_AA, "controls drawn in the primary colour"))
        seen: set[tuple[str, str]] = set()
        for scheme, scope in ((main, ("theme", "theme.sidebar")), (side, ("theme.sidebar",))):
            for fg_name, bg_name, needed, what in pairs:
                fg, bg = scheme[fg_name], scheme[bg_name]
                if fg is None or bg is None or not {fg.scope, bg.scope} & set(scope) or (fg.value, bg.value) in seen:
                    continue
                seen.add((fg.value, bg.value))
                ratio = colors.contrast(fg.rgba, colors.over(bg.rgba, (255, 255, 255, 1)))
                if ratio < needed:
                    self.warnings.append(
                        f"Low contrast: {fg.name} {fg.value} on {bg.name} {bg.value} is {ratio:.2f}:1; "
                        f"WCAG AA asks {needed:g}:1 for {what}."
                    )

    def _measured(self, key: str) -> colors.RGBA | None:
        value = self.given.get(key)
        return colors.rgba(value) if isinstance(value, str) else None


@dataclass(frozen=True)
class _Colour:
    name: str  # the option, or "the light theme's textColor"
    value: str
    rgba: colors.RGBA
    scope: str  # the section that set it, "" for a preset's (pairs of those are not checked)


def _hex(colour: colors.RGBA) -> str:
    return "#" + "".join(f"{round(c):02X}" for c in colour[:3])


def _block(properties: Mapping[str, str]) -> str:
    return ";".join(f"{name}:{value}" for name, value in properties.items())
