"""The caching decorators' options, checked and normalised (Streamlit 1.67's messages for
the options it added: max_size, scope, refresh_mode, on_release)."""

from __future__ import annotations

import inspect
import re
from numbers import Integral
from typing import Any

from ..errors import HtstAPIException
from ..runtime.durations import to_seconds


def seconds(ttl: Any) -> float | None:
    """`ttl` as seconds: a number, a timedelta, or a string like "1h", "30m", "1d", "2 days"."""
    if ttl is None or ttl == float("inf"):
        return None
    value = to_seconds(ttl)
    if value is None:
        raise HtstAPIException(f'ttl must be a number of seconds, a timedelta or a string like "1h" or "1d", got {ttl!r}.')
    return value


def max_entries(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise HtstAPIException(f"max_entries must be a positive int or None, got {value!r}.")
    return value


def persist(kind: str, persist: Any) -> str | None:
    if persist in (None, False):
        return None
    if kind == "cache_resource":
        raise HtstAPIException("st.cache_resource has no persist option: its objects live in memory.")
    if persist is True or persist == "disk":
        return "disk"
    raise HtstAPIException(f'Unsupported persist option {persist!r}. Valid values are "disk", True, False or None.')


def store_timeout(ttl: float | None) -> int:
    return 0 if ttl is None else max(1, int(ttl) + 1)


# -- Streamlit 1.67's options: max_size, scope, refresh_mode, on_release -------------------
_BYTE_SIZE = re.compile(r"(\d+(?:\.\d*)?|\.\d+) ?(b|kb|kib|mb|mib|gb|gib|tb|tib)", re.ASCII | re.IGNORECASE)
_UNITS = {"b": 1, "kb": 1024, "kib": 1024, "mb": 1024**2, "mib": 1024**2, "gb": 1024**3, "gib": 1024**3, "tb": 1024**4, "tib": 1024**4}
_MAX_DIGITS = 100
_SIZE_VALUE = "Invalid `max_size` value. Supported values: a positive byte size. "


def max_size(value: Any) -> int | None:
    """cache_data's `max_size` in bytes: an int, or a string with a binary unit ("500MB")."""
    if value is None:
        return None
    if isinstance(value, Integral) and not isinstance(value, bool):
        size = int(value)
    elif isinstance(value, str):
        match = _BYTE_SIZE.fullmatch(value)
        if match is None:
            size = 0
        else:
            whole, _, fraction = match.group(1).partition(".")
            digits = f"{whole or '0'}{fraction}"
            if len(digits) > _MAX_DIGITS:
                raise HtstAPIException(_SIZE_VALUE + f"Use a byte size with at most {_MAX_DIGITS} digits.")
            size = int(digits) * _UNITS[match.group(2).lower()] // 10 ** len(fraction)
    else:
        raise HtstAPIException(
            f"Invalid `max_size` type. Expected one of: int, str. Provided type: {type(value).__name__}. "
            'Pass an integer byte count such as int(5e8), or a unit string such as "500MB".'
        )
    if size <= 0:
        raise HtstAPIException(
            _SIZE_VALUE + "Use an integer number of bytes or a positive value with an explicit "
            'unit, such as "500MB", "1.5GB", or "200KiB".'
        )
    return size


def scope(value: Any) -> str:
    if value not in ("global", "session"):
        raise HtstAPIException("Invalid `scope` value. Supported values: 'global', 'session'.")
    return value


def refresh_mode(value: Any, ttl: float | None, persist: Any) -> str:
    """`refresh_mode`; "background" needs a positive ttl and no persistence."""
    if value not in ("foreground", "background"):
        raise HtstAPIException("Invalid `refresh_mode` value. Supported values: foreground, background.")
    if value == "background":
        if ttl is None:
            raise HtstAPIException(
                'The `ttl` parameter is required. Set a positive `ttl` (for example `ttl="1h"`) '
                'or use `refresh_mode="foreground"`.'
            )
        if ttl <= 0:
            raise HtstAPIException(
                "Invalid `ttl` value. Supported values: a positive duration. Background refresh "
                'requires a positive `ttl` (for example `ttl="1h"`) or `refresh_mode="foreground"`.'
            )
        if persist not in (None, False):
            raise HtstAPIException(
                f"`refresh_mode='background'` and `persist={persist!r}` cannot be used together. "
                "Persisted (disk) caches do not support TTL-based expiration, which background "
                'refresh requires. Use `persist=None` with `refresh_mode="background"`, or use '
                '`refresh_mode="foreground"`.'
            )
    return value


def lifecycle_callback(name: str, callback: Any) -> Any:
    """cache_resource's `validate` and `on_release`: synchronous callables (they are never awaited)."""
    if callback is None:
        return None
    if not callable(callback):
        raise HtstAPIException(f"The `{name}` callback of `st.cache_resource` must be callable, got {callback!r}.")
    if inspect.iscoroutinefunction(callback) or inspect.iscoroutinefunction(getattr(callback, "__call__", None)):
        raise HtstAPIException(
            f"The `{name}` callback of `st.cache_resource` must be a synchronous function. Async "
            "callbacks are never awaited; call the coroutine from a synchronous wrapper instead."
        )
    return callback
