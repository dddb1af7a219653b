"""Has the app's source changed? The development loop (docs 3.6): open tabs ask now and
then (htst-dev.js), and show "Source file changed" with "Rerun" / "Always rerun", or
rerun at once with `server.runOnSave`.

Watched: the script, the `pages/` beside it, and every module imported from the app's
folder (outside virtual environments and site-packages). Nothing runs in the
background: a tab's question stats those files, at most once per `MIN_INTERVAL`, so an
app nobody develops costs nothing. A changed local module is dropped from sys.modules,
so the next run imports the new code (the script and pages recompile by themselves).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

from ..files import stamp

MIN_INTERVAL = 0.5  # seconds between two looks at the files, however many tabs ask
_SKIP = ("site-packages", "dist-packages", f"{os.sep}.venv{os.sep}", f"{os.sep}venv{os.sep}")


class SourceWatch:
    """`version()` grows by one each time a watched file changes, appears or goes."""

    def __init__(self, script: Path):
        self.script = script
        self.folder = script.parent
        self._lock = threading.Lock()
        self._version = 0
        self._seen: dict[str, tuple[int, int] | None] | None = None
        self._pages_seen: set[str] = set()
        self._looked = 0.0

    def version(self) -> int:
        with self._lock:
            now = time.monotonic()
            if now - self._looked >= MIN_INTERVAL:
                self._looked = now
                self._look()
            return self._version

    def _look(self) -> None:
        modules = self._local_modules()
        pages = set(map(str, self._pages()))
        stamps = {path: stamp(path) for path in {str(self.script), *pages, *modules}}
        seen, self._seen = self._seen, stamps
        if seen is None:
            self._pages_seen = pages
            return
        # A module no longer in sys.modules (dropped below, not yet imported again) is
        # not news; a page that went is.
        changed = {path for path in stamps if stamps[path] != seen.get(path, stamps[path])}
        changed |= {path for path in stamps if path not in seen and path in pages}
        changed |= self._pages_seen - pages
        self._pages_seen = pages
        if changed:
            self._version += 1
            for path in changed & modules.keys():
                sys.modules.pop(modules[path], None)  # the next `import` reads the new code

    def _pages(self) -> list[Path]:
        folder = self.folder / "pages"
        return sorted(folder.glob("*.py")) if folder.is_dir() else []

    def _local_modules(self) -> dict[str, str]:
        """File -> module name, for modules imported from the app's folder."""
        root = str(self.folder) + os.sep
        found = {}
        for name, module in list(sys.modules.items()):
            path = getattr(module, "__file__", None)
            if path and path.startswith(root) and path.endswith(".py") and not any(s in path for s in _SKIP):
                found[path] = name
        return found
