"""st.stop and st.rerun: end the current run early."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NoReturn

from ..errors import HtstAPIException
from .context import RerunRequested, ScriptStopped, current

_SCOPES = "'app', 'fragment', a fragment key, a list of keys"


def stop() -> NoReturn:
    """Stop the script here; what was drawn so far stays on the page."""
    current()
    raise ScriptStopped()


def rerun(scope: str | int | Sequence[str | int] = "app") -> NoReturn:
    """Stop this run and run the script again from the top, right away.

    `scope`: "app"; "fragment" (the fragment calling it, during a fragment rerun); or,
    from a widget callback only, a fragment key or a list of keys
    (`@st.fragment(key=...)`): only those fragments rerun instead of what the
    interaction would rerun. htst differs: several fragments rerun as the whole app.
    """
    keys = _keys(scope)
    ctx = current()
    if keys is None:
        if scope == "fragment" and (ctx.fragment_run is None or ctx.fragment is None):
            raise HtstAPIException(
                'scope="fragment" can only be specified from `@st.fragment`-decorated functions '
                "during fragment reruns."
            )
        raise RerunRequested(str(scope), ctx.fragment)
    if not ctx.in_callback:
        raise HtstAPIException(
            "Passing a fragment key to `st.rerun()` is only allowed from a widget callback "
            "(e.g. `on_change` / `on_click`). Calling it from the main script body or a "
            "fragment body would abort the current run. If you meant to rerun the whole app "
            "or the current fragment, use `scope='app'` or `scope='fragment'`."
        )
    targets: dict[str, None] = {}
    for key in keys:
        found = [call.id for call in ctx.session.fragments.values() if call.key == key]
        if not found:
            raise HtstAPIException(
                f"No fragment found for target '{key}'. Pass the same `key` you set on "
                "`@st.fragment(key=...)`, and make sure that fragment has rendered at least once."
            )
        targets.update(dict.fromkeys(found))
    raise RerunRequested("fragments", targets=tuple(targets))


def _keys(scope: Any) -> list[str] | None:
    """The fragment keys `scope` names; None for "app" and "fragment"."""
    if isinstance(scope, int):
        scope = str(scope)
    if not isinstance(scope, (str, Sequence)) or isinstance(scope, (bytes, bytearray)):
        raise HtstAPIException(
            "Invalid `scope` type. Expected one of: str, int, list[str | int]. "
            f"Provided type: {type(scope).__name__}."
        )
    if isinstance(scope, str):
        if scope == "":
            raise HtstAPIException(f"Invalid `scope` value. Supported values: {_SCOPES}. Got an empty string.")
        return None if scope in ("app", "fragment") else [scope]
    if len(scope) == 0:
        raise HtstAPIException(f"Invalid `scope` value. Supported values: {_SCOPES}. Got an empty list.")
    keys = []
    for item in scope:
        if isinstance(item, int):
            item = str(item)
        elif not isinstance(item, str):
            raise HtstAPIException(
                "Invalid `scope list items` type. Expected one of: str, int. "
                f"Provided type: {type(item).__name__}."
            )
        elif item == "":
            raise HtstAPIException(
                "Invalid `scope list items` value. Supported values: non-empty strings or ints. "
                "Found an empty string in the list."
            )
        keys.append(item)
    for key in keys:
        if key in ("app", "fragment"):
            raise HtstAPIException(
                "Invalid `scope` value. Supported values: fragment keys. "
                f"'{key}' is a reserved scope name and cannot appear inside a list. "
                f"Pass '{key}' directly as a string."
            )
    return keys
