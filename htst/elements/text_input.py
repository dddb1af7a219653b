"""st.text_input: a single line of text, sent on Enter or when it loses focus.

`required` and `validate` are checked twice, with one rule: by htst.js before it sends
(a field that fails is not sent and says why, as in Streamlit, where these checks are
the browser's) and by the server for a post made without JavaScript (`refuse`: the
value is kept and the field shows the message; a form holding it is not submitted).
The app is one HTML form, so no HTML `required`/`pattern` attribute is used: they would
block every other button of the page.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.durations import to_seconds
from ..runtime.nodes import props_by_args
from ..runtime.widget_spec import WidgetSpec, spec_of
from ..runtime.widgets import draw_widget, look_props, register_widget
from . import icons, input_params, sizing
from .block import public

_EMAIL = (r"^[^\s@]+@[^\s@]+\.[^\s@]+$", "Enter a valid email address.")
_URL = (r"^([Hh][Tt][Tt][Pp][Ss]?://)?[^\s/.]+\.[^\s]+$", "Enter a valid URL.")
# type -> (the <input type>, icon, placeholder, validate, autocomplete), as in Streamlit 1.67.
TYPES: dict[str, tuple[str, str | None, str | None, tuple[str, str] | None, str | None]] = {
    "default": ("text", None, None, None, None),
    "password": ("password", None, None, None, "new-password"),
    "email": ("email", ":material/mail:", "you@example.com", _EMAIL, "email"),
    "url": ("url", ":material/link:", "https://example.com", _URL, "url"),
    "phone": ("tel", ":material/call:", "+1 234 567 8900", None, "tel"),
    "search": ("search", ":material/search:", "Search", None, "off"),
}
LIVE_DEFAULT_MS = 250
_LIVE_MAX_MS = 60_000


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    """The pattern as Python reads it (dotAll, like the browser's "us" flags), or None when
    Python cannot (JavaScript-only syntax): then only the browser checks it."""
    try:
        return re.compile(pattern, re.DOTALL)
    except re.error:
        return None


@dataclass(frozen=True, slots=True)
class TextInputSpec(WidgetSpec):
    """The text as typed; longer than `max_chars` is refused (the browser enforces it).

    A blank text in a `required` field, or one its `pattern` does not match, is not
    committed (`refuse`).
    """

    kind = "text_input"
    testing = "TextInput"
    max_chars: int | None = None
    required: bool = False
    pattern: str | None = None
    message: str | None = None

    def parse(self, raw: Any) -> str | None:
        return None if raw is None else posted_text(raw, self.max_chars)

    def serialize(self, value: Any) -> str:
        return "" if value is None else str(value)

    def refuse(self, raw: Any) -> str | None:
        return refuse_text(raw, self.required, self.pattern, self.message)


def posted_text(raw: Any, max_chars: int | None, normalize: Callable[[str], str] = str) -> str:
    """A posted text field's value (after `normalize`), checked against `max_chars`."""
    if not isinstance(raw, str):
        raise InvalidWidgetValue(f"expected text, got {raw!r}")
    text = normalize(raw)
    if max_chars is not None and len(text) > max_chars:
        raise InvalidWidgetValue(f"text is longer than max_chars={max_chars}")
    return text


def refuse_text(raw: Any, required: bool, pattern: str | None = None, message: str | None = None) -> str | None:
    """Why a posted text may not be committed: blank while required, or not matching."""
    text = raw if isinstance(raw, str) else ""
    if not text.strip():
        return input_params.REQUIRED if required else None
    compiled = _compiled(pattern) if pattern else None
    if compiled is not None and not compiled.search(text):
        return message
    return None


def _validate(validate: Any, default: tuple[str, str] | None) -> tuple[str, str] | None:
    """`validate` -> (regex, message shown when it fails), or None for no check."""
    if validate is None:
        return default
    if isinstance(validate, str):
        if not validate:
            return None  # "" turns the check off, the type's own too
        shown = re.sub(r"(?<!\\)/", r"\/", validate)  # as JavaScript spells the RegExp
        return validate, f"Invalid input. Must match pattern: /{shown}/su"
    if isinstance(validate, tuple):
        if len(validate) == 2 and all(isinstance(part, str) for part in validate):
            return validate[0], validate[1]
        raise HtstAPIException(
            "Invalid `validate` value. Supported values: a regex string, a (regex, message) tuple of strings."
        )
    raise HtstAPIException(
        f"Invalid `validate` type. Expected one of: None, str, tuple. Provided type: {type(validate).__name__}."
    )


def _live(live: Any) -> int | None:
    """`live` -> the pause in ms after which typing is sent, or None (Enter and blur only)."""
    if isinstance(live, bool):
        return LIVE_DEFAULT_MS if live else None
    if not isinstance(live, str):
        detail = ""
        if isinstance(live, (int, float)) or type(live).__name__ == "timedelta":
            detail = (
                " A number or `datetime.timedelta` is not accepted. Use `True` for a 250ms pause, "
                "or a duration string like `'300ms'` or `'0.5s'`. "
                "`live=300` is not milliseconds (and `live=0.3` is not seconds); duration units must be explicit."
            )
        raise HtstAPIException(f"Invalid `live` type. Expected one of: bool, str. Provided type: {type(live).__name__}.{detail}")
    text = live.strip()
    seconds = to_seconds(text.lstrip("-"))
    if seconds is None:
        raise HtstAPIException(
            "Time string doesn't look right. It should be formatted as `'1d2h34m'` or `2 days`, "
            f"for example. Got: {live}"
        )
    ms = -seconds * 1000 if text.startswith("-") else seconds * 1000
    if not 0 <= ms <= _LIVE_MAX_MS:
        raise HtstAPIException(
            f"The `live` parameter, set to {live}, is outside the required range [0ms, 1m]. Use `True` "
            "for the 250ms default, `'0ms'` to commit on every change, or a duration string up to `'1m'`."
        )
    return max(1, round(ms)) if ms > 0 else 0


@public
def text_input(label: str, value: str | None = "", max_chars: int | None = None, key: str | int | None = None, type: str = "default", help: str | None = None, autocomplete: str | None = None, on_change: Callable[..., Any] | str | None = "rerun", args: Any = None, kwargs: Any = None, *, placeholder: str | None = None, disabled: bool = False, required: bool = False, label_visibility: str = "visible", icon: str | None = None, validate: str | tuple[str, str] | None = None, live: bool | str = False, width: Any = "stretch", bind: str | None = None, persist_state: str | None = None) -> str | None:
    """Display a single-line text input; returns its text (None if value=None and untouched).

    - `type`: "default", "password", "email", "url", "phone" or "search": the browser's
      field of that kind, with Streamlit's icon, placeholder, `validate` and
      `autocomplete` for it (None takes them, "" turns one off).
    - `required`: a blank text is not committed (the last one stays) and the field says
      "This field is required."; in st.form the submit waits until it is filled.
    - `validate`: a regex the text must match (`re.search`, not anchored) or
      (regex, message). htst checks it in the browser and, without JavaScript, on the
      server; a pattern Python cannot read is checked in the browser only.
    - `live`: True (or a duration, "300ms"…"1m") sends the text after that pause in
      typing, not only on Enter or blur; it needs JavaScript and does nothing in st.form.
    """
    if not isinstance(type, str) or type not in TYPES:
        raise HtstAPIException("Invalid `type` value. Supported values: 'default', 'password', 'email', 'url', 'phone', 'search'.")
    input_type, type_icon, type_placeholder, type_validate, type_autocomplete = TYPES[type]
    keeping = input_params.keeping(key, bind, persist_state, on_change)
    callback = input_params.callback(on_change)
    must = input_params.required(required)
    check = _validate(validate, type_validate)
    pause = _live(live)
    shown_icon = icons.icon(type_icon if icon is None else icon)
    size = sizing.width(width, allow=("stretch",))
    default = None if value is None else str(value)
    if default is not None and max_chars is not None and len(default) > max_chars:
        default = default[:max_chars]
    pattern, message = check if check else (None, None)

    ctx, meta, current = register_widget(
        spec_of(TextInputSpec, max_chars, must, pattern, message), key=key, keeping=keeping,
        identity=(str(label), default, max_chars, type, help, autocomplete, placeholder, pattern, pause)
        + ((must,) if key is None else ()),
        default=default, default_given=bool(default),
        callback=callback, args=args, kwargs=kwargs,
    )
    if autocomplete is None:
        # Streamlit's defaults: a password field offers to generate a password…
        autocomplete = type_autocomplete
    if placeholder is None:
        placeholder = type_placeholder
    look = _look(
        meta.id, meta.key, meta.keeping, label, help, disabled, label_visibility,
        max_chars, input_type, placeholder, autocomplete, shown_icon, must, pattern, message, size,
        None if meta.form is not None else pause,  # a form sends on submit only
    )
    draw_widget(ctx, meta, current, look)
    return current


@props_by_args
def _look(wid: str, key: str | None, keeping: Any, label: Any, help: str | None, disabled: Any, label_visibility: str, max_chars: int | None, input_type: str, placeholder: Any, autocomplete: str | None, icon: str | None, must: bool, pattern: str | None, message: str | None, size: Any, live: int | None) -> dict[str, Any]:
    props = look_props(wid, key, keeping, label, help, disabled, label_visibility)
    props.update(max_chars=max_chars, input_type=input_type,
                 placeholder=str(placeholder) if placeholder not in (None, "") else None,
                 autocomplete=autocomplete or None, icon=icon, required=must,
                 pattern=pattern, message=message, width=size, live=live)
    return props
