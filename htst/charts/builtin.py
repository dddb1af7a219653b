"""The Vega-Lite specs of st.line_chart, st.area_chart, st.bar_chart and st.scatter_chart.

Data is read as Streamlit reads it: without `x`, the index is the x axis; `y` names one
column or several (default: every other column); several y columns, or `color` given
as a list of colours, are drawn as one series per column (the frame is melted to long
form: x, series, value); `color` naming a column splits long data into series (a
column of colour values paints each point). The specs draw like Streamlit's: legend
at the bottom, a tooltip, the nearest point highlighted on hover for lines, zoom and
pan on continuous charts.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import HtstAPIException
from .data import column, field, vega_type

HOVER_LAYER = "htst_hover"  # render.py leaves this layer out of the page's drawing

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
DATA = "data"  # the dataset's name in every built-in spec
KINDS = ("line", "area", "bar", "scatter")

_INDEX = "index"
_SERIES = "series"
_VALUE = "value"
_STACKS = {True: "zero", "normalize": "normalize", "center": "center"}
_LEGEND = {"orient": "bottom", "titlePadding": 5, "offset": 5}
_COLOR = re.compile(
    r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|(?:rgb|rgba|hsl|hsla)\([^()]*\)"
)


def builtin_spec(
    kind: str,
    df: Any,
    *,
    x: Any = None,
    y: Any = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    size: Any = None,
    stack: Any = None,
    horizontal: bool = False,
    sort: Any = True,
) -> tuple[dict[str, Any], Any]:
    """The spec (its data named `DATA`, size not set) and the frame it reads."""
    if kind not in KINDS:
        raise ValueError(kind)
    df, x_col, x_title = _with_x(df, x)
    color_col = column(df, color, "color") if _is_column_name(df, color) else None
    size_col = column(df, size, "size") if isinstance(size, str) else None
    y_cols = _y_columns(df, y, exclude=(x_col, color_col, size_col))
    colors = None if color_col is not None or color is None else colors_of(color)

    long = len(y_cols) > 1 or (colors is not None and len(colors) > 1)
    if long and color_col is not None:
        raise HtstAPIException(
            "`color` names a column, which needs one `y` column; with several y columns, "
            "pass `color` as a list of colours (one per column) or leave it out."
        )
    if colors is not None and long and len(colors) != len(y_cols):
        raise HtstAPIException(
            f"`color` has {len(colors)} colours for {len(y_cols)} y columns; give one colour per column."
        )
    if long:
        df = df[[x_col, *y_cols]].melt(id_vars=[x_col], var_name=_SERIES, value_name=_VALUE)
        df[_SERIES] = df[_SERIES].astype(str)
        y_field, y_title, series = _VALUE, "", _SERIES
    else:
        y_field, y_title, series = (y_cols[0] if y_cols else _VALUE), (str(y_cols[0]) if x is not None and y_cols else ""), color_col

    x_enc: dict[str, Any] = {
        "field": field(x_col), "type": vega_type(df[x_col], discrete="ordinal") if len(df.columns) else "quantitative",
        "title": x_title if x_label is None else str(x_label), "axis": {"grid": False},
    }
    if kind == "bar" and x_enc["type"] == "quantitative":
        x_enc["type"] = "ordinal"  # one bar per value
    y_enc: dict[str, Any] = {
        "field": field(y_field), "type": "quantitative",
        "title": y_title if y_label is None else str(y_label), "axis": {"grid": True},
    }
    tooltip = [{"field": field(x_col), "type": x_enc["type"], "title": str(x_col)},
               {"field": field(y_field), "type": "quantitative", "title": str(y_field)}]
    encoding: dict[str, Any] = {"x": x_enc, "y": y_enc}
    if series is not None:
        color_enc: dict[str, Any] = {"field": field(series), "legend": dict(_LEGEND)}
        if long:
            color_enc["title"] = " "
            color_enc["type"] = "nominal"
            if colors is not None:
                color_enc["scale"] = {"domain": [str(c) for c in y_cols], "range": colors}
        elif holds_colors(df[series]):
            color_enc.update(type="nominal", scale=None, legend=None)
        else:
            color_enc["type"] = vega_type(df[series]) if kind == "scatter" else "nominal"
            color_enc["title"] = str(series)
        encoding["color"] = color_enc
        tooltip.append({"field": field(series), "type": color_enc["type"], "title": str(series) if not long else "color"})
    mark: dict[str, Any] = {"type": {"scatter": "circle"}.get(kind, kind)}
    if colors is not None and not long:
        mark["color"] = colors[0]
    if kind == "scatter":
        if size_col is not None:
            encoding["size"] = {"field": field(size_col), "type": "quantitative", "title": str(size_col), "legend": dict(_LEGEND)}
            tooltip.append({"field": field(size_col), "type": "quantitative", "title": str(size_col)})
        elif size is not None:
            if not isinstance(size, (int, float)) or isinstance(size, bool) or size <= 0:
                raise HtstAPIException(f"`size` must be a column name or a positive number, got {size!r}.")
            mark["size"] = size
    if kind in ("bar", "area"):
        _stack(kind, stack, encoding, series, horizontal)
    elif stack is not None:
        raise HtstAPIException(f"`stack` is a parameter of st.bar_chart and st.area_chart, not st.{kind}_chart.")
    if kind == "bar":
        _sort(sort, x_enc, df)
    encoding["tooltip"] = tooltip
    if horizontal:
        encoding["x"], encoding["y"] = encoding["y"], encoding["x"]
        if "xOffset" in encoding:
            encoding["yOffset"] = encoding.pop("xOffset")

    spec: dict[str, Any] = {"$schema": SCHEMA, "data": {"name": DATA}}
    if kind == "line":
        # The line, invisible points that find the nearest one to the pointer (their tooltip),
        # and that point drawn while hovered (decorative: the invisible points describe it).
        hover = {"name": "hover", "select": {"type": "point", "on": "pointermove", "nearest": True,
                                              "clear": "pointerout", "fields": [field(x_col)]}}
        spec["layer"] = [
            {"mark": mark, "encoding": {k: v for k, v in encoding.items() if k != "tooltip"},
             "params": [{"name": "zoom", "select": {"type": "interval", "encodings": ["x", "y"]}, "bind": "scales"}]},
            {"name": HOVER_LAYER, "mark": {"type": "point", "opacity": 0, "size": 80}, "encoding": encoding, "params": [hover]},
            {"mark": {"type": "point", "filled": True, "size": 65, "aria": False, **({"color": mark["color"]} if "color" in mark else {})},
             "encoding": {k: v for k, v in encoding.items() if k != "tooltip"},
             "transform": [{"filter": {"param": "hover", "empty": False}}]},
        ]
        spec["config"] = {"legend": {"symbolType": "stroke"}}
    else:
        spec["mark"] = mark
        spec["encoding"] = encoding
        if kind in ("scatter", "area"):
            spec["params"] = [{"name": "zoom", "select": {"type": "interval", "encodings": ["x", "y"]}, "bind": "scales"}]
    return spec, df


def _with_x(df: Any, x: Any) -> tuple[Any, Any, str]:
    """The frame with the x column, that column, and the x axis' default title."""
    if x is not None:
        return df, column(df, x, "x"), str(x)
    name = df.index.name if df.index.name is not None else _INDEX
    taken = {str(c) for c in df.columns}
    while str(name) in taken:
        name = f"({name})"
    out = df.copy(deep=False)
    out.insert(0, name, df.index.to_numpy() if len(df.index) else [])
    return out.reset_index(drop=True), name, ""


def _y_columns(df: Any, y: Any, exclude: tuple[Any, ...]) -> list[Any]:
    if y is None:
        return [c for c in df.columns if not any(c is e or (e is not None and str(c) == str(e)) for e in exclude)]
    names = [y] if isinstance(y, str) or not hasattr(y, "__iter__") else list(y)
    if not names:
        raise HtstAPIException("`y` names no column: pass a column name or a list of column names.")
    return [column(df, name, "y") for name in names]


def _is_column_name(df: Any, value: Any) -> bool:
    if not isinstance(value, str):
        return False
    if any(str(c) == value for c in df.columns):
        return True
    if _COLOR.fullmatch(value.strip()):
        return False
    raise HtstAPIException(
        f"`color` {value!r} is neither a column of the chart's data nor a colour "
        '(use "#rrggbb", "#rgb", "rgb(…)" or a column name).'
    )


def colors_of(color: Any) -> list[str]:
    """`color` as a list of CSS colours: one colour, or one per y column."""
    values = [color] if isinstance(color, str) or is_tuple_color(color) else list(color)
    out = []
    for value in values:
        if isinstance(value, str) and _COLOR.fullmatch(value.strip()):
            out.append(value.strip())
        elif is_tuple_color(value):
            out.append(tuple_color(value))
        else:
            raise HtstAPIException(
                f"This does not look like a colour: {value!r}. Use a hex string (\"#ffaa00\"), "
                "an RGB or RGBA tuple, or a column name."
            )
    return out


def is_tuple_color(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) in (3, 4) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in value
    )


def tuple_color(value: tuple) -> str:
    """(r, g, b[, a]): ints in 0..255, or floats in 0..1 for each channel (alpha in 0..1)."""
    rgb = value[:3]
    if all(isinstance(v, float) for v in rgb) and all(0 <= v <= 1 for v in rgb):
        rgb = tuple(round(v * 255) for v in rgb)
    if any(not 0 <= v <= 255 for v in rgb):
        raise HtstAPIException(f"Colour channels must be in 0..255 (or 0.0..1.0): {value!r}.")
    if len(value) == 4:
        alpha = value[3] / 255 if value[3] > 1 else value[3]
        return f"rgba({int(rgb[0])}, {int(rgb[1])}, {int(rgb[2])}, {alpha:g})"
    return f"rgb({int(rgb[0])}, {int(rgb[1])}, {int(rgb[2])})"


def holds_colors(values: Any) -> bool:
    """A column whose values are all colours paints each point with its own."""
    sample = values.dropna().head(50)
    return len(sample) > 0 and all(isinstance(v, str) and _COLOR.fullmatch(v.strip()) for v in sample)


def _stack(kind: str, stack: Any, encoding: dict[str, Any], series: Any, horizontal: bool) -> None:
    """bar/area `stack`: None (Vega's default), True, False, "normalize", "center", "layered"."""
    y = encoding["y"]
    if stack is None:
        return
    if stack is False and kind == "bar":
        if series is not None:
            encoding["xOffset"] = {"field": field(series)}  # side by side
        y["stack"] = None
    elif stack is False or stack == "layered":
        y["stack"] = None
        encoding["opacity"] = {"value": 0.7}
    elif stack in _STACKS:
        y["stack"] = _STACKS[stack]
    else:
        raise HtstAPIException(
            f'Invalid `stack` value: {stack!r}. Use True, False, "layered", "normalize" or "center".'
        )


def _sort(sort: Any, x_enc: dict[str, Any], df: Any) -> None:
    """bar `sort`: True (by x, ascending), False (data order), or a column, "-" first for descending."""
    if sort is True:
        return
    if sort is False:
        x_enc["sort"] = None
        return
    if not isinstance(sort, str) or not sort:
        raise HtstAPIException(f"Invalid `sort` value: {sort!r}. Use True, False, or a column name (\"-name\" for descending).")
    descending = sort.startswith("-")
    name = column(df, sort[1:] if descending else sort, "sort")
    x_enc["sort"] = {"field": field(name), "order": "descending" if descending else "ascending"}
