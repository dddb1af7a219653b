"""Browser tabs as the server keeps them: a session, what the browser shows, its runs.

The runtime's Session holds what a script run needs; a Tab adds what only the server
needs: the view (the signatures of what the browser shows, which the next answer is
diffed against) and the queue of live runs (`server/streaming.py`).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from ..config import Config, ConfigError
from ..runtime.session import Session


class Tab:
    """One browser tab: its session, its view and its live runs."""

    __slots__ = ("session", "view", "last_seen", "live_lock", "queued", "working", "running", "painting", "live_count", "shown_page", "shown_chrome", "shown_theme")

    def __init__(self, session: Session):
        self.session = session
        # node id -> signature of what the browser shows (`render.page`), kept current by
        # every answer.
        self.view: dict[str, Any] = {}
        self.last_seen = time.monotonic()
        # Live runs, guarded by `live_lock`: runs waiting their turn (in order), whether a
        # worker thread is running them, the run it is running, the run that may paint the
        # page, and a counter that numbers runs for the client.
        self.live_lock = threading.Lock()
        self.queued: deque[Any] = deque()
        self.working = False
        self.running: Any = None
        self.painting: Any = None
        self.live_count = 0
        self.shown_page = ""  # the page pathname in the tab's address bar
        self.shown_chrome: Any = None  # the chrome (title, favicon, menu…) the browser shows
        self.shown_theme: Any = None  # (version, base, has its <style>): server/theme_watch.py

    @property
    def id(self) -> str:
        return self.session.id


def check_session_store(config: Config) -> None:
    """Refuse a `server.sessionStore` other than "memory" when the app is made, rather than
    accept it and keep sessions in memory all the same: shared stores come later."""
    store = str(config["server.sessionStore"])
    if store != "memory":
        raise ConfigError(
            f"server.sessionStore = {store!r} (from {config.source('server.sessionStore')}): shared session "
            'stores are not available yet in this version of htst; sessions are kept in memory. Set it to "memory" or remove it.'
        )


class TabStore:
    """Tabs kept as live objects in this process (any Python value may live in their state).

    Idle tabs are freed after `idle_timeout` seconds; closed tabs at once.
    """

    def __init__(self, idle_timeout: float = 3600.0, on_end: Callable[[Tab], None] | None = None):
        self._tabs: dict[str, Tab] = {}
        self._on_end = on_end  # called for each tab removed or swept (its session's media)
        self._lock = threading.Lock()
        self.idle_timeout = idle_timeout
        self._last_sweep = time.monotonic()

    def get(self, tab_id: str) -> Tab | None:
        now = time.monotonic()
        with self._lock:
            tab = self._tabs.get(tab_id)
            if tab is not None:
                tab.last_seen = now
        if now - self._last_sweep > min(60.0, self.idle_timeout):
            self.sweep(now)
        return tab

    def add(self, tab: Tab) -> None:
        with self._lock:
            self._tabs[tab.id] = tab

    def remove(self, tab_id: str) -> None:
        with self._lock:
            gone = self._tabs.pop(tab_id, None)
        self._ended([gone] if gone is not None else [])

    def sweep(self, now: float | None = None) -> int:
        now = time.monotonic() if now is None else now
        with self._lock:
            self._last_sweep = now
            idle = [tid for tid, tab in self._tabs.items() if now - tab.last_seen > self.idle_timeout]
            gone = [self._tabs.pop(tid) for tid in idle]
        self._ended(gone)
        return len(idle)

    def _ended(self, tabs: list[Tab]) -> None:
        if self._on_end is not None:
            for tab in tabs:
                self._on_end(tab)

    def __len__(self) -> int:
        return len(self._tabs)
