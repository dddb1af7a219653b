"""One htst app at one mount point (`HtstSite`): its routes' handlers.

A request reads as named steps, like Flask's `full_dispatch_request`: read (who asks,
what was posted, which answer it wants) -> apply (`runtime.apply`: posted fields to
validated changes) -> run (a live run on the tab's worker, `server/streaming.py`) ->
answer, with one small function per answer mode: partials, whole page, JSON, stream.
"""

from __future__ import annotations

import json
import logging
import os
import secrets as _secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from flask import Response, redirect, request, url_for

from ..caching.cached import clear_all as clear_caches
from ..caching.cached import use_shared_store
from ..config import Config
from ..errors import InvalidWidgetValue
from ..render import page as render_page
from ..render.html import Renderer
from ..runtime.apply import CLICK, Applied, apply, lookup
from ..runtime.forms import show_pending
from ..runtime.session import Session
from ..runtime.widget_spec import Fields, WidgetSpec
from ..script import app_script
from .http import is_browser_navigation, maybe_gzip, shows_developer_options
from .media import file_response, media_response
from .posted import ATTACH, CLEAR_CACHE, FRAGMENT, HISTORY, PAGE, QUERY, STOP, TAB, read_fields
from .request_info import browser_report, opening_request
from .source_watch import SourceWatch
from .theme_watch import ThemeWatch
from .static_files import asset_response, assets_digest, load_assets
from .streaming import FIRST_LOOK, LiveRun, Runner
from .tabs import Tab, TabStore, check_session_store
from .tokens import COOKIE_NAME, Tokens

log = logging.getLogger("htst.server")
PAGE_FIRST_LOOK = 0.5  # seconds a browser waits for a first run before it gets the page
HTML = "text/html; charset=utf-8"


@dataclass
class Visit:
    """A request as read: its session cookie, its tab, what it posted, the answer it wants."""

    sid: str
    new_cookie: bool
    tab: Tab | None
    fields: Fields
    mode: str  # "json" (?format=json), "partials" (htmx), or "page" (a plain post, curl)


class HtstSite:
    """One app at one mount point: its script, its tabs, its renderer and tokens."""

    def __init__(self, script: str | os.PathLike, config: Config):
        self.config = config
        check_session_store(config)
        self.script = app_script(script, config=config)
        use_shared_store(str(config["server.cacheStore"]))  # caches are per process, as in Streamlit
        media = self.script.media
        self.tabs = TabStore(
            idle_timeout=float(config["server.sessionIdleTimeout"]),
            on_end=lambda tab: tab.session.end(media),  # what only a closed tab showed is freed
        )
        self.renderer = Renderer()
        self.tokens = Tokens(config["server.cookieSecret"] or _secrets.token_hex(32))
        self.theme = ThemeWatch(config)  # [theme] applies without a restart
        self.runner = Runner(self.script, self.renderer, self.theme)
        self.assets = load_assets()
        watching = config["server.fileWatcherType"] in ("poll", "watchdog") and self.script.path is not None
        self.source_watch = SourceWatch(self.script.path) if watching else None  # type: ignore[arg-type]

    def source(self) -> Response:
        """How far the app's source has changed: open tabs ask (htst-dev.js)."""
        if self.source_watch is None:
            return Response("Not watching the source (server.fileWatcherType).", status=404, content_type="text/plain")
        body = {"version": self.source_watch.version(), "runOnSave": bool(self.config["server.runOnSave"])}
        return Response(json.dumps(body), content_type="application/json", headers={"Cache-Control": "no-store"})

    # -- GET / ----------------------------------------------------------------------
    def page(self, path: str = "") -> Response:
        """A page's URL: a new tab (a new session, its first run) with the whole page (or
        its JSON). A no-JS page link carries its tab (`_htst_tab`): that session goes on."""
        if path.split("/", 1)[0] == "_htst":
            return Response("Not found", status=404, content_type="text/plain")  # htst's own routes
        visit = self._read(posted=False)
        # `format=json` selects the answer's format; it is not one of the app's query params.
        pairs = [(k, v) for k, v in request.args.items(multi=True) if (k, v) != ("format", "json") and k != TAB]
        kept = self.tokens.read_tab(request.args.get(TAB), visit.sid) if not visit.new_cookie else None
        tab = self.tabs.get(kept) if kept else None
        if tab is not None:
            visit.tab = tab
            tab.session.query_params.load(pairs)
            live = self._switch_page(tab, path)
        else:
            tab = visit.tab = self._new_tab(visit, pairs)
            tab.session.page = tab.shown_page = path
            live = self.runner.start(tab)
        if visit.mode == "json":
            return self._finish(self._answer_json(visit, live), visit)
        # A browser gets the page as soon as there is something to show and follows the rest
        # of a long run from there; curl and other clients get the finished page.
        finished = live.done.wait(PAGE_FIRST_LOOK if is_browser_navigation() else None)
        # An unknown (or differently spelled) pathname: the address bar shows the page shown.
        moved = finished and tab.session.page != path
        html = self._page_html(visit, live, attach=not finished, address=self._new_url(tab) if moved else None)
        tab.session.query_params.dirty = False
        tab.shown_page = tab.session.page if finished else path
        return self._finish(Response(html, content_type=HTML), visit)

    def _switch_page(self, tab: Tab, path: str, changes: dict[str, Any] | None = None) -> LiveRun:
        """Show another page in this tab's session: its state stays."""
        tab.session.page = path
        return self.runner.start(tab, changes)

    # -- POST /_htst/rerun: read -> apply -> run -> answer ------------------------------
    def rerun(self) -> Response:
        visit = self._read(posted=True)
        if visit.tab is not None:
            visit.tab.session.request_info = browser_report(visit.tab.session.request_info, visit.fields)
        response = self._control(visit)
        if response is None:
            try:
                applied = apply(visit.tab.session.state, visit.fields)  # type: ignore[union-attr]
            except InvalidWidgetValue as exc:
                response = Response(str(exc), status=400, content_type="text/plain; charset=utf-8")
            else:
                response = self._answer(visit, self._run(visit, applied), applied.held)
        return self._finish(response, visit)

    def _run(self, visit: Visit, applied: Applied) -> LiveRun | None:
        """Start the run this post asks for; None when there is nothing to run."""
        tab: Tab = visit.tab  # type: ignore[assignment]
        fields = visit.fields
        page = fields.get(PAGE)
        if page is not None:
            # A page switch (the menu, a page link, Back): the page's own query, and the
            # changes made on the page left behind.
            tab.session.query_params.replace(parse_qsl(fields.get(QUERY) or "", keep_blank_values=True))
            if fields.get(HISTORY):
                tab.shown_page = page  # the browser is there already
            return self._switch_page(tab, page, applied.changes)
        fragment = fields.get(FRAGMENT) or None
        clicked = self._clicked(visit)
        if not (applied.changes or applied.rerun or fragment) and (visit.mode == "partials" or (clicked and clicked.attachment)):
            return None
        return self.runner.start(tab, applied.changes, fragment, interrupt=fragment is None)

    def _read(self, *, posted: bool) -> Visit:
        sid = self.tokens.read_cookie(request.cookies.get(COOKIE_NAME))
        new_cookie = sid is None
        sid = sid or self.tokens.new_id()
        fields = read_fields(request) if posted else Fields()
        tab_id = None if new_cookie else self.tokens.read_tab(fields.get(TAB), sid)
        tab = self.tabs.get(tab_id) if tab_id else None
        if request.args.get("format") == "json":
            mode = "json"
        elif request.headers.get("HX-Request") == "true":
            mode = "partials"
        else:
            mode = "page"
        return Visit(sid, new_cookie, tab, fields, mode)

    def _control(self, visit: Visit) -> Response | None:
        """Posts that are not a run of the script: a lost tab, Stop, Clear cache, following
        a run under way, a fragment's timer while the app runs. None: run the script."""
        tab, fields = visit.tab, visit.fields
        if tab is None:
            return self._restart(visit)
        if fields.get(CLEAR_CACHE):
            if not self._developer():
                return Response("Clear cache is a developer option: see client.toolbarMode.", status=403, content_type="text/plain; charset=utf-8")
            clear_caches()  # as Streamlit's menu: the caches go, the page stays as it is
            return Response(status=204)
        if fields.get(STOP):
            self.runner.cancel(tab)  # the script ends at its next st.* call; its stream sends the end
            return Response(status=204)
        if fields.get(ATTACH):
            # The page was sent while its first run was still going: follow that run.
            return self._answer(visit, tab.painting, None)
        if fields.get(FRAGMENT) and self.runner.busy(tab):
            return Response(status=204)  # a fragment's timer while the app runs: skip this tick
        return None

    def _restart(self, visit: Visit) -> Response:
        """An unknown, expired or forged tab: a fresh session and the whole app, never an error."""
        tab = visit.tab = self._new_tab(visit, ())
        live = self.runner.start(tab)
        live.done.wait()
        if visit.mode == "json":
            return self._answer_json(visit, live)
        context = self._page_context(visit.sid, tab)
        tab.view = render_page.view_of(tab.session.roots)
        tab.shown_chrome = tab.session.chrome
        if visit.mode == "partials":
            return Response(render_page.app_root(self.renderer, tab.session.roots, **context), content_type=HTML)
        return Response(render_page.full_page(self.renderer, tab.session.roots, **context), content_type=HTML)

    # -- answers --------------------------------------------------------------------
    def _answer(self, visit: Visit, live: LiveRun | None, held: dict[str, Any] | None) -> Response:
        if visit.mode == "json":
            return self._answer_json(visit, live)
        if visit.mode == "page":
            return self._answer_page(visit, live, held)
        return self._answer_partials(visit, live)

    def _answer_json(self, visit: Visit, live: LiveRun | None) -> Response:
        """The element tree as JSON, after the run, with the tab token under "tab"."""
        if live is not None:
            live.done.wait()
        tab = visit.tab
        token = self.tokens.tab_token(visit.sid, tab.id)  # type: ignore[union-attr]
        return Response(render_page.tree_json(tab.session.roots, tab=token, page=tab.session.page), content_type="application/json")  # type: ignore[union-attr]

    def _answer_page(self, visit: Visit, live: LiveRun | None, held: dict[str, Any] | None) -> Response:
        """A plain form post (no JavaScript): the whole page after the run, or the file a
        download button's click asks for (the browser then keeps the page)."""
        if live is not None:
            live.done.wait()
        clicked = self._clicked(visit)
        attachment = clicked and clicked.attachment
        if attachment:
            found = self.script.media.get(attachment)
            if found is not None:
                return file_response(found, attachment, request)
        if clicked and clicked.redirect:
            return redirect(clicked.redirect, 303)
        tab: Tab = visit.tab  # type: ignore[assignment]
        self._new_url(tab, "")  # the browser's address is the form's action either way
        if held and tab.session.roots is not None:
            show_pending(tab.session.roots, tab.session.state, held)
        return Response(self._page_html(visit, live), content_type=HTML)

    def _answer_partials(self, visit: Visit, live: LiveRun | None) -> Response:
        """htmx: the changed nodes as partials, or an event stream if the run takes a while."""
        if live is None:
            return Response(status=204)
        if not live.done.wait(FIRST_LOOK):
            page_url = url_for(".page")  # the stream is sent after this request context ends
            events = self.runner.stream(live, lambda tab: (self._moved(tab), self._new_url(tab, page_url)))
            response = Response(events, content_type="text/event-stream; charset=utf-8")
            response.headers["Cache-Control"] = "no-cache"
            response.headers["X-Accel-Buffering"] = "no"  # proxies must not hold the events back
            return response
        body = self.runner.paint(live, final=True)
        if body is None:
            return Response(status=204)  # a newer run answers for the page
        response = Response(body, status=200 if body else 204, content_type=HTML)
        response.headers["X-Htst-Run"] = str(live.number)
        moved = self._moved(live.tab)
        url = self._new_url(live.tab)
        if url is not None:
            # A page switch is a new history entry (Back returns); a query change is not.
            response.headers["HX-Push-Url" if moved else "HX-Replace-Url"] = url
        return response

    # -- helpers ----------------------------------------------------------------------
    def _new_tab(self, visit: Visit, query_pairs: Any) -> Tab:
        tab = Tab(Session(self.script))
        tab.session.query_params.load(query_pairs)
        tab.session.base_url = url_for(".page")
        opened = opening_request(request, tab.session.base_url, self.theme.current().base or "")
        tab.session.request_info = browser_report(opened, visit.fields)  # a lost tab's post says more
        # Page links keep the tab without JS (the token is worth nothing without the cookie).
        tab.session.link_query = urlencode({TAB: self.tokens.tab_token(visit.sid, tab.id)})
        self.tabs.add(tab)
        return tab

    def _page_html(self, visit: Visit, live: LiveRun | None, attach: bool = False, address: str | None = None) -> str:
        """The whole page as the tab shows it now; the tab's view becomes that page.
        `address`: the URL htst.js puts in the address bar (the page shown is not the one
        the URL named)."""
        tab: Tab = visit.tab  # type: ignore[assignment]
        context = self._page_context(visit.sid, tab)
        context["address"] = address

        def render(roots: Any) -> str:
            tab.view = render_page.view_of(roots)
            tab.shown_chrome = tab.session.chrome
            return render_page.full_page(self.renderer, roots, attach=attach, **context)

        if live is None:
            return render(tab.session.roots)
        return self.runner.render_view(live, render)

    def _clicked(self, visit: Visit) -> WidgetSpec | None:
        """The spec of what a plain form post clicked: a download button answers with its
        file (`attachment`), a link button with its address (`redirect`)."""
        if visit.mode != "page" or visit.tab is None:
            return None
        meta = lookup(visit.tab.session.state, visit.fields.get(CLICK) or "")
        if meta is None or meta.disabled:
            return None
        return meta.spec

    @staticmethod
    def _moved(tab: Tab) -> bool:
        """The run went to another page (not back to the main one from an unknown URL)."""
        return tab.session.page != tab.shown_page and tab.session.page_not_found is None

    @staticmethod
    def _new_url(tab: Tab, page_url: str | None = None) -> str | None:
        """The tab's new address when the run changed the page or the query params (once).
        `page_url`: the app's address (default: this request's)."""
        params, page = tab.session.query_params, tab.session.page
        if not params.dirty and page == tab.shown_page:
            return None
        params.dirty = False
        tab.shown_page = page
        query = params.query_string()
        return (page_url if page_url is not None else url_for(".page")) + page + (f"?{query}" if query else "")

    def _urls(self) -> dict[str, str]:
        base = url_for(".page").rstrip("/")
        return {
            "rerun_url": f"{base}/_htst/rerun",
            "close_url": f"{base}/_htst/close",
            "static_url": f"{base}/_htst/static",
            "base_url": f"{base}/",
        }

    def _page_context(self, sid: str, tab: Tab) -> dict[str, Any]:
        return {
            **self._urls(),
            "token": self.tokens.tab_token(sid, tab.id),
            # Without JS the address bar shows the form's action: it keeps the query
            # (bound widgets' values), and a reload of it comes back to the page.
            "query": tab.session.query_params.query_string(),
            **render_page.chrome_context(self.renderer, tab.session.chrome, self.script.name, minimal=self._toolbar() == "minimal"),
            "toolbar": self._toolbar(),
            "developer": self._developer(),
            "asset_version": assets_digest(),
            **self._theme_context(tab),
            "source_version": self.source_watch.version() if self.source_watch is not None else None,
            "run_on_save": bool(self.config["server.runOnSave"]),
        }

    def _toolbar(self) -> str:
        return str(self.config["client.toolbarMode"])

    def _developer(self) -> bool:
        """Whether this request's viewer gets the menu's developer options (Clear cache)."""
        return shows_developer_options(self._toolbar(), request.host)

    def _theme_context(self, tab: Tab) -> dict[str, Any]:
        """The theme for a whole page; the tab shows that version from then on."""
        version, base, css = self.theme.page(self._urls()["base_url"])
        tab.shown_theme = (version, base, bool(css))
        return {"theme_base": base, "theme_css": css}

    def _finish(self, response: Response, visit: Visit) -> Response:
        if visit.new_cookie:
            # Scoped to the mount point: two apps in one site each keep their own cookie
            # (each signs with its own secret) instead of overwriting the other's.
            response.set_cookie(
                COOKIE_NAME, self.tokens.cookie_value(visit.sid), httponly=True, samesite="Lax",
                secure=request.is_secure, path=url_for(".page").rstrip("/") or "/",
            )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers.setdefault("Cache-Control", "no-store")
        # A no-JS page link's address carries the tab token: never send it to other sites.
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return maybe_gzip(response)

    # -- other routes ------------------------------------------------------------------
    def rerun_address(self) -> Response:
        """A no-JS page's address (the form's action) reloaded or shared: the app, with the
        same query, in a new session."""
        query = request.query_string.decode("latin-1")
        return redirect(url_for(".page") + (f"?{query}" if query else ""), 303)

    def media(self, media_id: str) -> Response:
        return media_response(self.script.media, media_id, request)

    def close(self) -> Response:
        sid = self.tokens.read_cookie(request.cookies.get(COOKIE_NAME))
        tab_id = self.tokens.read_tab(request.form.get(TAB), sid)
        tab = self.tabs.get(tab_id) if tab_id else None
        if tab is not None:
            self.runner.cancel(tab)  # nobody is watching: stop the script
            self.tabs.remove(tab.id)
        return Response(status=204)

    def static_file(self, filename: str) -> Response:
        asset = self.assets.get(filename)
        if asset is None:
            return Response("Not found", status=404, content_type="text/plain")
        return asset_response(asset, request)

