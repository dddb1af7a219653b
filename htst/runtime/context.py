"""The current script run, held in one ContextVar.

Every `st.*` command finds its session, its container and its app through `current()`.
Nothing else is global: two apps and many sessions run side by side in one process.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import NoSessionContext
from .interrupt import ScriptThread
from .nodes import Node, SharedProps, shared_props

if TYPE_CHECKING:
    from .app import AppScript
    from .session import Session

ROOTS = ("events", "main", "bottom", "nav", "sidebar")
# Short DOM ids for the roots: every node id starts with one, so they show in every answer.
ROOT_IDS = {"events": "he", "main": "hm", "bottom": "hb", "nav": "hn", "sidebar": "hs"}


def empty_roots() -> dict[str, Node]:
    """The page roots of a tree nothing has been drawn into (`nav`: a multipage app's
    menu; `bottom`: st.bottom, pinned under the main area)."""
    return {name: Node("root", {}, ROOT_IDS[name], container=True) for name in ROOTS}


class ScriptStopped(BaseException):
    """Raised inside a script to end its run (st.stop, a Stop request, a newer run).

    A BaseException so that a user's `except Exception:` does not swallow it.
    `cancelled`: stopped from outside (Stop, a newer run) rather than by st.stop().
    """

    def __init__(self, cancelled: bool = False):
        super().__init__(cancelled)
        self.cancelled = cancelled


class ScriptInterrupted(ScriptStopped):
    """Raised from outside in a cancelled script's thread that never reached an st.* call
    (`RunControl.script.interrupt()`), at its next bytecode."""

    def __init__(self) -> None:
        super().__init__(cancelled=True)


class RerunRequested(BaseException):
    """Raised by st.rerun(): end this run and start the script (or the fragment) again.

    `fragment`: with scope "fragment", the innermost fragment that asked (it may be
    nested in the fragment being rerun). `targets`: with fragment keys (from a widget
    callback), the ids of the fragments they name.
    """

    def __init__(self, scope: str = "app", fragment: str | None = None, targets: tuple[str, ...] = ()):
        super().__init__(scope)
        self.scope = scope
        self.fragment = fragment
        self.targets = targets


class RunControl:
    """A run (its st.rerun restarts included) as other threads see it.

    - `cancelled`: set from another thread (Stop, a newer run); the script stops at its
      next st.* call. A plain attribute: read far more often than set, atomic under the GIL.
    - `lock`: held by every st.* command while it changes the tree, so a streaming answer
      renders the tree only between commands (never half-drawn), even while the script
      sleeps or computes.
    - `dirty`: something was drawn since the stream last looked.
    - `ctx`: the RunContext drawing now (a rerun starts a new one).
    - `script`: the thread running the script's own code, for a cancelled run that never
      reaches an st.* call (`script.interrupt()`).
    - `abandoned`: the run was given up (stuck in C code); whatever its thread does when
      it wakes must not touch the session any more.
    """

    __slots__ = ("cancelled", "lock", "dirty", "ctx", "script", "abandoned")

    def __init__(self) -> None:
        self.cancelled = False
        self.lock = threading.RLock()
        self.dirty = False
        self.ctx: RunContext | None = None
        self.script = ScriptThread(ScriptInterrupted)
        self.abandoned = False

    def set(self) -> None:
        self.cancelled = True


class RunContext:
    """Everything one script run needs: the session, the tree it builds, the cursor."""

    def __init__(self, app: AppScript, session: Session, roots: dict[str, Node] | None = None):
        self.app = app
        self.session = session
        self.state = session.state
        # A fragment rerun draws into the tree the client shows; a full run builds a new one.
        self.roots = roots if roots is not None else empty_roots()
        self.stack: list[Node] = [self.roots["main"]]
        self.page = ""  # the page being drawn (part of every widget's id); "" the entrypoint
        self.navigation: Any = None  # runtime.pages.Navigation, once this run has declared its pages
        self.running_page: Any = None  # the runtime.pages.Page whose source runs now
        # What this run sets of the page around the app (runtime/chrome.py).
        self.chrome: dict[str, Any] = {}
        self.widget_ids: set[str] = set()
        self.element_keys: set[str] = set()  # keys of keyed containers: widgets' keys may not repeat them
        self.control = RunControl()
        self.control.ctx = self
        # Set while a fragment's body runs: its id, and the container it draws into.
        self.fragment: str | None = None
        # The fragment this run reruns (None: a full run), and the fragments it called.
        self.fragment_run: str | None = None
        self.fragments: dict[str, Any] = {}
        # Containers outside the rerun fragment that it drew into (they are diffed too).
        self.touched: list[Node] = []
        self.media: set[str] = set()  # media store entries this run drew (MediaStore.hold)
        self.dialog_open = False  # one st.dialog at a time
        self.fragment_keys: dict[str, str] = {}  # fragment key -> the function that claimed it
        # Set while widget callbacks run: only they may rerun fragments by key.
        self.in_callback = False
        self.forms: dict[str, Any] = {}  # form id -> runtime.forms.FormInfo, for this run
        # The outermost command running now (function, args, kwargs): a form that clears on
        # submit draws its widgets again with the same call.
        self.call: tuple | None = None
        # Cached functions that allow widgets, running now: each maps the id of every
        # widget drawn to (the call that drew it, its value), to key and replay the call.
        self.widget_recorders: list[dict[str, tuple]] = []
        self.divider_count = 0  # `divider=True` headings cycle through colours, in order

    @property
    def container(self) -> Node:
        return self.stack[-1]

    def add(self, type: str, props: dict[str, Any], container: bool = False) -> Node:
        """Draw a node at the cursor. `props` must not be changed afterwards (they may be shared)."""
        if self.control.cancelled:  # `checkpoint()`, inlined: every element passes here
            raise ScriptInterrupted()
        if props.__class__ is not SharedProps:  # (`type` is this method's argument)
            props = shared_props(props)
        target = self.stack[-1]
        if self.fragment_run is not None and target.fragment != self.fragment_run and target not in self.touched:
            self.touched.append(target)  # a fragment writing to an outside container
        if target.children is None:
            # Drawing into an element's slot replaces that element, keeping its place.
            target.type, target.props = type, props
            target.children = [] if container else None
            return target
        return target.add(type, props, container)

    def checkpoint(self) -> None:
        """Every st.* call passes here: a cancelled run stops at its next command."""
        if self.control.cancelled:
            raise ScriptInterrupted()

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


F = TypeVar("F", bound=Callable[..., Any])


def command(fn: F) -> F:
    """Mark a public st.* command (or a method of an element it returns).

    The outermost command of a call chain runs holding its run's tree lock and marks the
    tree dirty, which is what lets a streaming answer send what the script drew while
    the script is still running; it is also recorded as `ctx.call` (a form that clears
    on submit, and a cached function's widget replay, draw a widget again with it).
    Commands that run user code for a long time (fragments, dialogs) are not marked.
    """

    @functools.wraps(fn)
    def locked(*args: Any, **kwargs: Any) -> Any:
        ctx = _current.get()
        if ctx is None or ctx.call is not None:
            return fn(*args, **kwargs)  # outside a run, or inside a command that holds the lock
        control = ctx.control
        lock = control.lock
        lock.acquire()  # (not `with`: this runs for every command, and a `with` costs more)
        ctx.call = (fn, args, kwargs)
        try:
            return fn(*args, **kwargs)
        finally:
            ctx.call = None
            control.dirty = True
            lock.release()

    locked.__htst_command__ = True  # type: ignore[attr-defined]
    return locked  # type: ignore[return-value]
