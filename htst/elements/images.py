"""Images as Streamlit takes them (st.image, st.logo, a favicon): a URL, or bytes served
from the media store at `/_htst/media/<id>` under the app's mount.

Accepted: a URL, a path to an image file, an SVG string, bytes, a file-like object, a
PIL image, or a numpy array (grey, RGB/BGR or RGBA; floats in [0, 1] or bytes). PIL
images and arrays are encoded with Pillow (`pip install pillow`), as PNG or JPEG.
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
    data, mimetype = image_bytes(image, what)
    return f"{ctx.session.base_url}_htst/media/{ctx.app.media.add(data, mimetype)}"


def image_bytes(image: Any, what: str, *, output_format: str = "auto", channels: str = "RGB", clamp: bool = False) -> tuple[bytes, str]:
    """An image's bytes and MIME type. `output_format` ("auto", "PNG", "JPEG") is how PIL
    images and arrays are encoded; bytes and files are served as they are."""
    if isinstance(image, str) and image.lstrip().startswith(("<svg", "<?xml")):
        return image.encode("utf-8"), "image/svg+xml"
    if type(image).__module__ == "numpy" and hasattr(image, "shape"):
        return _encode(_from_array(image, channels, clamp), output_format)
    if hasattr(image, "save") and hasattr(image, "mode"):  # a PIL image
        return _encode(image, output_format)
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
    if hasattr(image, "read"):
        data = image.read()
        if isinstance(data, bytes):
            return data, _sniff(data, what)
    raise HtstAPIException(
        f"`{what}` takes a URL, a path to an image file, an SVG string, bytes, a file-like "
        f"object, a PIL image or a numpy array; got {type(image).__name__}."
    )


def _pil() -> Any:
    try:
        from PIL import Image
    except ImportError:
        raise HtstAPIException(
            "Drawing PIL images and numpy arrays needs Pillow: `pip install pillow` "
            "(or `pip install 'htst[media]'`)."
        ) from None
    return Image


def _from_array(array: Any, channels: str, clamp: bool) -> Any:
    """A numpy image as a PIL image, by Streamlit's rules: floats are in [0, 1], bytes in
    [0, 255]; out-of-range values are an error unless `clamp`."""
    import numpy as np

    if channels not in ("RGB", "BGR"):
        raise HtstAPIException(f'Invalid `channels` value: {channels!r}. Supported values: "RGB", "BGR".')
    data = np.asarray(array)
    if data.ndim == 3 and data.shape[2] == 1:
        data = data[:, :, 0]
    if data.ndim not in (2, 3) or (data.ndim == 3 and data.shape[2] not in (3, 4)):
        raise HtstAPIException(f"Invalid image shape {data.shape}: use (height, width), (height, width, 3) or (height, width, 4).")
    if data.dtype.kind == "f":
        if not clamp and (data.min() < 0 or data.max() > 1):
            raise HtstAPIException("Data is outside [0.0, 1.0] and clamp is not set.")
        data = np.clip(data, 0, 1) * 255
    elif data.dtype != np.uint8:
        if not clamp and (data.min() < 0 or data.max() > 255):
            raise HtstAPIException("Data is outside [0, 255] and clamp is not set.")
        data = np.clip(data, 0, 255)
    data = data.astype(np.uint8)
    if channels == "BGR" and data.ndim == 3:
        data = data[:, :, [2, 1, 0] + ([3] if data.shape[2] == 4 else [])]
    return _pil().fromarray(data)


def _encode(picture: Any, output_format: str) -> tuple[bytes, str]:
    fmt = output_format.upper()
    if fmt not in ("AUTO", "PNG", "JPEG", "JPG"):
        raise HtstAPIException(f'Invalid `output_format` value: {output_format!r}. Supported values: "auto", "PNG", "JPEG".')
    if fmt == "AUTO":
        fmt = "JPEG" if getattr(picture, "format", None) == "JPEG" and picture.mode == "RGB" else "PNG"
    fmt = "JPEG" if fmt == "JPG" else fmt
    out = io.BytesIO()
    if fmt == "JPEG" and picture.mode not in ("RGB", "L"):
        picture = picture.convert("RGB")
    picture.save(out, format=fmt)
    return out.getvalue(), f"image/{fmt.lower()}"


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
