"""st.select_slider: a slider over a list of options, single or a (start, end) range.

The browser's `<input type=range>` moves over option indexes; the value returned is the
option object of the run that drew the widget, as with selectbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..errors import HtstAPIException
from ..runtime.widgets import base_props, draw_widget, drawable_value, register_widget
from . import input_params, sizing
from .block import public
from .choice import OptionSpec, _options_list, option_index, shared_if_plain
from .numeric import parse_range


@dataclass(frozen=True, slots=True)
class SelectSliderSpec(OptionSpec):
    """A slider over option indexes; a range (`multi`) posts two, in order."""

    kind = "select_slider"
    testing = "Slider"
    multi: bool = False

    def parse(self, raw: Any) -> Any:
        if self.multi:
            return parse_range(lambda r: OptionSpec.parse(self, r), raw, lambda v: option_index(self.options, v))
        return OptionSpec.parse(self, raw)

    def serialize(self, value: Any) -> Any:
        if self.multi:
            return [OptionSpec.serialize(self, v) for v in value]
        return OptionSpec.serialize(self, value)


def _index_of(options: list[Any], value: Any) -> int:
    for index, option in enumerate(options):
        if option is value or option == value:
            return index
    raise HtstAPIException(f"{value!r} is not in the select_slider options.")


@public
def select_slider(label: str, options: Sequence[Any] = (), value: Any = None, format_func: Callable[[Any], Any] = str, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, *, disabled: bool = False, label_visibility: str = "visible", width: Any = "stretch", bind: str | None = None, persist_state: str | None = None) -> Any:
    """Display a slider over options; returns an option, or a tuple of two for a range.

    A tuple or list of two options for `value` makes a range slider (start, end),
    swapped if given in reverse order.
    """
    keeping = input_params.keeping(key, bind, persist_state, on_change)
    on_change = input_params.callback(on_change)
    size = sizing.width(width, allow=("stretch",))
    opts = _options_list(options)
    if not opts:
        raise HtstAPIException("The `options` parameter is required. Provide at least one option.")
    is_range = isinstance(value, (list, tuple)) and len(value) == 2
    if is_range:
        indices = sorted(_index_of(opts, v) for v in value)
    else:
        indices = [0 if value is None else _index_of(opts, value)]
    labels = tuple(str(format_func(option)) for option in opts)
    keeping = input_params.with_labels(keeping, labels)
    default = tuple(opts[i] for i in indices) if is_range else opts[indices[0]]
    spec = shared_if_plain(SelectSliderSpec(tuple(opts), False, is_range), opts)
    ctx, meta, current = register_widget(
        spec,
        key=key, keeping=keeping,
        identity=(str(label), labels, tuple(indices), help),
        default=default,
        default_given=value is not None,
        callback=on_change,
        args=args,
        kwargs=kwargs,
        options=opts,
    )
    current, raw = drawable_value(ctx, meta, current, default, check=spec.parse)  # ranges must be ordered
    shown = tuple(int(r) for r in (raw if is_range else [raw]))
    props = base_props(meta, label, help, disabled, label_visibility)
    props.update(options=labels, indices=shown, range=is_range, display=" – ".join(labels[i] for i in shown), width=size)
    draw_widget(ctx, meta, current, props)
    return current
