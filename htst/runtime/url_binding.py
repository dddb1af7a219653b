"""`bind="query-params"`: a keyed widget's value also lives in the page URL's query.

A parameter in the URL a session starts with initialises the widget (as a value written
to its key would); every run then writes the value back, and removes the parameter when
the value is the default. The parameter's value is the widget's own form field (what
the browser posts for it; repeated for multi-value widgets), except that options widgets
show their options' labels; the browser updates the address bar itself the same way. A value the widget cannot take is dropped from the URL.
"""

from __future__ import annotations

from typing import Any

from ..errors import InvalidWidgetValue
from .context import RunContext
from .widget_spec import WidgetMeta


def start(ctx: RunContext, meta: WidgetMeta, wid: str) -> bool:
    """Before the widget registers: a new widget takes its URL parameter, if valid, the way
    it would take a value written to its key. True when it did."""
    params = ctx.session.query_params
    key = meta.key
    assert key is not None
    params.bound.add(key)
    posted = params.params.get(key)
    state = ctx.state
    if posted is None or state.widget_meta(wid) is not None or key in state:
        return False
    try:
        entries = [_index_of(meta, value) for value in posted]
        raw: Any = entries if meta.spec.multi else entries[-1]
        value = meta.spec.parse(raw)
        if meta.spec.refuse(raw):
            raise InvalidWidgetValue("refused")
    except (InvalidWidgetValue, ValueError, TypeError):
        del params.params[key]  # invalid: ignored and removed
        params.dirty = True
        return False
    state[key] = value  # as if written to the key: the widget starts with it
    return True


def show(ctx: RunContext, meta: WidgetMeta, value: Any, default: Any) -> None:
    """After it registers: the URL holds the value, or nothing when it is the default."""
    params = ctx.session.query_params
    key = meta.key
    assert key is not None
    try:
        raw = meta.serialize(value)
        at_default = raw == meta.serialize(default)
    except (InvalidWidgetValue, ValueError, TypeError):
        return
    shown = None if at_default else [_label_of(meta, str(v)) for v in (raw if isinstance(raw, (list, tuple)) else [raw])]
    if meta.spec.multi and shown == []:
        shown = None if at_default else [""]
    if params.params.get(key) != shown:
        if shown is None:
            params.params.pop(key, None)
        else:
            params.params[key] = shown
        params.dirty = True


def _index_of(meta: WidgetMeta, value: str) -> str:
    """A URL value as the widget's field holds it: an options widget's label -> its index."""
    labels = meta.keeping.labels if meta.keeping is not None else ()
    if not labels or value == "":
        return value
    if value not in labels:
        raise InvalidWidgetValue(f"{value!r} is not one of the options")
    return str(labels.index(value))


def _label_of(meta: WidgetMeta, raw: str) -> str:
    labels = meta.keeping.labels if meta.keeping is not None else ()
    return labels[int(raw)] if labels and raw.isdigit() and int(raw) < len(labels) else raw
