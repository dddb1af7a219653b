"""Parameters shared by the layout commands, checked with Streamlit 1.67's messages.

Gaps, alignments, element keys (a CSS class and a claim on the run's keys) and
the `on_change` modes of expanders and tabs. Each check returns what the HTML needs.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import RunContext

# Gap sizes in rem (1.67's theme spacing); an int is pixels, None no gap.
GAPS = {"xxsmall": ".25rem", "xsmall": ".5rem", "small": "1rem", "medium": "2rem", "large": "4rem", "xlarge": "6rem", "xxlarge": "8rem"}
_GAP_CHOICES = ", ".join(f"'{name}'" for name in GAPS) + ", None, a non-negative integer (pixels)"
_MAX_PIXELS = 2**32 - 1
HORIZONTAL = ("left", "center", "right", "distribute")
VERTICAL = ("top", "center", "bottom", "distribute")


def gap(value: Any) -> str | None:
    """The CSS gap for `gap`; None for the default (small, 1rem)."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        if value > _MAX_PIXELS:
            raise HtstAPIException(f"The `gap` parameter, set to {value}, is outside the required range [0, {_MAX_PIXELS}].")
        return f"{value}px" if value else "0"
    if value is None:
        return "0"
    if isinstance(value, str) and value.lower() in GAPS:
        size = GAPS[value.lower()]
        return None if size == GAPS["small"] else size
    raise HtstAPIException(f"Invalid `gap` value. Supported values: {_GAP_CHOICES}. Got {value!r}.")


def choice(name: str, value: Any, allowed: tuple[str, ...]) -> str:
    """One of `allowed`, or 1.67's "Invalid `name` value … Got …" error."""
    if isinstance(value, str) and value in allowed:
        return value
    supported = ", ".join(f"'{a}'" for a in allowed)
    raise HtstAPIException(f"Invalid `{name}` value. Supported values: {supported}. Got {value!r}.")


def strict_bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise HtstAPIException(f"Invalid `{name}` value. Supported values: True, False.")
    return value


def key_class(key: Any) -> str | None:
    """The CSS class a keyed element carries (`st-key-<key>`, as in Streamlit 1.67)."""
    if key is None or key == "":
        return None
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", str(key).strip())


def claim_key(ctx: RunContext, key: Any) -> str | None:
    """Register an element's key for this run: element and widget keys share one space.

    Returns the key as a string (None when not given or empty).
    """
    if key is None or key == "":
        return None
    key = str(key)
    widget = ctx.state.widget_for_key(key)
    if key in ctx.element_keys or (widget is not None and widget.id in ctx.widget_ids):
        raise duplicate_key(key)
    ctx.element_keys.add(key)
    return key


def duplicate_key(key: str) -> HtstAPIException:
    return HtstAPIException(
        f"There are multiple elements with the same `key='{key}'`. To fix this, please make "
        "sure that the `key` argument is unique for each element you create."
    )


def section_mode(on_change: Any) -> str | None:
    """An expander's or tabs' `on_change`: "ignore" (None back), "rerun", or a callback."""
    if on_change == "ignore":
        return None
    if on_change == "rerun" or callable(on_change):
        return "rerun"
    raise HtstAPIException("Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.")
