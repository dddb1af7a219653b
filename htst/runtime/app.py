"""An app script: compiled once per file version, run top to bottom for a session."""

from __future__ import annotations

import ast
import builtins
import hashlib
import linecache
import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType
from typing import Any

from ..config import Config
from ..errors import HtstAPIException, ScriptMissing
from ..secrets import Secrets, default_secret_paths
from . import context
from .chrome import settle
from .context import RerunRequested, RunContext, RunControl, ScriptStopped
from .forms import clear_before_rerun, finish_forms
from .fragments import run_body
from .magic import MAGIC_NAME, add_magic
from .media import MediaStore
from .nodes import Node, merge_roots
from .pages import Navigation, Page, directory_pages
from .session import Session

_log = logging.getLogger("htst.script")

MAX_RERUNS = 100  # st.rerun() in every run would otherwise spin forever


@dataclass
class RunResult:
    roots: dict[str, Node]
    reruns: int = 0
    fragment: str | None = None  # set when only this fragment ran
    touched: list[Node] = field(default_factory=list)  # outside containers it drew into


@dataclass(frozen=True)
class RunHooks:
    """What the runtime draws through element commands. The runtime imports no element
    module: whoever builds an AppScript hands these in (`htst.apps.app_script`)."""

    exception: Callable[[BaseException, Any], Any]  # (exception, client.showErrorDetails)
    error: Callable[[str], Any]  # an st.error (a form without its submit button)
    warning: Callable[[str], Any]  # an st.warning (a widget's default and a preset key)
    magic: Callable[[Any, Any], Any]  # what a bare expression on its own line calls
    navigation: Callable[[Any], Any]  # draws a multipage app's menu (a runtime.pages.Navigation)


class AppScript:
    """One app: its script, its config and secrets. Shared by all of its sessions."""

    def __init__(
        self,
        path: str | os.PathLike | None = None,
        *,
        source: str | None = None,
        hooks: RunHooks,
        config: Config | None = None,
        secrets: Secrets | None = None,
        name: str = "app.py",
    ):
        if path is None and source is None:
            raise ValueError("AppScript needs a script path or source")
        self.hooks = hooks
        self.path = Path(path).resolve() if path is not None else None
        self._source = source
        self.name = self.path.name if self.path else name
        self.config = config if config is not None else Config.load()
        cwd, home = Path.cwd(), Path.home()
        self.secrets = secrets if secrets is not None else Secrets.from_paths(default_secret_paths(cwd, home))
        self._file = str(self.path) if self.path else self.name
        # Looked at on every run (a pages/ folder may appear while the app runs): as strings,
        # not pathlib objects, which cost more than the stat itself.
        self._pages_dir = os.path.join(os.path.dirname(self._file), "pages") if self.path else None
        self._compiled: dict[str | None, tuple[Any, CodeType]] = {}  # file (None: source) -> (version, code)
        # Set for good once any session calls st.navigation: the pages/ directory is then
        # ignored (docs 7.3).
        self.uses_navigation = False
        self._compile_lock = threading.Lock()
        self.media = MediaStore()  # downloads and other bytes the page links to
        if self.path is not None:
            folder = str(self.path.parent)
            if folder not in sys.path:
                sys.path.insert(0, folder)  # the script's folder is importable, as in Streamlit

    # -- compiling ----------------------------------------------------------------
    def code(self) -> CodeType:
        """The compiled script, recompiled only when the file (or magic setting) changes."""
        return self._code_of(self.path, self._source)

    def _code_of(self, path: Path | None, source: str | None = None) -> CodeType:
        """A script's code (the entrypoint's, or a page file's), compiled once per version."""
        magic = bool(self.config["runner.magicEnabled"])
        version: Any
        if path is not None:
            try:
                stat = os.stat(self._file if path is self.path else path)
            except FileNotFoundError:
                raise ScriptMissing(
                    f"The script {path} does not exist (deleted or moved while the app runs). "
                    "Put it back and the app runs it again: rerun or reload the page."
                ) from None
            version = (stat.st_mtime_ns, stat.st_size, magic)
        else:
            version = (None, magic)
        slot = str(path) if path is not None else None
        compiled = self._compiled.get(slot)
        if compiled is not None and compiled[0] == version:
            return compiled[1]
        with self._compile_lock:
            source = path.read_text(encoding="utf-8") if path is not None else source
            # A script given as a string is named by its text too: linecache (tracebacks,
            # st.echo, cached functions' source) must not mix up two such scripts.
            filename = str(path) if path is not None else f"<{self.name} {_digest(source or '')}>"
            tree = ast.parse(source or "", filename)
            if magic:
                tree = add_magic(
                    tree,
                    bool(self.config["magic.displayRootDocString"]),
                    display_last_expr=bool(self.config["magic.displayLastExprIfNoSemicolon"]),
                    source=source or "",
                )
            code = compile(tree, filename, "exec", dont_inherit=True)
            if path is None:
                # Tracebacks and st.echo read source lines through linecache.
                lines = (source or "").splitlines(keepends=True)
                linecache.cache[filename] = (len(source or ""), None, lines, filename)
            self._compiled[slot] = (version, code)
            return code

    # -- running ------------------------------------------------------------------
    def run(
        self,
        session: Session,
        changes: dict[str, Any] | None = None,
        *,
        fragment: str | None = None,
        control: RunControl | None = None,
    ) -> RunResult:
        """Apply client changes, run their callbacks, then run the script (reruns included).

        Changes made only to widgets of one fragment (or `fragment=` its id, for a timer)
        rerun just that fragment; anything else runs the whole script. `control` lets the
        caller stop the run or watch it from another thread (a streaming answer). A
        session's runs must not overlap: the caller runs them one after the other (the
        server's per-tab queue; AppTest runs one at a time), so no lock is held here that
        a stuck script could keep.
        """
        session.run_count += 1
        session.page_not_found = None
        state = session.state
        scope = fragment if fragment in session.fragments else self._fragment_of(session, changes)
        ctx = self._context(session, scope, control)
        session.active_run = ctx.control
        with context.activate(ctx):
            if changes:
                with ctx.control.lock:
                    for wid, value in changes.items():
                        state.set_widget_value(wid, value)
                with ctx.control.script.running():
                    targeted = self._run_callbacks(ctx, changes)
                if targeted is not False and targeted != ctx.fragment_run:
                    ctx = self._retarget(session, ctx, targeted)  # type: ignore[arg-type]
            reruns = 0
            completed = cancelled = False
            # What the client must be sent: a nested fragment's own rerun lies inside
            # the fragment rerun that asked for it, and any app rerun covers all.
            widest, touched = ctx.fragment_run, []
            while True:
                try:
                    with ctx.control.script.running():
                        self._run_scope(ctx)
                    state.check_serializable_if_enforced()
                    completed = True
                except RerunRequested as rerun:
                    clear_before_rerun(ctx)
                    state.interrupted_run()
                    reruns += 1
                    if reruns < MAX_RERUNS:
                        # st.rerun() reruns the app; scope="fragment" only the fragment
                        # that asked, as this run just drew it (it may be nested).
                        scope = rerun.fragment if rerun.scope == "fragment" else None
                        if scope is not None:
                            session.fragments = {**session.fragments, **ctx.fragments}
                        widest = widest if scope is not None else None
                        touched.extend(ctx.touched)
                        ctx = self._context(session, scope, ctx.control)
                        context._current.set(ctx)
                        continue
                except ScriptStopped as stopped:
                    cancelled = stopped.cancelled  # by Stop or a newer run, not st.stop()
                except Exception as exc:
                    with ctx.control.lock:
                        self._show_exception(exc)
                break
            if ctx.control.abandoned:
                # Given up while stuck (server/streaming.py): a newer run owns the session.
                return RunResult(ctx.roots, reruns, widest, touched)
            # Only a run that reached the end forgets the widgets it did not draw: after
            # st.stop() or an error, widgets below that point keep their values (as in
            # Streamlit), so fixing the error does not reset the page.
            with ctx.control.lock:
                if completed:
                    finish_forms(ctx)
                    navigation = ctx.navigation or session.navigation  # a fragment rerun declares none
                    shown = navigation.selected.key if navigation is not None and navigation.selected else ""
                    state.finished_run(ctx.fragment_run, shown)
                else:
                    state.interrupted_run()
                if ctx.fragment_run is None:
                    session.navigation = ctx.navigation or session.navigation
                    session.chrome = settle(session.page_config, ctx.chrome)
                if ctx.fragment_run is None and completed:
                    session.fragments = ctx.fragments  # fragments no longer called are gone
                else:
                    session.fragments = {**session.fragments, **ctx.fragments}
                session.show_media(self.media, ctx.media, ctx.fragment_run is None and completed and not cancelled)
                if cancelled and ctx.fragment_run is None and session.roots is not None:
                    # A run stopped from outside leaves what it had not redrawn in place.
                    session.roots = merge_roots(ctx.roots, session.roots)
                else:
                    session.roots = ctx.roots
        session.active_run = None
        touched.extend(ctx.touched)
        return RunResult(session.roots, reruns, widest, touched)

    def _run_callbacks(self, ctx: RunContext, changes: dict[str, Any]) -> str | None | bool:
        """Run the changed widgets' callbacks; what they ask to rerun instead of what the
        interaction reruns: a fragment id, None (the app), or False (nothing different).

        A callback's `st.rerun("<key>")` reruns only the fragments with that key; if
        another callback returns normally or calls `st.rerun()`, the interaction's own
        rerun is wanted too. htst reruns one scope: more than one means the whole app.
        """
        state = ctx.state
        targets: dict[str | None, None] = {}
        default = False
        with ctx.inside(ctx.roots["events"]):
            for wid in changes:
                meta = state.widget_meta(wid)
                ctx.in_callback = True
                try:
                    with ctx.control.lock:
                        state.run_callback(wid)
                    default = default or (meta is not None and meta.callback is not None)
                except RerunRequested as rerun:
                    if rerun.targets:
                        targets.update(dict.fromkeys(rerun.targets))
                    else:
                        default = True
                except ScriptStopped:
                    pass
                except Exception as exc:
                    self._show_exception(exc)
                finally:
                    ctx.in_callback = False
        if not targets:
            return False
        if default:
            targets[ctx.fragment_run] = None
        return next(iter(targets)) if len(targets) == 1 else None

    def _retarget(self, session: Session, ctx: RunContext, scope: str | None) -> RunContext:
        """A new context for the scope the callbacks asked for, keeping what they drew."""
        drawn = list(ctx.roots["events"].children or ())
        ctx = self._context(session, scope, ctx.control)
        context._current.set(ctx)
        with ctx.control.lock:
            ctx.roots["events"].children.extend(drawn)  # type: ignore[union-attr]
        return ctx

    def _fragment_of(self, session: Session, changes: dict[str, Any] | None) -> str | None:
        """The fragment whose widgets all the changes belong to, if there is one."""
        if not changes or session.roots is None:
            return None
        owners = set()
        for wid in changes:
            meta = session.state.widget_meta(wid)
            owners.add(meta.fragment if meta is not None else None)
        owner = owners.pop() if len(owners) == 1 else None
        return owner if owner in session.fragments else None

    def _context(self, session: Session, fragment: str | None, control: Any = None) -> RunContext:
        if fragment is None or session.roots is None:
            ctx = RunContext(self, session)
        else:
            ctx = RunContext(self, session, roots=session.roots)
            ctx.fragment_run = fragment
        if control is not None:
            ctx.control = control
            control.ctx = ctx
        if ctx.fragment_run is not None:
            with ctx.control.lock:
                # Callback output lasts one run, as with a full run's new tree.
                ctx.roots["events"].children.clear()
        return ctx

    def _run_scope(self, ctx: RunContext) -> None:
        if ctx.fragment_run is None:
            self._exec(ctx)
            return
        call = ctx.session.fragments[ctx.fragment_run]
        with ctx.control.lock:
            # Its container is redrawn from empty: repeated reruns do not pile up elements.
            call.node.children.clear()
        run_body(ctx, call)

    def _exec(self, ctx: RunContext) -> None:
        if self._pages_dir is not None and not self.uses_navigation and os.path.isdir(self._pages_dir):
            self._exec_directory_page(ctx)
        else:
            self._exec_file(self.code(), self._file)
        if ctx.navigation is None and ctx.session.page:
            # One page only: a pathname in the URL names nothing (in a session whose
            # earlier runs had pages, the script just stopped declaring them).
            if ctx.session.navigation is None:
                self._page_not_found(ctx, ctx.session.page)
            ctx.session.page = ""

    def _exec_file(self, code: CodeType, file: str) -> None:
        namespace: dict[str, Any] = {
            "__name__": "__main__",
            "__file__": file,
            "__builtins__": builtins,
            MAGIC_NAME: self.hooks.magic,
        }
        exec(code, namespace)

    def _exec_directory_page(self, ctx: RunContext) -> None:
        """The pages/ directory: the entrypoint is the home page, each file another page."""
        assert self.path is not None
        navigation = Navigation(
            [("", directory_pages(self.path, lambda path, default=False: Page(path, default=default)))],
            automatic=True,
        )
        page = self.navigate(ctx, navigation)
        if page.source == self.path:
            self._exec_file(self.code(), self._file)
        else:
            page.run()

    # -- pages --------------------------------------------------------------------
    def navigate(self, ctx: RunContext, navigation: Navigation) -> Page:
        """Declare this run's pages (st.navigation, or the pages/ directory): the page the
        session asked for (or the default one) is the page this run shows."""
        page = navigation.resolve(ctx.session.page)
        ctx.navigation = navigation
        ctx.chrome["page_title"] = page.title
        ctx.session.page = page.url_path
        page._runs = lambda page: self._run_page(ctx, page)
        with ctx.control.lock:
            self.hooks.navigation(navigation)
        if navigation.not_found is not None:
            self._page_not_found(ctx, navigation.not_found)
        return page

    def _run_page(self, ctx: RunContext, page: Page) -> None:
        if ctx.running_page is not None:
            raise HtstAPIException("A page cannot run another page: call `.run()` from the entrypoint file.")
        ctx.running_page, entry_page = page, ctx.page
        ctx.page = page.key  # the same widget on two pages is two widgets
        try:
            if isinstance(page.source, Path):
                self._exec_file(self._code_of(page.source), str(page.source))
            else:
                page.source()
        finally:
            ctx.running_page, ctx.page = None, entry_page

    def _page_not_found(self, ctx: RunContext, pathname: str) -> None:
        ctx.session.page_not_found = pathname
        with ctx.control.lock, ctx.inside(ctx.roots["events"]):
            self.hooks.error(
                f"**Page not found.** You have requested page `/{pathname}`, but no page of this "
                "app has that URL. Running the app's main page."
            )

    def _show_exception(self, exc: BaseException) -> None:
        # Once per uncaught exception, with its traceback, for the developer's terminal.
        if getattr(exc, "show_traceback", True):
            _log.error("Uncaught exception in %s", self.name or "the app script", exc_info=exc)
        else:
            _log.error("%s", exc)
        try:
            self.hooks.exception(exc, self.config["client.showErrorDetails"])
        except ScriptStopped:
            pass  # a cancelled run draws nothing more


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=4).hexdigest()
