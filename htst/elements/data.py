"""Small data displays: JSON and metrics."""

from __future__ import annotations

import json as _json
from typing import Any

from ..errors import HtstAPIException
from .block import Block, add_element, public


@public
def json(body: Any, *, expanded: bool | int = True, width: Any = "stretch") -> Block:
    """Display an object or a JSON string as pretty-printed JSON."""
    if isinstance(body, str):
        try:
            data = _json.loads(body)
        except ValueError:
            data = body
    else:
        data = _to_jsonable(body)
    text = _json.dumps(data, default=repr)
    pretty = _json.dumps(data, default=repr, indent=2, ensure_ascii=False)
    return add_element("json", {"body": text, "pretty": pretty, "expanded": expanded})


def _to_jsonable(value: Any) -> Any:
    if hasattr(value, "to_dict") and callable(value.to_dict):
        try:
            return value.to_dict()
        except TypeError:
            pass
    if isinstance(value, (set, frozenset)):
        return list(value)
    if hasattr(value, "keys") and hasattr(value, "__getitem__") and not isinstance(value, dict):
        return {k: value[k] for k in value.keys()}
    return value


@public
def metric(
    label: str,
    value: Any,
    delta: Any = None,
    delta_color: str = "normal",
    *,
    help: str | None = None,
    label_visibility: str = "visible",
    border: bool = False,
    width: Any = "stretch",
    **_ignored: Any,
) -> Block:
    """Display a metric in big bold font, with an optional change indicator."""
    if delta_color not in ("normal", "inverse", "off"):
        raise HtstAPIException(
            f"'{delta_color}' is not an accepted value. delta_color only accepts: "
            "'normal', 'inverse', or 'off'"
        )
    value_text = "—" if value is None else str(value)
    delta_text = "" if delta is None else str(delta)
    direction = "none"
    if delta_text:
        direction = "down" if delta_text.lstrip().startswith("-") else "up"
    good = {"up": True, "down": False, "none": None}[direction]
    if delta_color == "inverse" and good is not None:
        good = not good
    tone = "off" if delta_color == "off" or good is None else ("good" if good else "bad")
    return add_element(
        "metric",
        {
            "label": str(label),
            "value": value_text,
            "delta": delta_text,
            "direction": direction,
            "tone": tone,
            "help": help,
            "label_visibility": label_visibility,
            "border": border,
        },
    )
