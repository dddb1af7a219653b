"""st.metric's `format`: numbers written as Streamlit 1.67's browser writes them, on the server.

Streamlit formats in the browser with the visitor's locale; htst formats once, on the
server, in US English ("1,234.57"), so every visitor and AppTest see the same text.
Rounding is half away from zero on the decimal digits as written ("1.005" -> "1.01"),
as `Intl.NumberFormat` does.

Formats: "plain", "localized", "percent", "dollar", "euro", "yen", "accounting",
"bytes", "compact", "scientific", "engineering", or a printf-style string such as
"%d", "%.2f", "%+.1f%%" or "%,d" (thousands separators). A value that is not a number
("70 °F"), or a format that cannot take it, is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

# What the browser's Number() reads as a finite number (decimal notation only).
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_PRINTF = re.compile(
    r"%(?P<flags>[-+0 ,#]*)(?P<width>\d+)?(?:\.(?P<precision>\d+))?(?P<kind>[%bcdeEfFgGiosuxX])"
)
_COMPACT_UNITS = ("", "K", "M", "B", "T")


def format_number(text: str, fmt: str | None) -> str:
    """`text` (a metric's value or delta as Streamlit shows it) written in format `fmt`."""
    if not fmt or not _NUMBER.fullmatch(text.strip()):
        return text
    formatter = _NAMED.get(fmt)
    try:
        with localcontext() as context:
            context.prec = 200  # exact: 1e20 with 20 decimals is 41 digits
            number = Decimal(text.strip())
            return formatter(number) if formatter else _printf(fmt, number, text.strip())
    except (ValueError, TypeError, OverflowError, InvalidOperation):
        return text


def _fixed(number: Decimal, low: int, high: int, *, group: bool = True) -> str:
    """`number` with `low` to `high` decimals (trailing zeros beyond `low` dropped)."""
    rounded = number.quantize(Decimal(1).scaleb(-high), rounding=ROUND_HALF_UP)
    text = f"{rounded:{',' if group else ''}f}"
    if "." in text and high > low:
        whole, _, fraction = text.partition(".")
        fraction = fraction.rstrip("0").ljust(low, "0")
        text = f"{whole}.{fraction}" if fraction else whole
    return text


def _money(symbol: str, decimals: int) -> Callable[[Decimal], str]:
    def money(number: Decimal) -> str:
        text = _fixed(abs(number), decimals, decimals)
        return f"-{symbol}{text}" if number < 0 and text.strip("0.,") else f"{symbol}{text}"

    return money


def _accounting(number: Decimal) -> str:
    text = _fixed(abs(number), 2, 2)
    return f"({text})" if number < 0 and text.strip("0.,") else text


def _plain(number: Decimal) -> str:
    return _fixed(number, 0, 20, group=False)


def _percent(number: Decimal) -> str:
    return _fixed(number * 100, 0, 2) + "%"


def _compact_parts(number: Decimal, decimals: Callable[[Decimal], int]) -> tuple[str, int]:
    """The short form of `number` (1234 -> ("1.2", 1)) and its unit (K=1, M=2…)."""
    unit = 0
    size = abs(number)
    while unit < len(_COMPACT_UNITS) - 1 and size >= 1000:
        size /= 1000
        unit += 1
    scaled = number.scaleb(-3 * unit)
    text = _fixed(scaled, 0, decimals(scaled))
    rounded = Decimal(text.replace(",", ""))
    if abs(rounded) >= 1000 and unit < len(_COMPACT_UNITS) - 1:  # 999,999 is 1000K: 1M
        return _compact_parts(rounded.scaleb(3 * unit), decimals)
    return text, unit


def _two_digits(scaled: Decimal) -> int:
    """Intl's compact rounding: two significant digits, but no digit of the whole part
    dropped (1.2K, 12K, 123K; 0.012)."""
    size = abs(scaled)
    if size == 0:
        return 0
    return max(0, 1 - size.adjusted())


def _compact(number: Decimal) -> str:
    text, unit = _compact_parts(number, _two_digits)
    return text + _COMPACT_UNITS[unit]


def _bytes(number: Decimal) -> str:
    text, unit = _compact_parts(number, lambda scaled: 1)
    return text + ("B", "KB", "MB", "GB", "TB")[unit]


def _exponent(number: Decimal, step: int) -> str:
    """Scientific (step 1) and engineering (step 3) notation: "1.235E3"."""
    if number == 0:
        return "0E0"
    exponent = number.adjusted() // step * step
    mantissa = _fixed(number.scaleb(-exponent), 0, 3, group=False)
    if abs(Decimal(mantissa)) >= 10**step:  # 9.9996 -> 10.000 -> 1E1
        exponent += step
        mantissa = _fixed(number.scaleb(-exponent), 0, 3, group=False)
    return f"{mantissa}E{exponent}"


_NAMED: dict[str, Callable[[Decimal], str]] = {
    "plain": _plain,
    "localized": lambda number: _fixed(number, 0, 3),
    "percent": _percent,
    "dollar": _money("$", 2),
    "euro": _money("€", 2),
    "yen": _money("¥", 0),
    "accounting": _accounting,
    "compact": _compact,
    "bytes": _bytes,
    "scientific": lambda number: _exponent(number, 1),
    "engineering": lambda number: _exponent(number, 3),
}


def _printf(fmt: str, number: Decimal, text: str) -> str:
    """A printf-style format (sprintf-js's, plus "," for thousands separators)."""
    if not _PRINTF.search(fmt):
        raise ValueError("no conversion in the format")

    def one(match: re.Match[str]) -> str:
        kind, flags = match["kind"], match["flags"]
        if kind == "%":
            return "%"
        spec = ("<" if "-" in flags else "") + ("+" if "+" in flags else "")
        spec += "0" if "0" in flags and "-" not in flags else ""
        spec += match["width"] or ""
        spec += "," if "," in flags else ""
        if kind in "diuboxXc":
            whole = int(number.to_integral_value(rounding=ROUND_DOWN))
            if kind in "diu":
                return format(whole, spec + "d")
            if kind == "c":
                return chr(whole)
            return format(whole, spec.replace(",", "") + kind)
        if kind == "s":
            return format(text, spec.replace("+", "").replace(",", ""))
        precision = match["precision"]
        spec += f".{precision if precision is not None else 6}" + kind
        return format(float(number), spec)

    return _PRINTF.sub(one, fmt)
