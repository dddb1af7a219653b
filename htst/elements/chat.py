"""Chat elements: st.chat_message (a container with an author) and st.chat_input.

st.chat_input returns the submitted text in the run its submission caused and None in
the next, like a button's click. Called in the main body it is pinned to the bottom of
the page; inside a container it stays inline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..errors import HtstAPIException
from ..runtime.widget_spec import WidgetSpec, shared
from ..runtime.widgets import draw_widget, register_widget
from . import input_params, sizing
from .block import Block, add_container, public
from .text_input import posted_text

_USER = ("user", "human")
_SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000, None)
_ASSISTANT = ("assistant", "ai")


@public
def chat_message(name: str, *, avatar: str | None = None, width: Any = "stretch") -> Block:
    """A message container: `with st.chat_message("user"): st.write("Hello")`.

    `avatar`: "user"/"assistant" icons, an emoji or short text, or an image URL. By
    default user/human and assistant/ai get their icons, other names their initial.
    """
    if name is None or str(name) == "":
        raise HtstAPIException(
            "The author name is required for a chat message, please set it via the parameter `name`."
        )
    name = str(name)
    if avatar is None:
        lowered = name.lower()
        avatar = "user" if lowered in _USER else "assistant" if lowered in _ASSISTANT else ""
    elif not isinstance(avatar, str):
        raise HtstAPIException("htst supports text, emoji and URL avatars (not image objects) for now.")
    if avatar in ("user", "assistant"):
        kind, text = avatar, ""
    elif avatar.startswith(("http://", "https://", "/", "data:image/")):
        kind, text = "image", ""
    else:
        kind, text = "text", avatar or name[:1].upper()
    props = {"name": name, "avatar": avatar, "avatar_kind": kind, "avatar_text": text, "width": sizing.width(width)}
    _, block = add_container("chat_message", props)
    return block


@dataclass(frozen=True, slots=True)
class ChatInputSpec(WidgetSpec):
    """A trigger with a text field: a non-empty post is a message, returned in the run it
    causes and None after; the box is empty again after each send."""

    kind = "chat_input"
    testing = "ChatInput"
    trigger = True
    reset = None
    preset = "ignore"  # as in Streamlit: a value written to its key is not shown
    in_forms = False
    max_chars: int | None = None

    def parse(self, raw: Any) -> str | None:
        return None if raw is None or raw == "" else posted_text(raw, self.max_chars)

    def serialize(self, value: Any) -> str:
        return "" if value is None else str(value)

    def shown(self, value: Any) -> str:
        return ""


@public
def chat_input(
    placeholder: str = "Your message",
    *,
    key: str | int | None = None,
    max_chars: int | None = None,
    max_upload_size: int | None = None,
    accept_file: bool | str = False,
    file_type: Any = None,
    accept_audio: bool = False,
    audio_sample_rate: int | None = 16000,
    disabled: bool = False,
    submit_mode: str = "submit",
    on_submit: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    width: Any = "stretch",
    height: Any = "content",
) -> str | None:
    """A message box; returns the submitted text once (in the run it caused), else None.

    `width` is "stretch" or pixels; `height` "content" (one line), "stretch" (fills the
    parent) or pixels (its least height). `submit_mode`: while the run a message caused
    goes on, "disable" leaves the box unusable and "stop" also turns its send button into
    a Stop button (htst.js and CSS; "submit" keeps it usable). htst differs: files and
    audio in chat messages are not supported yet.
    """
    if audio_sample_rate not in _SAMPLE_RATES or isinstance(audio_sample_rate, bool):
        raise HtstAPIException(
            "Invalid `audio_sample_rate` value. Supported values: " + ", ".join(map(str, _SAMPLE_RATES)) + "."
        )
    if not (isinstance(submit_mode, str) and submit_mode in ("submit", "disable", "stop")):
        raise HtstAPIException("Invalid `submit_mode` value. Supported values: 'submit', 'disable', 'stop'.")
    if accept_file or accept_audio:
        raise HtstAPIException("htst's st.chat_input does not accept files or audio yet.")
    on_submit = input_params.callback(on_submit, name="on_submit", modes=False)
    size = sizing.width(width, allow=("stretch",))
    tall = sizing.height(height, allow=("stretch", "content"))  # the order of 1.67's message

    ctx, meta, value = register_widget(
        shared(ChatInputSpec(max_chars)), key=key,
        identity=(str(placeholder), max_chars),
        default=None, callback=on_submit, args=args, kwargs=kwargs,
    )
    pinned = ctx.container is ctx.roots["main"]
    props = {"wid": meta.id, "key": meta.key, "label": str(placeholder), "placeholder": str(placeholder),
             "max_chars": max_chars, "disabled": bool(disabled), "pinned": pinned,
             "width": size, "min_height": tall if isinstance(tall, int) else None, "fill": tall == "stretch",
             "submit_mode": submit_mode}
    draw_widget(ctx, meta, value, props)
    return value
