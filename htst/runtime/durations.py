"""Durations as users write them: seconds, a timedelta, or text like "10s", "500ms",
"1.5m", "1h30m", "2 days" (fragment `run_every`, cache `ttl`)."""

from __future__ import annotations

import datetime
import re
from typing import Any

_PART = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)")
_UNITS = {
    "": 1.0, "s": 1.0, "sec": 1.0, "second": 1.0, "seconds": 1.0, "ms": 0.001,
    "m": 60.0, "min": 60.0, "minute": 60.0, "minutes": 60.0,
    "h": 3600.0, "hour": 3600.0, "hours": 3600.0,
    "d": 86400.0, "day": 86400.0, "days": 86400.0,
    "w": 604800.0, "week": 604800.0, "weeks": 604800.0,
}


def to_seconds(value: Any) -> float | None:
    """The duration in seconds, or None if `value` is not one (callers say why in their words)."""
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text, total, position = value.strip().lower(), 0.0, 0
    while position < len(text):
        match = _PART.match(text, position)
        if match is None or match.group(2) not in _UNITS:
            return None
        total += float(match.group(1)) * _UNITS[match.group(2)]
        position = match.end()
    return total
