"""st.pydeck_chart: a pydeck Deck drawn by the vendored deck.gl (loaded on pages with one,
after the first paint) from the Deck's JSON, with object selections as Streamlit returns
them.

The Deck's `map_style` (a Carto or Mapbox style) is not fetched: it needs a tile service
this deployment may not have. When config names one (`map.tileUrl`), layers are laid on
its raster tiles (a deck.gl TileLayer), else drawn over the page. Until deck.gl runs, and
without JS, point layers (a `get_position` of two columns, e.g. "[lon, lat]") are drawn
on the server like st.map (on the same tiles); other layers say that they are drawn in
the browser.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..charts import render
from ..charts.geo import Tiles, map_spec, tiles_from
from ..charts.vegalite import STRETCH_WIDTH, Prepared
from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.context import current
from ..runtime.widget_spec import WidgetSpec, spec_of
from ..runtime.widgets import base_props, draw_widget, register_widget
from . import input_params, sizing
from .block import add_element, public
from .chart_selection import AttributeDict

_POSITION = re.compile(r"@@=\s*\[\s*(\w+)\s*,\s*(\w+)\s*\]\s*")
MODES = ("single-object", "multi-object")


class PydeckState(AttributeDict):
    """What a deck with `on_select` returns: `{"selection": {"indices": {layer: [...]}, "objects": {layer: [...]}}}`."""


def _state(indices: dict[str, list[int]], objects: dict[str, list[Any]]) -> PydeckState:
    return PydeckState(selection=AttributeDict(indices=AttributeDict(indices), objects=AttributeDict(objects)))


@dataclass(frozen=True, slots=True)
class PydeckSelectionSpec(WidgetSpec):
    mode: str
    kind = "pydeck_chart"
    in_forms = False

    def empty(self) -> PydeckState:
        return _state({}, {})

    def parse(self, raw: Any) -> PydeckState:
        try:
            posted = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            raise InvalidWidgetValue("a deck selection is JSON") from None
        if not isinstance(posted, dict):
            raise InvalidWidgetValue("a deck selection is a JSON object")
        indices, objects = posted.get("indices") or {}, posted.get("objects") or {}
        if not isinstance(indices, dict) or not isinstance(objects, dict):
            raise InvalidWidgetValue("a deck selection has indices and objects by layer id")
        clean: dict[str, list[int]] = {}
        for layer, values in indices.items():
            if not isinstance(values, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in values):
                raise InvalidWidgetValue("selected indices are lists of integers")
            clean[str(layer)] = values[-1:] if self.mode == "single-object" else values
        kept = {str(layer): (list(values)[-1:] if self.mode == "single-object" else list(values)) for layer, values in objects.items() if str(layer) in clean}
        return _state(clean, kept)

    def serialize(self, value: Any) -> str:
        selection = value.get("selection", {}) if isinstance(value, dict) else {}
        shown = {"indices": selection.get("indices") or {}, "objects": selection.get("objects") or {}}
        return json.dumps(shown, separators=(",", ":"), sort_keys=True, default=str)


def _deck_json(pydeck_obj: Any) -> dict[str, Any]:
    if pydeck_obj is None:
        return {"layers": [], "initialViewState": {"latitude": 0, "longitude": 0, "zoom": 1}}
    if not hasattr(pydeck_obj, "to_json"):
        raise HtstAPIException(f"st.pydeck_chart takes a pydeck Deck, got {type(pydeck_obj).__name__}.")
    deck = json.loads(pydeck_obj.to_json())
    deck.pop("mapStyle", None)  # a tile service: not fetched (see the module docstring)
    deck.pop("mapProvider", None)
    tooltip = getattr(pydeck_obj, "_tooltip", None)
    if isinstance(tooltip, dict):
        deck["htstTooltip"] = tooltip
    return deck


def _static(deck: dict[str, Any], height: int, width: int, tiles: Tiles | None) -> str | None:
    """The point layers drawn on the server as st.map draws points, or None."""
    import pandas as pd

    frames = []
    for layer in deck.get("layers", []):
        match = _POSITION.fullmatch(str(layer.get("getPosition", "")))
        data = layer.get("data")
        if match is None or not isinstance(data, list) or not data:
            return None
        lon, lat = match.groups()
        rows = [(row.get(lon), row.get(lat)) for row in data if isinstance(row, dict)]
        frames.append(pd.DataFrame(rows, columns=["lon", "lat"]))
    if not frames:
        return None
    view = deck.get("initialViewState") or {}
    zoom = view.get("zoom")
    spec, frame = map_spec(
        pd.concat(frames, ignore_index=True), latitude="lat", longitude="lon", color=None, size=None,
        zoom=int(zoom) if isinstance(zoom, (int, float)) and 0 <= zoom <= 24 else None, width=width, height=height, tiles=tiles,
    )
    shape, datasets = Prepared(spec, {"data": frame}, {}).parts()
    return render.draw(shape, "streamlit", datasets).svg


@public
def pydeck_chart(
    pydeck_obj: Any = None,
    *,
    width: Any = "stretch",
    use_container_width: bool | None = None,
    height: Any = 500,
    selection_mode: str = "single-object",
    on_select: Any = "ignore",
    key: Any = None,
    alt: str | None = None,
) -> Any:
    """Display a pydeck chart (deck.gl layers). `on_select="rerun"` or a callback returns
    a PydeckState (`event.selection.indices[layer_id]`, `.objects[layer_id]`); layers
    must be `pickable=True` to be selected."""
    if selection_mode not in MODES:
        raise HtstAPIException(f"Invalid selection mode: {selection_mode!r}. Use 'single-object' or 'multi-object'.")
    size = sizing.width(sizing.container_width(width, use_container_width), allow=("stretch",))
    tall = sizing.height(height, allow=())
    deck = _deck_json(pydeck_obj)
    ctx = current()
    tiles = tiles_from(ctx.app.config)
    svg = _static(deck, tall, size if isinstance(size, int) else STRETCH_WIDTH, tiles)
    if tiles is not None:
        deck["htstTiles"] = {"url": tiles.url, "attribution": tiles.attribution}
    payload = json.dumps(deck, separators=(",", ":")).encode()
    props = {
        "deck": ctx.app.media.add(payload, "application/json"),
        "svg": None if svg is None else Markup(svg),
        "width": size,
        "plot_height": tall,
        "alt": alt.strip() if isinstance(alt, str) and alt.strip() else None,
    }
    if on_select in ("ignore", None, False):
        return add_element("pydeck_chart", props)
    callback = input_params.callback(on_select, name="on_select")
    widget = spec_of(PydeckSelectionSpec, selection_mode)
    ctx, meta, value = register_widget(widget, key=key, identity=("pydeck_chart", props["deck"], selection_mode), default=widget.empty(), callback=callback)
    widget_props = base_props(meta, "", None, False, "collapsed")
    widget_props.update(props, mode=selection_mode)
    draw_widget(ctx, meta, value, widget_props)
    return value
