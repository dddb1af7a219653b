"""What a file is now, cheaply: the watchers of secrets, the theme and the app's source
compare these stamps instead of reading the files."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from time import monotonic


def stamp(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """The file's (modification time in ns, size); None when it is not there."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


class Changes:
    """Whether some files changed (appeared, went, were written) since the last look.
    Nothing runs in between: `seen()` stats them, at most once per `interval` seconds
    however many requests ask, so files nobody edits cost nothing."""

    def __init__(self, paths: Iterable[str | os.PathLike[str]], interval: float = 0.5):
        self._paths = tuple(paths)
        self._interval = interval
        self._lock = threading.Lock()
        self._stamps = self._now()
        self._looked = monotonic()

    def seen(self) -> bool:
        """True once for each change, when a look finds it."""
        if monotonic() - self._looked < self._interval:
            return False
        with self._lock:
            self._looked = monotonic()
            stamps = self._now()
            if stamps == self._stamps:
                return False
            self._stamps = stamps
            return True

    def _now(self) -> tuple[tuple[int, int] | None, ...]:
        return tuple(stamp(path) for path in self._paths)
