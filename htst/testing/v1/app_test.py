"""AppTest: the same runtime the server uses, driven from a test without HTTP."""

from __future__ import annotations

import inspect
import os
import textwrap
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any, Callable

from ...config import Config
from ...runtime.app import AppScript, RunResult
from ...runtime.context import ROOTS
from ...runtime.nodes import Node
from ...runtime.session import Session
from ...runtime.state import SessionStateProxy
from ...secrets import Secrets, default_secret_paths
from .elements import Queryable


class AppTest(Queryable):
    """A simulated app: `run()` executes the script once; element lists read the result."""

    def __init__(self, script_path: str | os.PathLike | None = None, *, source: str | None = None, default_timeout: float = 3, name: str = "app.py"):
        cwd = Path.cwd()
        self.default_timeout = default_timeout
        self.secrets: dict[str, Any] = {}
        self.query_params: dict[str, Any] = {}
        self._config = Config.load(cwd=cwd)
        self._app = AppScript(script_path, source=source, config=self._config, secrets=Secrets.from_dict({}), name=name)
        self._session = Session(self._app)
        self.session_state = SessionStateProxy(lambda: self._session.state)
        self._pending: dict[str, Any] = {}
        self._result: RunResult | None = None
        self._executor: ThreadPoolExecutor | None = None

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
        changes = self._changes()
        self._pending.clear()
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="htst-apptest")
        future = self._executor.submit(self._app.run, self._session, changes)
        try:
            self._result = future.result(timeout=timeout)
        except FutureTimeout:
            if self._session.cancel_run is not None:
                self._session.cancel_run.set()
            raise RuntimeError(f"AppTest script run timed out after {timeout}(s)") from None
        self.query_params = {k: (v[-1] if len(v) == 1 else list(v)) for k, v in self._session.query_params.params.items()}
        return self

    def _changes(self) -> dict[str, Any]:
        """Pending values that differ from what is drawn, checked by the widgets' own codecs."""
        state = self._session.state
        changes = {}
        for wid, value in self._pending.items():
            meta = state.widget_meta(wid)
            if meta is None:
                continue
            raw = meta.serialize(value)
            if meta.trigger or raw != meta.raw:
                changes[wid] = meta.parse(raw)
        return changes

    def _secrets(self) -> Secrets:
        merged: dict[str, Any] = {}
        file_secrets = Secrets.from_paths(default_secret_paths(Path.cwd(), Path.home()), environ=None)
        try:
            merged.update(file_secrets.to_dict())
        except FileNotFoundError:
            if not self.secrets:
                return file_secrets
        merged.update(self.secrets)
        return Secrets.from_dict(merged)

    # -- reading the result ---------------------------------------------------------
    def _nodes(self) -> list[Node]:
        if self._result is None:
            return []
        return [self._result.roots[name] for name in ROOTS]

    def _at_ref(self) -> AppTest:
        return self

    @property
    def main(self) -> Queryable:
        return _Roots(self, ("events", "main"))

    @property
    def sidebar(self) -> Queryable:
        return _Roots(self, ("sidebar",))

    def __repr__(self) -> str:
        return f"AppTest({self._app.name!r})"


class _Roots(Queryable):
    def __init__(self, at: AppTest, names: tuple[str, ...]):
        self._at = at
        self._names = names

    def _nodes(self) -> list[Node]:
        result = self._at._result
        return [result.roots[n] for n in self._names] if result else []

    def _at_ref(self) -> AppTest:
        return self._at



