"""Small data displays: JSON and metrics."""

from __future__ import annotations

import json as _json
import math
import sys
import textwrap
from decimal import Decimal
from typing import Any

from ..errors import HtstAPIException
from . import icons, sizing, text_params
from .block import Block, add_element, public
from .number_format import format_number


@public
def json(body: Any, *, expanded: bool | int = True, width: Any = "stretch") -> Block:
    """Display an object or a JSON string as pretty-printed JSON. `width`: "stretch" or pixels."""
    width = sizing.width(width, allow=("stretch",))
    if isinstance(body, str):
        try:
            data = _json.loads(body)
        except ValueError:
            data = body
    else:
        data = _to_jsonable(body)
    text = _json.dumps(data, default=repr)
    pretty = _json.dumps(data, default=repr, indent=2, ensure_ascii=False)
    return add_element("json", {"body": text, "pretty": pretty, "expanded": expanded, "width": width})


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


_DELTA_COLORS = ("normal", "inverse", "off", "red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "primary")
_ARROWS = ("auto", "up", "down", "off")
_HEIGHTS = ("stretch", "content")  # in the order of 1.67's message
_CHART_HEIGHT = 32  # the sparkline's SVG units; the CSS sets its real height


@public
def metric(
    label: str,
    value: Any,
    delta: Any = None,
    delta_color: str = "normal",
    *,
    help: str | None = None,
    icon: str | None = None,
    label_visibility: str = "visible",
    border: bool = False,
    width: Any = "stretch",
    height: Any = "content",
    chart_data: Any = None,
    chart_type: str = "line",
    delta_arrow: str = "auto",
    format: str | None = None,
    delta_description: str | None = None,
) -> Block:
    """Display a metric in big bold font, with an optional change indicator.

    - `delta`: the change; its sign sets the arrow (a str starting with "-" is negative,
      0 and "0" have none). `delta_color`: "normal" (green up, red down), "inverse",
      "off" (gray) or a fixed colour (red, orange, yellow, green, blue, violet, gray,
      primary). `delta_arrow`: "auto" (the sign's), "up", "down" or "off" (no arrow).
      `delta_description`: a short muted text after the delta ("month over month").
    - `chart_data`: numbers drawn as a small sparkline under the value, in the delta's
      colour; `chart_type` "line" (default; unknown types too), "area" or "bar". htst
      draws it on the server as an inline SVG.
    - `format`: how numeric values and deltas are written ("dollar", "percent",
      "compact", "%.2f"…, see `htst.elements.number_format`). htst formats on the
      server in US English, where Streamlit uses the browser's locale.
    - `icon` next to the label; `border`; `width` ("stretch", "content", pixels) and
      `height` ("content", "stretch", pixels).
    """
    value_text = _metric_number(value, "value", "—")
    delta_text = _metric_number(delta, "delta", "")
    if delta_color not in _DELTA_COLORS:
        raise HtstAPIException(
            "Invalid `delta_color` value. Supported values: "
            + ", ".join(f"'{c}'" for c in _DELTA_COLORS) + "."
        )
    if delta_arrow not in _ARROWS:
        raise HtstAPIException("Invalid `delta_arrow` value. Supported values: 'auto', 'up', 'down', 'off'.")
    direction = _direction(delta, delta_text)
    color = _color(delta_color, direction)
    if delta_text and delta_arrow != "auto":
        direction = "none" if delta_arrow == "off" else delta_arrow
    points = _chart_points(chart_data)
    kind = chart_type if chart_type in ("area", "bar") else "line"
    props = {
        "label": str(label),
        "value": value_text,
        "delta": delta_text,
        "shown_value": format_number(value_text, format),
        "shown_delta": format_number(delta_text, format),
        "direction": direction,
        "color": color,
        "delta_description": None if delta_description is None else str(delta_description),
        "help": help,
        "icon": icons.icon(icon),
        "label_visibility": text_params.label_visibility(label_visibility),
        "border": bool(border),
        "width": sizing.width(width),
        "height": sizing.height(height, allow=_HEIGHTS),
        "chart_type": kind if points else None,
        "chart": _chart_geometry(points, kind),
        "chart_data": points,
    }
    return add_element("metric", props)


def _metric_number(value: Any, name: str, empty: str) -> str:
    """A value or delta as Streamlit writes it: str as given (a delta dedented), a number
    as str() writes it, None (or "" for a delta) as `empty`."""
    if value is None or (name == "delta" and value == ""):
        return empty
    if isinstance(value, str):
        return textwrap.dedent(value) if name == "delta" else value
    if isinstance(value, (int, float, Decimal)) or _is_numpy_number(value):
        return str(value)
    raise HtstAPIException(
        f"Invalid `{name}` type. Expected one of: int, float, Decimal, NumPy number. "
        f"Provided type: {type(value).__name__}. Convert the value to a number type."
    )


def _is_numpy_number(value: Any) -> bool:
    np = sys.modules.get("numpy")
    return np is not None and isinstance(value, np.number)


def _direction(delta: Any, text: str) -> str:
    if not text:
        return "none"
    if (isinstance(delta, str) and text == "0") or (not isinstance(delta, str) and delta == 0):
        return "none"
    return "down" if text.startswith("-") else "up"


def _color(delta_color: str, direction: str) -> str:
    if delta_color not in ("normal", "inverse", "off"):
        return "gray" if delta_color == "grey" else delta_color
    if direction == "none" or delta_color == "off":
        return "gray"
    good = (direction == "up") == (delta_color == "normal")
    return "green" if good else "red"


def _chart_points(data: Any) -> tuple[float, ...]:
    """`chart_data` as floats: a list, tuple, set, range, numpy array, pandas Series, or
    a DataFrame's first column."""
    if data is None:
        return ()
    if hasattr(data, "columns") and hasattr(data, "iloc"):  # a DataFrame: its first column
        data = data.iloc[:, 0] if len(data.columns) else []
    if isinstance(data, (str, bytes)):
        data = [data]
    if hasattr(data, "tolist"):
        data = data.tolist()
    points = []
    for item in data:
        try:
            points.append(float(item))
        except (TypeError, ValueError):
            raise HtstAPIException(
                "Only numeric values are supported for chart data sequence. The value "
                f"'{item}' is of type {type(item)} and cannot be converted to float."
            ) from None
    return tuple(points * 2 if len(points) == 1 else points)


def _chart_geometry(points: tuple[float, ...], kind: str) -> Any:
    """The sparkline in a 100 x 32 box: "x,y x,y…" for a line or an area, or the bars'
    (x, y, width, height). Lines span the data's range; bars start at zero."""
    finite = [p for p in points if math.isfinite(p)]
    if not finite:
        return None
    low, high = min(finite), max(finite)
    if kind == "bar":
        low, high = min(low, 0.0), max(high, 0.0)
    span = (high - low) or 1.0
    top = _CHART_HEIGHT - 2  # room for the line's width

    def y(p: float) -> float:
        return round(1 + top - (p - low) / span * top, 2) if math.isfinite(p) else _CHART_HEIGHT

    if kind == "bar":
        step = 100 / len(points)
        zero = y(0.0)
        bars = []
        for i, p in enumerate(points):
            top_y = y(p) if math.isfinite(p) else zero
            bars.append((round(i * step + step * 0.1, 2), min(top_y, zero), round(step * 0.8, 2), round(abs(zero - top_y), 2)))
        return tuple(bars)
    step = 100 / (len(points) - 1)
    return " ".join(f"{round(i * step, 2)},{y(p)}" for i, p in enumerate(points))
