"""Numeric widgets: slider (numbers, dates and times, single or range) and number_input."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from typing import Any, Callable, NamedTuple

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.context import current
from ..runtime.widget_spec import WidgetSpec, shared
from ..runtime.nodes import props_by_args
from ..runtime.widgets import draw_widget, look_props, register_widget
from . import input_params, sizing
from .block import public


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return is_int(value) or isinstance(value, float)


@dataclass(frozen=True, slots=True)
class Numbers:
    """A number on the wire: its text, within [low, high], int or float."""

    is_int: bool
    low: Any
    high: Any
    allow_none: bool = False

    def parse(self, raw: Any) -> Any:
        if raw in ("", None):
            if self.allow_none:
                return None
            raise InvalidWidgetValue("a number is required")
        if isinstance(raw, bool):
            raise InvalidWidgetValue(f"expected a number, got {raw!r}")
        try:
            number = float(raw) if not is_number(raw) else raw
        except (TypeError, ValueError):
            raise InvalidWidgetValue(f"expected a number, got {raw!r}") from None
        if isinstance(number, float) and not math.isfinite(number):
            raise InvalidWidgetValue(f"expected a finite number, got {raw!r}")
        if self.is_int:
            if number != int(number):
                raise InvalidWidgetValue(f"expected a whole number, got {raw!r}")
            number = int(number)
        else:
            number = float(number)
        low, high = self.low, self.high
        if (low is not None and number < low) or (high is not None and number > high):
            raise InvalidWidgetValue(f"{number} is out of range [{low}, {high}]")
        return number

    def serialize(self, value: Any) -> str:
        if value is None:
            return ""
        return str(int(value)) if self.is_int else repr(float(value))


def format_number(fmt: str, value: Any) -> str:
    if value is None:
        return ""
    try:
        return fmt % value
    except (TypeError, ValueError):
        return str(value)


def _slider_kind(value: Any) -> str:
    """int, float, date, time or datetime: what a slider's value arguments are."""
    if is_int(value):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, datetime.datetime):  # before date: a datetime is a date
        return "datetime"
    if isinstance(value, datetime.date):
        return "date"
    if isinstance(value, datetime.time):
        return "time"
    raise HtstAPIException(
        f"Slider value has invalid type: {type(value).__name__}. "
        "Expected one of: int, float, date, time, datetime, list, tuple."
    )


_MICRO = datetime.timedelta(microseconds=1)
_EPOCH = datetime.datetime(1970, 1, 1)
_MOMENT_TOKENS = (("YYYY", "%Y"), ("MM", "%m"), ("DD", "%d"), ("HH", "%H"), ("mm", "%M"), ("ss", "%S"))


@dataclass(frozen=True, slots=True)
class _TimeScale:
    """Dates, times and datetimes travel as integers (days, or microseconds), so one
    `<input type=range>` can carry them; the tz of the default value is kept on return."""

    kind: str
    tz: datetime.tzinfo | None

    def to_int(self, value: Any) -> int:
        if self.kind == "date":
            return value.toordinal()
        if self.kind == "time":
            return (datetime.datetime.combine(datetime.date.min, value.replace(tzinfo=None)) - datetime.datetime.min) // _MICRO
        if value.tzinfo is None:
            return (value - _EPOCH) // _MICRO
        return (value - _EPOCH.replace(tzinfo=datetime.timezone.utc)) // _MICRO

    def from_int(self, number: int) -> Any:
        if self.kind == "date":
            return datetime.date.fromordinal(number)
        if self.kind == "time":
            return (datetime.datetime.min + number * _MICRO).time().replace(tzinfo=self.tz)
        if self.tz is None:
            return _EPOCH + number * _MICRO
        return (_EPOCH.replace(tzinfo=datetime.timezone.utc) + number * _MICRO).astimezone(self.tz)

    def step(self, step: datetime.timedelta) -> int:
        return max(1, step.days) if self.kind == "date" else max(1, step // _MICRO)


def _format_time(fmt: str, value: Any) -> str:
    for token, code in _MOMENT_TOKENS:
        fmt = fmt.replace(token, code)
    return value.strftime(fmt)


@dataclass(frozen=True, slots=True)
class Moments:
    """A date, time or datetime on the wire: an integer on the slider's scale."""

    scale: _TimeScale
    low: Any
    high: Any

    def parse(self, raw: Any) -> Any:
        scale = self.scale
        if isinstance(raw, (datetime.date, datetime.time)):
            raw = scale.to_int(raw)
        try:
            number = int(str(raw).strip())
        except ValueError:
            raise InvalidWidgetValue(f"expected a whole number ({'days' if scale.kind == 'date' else 'microseconds'}), got {raw!r}") from None
        lo_int, hi_int = scale.to_int(self.low), scale.to_int(self.high)
        if not lo_int <= number <= hi_int:
            raise InvalidWidgetValue(f"{raw} is out of range [{lo_int}, {hi_int}] ({self.low} to {self.high})")
        return scale.from_int(number)

    def serialize(self, value: Any) -> str:
        try:
            return str(self.scale.to_int(value))
        except (AttributeError, TypeError):
            raise InvalidWidgetValue(f"expected a {self.scale.kind}, got {value!r}") from None


def parse_range(parse_one: Callable[[Any], Any], raw: Any, order: Callable[[Any], Any] = lambda v: v) -> tuple:
    """A range posts two entries (low, high) under one field name; `order` ranks a value."""
    if not isinstance(raw, (list, tuple)) or len(raw) != 2:
        raise InvalidWidgetValue(f"a range needs exactly two values, got {raw!r}")
    low, high = parse_one(raw[0]), parse_one(raw[1])
    if order(low) > order(high):
        raise InvalidWidgetValue(f"the range is reversed: {low} comes after {high}")
    return (low, high)


@dataclass(frozen=True, slots=True)
class SliderSpec(WidgetSpec):
    """A slider posts its value (`values`' wire form); a range slider (`multi`) two entries."""

    kind = "slider"
    testing = "Slider"
    values: Numbers | Moments
    multi: bool = False

    def parse(self, raw: Any) -> Any:
        if self.multi:
            return parse_range(self.values.parse, raw)
        return self.values.parse(raw)

    def serialize(self, value: Any) -> Any:
        if self.multi:
            return [self.values.serialize(v) for v in value]
        return self.values.serialize(value)


def _slider_bounds(kind: str, first: Any) -> tuple[Any, Any, Any, str]:
    """Streamlit's defaults: min, max, step and format for a kind (first = the first value)."""
    if kind == "int":
        return 0, 100, 1, "%d"
    if kind == "float":
        return 0.0, 1.0, 0.01, "%0.2f"
    if kind == "time":
        tz = first.tzinfo
        return datetime.time.min.replace(tzinfo=tz), datetime.time.max.replace(tzinfo=tz), datetime.timedelta(minutes=15), "HH:mm"
    window = datetime.timedelta(days=14)
    return first - window, first + window, datetime.timedelta(days=1), "YYYY-MM-DD"


class _SliderPlan(NamedTuple):
    """What a slider's arguments make of it, the same in every run that passes them."""

    kind: str
    spec: SliderSpec
    default: Any
    identity: tuple  # low, high, default, step, format
    raw: tuple  # min, max and step on the wire
    bounds: tuple[str, str]
    shown: Callable[[Any], dict[str, Any]]  # the props that show a value (`draw_widget`'s extra)


_PLANS: dict[tuple, _SliderPlan] = {}


def _slider_plan(min_value: Any, max_value: Any, value: Any, step: Any, format: str | None) -> _SliderPlan:
    """The checked plan for these arguments; cached (most sliders pass the same ones in
    every run), keyed with the types too, since 1 == 1.0 == True, and the time zones, since
    an aware datetime equals the same instant in another zone."""
    args = (min_value, max_value, tuple(value) if isinstance(value, list) else value, step, format)
    try:
        key = (args, tuple(map(type, args)), type(value), _zones(args))
        found = _PLANS.get(key)
    except TypeError:
        return _make_slider_plan(min_value, max_value, value, step, format)
    if found is None:
        if len(_PLANS) >= 10_000:
            _PLANS.clear()
        found = _PLANS[key] = _make_slider_plan(min_value, max_value, value, step, format)
    return found


def _zones(args: tuple) -> tuple | None:
    """The time zones of a datetime or time slider's arguments (None for other sliders)."""
    value = args[2]
    first = value[0] if type(value) is tuple and value else value
    if not isinstance(first, (datetime.datetime, datetime.time)):
        return None
    ends = value if type(value) is tuple else ()
    return tuple(getattr(a, "tzinfo", None) for a in (*args, *ends))


def _make_slider_plan(min_value: Any, max_value: Any, value: Any, step: Any, format: str | None) -> _SliderPlan:
    is_range = isinstance(value, (list, tuple))
    if is_range and len(value) != 2:
        raise HtstAPIException("Slider value must be a single value or a list/tuple of two values.")
    values = list(value) if is_range else [value]
    kinds = {_slider_kind(v) for v in values}
    if len(kinds) > 1:
        raise HtstAPIException(f"Slider value has mixed types: {', '.join(type(v).__name__ for v in values)}. Use values of one type.")
    kind = kinds.pop()
    numeric = kind in ("int", "float")
    for bound in (min_value, max_value):
        if bound is not None and _slider_kind(bound) != kind:
            raise HtstAPIException(
                "Slider value arguments must be of matching types.\n`min_value` has {} type.\n`max_value` has {} type.\n`value` has {} type.".format(
                    type(min_value).__name__, type(max_value).__name__, type(values[0]).__name__
                )
            )
    if step is not None and (is_number(step) != numeric or (kind == "int" and not is_int(step)) or (not numeric and not isinstance(step, datetime.timedelta))):
        raise HtstAPIException(f"Slider step must be {'an int' if kind == 'int' else 'a float' if kind == 'float' else 'a timedelta'} for {kind} values, got {type(step).__name__}.")
    d_low, d_high, d_step, d_fmt = _slider_bounds(kind, values[0])
    low = d_low if min_value is None else min_value
    high = d_high if max_value is None else max_value
    if min_value is None and min(values) < low:
        low = min(values)
    if max_value is None and max(values) > high:
        high = max(values)
    if step is None:
        step = d_step
        if kind in ("date", "datetime") and high - low < datetime.timedelta(days=1):
            step = datetime.timedelta(minutes=15)
    fmt = format or d_fmt
    if is_range and values[0] > values[1]:
        values.reverse()
    shown = tuple(values) if is_range else values[0]
    if not all(low <= v <= high for v in values):
        raise HtstAPIException(f"The default `value` of {shown} must lie between the `min_value` of {low} and the `max_value` of {high}, inclusively.")
    if kind == "float":
        low, high, step = float(low), float(high), float(step)
        values = [float(v) for v in values]
    values_codec: Numbers | Moments
    if numeric:
        values_codec = Numbers(kind == "int", low, high)
        raw_low, raw_high, raw_step = low, high, step
    else:
        scale = _TimeScale(kind, getattr(values[0], "tzinfo", None))
        values_codec = Moments(scale, low, high)
        raw_low, raw_high, raw_step = scale.to_int(low), scale.to_int(high), scale.step(step)
    default = tuple(values) if is_range else values[0]
    display = _display(kind, fmt)
    bounds = (str(low), str(high)) if numeric else (display(low), display(high))
    spec = shared(SliderSpec(values_codec, is_range))
    return _SliderPlan(kind, spec, default, (low, high, default, step, fmt), (raw_low, raw_high, raw_step), bounds, _shown(display, is_range))


def _display(kind: str, fmt: str) -> Callable[[Any], str]:
    if kind in ("int", "float"):
        return lambda v: format_number(fmt, v)
    return lambda v: _format_time(fmt, v)


def _shown(display: Callable[[Any], str], is_range: bool) -> Callable[[Any], dict[str, Any]]:
    """The props that show a slider's value: each end formatted, and the whole."""

    def shown(value: Any) -> dict[str, Any]:
        displays = tuple(map(display, value)) if is_range else (display(value),)
        return {"displays": displays, "display": " – ".join(displays)}

    return shown


@public
def slider(label: str, min_value: Any = None, max_value: Any = None, value: Any = None, step: Any = None, format: str | None = None, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, *, disabled: bool = False, label_visibility: str = "visible", width: Any = "stretch", bind: str | None = None, persist_state: str | None = None) -> Any:
    """Display a slider; returns its value, or a (low, high) tuple for a range.

    int, float, date, time and datetime values, with Streamlit's defaults (dates ±14 days
    around the value with a 1-day step; times over the whole day with a 15-minute step).
    A tuple or list of two values for `value` makes a range slider.
    """
    keeping = input_params.keeping(key, bind, persist_state, on_change)
    on_change = input_params.callback(on_change)
    size = sizing.width(width, allow=("stretch",))
    value_given = value is not None
    if value is None:
        state = current().state
        is_range = key is not None and str(key) in state and isinstance(state[str(key)], (list, tuple))
        first = min_value if min_value is not None else (0.0 if isinstance(max_value, float) else 0)
        value = [first, max_value if max_value is not None else 100] if is_range else first
    plan = _slider_plan(min_value, max_value, value, step, format)
    ctx, meta, current_value = register_widget(
        plan.spec,
        key=key, keeping=keeping, identity=(str(label), *plan.identity, help),
        default=plan.default, default_given=value_given,
        callback=on_change, args=args, kwargs=kwargs,
    )
    look = _slider_look(meta.id, meta.key, meta.keeping, label, help, disabled, label_visibility, size, plan.kind, plan.spec.multi, plan.raw, plan.bounds, plan.identity[4])
    draw_widget(ctx, meta, current_value, look, extra=plan.shown)
    return current_value


@props_by_args
def _slider_look(wid: str, key: str | None, keeping: Any, label: Any, help: str | None, disabled: Any, label_visibility: str, size: Any, kind: str, is_range: bool, raw: tuple, bounds: tuple, fmt: str) -> dict[str, Any]:
    props = look_props(wid, key, keeping, label, help, disabled, label_visibility)
    numeric = kind in ("int", "float")
    props.update(
        min=raw[0], max=raw[1], step=raw[2], range=is_range,
        live=numeric and not is_range,  # htst.js shows the raw number while dragging
        bounds=bounds,
        width=size,
    )
    if not numeric:
        props.update(kind=kind, format=fmt)  # htst.js formats dates and times while dragging
    return props
