"""`width` and `height` as Streamlit 1.67 takes them, checked once for every element.

Values: "stretch" (fill the parent), "content" (fit the content, never wider than the
parent), "auto" (markdown: stretch, but content inside a horizontal container), or a
positive int of pixels. The template macro `size` in `macros.html` draws them.
"""

from __future__ import annotations

from typing import Any

from ..errors import HtstAPIException

_MAX_PIXELS = 2**32 - 1


def width(value: Any, *, allow: tuple[str, ...] = ("stretch", "content")) -> str | int:
    """A checked `width`: one of `allow`, or pixels."""
    return _size("width", value, allow)


def height(value: Any, *, allow: tuple[str, ...] = ("stretch", "content")) -> str | int:
    """A checked `height`: one of `allow`, or pixels."""
    return _size("height", value, allow)


def container_width(width_value: Any, use_container_width: bool | None) -> Any:
    """The deprecated `use_container_width` wins over `width` when given (True: "stretch",
    False: "content"), as in Streamlit."""
    if use_container_width is None:
        return width_value
    return "stretch" if use_container_width else "content"


def _size(name: str, value: Any, allow: tuple[str, ...]) -> str | int:
    if isinstance(value, str) and value in allow:
        return value
    if isinstance(value, int) and value >= 1:  # True is 1 pixel, as in Streamlit
        if value > _MAX_PIXELS:
            raise HtstAPIException(f"The `{name}` parameter, set to {value}, is outside the required range [1, {_MAX_PIXELS}].")
        return int(value)
    words = [w for w in allow if w != "auto"]
    if len(words) > 1:
        choices = ", ".join(f"'{w}'" for w in words[:-1]) + f", or '{words[-1]}'"
        options = f"either a positive integer (pixels), {choices}"
    elif words:
        options = f"either a positive integer (pixels) or '{words[0]}'"
    else:
        options = "a positive integer (pixels)"
    raise HtstAPIException(f"Invalid {name} value: {value!r}. {name.capitalize()} must be {options}.")
