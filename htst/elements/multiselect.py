"""st.multiselect: a list of options, posted as a list of option indexes.

Like selectbox, the returned objects are the options of the run that drew the widget
(docs: custom classes), so a value is always made of objects the script gave.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widget_spec import NOTHING, WidgetSpec
from ..runtime.widgets import base_props, draw_widget, drawable_value, register_widget
from . import input_params, sizing
from .block import public
from .choice import FILTER_FROM, _options_list, shared_if_plain


@dataclass(frozen=True, slots=True)
class OptionsSpec(WidgetSpec):
    """Several options, posted as one entry per option index (`multi`).

    With `accept_new`, an entry that is not an index is a new option typed by the user
    (or the label of an existing one, which then selects that option).
    """

    options: tuple
    labels: tuple
    accept_new: bool = False
    limit: int | None = None
    multi: bool = True
    select_all: bool = False  # a "Select all" button may post a click

    def parse(self, raw: Any) -> list[Any]:
        entries = [raw] if isinstance(raw, str) else list(raw or [])
        if self.limit is not None and len(entries) > self.limit:
            raise InvalidWidgetValue(f"{len(entries)} options selected, but max_selections is {self.limit}")
        values: list[Any] = []
        for entry in entries:
            value = self._parse_one(entry)
            if not any(v is value for v in values):
                values.append(value)
        return values

    def _parse_one(self, raw: Any) -> Any:
        options, text = self.options, str(raw)
        if text.isdigit() and int(text) < len(options):
            return options[int(text)]
        if self.accept_new and text.strip():
            return options[self.labels.index(text)] if text in self.labels else text
        try:
            index = int(text)
        except ValueError:
            raise InvalidWidgetValue(f"expected an option index, got {raw!r}") from None
        raise InvalidWidgetValue(f"option index {index} is out of range (0..{len(options) - 1})")

    def serialize(self, values: Any) -> list[str]:
        return [self._serialize_one(v) for v in (values or [])]

    def click(self) -> Any:
        """"Select all" (`_htst_click=<id>`, a post without JavaScript): every option."""
        return list(self.options) if self.select_all else NOTHING

    def _serialize_one(self, value: Any) -> str:
        for index, option in enumerate(self.options):
            if option is value or option == value:
                return str(index)
        if self.accept_new and isinstance(value, str):
            return value
        raise InvalidWidgetValue(f"{value!r} is not one of the options")


@dataclass(frozen=True, slots=True)
class MultiselectSpec(OptionsSpec):
    kind = "multiselect"
    testing = "Multiselect"


def default_list(default: Any, options: list[Any]) -> list[Any]:
    """`default` as a list of options; one value not in the options is an error (Streamlit's message)."""
    if default is None:
        return []
    if isinstance(default, (str, bytes)) or not hasattr(default, "__iter__"):
        default = [default]
    elif hasattr(default, "tolist"):
        default = default.tolist()
    found = []
    for value in default:
        match = next((o for o in options if o is value or o == value), _MISSING)
        if match is _MISSING:
            raise HtstAPIException(
                f"The default value '{value}' is not part of the options. Please make sure "
                "that every default value also exists in the options."
            )
        found.append(match)
    return found


_MISSING = object()


def _too_many(count: int, limit: int) -> HtstAPIException:
    return HtstAPIException(
        f"Multiselect has {count} options selected but `max_selections` is set to {limit}. "
        "This happened because you either gave too many options to `default` or you "
        "manipulated the widget's state through `st.session_state`. Note that the latter can "
        f"happen before the line indicated in the traceback. Please select at most {limit} option."
    )


_INT32_MAX = 2**31 - 1


def _select_all(value: Any) -> int:
    """`select_all` as the largest number of selectable options "Select all" is shown for."""
    if isinstance(value, bool):
        return _INT32_MAX if value else 0
    if not isinstance(value, int):
        raise HtstAPIException(f"Invalid `select_all` type. Expected one of: bool, int. Provided type: {type(value).__name__}.")
    if value < 0:
        raise HtstAPIException(
            "Invalid `select_all` value. Supported values: True, False, a non-negative integer. "
            "When using an int, `select_all` must be a non-negative integer."
        )
    return min(value, _INT32_MAX)


@public
def multiselect(label: str, options: Sequence[Any], default: Any = None, format_func: Callable[[Any], Any] = str, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, *, max_selections: int | None = None, placeholder: str | None = None, disabled: bool = False, label_visibility: str = "visible", accept_new_options: bool = False, filter_mode: str | None = "fuzzy", select_all: bool | int = 1000, width: Any = "stretch", wrap: bool | None = None, bind: str | None = None, persist_state: str | None = None) -> list[Any]:
    """Display a multiselect; returns the list of selected options (in selection order).

    htst draws a native `<select multiple>` (Ctrl/Cmd-click to pick several, no JavaScript
    needed), with the selected options listed under it. With `accept_new_options`, a text
    field beside it adds an option typed by the user; a typed text that is a number is
    read as an option index.

    - `filter_mode`: as for st.selectbox, a filter box (7 or more options, with
      JavaScript) hides the options that do not match; Enter in it selects the first
      match. None: no filter box.
    - `select_all`: a "Select all" button selects every option (with JavaScript, every
      option the filter shows). It is shown while 2 to `select_all` options are left to
      select (True: any number, False/0: never), and only if `max_selections` leaves
      room for all of them.
    - `wrap`: the list of selected options wraps (True), stays on one scrolling line
      (False) or, with None, stays on one line in a row (a column) and wraps elsewhere.
    """
    keeping = input_params.keeping(key, bind, persist_state, on_change)
    callback = input_params.callback(on_change)
    mode = input_params.filter_mode(filter_mode, accept_new_options)
    room = _select_all(select_all)
    size = sizing.width(width, allow=("stretch",))
    opts = _options_list(options)
    labels = tuple(str(format_func(option)) for option in opts)
    keeping = input_params.with_labels(keeping, labels)
    defaults = default_list(default, opts)
    if max_selections is not None and len(defaults) > max_selections:
        raise _too_many(len(defaults), max_selections)
    can_select_all = room >= 2 and (max_selections is None or len(opts) <= max_selections)
    spec = shared_if_plain(MultiselectSpec(tuple(opts), labels, accept_new_options, max_selections, select_all=can_select_all), opts)
    default_raw = tuple(spec.serialize(defaults))
    ctx, meta, value = register_widget(
        spec,
        key=key, keeping=keeping,
        identity=(str(label), labels, default_raw, help, max_selections, placeholder, accept_new_options),
        default=defaults,
        default_given=bool(defaults),
        callback=callback,
        args=args,
        kwargs=kwargs,
        options=opts,
    )
    value, raw = drawable_value(ctx, meta, value, list(defaults))
    value = list(value or [])
    if max_selections is not None and len(value) > max_selections:
        raise _too_many(len(value), max_selections)
    text = placeholder if placeholder is not None else ("Choose options" if opts else "No options to select")
    indices = tuple(int(r) for r in raw if r.isdigit() and int(r) < len(opts))
    new_options = tuple(r for r in raw if not (r.isdigit() and int(r) < len(opts)))
    left = len(opts) - len(indices)
    props = base_props(meta, label, help, disabled, label_visibility)
    props.update(
        options=labels, indices=indices, new_options=new_options,
        placeholder=text, max_selections=max_selections, accept_new_options=accept_new_options,
        filter=mode if len(opts) >= FILTER_FROM else None,
        select_all=can_select_all and 2 <= left <= room,
        chosen=tuple(labels[i] for i in indices) + new_options,
        wrap=input_params.wrap(wrap, ctx.container), width=size,
    )
    draw_widget(ctx, meta, value, props)
    return value
