"""Notifications that show once and go: toasts, balloons and snow.

They are animated by CSS alone. Each call gets a fresh nonce in the id of an inner
element: the client morphs nodes by id, so a new id makes it insert a new element and the
animation plays again, even when the text is the same as in the previous run.
"""

from __future__ import annotations

import secrets
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import command, current
from ..runtime.nodes import Node
from . import icons
from .block import Block, add_element, public

# Seconds a toast stays; 0 is "until closed".
_DURATIONS = {"short": 4, "long": 10, "infinite": 0}


def _nonce() -> str:
    return secrets.token_hex(4)


# -- toast -------------------------------------------------------------------------------


@public
def toast(body: Any, *, icon: str | None = None, duration: str | int = "short") -> Toast:
    """A short message at the bottom right of the window, gone after `duration`.

    `duration` is "short" (4 s), "long" (10 s), "infinite" or a number of seconds.
    `icon` is an emoji or a `:material/name:` shortcode.
    Like Streamlit, the toast is drawn in the page's event area, not at the cursor, so it
    does not move the elements after it. Returns a handle: `msg.toast("Done!")` replaces
    the message in place. htst stacks the toasts of one run by their order (CSS only),
    so a toast that goes does not make the ones above it move down.
    """
    ctx = current()
    events = ctx.roots["events"]
    # The stacking position: toasts this run (its reruns included) already drew.
    index = sum(
        1 for n in events.children or () if n.type == "toast" and n.data is ctx.control
    )
    with ctx.inside(events):
        # `call` names this toast across `.toast()` updates: the browser keeps a toast a
        # later run no longer draws until its time is up, but not one updated in place.
        props = {**_toast_props(body, icon, duration), "index": index, "call": _nonce()}
        block = add_element("toast", props)
    node: Node = block._node  # type: ignore[assignment]
    node.data = ctx.control  # the run that drew it: its stacking index counts this run's toasts
    return Toast(node)


def _toast_props(body: Any, icon: str | None, duration: Any) -> dict[str, Any]:
    text = str(body)
    if text == "":
        raise HtstAPIException("The `body` parameter is required. Please provide a message.")
    if isinstance(duration, str) and duration in _DURATIONS:
        seconds = _DURATIONS[duration]
    elif isinstance(duration, int) and not isinstance(duration, bool) and duration > 0:
        seconds = duration
    else:
        raise HtstAPIException(
            "Invalid `duration` value. Supported values: short, long, infinite, a positive integer."
        )
    return {"body": text, "icon": icons.icon(icon), "duration": seconds, "nonce": _nonce()}


class Toast(Block):
    """What `st.toast()` returns: `.toast()` replaces the message and restarts its timer."""

    __slots__ = ()

    @command
    def toast(self, body: Any, *, icon: str | None = None, duration: str | int = "short") -> Toast:
        node: Node = self._node  # type: ignore[assignment]
        current().checkpoint()
        # A new props dict (the leaf cache and the diff compare by value) and a new nonce,
        # so the client shows the new message with a full timer.
        node.props = {
            **_toast_props(body, icon, duration),
            "index": node.props.get("index", 0),
            "call": node.props.get("call"),
        }
        return self


# -- balloons and snow -------------------------------------------------------------------


@public
def balloons() -> Block:
    """Balloons float up the window for a few seconds (none if the user asks for less motion)."""
    return add_element("balloons", {"nonce": _nonce()})


@public
def snow() -> Block:
    """Snowflakes fall down the window for a few seconds (none if the user asks for less motion)."""
    return add_element("snow", {"nonce": _nonce()})
