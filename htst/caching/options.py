"""The caching decorators' options, checked and normalised (ttl, max_entries, persist)."""

from __future__ import annotations

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
