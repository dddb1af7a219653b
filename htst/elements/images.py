"""Images the page chrome shows (a favicon, the logo): a URL, or bytes served from the media store.

Accepted as Streamlit takes them: a URL, a path to an image file, bytes, a file-like
object or a PIL image. Bytes are served at `/_htst/media/<id>` under the app's mount.
"""

from __future__ import annotations

import io
import mimetypes
from pathlib import Path
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import RunContext

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"\x00\x00\x01\x00", "image/x-icon"),
    (b"BM", "image/bmp"),
)


def image_url(ctx: RunContext, image: Any, what: str) -> str:
    """The address the browser loads `image` from; `what` names the parameter in errors."""
    if isinstance(image, str) and image.startswith(("http://", "https://", "data:image/")):
        return image
    data, mimetype = _image_bytes(image, what)
    return f"{ctx.session.base_url}_htst/media/{ctx.app.media.add(data, mimetype)}"


def _image_bytes(image: Any, what: str) -> tuple[bytes, str]:
    if isinstance(image, (str, Path)):
        path = Path(image)
        if not path.is_absolute() and not path.exists():
            raise HtstAPIException(f"`{what}`: the image file `{image}` could not be found.")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise HtstAPIException(f"`{what}`: the image file `{image}` could not be read ({exc.strerror}).") from None
        return data, mimetypes.guess_type(path.name)[0] or _sniff(data, what)
    if isinstance(image, (bytes, bytearray, memoryview)):
        data = bytes(image)
        return data, _sniff(data, what)
    if hasattr(image, "save") and hasattr(image, "mode"):  # a PIL image
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue(), "image/png"
    if hasattr(image, "read"):
        data = image.read()
        if isinstance(data, bytes):
            return data, _sniff(data, what)
    raise HtstAPIException(
        f"`{what}` takes a URL, a path to an image file, bytes, a file-like object or a PIL "
        f"image; got {type(image).__name__}."
    )


def _sniff(data: bytes, what: str) -> str:
    for signature, mimetype in _SIGNATURES:
        if data.startswith(signature):
            return mimetype
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:512].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return "image/svg+xml"
    raise HtstAPIException(f"`{what}`: these bytes are not an image htst recognises (PNG, JPEG, GIF, WebP, SVG, ICO, BMP).")
