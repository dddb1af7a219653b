"""A Plotly figure's static stand-in, shown until plotly.js draws it (and without JS):
lines, markers and bars drawn by Vega on the server, and each trace's data as a table.

Only the traces most charts are made of (scatter, scattergl, bar) are drawn; a figure
with any other trace keeps its tables alone, with a note that it is drawn in the browser.
"""

from __future__ import annotations

import json
import math
from typing import Any

from . import render
from .builtin import SCHEMA
from .vegalite import STRETCH_WIDTH

TABLE_ROWS = 50
DRAWN = ("scatter", "scattergl", "bar")
_COLORWAY = ("#0068C9", "#83C9FF", "#FF2B2B", "#FFABAB", "#29B09D", "#7DEFA1", "#FF8700", "#FFD16A", "#6D3FC0", "#D5DAE5")
_PLOTLY_COLORWAY = ("#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880", "#FF97FF", "#FECB52")


class Static:
    __slots__ = ("svg", "tables")

    def __init__(self, svg: str | None, tables: tuple):
        self.svg = svg
        self.tables = tables


def drawing(fig: Any, height: int, width: int | None, theme: str | None) -> Static:
    traces = list(fig.data)
    tables = tuple(_table(i, trace) for i, trace in enumerate(traces))
    if not traces or any(trace.type not in DRAWN for trace in traces):
        return Static(None, tables)
    spec = _spec(fig, traces, height, width, theme)
    drawn = render.draw(json.dumps(spec, default=_plain, allow_nan=False), theme)
    return Static(drawn.svg, tables)


def _values(values: Any, n: int | None = None) -> list[Any]:
    if values is None:
        return list(range(n or 0))
    return [_plain(v) for v in (values.tolist() if hasattr(values, "tolist") else list(values))]


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, float) and math.isnan(value):  # a gap
        return None
    return value


def _name(index: int, trace: Any) -> str:
    return str(trace.name) if trace.name not in (None, "") else f"trace {index}"


def _table(index: int, trace: Any) -> tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...], int]:
    """(trace name, column names, first rows as text, row count) of a trace's data."""
    columns = [axis for axis in ("x", "y", "z", "labels", "values") if getattr(trace, axis, None) is not None]
    data = [_values(getattr(trace, axis)) for axis in columns]
    total = max((len(d) for d in data), default=0)
    rows = tuple(tuple("" if i >= len(d) or d[i] is None else str(d[i]) for d in data) for i in range(min(total, TABLE_ROWS)))
    return _name(index, trace), tuple(columns), rows, total


def _kind(values: list[Any]) -> str:
    sample = [v for v in values[:50] if v is not None]
    if sample and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in sample):
        return "quantitative"
    if sample and all(isinstance(v, str) and len(v) >= 10 and v[4] == "-" and v[7] == "-" for v in sample):
        return "temporal"
    return "nominal"


def _text(title: Any) -> str | None:
    text = getattr(title, "text", None) if title is not None else None
    return str(text) if text else None


def _spec(fig: Any, traces: list[Any], height: int, width: int | None, theme: str | None) -> dict[str, Any]:
    colorway = list(fig.layout.colorway or (_COLORWAY if theme == "streamlit" else _PLOTLY_COLORWAY))
    names, colors, layers, rows = [], [], [], []
    horizontal = any(getattr(t, "orientation", None) == "h" for t in traces if t.type == "bar")
    for i, trace in enumerate(traces):
        y = _values(trace.y)
        x = _values(trace.x, len(y))
        name = _name(i, trace)
        names.append(name)
        own = (trace.marker.color if trace.type == "bar" else (trace.line.color or trace.marker.color))
        colors.append(own if isinstance(own, str) else colorway[i % len(colorway)])
        rows.extend({"x": a, "y": b, "trace": name} for a, b in zip(x, y))
        where = {"filter": {"field": "trace", "equal": name}}
        if trace.type == "bar":
            layers.append({"transform": [where], "mark": {"type": "bar"}})
            continue
        mode = trace.mode or ("lines+markers" if len(y) < 20 else "lines")
        if "lines" in mode:
            layers.append({"transform": [where], "mark": {"type": "line", "strokeWidth": 2}})
        if "markers" in mode:
            layers.append({"transform": [where], "mark": {"type": "point", "filled": True, "size": 36}})
    xs = [r["x"] for r in rows]
    ys = [r["y"] for r in rows]
    x_kind = "nominal" if any(t.type == "bar" for t in traces) and not horizontal and _kind(xs) != "temporal" else _kind(xs)
    y_kind = "nominal" if horizontal and _kind(ys) != "temporal" else _kind(ys)
    layout = fig.layout
    x_title, y_title = _text(layout.xaxis.title), _text(layout.yaxis.title)
    encoding = {
        "x": {"field": "x", "type": x_kind, "title": x_title, "axis": {"grid": x_kind == "quantitative"}},
        "y": {"field": "y", "type": y_kind, "title": y_title},
        "color": {"field": "trace", "type": "nominal", "scale": {"domain": names, "range": colors},
                  "legend": None if len(traces) < 2 or layout.showlegend is False else {"orient": "right", "title": None}},
    }
    bars = any(t.type == "bar" for t in traces)
    for axis, kind in (("x", x_kind), ("y", y_kind)):
        value_axis = bars and axis == ("x" if horizontal else "y")
        if kind == "quantitative" and not value_axis:
            encoding[axis]["scale"] = {"zero": False}  # as plotly.js: the data's range
    if x_kind == "nominal":
        encoding["x"]["sort"] = None
    if y_kind == "nominal":
        encoding["y"]["sort"] = None
    spec: dict[str, Any] = {
        "$schema": SCHEMA, "data": {"values": rows}, "encoding": encoding, "layer": layers,
        "height": height, "autosize": {"type": "fit", "contains": "padding"},
        "width": width or STRETCH_WIDTH,
    }
    title = _text(layout.title)
    if title:
        spec["title"] = title
    if layout.barmode in ("stack", "relative"):
        encoding["y" if not horizontal else "x"]["stack"] = "zero"
    elif any(t.type == "bar" for t in traces) and len(traces) > 1:
        encoding["xOffset" if not horizontal else "yOffset"] = {"field": "trace", "sort": names}
    return spec

