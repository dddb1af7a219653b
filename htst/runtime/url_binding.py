"""`bind="query-params"`: a keyed widget's value also lives in the page URL's query.

A parameter in the URL a session starts with initialises the widget (as a value written
to its key would); every run then writes the value back, and removes the parameter when
the value is the default. The parameter's value is the widget's own form field (what
the browser posts for it; repeated for multi-value widgets), so the browser can update
the address bar itself. A value the widget cannot take is dropped from the URL.
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
    raw: Any = posted if meta.spec.multi else posted[-1]
    try:
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
    shown = None if at_default else ([str(v) for v in raw] if isinstance(raw, (list, tuple)) else [str(raw)])
    if meta.spec.multi and shown == []:
        shown = None if at_default else [""]
    if params.params.get(key) != shown:
        if shown is None:
            params.params.pop(key, None)
        else:
            params.params[key] = shown
        params.dirty = True
