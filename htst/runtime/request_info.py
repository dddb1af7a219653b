"""`st.context`: what the browser told the server about the user of a session.

The server fills a :class:`RequestInfo` from the request that started the session (its
headers, cookies, address, URL, `?embed=true`, Accept-Language) and updates the browser's
own answers (time zone, offset, locale, theme) from the field htst.js posts with every
request. This module reads none of that: it holds the values and shows them to the
script, so AppTest (which has no request) gets the empty defaults, as Streamlit's does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any, Literal

_LOOPBACK = frozenset({"127.0.0.1", "::1"})  # Streamlit reports no address for these
_KEYS = frozenset({"headers", "cookies", "theme", "timezone", "timezone_offset", "locale", "url", "ip_address", "is_embedded"})


@dataclass(frozen=True)
class RequestInfo:
    """One session's request context. Frozen: an update is a new value, so a run reading
    it never sees half of one."""

    headers: tuple[tuple[str, str], ...] = ()
    cookies: tuple[tuple[str, str], ...] = ()
    remote_ip: str | None = None
    url: str | None = None  # the app's URL (scheme, host, mount point), no query, no page
    is_embedded: bool | None = None
    locale: str | None = None  # the browser's navigator.language, else Accept-Language's first
    timezone: str | None = None
    timezone_offset: int | None = None  # minutes, as JavaScript's getTimezoneOffset()
    theme_type: Literal["light", "dark"] | None = None

    def from_browser(self, timezone: str | None, offset: int | None, locale: str | None, theme: str | None) -> RequestInfo:
        """The values the browser reported (None: not reported, keep the old one)."""
        changes: dict[str, Any] = {"timezone": timezone, "timezone_offset": offset, "locale": locale}
        changes["theme_type"] = theme if theme in ("light", "dark") else None
        changes = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **changes) if any(getattr(self, k) != v for k, v in changes.items()) else self


def _header_case(name: str) -> str:
    return "-".join(word.capitalize() for word in name.split("-"))


class Headers(Mapping[str, str]):
    """The request's headers: keys are case-insensitive and listed in Http-Header-Case.
    A repeated header gives its first value (as Streamlit 1.67 does); `get_all` gives all."""

    def __init__(self, pairs: tuple[tuple[str, str], ...]):
        self._headers: dict[str, list[str]] = {}
        for name, value in pairs:
            self._headers.setdefault(_header_case(name), []).append(value)

    def get_all(self, key: str) -> list[str]:
        return list(self._headers.get(_header_case(key), []))

    def __getitem__(self, key: str) -> str:
        try:
            return self._headers[_header_case(key)][0]
        except (KeyError, AttributeError):
            raise KeyError(key) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def __len__(self) -> int:
        return len(self._headers)

    def to_dict(self) -> dict[str, str]:
        return {key: self[key] for key in self}

    def __repr__(self) -> str:
        return repr(self.to_dict())


class Cookies(Mapping[str, str]):
    """The request's cookies, read-only."""

    def __init__(self, pairs: tuple[tuple[str, str], ...]):
        self._cookies = MappingProxyType(dict(pairs))

    def __getitem__(self, key: str) -> str:
        return self._cookies[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._cookies)

    def __len__(self) -> int:
        return len(self._cookies)

    def to_dict(self) -> dict[str, str]:
        return dict(self._cookies)

    def __repr__(self) -> str:
        return repr(self._cookies)


class Theme(Mapping[str, Any]):
    """`st.context.theme`: ``.type`` (or ``["type"]``) is "light" or "dark"."""

    def __init__(self, type: str | None):
        object.__setattr__(self, "type", type)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("st.context.theme is read-only.")

    def __getitem__(self, key: str) -> Any:
        if key != "type":
            raise KeyError(key)
        return self.type  # type: ignore[attr-defined]

    def __iter__(self) -> Iterator[str]:
        return iter(("type",))

    def __len__(self) -> int:
        return 1

    def __repr__(self) -> str:
        return repr(dict(self))


class Context:
    """What `st.context` is: read-only views of the current session's RequestInfo.

    Attribute and key notation (``st.context["timezone"]``) and ``in``; not a dict (no
    iteration, no ``.get``), as in Streamlit. Outside a run every value is empty or None.
    """

    __iter__ = None  # with __getitem__ alone, iter() would probe integer keys

    def __init__(self, get_info: Callable[[], tuple[RequestInfo, str]]):
        # get_info: the session's RequestInfo and the pathname of the page it shows.
        object.__setattr__(self, "_get", get_info)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"st.context is read-only: {name} comes from the user's browser and cannot be set.")

    __delattr__ = __setattr__  # type: ignore[assignment]

    @property
    def headers(self) -> Headers:
        """The headers of the request that opened the session (case-insensitive keys)."""
        return Headers(self._get()[0].headers)

    @property
    def cookies(self) -> Cookies:
        """The cookies of the request that opened the session."""
        return Cookies(self._get()[0].cookies)

    @property
    def ip_address(self) -> str | None:
        """The user's IP address; None when they use the app from this machine (loopback)."""
        ip = self._get()[0].remote_ip
        return None if ip in _LOOPBACK else ip

    @property
    def is_embedded(self) -> bool | None:
        """Whether the page was opened with ``?embed=true``."""
        return self._get()[0].is_embedded

    @property
    def locale(self) -> str | None:
        """The browser's language (navigator.language), e.g. "en-US"; before the browser has
        said, the first language of the Accept-Language header."""
        return self._get()[0].locale

    @property
    def timezone(self) -> str | None:
        """The browser's time zone, e.g. "Europe/Berlin"; None until its first request
        after the page loaded (htmx posts it; the first run happens before that)."""
        return self._get()[0].timezone

    @property
    def timezone_offset(self) -> int | None:
        """Minutes to add to local time to get UTC (JavaScript's sign: -60 in Berlin in
        winter); None until the browser has said, like `timezone`."""
        return self._get()[0].timezone_offset

    @property
    def theme(self) -> Theme:
        """The theme the page shows (``.type``: "light" or "dark"): the user's Settings
        choice or system preference once the browser has said, else config ``theme.base``."""
        return Theme(self._get()[0].theme_type)

    @property
    def url(self) -> str | None:
        """The URL of the page in the user's browser, without its query string: the app's
        URL, plus the page's pathname in a multipage app."""
        info, page = self._get()
        if info.url is None:
            return None
        base = info.url.removesuffix("/")
        return f"{base}/{page}" if page else base

    def __getitem__(self, key: str) -> Any:
        if key not in _KEYS:
            raise KeyError(f'st.context has no key "{key}". Valid keys are: {", ".join(sorted(_KEYS))}.')
        return getattr(self, key)

    def __contains__(self, key: object) -> bool:
        return key in _KEYS

    def __repr__(self) -> str:
        return "<st.context: " + ", ".join(sorted(_KEYS)) + ">"
