"""The entries of one cached function, in a cachelib store, with its ttl and max_entries.

An entry is a value (or its serialized copy) and the steps that draw what the function
drew. Stores outside this process (disk, Redis) get each entry packed into one blob.
"""

from __future__ import annotations

import struct
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from . import options, storage
from .replay import Step

WIDGETS = "|w:"  # joins an arguments key and the digest of the widget values


@dataclass
class Entry:
    """What one call left in the cache: its value (or its serialized copy) and its elements."""

    stored_at: float
    value: Any
    elements: list[Step] = field(default_factory=list)


class FunctionCache:
    """The entries of one cached function: its own ttl and max_entries, in a store."""

    def __init__(self, kind: str, ttl: float | None, max_entries: int | None, store: Any):
        self.kind = kind
        self.ttl = ttl
        self.max_entries = max_entries
        self.store = store
        self.keys: OrderedDict[str, None] = OrderedDict()  # this process's keys, oldest first
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
        if self.ttl is not None and now - entry.stored_at > self.ttl:
            self.delete(key)
            return None
        return entry

    def set(self, key: str, entry: Entry) -> None:
        with self.lock:
            self.keys.pop(key, None)
            self.keys[key] = None
            while self.max_entries is not None and len(self.keys) > self.max_entries:
                oldest, _ = self.keys.popitem(last=False)
                self.store.delete(oldest)
        shared = not isinstance(self.store, storage.SimpleCache)
        self.store.set(key, _pack_entry(entry) if shared else entry, timeout=options.store_timeout(self.ttl) if shared else None)

    def delete(self, key: str) -> None:
        with self.lock:
            self.keys.pop(key, None)
            widget_keys = [k for k in self.keys if k.startswith(key + WIDGETS)] if self.plans.pop(key, None) else []
            for k in widget_keys:
                self.keys.pop(k, None)
        for k in [key, *widget_keys]:
            self.store.delete(k)

    def clear(self) -> None:
        with self.lock:
            keys, self.keys = list(self.keys), OrderedDict()
            self.plans.clear()
        for key in keys:
            self.store.delete(key)

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
