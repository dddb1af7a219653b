"""AppTest: the same runtime the server uses, driven from a test without HTTP."""

from __future__ import annotations

import inspect
import os
import signal
import textwrap
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from ...config import Config
from ...runtime.app import RunResult
from ...runtime.apply import apply
from ...runtime.context import ROOTS
from ...runtime.nodes import Node
from ...runtime.session import Session
from ...runtime.state import SessionStateProxy
from ...runtime.widget_spec import Fields, PostedFile
from ...script import app_script
from ...secrets import Secrets, default_secret_paths
from .blocks import Block, Queryable, wrap


class AppTest(Queryable):
    """A simulated app: `run()` executes the script once; element lists read the result."""

    def __init__(self, script_path: str | os.PathLike | None = None, *, source: str | None = None, default_timeout: float = 3, name: str = "app.py"):
        cwd = Path.cwd()
        self.default_timeout = default_timeout
        self.secrets: dict[str, Any] = {}
        self.query_params: dict[str, Any] = {}
        self._config = Config.load(cwd=cwd)
        self._app = app_script(script_path, source=source, config=self._config, secrets=Secrets.from_dict({}), name=name)
        self._session = Session(self._app)
        self.session_state = SessionStateProxy(lambda: self._session.state)
        # widget id -> (the value it shows until the next run, the fields a browser posts)
        self._pending: dict[str, tuple[Any, list[tuple[str, str]]]] = {}
        self._result: RunResult | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._secrets_cache: tuple[dict[str, Any], Secrets] | None = None

    # -- constructors -------------------------------------------------------------
    @classmethod
    def from_file(cls, script_path: str | os.PathLike, *, default_timeout: float = 3) -> AppTest:
        path = Path(script_path)
        if not path.is_absolute():
            caller = Path(inspect.stack()[1].filename).parent
            path = caller / path if (caller / path).exists() else Path.cwd() / path
        return cls(path, default_timeout=default_timeout)

    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = 3) -> AppTest:
        return cls(source=textwrap.dedent(script), default_timeout=default_timeout)

    @classmethod
    def from_function(cls, script: Callable[..., Any], *, default_timeout: float = 3, args: tuple | None = None, kwargs: dict | None = None) -> AppTest:
        """Run the body of `script` as the app (the function is defined, then called)."""
        source = textwrap.dedent(inspect.getsource(script))
        call = f"\n{script.__name__}(*__htst_args__, **__htst_kwargs__)\n"
        prelude = f"__htst_args__ = {tuple(args or ())!r}\n__htst_kwargs__ = {dict(kwargs or {})!r}\n"
        return cls(source=prelude + source + call, default_timeout=default_timeout, name=f"{script.__name__}.py")

    # -- running ------------------------------------------------------------------
    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the script once, sending the values set on widgets since the last run."""
        timeout = self.default_timeout if timeout is None else timeout
        self._app.secrets = self._secrets()
        self._session.query_params.load(
            (k, str(x)) for k, v in self.query_params.items() for x in (v if isinstance(v, list) else [v])
        )
        # The fields a browser would post for the actions taken since the last run take the
        # server's road: validation, disabled widgets, forms held until submit, triggers.
        applied = apply(self._session.state, self._fields())
        changes = applied.changes
        self._pending = {wid: posted for wid, posted in self._pending.items() if wid in applied.held}
        if _can_use_alarm():
            self._result = self._run_with_alarm(changes, timeout)
        else:
            self._result = self._run_in_thread(changes, timeout)
        self.query_params = {k: (v[-1] if len(v) == 1 else list(v)) for k, v in self._session.query_params.params.items()}
        return self

    def switch_page(self, page_path: str) -> AppTest:
        """Show another page at the next `run()`: its file path, relative to the main script."""
        folder = self._app.path.parent if self._app.path is not None else Path.cwd()
        self._session.page = f"file:{(folder / page_path).resolve()}"
        return self

    def _run_with_alarm(self, changes: dict[str, Any], timeout: float) -> RunResult:
        """Run on this thread; SIGALRM interrupts a script that overruns (even in a sleep).

        A thread handoff per run costs more than the counter app's whole run.
        """
        state = {"done": False}

        def on_alarm(signum: int, frame: Any) -> None:
            if not state["done"]:
                raise _ScriptTimeout()

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, max(timeout, 1e-6))
        try:
            result = self._app.run(self._session, changes)
            state["done"] = True
            return result
        except _ScriptTimeout:
            self._session.state.interrupted_run()
            raise RuntimeError(f"AppTest script run timed out after {timeout}(s)") from None
        finally:
            state["done"] = True
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    def _run_in_thread(self, changes: dict[str, Any], timeout: float) -> RunResult:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="htst-apptest")
        future = self._executor.submit(self._app.run, self._session, changes)
        try:
            return future.result(timeout=timeout)
        except FutureTimeout:
            running = self._session.active_run
            if running is not None:
                running.set()  # stops at its next st.* call…
                running.script.interrupt()  # …or at its next bytecode, if it has none
            raise RuntimeError(f"AppTest script run timed out after {timeout}(s)") from None

    def _fields(self) -> Fields:
        values: dict[str, list[str]] = {}
        files: dict[str, list[PostedFile]] = {}
        for _, fields in self._pending.values():
            for name, entry in fields:
                if isinstance(entry, PostedFile):
                    files.setdefault(name, []).append(entry)
                else:
                    values.setdefault(name, []).append(entry)
        return Fields(values, files)

    def _secrets(self) -> Secrets:
        """The files' secrets overlaid with `at.secrets`; rebuilt only when those change."""
        if self._secrets_cache is not None and self._secrets_cache[0] == self.secrets:
            return self._secrets_cache[1]
        file_secrets = Secrets.from_paths(default_secret_paths(Path.cwd(), Path.home()), environ=None)
        try:
            merged = {**file_secrets.to_dict(), **self.secrets}
            secrets = Secrets.from_dict(merged)
        except FileNotFoundError:
            secrets = Secrets.from_dict(dict(self.secrets)) if self.secrets else file_secrets
        self._secrets_cache = (dict(self.secrets), secrets)
        return secrets

    # -- reading the result ---------------------------------------------------------
    def _nodes(self) -> list[Node]:
        if self._result is None:
            return []
        return [self._result.roots[name] for name in ROOTS]

    def _at_ref(self) -> AppTest:
        return self

    @property
    def main(self) -> Block:
        """The main area as a Block: `children` by position, lookups like AppTest's.

        What callbacks drew (shown above the page, as in Streamlit) comes first.
        """
        return _Main(self._root("main"), self)

    @property
    def sidebar(self) -> Block:
        return Block(self._root("sidebar"), self)

    def _root(self, name: str) -> Node:
        if self._result is None:
            raise RuntimeError("Run the app first: `at.run()`.")
        return self._result.roots[name]

    def __repr__(self) -> str:
        return f"AppTest({self._app.name!r})"


class _ScriptTimeout(BaseException):
    """Raised by SIGALRM inside an overrunning script; not an Exception, so scripts can't catch it."""


def _can_use_alarm() -> bool:
    """SIGALRM works only on the main thread, and must not steal a timer someone else set."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


class _Main(Block):
    """The main area: callback output (the events root, toasts aside) above the script's."""

    def _nodes(self) -> list[Node]:
        return [self._at._root("events"), self._node]

    @property
    def children(self) -> dict[int, Any]:
        drawn = [n for n in self._at._root("events").children or () if n.type != "toast"]
        drawn += self._node.children or ()
        return {index: wrap(node, self._at) for index, node in enumerate(drawn)}

    def __len__(self) -> int:
        return len(self.children)
