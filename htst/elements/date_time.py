"""st.date_input and st.time_input: native date and time fields, ISO values on the wire.

Dates travel as YYYY-MM-DD and times as HH:MM (HH:MM:SS when `step` has seconds), which
is what `<input type=date>` and `<input type=time>` post. A date range is one multi-valued
field: two date inputs sharing a name, plus an empty hidden entry so that clearing both
still posts the field (docs/architecture.md, "The wire").

Timezones (seeds: "Working with timezones"): nothing is converted to the viewer's zone.
A naive value stays naive; an aware `datetime.time` keeps its tzinfo, and the times a
user picks get the same tzinfo, since they were picked on a clock shown in that zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, Callable, Sequence

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.context import current
from ..runtime.widget_spec import WidgetSpec, shared
from ..runtime.widgets import base_props, draw_widget, register_widget
from . import input_params, sizing
from .block import public
from .input_params import REQUIRED

DATE_FORMATS = (
    "YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY",
    "YYYY.MM.DD", "DD.MM.YYYY", "MM.DD.YYYY",
    "YYYY-MM-DD", "DD-MM-YYYY", "MM-DD-YYYY",
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIME = re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")
_MAX_STEP = 23 * 3600
# time_input `format` -> how the chosen time is written under the field ("localized": not at all).
_TIME_FORMATS = {"24h": "%H:%M", "12h": "%I:%M %p", "localized": None}


# -- dates ------------------------------------------------------------------------------


def _iso(value: date) -> str:
    """YYYY-MM-DD with a four-digit year, whatever the platform's strftime does."""
    if isinstance(value, datetime):
        value = value.date()
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def _to_date(value: Any, what: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value == "today":
        return date.today()
    if isinstance(value, str):
        for parse in (date.fromisoformat, lambda s: datetime.fromisoformat(s).date()):
            try:
                return parse(value)
            except ValueError:
                pass
    raise HtstAPIException(
        f"Invalid `{what}` type. Expected one of: date, datetime, ISO string, \"today\". "
        f"Provided type: {type(value).__name__}."
    )


def _add_years(day: date, years: int) -> date:
    """`day` moved by whole years, clamped to the calendar's ends; 29 Feb becomes 28 Feb."""
    year = day.year + years
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    if day.month == 2 and day.day == 29:
        try:
            return day.replace(year=year)
        except ValueError:
            return day.replace(year=year, day=28)
    return day.replace(year=year)


def _format_date(day: date, fmt: str) -> str:
    year, month, day_ = f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}"
    return fmt.replace("YYYY", year).replace("MM", month).replace("DD", day_)


def _id_part(value: Any) -> Any:
    """What a date argument contributes to the widget's identity ("today" stays "today")."""
    if isinstance(value, date):
        return _iso(value)
    if isinstance(value, (list, tuple)):
        return tuple(_id_part(v) for v in value)
    return value


def _is_range(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str)


@dataclass(frozen=True, slots=True)
class DateInputSpec(WidgetSpec):
    """A date as YYYY-MM-DD within [low, high]; a range (`multi`) is up to two entries."""

    kind = "date_input"
    low: date
    high: date
    clearable: bool = False
    multi: bool = False
    required: bool = False

    def refuse(self, raw: Any) -> str | None:
        """Required: a single date must be there; a range needs both ends."""
        if not self.required:
            return None
        if self.multi:
            entries = [raw] if isinstance(raw, str) else list(raw or [])
            return REQUIRED if len([e for e in entries if e]) < 2 else None
        return REQUIRED if raw in ("", None) else None

    def _parse_one(self, raw: Any) -> date:
        if not isinstance(raw, str) or not _ISO_DATE.fullmatch(raw):
            raise InvalidWidgetValue(f"expected a date as YYYY-MM-DD, got {raw!r}")
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            raise InvalidWidgetValue(f"{raw!r} is not a calendar date") from None
        if not self.low <= day <= self.high:
            raise InvalidWidgetValue(f"{_iso(day)} is out of range [{_iso(self.low)}, {_iso(self.high)}]")
        return day

    def parse(self, raw: Any) -> Any:
        if self.multi:
            if isinstance(raw, str):  # a plain field (curl, or a stale page): one date or none
                raw = [raw] if raw else []
            if not isinstance(raw, (list, tuple)) or len(raw) > 2:
                raise InvalidWidgetValue(f"expected a range of at most two dates, got {raw!r}")
            # Two separate date fields can be filled in any order; a range starts first.
            return tuple(sorted(self._parse_one(r) for r in raw))
        if raw in ("", None):
            if self.clearable:
                return None
            raise InvalidWidgetValue("a date is required")
        return self._parse_one(raw)

    def serialize(self, value: Any) -> Any:
        if self.multi:
            if value is None:
                return []
            return [_iso(v) for v in (value if _is_range(value) else [value])]
        if _is_range(value):
            value = value[0] if value else None
        return "" if value is None else _iso(value)


@public
def date_input(label: str, value: Any = "today", min_value: Any = None, max_value: Any = None, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, *, format: str = "YYYY/MM/DD", disabled: bool = False, required: bool = False, label_visibility: str = "visible", width: Any = "stretch", bind: str | None = None, persist_state: str | None = None) -> Any:
    """Display a date field; returns a `datetime.date`, or a tuple of 0–2 dates for a range.

    A list or tuple `value` makes a range (a one-date range returns a 1-tuple, as in
    Streamlit); `value=None` starts empty and returns None. `min_value`/`max_value`
    default to ten years before the first / after the last date of `value` (or today).
    `format` sets how the chosen date is written under the field; the field itself is
    the browser's own date picker, which follows the viewer's locale.
    `required`: an empty field (a range: a missing end) is not committed and says "This
    field is required."; in a form the submit waits. Use `value=None` (or `[]`) to start empty.
    """
    keeping = input_params.keeping(key, bind, persist_state, on_change)
    on_change = input_params.callback(on_change)
    must = input_params.required(required)
    size = sizing.width(width, allow=("stretch",))
    if not isinstance(format, str) or format not in DATE_FORMATS:
        raise HtstAPIException(
            "Invalid `format` value. Supported values: "
            + ", ".join(repr(f) for f in DATE_FORMATS) + f". Provided value: {format!r}."
        )
    is_range = _is_range(value)
    source = value
    if isinstance(value, str) and value == "today" and key is not None:
        # Whether an untouched "today" widget is a range can only come from Session State.
        state = current().state
        if str(key) in state and _is_range(state[str(key)]):
            is_range, source = True, state[str(key)]
    if source is None:
        dates: list[date] | None = None
    elif is_range:
        if len(source) > 2:
            raise HtstAPIException(
                f"Invalid `value` type. Expected one of: date, datetime, sequence of 0 to 2 "
                f"date or datetime values. Provided type: {type(source).__name__}."
            )
        dates = [_to_date(v, "value") for v in source]
    else:
        dates = [_to_date(source, "value")]
    first, last = (dates[0], dates[-1]) if dates else (date.today(), date.today())
    low = _add_years(first, -10) if min_value is None else _to_date(min_value, "min_value")
    high = _add_years(last, 10) if max_value is None else _to_date(max_value, "max_value")
    if isinstance(value, str) and value == "today" and dates:
        dates = [min(max(d, low), high) for d in dates]
    if low > high:
        raise HtstAPIException(
            f"The `min_value`, set to {low}, cannot be greater than the `max_value`, set to {high}."
        )
    if dates:
        if dates[0] < low:
            raise HtstAPIException(f"The `value` {dates[0]} is less than the `min_value` {low}.")
        if dates[-1] > high:
            raise HtstAPIException(f"The `value` {dates[-1]} is greater than the `max_value` {high}.")
    if dates is None:
        default: Any = () if is_range else None
    else:
        default = tuple(dates) if is_range else dates[0]
    ctx, meta, current_value = register_widget(
        shared(DateInputSpec(low, high, dates is None, is_range, must)), key=key, keeping=keeping,
        identity=(str(label), _id_part(value), _id_part(min_value), _id_part(max_value), help, format) + ((must,) if key is None else ()),
        default=default, default_given=value is not None and not (isinstance(value, str) and value == "today"),
        callback=on_change, args=args, kwargs=kwargs,
    )
    props = base_props(meta, label, help, disabled, label_visibility)
    chosen = meta.serialize(current_value)
    shown = [date.fromisoformat(d) for d in (chosen if is_range else [chosen]) if d]
    props.update(min=low, max=high, is_range=is_range, format=format, required=must, width=size,
                 display=" – ".join(_format_date(d, format) for d in shown))
    draw_widget(ctx, meta, current_value, props)
    return current_value


# -- times ------------------------------------------------------------------------------


def _step_seconds(step: Any) -> int:
    if isinstance(step, bool) or not isinstance(step, (int, timedelta)):
        raise HtstAPIException(
            "Invalid `step` type. Expected one of: int, timedelta. "
            f"Provided type: {type(step).__name__}."
        )
    seconds = int(step.total_seconds()) if isinstance(step, timedelta) else step
    if not 1 <= seconds <= _MAX_STEP:
        raise HtstAPIException(
            f"The `step` parameter, set to {seconds} seconds, is outside the required range "
            "[1 second, 23 hours]."
        )
    return seconds


def _to_time(value: Any) -> time:
    if isinstance(value, str) and value == "now":
        return datetime.now().time().replace(microsecond=0)
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0)  # as Streamlit: a datetime's zone is dropped
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        for parse in (time.fromisoformat, lambda s: datetime.fromisoformat(s).time()):
            try:
                return parse(value).replace(microsecond=0)
            except ValueError:
                pass
    raise HtstAPIException(
        "Invalid `value` type. Expected one of: datetime, time, ISO string. "
        f"Provided type: {type(value).__name__}."
    )


@dataclass(frozen=True, slots=True)
class TimeInputSpec(WidgetSpec):
    """A time as HH:MM, or HH:MM:SS when `step` has seconds; picked times get `zone`."""

    kind = "time_input"
    testing = "TimeInput"
    step_seconds: int = 900
    zone: tzinfo | None = None
    clearable: bool = False
    required: bool = False

    def refuse(self, raw: Any) -> str | None:
        return REQUIRED if self.required and raw in ("", None) else None

    def parse(self, raw: Any) -> time | None:
        if raw in ("", None):
            if self.clearable:
                return None
            raise InvalidWidgetValue("a time is required")
        if not isinstance(raw, str) or not _ISO_TIME.fullmatch(raw):
            raise InvalidWidgetValue(f"expected a time as HH:MM or HH:MM:SS, got {raw!r}")
        try:
            picked = time.fromisoformat(raw)
        except ValueError:
            raise InvalidWidgetValue(f"{raw!r} is not a time of day") from None
        picked = picked.replace(microsecond=0, tzinfo=self.zone)
        return picked.replace(second=0) if self.step_seconds % 60 == 0 else picked

    def serialize(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime):
            value = value.time()
        return value.strftime("%H:%M" if self.step_seconds % 60 == 0 else "%H:%M:%S")


@public
def time_input(label: str, value: Any = "now", key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, *, disabled: bool = False, required: bool = False, label_visibility: str = "visible", step: int | timedelta = timedelta(minutes=15), format: str = "24h", width: Any = "stretch", bind: str | None = None, persist_state: str | None = None) -> time | None:
    """Display a time field; returns a `datetime.time` (None if value=None and untouched).

    `step` (seconds or a timedelta, 1 s to 23 h) sets the picker's granularity; with a
    whole number of minutes, seconds are dropped. A `datetime` value gives its `.time()`.
    htst difference: a time picked in a widget whose default is timezone-aware keeps that
    tzinfo (Streamlit returns it naive once the user changes it).

    `format` ("24h", "12h", "localized") is how the chosen time is written under the
    field; the field itself is the browser's, which follows the viewer's locale (so
    "localized" writes nothing more). The value is a `datetime.time` either way.
    `required`: an empty field is not committed, as for st.date_input.
    """
    if not isinstance(format, str) or format not in _TIME_FORMATS:
        raise HtstAPIException("Invalid `format` value. Supported values: '12h', '24h', 'localized'.")
    keeping = input_params.keeping(key, bind, persist_state, on_change)
    on_change = input_params.callback(on_change)
    must = input_params.required(required)
    size = sizing.width(width, allow=("stretch",))
    seconds = _step_seconds(step)
    default = None if value is None else _to_time(value)
    if default is not None and seconds % 60 == 0:
        default = default.replace(second=0, microsecond=0)
    identity_value = default if isinstance(value, (time, datetime)) else value
    zone = None if default is None else default.tzinfo
    ctx, meta, current_value = register_widget(
        shared(TimeInputSpec(seconds, zone, default is None, must)), key=key, keeping=keeping,
        identity=(str(label), identity_value, help, seconds) + ((must,) if key is None else ()),
        default=default, default_given=value is not None and not (isinstance(value, str) and value == "now"),
        callback=on_change, args=args, kwargs=kwargs,
    )
    props = base_props(meta, label, help, disabled, label_visibility)
    props.update(step=seconds, required=must, width=size, format=format,
                 display=_format_time(current_value, format, seconds % 60 != 0))
    draw_widget(ctx, meta, current_value, props)
    return current_value


def _format_time(value: time | None, format: str, seconds: bool) -> str:
    pattern = _TIME_FORMATS[format]
    if value is None or pattern is None:
        return ""
    if seconds:
        pattern = pattern.replace("%M", "%M:%S")
    text = value.strftime(pattern)
    return text[1:] if format == "12h" and text.startswith("0") else text
