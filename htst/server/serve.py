"""Serve a Flask app: waitress (threaded, streams responses, TCP_NODELAY on), or, when
`server.sslCertFile` and `server.sslKeyFile` are set, Werkzeug's threaded server with TLS
(waitress speaks no TLS). As the docs say of Streamlit's, TLS in the app is for simple
setups; production puts a TLS-terminating proxy in front (`server.trustedProxies`)."""

from __future__ import annotations

import os
import socket
import ssl
import threading
from typing import Any, Callable

from flask import Flask

from ..charts import render as charts_render
from ..config import Config

# Nagle's algorithm adds up to 40 ms to small answers, and htst answers are small.
NODELAY = (socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class TLSConfigError(ValueError):
    """The TLS options cannot be used; the message names the option and the fix."""


def tls_files(config: Config) -> tuple[str, str] | None:
    """(certificate chain, private key) when TLS is asked for; both or neither (docs 4.1)."""
    cert, key = str(config["server.sslCertFile"]), str(config["server.sslKeyFile"])
    if not cert and not key:
        return None
    if not cert or not key:
        given, missing = ("server.sslCertFile", "server.sslKeyFile") if cert else ("server.sslKeyFile", "server.sslCertFile")
        raise TLSConfigError(f"{given} is set but {missing} is not: HTTPS needs both (or neither, for plain HTTP).")
    return cert, key


def _tls_context(cert: str, key: str) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    for option, path in (("server.sslCertFile", cert), ("server.sslKeyFile", key)):
        if not os.path.isfile(path):
            raise TLSConfigError(f"{option}: no such file: {path}")
    try:
        context.load_cert_chain(cert, key)
    except (ssl.SSLError, OSError) as exc:
        raise TLSConfigError(f"cannot use {cert} and {key} for HTTPS ({exc.strerror or exc}): "
                             "server.sslCertFile must be a PEM certificate chain and server.sslKeyFile its PEM private key.") from None
    return context


class _TLSServer:
    """Werkzeug's threaded server with TLS, with the few names `serve` and tests use."""

    def __init__(self, app: Callable, host: str, port: int, context: ssl.SSLContext):
        from werkzeug.serving import make_server as werkzeug_server

        self._server = werkzeug_server(host, port, app, threaded=True, ssl_context=context)
        self.effective_port = self._server.server_port

    def run(self) -> None:
        self._server.serve_forever()

    def shutdown(self) -> None:
        """Stop `run` from another thread."""
        self._server.shutdown()

    def close(self) -> None:
        self._server.server_close()


def _warm_charts(answered: threading.Event) -> None:
    answered.wait(timeout=3)
    charts_render.warm()


def make_server(app: Callable, config: Config) -> Any:
    from waitress.server import create_server

    tls = tls_files(config)
    if tls is not None:
        return _TLSServer(app, str(config["server.address"]) or "0.0.0.0", int(config["server.port"]), _tls_context(*tls))

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
    answered = threading.Event()

    def wsgi(environ: dict, start_response: Callable) -> Any:
        try:
            return app(environ, start_response)
        finally:
            if not answered.is_set():  # a flag read; set() would take a lock every request
                answered.set()

    server = make_server(wsgi, config)
    # The chart engine takes ~0.5 s of CPU to start: once the first page is answered (or
    # after a few idle seconds), so that it slows neither that page nor a first chart.
    threading.Thread(target=_warm_charts, args=(answered,), name="htst-chart-warm", daemon=True).start()
    if on_ready is not None:
        on_ready(server)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
