"""Fragments: parts of a script that rerun on their own (`st.fragment`, `st.dialog`).

A full run records each fragment call (function, arguments, the container it drew);
a fragment rerun calls that function again into the same container of the tree the
client shows, so nothing outside it executes or changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import HtstAPIException
from .context import RunContext, ScriptStopped
from .durations import to_seconds
from .nodes import Node


class FragmentFailed(ScriptStopped):
    """A fragment raised: its error is drawn in its container and the run ends there.

    As in Streamlit, the error shows where the fragment is, not at the end of the page
    (where repeated fragment reruns would pile it up), and ends the run like any error.
    """


@dataclass
class FragmentCall:
    id: str
    func: Callable[..., Any]
    args: tuple
    kwargs: dict
    node: Node  # its container in the tree the client shows
    run_every: float | None = None
    key: str | None = None  # `@st.fragment(key=...)`: what `st.rerun("<key>")` names
    page: str = ""  # the page it was drawn on: its widgets' ids include it


def run_body(ctx: RunContext, call: FragmentCall) -> Any:
    """Run the fragment's function with its container as the cursor."""
    outer, outer_page = ctx.fragment, ctx.page
    ctx.fragment, ctx.page = call.id, call.page
    try:
        with ctx.inside(call.node):
            try:
                return call.func(*call.args, **call.kwargs)
            except Exception as exc:
                with ctx.control.lock:
                    ctx.app.hooks.exception(exc, ctx.app.config["client.showErrorDetails"])
                raise FragmentFailed() from exc
    finally:
        ctx.fragment, ctx.page = outer, outer_page


def parse_interval(value: Any) -> float | None:
    """`run_every` as seconds: a number, a timedelta, or a string like "10s", "1.5m", "500ms"."""
    if value is None:
        return None
    seconds = to_seconds(value)
    if seconds is None:
        raise HtstAPIException(
            f"Unable to convert {value!r} to a duration for `run_every`. Use a number of "
            'seconds, a datetime.timedelta, or a string like "10s", "2m" or "1h".'
        )
    if seconds <= 0:
        raise HtstAPIException(f"`run_every` must be a positive duration, got {value!r}.")
    return seconds
