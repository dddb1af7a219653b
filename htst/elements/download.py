"""Buttons that leave the app: st.download_button (bytes from the media store), st.link_button.

A download button is a submit button of the app form. Without JavaScript its post runs
the click (callback and rerun, as in Streamlit) and the answer is the file itself, so the
browser downloads it and stays on the page. With htst.js the browser fetches
`/_htst/media/<id>` directly and sends the click as an ordinary rerun.
"""

from __future__ import annotations

import io
import mimetypes
import re
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import DuplicateWidgetID, HtstAPIException
from ..runtime.context import current
from ..runtime.widget_spec import NOTHING, shared
from ..runtime.widgets import base_props, draw_widget, register_widget, widget_id
from . import input_params
from .block import Block, add_element, public
from .button import ClickSpec, button_look, check_button_type


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
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """A button that downloads `data` (str, bytes or a file-like object) as `file_name`.

    True in the run its click caused. `on_click="ignore"` downloads without a rerun.
    `icon_position`, `width`, `shortcut` and `wrap` as for st.button.
    """
    check_button_type("download_button", type)
    ignore = isinstance(on_click, str) and on_click == "ignore"
    callback = None if ignore else input_params.callback(on_click, name="on_click")
    look = button_look(icon, icon_position, width, use_container_width, shortcut)
    ctx = current()
    payload, mimetype = _as_bytes(data, mime)
    name = file_name or "download" + (mimetypes.guess_extension(mimetype) or "")
    name = "".join(c for c in str(name) if c >= " " and c != "\x7f")  # no control chars in headers
    media_id = ctx.app.media.add(payload, mimetype, name)
    ctx, meta, value = register_widget(
        shared(DownloadSpec(media_id, not ignore)), key=key,
        identity=(str(label), file_name, mime, help, type, icon),
        default=False,
        callback=callback, args=args, kwargs=kwargs,
    )
    props = base_props(meta, label, help, disabled, "visible")
    props.update(kind=type, wrap=input_params.wrap(wrap, ctx.container), **look,
                 media_id=media_id, file_name=name, mime=mimetype, rerun=not ignore)
    draw_widget(ctx, meta, value, props)
    return bool(value)


@dataclass(frozen=True, slots=True)
class LinkSpec(ClickSpec):
    """A link button that also reruns (`on_click` "rerun" or a callback): with JavaScript
    the browser opens `url` and sends the click; without, the click posts the app form
    into a new tab, whose answer sends it on to `url` (`redirect`)."""

    kind = "link_button"
    in_forms = False  # its click acts at once, so it cannot wait for a form's submit
    redirect: str | None = None


@public
def link_button(
    label: str,
    url: str,
    *,
    key: str | int | None = None,
    on_click: Callable[..., Any] | str | None = "ignore",
    args: Any = None,
    kwargs: Any = None,
    help: str | None = None,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> Block | bool:
    """A link styled as a button; opens `url` in a new tab.

    `on_click="ignore"` (default): a plain link, nothing reaches the app, returns the
    element. "rerun", None or a callback: the link also reruns the app and the command
    returns True in the run its click caused, like st.button (`key` is then the widget's
    key; `args`/`kwargs` go to the callback). htst differs: such a link button cannot be
    drawn inside st.form.
    """
    check_button_type("link_button", type)
    ignore = isinstance(on_click, str) and on_click == "ignore"
    callback = None if ignore else input_params.callback(on_click, name="on_click")
    look = button_look(icon, icon_position, width, use_container_width, shortcut)
    url = str(url)
    if url.strip().lower().startswith(("javascript:", "vbscript:", "data:")):
        url = "about:blank"  # a script URL in a page link would run in the app's origin
    ctx = current()
    if ignore:
        if key is not None:
            _claim_key(ctx, str(key))
        return add_element("link_button", {
            "label": str(label), "url": url, "help": help, "kind": type, "icon": icon,
            "disabled": bool(disabled), "css_key": _css_key(key),
            "wrap": input_params.wrap(wrap, ctx.container), **look,
        })
    ctx, meta, value = register_widget(
        shared(LinkSpec(url)), key=key, identity=(str(label), url, help, type, icon),
        default=False, callback=callback, args=args, kwargs=kwargs,
    )
    props = base_props(meta, label, help, disabled, "visible")
    props.update(url=url, css_key=_css_key(key), kind=type, wrap=input_params.wrap(wrap, ctx.container), **look)
    draw_widget(ctx, meta, value, props)
    return bool(value)


def _css_key(key: Any) -> str | None:
    """The `st-key-<key>` class Streamlit gives a keyed element, for user CSS."""
    return None if key is None else "st-key-" + re.sub(r"[^A-Za-z0-9_-]", "-", str(key).strip())


def _claim_key(ctx: Any, key: str) -> None:
    """A plain link button's `key` names the element (and its `st-key-…` class): it must
    be unique in the run, as every element key."""
    element = widget_id("link_button", key, ctx.page, ())
    owner = ctx.state.widget_for_key(key)
    if element in ctx.widget_ids or (owner is not None and owner.id in ctx.widget_ids):
        raise DuplicateWidgetID(
            f"There are multiple elements with the same `key='{key}'`. To fix this, please make "
            "sure that the `key` argument is unique for each element you create."
        )
    ctx.widget_ids.add(element)
