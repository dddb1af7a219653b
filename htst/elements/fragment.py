"""@st.fragment and @st.dialog: functions that rerun on their own.

Calling a decorated function draws a container and runs the function in it, recording
the call so that a widget inside (or a `run_every` timer) reruns only that function.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import current
from ..runtime.fragments import FragmentCall, parse_interval, run_body


def fragment(func: Callable[..., Any] | None = None, *, run_every: Any = None) -> Any:
    """Turn a function into a fragment; works with and without parentheses."""
    if func is None:
        return lambda f: fragment(f, run_every=run_every)
    interval = parse_interval(run_every)

    @functools.wraps(func)
    def call_fragment(*args: Any, **kwargs: Any) -> Any:
        return _start(func, args, kwargs, "fragment", {"run_every": interval})

    return call_fragment


def dialog(title: str, *, width: str = "small", dismissible: bool = True, on_dismiss: Any = "ignore") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A function whose call opens a modal dialog that reruns like a fragment.

    `st.rerun()` inside it reruns the app; the dialog closes when the app no longer calls it.
    """
    if width not in ("small", "medium", "large"):
        raise HtstAPIException(f'width must be "small", "medium" or "large", got {width!r}.')
    if not (on_dismiss in ("ignore", "rerun") or callable(on_dismiss)):
        raise HtstAPIException(f'on_dismiss must be "ignore", "rerun" or a callable, got {on_dismiss!r}.')

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def open_dialog(*args: Any, **kwargs: Any) -> Any:
            ctx = current()
            if ctx.dialog_open:
                raise HtstAPIException("Only one dialog is allowed to be opened at the same time. Please make sure to not call a dialog-decorated function more than once in a script run.")
            ctx.dialog_open = True
            props = {"title": str(title), "width": width, "dismissible": bool(dismissible), "rerun_on_dismiss": on_dismiss != "ignore"}
            return _start(func, args, kwargs, "dialog", props)

        return open_dialog

    return decorate


def _start(func: Callable[..., Any], args: tuple, kwargs: dict, kind: str, props: dict[str, Any]) -> Any:
    ctx = current()
    with ctx.control.lock:
        node = ctx.add(kind, props, container=True)
        node.fragment = node.id
    call = FragmentCall(node.id, func, args, kwargs, node, props.get("run_every"))
    ctx.fragments[node.id] = call  # what a rerun of this fragment will call again
    return run_body(ctx, call)
