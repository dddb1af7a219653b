"""Where cached values live: cachelib backends behind one small interface.

- memory (default): a cachelib SimpleCache in this process. cache_resource entries are
  live objects; cache_data entries are serialized copies (see `serialize`).
- disk (`persist="disk"`): a cachelib FileSystemCache under `~/.htst/cache`, so
  entries survive a restart.
- shared (`server.cacheStore = "redis://host:port/db"`): a cachelib RedisCache, so
  several server processes share cache_data entries.

Only this process writes and reads these files and keys: what is stored is a pickle,
and unpickling data someone else wrote can run their code (see README).
"""

from __future__ import annotations

import io
import pickle
import struct
import sys
import threading
import types
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from cachelib import FileSystemCache, RedisCache, SimpleCache
from cachelib.base import BaseCache
from cachelib.serializers import BaseSerializer

from ..errors import HtstAPIException

NO_LIMIT = 10**9  # entries: max_entries and ttl are enforced per function, not by cachelib


def disk_cache_dir() -> Path:
    return Path.home() / ".htst" / "cache"


class _AsIs(BaseSerializer):
    """For the in-memory cache: keep values as they are (no pickling on every get)."""

    def dumps(self, value: Any, protocol: int = pickle.HIGHEST_PROTOCOL) -> Any:
        return value

    def loads(self, bvalue: Any) -> Any:
        return bvalue


def memory_store() -> BaseCache:
    store = SimpleCache(threshold=NO_LIMIT, default_timeout=0)
    store.serializer = _AsIs()
    return store


def disk_store(path: Path | None = None) -> BaseCache:
    folder = path or disk_cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemCache(str(folder), threshold=0, default_timeout=0, mode=0o600)


def shared_store(url: str) -> BaseCache:
    """A store from `server.cacheStore`: "redis://host:port/db" (a password may be in the URL)."""
    parsed = urlparse(url)
    if parsed.scheme not in ("redis", "rediss"):
        raise HtstAPIException(f'server.cacheStore must be "memory" or a redis:// URL, got {url!r}.')
    try:
        import redis
    except ImportError:
        raise HtstAPIException('A Redis cache store needs the redis package: pip install "htst[redis]".') from None
    client = redis.Redis.from_url(url)
    return RedisCache(host=client, default_timeout=0, key_prefix="htst-cache:")


# -- cache_data values: copies made with pickle protocol 5 ---------------------------
# Large arrays and frames travel as out-of-band buffers: one memcpy each way instead of
# being copied through the pickle stream, which is what makes hits on big data fast.

def serialize(value: Any) -> tuple[bytes, list[bytes]]:
    """The value as (pickle stream, buffers). Buffers are copied: the cache must not share
    memory with the object the caller keeps."""
    buffers: list[pickle.PickleBuffer] = []
    try:
        stream = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    except (pickle.PicklingError, AttributeError):
        # A class or function defined in the script (`__main__.Person`) cannot be found by
        # name: the script runs in its own namespace, not in sys.modules["__main__"]. Such
        # objects are pickled by reference to this process's registry instead. Tried only
        # after a plain dump fails: a Python-level persistent_id slows every dump.
        buffers = []
        out = io.BytesIO()
        _ScriptPickler(out, protocol=5, buffer_callback=buffers.append).dump(value)
        stream = out.getvalue()
    return stream, [_copy(buffer.raw()) for buffer in buffers]


def deserialize(stream: bytes, buffers: list[Any]) -> Any:
    """A fresh copy: every buffer is copied into writable memory the caller owns."""
    copies = [_copy(buffer) for buffer in buffers]
    return _ScriptUnpickler(io.BytesIO(stream), buffers=copies).load()


_LARGE = 1 << 20


def _copy(buffer: Any) -> Any:
    """A writable copy of a buffer. Large ones are copied by numpy, which asks the kernel
    for huge pages: filling fresh memory page by page (bytearray) costs 3-4x more, and
    that page faulting was most of a cache hit on big frames (bench/cache.py)."""
    numpy = sys.modules.get("numpy")
    view = memoryview(buffer)
    if numpy is not None and view.nbytes >= _LARGE:
        return numpy.frombuffer(view.cast("B") if view.format != "B" else view, dtype=numpy.uint8).copy()
    return bytearray(view)


class ScriptObjectMissing(pickle.UnpicklingError):
    """A stored value refers to a script's class or function this process never saw
    (it was stored by another process, or before a restart): treat the entry as a miss."""


# Classes and functions of scripts that cached values refer to, by token. Kept for the life
# of the process: an entry's copy must be loadable as long as the entry lives, and one class
# is kept per miss that returned it, not per hit.
_script_objects: dict[str, Any] = {}
_script_objects_lock = threading.Lock()


def _script_object(obj: Any) -> bool:
    if not isinstance(obj, (type, types.FunctionType)) or obj.__module__ != "__main__":
        return False
    found: Any = sys.modules.get("__main__")
    for part in obj.__qualname__.split("."):
        found = getattr(found, part, None)
    return found is not obj


class _ScriptPickler(pickle.Pickler):
    def persistent_id(self, obj: Any) -> str | None:
        if not _script_object(obj):
            return None
        token = f"{obj.__qualname__}@{id(obj):x}"
        with _script_objects_lock:
            _script_objects[token] = obj
        return token


class _ScriptUnpickler(pickle.Unpickler):
    def persistent_load(self, pid: Any) -> Any:
        try:
            return _script_objects[pid]
        except KeyError:
            raise ScriptObjectMissing(f"the script's {pid.split('@')[0]} is unknown here") from None


def pack(stream: bytes, buffers: list[bytes]) -> bytes:
    """One blob for stores outside this process: counts and lengths, then the parts."""
    header = struct.pack(f"<I{len(buffers) + 1}Q", len(buffers), len(stream), *(len(b) for b in buffers))
    return b"".join([header, stream, *buffers])


def unpack(blob: bytes | memoryview) -> tuple[bytes, list[memoryview]]:
    view = memoryview(blob)
    (count,) = struct.unpack_from("<I", view)
    lengths = struct.unpack_from(f"<{count + 1}Q", view, 4)
    offset = 4 + 8 * (count + 1)
    parts = []
    for length in lengths:
        parts.append(view[offset : offset + length])
        offset += length
    return bytes(parts[0]), parts[1:]  # buffers stay views: deserialize copies them once


def clear_persisted(shared_url: str = "memory") -> str:
    """Delete what outlives a process: the disk cache and, if configured, the shared store."""
    import shutil

    folder = disk_cache_dir()
    cleared = [f"the disk cache ({folder})"]
    if folder.exists():
        shutil.rmtree(folder)
    if shared_url != "memory":
        shared_store(shared_url).clear()
        cleared.append(f"the shared cache ({urlparse(shared_url).hostname})")
    return " and ".join(cleared)


# -- stores, shared by every cached function of a process ----------------------------
_stores: dict[str, Any] = {}
_stores_lock = threading.Lock()
# What server.cacheStore names for cache_data ("memory" or a redis:// URL); set by the app.
shared_store_url = "memory"


def store_for(kind: str, persist: str | None) -> Any:
    """The store for a kind of cache; `persist` is "disk", None (as configured) or
    "memory" (this process, whatever is configured)."""
    if kind == "cache_resource":
        name = "resource"
    elif persist == "disk":
        name = "disk"
    elif persist == "memory" or shared_store_url == "memory":
        name = "data"
    else:
        name = shared_store_url
    store = _stores.get(name)
    if store is None:
        with _stores_lock:
            store = _stores.get(name)
            if store is None:
                if name in ("resource", "data"):
                    store = memory_store()
                elif name == "disk":
                    store = disk_store()
                else:
                    store = shared_store(name)
                _stores[name] = store
    return store


def use_shared_store(url: str) -> None:
    """Point cache_data at `server.cacheStore` ("memory" or "redis://…")."""
    global shared_store_url
    if url != "memory":
        shared_store(url)  # fail now, with a clear message, not at the first call
    shared_store_url = url
