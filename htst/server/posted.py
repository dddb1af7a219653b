"""A request's body as `Fields`, the input of `runtime.apply`.

Werkzeug parses the body (url-encoded or multipart, within the blueprint's limits);
a part without a usable name is malformed and dropped here, so nothing below ever sees
it. Uploaded files keep the name the browser sent: it is data, never part of a path.
"""

from __future__ import annotations

from flask import Request

from ..runtime.widget_spec import Fields, PostedFile

STOP = "_htst_stop"  # the Stop control: end the running script
ATTACH = "_htst_attach"  # follow a run that was still going when the page was sent
FRAGMENT = "_htst_fragment"  # a fragment's run_every timer: rerun that fragment
CLEAR_CACHE = "_htst_clear_cache"  # the menu's Clear cache (key C): every st.cache_* entry
TAB = "_htst_tab"  # the signed tab token every POST carries


def read_fields(request: Request) -> Fields:
    values: dict[str, list[str]] = {}
    for name, value in request.form.items(multi=True):
        if name:
            values.setdefault(name, []).append(value)
    files: dict[str, list[PostedFile]] = {}
    for name, storage in request.files.items(multi=True):
        if name:
            files.setdefault(name, []).append(PostedFile(storage.filename or "", storage.mimetype or None, storage.read()))
    return Fields(values, files)
