"""st.number_input: a number field with − and + steppers, int or float as its arguments are."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import HtstAPIException
from ..runtime.widget_spec import WidgetSpec, shared
from ..runtime.widgets import base_props, draw_widget, register_widget
from . import icons, input_params, numeric, sizing
from .block import public


@public
def number_input(label: str, min_value: Any = None, max_value: Any = None, value: Any = "min", step: Any = None, format: str | None = None, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, *, placeholder: str | None = None, disabled: bool = False, required: bool = False, label_visibility: str = "visible", icon: str | None = None, width: Any = "stretch", bind: str | None = None, persist_state: str | None = None) -> Any:
    """Display a numeric input with − and + steppers; int or float as the arguments are.

    `required`: an empty field is not committed ("This field is required."; a form waits
    for a number); use `value=None, required=True` for a field that starts empty.
    """
    keeping = input_params.keeping(key, bind, persist_state, on_change)
    on_change = input_params.callback(on_change)
    must = input_params.required(required)
    shown_icon = icons.icon(icon)
    size = sizing.width(width, allow=("stretch",))
    numbers = [v for v in (min_value, max_value, step) if v is not None]
    if value not in ("min", None):
        numbers.append(value)
    if any(not numeric.is_number(v) for v in numbers):
        raise HtstAPIException("All numerical arguments must be of the same type: int or float.")
    is_int = all(numeric.is_int(v) for v in numbers) and bool(numbers)
    if numbers and not is_int and any(numeric.is_int(v) for v in numbers):
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
    spec = NumberInputSpec(numeric.Numbers(is_int, min_value, max_value, allow_none=value is None), step, must)
    ctx, meta, current = register_widget(
        shared(spec), key=key, keeping=keeping,
        identity=(str(label), min_value, max_value, default, step, fmt, help, placeholder) + ((must,) if key is None else ()),
        default=default, default_given=value not in ("min", None),
        callback=on_change, args=args, kwargs=kwargs,
    )
    props = base_props(meta, label, help, disabled, label_visibility)
    props.update(min=min_value, max=max_value, step=step, placeholder=placeholder, icon=shown_icon,
                 display=numeric.format_number(fmt, current), is_int=is_int, required=must, width=size)
    draw_widget(ctx, meta, current, props)
    return current


@dataclass(frozen=True, slots=True)
class NumberInputSpec(WidgetSpec):
    """A number field with − and + steppers (`_htst_step=<id>:-1|+1`)."""

    kind = "number_input"
    testing = "NumberInput"
    numbers: numeric.Numbers
    step_size: Any
    required: bool = False

    def parse(self, raw: Any) -> Any:
        return self.numbers.parse(raw)

    def refuse(self, raw: Any) -> str | None:
        blank = raw is None or (isinstance(raw, str) and not raw.strip())
        return input_params.REQUIRED if self.required and blank else None

    def serialize(self, value: Any) -> str:
        return self.numbers.serialize(value)

    def step(self, value: Any, direction: int) -> Any:
        """The value one step up (+1) or down (-1), kept within min/max: what ± does."""
        low, high, step = self.numbers.low, self.numbers.high, self.step_size
        base = value if value is not None else (low if low is not None else 0)
        new = base + direction * step
        if isinstance(step, float):
            new = round(new, 10)
        if low is not None:
            new = max(new, low)
        if high is not None:
            new = min(new, high)
        return new
