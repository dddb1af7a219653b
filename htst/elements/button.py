"""st.button: True only in the run its click caused."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widget_spec import NOTHING, WidgetSpec, shared
from ..runtime.widgets import base_props, draw_widget, register_widget
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
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
) -> bool:
    """Display a button; returns True in the run triggered by its click, else False."""
    check_button_type("button", type)
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
    props.update(kind=type, icon=icon, stretch=bool(use_container_width) or width == "stretch")
    draw_widget(ctx, meta, value, props)
    return bool(value)


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
