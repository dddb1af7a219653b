"""The life of a widget call, top to bottom: key -> id -> register -> value.

Element modules call `register_widget` and then add their node; the id computed here
is also the name of the form field the browser sends the value back in.
"""

from __future__ import annotations

import hashlib
from typing import Any, Callable

from ..errors import DuplicateWidgetID, HtstAPIException
from .context import RunContext, current
from .state import WidgetMeta


def widget_id(kind: str, key: str | None, page: str, identity: tuple) -> str:
    """A deterministic id from what identifies the widget (docs: widget identity).

    Callbacks, their args, `disabled` and `label_visibility` are deliberately left out.
    """
    digest = hashlib.blake2b(repr((kind, key, page, identity)).encode(), digest_size=7)
    return "w" + digest.hexdigest()


def register_widget(
    kind: str,
    *,
    key: Any,
    identity: tuple,
    default: Any,
    parse: Callable[[Any], Any],
    serialize: Callable[[Any], Any],
    callback: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    default_given: bool = False,
    trigger: bool = False,
    extra: dict | None = None,
) -> tuple[RunContext, WidgetMeta, Any]:
    ctx = current()
    ctx.checkpoint()
    key = None if key is None else str(key)
    if callback is not None and not callable(callback):
        raise HtstAPIException(f"The callback given to `{kind}` must be callable, got {callback!r}.")
    wid = widget_id(kind, key, "", identity)
    if wid in ctx.widget_ids:
        raise DuplicateWidgetID(
            f"There are multiple `{kind}` widgets with the same generated key.\n\n"
            "When a widget is created, it's assigned an internal key based on its "
            "structure. Multiple widgets with an identical structure will result in the "
            "same internal key, which causes this error.\n\n"
            f"To fix this error, please pass a unique `key` argument to `st.{kind}`."
        )
    ctx.widget_ids.add(wid)
    meta = WidgetMeta(
        id=wid,
        type=kind,
        key=key,
        parse=parse,
        serialize=serialize,
        callback=callback,
        args=tuple(args) if args is not None else (),
        kwargs=dict(kwargs) if kwargs is not None else {},
        trigger=trigger,
        extra=extra or {},
    )
    value, warning = ctx.state.register(meta, default, default_given)
    if warning:
        from ..elements.alerts import warning as show_warning

        show_warning(warning)
    return ctx, meta, value


def base_props(meta: WidgetMeta, label: str, help: str | None, disabled: bool, label_visibility: str) -> dict:
    if label_visibility not in ("visible", "hidden", "collapsed"):
        raise HtstAPIException(
            f"Unsupported label_visibility option '{label_visibility}'. "
            "Valid values are 'visible', 'hidden' or 'collapsed'."
        )
    return {
        "wid": meta.id,
        "key": meta.key,
        "label": str(label),
        "help": help,
        "disabled": bool(disabled),
        "label_visibility": label_visibility,
    }


def draw_widget(ctx: RunContext, meta: WidgetMeta, value: Any, props: dict) -> None:
    """Add the widget's node; `raw` is what the browser's form field holds and sends back."""
    meta.raw = meta.serialize(value)
    meta.extra["disabled"] = props.get("disabled", False)
    props["raw"] = meta.raw
    props["_value"] = value  # what the script got back; AppTest reads it, HTML never does
    ctx.add(meta.type, props)
