"""st.text_area: multi-line text, sent with Ctrl+Enter / ⌘+Enter or when it loses focus.

Enter inserts a newline (htst.js sends only on Ctrl/⌘+Enter). Browsers post a textarea's
line breaks as CRLF whatever the user typed, so the field's raw value is kept in CRLF
form (a page posted back untouched is no change) and the script always gets "\\n".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import HtstAPIException
from ..runtime.widget_spec import WidgetSpec, spec_of
from ..runtime.widgets import base_props, draw_widget, register_widget
from . import input_params, sizing
from .block import public
from .text_input import posted_text, refuse_text

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HEIGHT_KEYWORDS = ("content", "stretch")


def _to_crlf(text: str) -> str:
    return _LINE_BREAK.sub("\r\n", text)


def _to_lf(text: str) -> str:
    return _LINE_BREAK.sub("\n", text)


@dataclass(frozen=True, slots=True)
class TextAreaSpec(WidgetSpec):
    """The text with "\\n" line breaks; the field holds it with CRLF, as browsers post it."""

    kind = "text_area"
    testing = "TextInput"
    max_chars: int | None = None
    required: bool = False

    def parse(self, raw: Any) -> str | None:
        return None if raw is None else posted_text(raw, self.max_chars, _to_lf)

    def serialize(self, value: Any) -> str:
        return "" if value is None else _to_crlf(str(value))

    def refuse(self, raw: Any) -> str | None:
        return refuse_text(raw, self.required)


def _check_height(height: Any) -> None:
    if height is None or height in _HEIGHT_KEYWORDS:
        return
    if isinstance(height, bool) or not isinstance(height, int) or height < 1:
        raise HtstAPIException(
            f"Invalid height value: {height!r}. Height must be either an integer (pixels), "
            "'stretch', or 'content'."
        )


@public
def text_area(label: str, value: str | None = "", height: int | str | None = None, max_chars: int | None = None, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, *, placeholder: str | None = None, disabled: bool = False, required: bool = False, label_visibility: str = "visible", width: Any = "stretch", bind: str | None = None, persist_state: str | None = None) -> str | None:
    """Display a multi-line text input; returns its text (None if value=None and untouched).

    `height` is None (about three lines), a number of pixels, "content" (grows with the
    text) or "stretch". A `value` longer than `max_chars` is cut, as Streamlit does; a
    posted text longer than `max_chars` is refused (400), since the browser enforces it.
    `required`: a blank text is not committed, as for st.text_input.
    """
    _check_height(height)
    keeping = input_params.keeping(key, bind, persist_state, on_change)
    callback = input_params.callback(on_change)
    must = input_params.required(required)
    size = sizing.width(width, allow=("stretch",))
    default = None if value is None else _to_lf(str(value))
    if default is not None and max_chars is not None:
        default = default[:max_chars]

    ctx, meta, current = register_widget(
        spec_of(TextAreaSpec, max_chars, must), key=key, keeping=keeping,
        identity=(str(label), default, height, max_chars, help, placeholder) + ((must,) if key is None else ()),
        default=default, default_given=bool(default),
        callback=callback, args=args, kwargs=kwargs,
    )
    props = base_props(meta, label, help, disabled, label_visibility)
    props.update(max_chars=max_chars, placeholder=placeholder,
                 height=height if isinstance(height, int) else None,
                 grow=height in _HEIGHT_KEYWORDS, required=must, width=size)
    draw_widget(ctx, meta, current, props)
    return current
