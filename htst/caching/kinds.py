"""The bookkeeping of a kind of cache (`st.cache_data`, `st.cache_resource`) that outlives
the script runs: each function's entries (per store, and per session for
`scope="session"`), the locks that make concurrent callers wait for one computation,
the background refreshes under way, and the generation `clear()` bumps.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from . import sessions
from .entries import FunctionCache

if TYPE_CHECKING:
    from .cached import CachedFunction


class CacheKind:
    """What a kind of cache keeps between runs, and `.clear()` for all of it; the decorators
    (`cached.CacheData`, `cached.CacheResource`) are its subclasses."""

    def __init__(self, kind: str):
        self.kind = kind
        # Each run of a script decorates its functions anew, so what must outlive a run is
        # kept here, by the function's identity: its entries' bookkeeping (which keys exist,
        # for max_entries and clear()) and the locks that make concurrent callers, from
        # any session, wait for one computation.
        self._caches: dict[tuple[str, int, str | None], FunctionCache] = {}  # by (identity, store id, session)
        self._computing: dict[str, list[Any]] = {}  # key -> [lock, callers holding or waiting]
        self._computing_lock = threading.Lock()
        self._refreshing: set[str] = set()  # keys a background refresh is computing
        self._lock = threading.Lock()
        self.generation = 0  # bumped by clear(): keys of older generations are never read
        sessions.on_session_end(self.forget_session)

    def clear(self) -> None:
        """Forget every entry of every function cached this way (all stores, this process)."""
        with self._lock:
            self.generation += 1
            caches = list(self._caches.values())
        for cache in caches:
            cache.clear()

    def function_cache(self, cached: CachedFunction, store: Any, session: str | None = None) -> FunctionCache:
        """The entries of `cached` in `store` (of one session, for a session scope),
        with the function's current limits."""
        where = (cached.identity(), id(store), session)
        with self._lock:
            cache = self._caches.get(where)
            if cache is None:
                cache = self._caches[where] = FunctionCache(self.kind, cached.ttl, cached.max_entries, store)
            cache.ttl, cache.max_entries, cache.max_size = cached.ttl, cached.max_entries, cached.max_size
            cache.stale_for = (cached.ttl or 0.0) if cached.refresh_mode == "background" else 0.0
            cache.on_release = cached.on_release
            return cache

    def caches_of(self, identity: str) -> list[FunctionCache]:
        with self._lock:
            return [cache for (ident, _, _), cache in self._caches.items() if ident == identity]

    def forget_session(self, session: str) -> None:
        """A session ended: its session-scoped entries go (their values are released)."""
        with self._lock:
            gone = [where for where in self._caches if where[2] == session]
            caches = [self._caches.pop(where) for where in gone]
        for cache in caches:
            cache.clear()

    def start_refresh(self, key: str) -> bool:
        """Claim a background refresh of `key`; False if one is already running."""
        with self._computing_lock:
            if key in self._refreshing:
                return False
            self._refreshing.add(key)
            return True

    def end_refresh(self, key: str) -> None:
        with self._computing_lock:
            self._refreshing.discard(key)

    def lock_for(self, key: str) -> Any:
        with self._computing_lock:
            held = self._computing.get(key)
            if held is None:
                # Re-entrant: a function that calls itself with the same arguments recurses
                # as it would uncached instead of waiting for itself.
                held = self._computing[key] = [threading.RLock(), 0]
            held[1] += 1
            return held[0]

    def release(self, key: str, lock: Any) -> None:
        with self._computing_lock:
            held = self._computing.get(key)
            if held is not None and held[0] is lock:
                held[1] -= 1
                if held[1] == 0:  # nobody is computing or waiting: forget the lock
                    del self._computing[key]
