"""The module-level objects of the API (`st.session_state`, `st.secrets`, `st.query_params`,
`st.context`).

Each is a thin proxy that finds the real object through the current run, so one
process can serve many sessions and apps.
"""

from __future__ import annotations

from pathlib import Path

from ..secrets import Secrets, SecretsProxy, default_secret_paths
from .context import current, current_or_none
from .query_params import QueryParams
from .request_info import Context, RequestInfo
from .state import SessionStateProxy


def _secrets() -> Secrets:
    ctx = current_or_none()
    if ctx is not None:
        return ctx.app.secrets
    # Outside a run (module import time), read the files of the working directory.
    return Secrets.from_paths(default_secret_paths(Path.cwd(), Path.home()))


def _request_info() -> tuple[RequestInfo, str]:
    ctx = current_or_none()
    if ctx is None:  # outside a run, as Streamlit: empty headers, None everywhere
        return RequestInfo(), ""
    return ctx.session.request_info, ctx.session.page


session_state = SessionStateProxy(lambda: current().state)
query_params = QueryParams(lambda: current().session.query_params)
secrets = SecretsProxy(_secrets)
context = Context(_request_info)
