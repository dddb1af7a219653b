"""The life of a widget call, top to bottom: key -> id -> register -> node -> value.

Element modules call `register_widget` with their spec, then `draw_widget` with their
node's props. The id computed here is also the name of the form field the browser sends
the value back in.
"""

from __future__ import annotations

import hashlib
import sys
from typing import Any, Callable

from ..errors import DuplicateWidgetID, HtstAPIException, InvalidWidgetValue
from . import enum_coercion, forms, url_binding
from .context import RunContext, ScriptInterrupted, current
from .nodes import KEPT_LIMIT, Node, SharedProps, plain, shared_props
from .widget_spec import Keeping, WidgetMeta, WidgetSpec

_IDS: dict[tuple, str] = {}
_IDS_LIMIT = 100_000


def widget_id(kind: str, key: str | None, page: str, identity: tuple) -> str:
    """A deterministic id from what identifies the widget (docs: widget identity).

    Callbacks, their args, `disabled` and `label_visibility` are deliberately left out.
    Ids are interned: every session holds the same string for the same widget.
    """
    whole = (kind, key, page, identity)
    try:
        found = _IDS.get(whole)
    except TypeError:  # an unhashable identity part (a list default…)
        return _digest(whole)
    if found is None:
        if len(_IDS) >= _IDS_LIMIT:
            _IDS.clear()
        found = _IDS[whole] = _digest(whole)
    return found


def _digest(whole: tuple) -> str:
    digest = hashlib.blake2b(repr(whole).encode(), digest_size=7)
    return sys.intern("w" + digest.hexdigest())


def register_widget(
    spec: WidgetSpec,
    *,
    key: Any,
    identity: tuple,
    default: Any,
    callback: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    default_given: bool = False,
    options: Any = None,
    keeping: Keeping | None = None,
) -> tuple[RunContext, WidgetMeta, Any]:
    """Register a widget drawn in this run; return its run context, meta and value.

    Options widgets pass `options`: their value is then an object from the options of
    the run that drew them (docs: custom classes), coerced to this run's Enum class as
    `runner.enumCoercion` allows.
    """
    ctx = current()
    if ctx.control.cancelled:  # `ctx.checkpoint()`, inlined: every widget passes here
        raise ScriptInterrupted()
    kind = spec.kind
    key = None if key is None else str(key)
    if callback is not None and not callable(callback):
        raise HtstAPIException(f"The callback given to `{kind}` must be callable, got {callback!r}.")
    container = ctx.stack[-1]
    if ctx.fragment is not None and container.fragment != ctx.fragment:
        raise HtstAPIException("Fragments cannot write widgets to outside containers.")
    form = forms.check_widget(ctx, container, spec, callback)
    if ctx.widget_recorders and not spec.replayable:
        raise HtstAPIException(
            f"`st.{kind}` is not supported in cached functions, even with "
            "`experimental_allow_widgets=True`: its value cannot be replayed. Call it "
            "outside the cached function and pass what it returns as an argument."
        )
    if key is not None and key in ctx.element_keys:
        raise DuplicateWidgetID(
            f"There are multiple elements with the same `key='{key}'`. To fix this, please "
            "make sure that the `key` argument is unique for each element you create."
        )
    wid = widget_id(kind, key, ctx.page, identity)
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
        wid, key, spec, callback,
        tuple(args) if args is not None else (),
        dict(kwargs) if kwargs else None,
        container.form,
        container.fragment,
    )
    previous = ctx.state.widget_meta(wid) if options is not None else None
    if keeping is not None:
        meta.keeping, meta.page = keeping, ctx.page
        if keeping.bind and url_binding.start(ctx, meta, wid):
            default_given = False  # the URL's value, not a conflict with the default
    value, warning = ctx.state.register(meta, default, default_given)
    if keeping is not None and keeping.bind:
        url_binding.show(ctx, meta, value, default)
    if options is not None:
        value = _options_value(ctx, meta, previous, value, options)
    if form is not None and form.clear_on_submit and not spec.trigger:
        form.remember(meta, default, ctx.call)
    if warning:
        ctx.app.hooks.warning(warning)
    return ctx, meta, value


def _options_value(ctx: RunContext, meta: WidgetMeta, previous: WidgetMeta | None, value: Any, options: Any) -> Any:
    """An options widget's value, coerced to this run's Enum class.

    A value from last run's options may equal none of this run's (a class redefined by
    the rerun, without `__eq__`). It is still the widget's own selection, not a stray
    Session State value, so it keeps its place: `meta.previous` lets it serialize as last
    run's spec did (the same id means the same option labels, so the same positions).
    """
    coerced = enum_coercion.coerce(value, options, ctx.app.config["runner.enumCoercion"])
    if coerced is not value:
        ctx.state.set_widget_value(meta.id, coerced)
        value = coerced
    if previous is not None:
        meta.previous = (previous.spec, previous.value, previous.raw)
    return value


def base_props(meta: WidgetMeta, label: str, help: str | None, disabled: bool, label_visibility: str) -> dict:
    """The props every widget has, in a new dict the element adds its own to."""
    return dict(look_props(meta.id, meta.key, meta.keeping, label, help, disabled, label_visibility))


def look_props(wid: str, key: str | None, keeping: Keeping | None, label: Any, help: str | None, disabled: Any, label_visibility: str) -> dict:
    """`base_props` from plain arguments, for an element's `props_by_args` builder."""
    if label_visibility not in ("visible", "hidden", "collapsed"):
        raise HtstAPIException(
            f"Unsupported label_visibility option '{label_visibility}'. "
            "Valid values are 'visible', 'hidden' or 'collapsed'."
        )
    props = {
        "wid": wid,
        "key": key,
        "label": str(label),
        "help": help,
        "disabled": bool(disabled),
        "label_visibility": label_visibility,
    }
    if keeping is not None:
        # htst.js: a change waits for the next rerun; a bound value shows in the URL at once.
        props["ignore"], props["bind"] = keeping.ignore, key if keeping.bind else None
        if keeping.labels:
            props["bind_labels"] = keeping.labels
    return props


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


def draw_widget(ctx: RunContext, meta: WidgetMeta, value: Any, props: dict, *, container: bool = False, extra: Callable[[Any], dict] | None = None) -> Node:
    """Add the widget's node; `raw` is what the browser's form field holds and sends back,
    `invalid` why the last post's field for it was refused (`WidgetSpec.refuse`).

    `props` is either the element's own dict, which gets `raw`, or its shared look (made
    by a `props_by_args` builder): then the props with `raw` are shared too, built once
    for each look and value. `extra(value)` gives the props that follow the value
    besides `raw` (a slider's formatted value).

    The node keeps the value the script got back (`node.data`): AppTest and the JSON
    answer read it, HTML never does. A `container` widget (an expander or tabs with
    `on_change`) holds elements too.
    """
    refusal = ctx.state.take_refusal(meta.id)
    if props.__class__ is SharedProps and refusal is None and meta.previous is None:
        props, meta.raw = _drawn(props, meta, value, extra)
    else:
        if props.__class__ is SharedProps:
            props = dict(props)
        meta.raw = props["raw"] = meta.shown(value)
        if extra is not None:
            props.update(extra(value))
        if refusal is not None:
            # A field the last post could not apply: shown as posted, with the reason, while
            # the value (and `meta.raw`, so posting it again is refused again) stays.
            props["raw"], why = refusal
            if why:
                props["invalid"] = why
    meta.value = value
    meta.disabled = bool(props.get("disabled", False))
    node = ctx.add(meta.spec.kind, props, container=container)
    node.data = value
    for recorder in ctx.widget_recorders:
        recorder[meta.id] = (ctx.call, value)
    if meta.form is not None:
        info = ctx.forms.get(meta.form)
        if info is not None:
            info.drawn(meta.id, node)
    return node


# (id(look), value, type(value)) -> (look, spec, props, raw): a widget's drawn props.
_DRAWN: dict[tuple, tuple] = {}


def _drawn(look: dict, meta: WidgetMeta, value: Any, extra: Callable[[Any], dict] | None) -> tuple[dict, Any]:
    """A shared look with the value's `raw` (and `extra`), and that raw.

    Kept by the look's identity (the entry holds the look, so the id is not reused
    while it is kept) and the spec's (specs are shared, and the raw is theirs), for
    `plain` values only (equal datetimes in two time zones show apart).
    """
    try:
        key = (id(look), value, type(value))
        found = _DRAWN.get(key)
    except TypeError:
        key, found = None, None
    if found is not None and found[0] is look and found[1] is meta.spec:
        return found[2], found[3]
    raw = meta.shown(value)
    props = {**look, "raw": raw}
    if extra is not None:
        props.update(extra(value))
    props = shared_props(props)
    if key is not None and props.__class__ is SharedProps and plain((value,)):
        if len(_DRAWN) >= KEPT_LIMIT:
            _DRAWN.clear()
        _DRAWN[key] = (look, meta.spec, props, raw)
    return props, raw
