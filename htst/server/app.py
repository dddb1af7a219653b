"""Mount an htst app in Flask: `blueprint(script)` for an existing site, `create_app(script)`."""

from __future__ import annotations

import gzip
import itertools
import logging
import os
import secrets as _secrets
from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, Response, request, url_for

from ..caching.cached import clear_all as clear_caches
from ..caching.cached import use_shared_store
from ..config import Config
from ..errors import InvalidWidgetValue
from ..render import page as render_page
from ..render.html import Renderer
from ..runtime.app import AppScript
from ..runtime.forms import show_pending
from ..runtime.session import MemoryStore, Session
from ..version import __version__
from .form import ATTACH, CLEAR_CACHE, CLICK, FRAGMENT, STOP, read_changes
from .media import file_response, media_response
from .static_files import asset_response, load_assets
from .streaming import FIRST_LOOK, LiveRun, Runner
from .tokens import COOKIE_NAME, Tokens

log = logging.getLogger("htst.server")
_names = itertools.count(1)
_GZIP_MIN = 1024
PAGE_FIRST_LOOK = 0.5  # seconds a browser waits for a first run before it gets the page


class HtstSite:
    """One app at one mount point: its script, its sessions, its renderer and tokens."""

    def __init__(self, script: str | os.PathLike, config: Config):
        self.config = config
        self.script = AppScript(script, config=config)
        use_shared_store(str(config["server.cacheStore"]))  # caches are per process, as in Streamlit
        self.store = MemoryStore(idle_timeout=float(config["server.sessionIdleTimeout"]))
        self.renderer = Renderer()
        self.tokens = Tokens(config["server.cookieSecret"] or _secrets.token_hex(32))
        self.runner = Runner(self.script, self.renderer)
        self.assets = load_assets()
        self.theme_css = _theme_css(config)  # config is fixed for the app's lifetime

    # -- helpers ------------------------------------------------------------------
    def _urls(self) -> dict[str, str]:
        base = url_for(".page").rstrip("/")
        return {
            "rerun_url": f"{base}/_htst/rerun",
            "close_url": f"{base}/_htst/close",
            "static_url": f"{base}/_htst/static",
        }

    def _session_id(self) -> tuple[str, bool]:
        sid = self.tokens.read_cookie(request.cookies.get(COOKIE_NAME))
        return (sid, False) if sid else (self.tokens.new_id(), True)

    def _new_session(self, query_pairs: Any) -> Session:
        session = Session(self.script)
        session.query_params.load(query_pairs)
        self.store.add(session)
        return session

    def _page_context(self, sid: str, session: Session) -> dict[str, Any]:
        return {
            **self._urls(),
            "token": self.tokens.tab_token(sid, session.id),
            "page_title": Path(self.script.name).stem.replace("_", " "),
            "asset_version": __version__,
            "theme_base": self.config["theme.base"] or "light",
            "theme_css": self.theme_css,
        }

    def _finish(self, response: Response, sid: str, new_cookie: bool) -> Response:
        if new_cookie:
            # Scoped to the mount point: two apps in one site each keep their own cookie
            # (each signs with its own secret) instead of overwriting the other's.
            response.set_cookie(
                COOKIE_NAME, self.tokens.cookie_value(sid), httponly=True, samesite="Lax",
                secure=request.is_secure, path=url_for(".page").rstrip("/") or "/",
            )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers.setdefault("Cache-Control", "no-store")
        return _maybe_gzip(response)

    # -- views --------------------------------------------------------------------
    def page(self, path: str = "") -> Response:
        sid, new_cookie = self._session_id()
        # `format=json` selects the answer's format; it is not one of the app's query params.
        pairs = [(k, v) for k, v in request.args.items(multi=True) if (k, v) != ("format", "json")]
        session = self._new_session(pairs)
        live = self.runner.start(session)
        if request.args.get("format") == "json":
            live.done.wait()
            body = render_page.tree_json(session.roots, tab=self.tokens.tab_token(sid, session.id))
            return self._finish(Response(body, content_type="application/json"), sid, new_cookie)
        # A browser gets the page as soon as there is something to show and follows the rest
        # of a long run from there; curl and other clients get the finished page.
        finished = live.done.wait(PAGE_FIRST_LOOK if _is_browser_navigation() else None)
        context = self._page_context(sid, session)
        html = self.runner.render_view(
            live, lambda roots: render_page.full_page(self.renderer, roots, session, attach=not finished, **context)
        )
        session.query_params.dirty = False
        return self._finish(Response(html, content_type="text/html; charset=utf-8"), sid, new_cookie)

    def rerun(self) -> Response:
        sid, new_cookie = self._session_id()
        form = request.form
        tab_id = None if new_cookie else self.tokens.read_tab(form.get("_htst_tab"), sid)
        session = self.store.get(tab_id) if tab_id else None
        wants_json = request.args.get("format") == "json"
        is_htmx = request.headers.get("HX-Request") == "true"
        if session is None:
            # Unknown, expired or forged tab: a fresh session and the whole app, never an error.
            session = self._new_session(())
            result = self.script.run(session)
            return self._finish(self._whole(result.roots, session, sid, wants_json, is_htmx), sid, new_cookie)
        if form.get(CLEAR_CACHE):
            clear_caches()  # as Streamlit's menu: the caches go, the page stays as it is
            return self._finish(Response(status=204), sid, new_cookie)
        if form.get(STOP):
            stop = session.active_run
            if stop is not None:
                stop.set()  # the script ends at its next st.* call; its stream sends the end
            return self._finish(Response(status=204), sid, new_cookie)
        if form.get(ATTACH):
            # The page was sent while its first run was still going: follow that run.
            live = session.painting
            return self._finish(self._answer(live, session, sid, wants_json, is_htmx), sid, new_cookie)
        fragment = form.get(FRAGMENT) or None
        if fragment and self.runner.busy(session):
            # A fragment's timer while the app runs: skip this tick, don't stop the run.
            return self._finish(Response(status=204), sid, new_cookie)
        try:
            changes, rerun_asked, held = read_changes(session.state, form, request.files)
        except InvalidWidgetValue as exc:
            return self._finish(Response(str(exc), status=400, content_type="text/plain; charset=utf-8"), sid, new_cookie)
        download = None if is_htmx or wants_json else self._clicked_download(session)
        if is_htmx and not wants_json and not changes and not rerun_asked and not fragment:
            return self._finish(Response(status=204), sid, new_cookie)
        if download is not None:
            # A download button posted without JavaScript: run the click (unless
            # on_click="ignore"), then answer with the file; the browser keeps the page.
            if changes or rerun_asked:
                self.runner.start(session, changes).done.wait()
            return download
        live = self.runner.start(session, changes, fragment, interrupt=fragment is None)
        return self._finish(self._answer(live, session, sid, wants_json, is_htmx, held), sid, new_cookie)

    def _answer(
        self, live: LiveRun | None, session: Session, sid: str, wants_json: bool, is_htmx: bool,
        held: dict[str, Any] | None = None,
    ) -> Response:
        """A run's answer: partials (streamed if the run takes a while), the page, or JSON."""
        page_url = url_for(".page")

        def new_url(session: Session) -> str | None:
            if not session.query_params.dirty:
                return None
            session.query_params.dirty = False
            query = session.query_params.query_string()
            return page_url + (f"?{query}" if query else "")

        if live is not None and (wants_json or not is_htmx):
            live.done.wait()  # curl and plain forms get the final result in one response
        if wants_json:
            return Response(render_page.tree_json(session.roots, tab=self.tokens.tab_token(sid, session.id)), content_type="application/json")
        if not is_htmx:
            new_url(session)  # the browser's address is the form's action either way
            if held and live is not None and session.roots is not None:
                show_pending(session.roots, session.state, held)
            html = self.runner.render_view(live, lambda roots: render_page.full_page(self.renderer, roots, session, **self._page_context(sid, session))) if live else ""
            return Response(html, content_type="text/html; charset=utf-8")
        if live is None or live.done.wait(FIRST_LOOK):
            if live is not None:
                body = self.runner.paint(live, final=True)
            else:
                body = render_page.partials(self.renderer, session.roots, session) if session.roots else ""
            if body is None:
                return Response(status=204)  # a newer run answers for the page
            response = Response(body, status=200 if body else 204, content_type="text/html; charset=utf-8")
            if live is not None:
                response.headers["X-Htst-Run"] = str(live.number)
            url = new_url(session)
            if url is not None:
                response.headers["HX-Replace-Url"] = url
            return response
        response = Response(self.runner.stream(live, new_url), content_type="text/event-stream; charset=utf-8")
        response.headers["Cache-Control"] = "no-cache"
        response.headers["X-Accel-Buffering"] = "no"  # proxies must not hold the events back
        return response

    def _whole(self, roots: Any, session: Session, sid: str, wants_json: bool, is_htmx: bool) -> Response:
        context = self._page_context(sid, session)
        if wants_json:
            return Response(render_page.tree_json(roots, tab=context["token"]), content_type="application/json")
        if is_htmx:
            body = render_page.full_page(self.renderer, roots, session, template="app.html", **context)
            return Response(f'<hx-partial hx-target="#htst-root" hx-swap="outerHTML">{body}</hx-partial>', content_type="text/html; charset=utf-8")
        return Response(render_page.full_page(self.renderer, roots, session, **context), content_type="text/html; charset=utf-8")

    def _clicked_download(self, session: Session) -> Response | None:
        """The file a plain-form download click asks for (the one its page showed)."""
        meta = session.state.widget_meta(request.form.get(CLICK) or "")
        if meta is None or meta.type != "download_button" or meta.extra.get("disabled"):
            return None
        media_id = meta.extra["media_id"]
        found = self.script.media.get(media_id)
        return None if found is None else file_response(found, media_id, request)

    def media(self, media_id: str) -> Response:
        return media_response(self.script.media, media_id, request)

    def close(self) -> Response:
        sid = self.tokens.read_cookie(request.cookies.get(COOKIE_NAME))
        tab_id = self.tokens.read_tab(request.form.get("_htst_tab"), sid)
        session = self.store.get(tab_id) if tab_id else None
        if session is not None:
            if session.active_run is not None:
                session.active_run.set()  # nobody is watching: stop the script
            self.store.remove(session.id)
        return Response(status=204)

    def static_file(self, filename: str) -> Response:
        asset = self.assets.get(filename)
        if asset is None:
            return Response("Not found", status=404, content_type="text/plain")
        return asset_response(asset, request)


def blueprint(script: str | os.PathLike, *, config: Config | None = None, name: str | None = None, **options: Any) -> Blueprint:
    """A Flask blueprint serving the app; mount it with `register_blueprint(bp, url_prefix=...)`.

    `options` are config overrides by dotted name, e.g. `**{"runner.magicEnabled": False}`.
    """
    config = config or Config.load()
    if options:
        config = config.with_overrides(options)
    site = HtstSite(script, config)
    bp = Blueprint(name or f"htst_{Path(script).stem}_{next(_names)}", __name__)
    bp.add_url_rule("/", "page", site.page, methods=["GET"])
    bp.add_url_rule("/_htst/rerun", "rerun", site.rerun, methods=["POST"])
    bp.add_url_rule("/_htst/close", "close", site.close, methods=["POST"])
    bp.add_url_rule("/_htst/health", "health", lambda: Response("ok", content_type="text/plain"), methods=["GET"])
    bp.add_url_rule("/_htst/static/<path:filename>", "static_file", site.static_file, methods=["GET"])
    bp.add_url_rule("/_htst/media/<media_id>", "media", site.media, methods=["GET"])
    bp.register_error_handler(413, _too_large)
    limit = _megabytes(config["server.maxUploadSize"])
    field_limit = _megabytes(config["server.maxMessageSize"])

    @bp.before_request
    def _limit_body() -> None:
        # The mount's own limits, so a host site's other routes keep theirs. Without the
        # field limit, Flask's MAX_FORM_MEMORY_SIZE (500 kB) refuses a long text value
        # that htmx posts as multipart.
        request.max_content_length = limit
        request.max_form_memory_size = field_limit
        # Templates link media under the mount point (the same for every request).
        site.renderer.env.globals["media_base"] = url_for(".page").rstrip("/") + "/_htst/media"

    bp.htst_site = site  # type: ignore[attr-defined]
    return bp


def _megabytes(value: Any) -> int:
    return int(float(value) * 1024 * 1024)


def _too_large(_error: Exception) -> Response:
    """A 413 that names the limit it hit: Werkzeug raises the same error for each."""
    # Plain text, like the other bad-input answers: a curl user reads it as it is.
    limit, field_limit = request.max_content_length, request.max_form_memory_size
    length = request.content_length

    def mb(n: int | None) -> str:
        return f" of {n / (1024 * 1024):g} MB" if n else ""

    body = f"it is over the limit{mb(limit)} (server.maxUploadSize)"
    field = f"one field is over the limit{mb(field_limit)} (server.maxMessageSize)"
    if length is None:
        message = f"Request too large: {body}, or {field}."  # sent chunked: either may apply
    elif limit is not None and length > limit:
        message = f"Request body too large: {body}."
    elif field_limit is not None and length > field_limit:
        message = f"Request field too large: {field}."
    else:
        # Neither size was reached: the form had more parts than Werkzeug parses.
        message = f"Request has too many form fields (over {request.max_form_parts})."
    return Response(message, status=413, content_type="text/plain; charset=utf-8")


def create_app(script: str | os.PathLike, *, config: Config | None = None, **options: Any) -> Flask:
    """A Flask app serving one htst script at `server.baseUrlPath` (what `htst run` serves)."""
    config = config or Config.load()
    if options:
        config = config.with_overrides(options)
    app = Flask("htst")
    app.config["MAX_CONTENT_LENGTH"] = _megabytes(config["server.maxUploadSize"])
    base = "/" + str(config["server.baseUrlPath"]).strip("/")
    app.register_blueprint(blueprint(script, config=config), url_prefix=None if base == "/" else base)
    return app


def _maybe_gzip(response: Response) -> Response:
    if (
        response.direct_passthrough
        or response.is_streamed
        or response.status_code != 200
        or "Content-Encoding" in response.headers
        or "gzip" not in request.headers.get("Accept-Encoding", "")
    ):
        return response
    body = response.get_data()
    if len(body) < _GZIP_MIN:
        return response
    response.set_data(gzip.compress(body, 6))
    response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    return response


def _is_browser_navigation() -> bool:
    """A browser loading the page (it sends Sec-Fetch-Mode); curl and test clients do not."""
    return request.headers.get("Sec-Fetch-Mode") == "navigate"


def _theme_css(config: Config) -> str:
    names = {
        "primaryColor": "--htst-primary",
        "backgroundColor": "--htst-bg",
        "secondaryBackgroundColor": "--htst-bg2",
        "textColor": "--htst-text",
    }
    rules = [f"{var}:{config['theme.' + opt]}" for opt, var in names.items() if config["theme." + opt]]
    font = config["theme.font"]
    if font:
        family = {"serif": "serif", "monospace": "monospace"}.get(font, "system-ui, sans-serif")
        rules.append(f"--htst-font:{family}")
    return ":root{" + ";".join(rules) + "}" if rules else ""
