"""Choice widgets: checkbox, toggle, radio and selectbox.

Options-returning widgets parse a client value (an option index) against the options
of the run that drew them, so a value always is one of the objects the script gave.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widget_spec import NOTHING, WidgetSpec, shared
from ..runtime.nodes import props_by_args
from ..runtime.widgets import base_props, draw_widget, drawable_value, look_props, register_widget
from . import icons, input_params, sizing
from .block import public


def _parse_bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("1", "true", "on", "yes"):
        return True
    if text in ("0", "false", "off", "no", ""):
        return False
    raise InvalidWidgetValue(f"expected a boolean (1/0, true/false), got {raw!r}")


@dataclass(frozen=True, slots=True)
class CheckboxSpec(WidgetSpec):
    """Checked posts "1"; the template's hidden "0" before it posts the unchecked state."""

    kind = "checkbox"
    testing = "Checkbox"

    def parse(self, raw: Any) -> bool:
        return _parse_bool(raw)

    def serialize(self, value: Any) -> str:
        return "1" if value else "0"


@dataclass(frozen=True, slots=True)
class ToggleSpec(CheckboxSpec):
    kind = "toggle"


_CHECKBOX, _TOGGLE = shared(CheckboxSpec()), shared(ToggleSpec())


def _bool_widget(spec: WidgetSpec, label: str, value: bool, key: Any, help: str | None, on_change: Any, args: Any, kwargs: Any, disabled: bool, label_visibility: str, width: Any, wrap: Any, keeping: Any) -> bool:
    callback = input_params.callback(on_change)
    size = sizing.width(width)
    ctx, meta, current = register_widget(
        spec,
        key=key,
        identity=(str(label), bool(value), help),
        default=bool(value),
        default_given=bool(value),
        keeping=keeping,
        callback=callback,
        args=args,
        kwargs=kwargs,
    )
    current = bool(current)
    look = _bool_look(meta.id, meta.key, meta.keeping, label, help, disabled, label_visibility, size, input_params.wrap(wrap, ctx.container))
    draw_widget(ctx, meta, current, look)
    return current


@props_by_args
def _bool_look(wid: str, key: str | None, keeping: Any, label: Any, help: str | None, disabled: Any, label_visibility: str, size: Any, wrap: bool) -> dict[str, Any]:
    props = look_props(wid, key, keeping, label, help, disabled, label_visibility)
    props.update(width=size, wrap=wrap)
    return props


@public
def checkbox(label: str, value: bool = False, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, *, disabled: bool = False, label_visibility: str = "visible", width: Any = "content", wrap: bool | None = None, bind: str | None = None, persist_state: str | None = None) -> bool:
    """Display a checkbox; returns whether it is checked.

    `wrap=None` keeps the label on one line in a row (a column), ending in "…" with the
    whole label on hover; True wraps it, False always keeps it on one line.
    """
    return _bool_widget(_CHECKBOX, label, value, key, help, on_change, args, kwargs, disabled, label_visibility, width, wrap, input_params.keeping(key, bind, persist_state, on_change))


@public
def toggle(label: str, value: bool = False, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, *, disabled: bool = False, label_visibility: str = "visible", width: Any = "content", wrap: bool | None = None, bind: str | None = None, persist_state: str | None = None) -> bool:
    """Display a toggle switch; returns whether it is on (`wrap` as for st.checkbox)."""
    return _bool_widget(_TOGGLE, label, value, key, help, on_change, args, kwargs, disabled, label_visibility, width, wrap, input_params.keeping(key, bind, persist_state, on_change))


def _options_list(options: Any) -> list[Any]:
    if options is None:
        return []
    if hasattr(options, "columns") and hasattr(options, "iloc"):  # a DataFrame: its first column
        options = options.iloc[:, 0]
    if hasattr(options, "tolist"):
        return list(options.tolist())
    return list(options)


@dataclass(frozen=True, slots=True)
class OptionSpec(WidgetSpec):
    """One option, posted as its index ("" for none): the value is the option object itself."""

    options: tuple
    allow_none: bool

    def parse(self, raw: Any) -> Any:
        options = self.options
        if raw in ("", None):
            if self.allow_none or not options:
                return None
            raise InvalidWidgetValue("a selection is required")
        try:
            index = int(raw)
        except (TypeError, ValueError):
            raise InvalidWidgetValue(f"expected an option index, got {raw!r}") from None
        if not 0 <= index < len(options):
            raise InvalidWidgetValue(f"option index {index} is out of range (0..{len(options) - 1})")
        return options[index]

    def serialize(self, value: Any) -> str:
        if value is None:
            return ""
        return str(option_index(self.options, value))


def option_index(options: Sequence[Any], value: Any) -> int:
    """Where `value` is among the options (the object itself, or an equal one)."""
    for index, option in enumerate(options):
        if option is value or option == value:
            return index
    raise InvalidWidgetValue(f"{value!r} is not one of the options")


def shared_if_plain(spec: WidgetSpec, options: Sequence[Any]) -> WidgetSpec:
    """Share an options spec between sessions only when its options are plain values of
    one type (strings, numbers): there an equal option is as good as the same object,
    while the docs promise other objects back from the script's own options."""
    kinds = {type(option) for option in options}
    if len(kinds) <= 1 and kinds <= {str, int, float, bool}:
        return shared(spec)
    return spec


@dataclass(frozen=True, slots=True)
class RadioSpec(OptionSpec):
    kind = "radio"
    testing = "Selection"


@dataclass(frozen=True, slots=True)
class SelectboxSpec(OptionSpec):
    """A selectbox: with `required`, posting no selection is refused (it keeps its value).

    With `accept_new` a text field follows the `<select>` under the same name: a text
    typed there is the value (the option whose label it names, ignoring case, or the
    text itself); a text that is a number is read as an option index, as for multiselect.
    """

    kind = "selectbox"
    testing = "Selection"
    required: bool = False
    accept_new: bool = False
    labels: tuple = ()

    def refuse(self, raw: Any) -> str | None:
        return input_params.REQUIRED if self.required and raw in ("", None) else None

    def read(self, fields: Any, name: str) -> Any:
        posted = fields.getlist(name)
        if not posted:
            return NOTHING
        if self.accept_new and len(posted) > 1:  # (the select's index, the typed text)
            return posted[-1].strip() or posted[0]
        return posted[-1]

    def parse(self, raw: Any) -> Any:
        if self.accept_new and isinstance(raw, str) and raw.strip() and not raw.isdigit():
            text = raw.strip()
            folded = [label.casefold() for label in self.labels]
            return self.options[folded.index(text.casefold())] if text.casefold() in folded else text
        return OptionSpec.parse(self, raw)

    def serialize(self, value: Any) -> str:
        try:
            return OptionSpec.serialize(self, value)
        except InvalidWidgetValue:
            if self.accept_new and isinstance(value, str):
                return value
            raise


def _choice(spec: OptionSpec, opts: list[Any], label: str, index: int | None, format_func: Callable[[Any], Any], key: Any, help: str | None, on_change: Any, args: Any, kwargs: Any, disabled: bool, label_visibility: str, extra_identity: tuple, extra_props: dict, keeping: Any = None) -> Any:
    callback = input_params.callback(on_change)
    labels = tuple(str(format_func(option)) for option in opts)
    keeping = input_params.with_labels(keeping, labels)
    default = opts[index] if opts and index is not None else None
    ctx, meta, value = register_widget(
        shared_if_plain(spec, opts),
        key=key,
        identity=(str(label), labels, index, help) + extra_identity,
        default=default,
        default_given=index != 0,
        keeping=keeping,
        callback=callback,
        args=args,
        kwargs=kwargs,
        options=opts,
    )
    value, raw = drawable_value(ctx, meta, value, default)
    props = base_props(meta, label, help, disabled, label_visibility)
    # A value typed by the user (selectbox accept_new_options) is its own text, not an index.
    props.update(options=labels, index=int(raw) if raw.isdigit() else None, new_value=None if raw.isdigit() else raw or None, **extra_props)
    draw_widget(ctx, meta, value, props)
    return value


def _checked_options(kind: str, options: Any, index: int | None) -> list[Any]:
    opts = _options_list(options)
    if index is not None:
        if isinstance(index, bool) or not isinstance(index, int):
            raise HtstAPIException(f"{kind.capitalize()} index must be an int or None, got {type(index).__name__}.")
        if opts and not 0 <= index < len(opts):
            raise HtstAPIException(f"{kind.capitalize()} index must be between 0 and length of options")
    return opts


@public
def radio(label: str, options: Sequence[Any], index: int | None = 0, format_func: Callable[[Any], Any] = str, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, *, disabled: bool = False, horizontal: bool = False, captions: Sequence[str] | None = None, label_visibility: str = "visible", width: Any = "content", bind: str | None = None, persist_state: str | None = None) -> Any:
    """Display radio buttons; returns the selected option (None if index=None and untouched)."""
    caps = tuple(str(c) for c in captions) if captions else ()
    opts = _checked_options("radio", options, index)
    return _choice(RadioSpec(tuple(opts), True), opts, label, index, format_func, key, help, on_change, args, kwargs, disabled, label_visibility, (horizontal, caps), {"horizontal": horizontal, "captions": caps, "width": sizing.width(width)}, input_params.keeping(key, bind, persist_state, on_change))


# Fewer options than this fit at a glance: the filter box would only be in the way.
FILTER_FROM = 7


@public
def selectbox(label: str, options: Sequence[Any], index: int | None = 0, format_func: Callable[[Any], Any] = str, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, *, placeholder: str | None = None, disabled: bool = False, required: bool = False, label_visibility: str = "visible", icon: str | None = None, accept_new_options: bool = False, filter_mode: str | None = "fuzzy", width: Any = "stretch", bind: str | None = None, persist_state: str | None = None) -> Any:
    """Display a select widget; returns the selected option (None if index=None and untouched).

    `accept_new_options`: a text field under the list takes a value that is not among the
    options (an option's label, in any case, picks that option; a number is read as an
    option index). `required`: with `index=None`, choosing nothing is refused ("This field is required."),
    in a form the submit waits for a choice. `icon` is drawn inside the field, before the
    value. `filter_mode` ("fuzzy", "contains", "prefix"): htst draws the browser's own
    `<select>`, so with 7 or more options htst.js adds a filter box above it that hides the
    options that do not match (fuzzy: the letters in order; options keep their order);
    None leaves only the browser's own type-to-jump.
    """
    text = "Choose an option" if placeholder is None else str(placeholder)
    mode = input_params.filter_mode(filter_mode, accept_new_options)
    must = input_params.required(required)
    shown_icon = icons.icon(icon)
    size = sizing.width(width, allow=("stretch",))
    opts = _checked_options("selectbox", options, index)
    labels = tuple(str(format_func(option)) for option in opts)
    return _choice(
        SelectboxSpec(tuple(opts), True, must, bool(accept_new_options), labels), opts, label, index, format_func, key, help, on_change, args, kwargs, disabled, label_visibility,
        (placeholder, bool(accept_new_options)) + ((must,) if key is None else ()),
        {"placeholder": text, "required": must, "icon": shown_icon, "width": size,
         "filter": mode if len(opts) >= FILTER_FROM else None, "accept_new_options": bool(accept_new_options)},
        input_params.keeping(key, bind, persist_state, on_change),
    )
