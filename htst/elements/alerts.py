"""Alerts (success, info, warning, error) and exceptions shown in the page."""

from __future__ import annotations

import os
import traceback
from typing import Any

from .block import Block, add_element, public

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _alert(kind: str, body: Any, icon: str | None) -> Block:
    return add_element(kind, {"body": str(body), "icon": icon})


@public
def success(body: Any, *, icon: str | None = None, width: Any = "stretch") -> Block:
    return _alert("success", body, icon)


@public
def info(body: Any, *, icon: str | None = None, width: Any = "stretch") -> Block:
    return _alert("info", body, icon)


@public
def warning(body: Any, *, icon: str | None = None, width: Any = "stretch") -> Block:
    return _alert("warning", body, icon)


@public
def error(body: Any, *, icon: str | None = None, width: Any = "stretch") -> Block:
    return _alert("error", body, icon)


@public
def exception(exception: BaseException, *, width: Any = "stretch") -> Block:
    """Display an exception: its type, message and traceback."""
    return exception_element(exception, show_details=True)


def exception_element(exc: BaseException, show_details: Any = True) -> Block:
    detail = _detail_level(show_details)
    props = {
        "type": type(exc).__name__,
        "message": str(exc),
        "stack_trace": _user_frames(exc),
        "detail": detail,
    }
    return add_element("exception", props)


def _detail_level(value: Any) -> str:
    if value is True or value in ("full", "true", "True"):
        return "full"
    if value in ("stacktrace", "type", "none"):
        return value
    return "none"


def _user_frames(exc: BaseException) -> list[str]:
    """The traceback without htst's own frames (they are noise to the script's author)."""
    frames = traceback.extract_tb(exc.__traceback__)
    user = [f for f in frames if not os.path.abspath(f.filename).startswith(_PACKAGE_DIR)]
    lines = traceback.format_list(user or frames)
    return [line.rstrip("\n") for line in lines]
