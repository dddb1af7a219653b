"""Parameters that Streamlit 1.67's buttons and input widgets share, checked once here.

`on_change`/`on_click` modes, `icon_position`, `wrap`, `required` and
`filter_mode`, each with Streamlit's messages. Sizes are `sizing.py`'s.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

from ..errors import HtstAPIException
from ..runtime.nodes import Node
from ..runtime.widget_spec import Keeping

REQUIRED = "This field is required."


def callback(value: Any, *, name: str = "on_change", modes: bool = True) -> Callable[..., Any] | None:
    """A widget's `on_change` (or `on_click`/`on_submit`): the callback, or None to just rerun.

    None and "rerun" rerun the app; "ignore" changes the value in the browser without a
    rerun (`keeping` marks the widget; the value comes with the next rerun). `modes=False`:
    the command takes only a callback or None (st.button, st.form_submit_button,
    st.chat_input).
    """
    if value is None:
        return None
    if callable(value):
        return value
    if isinstance(value, str) and value in ("rerun", "ignore"):
        if modes:
            return None
        raise HtstAPIException(f'`{name}="{value}"` is not supported on this widget. Pass a callback, or omit `{name}`.')
    supported = "'rerun', 'ignore', a callback function" if modes else "a callback function"
    raise HtstAPIException(f"Invalid `{name}` value. Supported values: {supported}.")


def keeping(key: Any, bind: Any, persist_state: Any, on_change: Any) -> Keeping | None:
    """`bind`, `persist_state` and `on_change="ignore"` of a value widget, checked; None
    when the widget uses none of them (the common case costs nothing)."""
    if bind is None and persist_state is None and on_change != "ignore":
        return None
    if bind not in (None, "query-params"):
        raise HtstAPIException(f"Invalid `bind` value: {bind!r}. Supported values: 'query-params', None.")
    if persist_state not in (None, "page", "session"):
        raise HtstAPIException(f"Invalid `persist_state` value: {persist_state!r}. Supported values: 'page', 'session', None.")
    if key is None and bind is not None:
        raise HtstAPIException('`bind="query-params"` requires a `key`: the key names the URL\'s query parameter.')
    if key is None and persist_state is not None:
        raise HtstAPIException("`persist_state` requires a `key`.")
    return _KEEPINGS.setdefault((bind, persist_state, on_change == "ignore"), Keeping(bind is not None, persist_state, on_change == "ignore"))


_KEEPINGS: dict[tuple, Keeping] = {}


def with_labels(keeping: Keeping | None, labels: tuple[str, ...]) -> Keeping | None:
    """An options widget's keeping: a bound one shows its options' labels in the URL."""
    if keeping is None or not keeping.bind:
        return keeping
    return dataclasses.replace(keeping, labels=labels)


def icon_position(value: Any) -> str:
    """"left" (also for None) or "right": the side of the label a button's icon is on."""
    if value is None:
        return "left"
    if isinstance(value, str) and value in ("left", "right"):
        return value
    raise HtstAPIException("Invalid `icon_position` value. Supported values: 'left', 'right'.")


def in_row(container: Node) -> bool:
    """Whether an element drawn into `container` sits in a row: directly in a column, or
    in a horizontal container. There `wrap=None` keeps a label on one line."""
    return container.type == "column" or bool(container.props.get("horizontal"))


def wrap(value: Any, container: Node) -> bool:
    """Whether a label wraps: `wrap=None` lets the layout decide (one line in a row)."""
    if value is None:
        return not in_row(container)
    if not isinstance(value, int):  # bools are ints; Streamlit's protobuf takes 0 and 1 too
        raise HtstAPIException(f"Invalid `wrap` value: {value!r}. Supported values: True, False, None.")
    return bool(value)


def required(value: Any) -> bool:
    """`required`: a bool (Streamlit takes 0 and 1 too; anything else is a TypeError there)."""
    if not isinstance(value, int):
        raise HtstAPIException(f"Invalid `required` value: {value!r}. Supported values: True, False.")
    return bool(value)


FILTER_MODES = ("fuzzy", "contains", "prefix")


def filter_mode(value: Any, accept_new_options: bool) -> str | None:
    """How typing filters a selectbox's or multiselect's options (None: no filter)."""
    if value is not None and not (isinstance(value, str) and value in FILTER_MODES):
        raise HtstAPIException("Invalid `filter_mode` value. Supported values: fuzzy, contains, prefix, None.")
    if value is None and accept_new_options:
        raise HtstAPIException(
            "`filter_mode=None` and `accept_new_options=True` cannot be used together. `filter_mode` "
            "cannot be `None` when `accept_new_options=True`. Set `filter_mode` to `fuzzy`, "
            "`contains`, or `prefix`."
        )
    return value
