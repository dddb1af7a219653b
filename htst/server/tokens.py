"""The session cookie and the per-tab token, both signed with itsdangerous.

The cookie carries only a random id; state never leaves the server. Each page load is a
tab with its own token, bound to the cookie's id: a POST needs both, so another site
cannot post into a user's session (it can send the cookie, but cannot read the token).
"""

from __future__ import annotations

import functools
import secrets

from itsdangerous import BadSignature, URLSafeSerializer

COOKIE_NAME = "htst_session"


class Tokens:
    def __init__(self, secret: str):
        self._cookie = URLSafeSerializer(secret, salt="htst-session-cookie")
        self._tab = URLSafeSerializer(secret, salt="htst-tab-token")
        # A tab sends the same cookie and token with every request: verify each once.
        self.read_cookie = functools.lru_cache(maxsize=4096)(self._read_cookie)  # type: ignore[method-assign]
        self._tab_payload = functools.lru_cache(maxsize=4096)(self._load_tab)

    @staticmethod
    def new_id() -> str:
        return secrets.token_urlsafe(16)

    def cookie_value(self, session_id: str) -> str:
        return self._cookie.dumps(session_id)

    def _read_cookie(self, value: str | None) -> str | None:
        if not value:
            return None
        try:
            loaded = self._cookie.loads(value)
        except BadSignature:
            return None
        return loaded if isinstance(loaded, str) else None

    def tab_token(self, session_id: str, tab_id: str) -> str:
        return self._tab.dumps([session_id, tab_id])

    def read_tab(self, token: str | None, session_id: str | None) -> str | None:
        """The tab id in `token`, if it is genuine and was issued to this cookie's session."""
        if not token or not session_id:
            return None
        loaded = self._tab_payload(token)
        if loaded is None or loaded[0] != session_id:
            return None
        return loaded[1]

    def _load_tab(self, token: str) -> tuple[str, str] | None:
        try:
            loaded = self._tab.loads(token)
        except BadSignature:
            return None
        if isinstance(loaded, list) and len(loaded) == 2 and all(isinstance(x, str) for x in loaded):
            return loaded[0], loaded[1]
        return None
