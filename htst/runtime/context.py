"""The current script run, held in one ContextVar.

Every `st.*` command finds its session, its container and its app through `current()`.
Nothing else is global: two apps and many sessions run side by side in one process.
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Iterator

from ..errors import NoSessionContext
from .nodes import Node

if TYPE_CHECKING:
    from .app import AppScript
    from .session import Session

ROOTS = ("events", "main", "sidebar")
# Short DOM ids for the roots: every node id starts with one, so they show in every answer.
ROOT_IDS = {"events": "he", "main": "hm", "sidebar": "hs"}


class ScriptStopped(BaseException):
    """Raised inside a script to end its run (st.stop, a Stop request, a newer run).

    A BaseException so that a user's `except Exception:` does not swallow it.
    """


class RerunRequested(BaseException):
    """Raised by st.rerun(): end this run and start the script again."""


class RunControl:
    """A run's stop flag: set from another thread, checked at every st.* call.

    A plain attribute, not a threading.Event: it is made for every run and read far
    more often than it is set, and a bool read is atomic under the GIL.
    """

    __slots__ = ("cancelled",)

    def __init__(self) -> None:
        self.cancelled = False

    def set(self) -> None:
        self.cancelled = True

    def is_set(self) -> bool:
        return self.cancelled


class RunContext:
    """Everything one script run needs: the session, the tree it builds, the cursor."""

    def __init__(self, app: AppScript, session: Session):
        self.app = app
        self.session = session
        self.state = session.state
        self.roots = {name: Node("root", {}, ROOT_IDS[name], container=True) for name in ROOTS}
        self.stack: list[Node] = [self.roots["main"]]
        self.widget_ids: set[str] = set()
        self.cancel = RunControl()
        self.divider_count = 0  # `divider=True` headings cycle through colours, in order

    @property
    def container(self) -> Node:
        return self.stack[-1]

    def add(self, type: str, props: dict[str, Any], container: bool = False) -> Node:
        self.checkpoint()
        target = self.stack[-1]
        if target.children is None:
            # Drawing into an element's slot replaces that element, keeping its place.
            target.type, target.props = type, props
            target.children = [] if container else None
            return target
        return target.add(type, props, container)

    def checkpoint(self) -> None:
        """Every st.* call passes here: a cancelled run stops at its next command."""
        if self.cancel.cancelled:
            raise ScriptStopped()

    @contextlib.contextmanager
    def inside(self, node: Node) -> Iterator[Node]:
        self.stack.append(node)
        try:
            yield node
        finally:
            self.stack.pop()


_current: ContextVar[RunContext | None] = ContextVar("htst_run", default=None)


def current() -> RunContext:
    ctx = _current.get()
    if ctx is None:
        raise NoSessionContext(
            "This htst command ran outside a script run. Start the app with "
            "`htst run app.py`, or test it with `htst.testing.v1.AppTest`."
        )
    return ctx


def current_or_none() -> RunContext | None:
    return _current.get()


@contextlib.contextmanager
def activate(ctx: RunContext) -> Iterator[RunContext]:
    token = _current.set(ctx)
    try:
        yield ctx
    finally:
        _current.reset(token)
