"""A session (one browser tab) and the in-memory store that keeps sessions between requests."""

from __future__ import annotations

import secrets
import threading
from collections import deque
import time
from typing import TYPE_CHECKING, Any

from .query_params import QueryParamsState
from .state import SessionState

if TYPE_CHECKING:
    from .app import AppScript
    from .context import RunControl
    from .nodes import Node


class Session:
    """State that lives as long as the tab: session state, query params, what was drawn."""

    def __init__(self, app: AppScript, id: str | None = None):
        self.id = id or secrets.token_urlsafe(16)
        self.state = SessionState(lambda: bool(app.config["runner.enforceSerializableSessionState"]))
        self.query_params = QueryParamsState()
        self.lock = threading.RLock()
        # node id -> signature of what the client shows; `render.diff` keeps it current.
        self.snapshot: dict[str, Any] = {}
        self.last_seen = time.monotonic()
        self.run_count = 0
        # The run in progress, if any: `active_run.set()` stops it at its next st.* call.
        self.active_run: RunControl | None = None
        # The tree the client shows (the last run's, fragment reruns included): fragment
        # reruns draw into it, and a streaming answer fills in what a run has not redrawn yet.
        self.roots: dict[str, Node] | None = None
        # Fragments the last full run called, by id: what a fragment rerun runs again.
        self.fragments: dict[str, Any] = {}
        # Live runs (server/streaming.py), guarded by `live_lock`: runs waiting their turn
        # (in order), whether a worker thread is running them, the run that may paint the
        # page, and a counter that numbers runs for the client.
        self.live_lock = threading.Lock()
        self.queued: deque[Any] = deque()
        self.working = False
        self.painting: Any = None
        self.live_count = 0


class MemoryStore:
    """Sessions kept as live objects in this process (any Python value may live in them).

    Idle sessions are freed after `idle_timeout` seconds; closed tabs at once.
    """

    def __init__(self, idle_timeout: float = 3600.0):
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()
        self.idle_timeout = idle_timeout
        self._last_sweep = time.monotonic()

    def get(self, session_id: str) -> Session | None:
        now = time.monotonic()
        with self._lock:
            session = self._sessions.get(session_id)
            if session is not None:
                session.last_seen = now
        if now - self._last_sweep > min(60.0, self.idle_timeout):
            self.sweep(now)
        return session

    def add(self, session: Session) -> None:
        with self._lock:
            self._sessions[session.id] = session

    def remove(self, session_id: str) -> None:
        with self._lock:
            self._sessions.pop(session_id, None)

    def sweep(self, now: float | None = None) -> int:
        now = time.monotonic() if now is None else now
        with self._lock:
            self._last_sweep = now
            idle = [sid for sid, s in self._sessions.items() if now - s.last_seen > self.idle_timeout]
            for sid in idle:
                del self._sessions[sid]
        return len(idle)

    def __len__(self) -> int:
        return len(self._sessions)
