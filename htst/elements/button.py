"""st.button: True only in the run its click caused."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widget_spec import NOTHING, WidgetSpec, shared
from ..runtime.widgets import base_props, draw_widget, register_widget
from . import icons, input_params, shortcuts, sizing
from .block import public


class ClickSpec(WidgetSpec):
    """Button-like widgets: no field of their own; a click (`_htst_click=<id>`) is their
    value, True for the one run it causes. They cannot be set through Session State."""

    __slots__ = ()
    testing = "Button"
    trigger = True
    preset = "refuse"

    def parse(self, raw: Any) -> bool:
        return parse_click(raw)

    def serialize(self, value: Any) -> bool:
        return bool(value)

    def shown(self, value: Any) -> bool:
        return False  # the page never shows a button pressed

    def read(self, fields: Any, name: str) -> Any:
        return NOTHING

    def click(self) -> Any:
        return True


@dataclass(frozen=True, slots=True)
class ButtonSpec(ClickSpec):
    kind = "button"
    in_forms = False  # it acts at once, so it cannot wait for a form's submit


@public
def button(
    label: str,
    key: str | int | None = None,
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: tuple | list | None = None,
    kwargs: dict | None = None,
    *,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Display a button; returns True in the run triggered by its click, else False.

    `shortcut` ("Ctrl+K", "Enter"…) clicks it from the keyboard while no field has focus
    (htst.js); `wrap=None` keeps the label on one line in a row (a column), where an
    overflowing label ends in "…" and shows in full on hover.
    """
    check_button_type("button", type)
    on_click = input_params.callback(on_click, name="on_click", modes=False)
    look = button_look(icon, icon_position, width, use_container_width, shortcut)
    ctx, meta, value = register_widget(
        shared(ButtonSpec()),
        key=key,
        identity=(str(label), help, type, icon),
        default=False,
        callback=on_click,
        args=args,
        kwargs=kwargs,
    )
    props = base_props(meta, label, help, disabled, "visible")
    props.update(kind=type, wrap=input_params.wrap(wrap, ctx.container), **look)
    draw_widget(ctx, meta, value, props)
    return bool(value)


def button_look(icon: Any, icon_position: Any, width: Any, use_container_width: bool | None, shortcut: Any) -> dict[str, Any]:
    """The props every button-like command draws the same way (checked with Streamlit's
    messages): icon and its side, width (`use_container_width` is the deprecated spelling of
    width "stretch"/"content") and keyboard shortcut."""
    keys = shortcuts.shortcut(shortcut)
    return {
        "icon": icons.icon(icon),
        "icon_position": input_params.icon_position(icon_position),
        "width": sizing.width(sizing.container_width(width, use_container_width)),
        "shortcut": keys,
    }


def check_button_type(command: str, type: str) -> None:
    """Every button-like command takes the same three types."""
    if type not in ("primary", "secondary", "tertiary"):
        raise HtstAPIException(
            f'The type argument to st.{command} must be "primary", "secondary", or "tertiary". '
            f"\nThe argument passed was {type!r}."
        )


def parse_click(raw: Any) -> bool:
    """What a posted click field means, for every button-like widget."""
    if raw in (True, False, None):
        return bool(raw)
    if not isinstance(raw, str):
        raise InvalidWidgetValue(f"expected a click, got {raw!r}")
    return raw not in ("", "0", "false")
