"""A request's body as `Fields`, the input of `runtime.apply`.

A url-encoded body (every htmx post but uploads) is read here as Werkzeug would read it;
Werkzeug parses multipart bodies. Both keep the blueprint's limits. A part without a
usable name is malformed and dropped here, so nothing below ever sees it. Uploaded files
keep the name the browser sent: it is data, never part of a path.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from flask import Request
from werkzeug.datastructures import FileStorage

from ..runtime.widget_spec import Fields, PostedFile

STOP = "_htst_stop"  # the Stop control: end the running script
ATTACH = "_htst_attach"  # follow a run that was still going when the page was sent
FRAGMENT = "_htst_fragment"  # a fragment's run_every timer: rerun that fragment
CLEAR_CACHE = "_htst_clear_cache"  # the menu's Clear cache (key C): every st.cache_* entry
TAB = "_htst_tab"  # the signed tab token every POST carries (and a no-JS page link)
PAGE = "_htst_page"  # a page switch inside the session: the page's pathname
QUERY = "_htst_query"  # …with the query string the page opens with
HISTORY = "_htst_history"  # …made by Back or Forward: the address bar is there already
BROWSER = "_htst_ctx"  # st.context's time zone, offset, locale and theme, as the browser says


def read_fields(request: Request) -> Fields:
    if request.mimetype == "application/x-www-form-urlencoded":
        return Fields(_urlencoded(request))  # how htmx posts every interaction but uploads
    values: dict[str, list[str]] = {}
    for name, value in request.form.items(multi=True):
        if name:
            values.setdefault(name, []).append(value)
    files: dict[str, list[PostedFile]] = {}
    for name, storage in request.files.items(multi=True):
        if name:
            posted = PostedFile(sent_filename(storage), storage.mimetype or None, storage.read())
            files.setdefault(name, []).append(posted)
    return Fields(values, files)


def _urlencoded(request: Request) -> dict[str, list[str]]:
    """What Werkzeug's form parser makes of a url-encoded body, without its machinery: the
    same limit (`request.stream` refuses a body over `max_content_length`), the same
    decoding, and, as there, a body that is not UTF-8 is an empty form."""
    try:
        text = request.get_data(cache=False).decode()
    except UnicodeDecodeError:
        return {}
    values: dict[str, list[str]] = {}
    for name, value in parse_qsl(text, keep_blank_values=True, errors="werkzeug.url_quote"):
        if name:
            values.setdefault(name, []).append(value)
    return values


# One parameter of a Content-Disposition header: a quoted string (kept raw) or a token.
_PARAM = re.compile(r';\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')


def sent_filename(f: FileStorage) -> str:
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
