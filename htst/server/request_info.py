"""`st.context` as the server learns it: from the request that opens a tab, then from
what the browser posts (htst.js sends `_htst_ctx` with every request from the app's form).
"""

from __future__ import annotations

import json

from flask import Request

from ..runtime.request_info import RequestInfo
from ..runtime.widget_spec import Fields
from .posted import BROWSER

_LONGEST = 100  # a time zone or locale name longer than this is not one
_DAY = 24 * 60  # minutes: no time zone is further from UTC than a day


def opening_request(request: Request, app_url: str, theme_base: str) -> RequestInfo:
    """What the request that opens a tab says: the first run sees this. The time zone is
    not in any header; the theme is the configured one until the browser says more."""
    best = next(iter(request.accept_languages.values()), None)  # the first, by quality
    return RequestInfo(
        headers=tuple(request.headers.items()),
        cookies=tuple(request.cookies.items()),
        remote_ip=request.remote_addr,
        url=request.host_url.rstrip("/") + app_url,
        is_embedded=request.args.get("embed", "").lower() == "true",
        locale=best if best and best != "*" else None,
        theme_type="dark" if theme_base == "dark" else "light",
    )


def browser_report(info: RequestInfo, fields: Fields) -> RequestInfo:
    """`info` with what the browser posted: `[timeZone, offset, language, "light"|"dark"]`
    as JSON. Anything malformed is ignored: these are hints, never a reason to fail a run."""
    raw = fields.get(BROWSER)
    if not raw or len(raw) > 4 * _LONGEST:
        return info
    try:
        timezone, offset, locale, theme = json.loads(raw)
    except (ValueError, TypeError):
        return info
    return info.from_browser(
        timezone=_name(timezone),
        offset=offset if type(offset) is int and abs(offset) <= _DAY else None,
        locale=_name(locale),
        theme=theme if theme in ("light", "dark") else None,
    )


def _name(value: object) -> str | None:
    return value if isinstance(value, str) and 0 < len(value) <= _LONGEST else None
