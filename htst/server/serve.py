"""Serve a Flask app with waitress: threaded, streams responses, TCP_NODELAY on."""

from __future__ import annotations

import socket
import threading
from typing import Any, Callable

from flask import Flask

from ..charts import render as charts_render
from ..config import Config

# Nagle's algorithm adds up to 40 ms to small answers, and htst answers are small.
NODELAY = (socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def make_server(app: Flask, config: Config) -> Any:
    from waitress.server import create_server

    server = create_server(
        app,
        host=config["server.address"] or "0.0.0.0",  # empty: every interface, as Streamlit
        port=int(config["server.port"]),
        threads=int(config["server.threads"]),
        # Each open tab may hold a keep-alive connection; waitress's default of 100 starves
        # the 101st tab instead of queueing its requests.
        connection_limit=1000,
        backlog=2048,
        # The largest asset (plotly.js, 1.4 MB gzipped) is answered from memory rather
        # than spilled into a temporary file per download.
        outbuf_overflow=4 * 1024 * 1024,
        ident="htst",
    )
    options = server.adj.socket_options
    if NODELAY not in options:  # waitress's default has it; keep it even if that changes
        options.append(NODELAY)
    return server


def serve(app: Flask, config: Config, on_ready: Callable[[Any], None] | None = None) -> None:
    server = make_server(app, config)
    # The chart engine takes ~0.5 s to start: at start-up, beside serving, not in a first request.
    threading.Thread(target=charts_render.warm, name="htst-chart-warm", daemon=True).start()
    if on_ready is not None:
        on_ready(server)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
