"""CSS colours as a theme option gives them: checked, written back as CSS, and measured
for contrast (WCAG 2 relative luminance), so a theme's warnings can name a ratio.

Accepted as Streamlit accepts them (any colour a browser parses): hex with or without
``#``, ``rgb()``/``rgba()``, ``hsl()``/``hsla()``, the named colours and ``transparent``.
The newer colour functions (``lab()``, ``oklch()``…) are accepted by their shape only:
htst cannot measure them, so they get no contrast check.
"""

from __future__ import annotations

import math
import re

RGBA = tuple[float, float, float, float]  # red, green, blue 0-255; alpha 0-1

# The CSS named colours, as 6-digit hex.
# 148 pairs read better as text than as a literal.
_NAMED = dict(
    pair.split(":")
    for pair in (  # noqa: SIM905
        "aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc "
        "bisque:ffe4c4 black:000000 blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a "
        "burlywood:deb887 cadetblue:5f9ea0 chartreuse:7fff00 chocolate:d2691e coral:ff7f50 "
        "cornflowerblue:6495ed cornsilk:fff8dc crimson:dc143c cyan:00ffff darkblue:00008b "
        "darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9 darkgreen:006400 darkgrey:a9a9a9 "
        "darkkhaki:bdb76b darkmagenta:8b008b darkolivegreen:556b2f darkorange:ff8c00 "
        "darkorchid:9932cc darkred:8b0000 darksalmon:e9967a darkseagreen:8fbc8f darkslateblue:483d8b "
        "darkslategray:2f4f4f darkslategrey:2f4f4f darkturquoise:00ced1 darkviolet:9400d3 "
        "deeppink:ff1493 deepskyblue:00bfff dimgray:696969 dimgrey:696969 dodgerblue:1e90ff "
        "firebrick:b22222 floralwhite:fffaf0 forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc "
        "ghostwhite:f8f8ff gold:ffd700 goldenrod:daa520 gray:808080 green:008000 greenyellow:adff2f "
        "grey:808080 honeydew:f0fff0 hotpink:ff69b4 indianred:cd5c5c indigo:4b0082 ivory:fffff0 "
        "khaki:f0e68c lavender:e6e6fa lavenderblush:fff0f5 lawngreen:7cfc00 lemonchiffon:fffacd "
        "lightblue:add8e6 lightcoral:f08080 lightcyan:e0ffff lightgoldenrodyellow:fafad2 "
        "lightgray:d3d3d3 lightgreen:90ee90 lightgrey:d3d3d3 lightpink:ffb6c1 lightsalmon:ffa07a "
        "lightseagreen:20b2aa lightskyblue:87cefa lightslategray:778899 lightslategrey:778899 "
        "lightsteelblue:b0c4de lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 linen:faf0e6 "
        "magenta:ff00ff maroon:800000 mediumaquamarine:66cdaa mediumblue:0000cd mediumorchid:ba55d3 "
        "mediumpurple:9370db mediumseagreen:3cb371 mediumslateblue:7b68ee mediumspringgreen:00fa9a "
        "mediumturquoise:48d1cc mediumvioletred:c71585 midnightblue:191970 mintcream:f5fffa "
        "mistyrose:ffe4e1 moccasin:ffe4b5 navajowhite:ffdead navy:000080 oldlace:fdf5e6 olive:808000 "
        "olivedrab:6b8e23 orange:ffa500 orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa "
        "palegreen:98fb98 paleturquoise:afeeee palevioletred:db7093 papayawhip:ffefd5 "
        "peachpuff:ffdab9 peru:cd853f pink:ffc0cb plum:dda0dd powderblue:b0e0e6 purple:800080 "
        "rebeccapurple:663399 red:ff0000 rosybrown:bc8f8f royalblue:4169e1 saddlebrown:8b4513 "
        "salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee sienna:a0522d silver:c0c0c0 "
        "skyblue:87ceeb slateblue:6a5acd slategray:708090 slategrey:708090 snow:fffafa "
        "springgreen:00ff7f steelblue:4682b4 tan:d2b48c teal:008080 thistle:d8bfd8 tomato:ff6347 "
        "turquoise:40e0d0 violet:ee82ee wheat:f5deb3 white:ffffff whitesmoke:f5f5f5 yellow:ffff00 "
        "yellowgreen:9acd32"
    ).split()
)
_HEX = re.compile(r"#?([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_FUNCTION = re.compile(r"(rgba?|hsla?)\(([^()]*)\)", re.IGNORECASE)
_UNMEASURED = re.compile(r"(hwb|lab|lch|oklab|oklch|color)\([\w\s.,%/+-]*\)", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?(%|deg|grad|rad|turn)?", re.IGNORECASE)


def css_color(text: str) -> str | None:
    """The colour as CSS to write out, or None when it is not a colour ("ff0000" gets its #)."""
    text = text.strip()
    if _HEX.fullmatch(text):
        return text if text.startswith("#") else "#" + text
    lowered = text.lower()
    if lowered in _NAMED or lowered == "transparent" or _UNMEASURED.fullmatch(text):
        return lowered if lowered in _NAMED else text
    return text if _function(text) is not None else None


def rgba(text: str) -> RGBA | None:
    """The colour's channels, or None when it is not one htst can measure."""
    text = text.strip()
    if _HEX.fullmatch(text):
        digits = text.lstrip("#")
        if len(digits) <= 4:
            digits = "".join(d * 2 for d in digits)
        alpha = int(digits[6:8], 16) / 255 if len(digits) == 8 else 1.0
        return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16), alpha)
    lowered = text.lower()
    if lowered == "transparent":
        return (0, 0, 0, 0.0)
    if lowered in _NAMED:
        return rgba(_NAMED[lowered])
    return _function(text)


def _function(text: str) -> RGBA | None:
    """rgb()/rgba()/hsl()/hsla(), in the comma or the space syntax, alpha after `/`."""
    match = _FUNCTION.fullmatch(text)
    if match is None:
        return None
    name, body = match.group(1).lower(), match.group(2).strip()
    if "," in body:
        parts = [p.strip() for p in body.split(",")]
        if "/" in body:
            return None
    else:
        colour, _, alpha = body.partition("/")
        parts = colour.split() + ([alpha.strip()] if alpha else [])
    if len(parts) not in (3, 4) or not all(_NUMBER.fullmatch(p) for p in parts):
        return None
    units = [_NUMBER.fullmatch(p).group(3) or "" for p in parts]  # type: ignore[union-attr]
    angle = name.startswith("hsl") and units[0] != "%"
    if any(u not in ("", "%") for u in units[angle:]) or (name.startswith("hsl") and not angle):
        return None  # an angle where a channel goes, or a hue in %
    alpha = _channel(parts[3], 1) if len(parts) == 4 else 1.0
    if name.startswith("rgb"):
        r, g, b = (_channel(p, 255) for p in parts[:3])
        return (r, g, b, alpha)
    hue = _hue(parts[0])
    s, light = (_channel(p, 100) / 100 for p in parts[1:3])
    return (*_hsl_to_rgb(hue, s, light), alpha)


def _channel(text: str, full: float) -> float:
    value = float(text.rstrip("%"))
    value = value / 100 * full if text.endswith("%") else value
    return min(max(value, 0.0), full)


def _hue(text: str) -> float:
    unit = _NUMBER.fullmatch(text).group(3) or "deg"  # type: ignore[union-attr]
    value = float(text[: len(text) - len(unit)] if text.lower().endswith(unit.lower()) else text)
    return value * {"deg": 1, "grad": 0.9, "rad": 180 / math.pi, "turn": 360}[unit.lower()] % 360


def _hsl_to_rgb(hue: float, s: float, light: float) -> tuple[float, float, float]:
    def f(n: int) -> float:
        k = (n + hue / 30) % 12
        return 255 * (light - s * min(light, 1 - light) * max(-1, min(k - 3, 9 - k, 1)))

    return (f(0), f(8), f(4))


def mix(a: RGBA, b: RGBA, share: float) -> RGBA:
    """`color-mix(in srgb, a share, b)`: `share` (0-1) of `a`, the rest `b`."""
    weights = (share * a[3], (1 - share) * b[3])
    alpha = weights[0] + weights[1]
    if alpha == 0:
        return (0, 0, 0, 0.0)
    channels = ((a[i] * weights[0] + b[i] * weights[1]) / alpha for i in range(3))
    return (*channels, alpha)  # type: ignore[return-value]


def over(top: RGBA, below: RGBA) -> RGBA:
    """`top` painted over an opaque `below`."""
    return (*(top[i] * top[3] + below[i] * (1 - top[3]) for i in range(3)), 1.0)  # type: ignore[return-value]


def contrast(text: RGBA, background: RGBA) -> float:
    """WCAG 2 contrast ratio of text on an opaque background (1 to 21)."""
    lighter, darker = sorted((_luminance(over(text, background)), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: RGBA) -> float:
    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
