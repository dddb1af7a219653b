"""Turn a posted form into widget changes, validated before anything is applied.

The browser posts every widget's field. A field equal to what the server last drew is
no change: only what the user actually changed is applied, so a slow request can never
overwrite a value the script set in the meantime.
"""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict

from ..elements.numeric import stepped
from ..errors import InvalidWidgetValue
from ..runtime.state import SessionState, WidgetMeta

CLICK = "_htst_click"
STEP = "_htst_step"
RERUN = "_htst_rerun"


def _lookup(state: SessionState, name: str) -> WidgetMeta | None:
    """A widget by its id, or by its user key (handy for curl: `-d name=Jane`)."""
    meta = state.widget_meta(name)
    if meta is None:
        owner = state._key_owner.get(name)
        meta = state.widget_meta(owner) if owner else None
    return meta


def read_changes(state: SessionState, form: MultiDict) -> tuple[dict[str, Any], bool]:
    """Return (changes by widget id, whether a rerun was asked for explicitly)."""
    changes: dict[str, Any] = {}
    for name in form.keys():
        if name.startswith("_htst"):
            continue
        meta = _lookup(state, name)
        if meta is None or meta.trigger or meta.extra.get("disabled"):
            continue  # a stale page, a button field, or a disabled widget: nothing to apply
        if meta.extra.get("multi"):
            # Multi-valued fields (multiselect, ranges) post one entry per value; an empty
            # hidden entry keeps the field present when nothing is selected.
            raw: Any = [value for value in form.getlist(name) if value != ""]
        else:
            raw = form.getlist(name)[-1]
        if raw != meta.raw:
            try:
                changes[meta.id] = meta.parse(raw)
            except InvalidWidgetValue as exc:
                raise InvalidWidgetValue(f"Bad value for {meta.type} {meta.key or meta.id}: {exc}") from None

    step = form.get(STEP)
    if step:
        wid, _, direction = step.rpartition(":")
        meta = _lookup(state, wid)
        if meta is None or meta.type != "number_input" or direction not in ("+1", "-1"):
            raise InvalidWidgetValue(f"Bad step request {step!r}")
        if not meta.extra.get("disabled"):
            current = changes.get(meta.id, state.widget_value(meta.id))
            changes[meta.id] = stepped(meta.extra, current, int(direction))

    click = form.get(CLICK)
    if click:
        meta = _lookup(state, click)
        if meta is not None and meta.trigger and not meta.extra.get("disabled"):
            changes[meta.id] = True
    return changes, bool(form.get(RERUN))
