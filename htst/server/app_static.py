"""The app's own static files (docs 4.3): `./static/` beside the script, served at
`app/static/<file>` when `server.enableStaticServing` is on.

Only images render as themselves (.jpg .jpeg .png .gif); everything else is text/plain,
and every answer says nosniff, so a file dropped in the folder can never run as a page
or script in the app's origin. Nothing outside the folder is ever served: paths with
`..`, backslashes, absolute paths or NUL are refused, and so is a symlink that leads out.
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Request, Response, send_file

IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif"}


def _answer(text: str, status: int) -> Response:
    response = Response(text, status=status, content_type="text/plain; charset=utf-8")
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def located(folder: Path, filename: str) -> Path | None:
    """The file `filename` names inside `folder`, or None (missing, or not inside it)."""
    parts = filename.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    root = folder.resolve()
    try:
        target = (root / filename).resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return None
    if not target.is_relative_to(root) or not target.is_file():
        return None  # a symlink out of the folder, or a directory
    return target


def static_response(folder: Path, filename: str, enabled: bool, request: Request) -> Response:
    if not enabled:
        return _answer("Static file serving is off (server.enableStaticServing).", 404)
    if "\\" in filename or "\0" in filename or os.path.isabs(filename):
        return _answer("Bad file name.", 400)
    target = located(folder, filename)
    if target is None:
        return _answer("Not found", 404)
    mimetype = IMAGE_TYPES.get(target.suffix.lower(), "text/plain")
    response = send_file(target, mimetype=mimetype, conditional=True, etag=True, max_age=0)
    if mimetype == "text/plain":
        response.headers["Content-Type"] = "text/plain; charset=utf-8"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-cache"  # a changed file is fetched again
    return response
