"""@st.fragment and @st.dialog: functions that rerun on their own.

Calling a decorated function draws a container and runs the function in it, recording
the call so that a widget inside (or a `run_every` timer) reruns only that function.
A fragment with a `key` can also be rerun by name from a widget callback:
`st.rerun("<key>")`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import current
from ..runtime.fragments import FragmentCall, parse_interval, run_body
from . import icons
from . import layout_checks as checks

RESERVED_KEYS = ("app", "fragment")  # st.rerun(scope=...) reads them as rerun levels
DIALOG_WIDTHS = ("small", "medium", "large")
DIALOG_POSITIONS = ("left", "center", "right")


def fragment(func: Callable[..., Any] | None = None, *, run_every: Any = None, parallel: bool = False, key: str | int | None = None) -> Any:
    """Turn a function into a fragment; works with and without parentheses.

    `key` names it for `st.rerun("<key>")` from a widget callback; every call site of
    the function shares it. htst differs: `parallel=True` is not supported.
    """
    if key is not None:
        key = str(key)
        if key == "":
            raise HtstAPIException("Invalid `key` value. Supported values: a non-empty string.")
        if key in RESERVED_KEYS:
            raise HtstAPIException(
                f"`{key}` is a reserved name and cannot be used as a fragment key, because "
                "`st.rerun(scope=...)` reads it as a rerun level. Choose a different key for "
                "`@st.fragment(key=...)`."
            )
    if parallel:
        raise HtstAPIException(
            "`@st.fragment(parallel=True)` is not supported by htst yet: htst runs a "
            "script's fragments one after the other. Remove `parallel=True`."
        )
    if func is None:
        return lambda f: fragment(f, run_every=run_every, key=key)
    interval = parse_interval(run_every)
    definition = f"{getattr(func, '__module__', '')}.{getattr(func, '__qualname__', '')}"

    @functools.wraps(func)
    def call_fragment(*args: Any, **kwargs: Any) -> Any:
        if key is not None:
            _claim_fragment_key(key, definition)
        return _start(func, args, kwargs, "fragment", {"run_every": interval}, key)

    return call_fragment


def _claim_fragment_key(key: str, definition: str) -> None:
    """A fragment key belongs to one fragment function per run; its call sites share it."""
    claimed = current().fragment_keys
    if claimed.setdefault(key, definition) != definition:
        raise checks.duplicate_key(key)


def dialog(
    title: str,
    *,
    width: str | int = "small",
    position: str = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: Any = "ignore",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A function whose call opens a modal dialog that reruns like a fragment.

    `st.rerun()` inside it reruns the app; the dialog closes when the app no longer calls
    it. `width`: "small", "medium", "large" or pixels; `position`: "center", or "left" /
    "right" for a full-height drawer on that side. As in Streamlit, the options are
    checked when the dialog is opened.
    """

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        if title is None or title == "":
            raise HtstAPIException('The `title` parameter is required. For example: `@st.dialog("Example Title")`.')

        @functools.wraps(func)
        def open_dialog(*args: Any, **kwargs: Any) -> Any:
            props = _dialog_props(title, width, position, dismissible, icon, on_dismiss)
            ctx = current()
            if ctx.dialog_open:
                raise HtstAPIException("Only one dialog is allowed to be opened at the same time. Please make sure to not call a dialog-decorated function more than once in a script run.")
            ctx.dialog_open = True
            return _start(func, args, kwargs, "dialog", props)

        return open_dialog

    return decorate


def _dialog_props(title: Any, width: Any, position: Any, dismissible: Any, icon: Any, on_dismiss: Any) -> dict[str, Any]:
    pixels = isinstance(width, int) and not isinstance(width, bool) and width > 0
    if not pixels and width not in DIALOG_WIDTHS:
        raise HtstAPIException(f"Invalid `width` value. Supported values: 'small', 'medium', 'large', a positive integer. Got {width!r}.")
    if position not in DIALOG_POSITIONS:
        raise HtstAPIException("Invalid `position` value. Supported values: 'left', 'center', 'right'.")
    icon = icons.icon(icon)
    if not (on_dismiss in ("ignore", "rerun") or callable(on_dismiss)):
        raise HtstAPIException("Invalid `on_dismiss` value. Supported values: 'rerun', 'ignore', a callback function.")
    return {
        "title": str(title),
        "width": width,
        "position": position,
        "icon": icon,
        "dismissible": bool(dismissible),
        "rerun_on_dismiss": on_dismiss != "ignore",
    }


def _start(func: Callable[..., Any], args: tuple, kwargs: dict, kind: str, props: dict[str, Any], key: str | None = None) -> Any:
    ctx = current()
    with ctx.control.lock:
        node = ctx.add(kind, props, container=True)
        node.fragment = node.id
    call = FragmentCall(node.id, func, args, kwargs, node, props.get("run_every"), key, ctx.page)
    ctx.fragments[node.id] = call  # what a rerun of this fragment will call again
    return run_body(ctx, call)
