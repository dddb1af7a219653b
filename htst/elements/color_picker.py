"""st.color_picker: the browser's colour picker, a hex string on the wire.

`<input type=color>` only holds lowercase #rrggbb, so that is the field's raw value and
what a picked colour comes back as; the default is returned exactly as given ("#FFF"
stays "#FFF"), as in Streamlit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widget_spec import WidgetSpec, shared
from ..runtime.widgets import base_props, draw_widget, register_widget
from . import input_params, sizing
from .block import public

_MIN_WIDTH = 40  # pixels: the swatch and its hex value
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


def _canonical(color: str) -> str:
    """#rgb or #rrggbb, any case -> lowercase #rrggbb."""
    digits = color[1:].lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


@dataclass(frozen=True, slots=True)
class ColorPickerSpec(WidgetSpec):
    kind = "color_picker"
    testing = "ColorPicker"

    def parse(self, raw: Any) -> str:
        if not isinstance(raw, str) or not _HEX.fullmatch(raw):
            raise InvalidWidgetValue(f"expected a color as #rrggbb, got {raw!r}")
        return _canonical(raw)

    def serialize(self, value: Any) -> str:
        if isinstance(value, str) and _HEX.fullmatch(value):
            return _canonical(value)
        return str(value)


@public
def color_picker(label: str, value: str | None = None, key: str | int | None = None, help: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, *, disabled: bool = False, label_visibility: str = "visible", width: Any = "content", bind: str | None = None, persist_state: str | None = None) -> str:
    """Display a colour picker; returns a hex string (default "#000000").

    `value` must be "#rgb" or "#rrggbb". htst difference: a colour the user picks comes
    back as lowercase "#rrggbb" (what the browser's picker reports). A `width` in pixels
    under 40 (0 and negatives too) is 40, as in Streamlit.
    """
    keeping = input_params.keeping(key, bind, persist_state, on_change)
    on_change = input_params.callback(on_change)
    if isinstance(width, int):
        width = max(int(width), _MIN_WIDTH)  # bools too: True is 1 px in Streamlit
    size = sizing.width(width)
    default = "#000000" if value is None else value
    if not isinstance(default, str):
        raise HtstAPIException(
            f"Invalid `value` type. Expected one of: str. Provided type: {type(default).__name__}. "
            "Pass a hex string like `'#00FFAA'` or `'#000'`."
        )
    if not _HEX.fullmatch(default):
        raise HtstAPIException(f"'{default}' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'.")
    ctx, meta, current = register_widget(
        shared(ColorPickerSpec()), key=key, keeping=keeping, identity=(str(label), str(value), help),
        default=default, default_given=value is not None,
        callback=on_change, args=args, kwargs=kwargs,
    )
    props = base_props(meta, label, help, disabled, label_visibility)
    props["width"] = size
    draw_widget(ctx, meta, current, props)
    return current
