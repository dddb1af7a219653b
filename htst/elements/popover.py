"""st.popover: a button that opens a small container (a <details>, so it works without JS).

As with st.expander, by default it opens and closes in the browser; with `on_change`
("rerun" or a callback) whether it is open is a widget value (`.open`), and opening or
closing reruns the app. htst.js closes an open popover when the user clicks elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import current
from ..runtime.widget_spec import shared
from ..runtime.widgets import draw_widget, register_widget
from . import icons, input_params, sizing
from . import layout_checks as checks
from .block import add_container, public
from .button import check_button_type
from .layout import ExpanderSpec, Section


@dataclass(frozen=True, slots=True)
class PopoverSpec(ExpanderSpec):
    """A popover with `on_change`: the value is whether it is open."""

    kind = "popover"


@public
def popover(
    label: str,
    *,
    type: str = "secondary",
    help: str | None = None,
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
    wrap: bool | None = None,
    key: str | int | None = None,
    on_change: str | Callable[..., Any] = "ignore",
    args: Any = None,
    kwargs: Any = None,
) -> Section:
    """A button that opens a container: write into it with `with st.popover(...):`."""
    if label is None:
        raise HtstAPIException("The `label` parameter is required.")
    check_button_type("popover", type)
    mode = checks.section_mode(on_change)
    ctx = current()
    props: dict[str, Any] = {
        "label": str(label), "type": type, "help": help, "icon": icons.icon(icon),
        "disabled": bool(disabled),
        "width": sizing.width(sizing.container_width(width, use_container_width)),
        "wrap": input_params.wrap(wrap, ctx.container),
    }
    if mode is None:
        props.update(expanded=False, key=checks.key_class(checks.claim_key(ctx, key)))
        node, _ = add_container("popover", props)
        return Section(node)
    ctx, meta, value = register_widget(
        shared(PopoverSpec()),
        key=key,
        identity=() if key is not None else (str(label),),
        default=False,
        callback=on_change if callable(on_change) else None,
        args=args,
        kwargs=kwargs,
    )
    value = bool(value)
    props.update(wid=meta.id, expanded=value, key=checks.key_class(meta.key))
    return Section(draw_widget(ctx, meta, value, props, container=True), value)
