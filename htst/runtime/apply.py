"""The one road a posted value takes to the script: `apply(state, fields) -> Applied`.

The server calls it with a request's form; AppTest with the fields a browser would post
for a test's actions. So both go through the same rules, each widget through its own
spec's hooks:

- a field equal to what the server last drew is no change (a slow request never
  overwrites a value the script set meanwhile); a field that does not parse is refused;
- a field its spec `refuse`s (a required field left empty, a text that fails its
  pattern) is not applied: the widget shows it with the reason (`Applied.refused`), and a
  form holding such a field is not submitted;
- a disabled widget's fields, clicks, steps and files are ignored;
- `_htst_click=<id>` presses a button-like widget, `_htst_step=<id>:+1|-1` a stepper,
  `_htst_remove=<id>:<file id>` drops an uploaded file; Enter in a form's text field
  (a plain post with an empty click) presses that form's submit button;
- values of a form's widgets wait for that form's submit (`Applied.held`).

Fields are named by widget id, or by a widget's user key (handy for curl).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import InvalidWidgetValue
from .forms import enter_submit, split_form_changes, submitted_form
from .state import SessionState
from .widget_spec import NOTHING, Fields, WidgetMeta

CLICK = "_htst_click"
STEP = "_htst_step"
REMOVE = "_htst_remove"
RERUN = "_htst_rerun"
WIRE_PREFIX = "_htst"  # names the app's own controls, never a widget's field


@dataclass
class Applied:
    """What a post asks of the next run."""

    changes: dict[str, Any]  # widget id -> new value, applied before the run, callbacks in this order
    held: dict[str, Any]  # values of a form that was not submitted: shown, not applied
    rerun: bool = False  # `_htst_rerun`: run even without changes
    # widget id -> (the field as posted, why it was not applied; None: it waits for its
    # form's submit). The next run draws the widget with them (`SessionState.refuse`).
    refused: dict[str, tuple[Any, str | None]] = field(default_factory=dict)


def apply(state: SessionState, fields: Fields) -> Applied:
    """Validated changes for the next run; raises InvalidWidgetValue (nothing is applied)."""
    changes: dict[str, Any] = {}
    fields_of: dict[str, Any] = {}  # widget id -> the field posted for it
    refused: dict[str, tuple[Any, str | None]] = {}
    for name in fields.names():
        if name.startswith(WIRE_PREFIX):
            continue
        meta = lookup(state, name)
        if meta is None or meta.disabled:
            continue  # a stale page, or a disabled widget: nothing to apply
        raw = meta.spec.read(fields, name)
        if raw is NOTHING:
            continue
        fields_of[meta.id] = raw
        if raw == meta.raw:
            continue
        problem = meta.spec.refuse(raw)
        if problem is not None:
            refused[meta.id] = (raw, problem)
            continue
        changes[meta.id] = _checked(meta, "value", meta.parse, raw)
    for name, posted in fields.files.items():
        meta = lookup(state, name)
        if meta is not None and not meta.disabled:
            value = _checked(meta, "file", meta.spec.upload, _current(state, meta, changes), posted)
            if value is not NOTHING:
                changes[meta.id] = value
    for request in fields.getlist(STEP):
        meta, direction = _target(state, request, "step")
        if direction not in ("+1", "-1"):
            raise InvalidWidgetValue(f"Bad step request {request!r}")
        if not meta.disabled:
            changes[meta.id] = _checked(meta, "step", meta.spec.step, _current(state, meta, changes), int(direction))
    for request in fields.getlist(REMOVE):
        meta, file_id = _target(state, request, "remove")
        if not meta.disabled:
            value = _checked(meta, "remove", meta.spec.remove, _current(state, meta, changes), file_id)
            if value is not NOTHING:
                changes[meta.id] = value
    clicks = fields.getlist(CLICK)
    for click in clicks:
        meta = lookup(state, click) if click else None
        if meta is not None and not meta.disabled:
            value = meta.spec.click()
            if value is not NOTHING:
                changes[meta.id] = value
    rerun = bool(fields.get(RERUN))
    if clicks and not any(clicks) and not rerun:
        # Enter in a text field, posted without JavaScript: submit that field's form.
        enter = enter_submit(state, {**changes, **refused})  # a refused field still says which form
        if enter is not None:
            changes[enter] = True
    _refuse_submit(state, changes, fields_of, refused)
    # Values of a form's widgets count only when that form is submitted: a plain post
    # carries every field, and unsubmitted form input must not leak into other reruns.
    changes, held = split_form_changes(state, changes)
    state.refuse(refused)
    return Applied(changes, held, rerun or any(why for _, why in refused.values()), refused)


def _refuse_submit(state: SessionState, changes: dict[str, Any], posted: dict[str, Any], refused: dict[str, tuple[Any, str | None]]) -> None:
    """A form is submitted only when every one of its fields accepts what it holds.

    Its fields are checked as the submit finds them (posted, or as last drawn); if one
    refuses, the submit's click is dropped and the form's values wait, as in Streamlit,
    where the browser blocks such a submit. A refused field of a form that is not being
    submitted gets no message: forms check their fields on submit.
    """
    form = submitted_form(state, changes)
    if form is not None:
        for meta in state.known_widgets():
            if meta.form == form and not meta.disabled and meta.id not in refused:
                raw = posted.get(meta.id, meta.raw)
                problem = meta.spec.refuse(raw)
                if problem is not None:
                    refused[meta.id] = (raw, problem)
    blocked = False
    for wid, (raw, _) in list(refused.items()):
        widget_form = state.widget_meta(wid).form  # type: ignore[union-attr]
        if widget_form is not None and widget_form != form:
            refused[wid] = (raw, None)
        blocked = blocked or (form is not None and widget_form == form)
    if blocked:
        for wid in [w for w, value in changes.items() if value and _submits(state, w, form)]:
            del changes[wid]


def _submits(state: SessionState, wid: str, form: str | None) -> bool:
    meta = state.widget_meta(wid)
    return meta is not None and meta.spec.submits_form and meta.form == form


def lookup(state: SessionState, name: str) -> WidgetMeta | None:
    """A widget by its id, or by its user key."""
    return state.widget_meta(name) or state.widget_for_key(name)


def _target(state: SessionState, request: str, what: str) -> tuple[WidgetMeta, str]:
    """`<widget>:<argument>` -> (the widget, the argument); an unknown widget is refused."""
    name, _, argument = request.rpartition(":")
    meta = lookup(state, name)
    if meta is None:
        raise InvalidWidgetValue(f"Bad {what} request {request!r}")
    return meta, argument


def _current(state: SessionState, meta: WidgetMeta, changes: dict[str, Any]) -> Any:
    return changes[meta.id] if meta.id in changes else state.widget_value(meta.id)


def _checked(meta: WidgetMeta, what: str, hook: Any, *args: Any) -> Any:
    try:
        return hook(*args)
    except InvalidWidgetValue as exc:
        raise InvalidWidgetValue(f"Bad {what} for {meta.type} {meta.key or meta.id}: {exc}") from None
