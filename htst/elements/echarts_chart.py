"""st.echarts_chart: an Apache ECharts option drawn by the vendored echarts (loaded only
on pages with one, after the first paint), with selections as Streamlit returns them.

A DataFrame given as `dataset.source` travels as rows with its columns as
`dataset.dimensions`. Until echarts runs, and without JavaScript, the page shows the
dataset's rows (or a note that the chart is drawn in the browser).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from ..charts import echarts_svg
from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.context import current
from ..runtime.widget_spec import WidgetSpec, spec_of
from ..runtime.widgets import base_props, draw_widget, register_widget
from . import input_params, sizing
from .block import add_element, public
from .chart_selection import AttributeDict, check_theme
from .tabular import is_dataframe_like, to_dataframe

_log = logging.getLogger("htst")
CONTENT_WIDTH, CONTENT_HEIGHT = 700, 350
TABLE_ROWS = 50
STREAMLIT_COLORS = ["#0068C9", "#83C9FF", "#FF2B2B", "#FFABAB", "#29B09D", "#7DEFA1", "#FF8700", "#FFD16A", "#6D3FC0", "#D5DAE5"]
_BRUSH_TYPES = ("rect", "lineX", "lineY", "polygon")


class EChartsState(AttributeDict):
    """What an echarts chart with `on_select` returns: `{"selection": {"selected": [...], "areas": [...]}}`."""


def _state(selected: list[Any], areas: list[Any]) -> EChartsState:
    return EChartsState(selection=AttributeDict(selected=selected, areas=areas))


@dataclass(frozen=True, slots=True)
class EChartsSelectionSpec(WidgetSpec):
    kind = "echarts_chart"
    in_forms = False

    def empty(self) -> EChartsState:
        return _state([], [])

    def parse(self, raw: Any) -> EChartsState:
        try:
            posted = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            raise InvalidWidgetValue("an echarts selection is JSON") from None
        if not isinstance(posted, dict):
            raise InvalidWidgetValue("an echarts selection is a JSON object")
        selected, areas = posted.get("selected") or [], posted.get("areas") or []
        if not isinstance(selected, list) or not isinstance(areas, list):
            raise InvalidWidgetValue("an echarts selection has lists of selected series and areas")
        groups = []
        for group in selected:
            indices = group.get("data_indices") if isinstance(group, dict) else None
            if not isinstance(indices, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in indices):
                raise InvalidWidgetValue("selected data indices are lists of integers")
            if not isinstance(group.get("series_index"), int) or not indices:
                continue  # empty groups are left out
            groups.append(AttributeDict(
                series_index=group["series_index"], series_id=group.get("series_id"), series_name=group.get("series_name"),
                data_type=group.get("data_type") if group.get("data_type") in ("main", "node", "edge") else "main",
                data_indices=sorted(set(indices)),
            ))
        regions = []
        for area in areas:
            if not isinstance(area, dict) or area.get("brush_type") not in _BRUSH_TYPES or not isinstance(area.get("coord_range"), list):
                raise InvalidWidgetValue("a brush area has a brush_type and a coord_range")
            regions.append(AttributeDict(brush_index=int(area.get("brush_index") or 0), brush_type=area["brush_type"], coord_range=area["coord_range"]))
        return _state(groups, regions)

    def serialize(self, value: Any) -> str:
        selection = value.get("selection", {}) if isinstance(value, dict) else {}
        shown = {"selected": selection.get("selected") or [], "areas": selection.get("areas") or []}
        return json.dumps(shown, separators=(",", ":"), sort_keys=True, default=str)


def _option(spec: Any) -> dict[str, Any]:
    if hasattr(spec, "dump_options"):  # a pyecharts chart
        spec = spec.dump_options()
    if isinstance(spec, str):
        try:
            spec = json.loads(spec)
        except ValueError as exc:
            raise HtstAPIException(f"The ECharts option is not valid JSON: {exc}.") from None
    if not isinstance(spec, dict):
        raise HtstAPIException(f"st.echarts_chart takes an ECharts option (a dict, its JSON, or a pyecharts chart), got {type(spec).__name__}.")
    return dict(spec)


def _datasets(option: dict[str, Any]) -> Any:
    """DataFrames in `dataset.source` become rows with their columns as dimensions; the
    first one is returned for the page's data table."""
    found = None
    datasets = option.get("dataset")
    items = datasets if isinstance(datasets, list) else [datasets] if isinstance(datasets, dict) else []
    converted = []
    for item in items:
        item = dict(item)
        if is_dataframe_like(item.get("source")):
            df = to_dataframe(item["source"])
            item.setdefault("dimensions", [str(c) for c in df.columns])
            item["source"] = json.loads(df.set_axis([str(c) for c in df.columns], axis=1).to_json(orient="values", date_format="iso", date_unit="ms"))
            found = df if found is None else found
        converted.append(item)
    if converted:
        option["dataset"] = converted if isinstance(datasets, list) else converted[0]
    return found


def _title(option: dict[str, Any]) -> str | None:
    titles = option.get("title")
    first = titles[0] if isinstance(titles, list) and titles else titles
    text = first.get("text") if isinstance(first, dict) else None
    return str(text) if text else None


@public
def echarts_chart(
    spec: Any,
    *,
    width: Any = "stretch",
    height: Any = "content",
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    renderer: str = "canvas",
    alt: str | None = None,
) -> Any:
    """Display an Apache ECharts chart from its option (a dict, JSON text, or a pyecharts
    chart). `on_select="rerun"` or a callback returns an EChartsState: the series'
    selected data (`selectedMode` on a series) and brush areas (a `brush` component)."""
    check_theme(theme)
    if renderer not in ("canvas", "svg"):
        raise HtstAPIException(f'Invalid `renderer` value: {renderer!r}. Use "canvas" or "svg".')
    option = _option(spec)
    frame = _datasets(option)
    if theme == "streamlit":
        option.setdefault("color", STREAMLIT_COLORS)
        option.setdefault("backgroundColor", "transparent")
        option.setdefault("textStyle", {"fontFamily": '"Source Sans Pro", system-ui, sans-serif'})
    option.setdefault("aria", {"enabled": True})
    if alt is not None and not str(alt).strip():
        _log.info("st.echarts_chart: an empty `alt` is treated as None.")
        alt = None
    if alt is not None:
        aria = dict(option["aria"])
        aria["enabled"] = True
        aria["label"] = {**(aria.get("label") or {}), "description": str(alt)}
        option["aria"] = aria
    try:
        text = echarts_svg.option_text(option)
    except (TypeError, ValueError) as exc:
        raise HtstAPIException(
            f"The ECharts option must be JSON-compatible outside `dataset.source` ({exc}); "
            "put data in `dataset.source` as a DataFrame, or convert dates and NaN yourself."
        ) from None
    size = sizing.width(width, allow=("stretch", "content"))
    tall = sizing.height(height, allow=("stretch", "content"))
    plot_width = size if isinstance(size, int) else None if size == "stretch" else CONTENT_WIDTH
    plot_height = tall if isinstance(tall, int) else CONTENT_HEIGHT
    table = None
    if frame is not None:
        head = frame.head(TABLE_ROWS).astype(object)
        table = (tuple(str(c) for c in frame.columns), tuple(tuple("" if v is None else str(v) for v in row) for row in head.where(head.notna(), None).itertuples(index=False)), len(frame))
    props = {
        "option": current().app.media.add(text.encode(), "application/json"),
        "drawing": echarts_svg.draw(text, plot_width or CONTENT_WIDTH, plot_height),
        "renderer": renderer,
        "width": size,
        "plot_width": plot_width,
        "plot_height": plot_height,
        "alt": alt,
        "label": alt or _title(option) or "Chart",
        "table": table,
    }
    if on_select in ("ignore", None, False):
        return add_element("echarts_chart", props)
    callback = input_params.callback(on_select, name="on_select")
    widget = spec_of(EChartsSelectionSpec)
    ctx, meta, value = register_widget(widget, key=key, identity=("echarts_chart", props["option"], renderer, alt), default=widget.empty(), callback=callback)
    widget_props = base_props(meta, "", None, False, "collapsed")
    widget_props.update(props, select=True)
    draw_widget(ctx, meta, value, widget_props)
    return value
