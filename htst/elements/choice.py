"""Choice widgets: checkbox, toggle, radio and selectbox.

Options-returning widgets parse a client value (an option index) against the options
of the run that drew them, so a value always is one of the objects the script gave.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widget_spec import WidgetSpec, shared
from ..runtime.widgets import base_props, draw_widget, drawable_value, register_widget
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


def _bool_widget(spec: WidgetSpec, label: str, value: bool, key: Any, help: str | None, on_change: Any, args: Any, kwargs: Any, disabled: bool, label_visibility: str) -> bool:
    ctx, meta, current = register_widget(
        shared(spec),
        key=key,
        identity=(str(label), bool(value), help),
        default=bool(value),
        default_given=bool(value),
        callback=on_change,
        args=args,
        kwargs=kwargs,
    )
    current = bool(current)
    draw_widget(ctx, meta, current, base_props(meta, label, help, disabled, label_visibility))
    return current


@public
def checkbox(label: str, value: bool = False, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | None = None, args: Any = None, kwargs: Any = None, *, disabled: bool = False, label_visibility: str = "visible", width: Any = "content") -> bool:
    """Display a checkbox; returns whether it is checked."""
    return _bool_widget(CheckboxSpec(), label, value, key, help, on_change, args, kwargs, disabled, label_visibility)


@public
def toggle(label: str, value: bool = False, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | None = None, args: Any = None, kwargs: Any = None, *, disabled: bool = False, label_visibility: str = "visible", width: Any = "content") -> bool:
    """Display a toggle switch; returns whether it is on."""
    return _bool_widget(ToggleSpec(), label, value, key, help, on_change, args, kwargs, disabled, label_visibility)


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
    kind = "selectbox"
    testing = "Selection"


def _choice(spec_class: type[OptionSpec], label: str, options: Any, index: int | None, format_func: Callable[[Any], Any], key: Any, help: str | None, on_change: Any, args: Any, kwargs: Any, disabled: bool, label_visibility: str, extra_identity: tuple, extra_props: dict) -> Any:
    kind = spec_class.kind
    opts = _options_list(options)
    if index is not None:
        if isinstance(index, bool) or not isinstance(index, int):
            raise HtstAPIException(f"{kind.capitalize()} index must be an int or None, got {type(index).__name__}.")
        if opts and not 0 <= index < len(opts):
            raise HtstAPIException(f"{kind.capitalize()} index must be between 0 and length of options")
    labels = tuple(str(format_func(option)) for option in opts)
    default = opts[index] if opts and index is not None else None
    ctx, meta, value = register_widget(
        shared_if_plain(spec_class(tuple(opts), True), opts),
        key=key,
        identity=(str(label), labels, index, help) + extra_identity,
        default=default,
        default_given=index != 0,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        options=opts,
    )
    value, raw = drawable_value(ctx, meta, value, default)
    props = base_props(meta, label, help, disabled, label_visibility)
    props.update(options=labels, index=None if raw == "" else int(raw), **extra_props)
    draw_widget(ctx, meta, value, props)
    return value


@public
def radio(label: str, options: Sequence[Any], index: int | None = 0, format_func: Callable[[Any], Any] = str, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | None = None, args: Any = None, kwargs: Any = None, *, disabled: bool = False, horizontal: bool = False, captions: Sequence[str] | None = None, label_visibility: str = "visible", width: Any = "content") -> Any:
    """Display radio buttons; returns the selected option (None if index=None and untouched)."""
    caps = tuple(str(c) for c in captions) if captions else ()
    return _choice(RadioSpec, label, options, index, format_func, key, help, on_change, args, kwargs, disabled, label_visibility, (horizontal, caps), {"horizontal": horizontal, "captions": caps})


@public
def selectbox(label: str, options: Sequence[Any], index: int | None = 0, format_func: Callable[[Any], Any] = str, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | None = None, args: Any = None, kwargs: Any = None, *, placeholder: str | None = None, disabled: bool = False, label_visibility: str = "visible", accept_new_options: bool = False, width: Any = "stretch") -> Any:
    """Display a select widget; returns the selected option (None if index=None and untouched)."""
    text = "Choose an option" if placeholder is None else str(placeholder)
    return _choice(SelectboxSpec, label, options, index, format_func, key, help, on_change, args, kwargs, disabled, label_visibility, (placeholder,), {"placeholder": text})
