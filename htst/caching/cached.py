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
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import current_or_none
from . import options, sessions, storage
from .entries import WIDGETS, Entry, FunctionCache
from .hashing import hash_arguments
from .kinds import CacheKind
from .replay import Drawing, Step, recording_widgets, replay, widget_values
from .storage import use_shared_store as use_shared_store  # the app sets server.cacheStore

# The clock entries are timed with; tests replace it to expire entries without sleeping.
clock: Callable[[], float] = time.time
logger = logging.getLogger(__name__)


class CachedFunction:
    """One decorated function: how to key its calls and where its entries live."""

    def __init__(self, kind: CacheKind, func: Callable[..., Any], *, ttl: float | None, max_entries: int | None,
                 show_spinner: bool | str, persist: str | None, hash_funcs: dict, validate: Callable[[Any], bool] | None,
                 allow_widgets: bool = False, show_time: bool = False, scope: str = "global",
                 max_size: int | None = None, refresh_mode: str = "foreground",
                 on_release: Callable[[Any], Any] | None = None):
        self.kind = kind
        self.func = func
        self.name = getattr(func, "__qualname__", getattr(func, "__name__", "function"))
        self.show_spinner = show_spinner
        self.show_time = show_time
        self.scope = scope
        self.max_size = max_size
        self.refresh_mode = refresh_mode
        self.on_release = on_release
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
        if self.scope == "session":
            digest = f"{sessions.current_session()}:{digest}"
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
        """Where the entries live; a session's own, in this process, for `scope="session"`."""
        session = sessions.current_session() if self.scope == "session" else None
        persist = self.persist or ("memory" if session is not None else None)
        store = storage.store_for(self.kind.kind, persist)
        return self.kind.function_cache(self, store, session)

    def widget_cache(self) -> FunctionCache:
        """Where entries that depend on widget values live: this process's memory, since
        only this process knows the widget calls that find them."""
        session = sessions.current_session() if self.scope == "session" else None
        store = storage.store_for(self.kind.kind, "memory")
        return self.kind.function_cache(self, store, session)

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
        found, value = self._find(cache, key, (args, kwargs))
        if found:
            return value
        lock = self.kind.lock_for(key)
        try:
            with lock:  # one computation per key; the others wait here and then hit
                found, value = self._find(cache, key, (args, kwargs))
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

    def _find(self, cache: FunctionCache, key: str, call: tuple[tuple, dict]) -> tuple[bool, Any]:
        """A hit for these arguments: without widgets, or (allowed) with this run's widget values."""
        found, value = self._lookup(cache, key, call)
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

    def _lookup(self, cache: FunctionCache, key: str, call: tuple[tuple, dict] | None = None) -> tuple[bool, Any]:
        """(True, the value to return) on a hit, its elements replayed; (False, None) on a miss.

        With `refresh_mode="background"` an expired entry (kept one more ttl) is a hit
        too, and a thread computes its new value (`call`: the arguments to call with).
        """
        now = clock()
        entry = cache.get(key, now)
        if entry is None:
            return False, None
        if self.ttl is not None and now - entry.stored_at > self.ttl:
            if call is None or WIDGETS in key:
                cache.delete(key)  # entries keyed by widget values are refreshed in the foreground
                return False, None
            self._refresh_in_background(cache, key, entry, *call)
        if not self._valid(entry):
            cache.delete(key)
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

    def _refresh_in_background(self, cache: FunctionCache, key: str, stale: Entry, args: tuple, kwargs: dict) -> None:
        """Compute a new value for an expired entry in a thread; callers get the stale one
        meanwhile. The thread is outside any script run: a function that draws cannot be
        refreshed so (its error is logged) and is computed again once its entry is gone."""
        if not self.kind.start_refresh(key):
            return

        def refresh() -> None:
            try:
                value = self.func(*args, **kwargs)
                cache.set(key, Entry(clock(), self._store_value(value), stale.elements))
            except Exception:
                logger.exception("The background refresh of %s() failed; its expired value is still served.", self.name)
            finally:
                self.kind.end_refresh(key)

        threading.Thread(target=refresh, name=f"htst-cache-refresh-{self.name}", daemon=True).start()

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

            with show_spinner(spinner, show_time=self.show_time):
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


class Decorator(CacheKind):
    """What both decorators share: making a CachedFunction of the decorated function."""

    def _decorator(self, func: Any, settings: dict[str, Any]) -> Any:
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


class CacheData(Decorator):
    """`st.cache_data`: caches serialized copies of what a function returns."""

    def __call__(self, func: Callable[..., Any] | None = None, *, ttl: Any = None, max_entries: int | None = None,
                 max_size: int | str | None = None, show_spinner: bool | str = True, show_time: bool = False,
                 persist: Any = None, hash_funcs: dict | None = None, scope: str = "global",
                 refresh_mode: str = "foreground", validate: Callable[[Any], bool] | None = None,
                 experimental_allow_widgets: bool = False) -> Any:
        """Options as in Streamlit 1.67; `validate` and `experimental_allow_widgets` are htst's.

        `max_size` limits the bytes of the function's serialized values in memory (the
        least recently used go first); `scope="session"` keeps one cache per session;
        `refresh_mode="background"` serves an expired value (for one more `ttl`) while
        a thread computes the new one.
        """
        seconds = options.seconds(ttl)
        settings = {
            "ttl": seconds,
            "max_entries": options.max_entries(max_entries),
            "show_spinner": show_spinner,
            "show_time": bool(show_time),
            "persist": options.persist(self.kind, persist),
            "hash_funcs": hash_funcs or {},
            "validate": validate,
            "allow_widgets": bool(experimental_allow_widgets),
            "scope": options.scope(scope),
            "max_size": options.max_size(max_size),
        }
        settings["refresh_mode"] = options.refresh_mode(refresh_mode, seconds, persist)
        return self._decorator(func, settings)


class CacheResource(Decorator):
    """`st.cache_resource`: caches the object a function returns, shared by every caller."""

    def __call__(self, func: Callable[..., Any] | None = None, *, ttl: Any = None, max_entries: int | None = None,
                 show_spinner: bool | str = True, show_time: bool = False,
                 validate: Callable[[Any], bool] | None = None, hash_funcs: dict | None = None,
                 on_release: Callable[[Any], Any] | None = None, scope: str = "global",
                 refresh_mode: str = "foreground", persist: Any = None,
                 experimental_allow_widgets: bool = False) -> Any:
        """Options as in Streamlit 1.67; `persist` and `experimental_allow_widgets` are htst's.

        `on_release(value)` is called when a value leaves the cache (max_entries, ttl,
        validate, clear, the end of its session, a background refresh replacing it).
        """
        seconds = options.seconds(ttl)
        settings = {
            "ttl": seconds,
            "max_entries": options.max_entries(max_entries),
            "show_spinner": show_spinner,
            "show_time": bool(show_time),
            "persist": options.persist(self.kind, persist),
            "hash_funcs": hash_funcs or {},
            "validate": options.lifecycle_callback("validate", validate),
            "on_release": options.lifecycle_callback("on_release", on_release),
            "allow_widgets": bool(experimental_allow_widgets),
            "scope": options.scope(scope),
        }
        settings["refresh_mode"] = options.refresh_mode(refresh_mode, seconds, persist)
        return self._decorator(func, settings)


cache_data = CacheData("cache_data")
cache_resource = CacheResource("cache_resource")


def clear_all() -> None:
    cache_data.clear()
    cache_resource.clear()
