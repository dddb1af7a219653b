"""Mount an htst app in Flask: `blueprint(script)` for an existing site, `create_app(script)`."""

from __future__ import annotations

import itertools
import logging
import os
from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, Response, request, url_for

from ..config import Config
from .app import HtstSite
from .app_static import static_response
from .http import megabytes, too_large

_names = itertools.count(1)
_log = logging.getLogger("htst.server")


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
    bp.add_url_rule("/_htst/rerun", "rerun_address", site.rerun_address, methods=["GET"])
    bp.add_url_rule("/_htst/close", "close", site.close, methods=["POST"])
    bp.add_url_rule("/_htst/health", "health", lambda: Response("ok", content_type="text/plain"), methods=["GET"])
    bp.add_url_rule("/_htst/static/<path:filename>", "static_file", site.static_file, methods=["GET"])
    bp.add_url_rule("/_htst/media/<media_id>", "media", site.media, methods=["GET"])
    bp.add_url_rule("/_htst/source", "source", site.source, methods=["GET"])
    static_folder = (site.script.path.parent if site.script.path is not None else Path.cwd()) / "static"
    serving = bool(config["server.enableStaticServing"])

    def app_static(filename: str) -> Response:
        return static_response(static_folder, filename, serving, request)

    def static_or_page(path: str) -> Response:
        # `app/static//etc/passwd` escapes the rule below (a path part cannot start with
        # "/") and would show the app's page: it is a static-file request all the same.
        return app_static(path.removeprefix("app/static/")) if path.startswith("app/static/") else site.page(path)

    bp.add_url_rule("/<path:path>", "page_at", static_or_page, methods=["GET"])
    bp.add_url_rule("/app/static/<path:filename>", "app_static", app_static, methods=["GET"])
    bp.register_error_handler(413, too_large)
    limit = megabytes(config["server.maxUploadSize"])
    field_limit = megabytes(config["server.maxMessageSize"])

    media_root: list[str | None] = [None]

    @bp.before_request
    def _limit_body() -> None:
        # The mount's own limits, so a host site's other routes keep theirs. Without the
        # field limit, Flask's MAX_FORM_MEMORY_SIZE (500 kB) refuses a long text value
        # that htmx posts as multipart.
        request.max_content_length = limit
        request.max_form_memory_size = field_limit
        # Templates link media under the mount point (the same for every request but
        # behind a proxy that forwards another prefix).
        if media_root[0] != request.script_root:
            media_root[0] = request.script_root
            site.renderer.env.globals["media_base"] = url_for(".page").rstrip("/") + "/_htst/media"

    @bp.after_request
    def _log_request(response: Response) -> Response:
        if _log.isEnabledFor(logging.DEBUG):  # logger.level = "debug"
            _log.debug("%s %s -> %s (%s bytes)", request.method, request.full_path.rstrip("?"), response.status_code, response.content_length)
        return response

    bp.htst_site = site  # type: ignore[attr-defined]
    return bp


def create_app(script: str | os.PathLike, *, config: Config | None = None, **options: Any) -> Flask:
    """A Flask app serving one htst script at `server.baseUrlPath` (what `htst run` serves)."""
    config = config or Config.load()
    if options:
        config = config.with_overrides(options)
    app = Flask("htst", static_folder=None)  # no Flask /static/: htst's assets are under /_htst/static/
    app.config["MAX_CONTENT_LENGTH"] = megabytes(config["server.maxUploadSize"])
    base = "/" + str(config["server.baseUrlPath"]).strip("/")
    app.register_blueprint(blueprint(script, config=config), url_prefix=None if base == "/" else base)
    proxies = int(config["server.trustedProxies"])
    if proxies > 0:
        # Behind a TLS-terminating proxy: the scheme, host, client address and prefix it
        # forwards become the request's (Secure cookies, right URLs).
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_prefix=proxies)  # type: ignore[method-assign]
    return app
