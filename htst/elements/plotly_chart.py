"""st.plotly_chart: a Plotly figure drawn by the vendored plotly.js (loaded only on pages
with one, after the first paint), with selections returned as Streamlit returns them.

The figure's JSON is served from the media store (by content: the same figure in a
rerun is the same address, and nothing is sent again). Before plotly.js runs, and
without JavaScript, the page shows a static drawing for the common traces (lines,
markers and bars, drawn by Vega on the server: `charts.plotly_static`) and each
trace's data as a table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..charts import plotly_static
from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.context import current
from ..runtime.widget_spec import WidgetSpec, spec_of
from ..runtime.widgets import base_props, draw_widget, register_widget
from . import input_params, sizing
from .block import add_element, public
from .chart_selection import AttributeDict, check_theme

MODES = ("points", "box", "lasso")
DEFAULT_HEIGHT = 450  # plotly.js's own default
# Streamlit's look: its colours, the page's font and text colour, no backgrounds.
STREAMLIT_LAYOUT = {
    "colorway": ["#0068C9", "#83C9FF", "#FF2B2B", "#FFABAB", "#29B09D", "#7DEFA1", "#FF8700", "#FFD16A", "#6D3FC0", "#D5DAE5"],
    "font": {"family": '"Source Sans Pro", system-ui, sans-serif'},
    "paper_bgcolor": "rgba(0,0,0,0)",
    "plot_bgcolor": "rgba(0,0,0,0)",
}


class PlotlyState(AttributeDict):
    """What a plotly chart with `on_select` returns: `{"selection": {"points", "point_indices", "box", "lasso"}}`."""


def _state(selection: dict[str, Any]) -> PlotlyState:
    return PlotlyState(selection=AttributeDict(selection))


@dataclass(frozen=True, slots=True)
class PlotlySelectionSpec(WidgetSpec):
    """The selection the page posts as JSON: points (with their curve and index), and the
    box and lasso shapes, each kept only if `modes` allows it."""

    modes: tuple[str, ...]
    kind = "plotly_chart"
    testing = "PlotlyWidget"
    in_forms = False

    def empty(self) -> PlotlyState:
        return _state({"points": [], "point_indices": [], "box": [], "lasso": []})

    def parse(self, raw: Any) -> PlotlyState:
        try:
            posted = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            raise InvalidWidgetValue("a plotly selection is JSON") from None
        if not isinstance(posted, dict):
            raise InvalidWidgetValue("a plotly selection is a JSON object")
        points = posted.get("points") or []
        if not isinstance(points, list) or not all(isinstance(p, dict) for p in points):
            raise InvalidWidgetValue("selected points are a list of objects")
        shapes = {name: posted.get(name) or [] for name in ("box", "lasso")}
        if any(not isinstance(v, list) or not all(isinstance(s, dict) for s in v) for v in shapes.values()):
            raise InvalidWidgetValue("box and lasso selections are lists of objects")
        if "points" not in self.modes and not shapes["box"] and not shapes["lasso"]:
            points = []
        clean = [AttributeDict({str(k): v for k, v in p.items() if isinstance(v, (str, int, float, bool, list)) or v is None}) for p in points]
        indices = [p["point_index"] for p in clean if isinstance(p.get("point_index"), int)]
        return _state({
            "points": clean,
            "point_indices": indices,
            "box": shapes["box"] if "box" in self.modes else [],
            "lasso": shapes["lasso"] if "lasso" in self.modes else [],
        })

    def serialize(self, value: Any) -> str:
        selection = value.get("selection", {}) if isinstance(value, dict) else {}
        shown = {k: selection.get(k) or [] for k in ("points", "box", "lasso")}
        return json.dumps(shown, separators=(",", ":"), sort_keys=True, default=str)


def _figure(figure_or_data: Any) -> Any:
    try:
        import plotly.graph_objects as go
    except ImportError:
        raise HtstAPIException("st.plotly_chart needs plotly: `pip install plotly`.") from None
    if isinstance(figure_or_data, go.Figure):
        return figure_or_data
    try:
        return go.Figure(figure_or_data)
    except (ValueError, TypeError) as exc:
        raise HtstAPIException(f"st.plotly_chart takes a Plotly figure, or its data/dict: {str(exc).splitlines()[0]}") from None


def _modes(selection_mode: Any) -> tuple[str, ...]:
    modes = (selection_mode,) if isinstance(selection_mode, str) else tuple(selection_mode)
    bad = [m for m in modes if m not in MODES]
    if bad or not modes:
        raise HtstAPIException(f"Invalid selection mode: {bad or selection_mode!r}. Use 'points', 'box' and/or 'lasso'.")
    return tuple(m for m in MODES if m in modes)


@public
def plotly_chart(
    figure_or_data: Any,
    use_container_width: bool | None = None,
    *,
    width: Any = "stretch",
    height: Any = "content",
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = ("points", "box", "lasso"),
    config: dict[str, Any] | None = None,
    alt: str | None = None,
) -> Any:
    """Display an interactive Plotly chart. `on_select="rerun"` or a callback returns a
    PlotlyState (`event.selection.points`, `.point_indices`, `.box`, `.lasso`), with
    `selection_mode` choosing among points, box and lasso selections. `config` is
    plotly.js's config (e.g. `{"displayModeBar": False}`)."""
    check_theme(theme)
    if config is not None and not isinstance(config, dict):
        raise HtstAPIException(f"`config` must be a dict of plotly.js options, got {type(config).__name__}.")
    fig = _figure(figure_or_data)
    size = sizing.width(sizing.container_width(width, use_container_width), allow=("stretch", "content"))
    tall = sizing.height(height, allow=("stretch", "content"))
    figure = json.loads(fig.to_json())
    layout = figure.setdefault("layout", {})
    if theme == "streamlit":
        layout.pop("template", None)
        for name, value in STREAMLIT_LAYOUT.items():
            layout.setdefault(name, value)
    drawn_height = tall if isinstance(tall, int) else int(layout.get("height") or DEFAULT_HEIGHT)
    layout["height"] = drawn_height
    if isinstance(size, int):
        layout["width"] = size
    ctx = current()
    payload = json.dumps({"data": figure.get("data", []), "layout": layout, "config": config or {}}, separators=(",", ":")).encode()
    static = plotly_static.drawing(fig, drawn_height, size if isinstance(size, int) else None, theme)
    props = {
        "figure": ctx.app.media.add(payload, "application/json"),
        "svg": None if static.svg is None else Markup(static.svg),
        "tables": static.tables,
        "width": size,
        "plot_height": drawn_height,
        "alt": alt,
    }
    if on_select in ("ignore", None, False):
        return add_element("plotly_chart", props)
    callback = input_params.callback(on_select, name="on_select")
    modes = _modes(selection_mode)
    widget = spec_of(PlotlySelectionSpec, modes)
    ctx, meta, value = register_widget(
        widget, key=key, identity=("plotly_chart", props["figure"], modes), default=widget.empty(), callback=callback,
    )
    widget_props = base_props(meta, "", None, False, "collapsed")
    widget_props.update(props, modes=modes)
    draw_widget(ctx, meta, value, widget_props)
    return value
