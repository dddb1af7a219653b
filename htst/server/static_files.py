"""Framework assets under /_htst/static: held in memory, each gzipped once on its first request, cached for a year.

Their URLs carry a digest of every asset's content (`assets_digest`), so a long cache
lifetime never serves a stale file: any change to htst.js or a stylesheet gives every
URL a new query (vendored libraries carry their version in their names).
htst's own JS and CSS stay readable in the repository and are served minified (the first
view's weight is a budget). Code-highlighting
colours are their own stylesheet, `htst-code.css`, loaded only by pages showing code.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import mimetypes
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import rjsmin
from flask import Request, Response

from ..render.assets import STATIC_DIR, strip_css
from ..render.code import pygments_css
from .http import accepts_gzip

_TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class Asset:
    """One file as served: its bytes, type and ETag; gzipped on its first request (plotly.js
    takes a third of a second at level 9: not a cost for every start of the server)."""

    __slots__ = ("body", "mimetype", "etag", "_gzipped")

    def __init__(self, body: bytes, mimetype: str, etag: str):
        self.body, self.mimetype, self.etag = body, mimetype, etag
        self._gzipped: bytes | None = None

    @property
    def compressible(self) -> bool:
        return self.mimetype.startswith(_TEXT_TYPES)

    @property
    def gzipped(self) -> bytes:
        if self._gzipped is None:  # two first requests at once both compress: harmless
            self._gzipped = gzip.compress(self.body, 9, mtime=0)
        return self._gzipped


def load_assets(folder: Path = STATIC_DIR) -> Mapping[str, Asset]:
    """Every asset, read once per process (vendored libraries are megabytes)
    and shared by every app in it; never changed."""
    # One cache entry however the folder is given: `load_assets()` and
    # `load_assets(STATIC_DIR)` were two, and a cold start gzipped everything twice.
    return _load_assets(folder)


@functools.cache
def _load_assets(folder: Path) -> Mapping[str, Asset]:
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    files["htst-code.css"] = pygments_css().encode()
    assets = {}
    for name, body in files.items():
        if name == "htst.js":
            body = strip_js(body.decode()).encode()
        elif name.startswith("htst") and name.endswith(".css"):
            body = strip_css(body.decode()).encode()
        mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if name.endswith(".js"):
            mimetype = "text/javascript"
        etag = hashlib.blake2b(body, digest_size=8).hexdigest()
        assets[name] = Asset(body, mimetype, etag)
    return MappingProxyType(assets)


@functools.cache
def assets_digest(folder: Path = STATIC_DIR) -> str:
    """One short digest of all the assets' contents: the `?v=` of their URLs."""
    digest = hashlib.blake2b(digest_size=4)
    for name, asset in sorted(load_assets(folder).items()):
        digest.update(f"{name}\0{asset.etag}\0".encode())
    return digest.hexdigest()


def strip_js(source: str) -> str:
    """htst.js minified (rjsmin: comments and needless whitespace go; strings and regular
    expressions are kept as they are)."""
    return rjsmin.jsmin(source)


def asset_response(asset: Asset, request: Request) -> Response:
    headers = {
        "Cache-Control": "public, max-age=31536000, immutable",
        "ETag": f'"{asset.etag}"',
        "Vary": "Accept-Encoding",
        "X-Content-Type-Options": "nosniff",
    }
    if request.if_none_match.contains(asset.etag):
        return Response(status=304, headers=headers)
    body = asset.body
    if asset.compressible and accepts_gzip(request):
        body = asset.gzipped
        headers["Content-Encoding"] = "gzip"
    mimetype = asset.mimetype + ("; charset=utf-8" if asset.mimetype.startswith("text/") else "")
    return Response(body, headers=headers, content_type=mimetype)
