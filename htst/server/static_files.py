"""Framework assets under /_htst/static: held in memory, gzipped once, cached for a year.

Their URLs carry the htst version, so a long cache lifetime never serves a stale file.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from flask import Request, Response

from ..render.assets import STATIC_DIR
from ..render.code import pygments_css

_TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes | None
    mimetype: str
    etag: str


def load_assets(folder: Path = STATIC_DIR) -> dict[str, Asset]:
    assets = {}
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        body = path.read_bytes()
        if path.name == "htst.css":
            # Code highlighting colours come from Pygments; one stylesheet keeps one request.
            body += b"\n" + pygments_css().encode()
        mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".js":
            mimetype = "text/javascript"
        gzipped = gzip.compress(body, 9, mtime=0) if mimetype.startswith(_TEXT_TYPES) else None
        etag = hashlib.blake2b(body, digest_size=8).hexdigest()
        assets[path.relative_to(folder).as_posix()] = Asset(body, gzipped, mimetype, etag)
    return assets


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
    if asset.gzipped is not None and "gzip" in request.headers.get("Accept-Encoding", ""):
        body = asset.gzipped
        headers["Content-Encoding"] = "gzip"
    mimetype = asset.mimetype + ("; charset=utf-8" if asset.mimetype.startswith("text/") else "")
    return Response(body, headers=headers, content_type=mimetype)
