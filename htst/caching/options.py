"""The caching decorators' options, checked and normalised (ttl, max_entries, persist)."""

from __future__ import annotations

import datetime
import re
from typing import Any

from ..errors import HtstAPIException

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$")
_UNITS = {"": 1, "s": 1, "sec": 1, "second": 1, "seconds": 1, "m": 60, "min": 60, "minute": 60, "minutes": 60,
          "h": 3600, "hour": 3600, "hours": 3600, "d": 86400, "day": 86400, "days": 86400,
          "w": 604800, "week": 604800, "weeks": 604800}


def seconds(ttl: Any) -> float | None:
    """`ttl` as seconds: a number, a timedelta, or a string like "1h", "30m", "1d", "2 days"."""
    if ttl is None or ttl == float("inf"):
        return None
    if isinstance(ttl, datetime.timedelta):
        return ttl.total_seconds()
    if isinstance(ttl, (int, float)) and not isinstance(ttl, bool):
        return float(ttl)
    if isinstance(ttl, str):
        total, rest = 0.0, ttl.strip().lower()
        for part in re.findall(r"\d+(?:\.\d+)?\s*[a-z]*", rest):
            match = _DURATION.match(part)
            if match is None or match.group(2) not in _UNITS:
                break
            total += float(match.group(1)) * _UNITS[match.group(2)]
        else:
            if rest and re.fullmatch(r"(\s*\d+(?:\.\d+)?\s*[a-z]*)+", rest):
                return total
    raise HtstAPIException(f'ttl must be a number of seconds, a timedelta or a string like "1h" or "1d", got {ttl!r}.')


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
