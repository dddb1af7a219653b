"""The Flask side of the public API, loaded on first use: `import htst` stays Flask-free,
so scripts, AppTest and libraries that only draw never pay for the server."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Blueprint, Flask

    from .config import Config


def blueprint(script: str | os.PathLike, *, config: Config | None = None, name: str | None = None, **options: Any) -> Blueprint:
    """A Flask blueprint serving the app; mount it with `register_blueprint(bp, url_prefix=...)`.

    `options` are config overrides by dotted name, e.g. `**{"runner.magicEnabled": False}`.
    """
    from .server.mount import blueprint as make_blueprint

    return make_blueprint(script, config=config, name=name, **options)


def create_app(script: str | os.PathLike, *, config: Config | None = None, **options: Any) -> Flask:
    """A Flask app serving one htst script at `server.baseUrlPath` (what `htst run` serves)."""
    from .server.mount import create_app as make_app

    return make_app(script, config=config, **options)
