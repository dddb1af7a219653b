"""Vega-Lite charts: st.line_chart, st.area_chart, st.bar_chart, st.scatter_chart,
st.vega_lite_chart and st.altair_chart.

Each is drawn on the server as SVG (`charts.render`), so it shows without JavaScript,
in the HTML a curl gets and in print; hovering or focusing a chart loads its live view
(tooltips, zoom and pan, selections). The node's props hold what the page shows (the
SVG, the address of the compiled spec, a data-table alternative) and `ChartSource`, the
prepared spec, which compares by content: a rerun that draws the same chart sends no
chart bytes.
"""

from __future__ import annotations

from typing import Any

from ..charts import render
from ..charts.builtin import builtin_spec
from ..charts.data import records_json
from ..charts.geo import map_spec, tiles_from
from ..charts.vegalite import (
    STRETCH_WIDTH,
    Prepared,
    chosen_selections,
    from_altair,
    from_user,
    sized,
)
from ..errors import HtstAPIException
from ..runtime.context import command, current
from ..runtime.widget_spec import spec_of
from ..runtime.widgets import base_props, draw_widget, register_widget
from . import input_params, sizing
from .block import Block, public
from .chart_selection import ChartSelectionSpec, check_theme
from .tabular import append_rows, to_dataframe

TABLE_ROWS = 100  # rows in the data-table alternative; more are a CSV download


class Grown:
    """Rows add_rows appended: a page showing the chart `before` (its digest) needs only
    these rows for the dataset `dataset` (JSON), not the whole chart again."""

    __slots__ = ("before", "dataset", "rows")

    def __init__(self, before: str, dataset: str, rows: str):
        self.before = before
        self.dataset = dataset
        self.rows = rows


class ChartSource:
    """The prepared spec a chart was drawn from (for AppTest and add_rows); equal to
    another when its JSON, data included, is equal."""

    __slots__ = ("builtin", "digest", "grown", "prepared")

    def __init__(self, prepared: Prepared, digest: str, builtin: dict[str, Any] | None, grown: Grown | None = None):
        self.prepared = prepared
        self.digest = digest
        self.builtin = builtin  # a built-in chart's arguments, to rebuild it after add_rows
        self.grown = grown  # what add_rows added to the chart drawn before, if it made this one

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ChartSource) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def __repr__(self) -> str:
        return f"ChartSource({self.digest})"


class ChartElement(Block):
    """What a chart command returns: a slot that also takes `.add_rows()`."""

    __slots__ = ()

    @command
    def add_rows(self, data: Any = None, **named: Any) -> ChartElement:
        """Append rows to the chart's data and draw it again (Streamlit's add_rows): for a
        built-in chart, rows of the data it was given; for a Vega-Lite chart, rows of its
        dataset (`add_rows(name=rows)` for a named one)."""
        node = self._node
        if node is None or node.type != "vega_lite_chart":
            raise HtstAPIException("add_rows() only works on what a chart command returned, while it is shown.")
        source: ChartSource = node.props["chart"]
        if named:
            if data is not None or len(named) != 1:
                raise HtstAPIException("add_rows() takes the new rows as one argument: `add_rows(df)` or `add_rows(name=df)`.")
            name, data = next(iter(named.items()))
        else:
            name = None
        if source.builtin is not None:
            args = dict(source.builtin)
            old_len = len(args["df"])
            args["df"] = append_rows(args["df"], to_dataframe(data))
            prepared, builtin = _builtin(**args), args
            added = builtin_spec(args["kind"], args["df"].iloc[old_len:], **_options(args))[1] if len(args["df"]) > old_len else None
            name = "data"
        else:
            frames = dict(source.prepared.frames)
            name = name if name is not None else ("data" if "data" in frames else next(iter(frames), None))
            if name not in frames:
                raise HtstAPIException(
                    f"add_rows() has no dataset {name!r} to add to; this chart's datasets are {sorted(frames)}."
                )
            old_len = len(frames[name])
            frames[name] = append_rows(frames[name], to_dataframe(data))
            added = frames[name].iloc[old_len:] if len(frames[name]) > old_len else None
            prepared, builtin = Prepared(source.prepared.spec, frames, source.prepared.selections), None
        grown = None if added is None else Grown(source.digest, str(name), records_json(added))
        props = dict(node.props)
        props.update(_drawn(prepared, props["theme"], builtin, grown))
        node.props = props
        return self


def _options(args: dict[str, Any]) -> dict[str, Any]:
    """A built-in chart's arguments without its kind, data and size."""
    return {k: v for k, v in args.items() if k not in ("kind", "df", "width", "height")}


def _builtin(kind: str, df: Any, width: Any, height: Any, **options: Any) -> Prepared:
    spec, frame = builtin_spec(kind, df, **options)
    spec, _ = sized(spec, width, height, builtin=True)
    return Prepared(spec, {"data": frame}, {})


def _chart(kind: str, data: Any, *, width: Any, height: Any, use_container_width: bool | None, alt: str | None, **options: Any) -> ChartElement:
    width = sizing.width(sizing.container_width(width, use_container_width))
    height = sizing.height(height, allow=("content", "stretch"))
    args = {"kind": kind, "df": to_dataframe(data), "width": width, "height": height, **options}
    return _add(_builtin(**args), width=width, alt=alt, theme="streamlit", builtin=args)


@public
def line_chart(data: Any = None, *, x: str | None = None, y: Any = None, x_label: str | None = None, y_label: str | None = None, color: Any = None, width: Any = "stretch", height: Any = "content", use_container_width: bool | None = None, alt: str | None = None) -> ChartElement:
    """Display a line chart: one line per y column (or per value of a `color` column),
    the index as x unless `x` names a column. Hover shows the nearest point; drag and
    wheel zoom and pan once the chart is live."""
    return _chart("line", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, width=width, height=height, use_container_width=use_container_width, alt=alt)


@public
def area_chart(data: Any = None, *, x: str | None = None, y: Any = None, x_label: str | None = None, y_label: str | None = None, color: Any = None, stack: Any = None, width: Any = "stretch", height: Any = "content", use_container_width: bool | None = None, alt: str | None = None) -> ChartElement:
    """Display an area chart; `stack`: None (stacked), True, False or "layered"
    (overlapping), "normalize" (shares of 100%), "center" (streamgraph)."""
    return _chart("area", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, stack=stack, width=width, height=height, use_container_width=use_container_width, alt=alt)


@public
def bar_chart(data: Any = None, *, x: str | None = None, y: Any = None, x_label: str | None = None, y_label: str | None = None, color: Any = None, horizontal: bool = False, sort: Any = True, stack: Any = None, width: Any = "stretch", height: Any = "content", use_container_width: bool | None = None, alt: str | None = None) -> ChartElement:
    """Display a bar chart; `horizontal` turns it sideways, `sort` orders the bars (True:
    by x; False: data order; a column name, "-name" for descending), `stack` as for
    area charts (False: side by side)."""
    return _chart("bar", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, horizontal=bool(horizontal), sort=sort, stack=stack, width=width, height=height, use_container_width=use_container_width, alt=alt)


@public
def scatter_chart(data: Any = None, *, x: str | None = None, y: Any = None, x_label: str | None = None, y_label: str | None = None, color: Any = None, size: Any = None, width: Any = "stretch", height: Any = "content", use_container_width: bool | None = None, alt: str | None = None) -> ChartElement:
    """Display a scatter chart; `size` is a column or a number (the points' area), `color`
    a column (of categories, numbers or colours) or colours."""
    return _chart("scatter", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, size=size, width=width, height=height, use_container_width=use_container_width, alt=alt)


@public
def map(data: Any = None, *, latitude: str | None = None, longitude: str | None = None, color: Any = None, size: Any = None, zoom: int | None = None, width: Any = "stretch", height: Any = 500, use_container_width: bool | None = None, alt: str | None = None) -> ChartElement:
    """Display points on a map: `latitude`/`longitude` name the columns (default: lat /
    latitude / LAT / LATITUDE and lon / longitude / …), `color` a column or one colour,
    `size` a column or a number of metres, `zoom` a web-map zoom level (default: fit)."""
    width = sizing.width(sizing.container_width(width, use_container_width), allow=("stretch",))
    height = sizing.height(height, allow=())
    spec, frame = map_spec(
        to_dataframe(data), latitude=latitude, longitude=longitude, color=color, size=size, zoom=zoom,
        width=STRETCH_WIDTH if width == "stretch" else width, height=height, tiles=tiles_from(current().app.config),
    )
    return _add(Prepared(spec, {"data": frame}, {}), width=width, alt=alt or "Map", theme="streamlit")


@public
def vega_lite_chart(data: Any = None, spec: Any = None, *, width: Any = None, height: Any = "content", use_container_width: bool | None = None, theme: str | None = "streamlit", key: Any = None, on_select: Any = "ignore", selection_mode: Any = None, alt: str | None = None) -> Any:
    """Display a chart from a Vega-Lite spec (a dict or its JSON); `data` (any table)
    becomes the spec's data. `on_select="rerun"` or a callback returns the selection
    (`VegaLiteState`); `selection_mode` names the selection parameters to report."""
    prepared = from_user(data, spec, to_dataframe)
    return _user_chart(prepared, width, height, use_container_width, theme, key, on_select, selection_mode, alt)


@public
def altair_chart(altair_chart: Any, *, width: Any = None, height: Any = "content", use_container_width: bool | None = None, theme: str | None = "streamlit", key: Any = None, on_select: Any = "ignore", selection_mode: Any = None, alt: str | None = None) -> Any:
    """Display an Altair chart; selections as for st.vega_lite_chart."""
    return _user_chart(from_altair(altair_chart), width, height, use_container_width, theme, key, on_select, selection_mode, alt)


def _user_chart(prepared: Prepared, width: Any, height: Any, use_container_width: bool | None, theme: Any, key: Any, on_select: Any, selection_mode: Any, alt: str | None) -> Any:
    check_theme(theme)
    if width is not None:
        width = sizing.width(sizing.container_width(width, use_container_width))
    elif use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    height = sizing.height(height, allow=("content", "stretch"))
    spec, width = sized(prepared.spec, width, height)
    prepared = Prepared(spec, prepared.frames, prepared.selections)
    if on_select in ("ignore", None, False):
        if selection_mode is not None and on_select is None:
            raise HtstAPIException("`selection_mode` needs `on_select`.")
        return _add(prepared, width=width, alt=alt, theme=theme)
    callback = input_params.callback(on_select, name="on_select")
    params = chosen_selections(prepared.selections, selection_mode)
    widget = spec_of(ChartSelectionSpec, tuple(params.items()))
    ctx, meta, value = register_widget(
        widget, key=key, identity=("vega_lite_chart", render.digest_of(_spec_only(prepared), theme), tuple(params)),
        default=widget.empty(), callback=callback,
    )
    props = base_props(meta, "", None, False, "collapsed")
    props.update(_drawn(prepared, theme, None), theme=theme, width=width, alt=alt, select=tuple(params.items()))
    draw_widget(ctx, meta, value, props)
    return value


def _spec_only(prepared: Prepared) -> str:
    return Prepared(prepared.spec, {}, {}).json()


def _add(prepared: Prepared, *, width: Any, alt: str | None, theme: str | None, builtin: dict[str, Any] | None = None) -> ChartElement:
    props = {"theme": theme, "width": width, "alt": alt, **_drawn(prepared, theme, builtin)}
    return ChartElement(current().add("vega_lite_chart", props))


def _drawn(prepared: Prepared, theme: str | None, builtin: dict[str, Any] | None, grown: Grown | None = None) -> dict[str, Any]:
    """The props that change with the chart's content."""
    shape, datasets = prepared.parts()
    drawing = render.draw(shape, theme, datasets)
    if grown is None:
        drawing.vega  # noqa: B018 (compiled now: a spec Vega-Lite refuses is the script's error)
    media = current().app.media
    if drawing.table is None:
        drawing.table = _table(prepared)
    table, csv = drawing.table
    return {
        "chart": ChartSource(prepared, drawing.digest, builtin, grown),
        "drawing": drawing,  # its SVG is drawn when a page shows it
        "vega": media.add_lazy(drawing.digest, "application/json", lambda: drawing.vega),
        "table": table,
        "csv": None if csv is None else media.add(csv, "text/csv", "chart-data.csv"),
    }


def _table(prepared: Prepared) -> tuple[Any, bytes | None]:
    """The chart's main data as a table (the first rows) and, for more, a CSV download."""
    frame = next((f for f in prepared.frames.values() if hasattr(f, "columns")), None)
    if frame is None or len(frame.columns) == 0:
        return None, None
    head = frame.head(TABLE_ROWS)
    rows = tuple(tuple("" if v is None else str(v) for v in row) for row in head.astype(object).where(head.notna(), None).itertuples(index=False))
    table = (tuple(str(c) for c in frame.columns), rows, len(frame))
    csv = None
    if len(frame) > TABLE_ROWS:
        csv = frame.to_csv(index=False).encode()
    return table, csv


__all__ = ["ChartElement", "altair_chart", "area_chart", "bar_chart", "line_chart", "map", "scatter_chart", "vega_lite_chart"]
