"""A user's Vega-Lite spec (st.vega_lite_chart, st.altair_chart) made ready to draw.

Data may come as the `data` argument, in the spec (`data.values`, `datasets`), or from
an Altair chart (its DataFrames are taken as they are, not serialised by Altair: no
5,000-row limit). Every dataset ends up inline, under `datasets`, so the server draws
the chart alone and the browser's live view gets the same JSON.
"""

from __future__ import annotations

import copy
import hashlib
import json
import threading
from collections.abc import Iterable
from typing import Any

from ..errors import HtstAPIException
from .data import records_json

STRETCH_WIDTH = 704  # the main column's width: a "stretch" chart's drawn width (CSS scales it)
DEFAULT_HEIGHT = 350  # built-in charts' height when "content"
_COMPOSITE = ("facet", "repeat", "concat", "hconcat", "vconcat")
_altair_lock = threading.Lock()


class Prepared:
    """A spec ready to draw: `spec` (data by name; what AppTest shows), `frames`
    (dataset name -> DataFrame, or a list of rows), `selections` (param name -> "point" /
    "interval")."""

    __slots__ = ("frames", "selections", "spec")

    def __init__(self, spec: dict[str, Any], frames: dict[str, Any], selections: dict[str, str]):
        self.spec = spec
        self.frames = frames
        self.selections = selections

    def json(self) -> str:
        """The whole spec as JSON text, every dataset inline (pandas writes the rows)."""
        return self._text(self._rows())

    def parts(self) -> tuple[str, dict[str, str]]:
        """The spec as JSON text with every dataset empty (`"datasets": {name: []}`), and
        each dataset's rows as JSON text: what `render.draw` takes."""
        rows = self._rows()
        return self._text(dict.fromkeys(rows, "[]")), rows

    def _rows(self) -> dict[str, str]:
        rows = {str(name): json.dumps(values, default=_jsonable)
                for name, values in (self.spec.get("datasets") or {}).items() if name not in self.frames}
        for name, frame in self.frames.items():
            rows[str(name)] = records_json(frame) if hasattr(frame, "to_json") else json.dumps(frame, default=_jsonable)
        return rows

    def _text(self, datasets: dict[str, str]) -> str:
        spec = {k: v for k, v in self.spec.items() if k != "datasets"}
        text = json.dumps(spec, separators=(",", ":"), default=_jsonable, allow_nan=False)
        if not datasets:
            return text
        inline = ",".join(f"{json.dumps(name)}:{rows}" for name, rows in datasets.items())
        return f'{text[:-1]}{"," if len(text) > 2 else ""}"datasets":{{{inline}}}}}'


def _jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def from_user(data: Any, spec: Any, to_frame: Any) -> Prepared:
    """st.vega_lite_chart's arguments: `data` (any table) replaces the spec's data."""
    if spec is None and isinstance(data, dict):
        data, spec = None, data  # st.vega_lite_chart(spec)
    if isinstance(spec, str):
        try:
            spec = json.loads(spec)
        except ValueError as exc:
            raise HtstAPIException(f"`spec` is not valid JSON: {exc}.") from None
    if spec is None:
        spec = {}
    if not isinstance(spec, dict):
        raise HtstAPIException(f"`spec` must be a dict (or its JSON text), got {type(spec).__name__}.")
    spec = copy.deepcopy(spec)
    if not spec:
        raise HtstAPIException("Vega-Lite charts need a `spec`: at least a mark and an encoding.")
    frames: dict[str, Any] = {}
    if data is not None:
        frames["data"] = to_frame(data)
        spec["data"] = {"name": "data"}
    else:
        _take_inline(spec, frames, to_frame)
    return Prepared(spec, frames, selections_of(spec))


def _take_inline(spec: dict[str, Any], frames: dict[str, Any], to_frame: Any) -> None:
    """`data.values` given as a DataFrame (or any table) becomes a named dataset."""
    found = spec.get("data")
    if isinstance(found, dict) and "values" in found and not isinstance(found["values"], (list, str, dict)):
        frames["data"] = to_frame(found["values"])
        spec["data"] = {"name": "data"}
    elif found is not None and not isinstance(found, dict):
        frames["data"] = to_frame(found)  # a DataFrame given as the spec's data
        spec["data"] = {"name": "data"}


def from_altair(chart: Any) -> Prepared:
    """An Altair chart's spec, with its DataFrames kept as frames (by content digest)."""
    if not hasattr(chart, "to_dict"):
        raise HtstAPIException(f"st.altair_chart takes an Altair chart, got {type(chart).__name__}.")
    try:
        import altair as alt
    except ImportError:  # an object with to_dict that is not Altair's
        raise HtstAPIException("st.altair_chart needs Altair: `pip install altair`.") from None
    frames: dict[str, Any] = {}

    def keep(data: Any) -> dict[str, Any]:
        if hasattr(data, "to_json") and hasattr(data, "columns"):
            frame = data
        elif hasattr(data, "__dataframe__") or hasattr(data, "to_pandas"):
            frame = data.to_pandas() if hasattr(data, "to_pandas") else data
        else:
            return alt.to_values(data) if isinstance(data, (list,)) else data
        name = "data-" + hashlib.blake2b(records_json(frame).encode(), digest_size=8).hexdigest()
        frames[name] = frame
        return {"name": name}

    with _altair_lock:
        transformers = alt.data_transformers
        if "htst" not in transformers.names():
            transformers.register("htst", lambda data: _HOLDER.keep(data))
        _HOLDER.keep = keep
        try:
            with transformers.enable("htst"):
                spec = chart.to_dict()
        except Exception as exc:  # Altair's schema validation explains what is wrong
            raise HtstAPIException(f"This Altair chart is not valid: {_first_line(exc)}") from None
    return Prepared(spec, frames, selections_of(spec))


class _Holder:
    keep: Any = None


_HOLDER = _Holder()


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def selections_of(spec: Any) -> dict[str, str]:
    """Selection parameters anywhere in the spec: name -> "point" or "interval"."""
    found: dict[str, str] = {}

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for param in node.get("params") or ():
                if isinstance(param, dict) and "select" in param and "name" in param:
                    select = param["select"]
                    kind = select if isinstance(select, str) else select.get("type") if isinstance(select, dict) else None
                    if kind in ("point", "interval"):
                        found[str(param["name"])] = kind
            for key in ("layer", "concat", "hconcat", "vconcat", "spec"):
                child = node.get(key)
                for item in child if isinstance(child, list) else [child] if child else []:
                    visit(item)

    visit(spec)
    return found


def chosen_selections(available: dict[str, str], selection_mode: Any) -> dict[str, str]:
    """`selection_mode`: one param name or several; None means every selection param."""
    if not available:
        raise HtstAPIException(
            "Selections are activated, but the provided chart spec does not have any "
            "selections. Selections must be added with `params` that have a `select` "
            "(Altair: `add_params(alt.selection_point())` or `alt.selection_interval()`)."
        )
    if selection_mode is None:
        return dict(available)
    names = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode) if isinstance(selection_mode, Iterable) else None
    if not names:
        raise HtstAPIException(f"Invalid `selection_mode` value: {selection_mode!r}. Use the name of a selection parameter, or a list of them.")
    missing = [n for n in names if str(n) not in available]
    if missing:
        raise HtstAPIException(
            f"Selection parameters {missing} are in `selection_mode`, but not in the chart "
            f"spec; its selection parameters are {sorted(available)}."
        )
    return {str(n): available[str(n)] for n in names}


def sized(spec: dict[str, Any], width: Any, height: Any, *, builtin: bool = False) -> tuple[dict[str, Any], Any]:
    """The spec with the size to draw, and the width the page lays it out at ("stretch",
    "content" or pixels)."""
    spec = dict(spec)
    composite = any(key in spec for key in _COMPOSITE)
    if width is None:
        width = "content" if composite or "width" in spec else "stretch"
    if isinstance(width, int):
        if not composite:
            spec["width"] = width
    elif width == "stretch" and not composite:
        spec["width"] = STRETCH_WIDTH
    if isinstance(height, int):
        if not composite:
            spec["height"] = height
    elif builtin:
        spec["height"] = DEFAULT_HEIGHT
    if (builtin or width == "stretch" or isinstance(width, int)) and not composite:
        spec.setdefault("autosize", {"type": "fit", "contains": "padding"})
    return spec, width
