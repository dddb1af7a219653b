"""Bytes the page links to (downloads, images, audio, video), kept for `/_htst/media/<id>`.

One store per app, shared by its sessions. An id is a keyed hash of the content, so the
same data drawn in every run keeps one id (the page's HTML does not change) while nobody
can guess an id without the store's random key. Memory is bounded twice: an entry added
during a script run belongs to the sessions whose last run drew it (`hold`), and is freed
when none shows it any more (their next full run drew something else, or they ended);
and past `max_bytes` the least recently used entries go first. A link to a freed entry
answers 404. A file on
disk (a video by its path) is kept as its path and streamed when asked for, never read
whole; its id changes when the file does.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

DEFAULT_MAX_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class MediaFile:
    data: bytes
    mimetype: str
    filename: str | None  # set for downloads: served as an attachment under this name
    path: str | None = None  # a file on disk, served from there (then `data` is empty)
    produce: Callable[[], bytes] | None = None  # made when first asked for (then `data` is empty)


class MediaStore:
    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES):
        self.max_bytes = max_bytes
        self._key = secrets.token_bytes(32)
        self._files: OrderedDict[str, MediaFile] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._holders: dict[str, int] = {}  # media id -> sessions showing it

    def add(self, data: bytes, mimetype: str, filename: str | None = None) -> str:
        media_id = self._id(b"bytes", mimetype.encode(), (filename or "").encode(), data)
        return self._keep(media_id, lambda: MediaFile(bytes(data), mimetype, filename))

    def add_file(self, path: str | os.PathLike, mimetype: str) -> str:
        """A file on disk, by path: only its name, size and time are kept."""
        full = os.path.abspath(path)
        stat = os.stat(full)
        media_id = self._id(b"file", full.encode(), f"{stat.st_size}\0{stat.st_mtime_ns}".encode(), mimetype.encode())
        return self._keep(media_id, lambda: MediaFile(b"", mimetype, None, full))

    def add_lazy(self, key: str, mimetype: str, produce: Callable[[], bytes]) -> str:
        """Bytes made only if someone asks for them (a chart's compiled spec, which only
        a browser bringing the chart live needs). `key` must identify the content, as a
        digest of what `produce` makes it from does."""
        media_id = self._id(b"lazy", mimetype.encode(), key.encode())
        return self._keep(media_id, lambda: MediaFile(b"", mimetype, None, None, produce))

    def _id(self, *parts: bytes) -> str:
        """A keyed digest of the parts (each length-prefixed, so no two lists collide)."""
        digest = hashlib.blake2b(key=self._key, digest_size=16)
        for part in parts:
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
        return digest.hexdigest()

    def _keep(self, media_id: str, make: Callable[[], MediaFile]) -> str:
        """The entry `media_id` (made if new), noted on the current run, most recent."""
        _drawn(media_id)
        with self._lock:
            if media_id in self._files:
                self._files.move_to_end(media_id)
            else:
                entry = self._files[media_id] = make()
                self._size += len(entry.data)
                self._evict()
        return media_id

    def _evict(self) -> None:
        """Past `max_bytes`, the least recently used entries go (the caller holds the lock)."""
        while self._size > self.max_bytes and len(self._files) > 1:
            _, old = self._files.popitem(last=False)
            self._size -= len(old.data)

    def hold(self, shown: frozenset[str], before: frozenset[str]) -> None:
        """A session now shows `shown` instead of `before`: entries nobody shows any more
        are freed."""
        with self._lock:
            for media_id in shown - before:
                self._holders[media_id] = self._holders.get(media_id, 0) + 1
            for media_id in before - shown:
                left = self._holders.get(media_id, 0) - 1
                if left > 0:
                    self._holders[media_id] = left
                    continue
                self._holders.pop(media_id, None)
                gone = self._files.pop(media_id, None)
                if gone is not None:
                    self._size -= len(gone.data)

    def get(self, media_id: str) -> MediaFile | None:
        with self._lock:
            found = self._files.get(media_id)
            if found is not None:
                self._files.move_to_end(media_id)
        if found is None or found.produce is None:
            return found
        try:
            made = MediaFile(found.produce(), found.mimetype, found.filename)
        except Exception:  # what it is made from is refused: nothing to serve (404), never a 500
            logging.getLogger("htst").exception("media %s could not be made", media_id)
            return None
        with self._lock:
            if self._files.get(media_id) is found:
                self._files[media_id] = made
                self._size += len(made.data)
                self._evict()
        return made

    def __len__(self) -> int:
        return len(self._files)


def _drawn(media_id: str) -> None:
    """Note an entry the current script run draws (outside a run: nothing to note)."""
    from .context import current_or_none

    ctx = current_or_none()
    if ctx is not None:
        ctx.media.add(media_id)
