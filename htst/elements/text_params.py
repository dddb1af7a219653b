"""Checks shared by the text, alert and data-display commands, with Streamlit 1.67's rules
and messages: text alignment, one-line text (`wrap`), heading anchors.

Each check returns the value the node's props keep, or raises `HtstAPIException`.
"""

from __future__ import annotations

from typing import Any

from ..errors import HtstAPIException

ALIGNMENTS = ("left", "center", "right", "justify")


def text_alignment(value: Any) -> str:
    """`text_alignment`: left (also for None), center, right or justify."""
    if value is None:
        return "left"
    if isinstance(value, str) and value in ALIGNMENTS:
        return value
    raise HtstAPIException(
        "Invalid `text_alignment` value. Supported values: 'left', 'center', 'right', 'justify'."
    )


def wrap(value: Any) -> bool:
    """`wrap` of text elements: a real bool (False keeps the text on one line)."""
    if value is True or value is False:
        return value
    raise HtstAPIException("Invalid `wrap` value. Supported values: True, False.")


def no_html_on_one_line(wrap_value: bool, unsafe_allow_html: Any) -> None:
    if not wrap_value and unsafe_allow_html:
        raise HtstAPIException(
            "`wrap=False` and `unsafe_allow_html=True` cannot be used together. One-line "
            "markdown cannot ellipsize raw HTML. Pass `wrap=True` to render HTML, or omit "
            "`unsafe_allow_html` to truncate."
        )


def anchor(value: Any) -> str | bool | None:
    """A heading's `anchor`: a string (its id), False (no link to it) or None (an id
    made from the text)."""
    if value is None or value is False:
        return value
    if value is True:
        raise HtstAPIException("Invalid `anchor` value. Supported values: None, False, any string.")
    if not isinstance(value, str):
        raise HtstAPIException(
            "Invalid `anchor` type. Expected one of: str, None, False. "
            f"Provided type: {type(value).__name__}."
        )
    return value or None


def label_visibility(value: Any) -> str:
    if isinstance(value, str) and value in ("visible", "hidden", "collapsed"):
        return value
    raise HtstAPIException(
        "Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'."
    )
