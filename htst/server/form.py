"""Turn a posted form into widget changes, validated before anything is applied.

The browser posts every widget's field. A field equal to what the server last drew is
no change: only what the user actually changed is applied, so a slow request can never
overwrite a value the script set in the meantime.
"""

from __future__ import annotations

import re
from typing import Any

from werkzeug.datastructures import FileStorage, MultiDict

from ..elements.files import new_upload
from ..elements.numeric import stepped
from ..errors import InvalidWidgetValue
from ..runtime.forms import enter_submit, split_form_changes
from ..runtime.state import SessionState, WidgetMeta

CLICK = "_htst_click"
STEP = "_htst_step"
RERUN = "_htst_rerun"
REMOVE = "_htst_remove"
STOP = "_htst_stop"  # the Stop control: end the running script
ATTACH = "_htst_attach"  # follow a run that was still going when the page was sent
FRAGMENT = "_htst_fragment"  # a fragment's run_every timer: rerun that fragment
CLEAR_CACHE = "_htst_clear_cache"  # the menu's Clear cache (key C): every st.cache_* entry


def _lookup(state: SessionState, name: str) -> WidgetMeta | None:
    """A widget by its id, or by its user key (handy for curl: `-d name=Jane`)."""
    return state.widget_meta(name) or state.widget_for_key(name)


def read_changes(
    state: SessionState, form: MultiDict, files: MultiDict | None = None
) -> tuple[dict[str, Any], bool, dict[str, Any]]:
    """Return (changes to apply, whether a rerun was asked for explicitly, changes held
    back: fields of a form that was not submitted).

    `files` are a multipart post's file fields (Werkzeug FileStorage objects).
    """
    changes: dict[str, Any] = {}
    for name in form.keys():
        # A multipart part whose Content-Disposition has no usable name (never sent by a
        # browser) reaches us under None or "": there is nothing it could change.
        if not name or name.startswith("_htst"):
            continue
        meta = _lookup(state, name)
        if (
            meta is None
            or (meta.trigger and not meta.extra.get("trigger_field"))
            or meta.extra.get("disabled")
            or meta.extra.get("files")
        ):
            continue  # a stale page, a button field, a disabled widget, a file name: nothing to apply
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

    if files:
        _read_files(state, files, changes)
    for remove in form.getlist(REMOVE):
        _remove_file(state, remove, changes)

    click = form.get(CLICK)
    if click:
        meta = _lookup(state, click)
        if (
            meta is not None
            and meta.trigger
            and not meta.extra.get("disabled")
            and not meta.extra.get("trigger_field")
            and not meta.extra.get("ignore")  # download_button(on_click="ignore"): no rerun
        ):
            changes[meta.id] = True
    if click == "" and not form.get(RERUN):
        # Enter in a text field, posted without JavaScript: submit that field's form.
        enter = enter_submit(state, changes)
        if enter is not None:
            changes[enter] = True
    # Values of a form's widgets count only when that form is submitted: a plain post
    # carries every field, and unsubmitted form input must not leak into other reruns.
    changes, held = split_form_changes(state, changes)
    return changes, bool(form.get(RERUN)), held


def _read_files(state: SessionState, files: MultiDict, changes: dict[str, Any]) -> None:
    """New files for file_uploaders: added to a multi-file list, or replacing a single file."""
    for name in files.keys():
        if not name:
            continue  # a file part without a usable name, as for fields
        meta = _lookup(state, name)
        if meta is None or not meta.extra.get("files") or meta.extra.get("disabled"):
            continue
        posted = [f for f in files.getlist(name) if f.filename]  # an empty input posts filename=""
        if not posted:
            continue
        if not meta.extra.get("multiple") and len(posted) > 1:
            raise InvalidWidgetValue(f"Bad value for file_uploader {meta.key or meta.id}: it takes one file")
        try:
            uploads = [new_upload(meta.extra, _sent_filename(f), f.mimetype or None, f.read()) for f in posted]
        except InvalidWidgetValue as exc:
            raise InvalidWidgetValue(f"Bad file for file_uploader {meta.key or meta.id}: {exc}") from None
        if meta.extra.get("multiple"):
            changes[meta.id] = list(changes.get(meta.id, state.widget_value(meta.id)) or []) + uploads
        else:
            changes[meta.id] = uploads[-1]


# One parameter of a Content-Disposition header: a quoted string (kept raw) or a token.
_PARAM = re.compile(r';\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')


def _sent_filename(f: FileStorage) -> str:
    """The file name as the browser sent it.

    Werkzeug reads a quoted filename as an RFC quoted-string, where a backslash escapes the
    next character: `..\\a\\b.txt` would arrive as `..ab.txt`. Browsers escape only `"`,
    CR and LF (as %22, %0D, %0A) and send backslashes as they are, so the raw parameter is
    read here, decoding only the quote as Werkzeug does (`%22`, or an older client's `\\"`).
    """
    for match in _PARAM.finditer(f.headers.get("Content-Disposition", "")):
        key, value = match.group(1).lower(), match.group(2)
        if key == "filename" and len(value) >= 2 and value[0] == value[-1] == '"':
            return value[1:-1].replace('\\"', '"').replace("%22", '"')
    return f.filename or ""


def _remove_file(state: SessionState, request: str, changes: dict[str, Any]) -> None:
    wid, _, file_id = request.rpartition(":")
    meta = _lookup(state, wid)
    if meta is None or not meta.extra.get("files"):
        raise InvalidWidgetValue(f"Bad remove request {request!r}")
    if meta.extra.get("disabled"):
        return
    current = changes.get(meta.id, state.widget_value(meta.id))
    if isinstance(current, list):
        kept = [f for f in current if f.file_id != file_id]
        if len(kept) != len(current):
            changes[meta.id] = kept
    elif current is not None and current.file_id == file_id:
        changes[meta.id] = None
