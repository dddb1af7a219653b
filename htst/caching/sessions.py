"""`scope="session"`: caches of one session, gone when the session is.

A session-scoped function keeps one FunctionCache per session. When the session object
is freed (its tab closed or timed out), its caches are cleared, which calls a
cache_resource's `on_release` for each value.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import current_or_none

_watched: set[str] = set()
_lock = threading.Lock()
_forgetters: list[Callable[[str], None]] = []  # each cache kind's "forget this session"


def current_session() -> str:
    """The id of the session running now; a session cache needs one."""
    ctx = current_or_none()
    if ctx is None:
        raise HtstAPIException(
            "A session-scoped cache was accessed outside of the app execution thread. Make "
            "sure all session-scoped caches are read during rendering and not read in "
            "background threads."
        )
    session = ctx.session
    with _lock:
        if session.id not in _watched:
            _watched.add(session.id)
            weakref.finalize(session, _ended, session.id)
    return session.id


def on_session_end(forget: Callable[[str], Any]) -> None:
    """Call `forget(session id)` when a session that used a session cache ends."""
    _forgetters.append(forget)


def _ended(session_id: str) -> None:
    with _lock:
        _watched.discard(session_id)
    for forget in _forgetters:
        forget(session_id)
