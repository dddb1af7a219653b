"""Small HTTP concerns of the routes: gzip, the 413 answer, telling a browser from curl."""

from __future__ import annotations

import gzip
from typing import Any

from flask import Response, request

_GZIP_MIN = 1024


def megabytes(value: Any) -> int:
    return int(float(value) * 1024 * 1024)


def too_large(_error: Exception) -> Response:
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


def accepts_gzip(req: Any) -> bool:
    """Whether the client takes gzip (`gzip;q=0` and `identity` only say it does not)."""
    header = req.headers.get("Accept-Encoding", "")
    found = _ACCEPTS_GZIP.get(header)
    if found is None:
        if len(_ACCEPTS_GZIP) >= 1_000:
            _ACCEPTS_GZIP.clear()
        found = _ACCEPTS_GZIP[header] = req.accept_encodings["gzip"] > 0
    return found


# Accept-Encoding header -> whether it takes gzip: a browser sends the same one every time.
_ACCEPTS_GZIP: dict[str, bool] = {}


def maybe_gzip(response: Response) -> Response:
    if (
        response.direct_passthrough
        or response.is_streamed
        or response.status_code != 200
        or "Content-Encoding" in response.headers
        or not accepts_gzip(request)
    ):
        return response
    body = response.get_data()
    if len(body) < _GZIP_MIN:
        return response
    response.set_data(gzip.compress(body, 6))
    response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    return response


def is_browser_navigation() -> bool:
    """A browser loading the page (it sends Sec-Fetch-Mode); curl and test clients do not."""
    return request.headers.get("Sec-Fetch-Mode") == "navigate"


_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})


def shows_developer_options(toolbar_mode: str, host: str) -> bool:
    """client.toolbarMode as documented (3.1): "developer" always, "viewer" and "minimal"
    never, "auto" when the page is viewed as localhost (the address the browser used,
    as Streamlit's own check: a viewer across the network is not the developer)."""
    if toolbar_mode == "auto":
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name.lower() in _LOCAL_HOSTS
    return toolbar_mode == "developer"
