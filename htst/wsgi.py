"""For WSGI servers: `gunicorn "htst.wsgi:create_app('app.py')"`."""

from __future__ import annotations

from .server.mount import create_app as create_app
