"""st.cache_data and st.cache_resource (docs: caching).

A call's key is the function's identity (module and qualified name, so every rerun of
a script reuses its entries), its source code (editing the function invalidates them)
and its hashed arguments (underscore parameters skipped). cache_data keeps serialized
copies and hands out a fresh copy on every hit; cache_resource keeps the object itself.
On a miss the function runs once, however many sessions ask at the same moment; what it
drew into the page is recorded and drawn again on later hits.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import threading
import time
from collections.abc import Callable
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import current_or_none
from . import options, storage
from .entries import WIDGETS, Entry, FunctionCache
from .hashing import hash_arguments
from .replay import Drawing, Step, recording_widgets, replay, widget_values
from .storage import use_shared_store as use_shared_store  # the app sets server.cacheStore

# The clock entries are timed with; tests replace it to expire entries without sleeping.
clock: Callable[[], float] = time.time


class CacheKind:
    """`st.cache_data` or `st.cache_resource`: the decorator, and `.clear()` for all of it."""

    def __init__(self, kind: str):
        self.kind = kind
        # Each run of a script decorates its functions anew, so what must outlive a run is
        # kept here, by the function's identity: its entries' bookkeeping (which keys exist,
        # for max_entries and clear()) and the locks that make concurrent callers, from
        # any session, wait for one computation.
        self._caches: dict[tuple[str, int], FunctionCache] = {}  # by (identity, store id)
        self._computing: dict[str, list[Any]] = {}  # key -> [lock, callers holding or waiting]
        self._computing_lock = threading.Lock()
        self._lock = threading.Lock()
        self.generation = 0  # bumped by clear(): keys of older generations are never read

    def __call__(self, func: Callable[..., Any] | None = None, *, ttl: Any = None, max_entries: int | None = None,
                 show_spinner: bool | str = True, persist: Any = None, hash_funcs: dict | None = None,
                 validate: Callable[[Any], bool] | None = None, experimental_allow_widgets: bool = False) -> Any:
        settings = {
            "ttl": options.seconds(ttl),
            "max_entries": options.max_entries(max_entries),
            "show_spinner": show_spinner,
            "persist": options.persist(self.kind, persist),
            "hash_funcs": hash_funcs or {},
            "validate": validate,
            "allow_widgets": bool(experimental_allow_widgets),
        }
        if func is None:
            return lambda f: self._decorate(f, settings)
        return self._decorate(func, settings)

    def _decorate(self, func: Any, settings: dict[str, Any]) -> Any:
        if isinstance(func, staticmethod):
            return staticmethod(self._decorate(func.__func__, settings))
        cached = CachedFunction(self, func, **settings)

        @functools.wraps(func)
        def call(*args: Any, **kwargs: Any) -> Any:
            return cached.call(args, kwargs)

        call.clear = cached.clear  # type: ignore[attr-defined]
        call.__htst_cached__ = cached  # type: ignore[attr-defined]
        return call

    def clear(self) -> None:
        """Forget every entry of every function cached this way (all stores, this process)."""
        with self._lock:
            self.generation += 1
            caches = list(self._caches.values())
        for cache in caches:
            cache.clear()

    def function_cache(self, identity: str, store: Any, ttl: float | None, max_entries: int | None) -> FunctionCache:
        with self._lock:
            cache = self._caches.get((identity, id(store)))
            if cache is None:
                cache = self._caches[(identity, id(store))] = FunctionCache(self.kind, ttl, max_entries, store)
            cache.ttl, cache.max_entries = ttl, max_entries
            return cache

    def caches_of(self, identity: str) -> list[FunctionCache]:
        with self._lock:
            return [cache for (ident, _), cache in self._caches.items() if ident == identity]

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


class CachedFunction:
    """One decorated function: how to key its calls and where its entries live."""

    def __init__(self, kind: CacheKind, func: Callable[..., Any], *, ttl: float | None, max_entries: int | None,
                 show_spinner: bool | str, persist: str | None, hash_funcs: dict, validate: Callable[[Any], bool] | None,
                 allow_widgets: bool = False):
        self.kind = kind
        self.func = func
        self.name = getattr(func, "__qualname__", getattr(func, "__name__", "function"))
        self.show_spinner = show_spinner
        self.persist = persist
        self.hash_funcs = hash_funcs
        self.validate = validate
        self.allow_widgets = allow_widgets
        self.ttl = ttl
        self.max_entries = max_entries
        self.signature = _signature(func)
        self._identity: str | None = None

    # -- keys -------------------------------------------------------------------------
    def identity(self) -> str:
        """Module, qualified name and source code: stable across reruns, new when edited."""
        if self._identity is None:
            try:
                source = inspect.getsource(self.func)
            except (OSError, TypeError):
                code = getattr(self.func, "__code__", None)
                source = repr((code.co_code, code.co_consts)) if code is not None else self.name
            module = getattr(self.func, "__module__", "")
            digest = hashlib.blake2b(f"{self.kind.kind}|{module}|{self.name}|{source}".encode(), digest_size=12)
            self._identity = digest.hexdigest()
        return self._identity

    def key(self, args: tuple, kwargs: dict) -> str:
        arguments = self._arguments(args, kwargs)
        digest = hash_arguments(self._written_name(), arguments, self.hash_funcs, decorator=self.kind.kind)
        return f"{self.identity()}:{self.kind.generation}:{digest}"

    def widget_key(self, key: str, widgets: dict[str, tuple]) -> str:
        """The key of an entry whose function drew widgets ({id: (call, value)}): their
        values are arguments too."""
        values = [(wid, value) for wid, (_, value) in widgets.items()]
        digest = hash_arguments(self._written_name(), values, self.hash_funcs, decorator=self.kind.kind)
        return f"{key}{WIDGETS}{digest}"

    def _written_name(self) -> str:
        # Errors name the function as written (`multiply_score`, not `MyCustomClass.multiply_score`),
        # as the docs show and so the suggested `def multiply_score(_obj, ...)` reads as code.
        return getattr(self.func, "__name__", self.name)

    def _arguments(self, args: tuple, kwargs: dict) -> list[tuple[str, Any]]:
        """The call's arguments by parameter name, defaults applied, underscore names skipped."""
        if self.signature is None:
            named = [(f"arg{i}", a) for i, a in enumerate(args)] + sorted(kwargs.items())
        else:
            try:
                bound = self.signature.bind(*args, **kwargs)
            except TypeError:
                return [(f"arg{i}", a) for i, a in enumerate(args)] + sorted(kwargs.items())
            bound.apply_defaults()
            named = []
            for name, value in bound.arguments.items():
                kind = self.signature.parameters[name].kind
                if kind is inspect.Parameter.VAR_KEYWORD:
                    named.extend(sorted((k, v) for k, v in value.items()))
                else:
                    named.append((name, value))
        return [(name, value) for name, value in named if not name.startswith("_")]

    # -- storage ----------------------------------------------------------------------
    def cache(self) -> FunctionCache:
        store = storage.store_for(self.kind.kind, self.persist)
        return self.kind.function_cache(self.identity(), store, self.ttl, self.max_entries)

    def widget_cache(self) -> FunctionCache:
        """Where entries that depend on widget values live: this process's memory, since
        only this process knows the widget calls that find them."""
        store = storage.store_for(self.kind.kind, "memory")
        return self.kind.function_cache(self.identity(), store, self.ttl, self.max_entries)

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget all entries, or (with arguments) only the entries for that call."""
        if args or kwargs:
            key = self.key(args, kwargs)
            self.cache().delete(key)
            self.widget_cache().delete(key)
            return
        for cache in self.kind.caches_of(self.identity()):
            cache.clear()

    # -- calling ----------------------------------------------------------------------
    def call(self, args: tuple, kwargs: dict) -> Any:
        key = self.key(args, kwargs)
        cache = self.cache()
        found, value = self._find(cache, key)
        if found:
            return value
        lock = self.kind.lock_for(key)
        try:
            with lock:  # one computation per key; the others wait here and then hit
                found, value = self._find(cache, key)
                if found:
                    return value
                value, elements, widgets = self._compute(args, kwargs)
                entry = Entry(clock(), self._store_value(value), elements)
                if widgets:
                    local = self.widget_cache()
                    local.set(self.widget_key(key, widgets), entry)
                    local.remember_plan(key, widgets)
                else:
                    cache.set(key, entry)
                return value
        finally:
            self.kind.release(key, lock)  # also after a hit or an error: no lock left behind

    def _find(self, cache: FunctionCache, key: str) -> tuple[bool, Any]:
        """A hit for these arguments: without widgets, or (allowed) with this run's widget values."""
        found, value = self._lookup(cache, key)
        if found or not self.allow_widgets:
            return found, value
        ctx = current_or_none()
        if ctx is None:
            return False, None
        local = self.widget_cache()
        for calls in local.plans_for(key):
            found, value = self._lookup(local, self.widget_key(key, widget_values(ctx, calls)))
            if found:
                return found, value
        return False, None

    def _lookup(self, cache: FunctionCache, key: str) -> tuple[bool, Any]:
        """(True, the value to return) on a hit, its elements replayed; (False, None) on a miss."""
        entry = cache.get(key, clock())
        if entry is None or not self._valid(entry):
            return False, None
        if self.kind.kind == "cache_resource":
            value = entry.value
        else:
            try:
                value = storage.deserialize(*entry.value)
            except storage.ScriptObjectMissing:
                cache.delete(key)  # stored by another process: its script's class is not here
                return False, None
        replay(entry.elements)
        return True, value

    def _valid(self, entry: Entry) -> bool:
        if self.validate is None or self.kind.kind != "cache_resource":
            return True
        return bool(self.validate(entry.value))

    def _store_value(self, value: Any) -> Any:
        if self.kind.kind == "cache_resource":
            return value
        try:
            return storage.serialize(value)
        except Exception as exc:
            raise HtstAPIException(
                f"Cannot serialize the return value (of type {_type_name(value)}) in {self.name}(). "
                "st.cache_data uses pickle to serialize the function's return value and "
                "return a copy of it on every call. Return a picklable value, or use "
                "st.cache_resource to keep the object itself."
            ) from exc

    def _compute(self, args: tuple, kwargs: dict) -> tuple[Any, list[Step], dict[str, tuple]]:
        """Run the function; record what it draws (replayed on hits) and, if allowed, the
        widgets it drew: {id: (call, value)}."""
        ctx = current_or_none()
        if ctx is None:
            return self.func(*args, **kwargs), [], {}
        spinner = self._spinner_text()
        if spinner:
            from ..elements.status import spinner as show_spinner

            with show_spinner(spinner):
                return self._run_recording(ctx, args, kwargs)
        return self._run_recording(ctx, args, kwargs)

    def _run_recording(self, ctx: Any, args: tuple, kwargs: dict) -> tuple[Any, list[Step], dict[str, tuple]]:
        drawing = Drawing(ctx)
        if self.allow_widgets:
            with recording_widgets(ctx) as widgets:
                value = self.func(*args, **kwargs)
            return value, drawing.steps(widgets), widgets
        value = self.func(*args, **kwargs)
        if drawing.has_widgets():
            # The warning is recorded too: on hits it says why the widget is missing.
            _warn_widget(self)
        return value, drawing.steps(), {}

    def _spinner_text(self) -> str | None:
        if self.show_spinner is False or self.show_spinner is None:
            return None
        if isinstance(self.show_spinner, str):
            return self.show_spinner
        return f"Running `{self.name}(...)`."


# -- helpers -----------------------------------------------------------------------------
def _warn_widget(cached: CachedFunction) -> None:
    from ..elements.alerts import warning

    warning(
        f"Your script uses a widget command in a cached function (`{cached.name}`, decorated "
        f"with `@st.{cached.kind.kind}`). It runs only on a cache miss, so the widget is not "
        "drawn when the value comes from the cache. Move the widget out of the cached "
        "function, or pass `experimental_allow_widgets=True` to make its value part of the key."
    )


def _signature(func: Callable[..., Any]) -> inspect.Signature | None:
    try:
        return inspect.signature(func)
    except (TypeError, ValueError):
        return None


def _type_name(value: Any) -> str:
    cls = type(value)
    return f"{cls.__module__}.{cls.__qualname__}"


cache_data = CacheKind("cache_data")
cache_resource = CacheKind("cache_resource")


def clear_all() -> None:
    cache_data.clear()
    cache_resource.clear()
