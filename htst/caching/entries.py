"""The entries of one cached function, in a cachelib store, with its limits.

An entry is a value (or its serialized copy) and the steps that draw what the function
drew. Stores outside this process (disk, Redis) get each entry packed into one blob.
Limits: ttl (with `stale_for` more seconds in which a background refresh serves the
expired value), max_entries (the oldest stored go first) and max_size (bytes of
serialized values; the least recently used go first). `on_release` (cache_resource)
is called with each value that leaves the cache.
"""

from __future__ import annotations

import logging
import struct
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import options, storage
from .replay import Step

WIDGETS = "|w:"  # joins an arguments key and the digest of the widget values
logger = logging.getLogger(__name__)


@dataclass
class Entry:
    """What one call left in the cache: its value (or its serialized copy) and its elements."""

    stored_at: float
    value: Any
    elements: list[Step] = field(default_factory=list)


class FunctionCache:
    """The entries of one cached function (of one session, for `scope="session"`), in a store."""

    def __init__(self, kind: str, ttl: float | None, max_entries: int | None, store: Any):
        self.kind = kind
        self.ttl = ttl
        self.max_entries = max_entries
        self.max_size: int | None = None
        self.stale_for = 0.0  # refresh_mode="background": an expired entry is served this long
        self.on_release: Callable[[Any], Any] | None = None
        self.store = store
        self.keys: OrderedDict[str, None] = OrderedDict()  # this process's keys, oldest first
        self.sizes: dict[str, int] = {}  # max_size: bytes of each entry's serialized value
        # experimental_allow_widgets: by arguments key, the widget calls of each entry
        # computed for them (by their widget ids). Calling them gives the widget values,
        # the rest of the entry's key. Kept in this process: calls hold live functions.
        self.plans: OrderedDict[str, OrderedDict[tuple, list[tuple]]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str, now: float) -> Entry | None:
        entry = self.store.get(key)
        if entry is None:
            return None
        if isinstance(entry, bytes):
            entry = _unpack_entry(entry)
        if self.ttl is not None and now - entry.stored_at > self.ttl + self.stale_for:
            self.delete(key)
            return None
        if self.max_size is not None:
            with self.lock:
                if key in self.keys:
                    self.keys.move_to_end(key)  # a read is a use
        return entry

    def set(self, key: str, entry: Entry) -> None:
        released = []
        replaced = self._entry(key) if self.on_release is not None else None
        if replaced is not None:
            released.append(replaced)
        size = _size(entry.value) if self.max_size is not None else 0
        with self.lock:
            self.keys.pop(key, None)
            self.keys[key] = None
            evicted = []
            while self.max_entries is not None and len(self.keys) > self.max_entries:
                evicted.append(self.keys.popitem(last=False)[0])
            if self.max_size is not None:
                self.sizes[key] = size
                if size > self.max_size and len(self.keys) > 1:
                    logger.warning(
                        "A value of %d bytes is larger than its function's max_size (%d "
                        "bytes): it is kept alone in the cache.", size, self.max_size,
                    )
                while sum(self.sizes.values()) > self.max_size and len(self.keys) > 1:
                    evicted.append(self.keys.popitem(last=False)[0])
                    self.sizes.pop(evicted[-1], None)
        for old in evicted:
            released.extend(self._remove(old))
        shared = not isinstance(self.store, storage.SimpleCache)
        timeout = options.store_timeout(None if self.ttl is None else self.ttl + self.stale_for) if shared else None
        self.store.set(key, _pack_entry(entry) if shared else entry, timeout=timeout)
        self._release(released)

    def delete(self, key: str) -> None:
        with self.lock:
            self.keys.pop(key, None)
            widget_keys = [k for k in self.keys if k.startswith(key + WIDGETS)] if self.plans.pop(key, None) else []
            for k in widget_keys:
                self.keys.pop(k, None)
        released = []
        for k in [key, *widget_keys]:
            released.extend(self._remove(k))
        self._release(released)

    def clear(self) -> None:
        with self.lock:
            keys, self.keys = list(self.keys), OrderedDict()
            self.plans.clear()
        released = []
        for key in keys:
            released.extend(self._remove(key))
        self._release(released)

    def _entry(self, key: str) -> Entry | None:
        found = self.store.get(key)
        return _unpack_entry(found) if isinstance(found, bytes) else found

    def _remove(self, key: str) -> list[Entry]:
        """Delete a key from the store; the entry, if its value must be released."""
        self.sizes.pop(key, None)
        entry = self._entry(key) if self.on_release is not None else None
        self.store.delete(key)
        return [entry] if entry is not None else []

    def _release(self, entries: list[Entry]) -> None:
        """`on_release(value)` for values that left the cache; its errors are logged only,
        so they cannot break the call that evicted them."""
        for entry in entries:
            try:
                self.on_release(entry.value)  # type: ignore[misc]
            except Exception:
                logger.exception("on_release raised while releasing a cached value")

    def plans_for(self, key: str) -> list[list[tuple]]:
        with self.lock:
            plans = self.plans.get(key)
            return list(reversed(plans.values())) if plans else []  # the newest first

    def remember_plan(self, key: str, widgets: dict[str, tuple]) -> None:
        """Remember the calls of the widgets ({id: (call, value)}) an entry for `key` drew."""
        with self.lock:
            plans = self.plans.pop(key, None) or OrderedDict()
            signature = tuple(widgets)
            plans.pop(signature, None)
            plans[signature] = [call for call, _ in widgets.values()]
            self.plans[key] = plans
            while len(self.plans) > max(len(self.keys), 1):  # no plans for long-gone entries
                self.plans.popitem(last=False)


# -- one blob per entry, for stores outside this process ----------------------------------
def _pack_entry(entry: Entry) -> bytes:
    """An entry as one blob for a store outside this process (disk, Redis)."""
    stream, buffers = entry.value
    elements = storage.serialize(entry.elements)
    return storage.pack(struct.pack("<d", entry.stored_at), [storage.pack(stream, buffers), storage.pack(*elements)])


def _unpack_entry(blob: bytes) -> Entry:
    head, (value_blob, elements_blob) = storage.unpack(blob)
    (stored_at,) = struct.unpack("<d", head)
    return Entry(stored_at, storage.unpack(value_blob), storage.deserialize(*storage.unpack(elements_blob)))


def _size(value: Any) -> int:
    """Bytes of a cache_data value as stored: its pickle stream and buffers."""
    stream, buffers = value
    return len(stream) + sum(memoryview(b).nbytes for b in buffers)
