"""st.iframe: a URL, a local file, or an HTML string, in an iframe.

As in Streamlit, HTML strings and local HTML files are embedded as they are (`srcdoc`,
scripts allowed, same origin as the app): never pass untrusted HTML. Other local files
(PDF, images…) are served from the media store and shown by the browser's own viewer.
With `height="content"`, an embedded HTML document is measured once it loads; a URL or
another file gets 400 pixels.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import current
from . import sizing
from .block import Block, add_element, public

_log = logging.getLogger("htst")
_HTML_FILES = (".html", ".htm", ".xhtml")
_URL_PREFIXES = ("http://", "https://", "data:", "/")
CONTENT_FALLBACK = 400  # pixels: a document the page cannot measure


@public
def iframe(src: str | Path, *, width: Any = "stretch", height: Any = "content", tab_index: int | None = None, alt: str | None = None) -> Block:
    """Embed a URL (absolute, `data:` or `/relative`), a local file (a `Path`: HTML is
    embedded, other files are served), or an HTML string in an iframe."""
    if tab_index is not None and (not isinstance(tab_index, int) or isinstance(tab_index, bool) or tab_index < -1):
        raise HtstAPIException(f"Invalid `tab_index` value: {tab_index!r}. Use None, -1, 0 or a positive integer.")
    if alt is not None and not str(alt).strip():
        _log.info("st.iframe: an empty `alt` keeps the default title (an iframe needs a name).")
        alt = None
    props: dict[str, Any] = {
        "width": sizing.width(width, allow=("stretch", "content")),
        "height": sizing.height(height, allow=("stretch", "content")),
        "tab_index": tab_index,
        "title": str(alt) if alt is not None else "st.iframe",
        "url": None,
        "doc": None,
    }
    if isinstance(src, Path):
        path = src.expanduser()
        if not path.is_file():
            raise HtstAPIException(f"st.iframe: the file `{src}` could not be found.")
        if path.suffix.lower() in _HTML_FILES:
            props["doc"] = path.read_text(encoding="utf-8", errors="replace")
        else:
            mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            ctx = current()
            props["url"] = f"{ctx.session.base_url}_htst/media/{ctx.app.media.add_file(path, mimetype)}"
    elif isinstance(src, str):
        if src.startswith(_URL_PREFIXES):
            props["url"] = src
        else:
            props["doc"] = src
    else:
        raise HtstAPIException(f"st.iframe takes a URL, HTML text or a pathlib.Path, got {type(src).__name__}.")
    return add_element("iframe", props)
