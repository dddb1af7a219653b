"""An app script: compiled once per file version, run top to bottom for a session."""

from __future__ import annotations

import ast
import builtins
import functools
import linecache
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import CodeType
from typing import Any

from ..config import Config
from ..secrets import Secrets, default_secret_paths
from . import context
from .context import RerunRequested, RunContext, ScriptStopped
from .magic import MAGIC_NAME, add_magic, make_magic
from .media import MediaStore
from .nodes import Node
from .session import Session

MAX_RERUNS = 100  # st.rerun() in every run would otherwise spin forever


@dataclass
class RunResult:
    roots: dict[str, Node]
    reruns: int = 0


@functools.cache
def _magic() -> Any:
    from ..elements.write import is_htst_object, write  # elements import the runtime

    return make_magic(write, is_htst_object)


class AppScript:
    """One app: its script, its config and secrets. Shared by all of its sessions."""

    def __init__(
        self,
        path: str | os.PathLike | None = None,
        *,
        source: str | None = None,
        config: Config | None = None,
        secrets: Secrets | None = None,
        name: str = "app.py",
    ):
        if path is None and source is None:
            raise ValueError("AppScript needs a script path or source")
        self.path = Path(path).resolve() if path is not None else None
        self._source = source
        self.name = self.path.name if self.path else name
        self.config = config if config is not None else Config.load()
        cwd, home = Path.cwd(), Path.home()
        self.secrets = secrets if secrets is not None else Secrets.from_paths(default_secret_paths(cwd, home))
        self._file = str(self.path) if self.path else self.name
        self._compiled: tuple[Any, CodeType] | None = None
        self._compile_lock = threading.Lock()
        self.media = MediaStore()  # downloads and other bytes the page links to
        if self.path is not None:
            folder = str(self.path.parent)
            if folder not in sys.path:
                sys.path.insert(0, folder)  # the script's folder is importable, as in Streamlit

    # -- compiling ----------------------------------------------------------------
    def code(self) -> CodeType:
        """The compiled script, recompiled only when the file (or magic setting) changes."""
        magic = bool(self.config["runner.magicEnabled"])
        version: Any
        if self.path is not None:
            stat = self.path.stat()
            version = (stat.st_mtime_ns, stat.st_size, magic)
        else:
            version = (None, magic)
        compiled = self._compiled
        if compiled is not None and compiled[0] == version:
            return compiled[1]
        with self._compile_lock:
            source = self.path.read_text(encoding="utf-8") if self.path else self._source
            filename = str(self.path) if self.path else f"<{self.name}>"
            tree = ast.parse(source or "", filename)
            if magic:
                tree = add_magic(tree, bool(self.config["magic.displayRootDocString"]))
            code = compile(tree, filename, "exec", dont_inherit=True)
            if self.path is None:
                # Tracebacks and st.echo read source lines through linecache.
                lines = (source or "").splitlines(keepends=True)
                linecache.cache[filename] = (len(source or ""), None, lines, filename)
            self._compiled = (version, code)
            return code

    # -- running ------------------------------------------------------------------
    def run(self, session: Session, changes: dict[str, Any] | None = None) -> RunResult:
        """Apply client changes, run their callbacks, then run the script (reruns included)."""
        with session.lock:
            session.run_count += 1
            ctx = RunContext(self, session)
            session.cancel_run = ctx.cancel
            state = session.state
            with context.activate(ctx):
                if changes:
                    for wid, value in changes.items():
                        state.set_widget_value(wid, value)
                    with ctx.inside(ctx.roots["events"]):
                        for wid in changes:
                            try:
                                state.run_callback(wid)
                            except (RerunRequested, ScriptStopped):
                                pass
                            except Exception as exc:
                                self._show_exception(exc)
                reruns = 0
                completed = False
                while True:
                    try:
                        self._exec(ctx)
                        state.check_serializable_if_enforced()
                        completed = True
                    except RerunRequested:
                        state.interrupted_run()
                        reruns += 1
                        if reruns < MAX_RERUNS:
                            ctx = self._fresh_context(ctx)
                            continue
                    except ScriptStopped:
                        pass  # st.stop(), or a Stop/newer run cancelled this one
                    except Exception as exc:
                        self._show_exception(exc)
                    break
                # Only a run that reached the end forgets the widgets it did not draw: after
                # st.stop() or an error, widgets below that point keep their values (as in
                # Streamlit), so fixing the error does not reset the page.
                if completed:
                    state.finished_run()
                else:
                    state.interrupted_run()
            session.cancel_run = None
        return RunResult(ctx.roots, reruns)

    def _fresh_context(self, old: RunContext) -> RunContext:
        ctx = RunContext(self, old.session)
        ctx.cancel = old.cancel
        context._current.set(ctx)
        return ctx

    def _exec(self, ctx: RunContext) -> None:
        code = self.code()
        namespace: dict[str, Any] = {
            "__name__": "__main__",
            "__file__": self._file,
            "__builtins__": builtins,
            MAGIC_NAME: _magic(),
        }
        exec(code, namespace)

    def _show_exception(self, exc: BaseException) -> None:
        from ..elements.alerts import exception_element

        exception_element(exc, show_details=self.config["client.showErrorDetails"])
