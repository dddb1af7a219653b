"""st.image: pictures served from the media store (or linked by URL), drawn as <img>.

A node keeps each image's media id (or URL), caption and alt text: the same picture drawn
in every run and every session is one entry in the store and one shared set of props.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import current
from . import sizing
from .block import Block, add_element, public
from .images import image_bytes


@public
def image(
    image: Any,
    caption: str | list[str] | None = None,
    width: Any = "content",
    clamp: bool = False,
    channels: str = "RGB",
    output_format: str = "auto",
    *,
    use_container_width: bool | None = None,
    link: str | None = None,
    use_column_width: Any = None,
    alt: str | Sequence[str | None] | None = None,
) -> Block:
    """Display an image, or a list of images side by side, with optional captions.

    `image`: a URL, a path, an SVG string, bytes, a file-like object, a PIL image or a
    numpy array (`channels="BGR"` for OpenCV's order; `clamp` clips out-of-range values),
    or a list of them. `width`: "content" (the image's own width, at most the
    container's), "stretch" or pixels. `link`: where a click on the image goes (else the
    image opens full size).
    """
    ctx = current()
    pictures = list(image) if isinstance(image, (list, tuple)) else [image]
    if not pictures:
        raise HtstAPIException("`st.image` needs at least one image.")
    captions = _per_image("caption", caption, len(pictures))
    alts = _per_image("alt", alt, len(pictures))
    if use_column_width is not None:
        width = "stretch" if use_column_width in (True, "always") else "content"
    size = sizing.width(sizing.container_width(width, use_container_width), allow=("content", "stretch"))
    if link is not None and not str(link).startswith(("http://", "https://", "mailto:", "/")):
        raise HtstAPIException(f'Invalid `link` value: "{link}". Use an "http://" or "https://" URL.')
    shown = []
    for picture, text, alt_text in zip(pictures, captions, alts):
        if isinstance(picture, str) and picture.startswith(("http://", "https://", "data:image/")):
            source = ("url", picture)
        else:
            data, mimetype = image_bytes(picture, "image", output_format=output_format, channels=channels, clamp=clamp)
            source = ("media", ctx.app.media.add(data, mimetype))
        shown.append((*source, None if text is None else str(text), None if alt_text is None else str(alt_text)))
    return add_element("image", {"images": tuple(shown), "width": size, "link": link})


def _per_image(name: str, value: Any, count: int) -> list[Any]:
    """A caption (or alt text) for each image: one string for one image, or a list."""
    if value is None:
        return [None] * count
    values = [value] if isinstance(value, str) else list(value)
    if len(values) != count:
        raise HtstAPIException(f"Cannot pair {len(values)} {name}s with {count} images.")
    return values
