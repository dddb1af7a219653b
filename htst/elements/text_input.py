"""st.text_input: a single line of text, sent on Enter or when it loses focus."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widget_spec import WidgetSpec, shared
from ..runtime.widgets import base_props, draw_widget, register_widget
from .block import public


@dataclass(frozen=True, slots=True)
class TextInputSpec(WidgetSpec):
    """The text as typed; longer than `max_chars` is refused (the browser enforces it)."""

    kind = "text_input"
    testing = "TextInput"
    max_chars: int | None = None

    def parse(self, raw: Any) -> str | None:
        if raw is None:
            return None
        if not isinstance(raw, str):
            raise InvalidWidgetValue(f"expected text, got {raw!r}")
        if self.max_chars is not None and len(raw) > self.max_chars:
            raise InvalidWidgetValue(f"text is longer than max_chars={self.max_chars}")
        return raw

    def serialize(self, value: Any) -> str:
        return "" if value is None else str(value)


@public
def text_input(label: str, value: str | None = "", max_chars: int | None = None, key: str | int | None = None, type: str = "default", help: str | None = None, autocomplete: str | None = None, on_change: Callable[..., Any] | None = None, args: Any = None, kwargs: Any = None, *, placeholder: str | None = None, disabled: bool = False, label_visibility: str = "visible", icon: str | None = None, width: Any = "stretch") -> str | None:
    """Display a single-line text input; returns its text (None if value=None and untouched)."""
    if type not in ("default", "password"):
        raise HtstAPIException(f"'{type}' is not a valid text_input type. Valid types are 'default' and 'password'.")
    default = None if value is None else str(value)
    if default is not None and max_chars is not None and len(default) > max_chars:
        default = default[:max_chars]

    ctx, meta, current = register_widget(
        shared(TextInputSpec(max_chars)), key=key,
        identity=(str(label), default, max_chars, type, help, autocomplete, placeholder),
        default=default, default_given=bool(default),
        callback=on_change, args=args, kwargs=kwargs,
    )
    if autocomplete is None and type == "password":
        # Streamlit's default: browsers offer to generate a password instead of autofilling one.
        autocomplete = "new-password"
    props = base_props(meta, label, help, disabled, label_visibility)
    props.update(max_chars=max_chars, input_type="password" if type == "password" else "text",
                 placeholder=None if placeholder is None else str(placeholder),
                 autocomplete=autocomplete, icon=icon)
    draw_widget(ctx, meta, current, props)
    return current
