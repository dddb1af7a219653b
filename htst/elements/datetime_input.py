"""st.datetime_input: a date and a time of day in one field, as in Streamlit 1.67.

The field is the browser's own `<input type="datetime-local">`, which posts
`YYYY-MM-DDTHH:MM`. Values have minute precision: seconds and microseconds are dropped
from the value, the bounds and what the user picks. Nothing is converted between
timezones: an aware datetime given as `value` loses its tzinfo and keeps its wall-clock
time, as in Streamlit; the widget returns naive datetimes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Callable

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widget_spec import NOTHING, Fields, WidgetSpec, shared
from ..runtime.widgets import base_props, draw_widget, drawable_value, register_widget
from . import input_params, sizing
from .block import public
from .date_time import DATE_FORMATS, _add_years, _format_date

_WIRE = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,6})?)?")
_LEGACY_WIRE = re.compile(r"(\d{4})/(\d{2})/(\d{2}), (\d{2}):(\d{2})")
_MIN_STEP, _MAX_STEP = 60, 23 * 3600


@dataclass(frozen=True, slots=True)
class DateTimeSpec(WidgetSpec):
    """`YYYY-MM-DDTHH:MM` within [low, high]; an empty field is None, unless the widget
    cannot be cleared (a default was given, or `required`): then it is no change."""

    kind = "datetime_input"
    low: datetime
    high: datetime
    clearable: bool = False

    def read(self, fields: Fields, name: str) -> Any:
        raw = WidgetSpec.read(self, fields, name)
        if raw == "" and not self.clearable:
            return NOTHING  # the last committed value stays, as in Streamlit
        return raw

    def parse(self, raw: Any) -> datetime | None:
        if raw in ("", None):
            if self.clearable:
                return None
            raise InvalidWidgetValue("a date and time are required")
        found = isinstance(raw, str) and (_WIRE.fullmatch(raw) or _LEGACY_WIRE.fullmatch(raw))
        if not found:
            raise InvalidWidgetValue(f"expected a date and time as YYYY-MM-DDTHH:MM, got {raw!r}")
        try:
            picked = datetime(*(int(part) for part in found.groups()))
        except ValueError:
            raise InvalidWidgetValue(f"{raw!r} is not a calendar date and time") from None
        if not self.low <= picked <= self.high:
            raise InvalidWidgetValue(f"{_wire(picked)} is out of range [{_wire(self.low)}, {_wire(self.high)}]")
        return picked

    def serialize(self, value: Any) -> str:
        if value is None:
            return ""
        if not isinstance(value, datetime):
            raise InvalidWidgetValue(f"expected a datetime, got {value!r}")
        return _wire(value)


def _wire(value: datetime) -> str:
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}"


def _minutes(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0, tzinfo=None)


def _to_datetime(value: Any, what: str, day: date | None, bound: str | None = None) -> datetime:
    """A value, min_value or max_value as a naive datetime with minute precision.

    A date alone is that day at 00:00 (at 23:59 for `max_value`); a time alone is that
    time on `day` (the value's date, or today).
    """
    if isinstance(value, str):
        text = value.strip()
        if text == "now":
            return _minutes(datetime.now())
        for parse in (datetime.fromisoformat, lambda s: datetime.strptime(s, "%Y/%m/%d %H:%M"),
                      lambda s: datetime.strptime(s, "%Y/%m/%d %H:%M:%S")):
            try:
                value = parse(text)
                break
            except ValueError:
                pass
        else:
            for parse_part in (date.fromisoformat, time.fromisoformat):
                try:
                    value = parse_part(text)
                    break
                except ValueError:
                    pass
    if isinstance(value, datetime):
        return _minutes(value)
    if isinstance(value, date):
        return datetime.combine(value, time(23, 59) if bound == "max" else time(0, 0))
    if isinstance(value, time):
        return _minutes(datetime.combine(day or date.today(), value))
    raise HtstAPIException(
        f'Invalid `{what}` type. Expected one of: datetime, date, time, ISO string, "now". '
        f"Provided type: {type(value).__name__}."
    )


def _step_seconds(step: Any) -> int:
    if isinstance(step, bool) or not isinstance(step, (int, timedelta)):
        raise HtstAPIException(
            f"Invalid `step` type. Expected one of: int, timedelta. Provided type: {type(step).__name__}."
        )
    seconds = int(step.total_seconds()) if isinstance(step, timedelta) else step
    if not _MIN_STEP <= seconds <= _MAX_STEP:
        raise HtstAPIException(
            f"The `step` parameter, set to {seconds} seconds, is outside the required range "
            "[60 seconds, 23 hours]."
        )
    return seconds


def _check_format(format: Any) -> None:
    if not isinstance(format, str):
        raise HtstAPIException(f"Invalid `format` type. Expected one of: str. Provided type: {type(format).__name__}.")
    if format not in DATE_FORMATS:
        raise HtstAPIException(
            "Invalid `format` value. Supported values: "
            + ", ".join(repr(f) for f in DATE_FORMATS) + f". Provided value: {format!r}."
        )


def _check_callback(on_change: Any) -> Callable[..., Any] | None:
    if on_change in (None, "rerun"):
        return None
    if on_change == "ignore":
        return None  # `input_params.keeping` marks the widget
    return on_change


@public
def datetime_input(
    label: str,
    value: Any = "now",
    min_value: Any = None,
    max_value: Any = None,
    *,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Any = None,
    kwargs: Any = None,
    format: str = "YYYY/MM/DD",
    step: int | timedelta = timedelta(seconds=900),
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    width: Any = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> datetime | None:
    """Display a date-and-time field; returns a naive `datetime.datetime`, or None.

    `value`: "now" (default), a datetime (its tzinfo is dropped, the wall-clock time
    kept), a date (at 00:00), a time (today), an ISO string, or None (empty until the
    user picks). `min_value`/`max_value` take the same and default to ten years before
    the value's date at 00:00 / after it at 23:59. `step` (seconds or a timedelta, 1
    minute to 23 hours) sets the picker's granularity. `format` sets how the date part is
    written under the field (the field itself follows the viewer's locale).
    `required`: the field cannot be cleared; an empty post keeps the last value.
    """
    _check_format(format)
    seconds = _step_seconds(step)
    keeping = input_params.keeping(key, bind, persist_state, on_change)
    callback = _check_callback(on_change)
    width = sizing.width(width, allow=("stretch",))
    default = None if value is None else _to_datetime(value, "value", None)
    day = default.date() if default is not None else date.today()
    low = (datetime.combine(_add_years(day, -10), time(0, 0)) if min_value is None
           else _to_datetime(min_value, "min_value", day, "min"))
    high = (datetime.combine(_add_years(day, 10), time(23, 59)) if max_value is None
            else _to_datetime(max_value, "max_value", day, "max"))
    if low > high:
        raise HtstAPIException(
            f"The `min_value`, set to {low}, cannot be greater than the `max_value`, set to {high}."
        )
    if default is not None and default < low:
        raise HtstAPIException(f"The `value` {default} is less than the `min_value` {low}.")
    if default is not None and default > high:
        raise HtstAPIException(f"The `value` {default} is greater than the `max_value` {high}.")
    spec = shared(DateTimeSpec(low, high, clearable=default is None and not required))
    ctx, meta, current = register_widget(
        spec, key=key, keeping=keeping,
        # "now" stays "now" in the identity: the widget is the same one run after run.
        identity=(str(label), value if isinstance(value, str) else default, min_value, max_value,
                  help, format, seconds, None if key is not None else required),
        default=default, default_given=value is not None and value != "now",
        callback=callback, args=args, kwargs=kwargs,
    )
    # A value from Session State (or from before the bounds changed) outside them resets.
    current, raw = drawable_value(ctx, meta, current, default, check=spec.parse)
    props = base_props(meta, label, help, disabled, label_visibility)
    props.update(
        min=_wire(low), max=_wire(high), step=seconds, required=bool(required), width=width,
        display="" if current is None else f"{_format_date(current.date(), format)} {current:%H:%M}",
    )
    draw_widget(ctx, meta, current, props)
    return current
