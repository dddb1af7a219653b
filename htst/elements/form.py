"""st.form and st.form_submit_button: batch a group of widgets into one rerun."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import current
from ..runtime.forms import FormInfo
from ..runtime.widget_spec import shared
from ..runtime.widgets import base_props, draw_widget, register_widget
from . import input_params, sizing
from .block import Block, public
from .button import ClickSpec, button_look, check_button_type


@dataclass(frozen=True, slots=True)
class SubmitSpec(ClickSpec):
    """A form's submit button: its click sends the form's held values with it."""

    kind = "form_submit_button"
    submits_form = True
    submits_on_enter: bool = True


@public
def form(
    key: str,
    clear_on_submit: bool = False,
    *,
    enter_to_submit: bool = True,
    border: bool = True,
    width: Any = "stretch",
    height: Any = "content",
) -> Block:
    """A container whose widgets send their values only when its submit button is pressed.

    `border` draws a border around it; `width` and `height` size it as st.container's do
    (a fixed height scrolls).
    """
    width = sizing.width(width)
    height = sizing.height(height, allow=("stretch", "content"))
    ctx = current()
    container = ctx.stack[-1]
    if container.form is not None:
        raise HtstAPIException("Forms cannot be nested in other forms.")
    form_id = f"form-{key}"
    if form_id in ctx.forms:
        raise HtstAPIException(
            f"There are multiple identical forms with `key='{key}'`. To fix this, please make "
            "sure that the `key` argument is unique for each `st.form` you create."
        )
    props = {"key": str(key), "form_id": form_id, "border": bool(border), "enter_to_submit": bool(enter_to_submit), "width": width, "height": height}
    node = ctx.add("form", props, container=True)
    node.form = form_id
    ctx.forms[form_id] = FormInfo(node, bool(clear_on_submit), bool(enter_to_submit))
    return Block(node)


@public
def form_submit_button(
    label: str = "Submit",
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: tuple | list | None = None,
    kwargs: dict | None = None,
    *,
    key: str | int | None = None,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """The button that submits its form: True in the run the submission caused.

    `icon_position`, `width`, `shortcut` and `wrap` as for st.button.
    """
    check_button_type("form_submit_button", type)
    on_click = input_params.callback(on_click, name="on_click", modes=False)
    look = button_look(icon, icon_position, width, use_container_width, shortcut)
    ctx = current()
    form_id = ctx.stack[-1].form
    info = ctx.forms.get(form_id or "")
    ctx, meta, value = register_widget(
        shared(SubmitSpec(info is not None and info.enter_to_submit)),
        key=key,
        identity=(str(label), help, form_id, type, icon),
        default=False,
        callback=on_click,
        args=args,
        kwargs=kwargs,
    )
    if info is not None:
        info.has_submit = True
        info.submitted = info.submitted or bool(value)
    props = base_props(meta, label, help, disabled, "visible")
    props.update(kind=type, wrap=input_params.wrap(wrap, ctx.container), form_id=form_id, **look)
    draw_widget(ctx, meta, value, props)
    return bool(value)
