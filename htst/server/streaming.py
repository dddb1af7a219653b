"""Script runs answered while they run.

Each run executes on a worker thread. The request that asked for it waits a moment: a
run that ends by then (most do) is answered with one ordinary response. A longer run is
answered as `text/event-stream` (htmx's hx-sse): every few tens of milliseconds, when the
script has drawn something, the nodes that changed are sent, rendered between two st.*
commands (they hold the run's tree lock), so `st.progress`, `st.empty` rewrites, spinners
and `time.sleep` loops show up as they happen.

A new interaction stops the running script at its next st.* call. A session's runs
happen one after the other, in the order they were asked for, so every change and click
is applied in order and the newest run draws with all of them. Only the newest run may
paint: an older stream stops sending.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from ..render import page as render_page
from ..render.html import Renderer
from ..runtime.app import AppScript, RunResult
from ..runtime.context import RunControl, empty_roots
from ..runtime.nodes import Node, merge_roots
from ..runtime.session import Session
from .tabs import Tab
from .theme_watch import ThemeWatch

log = logging.getLogger("htst.server")

T = TypeVar("T")

FIRST_LOOK = 0.03  # seconds: a run that ends by then gets one ordinary response
FLUSH_EVERY = 0.04  # seconds: then what it drew is sent at most this often
# A cancelled run that has not stopped by GRACE (it never calls st.*) is interrupted in
# its thread, again every GRACE; one still running after ABANDON (stuck in C code) is
# given up, so that its tab's next runs go on on another thread.
GRACE = 0.25
ABANDON = 3.0


class LiveRun:
    """One run of a tab's script on a worker thread; requests wait on or stream it."""

    def __init__(self, tab: Tab, number: int, changes: dict[str, Any], fragment: str | None):
        self.tab = tab
        self.number = number
        self.changes = changes
        self.fragment = fragment
        self.control = RunControl()
        self.done = threading.Event()
        self.result: RunResult | None = None


class Runner:
    """Starts live runs for one app and turns them into answers."""

    def __init__(self, script: AppScript, renderer: Renderer, theme: ThemeWatch | None = None):
        self.script = script
        self.renderer = renderer
        self.theme = theme  # a rerun answer carries a theme changed in config.toml
        # Threads are made as runs need them and reused; a long run holds one.
        self._pool = ThreadPoolExecutor(max_workers=256, thread_name_prefix="htst-run")
        self.interrupted = 0  # runs stopped by an exception raised in their thread
        self.abandoned = 0  # runs given up while stuck; their threads are lost until they wake

    # -- starting -----------------------------------------------------------------
    def start(self, tab: Tab, changes: dict[str, Any] | None = None, fragment: str | None = None, *, interrupt: bool = True) -> LiveRun:
        """Queue a run with these changes; the newest run is the one that paints.

        `interrupt` (a user's interaction): the running script, and runs still waiting,
        stop at their next st.* call. Runs keep their order, so every change and every
        click's callback is applied, in order, before the newest run draws the page.
        """
        with tab.live_lock:
            if interrupt:
                for waiting in tab.queued:
                    waiting.control.set()
                self.cancel(tab)
            tab.live_count += 1
            live = LiveRun(tab, tab.live_count, dict(changes or {}), fragment)
            tab.queued.append(live)
            tab.painting = live
            if not tab.working:
                tab.working = True
                self._pool.submit(self._work, tab)
        return live

    def cancel(self, tab: Tab) -> None:
        """Stop the tab's running script: at its next st.* call, or, if it does not get
        there (`while True: pass`), by an exception raised in its thread."""
        live = tab.running
        if live is None or live.control.cancelled:
            return
        live.control.set()
        self._watch(tab, live, time.monotonic(), GRACE)

    def _watch(self, tab: Tab, live: LiveRun, since: float, delay: float) -> None:
        timer = threading.Timer(delay, self._enforce, (tab, live, since))
        timer.daemon = True
        timer.start()

    def _enforce(self, tab: Tab, live: LiveRun, since: float) -> None:
        """A cancelled run still going after GRACE: interrupt it; after ABANDON, give it up.

        An abandoned run's thread is still told to stop, less often, until it leaves the
        script (the exception fires when its C call returns).
        """
        control = live.control
        if not control.script.busy or (live.done.is_set() and not control.abandoned):
            return
        if control.script.interrupt():
            self.interrupted += 1
        if not control.abandoned and time.monotonic() - since >= ABANDON:
            self._abandon(tab, live)
        self._watch(tab, live, since, 1.0 if control.abandoned else GRACE)

    def _abandon(self, tab: Tab, live: LiveRun) -> None:
        control = live.control
        control.abandoned = True
        self.abandoned += 1
        thread = control.script.ident()
        frame = sys._current_frames().get(thread) if thread is not None else None
        where = "".join(traceback.format_stack(frame)[-3:]) if frame is not None else "(unknown)\n"
        log.warning(
            "htst: gave up a cancelled run that did not stop within %.0f s (stuck in C code?); "
            "its thread is lost until it returns (%d so far). It was at:\n%s", ABANDON, self.abandoned, where,
        )
        with tab.live_lock:
            if tab.session.active_run is control:
                tab.session.active_run = None
            tab.running = None
            # As after any interrupted run: its clicks are spent, its widgets kept.
            tab.session.state.interrupted_run()
            live.done.set()  # its requests answer now; a newer run paints the page
            # The tab's worker is the stuck thread: its queue goes on on a new one.
            tab.working = bool(tab.queued)
            if tab.working:
                self._pool.submit(self._work, tab)

    def busy(self, tab: Tab) -> bool:
        with tab.live_lock:
            return bool(tab.queued) or tab.session.active_run is not None

    def _work(self, tab: Tab) -> None:
        """Run the tab's queued runs one after the other."""
        session = tab.session
        while True:
            with tab.live_lock:
                if not tab.queued:
                    tab.working = False
                    return
                live = tab.queued.popleft()
                tab.running = live
                session.active_run = live.control  # a new interaction can stop it from now on
            try:
                live.result = self.script.run(session, live.changes, fragment=live.fragment, control=live.control)
            except BaseException:  # a bug in htst itself: the request must not hang
                log.exception("htst: a script run failed outside the script")
            finally:
                live.control.ctx = None  # the finished run's context is not kept with the tab
                live.done.set()
            if live.control.abandoned:
                return  # given up while stuck: another worker has taken over the tab
            with tab.live_lock:
                tab.running = None

    # -- painting -----------------------------------------------------------------
    def paint(self, live: LiveRun, *, final: bool) -> str | None:
        """Partials for what changed since the client's last view; None if a newer run paints.

        Mid-run, only when the script drew something since the last look; what it has
        not redrawn yet stays as the client shows it.
        """
        tab = live.tab
        session = tab.session
        with tab.live_lock:
            if tab.painting is not live:
                return None
            if final:
                result = live.result
                if result is None:
                    return ""
                only = self._subtrees(session, result.fragment, result.touched, result.roots)
                html = render_page.partials(self.renderer, result.roots, tab.view, only)
                if session.chrome != tab.shown_chrome:
                    tab.shown_chrome = session.chrome
                    html += render_page.chrome_partials(
                        self.renderer, session.chrome, self.script.name, minimal=self.script.config["client.toolbarMode"] == "minimal"
                    )
                if self.theme is not None:
                    theme_html, tab.shown_theme = self.theme.partial(tab.shown_theme, session.base_url)
                    html += theme_html
                return html
            control = live.control
            if not control.dirty or control.ctx is None:
                return ""
            with control.lock:  # the script is between two st.* commands
                control.dirty = False
                ctx = control.ctx
                if ctx is None:
                    return ""
                if ctx.fragment_run is not None:
                    only = self._subtrees(session, ctx.fragment_run, ctx.touched, ctx.roots)
                    return render_page.partials(self.renderer, ctx.roots, tab.view, only)
                return render_page.partials(self.renderer, merge_roots(ctx.roots, session.roots), tab.view)

    def render_view(self, live: LiveRun, render: Callable[[dict[str, Node]], T]) -> T:
        """Render what the page shows now: the finished tree, or the run so far over the last."""
        tab = live.tab
        session = tab.session
        with tab.live_lock:
            if live.done.is_set():
                return render(session.roots or empty_roots())
            with live.control.lock:
                ctx = live.control.ctx
                if ctx is None:
                    return render(session.roots or empty_roots())
                return render(merge_roots(ctx.roots, session.roots))

    @staticmethod
    def _subtrees(session: Session, fragment: str | None, touched: list[Node], roots: dict[str, Node]) -> list[Node] | None:
        """What a fragment rerun can have changed: its container, containers it wrote to, events."""
        call = session.fragments.get(fragment) if fragment else None
        if call is None:
            return None
        return [roots["events"], call.node, *touched]

    def stream(self, live: LiveRun, url_update: Any = None) -> Iterator[str]:
        """The run as server-sent events: partials as they change, then the final state.

        `url_update(tab)` returns (a new history entry?, the page URL) when the run changed
        the page or the query params.
        """
        # hx-sse holds the app form's request queue until this event: the next
        # interaction must reach the server while this run is still going.
        yield "event: hx:release\ndata:\n\n"
        yield f"event: htst:running\ndata: {live.number}\n\n"
        while not live.done.wait(FLUSH_EVERY):
            html = self.paint(live, final=False)
            if html is None:
                return  # a newer run paints from now on
            if html:
                yield sse_data(html)
        html = self.paint(live, final=True)
        if html is None:
            return
        if html:
            yield sse_data(html)
        moved, url = url_update(live.tab) if url_update is not None else (False, None)
        if url:
            yield f"event: {'htst:push-url' if moved else 'htst:url'}\ndata: {url}\n\n"
        yield f"event: htst:done\ndata: {live.number}\n\n"


def sse_data(html: str) -> str:
    """One unnamed SSE message (swapped by htmx); every line of the HTML gets a `data:`."""
    return "".join(f"data: {line}\n" for line in html.split("\n")) + "\n"

