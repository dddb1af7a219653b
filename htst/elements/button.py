"""st.button: True only in the run its click caused."""

from __future__ import annotations

from typing import Any, Callable

from ..errors import HtstAPIException
from ..runtime.widgets import base_props, draw_widget, register_widget


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
        "button",
        key=key,
        identity=(str(label), help, type, icon),
        default=False,
        parse=parse_click,
        serialize=bool,
        callback=on_click,
        args=args,
        kwargs=kwargs,
        trigger=True,
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
    return raw not in (False, None, "", "0", "false")
