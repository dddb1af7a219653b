"""Chat elements: st.chat_message (a container with an author) and st.chat_input.

st.chat_input returns the submitted text in the run its submission caused and None in
the next, like a button's click. Called in the main body it is pinned to the bottom of
the page; inside a container it stays inline.
"""

from __future__ import annotations

from typing import Any, Callable

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widgets import draw_widget, register_widget
from .block import Block, add_container

_USER = ("user", "human")
_ASSISTANT = ("assistant", "ai")


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
    _, block = add_container("chat_message", {"name": name, "avatar": avatar, "avatar_kind": kind, "avatar_text": text})
    return block


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

    htst differs: files and audio in chat messages are not supported yet.
    """
    if accept_file or accept_audio:
        raise HtstAPIException("htst's st.chat_input does not accept files or audio yet.")

    def parse(raw: Any) -> str | None:
        if raw is None or raw == "":
            return None
        if not isinstance(raw, str):
            raise InvalidWidgetValue(f"expected text, got {raw!r}")
        if max_chars is not None and len(raw) > max_chars:
            raise InvalidWidgetValue(f"text is longer than max_chars={max_chars}")
        return raw

    ctx, meta, value = register_widget(
        "chat_input", key=key,
        identity=(str(placeholder), max_chars),
        default=None, parse=parse, serialize=lambda v: "" if v is None else str(v),
        callback=on_submit, args=args, kwargs=kwargs,
        # A trigger whose value comes from its text field, reset to None after the run.
        trigger=True, extra={"trigger_field": True, "trigger_reset": None, "no_state_set": False, "ignore_state_set": True},
    )
    pinned = ctx.container is ctx.roots["main"]
    props = {"wid": meta.id, "key": meta.key, "label": str(placeholder), "placeholder": str(placeholder),
             "max_chars": max_chars, "disabled": bool(disabled), "pinned": pinned}
    draw_widget(ctx, meta, value, props)
    meta.raw = props["raw"] = ""  # the box is empty again after each send
    return value
