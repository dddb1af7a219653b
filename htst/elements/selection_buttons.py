"""Button groups: st.pills, st.segmented_control and st.feedback.

Each option is a radio input (single selection) or a checkbox (multi) inside a label
styled as a button; changing one posts the form. A single selection posts one option
index, a multi selection the list of checked indexes (`extra["multi"]`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..errors import HtstAPIException
from ..runtime.widget_spec import shared
from ..runtime.widgets import base_props, draw_widget, drawable_value, register_widget
from . import input_params, sizing
from .block import public
from .choice import OptionSpec, _options_list, shared_if_plain
from .multiselect import OptionsSpec, default_list


@dataclass(frozen=True, slots=True)
class PillSpec(OptionSpec):
    kind = "pills"
    testing = "ButtonGroup"


@dataclass(frozen=True, slots=True)
class PillsSpec(OptionsSpec):
    kind = "pills"
    testing = "ButtonGroup"


@dataclass(frozen=True, slots=True)
class SegmentSpec(OptionSpec):
    kind = "segmented_control"
    testing = "ButtonGroup"


@dataclass(frozen=True, slots=True)
class SegmentsSpec(OptionsSpec):
    kind = "segmented_control"
    testing = "ButtonGroup"


@dataclass(frozen=True, slots=True)
class FeedbackSpec(OptionSpec):
    kind = "feedback"


# (single-selection spec, multi-selection spec) per button group.
_SPECS = {"pills": (PillSpec, PillsSpec), "segmented_control": (SegmentSpec, SegmentsSpec)}

_FEEDBACK = {
    # (value, symbol, accessible name) in display order; the value is what st.feedback returns.
    "thumbs": [(1, "👍", "Thumbs up"), (0, "👎", "Thumbs down")],
    "faces": [(0, "😞", "Very unhappy"), (1, "🙁", "Unhappy"), (2, "😐", "Neutral"), (3, "🙂", "Happy"), (4, "😀", "Very happy")],
    "stars": [(i, "★", f"{i + 1} star{'s' if i else ''}") for i in range(5)],
}


def _button_group(kind: str, label: str, options: Any, selection_mode: str, default: Any, required: bool, format_func: Callable[[Any], Any] | None, key: Any, help: str | None, on_change: Any, args: Any, kwargs: Any, disabled: bool, label_visibility: str, width: Any, wrap: Any, keeping: Any) -> Any:
    on_change = input_params.callback(on_change)
    size = sizing.width(width)
    if selection_mode not in ("single", "multi"):
        raise HtstAPIException(f"Invalid `selection_mode` value: {selection_mode!r}. Expected one of: 'single', 'multi'.")
    if required and selection_mode == "multi":
        raise HtstAPIException(f"`required=True` is only supported by `st.{kind}` with `selection_mode='single'`.")
    opts = _options_list(options)
    labels = tuple(str((format_func or str)(option)) for option in opts)
    keeping = input_params.with_labels(keeping, labels)
    multi = selection_mode == "multi"
    if not multi and isinstance(default, (list, tuple)) and len(default) > 1:
        raise HtstAPIException(f"The default argument to `st.{kind}` must be a single value when `selection_mode='single'`.")
    defaults = default_list(default, opts)
    single_spec, multi_spec = _SPECS[kind]
    initial: Any
    if multi:
        spec: Any = shared_if_plain(multi_spec(tuple(opts), labels), opts)
        initial = defaults
        default_raw = tuple(spec.serialize(defaults))
    else:
        spec = shared_if_plain(single_spec(tuple(opts), not required), opts)
        initial = defaults[0] if defaults else None
        default_raw = (spec.serialize(initial),)
    ctx, meta, value = register_widget(
        spec,
        key=key,
        keeping=keeping,
        identity=(str(label), labels, selection_mode, default_raw, required, help),
        default=initial,
        default_given=bool(defaults),
        callback=on_change,
        args=args,
        kwargs=kwargs,
        options=opts,
    )
    value, raw = drawable_value(ctx, meta, value, initial)
    selected = tuple(int(r) for r in raw) if multi else (() if raw == "" else (int(raw),))
    props = base_props(meta, label, help, disabled, label_visibility)
    props.update(
        buttons=tuple((index, text, text) for index, text in enumerate(labels)),
        selected=selected, multi=multi, required=required, style=kind,
        width=size, wrap=input_params.wrap(wrap, ctx.container),
    )
    draw_widget(ctx, meta, list(value) if multi else value, props)
    return list(value) if multi else value


@public
def pills(label: str, options: Sequence[Any], *, selection_mode: str = "single", default: Any = None, required: bool = False, format_func: Callable[[Any], Any] | None = None, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, disabled: bool = False, label_visibility: str = "visible", width: Any = "content", wrap: bool | None = None, bind: str | None = None, persist_state: str | None = None) -> Any:
    """Display a row of pill buttons; returns the option (or None), or a list in "multi" mode.

    Clicking the selected option again clears a single selection (with JavaScript; a
    native radio group cannot be unchecked without it). `wrap`: the options wrap onto
    more lines (True), stay on one line that scrolls (False) or, with None, stay on one
    line in a row (a column) and wrap elsewhere.
    """
    return _button_group("pills", label, options, selection_mode, default, required, format_func, key, help, on_change, args, kwargs, disabled, label_visibility, width, wrap, input_params.keeping(key, bind, persist_state, on_change))


@public
def segmented_control(label: str, options: Sequence[Any], *, selection_mode: str = "single", default: Any = None, required: bool = False, format_func: Callable[[Any], Any] | None = None, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, disabled: bool = False, label_visibility: str = "visible", width: Any = "content", wrap: bool | None = None, bind: str | None = None, persist_state: str | None = None) -> Any:
    """Display a segmented control; returns the option (or None), or a list in "multi" mode."""
    return _button_group("segmented_control", label, options, selection_mode, default, required, format_func, key, help, on_change, args, kwargs, disabled, label_visibility, width, wrap, input_params.keeping(key, bind, persist_state, on_change))


@public
def feedback(options: str = "thumbs", *, key: str | int | None = None, default: int | None = None, disabled: bool = False, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, width: Any = "content", bind: str | None = None, persist_state: str | None = None) -> int | None:
    """Display thumbs, faces or stars; returns the index picked (0 = worst) or None."""
    keeping = input_params.keeping(key, bind, persist_state, on_change)
    on_change = input_params.callback(on_change)
    size = sizing.width(width)
    if options not in _FEEDBACK:
        raise HtstAPIException(f"Invalid `options` value: {options!r}. Expected one of: 'thumbs', 'faces', 'stars'.")
    count = len(_FEEDBACK[options])
    if default is not None and (isinstance(default, bool) or not isinstance(default, int) or not 0 <= default < count):
        raise HtstAPIException(f"The value {default!r} for `default` is out of range. It must be between 0 and {count - 1}.")
    ctx, meta, value = register_widget(
        shared(FeedbackSpec(tuple(range(count)), True)),
        key=key,
        keeping=keeping,
        identity=(options, default),
        default=default,
        default_given=default is not None,
        callback=on_change,
        args=args,
        kwargs=kwargs,
    )
    value, _ = drawable_value(ctx, meta, value, default)
    props = base_props(meta, "Feedback", None, disabled, "collapsed")
    props.update(
        buttons=tuple(_FEEDBACK[options]),
        selected=() if value is None else (value,), multi=False, required=False, style=f"feedback htst-feedback--{options}",
        filled=value if options == "stars" and value is not None else -1,
        width=size, wrap=True,
    )
    draw_widget(ctx, meta, value, props)
    return value
