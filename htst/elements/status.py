"""Status elements that show a script's progress: progress bars, spinners, status containers.

They are updated while the script runs (a streaming answer sends them between commands),
so every method that changes the tree is a `command`, and no lock is held while the
user's code inside `with st.spinner():` / `with st.status():` runs.
Toasts, balloons and snow, which are shown once and then go, are in `notifications.py`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import ContextDecorator
from numbers import Integral
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import command, current_or_none
from ..runtime.nodes import Node
from . import sizing
from .block import Block, add_container, add_element, public
from .layout import SECTION_TYPES

STATES = ("running", "complete", "error")


# -- progress ----------------------------------------------------------------------------


@public
def progress(value: float, text: str | None = None, width: Any = "stretch") -> Block:
    """A progress bar: `value` is an int from 0 to 100 or a float from 0.0 to 1.0.

    `text` is markdown shown above the bar (and is the bar's accessible name). Returns
    the bar's slot: `bar.progress(50)` redraws the same bar, `bar.empty()` removes it.
    As in Streamlit, a float is stored as a whole percentage (0.257 -> 25).
    `width`: "stretch" (default) or pixels.
    """
    props = {"value": _percent(value), "text": _text(text), "width": sizing.width(width, allow=("stretch",))}
    return add_element("progress", props)


def _percent(value: Any) -> int:
    if isinstance(value, Integral) and not isinstance(value, bool):
        if not 0 <= value <= 100:
            raise HtstAPIException(
                f"The `value` parameter, set to {value}, is outside the required range [0, 100]."
            )
        return int(value)
    if isinstance(value, float):
        # A float computed as i / n may land a hair outside [0.0, 1.0]; accept it.
        if not (
            0.0 <= value <= 1.0
            or math.isclose(value, 0.0, abs_tol=1e-9)
            or math.isclose(value, 1.0, abs_tol=1e-9)
        ):
            raise HtstAPIException(
                f"The `value` parameter, set to {value}, is outside the required range [0.0, 1.0]."
            )
        return min(100, max(0, int(value * 100)))
    raise HtstAPIException(
        f"Invalid `value` type. Expected one of: int, float. Provided type: {type(value).__name__}."
    )


def _text(text: Any) -> str | None:
    if text is None or isinstance(text, str):
        return text
    raise HtstAPIException(
        f"Invalid `text` type. Expected one of: str. Provided type: {type(text).__name__}."
    )


# -- spinner -----------------------------------------------------------------------------


@public
def spinner(
    text: str = "In progress...", *, show_time: bool = False, width: Any = "content"
) -> Spinner:
    """Show a spinner with `text` while the `with` block (or a decorated function) runs.

    The spinner takes its place at the cursor on entry and leaves an empty slot on exit,
    also when the block raises. As in Streamlit, the browser shows it after half a second
    (CSS), so quick blocks do not flash.
    With `show_time=True` the browser shows the seconds elapsed since it appeared.
    `width`: "content" (default), "stretch" or pixels.
    """
    return Spinner(str(text), show_time=bool(show_time), width=sizing.width(width))


class Spinner(ContextDecorator):
    """What `st.spinner()` returns: a context manager, also usable as a decorator."""

    def __init__(self, text: str, *, show_time: bool = False, width: str | int = "content"):
        self.text = text
        self.show_time = show_time
        self.width = width
        # `box.spinner()` draws into `box`: remember the cursor of the run that made us
        # (a decorator made in an earlier run draws at the cursor of the run calling it).
        ctx = current_or_none()
        self._made_at = (ctx, ctx.container) if ctx is not None else None
        # A decorated function may call itself: each entry has its own slot.
        self._slots: list[Node] = []

    @command
    def __enter__(self) -> None:
        ctx = current_or_none()
        if ctx is None:
            return  # outside a script run: nothing to draw into
        made_in, cursor = self._made_at or (None, None)
        with ctx.inside(cursor if made_in is ctx else ctx.container):
            props = {"text": self.text, "show_time": self.show_time, "width": self.width}
            block = add_element("spinner", props)
        self._slots.append(block._node)  # type: ignore[arg-type]

    @command
    def __exit__(self, *exc: object) -> None:
        if self._slots:
            slot = self._slots.pop()
            slot.type, slot.props = "spacer", {}


# -- status ------------------------------------------------------------------------------


@public
def status(
    label: str,
    *,
    expanded: bool = False,
    state: str = "running",
    type: str = "default",
    width: Any = "stretch",
) -> StatusContainer:
    """An expander showing the state of a long task: "running", "complete" or "error".

    Use it with `with` (leaving the block marks a still-running status "complete", or
    "error" if an exception escapes) or as an object; `.update()` changes it in place.
    `type` draws it as st.expander's types do: "default", "compact" or "step" (the state
    icon in the timeline's column).
    """
    _check_state(state)
    if type not in SECTION_TYPES:
        raise HtstAPIException("Invalid `type` value. Supported values: 'default', 'compact', 'step'.")
    props = {
        "label": str(label),
        "expanded": bool(expanded),
        "state": state,
        "type": type,
        "width": sizing.width(width, allow=("stretch",)),
    }
    node, _ = add_container("status", props)
    return StatusContainer(node)


def _check_state(state: Any) -> None:
    if state not in STATES:
        raise HtstAPIException(
            "Invalid `state` value. Supported values: 'running', 'complete', 'error'."
        )


class StatusContainer(Block):
    """What `st.status()` returns: a container with `.update()`."""

    __slots__ = ()

    @command
    def update(
        self, *, label: str | None = None, expanded: bool | None = None, state: str | None = None
    ) -> None:
        """Change the label, the expanded state or the state; None leaves it as it is."""
        node = self._node
        assert node is not None
        props = dict(node.props)  # a new dict: leaf caches and the diff compare by value
        if label is not None:
            props["label"] = str(label)
        if expanded is not None:
            props["expanded"] = bool(expanded)
        if state is not None:
            _check_state(state)
            props["state"] = state
        node.props = props

    def __getattr__(self, name: str) -> Callable[..., Any]:
        # `status.write(...)` draws into the container without entering and leaving it
        # as `with status:` does, which would mark it complete.
        return getattr(Block(self._node), name)

    def __enter__(self) -> StatusContainer:  # noqa: PYI034 (typing.Self needs 3.11)
        super().__enter__()
        return self

    @command
    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        try:
            # As in Streamlit: only a status still "running" is settled, and any exception
            # (st.stop() included) leaving the block marks it "error".
            if self._node is not None and self._node.props.get("state") == "running":
                self.update(state="complete" if exc_type is None else "error")
        finally:
            super().__exit__()
