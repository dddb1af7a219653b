"""Chart selections as a widget value (`on_select` of st.altair_chart and st.vega_lite_chart),
and what every chart command checks the same way (`check_theme`).

The browser's live view reads the chart's selection parameters and posts them as one
JSON field: `{"param": [ {field: value, …}, … ]}` for point selections (one object per
selected point) and `{"param": {field: [min, max], …}}` for interval selections. The
value the script gets is Streamlit's `VegaLiteState`: `event.selection.param`, with an
empty dict for a parameter nothing is selected in.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widget_spec import WidgetSpec


def check_theme(theme: object) -> None:
    """A chart's `theme`: "streamlit" or None, with Streamlit's message for anything else."""
    if theme not in ("streamlit", None):
        raise HtstAPIException(
            f'You set theme="{theme}" while htst charts only support theme="streamlit" or '
            "theme=None to fall back to the default library theme."
        )


class AttributeDict(dict):
    """A dict whose keys read as attributes too (`event.selection.param_1`)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no key {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


class VegaLiteState(AttributeDict):
    """What a chart with `on_select` returns: `{"selection": {param: selected}}`."""


@dataclass(frozen=True, slots=True)
class ChartSelectionSpec(WidgetSpec):
    """`params`: the selection parameters the widget reports, as (name, "point"|"interval")."""

    params: tuple[tuple[str, str], ...]
    kind = "vega_lite_chart"
    testing = "ChartWidget"
    in_forms = False

    def empty(self) -> VegaLiteState:
        return _state({name: {} for name, _ in self.params})

    def parse(self, raw: Any) -> VegaLiteState:
        try:
            posted = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            raise InvalidWidgetValue("a chart selection is JSON") from None
        if not isinstance(posted, dict):
            raise InvalidWidgetValue("a chart selection is a JSON object of selection parameters")
        selection: dict[str, Any] = {}
        for name, kind in self.params:
            value = posted.get(name)
            selection[name] = _points(value) if kind == "point" else _interval(value)
        return _state(selection)

    def serialize(self, value: Any) -> str:
        selection = value.get("selection", {}) if isinstance(value, dict) else {}
        if not isinstance(selection, dict):
            raise InvalidWidgetValue("a chart's state is {'selection': {parameter: selected}}")
        shown = {name: selection.get(name) or {} for name, _ in self.params}
        return json.dumps(shown, separators=(",", ":"), sort_keys=True, default=str)


def _state(selection: dict[str, Any]) -> VegaLiteState:
    return VegaLiteState(selection=AttributeDict(selection))


def _points(value: Any) -> Any:
    if value in (None, {}, []):
        return {}
    if not isinstance(value, list) or not all(isinstance(p, dict) for p in value):
        raise InvalidWidgetValue("a point selection is a list of objects")
    return [{str(k): _scalar(v) for k, v in point.items()} for point in value]


def _interval(value: Any) -> Any:
    if value in (None, {}, []):
        return {}
    if not isinstance(value, dict):
        raise InvalidWidgetValue("an interval selection is an object of [min, max] ranges")
    out = {}
    for name, extent in value.items():
        if not isinstance(extent, list) or not extent:
            raise InvalidWidgetValue("an interval selection's ranges are lists")
        out[str(name)] = [_scalar(v) for v in extent]
    return out


def _scalar(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidWidgetValue("selected values are finite")
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    raise InvalidWidgetValue("selected values are numbers, text, booleans or null")
