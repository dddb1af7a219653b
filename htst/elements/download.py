"""Buttons that leave the app: st.download_button (bytes from the media store), st.link_button.

A download button is a submit button of the app form. Without JavaScript its post runs
the click (callback and rerun, as in Streamlit) and the answer is the file itself, so the
browser downloads it and stays on the page. With htst.js the browser fetches
`/_htst/media/<id>` directly and sends the click as an ordinary rerun.
"""

from __future__ import annotations

import io
import mimetypes
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import HtstAPIException
from ..runtime.context import current
from ..runtime.widget_spec import NOTHING, shared
from ..runtime.widgets import base_props, draw_widget, register_widget
from .block import Block, add_element, public
from .button import ClickSpec, check_button_type


@dataclass(frozen=True, slots=True)
class DownloadSpec(ClickSpec):
    """A click reruns (unless on_click="ignore"); without JavaScript it is answered with
    the file itself (`attachment`)."""

    kind = "download_button"
    in_forms = False
    attachment: str | None = None
    reruns: bool = True

    def click(self) -> Any:
        return True if self.reruns else NOTHING

def _as_bytes(data: Any, mime: str | None) -> tuple[bytes, str]:
    """Streamlit's rules: text is UTF-8 `text/plain`, bytes and files `application/octet-stream`."""
    if isinstance(data, io.TextIOWrapper):
        data = data.read()
    elif hasattr(data, "read"):
        if hasattr(data, "seek"):
            data.seek(0)
        data = data.read()
    if isinstance(data, str):
        return data.encode("utf-8"), mime or "text/plain"
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data), mime or "application/octet-stream"
    raise HtstAPIException(f"Invalid binary data format: {type(data)}")


@public
def download_button(
    label: str,
    data: Any,
    file_name: str | None = None,
    mime: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_click: Callable[..., Any] | str | None = "rerun",
    args: Any = None,
    kwargs: Any = None,
    *,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
) -> bool:
    """A button that downloads `data` (str, bytes or a file-like object) as `file_name`.

    True in the run its click caused. `on_click="ignore"` downloads without a rerun.
    """
    check_button_type("download_button", type)
    if not (on_click is None or callable(on_click) or on_click in ("rerun", "ignore")):
        raise HtstAPIException(
            f'on_click must be "rerun", "ignore", None or a callable; got {on_click!r}.'
        )
    ctx = current()
    payload, mimetype = _as_bytes(data, mime)
    name = file_name or "download" + (mimetypes.guess_extension(mimetype) or "")
    name = "".join(c for c in str(name) if c >= " " and c != "\x7f")  # no control chars in headers
    media_id = ctx.app.media.add(payload, mimetype, name)
    ignore = on_click == "ignore"
    ctx, meta, value = register_widget(
        shared(DownloadSpec(media_id, not ignore)), key=key,
        identity=(str(label), file_name, mime, help, type, icon),
        default=False,
        callback=on_click if callable(on_click) else None, args=args, kwargs=kwargs,
    )
    props = base_props(meta, label, help, disabled, "visible")
    props.update(kind=type, icon=icon, stretch=bool(use_container_width) or width == "stretch",
                 media_id=media_id, file_name=name, mime=mimetype, rerun=not ignore)
    draw_widget(ctx, meta, value, props)
    return bool(value)


@public
def link_button(
    label: str,
    url: str,
    *,
    help: str | None = None,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
    **_ignored: Any,
) -> Block:
    """A link styled as a button; opens `url` in a new tab. No rerun.

    htst differs: `key`/`on_click` (a link that also reruns, new in Streamlit 1.5x) are
    accepted and ignored.
    """
    check_button_type("link_button", type)
    url = str(url)
    if url.strip().lower().startswith(("javascript:", "vbscript:", "data:")):
        url = "about:blank"  # a script URL in a page link would run in the app's origin
    return add_element("link_button", {
        "label": str(label), "url": url, "help": help, "kind": type, "icon": icon,
        "disabled": bool(disabled), "stretch": bool(use_container_width) or width == "stretch",
    })
