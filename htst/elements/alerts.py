"""Alerts (success, info, warning, error) and exceptions shown in the page.

Alerts take Streamlit 1.67's parameters: `icon` (an emoji or `:material/name:`; with
None, the default, a body that starts with one has it taken out and shown as the icon,
"🚨 Boom" -> icon 🚨, body "Boom"; `icon=""` shows none and leaves the body as it is),
`title` (a bold first line, inline markdown) and `width` ("stretch" or pixels).
"""

from __future__ import annotations

import os
import textwrap
import traceback
from typing import Any

from . import icons, sizing
from .block import Block, add_element, public

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_WIDTHS = ("stretch",)


def _alert(kind: str, body: Any, icon: Any, width: Any, title: Any) -> Block:
    text = textwrap.dedent(str(body))
    if icon is None:
        shown, text = icons.leading_icon(text)
    else:
        shown = icons.icon(icon)
    props = {
        "body": text,
        "icon": shown,
        "title": None if title is None else textwrap.dedent(str(title)),
        "width": sizing.width(width, allow=_WIDTHS),
    }
    return add_element(kind, props)


@public
def success(body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None) -> Block:
    return _alert("success", body, icon, width, title)


@public
def info(body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None) -> Block:
    return _alert("info", body, icon, width, title)


@public
def warning(body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None) -> Block:
    return _alert("warning", body, icon, width, title)


@public
def error(body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None) -> Block:
    return _alert("error", body, icon, width, title)


@public
def exception(exception: BaseException, width: Any = "stretch") -> Block:
    """Display an exception: its type, message and traceback. `width`: "stretch" or pixels."""
    return exception_element(exception, show_details=True, width=sizing.width(width, allow=_WIDTHS))


def exception_element(exc: BaseException, show_details: Any = True, width: str | int = "stretch") -> Block:
    detail = _detail_level(show_details)
    props = {
        "type": type(exc).__name__,
        "message": str(exc),
        "stack_trace": tuple(_user_frames(exc)),
        "open": isinstance(exc, SyntaxError),  # where to fix it, shown at once
        "detail": detail,
        "width": width,
    }
    return add_element("exception", props)


def _detail_level(value: Any) -> str:
    if value is True or value in ("full", "true", "True"):
        return "full"
    if value in ("stacktrace", "type", "none"):
        return value
    return "none"


def _user_frames(exc: BaseException) -> list[str]:
    """The traceback without htst's own frames (they are noise to the script's author).
    A SyntaxError in the user's code is where the code is wrong, not where htst compiled
    it: its file, line, source line and caret."""
    if not getattr(exc, "show_traceback", True):
        return []
    if isinstance(exc, SyntaxError) and exc.filename:
        lines = traceback.format_exception_only(type(exc), exc)[:-1]  # the last line is the message
        return [line.rstrip("\n") for chunk in lines for line in chunk.splitlines()]
    frames = traceback.extract_tb(exc.__traceback__)
    user = [f for f in frames if not os.path.abspath(f.filename).startswith(_PACKAGE_DIR)]
    lines = traceback.format_list(user or frames)
    return [line.rstrip("\n") for line in lines]
