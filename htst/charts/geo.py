"""st.map's spec: points on a Mercator projection, drawn by Vega like every other chart.

No tile server is needed: the land of the world (Natural Earth 1:110m, from npm
`world-atlas` 2.0.2, ISC licence) is drawn under the points while the view is wide
enough for it to mean something. A deployment with a tile service names it in config
(`map.tileUrl`, `map.tileAttribution`): the map is then laid on its tiles, which the
viewer's browser fetches (the drawing holds their URLs; the server fetches nothing).
The view fits the points (or `zoom`, as web-map zoom levels, so tiles fit it exactly);
sizes are in metres, as in Streamlit, converted at the map's scale.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import HtstAPIException
from .builtin import SCHEMA, colors_of, holds_colors, is_tuple_color
from .data import field

LATITUDES = ("lat", "latitude", "LAT", "LATITUDE")
LONGITUDES = ("lon", "longitude", "LON", "LONGITUDE")
DEFAULT_COLOR = "rgba(200, 30, 0, 0.63)"
DEFAULT_SIZE = 100.0  # metres
MAX_ZOOM = 16
LAND_UNTIL_ZOOM = 6  # closer than this, 1:110m coastlines say nothing
_TILE = 256
_EARTH = 156_543.03392  # metres per pixel at the equator, zoom 0, 256-pixel tiles


@dataclass(frozen=True, slots=True)
class Tiles:
    """A raster tile service: an XYZ URL template ({z}/{x}/{y}) and the credit it asks for."""

    url: str
    attribution: str = ""

    def __post_init__(self) -> None:
        missing = [k for k in ("{z}", "{x}", "{y}") if k not in self.url]
        if missing:
            raise HtstAPIException(
                f"The `map.tileUrl` option must be an XYZ tile URL template with {{z}}, {{x}} and {{y}} "
                f"(e.g. https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png); {', '.join(missing)} missing from {self.url!r}."
            )

    def url_of(self, z: int, x: int, y: int) -> str:
        return self.url.replace("{z}", str(z)).replace("{x}", str(x)).replace("{y}", str(y))


def tiles_from(config: Any) -> Tiles | None:
    """The deployment's tile service, or None (points on land outlines)."""
    url = str(config["map.tileUrl"]).strip()
    return Tiles(url, str(config["map.tileAttribution"]).strip()) if url else None


@functools.cache
def land() -> dict[str, Any]:
    return json.loads((Path(__file__).parent / "land-110m.json").read_text())


def map_spec(df: Any, *, latitude: str | None, longitude: str | None, color: Any, size: Any, zoom: int | None, width: int, height: int, tiles: Tiles | None = None) -> tuple[dict[str, Any], Any]:
    """The spec (data named "data") and the frame of the points it draws."""
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    lat = _coordinate(df, latitude, LATITUDES, "latitude")
    lon = _coordinate(df, longitude, LONGITUDES, "longitude")
    frame = df.dropna(subset=[lat, lon])
    for name, low, high in ((lat, -90, 90), (lon, -180, 180)):
        values = frame[name]
        if not is_numeric_dtype(values) or is_bool_dtype(values):
            raise HtstAPIException(f"The `{name}` column must hold numbers.")
        if len(values) and (values.min() < low or values.max() > high):
            raise HtstAPIException(f"The `{name}` column has values outside [{low}, {high}].")
    center, level = _view(frame[lat].tolist(), frame[lon].tolist(), width, height, zoom)
    metres_per_pixel = _EARTH * math.cos(math.radians(center[1])) / 2**level
    projection = {"type": "mercator", "center": list(center), "scale": _TILE * 2**level / (2 * math.pi),
                  "translate": [width / 2, height / 2]}

    encoding: dict[str, Any] = {
        "longitude": {"field": field(lon), "type": "quantitative"},
        "latitude": {"field": field(lat), "type": "quantitative"},
        "tooltip": [{"field": field(lat), "type": "quantitative"}, {"field": field(lon), "type": "quantitative"}],
    }
    mark: dict[str, Any] = {"type": "circle", "opacity": 1}
    if isinstance(color, str) and any(str(c) == color for c in frame.columns):
        column = next(c for c in frame.columns if str(c) == color)
        encoding["color"] = {"field": field(column), "type": "nominal"}
        if holds_colors(frame[column]):
            encoding["color"].update(scale=None, legend=None)
    else:
        mark["color"] = colors_of(color)[0] if color is not None and (isinstance(color, str) or is_tuple_color(color)) else DEFAULT_COLOR
        if color is not None and not isinstance(color, str) and not is_tuple_color(color):
            raise HtstAPIException(f"`color` must be a column name or one colour, got {color!r}.")

    def area(metres: float) -> float:
        radius = max(metres / metres_per_pixel, 2.0)  # always visible
        return math.pi * radius * radius

    if isinstance(size, str):
        column = next((c for c in frame.columns if str(c) == size), None)
        if column is None:
            raise HtstAPIException(f"The `size` column {size!r} is not in the map's data.")
        frame = frame.assign(**{"(size px²)": frame[column].map(lambda m: area(float(m)))})
        encoding["size"] = {"field": "(size px²)", "type": "quantitative", "scale": None, "legend": None}
    else:
        metres = DEFAULT_SIZE if size is None else size
        if not isinstance(metres, (int, float)) or isinstance(metres, bool) or metres <= 0:
            raise HtstAPIException(f"`size` must be a column name or a positive number of metres, got {size!r}.")
        mark["size"] = area(float(metres))

    layers: list[dict[str, Any]] = []
    if tiles is not None:
        layers.append(_tile_layer(tiles, center, level, width, height))
    elif level < LAND_UNTIL_ZOOM:
        layers.append({"data": {"values": land(), "format": {"type": "topojson", "feature": "land"}},
                       "mark": {"type": "geoshape", "fill": "rgba(128,128,128,0.18)", "stroke": None}})
    layers.append({"data": {"name": "data"}, "mark": mark, "encoding": encoding})
    if tiles is not None and tiles.attribution:
        layers.append({"data": {"values": [{"credit": tiles.attribution}]},
                       "mark": {"type": "text", "align": "right", "baseline": "bottom", "fontSize": 10, "dx": -4,
                                "dy": -2, "x": width, "y": height, "aria": False},
                       "encoding": {"text": {"field": "credit", "type": "nominal"}}})
    spec = {"$schema": SCHEMA, "width": width, "height": height, "projection": projection,
            "layer": layers, "config": {"view": {"clip": True}}}
    return spec, frame


def _tile_layer(tiles: Tiles, center: tuple[float, float], level: int, width: int, height: int) -> dict[str, Any]:
    """An image layer of the tiles that cover the view, placed in the view's pixels (the
    projection is web Mercator at a whole zoom level, so tiles fit it exactly)."""
    count = 2**level
    world = _TILE * count
    left = (center[0] + 180) / 360 * world - width / 2
    top = _mercator_y(center[1]) * world - height / 2
    rows = []
    for ty in range(max(0, math.floor(top / _TILE)), min(count - 1, math.floor((top + height) / _TILE)) + 1):
        for tx in range(math.floor(left / _TILE), math.floor((left + width) / _TILE) + 1):
            rows.append({"url": tiles.url_of(level, tx % count, ty), "x": tx * _TILE - left, "y": ty * _TILE - top})
    return {"data": {"values": rows},
            "mark": {"type": "image", "width": _TILE, "height": _TILE, "align": "left", "baseline": "top",
                     "aspect": False, "aria": False},
            "encoding": {"x": {"field": "x", "type": "quantitative", "scale": None},
                         "y": {"field": "y", "type": "quantitative", "scale": None},
                         "url": {"field": "url", "type": "nominal"}}}


def _mercator_y(lat: float) -> float:
    """Latitude as a fraction of the web-Mercator world's height, from the top."""
    lat = max(min(lat, 85.05112878), -85.05112878)
    return (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2


def _coordinate(df: Any, given: str | None, names: tuple[str, ...], what: str) -> Any:
    if given is not None:
        for column in df.columns:
            if str(column) == str(given):
                return column
        raise HtstAPIException(f"Map data has no column {given!r} for `{what}`.")
    for name in names:
        for column in df.columns:
            if str(column) == name:
                return column
    raise HtstAPIException(f"Map data must contain a {what} column named: {', '.join(names)}; or pass `{what}=`.")


def _view(lats: list[float], lons: list[float], width: int, height: int, zoom: int | None) -> tuple[tuple[float, float], int]:
    """The centre (lon, lat) and zoom level that fit the points with a margin."""
    if not lats:
        return (0.0, 0.0), 0 if zoom is None else int(zoom)

    xs = [(lon + 180) / 360 for lon in lons]
    ys = [_mercator_y(lat) for lat in lats]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    lat_c = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * cy))))
    center = (cx * 360 - 180, lat_c)
    if zoom is not None:
        if not isinstance(zoom, int) or isinstance(zoom, bool) or not 0 <= zoom <= 24:
            raise HtstAPIException(f"`zoom` must be a whole number from 0 to 24, got {zoom!r}.")
        return center, zoom
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    if span_x == 0 and span_y == 0:
        return center, 12
    fit = min(width / (_TILE * span_x) if span_x else math.inf, height / (_TILE * span_y) if span_y else math.inf)
    return center, max(0, min(MAX_ZOOM, int(math.floor(math.log2(fit * 0.8)))))
