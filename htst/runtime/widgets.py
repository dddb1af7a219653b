"""The life of a widget call, top to bottom: key -> id -> register -> value.

Element modules call `register_widget` and then add their node; the id computed here
is also the name of the form field the browser sends the value back in.
"""

from __future__ import annotations

import hashlib
from typing import Any, Callable

from ..errors import DuplicateWidgetID, HtstAPIException, InvalidWidgetValue
from . import enum_coercion, forms
from .context import RunContext, current
from .state import WidgetMeta


def widget_id(kind: str, key: str | None, page: str, identity: tuple) -> str:
    """A deterministic id from what identifies the widget (docs: widget identity).

    Callbacks, their args, `disabled` and `label_visibility` are deliberately left out.
    """
    digest = hashlib.blake2b(repr((kind, key, page, identity)).encode(), digest_size=7)
    return "w" + digest.hexdigest()


# Widgets a cached function cannot replay (docs: caching, input widgets).
UNREPLAYABLE = frozenset({"file_uploader", "camera_input"})


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
    options: list | None = None,
) -> tuple[RunContext, WidgetMeta, Any]:
    """Register a widget drawn in this run; return its run context, meta and value.

    Options widgets pass `options`: their value is then an object from the options of
    the run that drew them (docs: custom classes), coerced to this run's Enum class as
    `runner.enumCoercion` allows. Such a widget serializes through `meta.serialize`,
    which also knows the objects it drew last run.
    """
    ctx = current()
    ctx.checkpoint()
    key = None if key is None else str(key)
    if callback is not None and not callable(callback):
        raise HtstAPIException(f"The callback given to `{kind}` must be callable, got {callback!r}.")
    container = ctx.stack[-1]
    if ctx.fragment is not None and container.fragment != ctx.fragment:
        raise HtstAPIException("Fragments cannot write widgets to outside containers.")
    form = forms.check_widget(ctx, container, kind, callback)
    if ctx.widget_recorders and kind in UNREPLAYABLE:
        raise HtstAPIException(
            f"`st.{kind}` is not supported in cached functions, even with "
            "`experimental_allow_widgets=True`: its value cannot be replayed. Call it "
            "outside the cached function and pass what it returns as an argument."
        )
    extra = extra if extra is not None else {}
    extra["fragment"] = container.fragment
    if container.form is not None:
        extra["form"] = container.form
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
        extra=extra,
    )
    previous = ctx.state.widget_meta(wid)
    value, warning = ctx.state.register(meta, default, default_given)
    if options is not None:
        value = _options_value(ctx, meta, previous, value, options)
    if form is not None and form.clear_on_submit and not trigger:
        entry = {"meta": meta, "default": default, "call": ctx.call}
        form.widgets.append(entry)
        extra["form_entry"] = entry  # draw_widget records the node it draws
    if warning:
        from ..elements.alerts import warning as show_warning

        show_warning(warning)
    return ctx, meta, value


def _options_value(
    ctx: RunContext, meta: WidgetMeta, previous: WidgetMeta | None, value: Any, options: list
) -> Any:
    """An options widget's value, coerced to this run's Enum class; its serialize made lenient.

    A value from last run's options may equal none of this run's (a class redefined by
    the rerun, without `__eq__`). It is still the widget's own selection, not a stray
    Session State value, so it keeps its place: the same wid means the same option
    labels, so last run's positions are this run's.
    """
    coerced = enum_coercion.coerce(value, options, ctx.app.config["runner.enumCoercion"])
    if coerced is not value:
        ctx.state.set_widget_value(meta.id, coerced)
        value = coerced
    own = meta.serialize
    meta.extra["own_serialize"] = own
    if previous is None:
        return value
    last_own = previous.extra.get("own_serialize", previous.serialize)
    last_value, last_raw = previous.extra.get("drawn_value", _NOTHING), previous.raw

    def serialize(v: Any) -> Any:
        try:
            return own(v)
        except InvalidWidgetValue:
            if _same_objects(v, last_value):
                return last_raw
            return last_own(v)

    meta.serialize = serialize
    return value


_NOTHING = object()


def _same_objects(a: Any, b: Any) -> bool:
    if a is b:
        return True
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b):
        return all(x is y for x, y in zip(a, b))
    return False


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


def drawable_value(ctx: RunContext, meta: WidgetMeta, value: Any, default: Any, check: Callable[[Any], Any] | None = None) -> tuple[Any, Any]:
    """The value to draw and its raw form; a Session State value the widget cannot show
    (not an option, not an ordered range…) resets the widget to its default."""
    try:
        raw = meta.serialize(value)
        if check is not None:
            check(raw)
        return value, raw
    except (InvalidWidgetValue, HtstAPIException, TypeError, ValueError):
        ctx.state.set_widget_value(meta.id, default)
        return default, meta.serialize(default)


def draw_widget(ctx: RunContext, meta: WidgetMeta, value: Any, props: dict) -> None:
    """Add the widget's node; `raw` is what the browser's form field holds and sends back."""
    meta.raw = meta.serialize(value)
    meta.extra["drawn_value"] = value
    meta.extra["disabled"] = props.get("disabled", False)
    props["raw"] = meta.raw
    props["_value"] = value  # what the script got back; AppTest reads it, HTML never does
    node = ctx.add(meta.type, props)
    for recorder in ctx.widget_recorders:
        recorder[meta.id] = (ctx.call, value)
    entry = meta.extra.pop("form_entry", None)
    if entry is not None:
        entry["node"] = node
