"""Real-browser fixtures: headless Chromium (Debian's) driving an app served by waitress.

`serve_app(source)` writes the script to `tmp_path`, serves it on a free 127.0.0.1 port in
a background thread and returns a `Served` with its URL and a count of rerun requests.
"""

from __future__ import annotations

import io
import os
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from accessibility import Timing, violations

import htst
from htst.config import Config
from htst.server.serve import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # camera_input / audio_input: Chromium's fake camera (a test pattern) and microphone
    # (a beep), granted without a prompt.
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
]
# Playwright waits this long (ms) for a locator or an assertion before failing.
TIMEOUT_MS = 5_000


@dataclass
class Served:
    """A running app: its URL and what the server has been asked so far."""

    url: str
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _reruns: int = 0

    @property
    def reruns(self) -> int:
        """POSTs to /_htst/rerun received so far (counted as they arrive)."""
        with self._lock:
            return self._reruns

    def wait_for_reruns(self, n: int, timeout: float = TIMEOUT_MS / 1000) -> None:
        """Block until the server has received `n` reruns; fail if it gets more or too few.

        It sleeps without pumping Playwright's events, so it cannot wait for a request that
        a Python `page.route()` handler has yet to let through.
        """
        deadline = time.monotonic() + timeout
        while self.reruns < n and time.monotonic() < deadline:
            time.sleep(0.01)
        assert self.reruns == n, f"expected {n} rerun requests, the server got {self.reruns}"

    def count_rerun(self) -> None:
        with self._lock:
            self._reruns += 1


def _counting(served: Served, wsgi_app: Callable[..., Any]) -> Callable[..., Any]:
    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ["REQUEST_METHOD"] == "POST" and environ["PATH_INFO"].endswith("/_htst/rerun"):
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            environ["wsgi.input"] = io.BytesIO(body)
            # Following a first run that outlasted the page load is not a rerun.
            if b"_htst_attach" not in body:
                served.count_rerun()
        return wsgi_app(environ, start_response)

    return app


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def serve_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str], Served]]:
    # Config.load() reads ./.htst/config.toml: run from an empty folder so a developer's
    # own settings never leak into the tests.
    monkeypatch.chdir(tmp_path)
    servers: list[tuple[Any, threading.Thread]] = []

    def serve(source: str, name: str = "app.py") -> Served:
        script = tmp_path / name
        script.write_text(textwrap.dedent(source), encoding="utf-8")
        config = Config.load().with_overrides({"server.port": 0, "server.address": "127.0.0.1"})
        app = htst.create_app(script, config=config)
        server = make_server(app, config)
        served = Served(url=f"http://127.0.0.1:{server.effective_port}/")
        app.wsgi_app = _counting(served, app.wsgi_app)  # type: ignore[method-assign]
        thread = threading.Thread(target=server.run, name=f"waitress-{name}", daemon=True)
        thread.start()
        servers.append((server, thread))
        return served

    yield serve
    for server, thread in servers:
        server.task_dispatcher.shutdown()  # lets a running request finish first
        _stop(server)
        thread.join(timeout=5)


def _stop(server: Any) -> None:
    """Close the listener and every open connection from inside waitress's own loop thread,
    so `run()` returns at once instead of serving the browser's keep-alive sockets."""

    def close_all() -> None:
        for dispatcher in list(server._map.values()):
            dispatcher.close()

    try:
        server.trigger.pull_trigger(close_all)
    except OSError:
        # The loop has already ended and closed its trigger (seen once in CI, in teardown
        # only): close what is left from here.
        close_all()


# The pages a test opened (and whether they run JavaScript), for the accessibility check
# that follows it.
OPEN_PAGES = pytest.StashKey[list[tuple[Any, bool]]]()
AXE_TIMING = pytest.StashKey[Timing]()


@pytest.fixture
def new_page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Callable[..., Any]]:
    """`new_page(**context_options)`: a page in a fresh browser context (its own cookies),
    closed after the test. `new_page(java_script_enabled=False)` is a no-JS browser."""
    contexts: list[Any] = []
    pages = request.node.stash.setdefault(OPEN_PAGES, [])

    def make(**options: Any) -> Any:
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        pages.append((page, options.get("java_script_enabled", True)))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Any]) -> Any:
    return new_page()


@pytest.fixture
def wait_idle() -> Callable[[Any], None]:
    """`wait_idle(page)` returns once no rerun is in flight: htst.js sets aria-busy on
    #htst-root from the first request until the last answer of a queue is swapped in, and
    data-htst-running while a streamed run goes on."""

    def wait(page: Any) -> None:
        page.wait_for_function(
            "(r => !r.hasAttribute('aria-busy') && !r.hasAttribute('data-htst-running'))"
            "(document.getElementById('htst-root'))"
        )

    return wait


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After a browser test passes, axe-core checks every page it left open, in the light
    and the dark theme: a serious or critical violation fails the test. A test that shows
    something broken on purpose says so, and why: `@pytest.mark.axe_exempt(reason="...")`
    skips the check, `axe_exempt(reason="...", rules=["rule-id"])` only those axe rules."""
    result = yield  # a failing test fails as it is, unchecked
    exempt = item.get_closest_marker("axe_exempt")
    skip: tuple[str, ...] = ()
    if exempt is not None:
        assert exempt.kwargs.get("reason"), "axe_exempt needs a reason=..."
        if "rules" not in exempt.kwargs:
            return result
        skip = tuple(exempt.kwargs["rules"])
    timing = item.config.stash.setdefault(AXE_TIMING, Timing())
    found = [v for page, js in item.stash.get(OPEN_PAGES, []) for v in violations(page, timing, scripted=js, skip=skip)]
    if found:
        pytest.fail("axe-core: serious or critical accessibility violations\n" + "\n".join(found), pytrace=False)
    return result


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    timing = config.stash.get(AXE_TIMING, None)
    if timing and timing.pages:
        terminalreporter.write_line(
            f"axe-core: {timing.pages} pages checked in both themes, {timing.seconds:.1f} s"
        )
