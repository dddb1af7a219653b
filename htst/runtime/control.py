"""st.stop and st.rerun: end the current run early."""

from __future__ import annotations

from typing import NoReturn

from ..errors import HtstAPIException
from .context import RerunRequested, ScriptStopped, current


def stop() -> NoReturn:
    """Stop the script here; what was drawn so far stays on the page."""
    current()
    raise ScriptStopped()


def rerun(*, scope: str = "app") -> NoReturn:
    """Stop this run and run the script again from the top, right away."""
    if scope not in ("app", "fragment"):
        raise HtstAPIException(f"'{scope}' is not a valid rerun scope. Valid scopes are 'app' and 'fragment'.")
    ctx = current()
    if scope == "fragment" and (ctx.fragment_run is None or ctx.fragment is None):
        raise HtstAPIException(
            'scope="fragment" can only be specified from `@st.fragment`-decorated functions '
            "during fragment reruns."
        )
    raise RerunRequested(scope, ctx.fragment)
