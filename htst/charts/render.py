"""Drawing a Vega-Lite spec once per content: SVG for the page, compiled Vega for the
browser's live view (tooltips, zoom, selections).

Vega's own engine draws the SVG (`vl-convert-python`, offline), so the first paint is
what the browser library would draw. A drawing is cached by a digest of the spec's JSON
(data included) and the theme: a chart that does not change costs a dictionary lookup,
and the same chart in every session is drawn once. The engine takes ~0.5 s to start,
so the server warms it at start-up (`warm`), not in a user's first request.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import OrderedDict
from typing import Any

from ..errors import HtstAPIException
from .builtin import HOVER_LAYER

# Streamlit's look, in colours that follow the page: text in the page's colour
# (currentColor, so the dark theme needs no second drawing), no background.
STREAMLIT_THEME: dict[str, Any] = {
    "background": None,
    "font": '"Source Sans Pro", system-ui, sans-serif',
    "view": {"stroke": None, "continuousWidth": 400, "continuousHeight": 300},
    "title": {"color": "currentColor", "fontSize": 16, "anchor": "start", "fontWeight": 600},
    "axis": {
        "labelColor": "currentColor", "titleColor": "currentColor", "labelFontSize": 12,
        "titleFontSize": 12, "titleFontWeight": 400, "gridColor": "rgba(128,128,128,0.22)",
        "domain": False, "tickColor": "rgba(128,128,128,0.35)", "labelPadding": 4,
    },
    "legend": {"labelColor": "currentColor", "titleColor": "currentColor", "labelFontSize": 12, "titleFontSize": 12},
    "header": {"labelColor": "currentColor", "titleColor": "currentColor"},
    "range": {"category": ["#0068C9", "#83C9FF", "#FF2B2B", "#FFABAB", "#29B09D",
                           "#7DEFA1", "#FF8700", "#FFD16A", "#6D3FC0", "#D5DAE5"]},
    "mark": {"color": "#0068C9"},
    "line": {"strokeWidth": 2},
}

# Drawings kept, by total size of their SVG and Vega JSON (bytes).
CACHE_BYTES = 64 * 1024 * 1024


class Drawing:
    """A chart, compiled and drawn when first asked: `vega` is the compiled spec with its
    data (JSON, for the browser's live view); `svg` the page's drawing (None if the
    server could not draw it: `error` says why, and the browser draws it).

    Nothing is computed until needed: a chart that add_rows grows many times during a
    run is compiled when a browser asks for its live view and drawn when a page shows
    it, not once per call. Drawings with the same digest are equal (and hash alike), so
    props holding one are shared between runs and sessions.
    """

    __slots__ = ("_error", "_source", "_spec", "_svg", "_vega", "digest", "table")

    def __init__(self, digest: str, spec_json: str, theme: str | None, datasets: Datasets):
        self.digest = digest
        self._source: tuple[str, str | None, Datasets] | None = (spec_json, theme, datasets)  # until compiled
        self._vega: bytes | None = None
        self._spec: tuple[Any, Datasets] | None = None  # the compiled shape and its data, until drawn
        self._svg: str | None = None
        self._error: str | None = None
        # The data-table alternative (rows, and the CSV of all rows), made once per
        # drawing by the element that shows it: same digest, same data.
        self.table: Any = None

    @property
    def vega(self) -> bytes:
        """The compiled spec; a spec Vega-Lite cannot compile raises HtstAPIException."""
        if self._vega is None:
            with _engine_lock:
                if self._vega is None and self._source is not None:
                    spec_json, theme, datasets = self._source
                    shape = _compiled_shape(spec_json, theme, datasets)
                    self._spec, self._source = (shape, datasets), None
                    self._vega = _filled(shape, datasets).encode()
        return self._vega  # type: ignore[return-value]

    @property
    def svg(self) -> str | None:
        self._draw()
        return self._svg

    @property
    def error(self) -> str | None:
        self._draw()
        return self._error

    def _draw(self) -> None:
        if self._vega is not None and self._spec is None:
            return  # drawn
        self.vega  # noqa: B018 (compiles, if not yet)
        with _engine_lock:
            compiled, self._spec = self._spec, None
            if compiled is None:
                return  # drawn by another thread meanwhile
            shape, datasets = compiled
            try:
                self._svg = _trimmed(_engine().vega_to_svg(_filled(_static(shape), datasets)))
            except Exception as exc:  # e.g. data from a URL the server cannot reach
                self._error = _first_line(exc)

    @property
    def size(self) -> int:
        source = self._source[0] + "".join(self._source[2].values()) if self._source is not None else ""
        return 3 * (len(source) + len(self._vega or b""))  # spec, compiled spec and SVG are of one order

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Drawing) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def __repr__(self) -> str:
        return f"Drawing({self.digest})"


Datasets = dict[str, str]  # dataset name -> its rows as JSON text

_cache: OrderedDict[str, Drawing] = OrderedDict()
_cache_size = 0
_lock = threading.Lock()
_engine_lock = threading.Lock()  # one conversion at a time: the engine is one JS runtime


def _engine() -> Any:
    try:
        import vl_convert
    except ImportError:
        raise HtstAPIException(
            "Drawing charts needs vl-convert-python: `pip install vl-convert-python` "
            "(it comes with `pip install htst`)."
        ) from None
    return vl_convert


def digest_of(spec_json: str, theme: str | None, datasets: Datasets | None = None) -> str:
    hashed = hashlib.blake2b(f"{theme}\0{spec_json}".encode(), digest_size=12)
    for name, rows in (datasets or {}).items():
        hashed.update(f"\0{name}\0{rows}".encode())
    return hashed.hexdigest()


def draw(spec_json: str, theme: str | None, datasets: Datasets | None = None) -> Drawing:
    """The drawing of a Vega-Lite spec (JSON text), from the cache if made; it is
    compiled and drawn when first read (`Drawing`). `datasets` are the rows of the
    spec's named datasets (`"datasets": {name: []}` in the spec): kept out of it, a spec
    whose data changes is compiled once and its rows spliced in."""
    global _cache_size
    datasets = datasets or {}
    digest = digest_of(spec_json, theme, datasets)
    with _lock:
        found = _cache.get(digest)
        if found is not None:
            _cache.move_to_end(digest)
            return found
    drawing = Drawing(digest, spec_json, theme, datasets)
    with _lock:
        if digest not in _cache:
            _cache[digest] = drawing
            _cache_size += drawing.size
            while _cache_size > CACHE_BYTES and len(_cache) > 1:
                _, old = _cache.popitem(last=False)
                _cache_size -= old.size
    return drawing


# Compiled specs without their data, by digest: a chart whose rows change each run is
# compiled once (Vega-Lite never reads the rows; ~10 ms of a 1,000-point chart).
_shapes: OrderedDict[str, Any] = OrderedDict()
_SHAPES_KEPT = 256
_ROWS = "\0htst-rows:"  # stands for a dataset's rows in a compiled shape


def _compiled_shape(spec_json: str, theme: str | None, datasets: Datasets) -> Any:
    """The compiled spec, each named dataset's values a placeholder for `_filled` (the
    caller holds the engine lock)."""
    if not datasets:
        return _compile(spec_json, theme)
    key = digest_of(spec_json, theme)
    shape = _shapes.get(key)
    if shape is None:
        shape = _compile(spec_json, theme)
        for data in shape.get("data", ()):
            if data.get("name") in datasets and "values" in data:
                data["values"] = _ROWS + data["name"]
        _shapes[key] = shape
        if len(_shapes) > _SHAPES_KEPT:
            _shapes.popitem(last=False)
    else:
        _shapes.move_to_end(key)
    return shape


def _filled(shape: Any, datasets: Datasets) -> str:
    """A compiled shape as JSON text with its datasets' rows in place."""
    text = json.dumps(shape, separators=(",", ":"))
    for name, rows in datasets.items():
        text = text.replace(json.dumps(_ROWS + name), rows, 1)
    return text


def _compile(spec_json: str, theme: str | None) -> Any:
    """Vega-Lite to Vega (the caller holds the engine lock)."""
    config = STREAMLIT_THEME if theme == "streamlit" else None
    try:
        vega = _engine().vegalite_to_vega(spec_json, config=config)
    except HtstAPIException:
        raise
    except Exception as exc:  # the engine reports spec errors as plain exceptions
        raise HtstAPIException(f"This Vega-Lite spec could not be compiled: {_first_line(exc)}") from None
    _fix_voronoi_tooltips(vega)
    return vega


_BARE_DATUM = re.compile(r"(?<![.\w])datum\[")


def _fix_voronoi_tooltips(vega: Any) -> None:
    """Vega-Lite 6 compiles a `nearest` selection's voronoi cells with tooltips that read
    nominal fields from the cell (`datum["f"]`) instead of its point (`datum.datum["f"]`),
    so they show "undefined"; point them at the point."""
    if isinstance(vega, dict):
        if vega.get("type") == "path" and str(vega.get("name", "")).endswith("_voronoi"):
            tip = vega.get("encode", {}).get("update", {}).get("tooltip")
            if isinstance(tip, dict) and isinstance(tip.get("signal"), str):
                tip["signal"] = _BARE_DATUM.sub("datum.datum[", tip["signal"])
        for value in vega.values():
            _fix_voronoi_tooltips(value)
    elif isinstance(vega, list):
        for value in vega:
            _fix_voronoi_tooltips(value)


def _static(spec: Any) -> Any:
    """The spec as the page's drawing needs it: without what only a pointer uses (a
    `nearest` selection's voronoi cells, built-in charts' invisible hover points), which
    is invisible in a drawing but the bulk of a large chart's SVG, and laid out once.
    Data is shared, not copied."""
    if not isinstance(spec, dict):
        return spec
    out = dict(spec)
    autosize = spec.get("autosize")
    if isinstance(autosize, dict) and autosize.get("type") == "fit":
        # "fit" lays the chart out twice (~30 ms of a 1,000-point line chart): the page's
        # drawing pads instead, a little wider than asked, and CSS scales it to its box.
        out["autosize"] = {**autosize, "type": "pad"}
    if isinstance(spec.get("marks"), list):
        out["marks"] = [_static(mark) for mark in spec["marks"] if not _interaction_only(mark)]
    return out


def _interaction_only(mark: Any) -> bool:
    name = str(mark.get("name", "")) if isinstance(mark, dict) else ""
    return name.endswith("_voronoi") or name.startswith(HOVER_LAYER)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _trimmed(svg: str) -> str:
    """The SVG scales with its box (CSS sets the width; the viewBox keeps the shape)."""
    if svg.startswith("<svg "):
        svg = svg.replace(' class="marks"', ' class="marks" focusable="false"', 1)
    return svg


def warm() -> None:
    """Start the engine (~0.5 s) so that the first chart a user asks for is drawn fast."""
    try:
        _engine()
    except HtstAPIException:
        return
    spec = {"data": {"values": [{"x": 0, "y": 0}]}, "mark": "point",
            "encoding": {"x": {"field": "x", "type": "quantitative"}}}
    draw(json.dumps(spec), "streamlit").svg  # noqa: B018 (drawing is what warms)


def clear() -> None:
    global _cache_size
    with _lock:
        _cache.clear()
        _cache_size = 0
    with _engine_lock:
        _shapes.clear()
