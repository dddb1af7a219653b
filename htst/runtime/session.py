"""A session: the state one browser tab (or one AppTest) keeps between runs."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from .chrome import Chrome
from .query_params import QueryParamsState
from .request_info import RequestInfo
from .state import SessionState

if TYPE_CHECKING:
    from .app import AppScript
    from .context import RunControl
    from .nodes import Node


class Session:
    """Session State, query params, and the last run's tree and fragments."""

    def __init__(self, app: AppScript, id: str | None = None):
        self.id = id or secrets.token_urlsafe(16)
        self.state = SessionState(lambda: bool(app.config["runner.enforceSerializableSessionState"]))
        self.query_params = QueryParamsState()
        # st.context: the server fills it from the request that opened the tab (AppTest
        # keeps these empty defaults); the browser's reports replace it as they come.
        self.request_info = RequestInfo()
        self.run_count = 0
        # The run in progress, if any: `active_run.set()` stops it at its next st.* call.
        self.active_run: RunControl | None = None
        # The tree the client shows (the last run's, fragment reruns included): fragment
        # reruns draw into it, and a streaming answer fills in what a run has not redrawn yet.
        self.roots: dict[str, Node] | None = None
        # Fragments the last full run called, by id: what a fragment rerun runs again.
        self.fragments: dict[str, Any] = {}
        # Multipage: the pathname of the page to show (what the URL or a page switch asked
        # for, then the page the last run showed), the last run's pages, and the app's URL
        # (and the query that keeps this tab in no-JS page links), as the server mounts it.
        self.page = ""
        self.navigation: Any = None
        self.page_not_found: str | None = None
        # The page around the app, as the last full run left it (runtime/chrome.py), and
        # what st.set_page_config set that lasts for the session.
        self.chrome = Chrome()
        self.page_config: dict[str, Any] = {}
        self.base_url = "/"
        self.link_query = ""
        # Media store entries the page shows (the last full run's, plus fragment reruns').
        self.media: frozenset[str] = frozenset()

    def show_media(self, store: Any, drawn: set[str], replace: bool) -> None:
        """After a run: the page shows what it drew (a full run), or that too (a fragment
        rerun, or a run cut short); entries no session shows any more are freed."""
        shown = frozenset(drawn) if replace else self.media | drawn
        if shown != self.media:
            store.hold(shown, self.media)
            self.media = shown

    def end(self, store: Any) -> None:
        """The tab is gone: what only it showed is freed."""
        self.show_media(store, set(), True)
