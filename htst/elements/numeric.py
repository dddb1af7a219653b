"""Numeric widgets: slider and number_input (int or float, inferred as Streamlit does)."""

from __future__ import annotations

import math
from typing import Any, Callable

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widgets import base_props, draw_widget, register_widget

_INT_DEFAULTS = {"min": 0, "max": 100, "step": 1, "format": "%d"}
_FLOAT_DEFAULTS = {"min": 0.0, "max": 1.0, "step": 0.01, "format": "%0.2f"}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return _is_int(value) or isinstance(value, float)


def _number_codec(is_int: bool, low: Any, high: Any, allow_none: bool) -> tuple[Callable, Callable]:
    def parse(raw: Any) -> Any:
        if raw in ("", None):
            if allow_none:
                return None
            raise InvalidWidgetValue("a number is required")
        if isinstance(raw, bool):
            raise InvalidWidgetValue(f"expected a number, got {raw!r}")
        try:
            number = float(raw) if not _is_number(raw) else raw
        except (TypeError, ValueError):
            raise InvalidWidgetValue(f"expected a number, got {raw!r}") from None
        if isinstance(number, float) and not math.isfinite(number):
            raise InvalidWidgetValue(f"expected a finite number, got {raw!r}")
        if is_int:
            if number != int(number):
                raise InvalidWidgetValue(f"expected a whole number, got {raw!r}")
            number = int(number)
        else:
            number = float(number)
        if (low is not None and number < low) or (high is not None and number > high):
            raise InvalidWidgetValue(f"{number} is out of range [{low}, {high}]")
        return number

    def serialize(value: Any) -> str:
        if value is None:
            return ""
        return str(int(value)) if is_int else repr(float(value))

    return parse, serialize


def _format(fmt: str, value: Any) -> str:
    if value is None:
        return ""
    try:
        return fmt % value
    except (TypeError, ValueError):
        return str(value)


def slider(label: str, min_value: Any = None, max_value: Any = None, value: Any = None, step: Any = None, format: str | None = None, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | None = None, args: Any = None, kwargs: Any = None, *, disabled: bool = False, label_visibility: str = "visible", width: Any = "stretch") -> Any:
    """Display a slider for an int or float; returns the current value."""
    given = [v for v in (min_value, max_value, value, step) if v is not None]
    if any(not _is_number(v) for v in given):
        raise HtstAPIException("Slider value arguments must be of matching types: int or float (ranges and dates come with the full widget set).")
    is_int = all(_is_int(v) for v in given)
    if not is_int and any(_is_int(v) for v in (min_value, max_value, value) if v is not None) and any(isinstance(v, float) for v in (min_value, max_value, value) if v is not None):
        raise HtstAPIException("Slider value arguments must be of matching types.\n`min_value` has {} type.\n`max_value` has {} type.\n`value` has {} type.".format(type(min_value).__name__, type(max_value).__name__, type(value).__name__))
    defaults = _INT_DEFAULTS if is_int else _FLOAT_DEFAULTS
    low = defaults["min"] if min_value is None else min_value
    high = defaults["max"] if max_value is None else max_value
    if min_value is None and value is not None and value < low:
        low = value
    if max_value is None and value is not None and value > high:
        high = value
    step = defaults["step"] if step is None else step
    fmt = format or defaults["format"]
    default = low if value is None else value
    if not low <= default <= high:
        raise HtstAPIException(f"The default `value` of {default} must lie between the `min_value` of {low} and the `max_value` of {high}, inclusively.")
    if not is_int:
        low, high, step, default = float(low), float(high), float(step), float(default)
    parse, serialize = _number_codec(is_int, low, high, allow_none=False)
    ctx, meta, current = register_widget(
        "slider", key=key, identity=(str(label), low, high, default, step, fmt, help),
        default=default, default_given=value is not None, parse=parse, serialize=serialize,
        callback=on_change, args=args, kwargs=kwargs,
    )
    props = base_props(meta, label, help, disabled, label_visibility)
    props.update(min=low, max=high, step=step, display=_format(fmt, current))
    draw_widget(ctx, meta, current, props)
    return current


def number_input(label: str, min_value: Any = None, max_value: Any = None, value: Any = "min", step: Any = None, format: str | None = None, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | None = None, args: Any = None, kwargs: Any = None, *, placeholder: str | None = None, disabled: bool = False, label_visibility: str = "visible", icon: str | None = None, width: Any = "stretch") -> Any:
    """Display a numeric input with − and + steppers; int or float as the arguments are."""
    numbers = [v for v in (min_value, max_value, step) if v is not None]
    if value not in ("min", None):
        numbers.append(value)
    if any(not _is_number(v) for v in numbers):
        raise HtstAPIException("All numerical arguments must be of the same type: int or float.")
    is_int = all(_is_int(v) for v in numbers) and bool(numbers)
    if numbers and not is_int and any(_is_int(v) for v in numbers):
        raise HtstAPIException(
            "All numerical arguments must be of the same type."
            f"\n`value` has {type(value).__name__} type.\n`min_value` has {type(min_value).__name__} type."
            f"\n`max_value` has {type(max_value).__name__} type.\n`step` has {type(step).__name__} type."
        )
    if value == "min":
        default = min_value if min_value is not None else (0 if is_int else 0.0)
    else:
        default = value
    step = (1 if is_int else 0.01) if step is None else step
    fmt = format or ("%d" if is_int else "%0.2f")
    if default is not None:
        if min_value is not None and default < min_value:
            raise HtstAPIException(f"The default `value` {default} must be greater than or equal to the `min_value` {min_value}")
        if max_value is not None and default > max_value:
            raise HtstAPIException(f"The default `value` {default} must be less than or equal to the `max_value` {max_value}")
        if not is_int:
            default = float(default)
    parse, serialize = _number_codec(is_int, min_value, max_value, allow_none=value is None)
    ctx, meta, current = register_widget(
        "number_input", key=key,
        identity=(str(label), min_value, max_value, default, step, fmt, help, placeholder),
        default=default, default_given=value not in ("min", None), parse=parse, serialize=serialize,
        callback=on_change, args=args, kwargs=kwargs,
        extra={"step": step, "min": min_value, "max": max_value},
    )
    props = base_props(meta, label, help, disabled, label_visibility)
    props.update(min=min_value, max=max_value, step=step, placeholder=placeholder, icon=icon,
                 display=_format(fmt, current), is_int=is_int,
                 at_min=current is not None and min_value is not None and current <= min_value,
                 at_max=current is not None and max_value is not None and current >= max_value)
    draw_widget(ctx, meta, current, props)
    return current


def stepped(meta_extra: dict, value: Any, direction: int) -> Any:
    """The value one step up (+1) or down (-1), kept within min/max: what ± does."""
    step = meta_extra["step"]
    base = value if value is not None else (meta_extra["min"] if meta_extra["min"] is not None else 0)
    new = base + direction * step
    if isinstance(step, float):
        new = round(new, 10)
    if meta_extra["min"] is not None:
        new = max(new, meta_extra["min"])
    if meta_extra["max"] is not None:
        new = min(new, meta_extra["max"])
    return new
