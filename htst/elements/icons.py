"""The `icon` parameter, one check for every command that takes it (Streamlit 1.67's
rules and messages), and the leading icon an alert's body may start with."""

from __future__ import annotations

import re
from typing import Any

import emoji

from ..errors import HtstAPIException
from ..render import material

_FORMAT_HINT = (
    "Please use a single emoji or a Material icon shortcode like `:material\u200b/thumb_up:`."
)
# Material Symbols names are lower-case words joined by underscores; htst ships the
# rounded set (`render/material.py`) and accepts the names in it.
_MATERIAL = re.compile(r":material/([a-z0-9_]+):")
_SHORTCODE = re.compile(r":[\w+-]+:")
# A leading icon in an alert's body: the emoji, then spaces and dashes; a Material
# shortcode, then any whitespace.
_LEADING_MATERIAL = re.compile(r"(:[^:]+:)\s*(.*)", re.DOTALL)
_EMOJI_SEPARATOR = re.compile(r"[ -]*")


def icon(value: Any) -> str | None:
    """A checked `icon`: one emoji, a `:material/name:` shortcode or "spinner"; None, ""
    and blanks mean no icon."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise HtstAPIException(
            f"Invalid `icon` type. Expected one of: str, None. Provided type: {type(value).__name__}."
        )
    value = value.strip()
    if not value:
        return None
    if value == "spinner":
        return value
    found = _MATERIAL.fullmatch(value)
    if found and material.exists(found.group(1)):
        return value
    if value.lower().startswith(":material"):
        shown = value.replace("/", "\u200b/")
        raise HtstAPIException(
            f'The value `"{shown}"` is not a valid Material icon. Please use a Material icon '
            "shortcode like **`:material\u200b/thumb_up:`**."
        )
    if _SHORTCODE.fullmatch(value):
        raise HtstAPIException(
            f'The value "{value}" is not a valid icon. Emoji shortcodes are not supported. {_FORMAT_HINT}'
        )
    if "://" in value or value[:5].lower() == "data:" or value.startswith("//"):
        raise HtstAPIException(
            f'The value "{value}" looks like a URL. Images are not supported for `icon`. {_FORMAT_HINT}'
        )
    if value.isascii():
        raise HtstAPIException(f'The value "{value}" is not a valid icon. {_FORMAT_HINT}')
    if not emoji.is_emoji(value):
        raise HtstAPIException(
            f'The value "{value}" is not a valid emoji. Please use a single emoji.'
        )
    return value


def leading_icon(text: str) -> tuple[str | None, str]:
    """Split a leading emoji or `:material/name:` shortcode off `text`, with the spaces
    after it: `"🚨 Boom"` -> `("🚨", "Boom")`. `(None, text)` when it starts with neither."""
    if text.startswith(":material"):
        match = _LEADING_MATERIAL.match(text)
        if match and _MATERIAL.fullmatch(match.group(1)):
            return match.group(1), match.group(2)
    if not text or text.isascii():
        return None, text
    found = emoji.emoji_list(text[:16])
    if not found or found[0]["match_start"] != 0:
        return None, text
    end = found[0]["match_end"]
    rest = _EMOJI_SEPARATOR.match(text, end)
    return text[:end], text[rest.end() if rest else end :]
