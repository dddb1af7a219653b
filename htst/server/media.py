"""`GET /_htst/media/<id>`: bytes from the app's media store, with range requests.

Downloads (entries with a file name) are attachments; the id is an unguessable keyed
hash of the content, so an answer may be cached for as long as the browser likes.
"""

from __future__ import annotations

import io
import os

from flask import Request, Response, send_file

from ..runtime.media import MediaFile, MediaStore


def media_response(store: MediaStore, media_id: str, request: Request) -> Response:
    found = store.get(media_id)
    if found is None:
        return Response("Not found", status=404, content_type="text/plain; charset=utf-8")
    return file_response(found, media_id, request)


def file_response(found: MediaFile, media_id: str, request: Request) -> Response:
    if found.path is not None and not os.path.isfile(found.path):
        return Response("Not found", status=404, content_type="text/plain; charset=utf-8")  # deleted since
    response = send_file(
        found.path if found.path is not None else io.BytesIO(found.data),
        mimetype=found.mimetype,
        as_attachment=found.filename is not None,
        download_name=found.filename,
        conditional=True,  # Range -> 206, If-None-Match -> 304
        etag=media_id,
        max_age=3600,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, max-age=3600"
    # Opened on its own (an image shown full size), a file is inert: an SVG from an upload
    # runs no script in the app's origin.
    response.headers["Content-Security-Policy"] = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; media-src 'self'; sandbox"
    return response
