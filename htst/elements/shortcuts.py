"""Keyboard shortcuts for buttons (`shortcut="Ctrl+K"`), checked as Streamlit 1.67 does.

A shortcut is modifiers plus exactly one key, joined with "+". The server normalises it
(lower case, aliases resolved, modifiers in the order ctrl, cmd, alt, shift); the page
carries the form htst.js matches key presses against, in which Ctrl and Cmd are one
modifier (Streamlit treats Ctrl/Cmd/Meta/Mod as interchangeable across platforms).
"""

from __future__ import annotations

import logging
from typing import Any, NamedTuple

from ..errors import HtstAPIException

log = logging.getLogger("htst")

_MODIFIERS = {
    "ctrl": "ctrl", "control": "ctrl", "mod": "ctrl",
    "cmd": "cmd", "command": "cmd", "meta": "cmd",
    "alt": "alt", "option": "alt",
    "shift": "shift",
}
_ORDER = ("ctrl", "cmd", "alt", "shift")
_KEYS = {
    "enter": "enter", "return": "enter", "space": "space", "spacebar": "space",
    "tab": "tab", "escape": "escape", "esc": "escape", "backspace": "backspace",
    "delete": "delete", "del": "delete", "home": "home", "end": "end",
    "pageup": "pageup", "pagedown": "pagedown",
    "left": "left", "arrowleft": "left", "right": "right", "arrowright": "right",
    "up": "up", "arrowup": "up", "down": "down", "arrowdown": "down",
}
# Keys the browser keeps for itself: such a shortcut is accepted, with a warning.
_BROWSER_RESERVED = frozenset(
    [f"{mod}+{key}" for mod in ("ctrl", "cmd") for key in (
        "t", "w", "n", "l", "tab", "pageup", "pagedown", "shift+t", "shift+n", "shift+w", "shift+tab",
    )] + ["alt+f4", "f11"]
)
_warned: set[str] = set()

# How the hint inside the button spells each part.
_SHOWN = {"ctrl": "Ctrl", "cmd": "⌘", "alt": "Alt", "shift": "Shift", "enter": "Enter",
          "space": "Space", "tab": "Tab", "escape": "Esc", "backspace": "Backspace",
          "delete": "Del", "home": "Home", "end": "End", "pageup": "PgUp", "pagedown": "PgDn",
          "left": "←", "right": "→", "up": "↑", "down": "↓"}
# aria-keyshortcuts uses the names of KeyboardEvent.key.
_ARIA = {"ctrl": "Control", "cmd": "Meta", "alt": "Alt", "shift": "Shift", "enter": "Enter",
         "space": "Space", "tab": "Tab", "escape": "Escape", "backspace": "Backspace",
         "delete": "Delete", "home": "Home", "end": "End", "pageup": "PageUp",
         "pagedown": "PageDown", "left": "ArrowLeft", "right": "ArrowRight", "up": "ArrowUp",
         "down": "ArrowDown"}


class Shortcut(NamedTuple):
    """A checked shortcut: Streamlit's normal form, and what the page shows and matches."""

    normal: str  # "ctrl+shift+k"
    match: str  # what htst.js compares a key press with: Cmd counts as Ctrl
    shown: str  # "Ctrl+Shift+K", the hint inside the button
    aria: str  # "Control+Shift+K", for aria-keyshortcuts


def shortcut(value: Any) -> Shortcut | None:
    """A button's `shortcut` checked and normalised; raises with Streamlit's messages."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise HtstAPIException(f"Invalid `shortcut` type. Expected one of: str. Provided type: {type(value).__name__}.")
    tokens = [t.strip().lower() for t in value.split("+") if t.strip()]
    if not tokens:
        raise HtstAPIException("The `shortcut` must contain at least one key or modifier.")
    modifiers: set[str] = set()
    key = None
    for token in tokens:
        if token in _MODIFIERS:
            modifiers.add(_MODIFIERS[token])
            continue
        if key is not None:
            raise HtstAPIException("The `shortcut` may only specify a single non-modifier key.")
        key = _key(token)
        if key in ("c", "r"):  # htst's own keys: Clear cache and Rerun
            raise HtstAPIException("The `shortcut` cannot use the keys 'C' or 'R', with or without modifiers.")
    if key is None:
        raise HtstAPIException("The `shortcut` must include a non-modifier key such as 'K' or 'Ctrl+K'.")
    ordered = [m for m in _ORDER if m in modifiers]
    normal = "+".join([*ordered, key])
    if normal in _BROWSER_RESERVED and normal not in _warned:
        _warned.add(normal)
        log.warning("The shortcut %r is usually taken by the browser, so it may never reach the app.", normal)
    matched = list(dict.fromkeys("ctrl" if m == "cmd" else m for m in ordered))
    return Shortcut(
        normal,
        "+".join([*matched, key]),
        "+".join(_SHOWN.get(part, part.upper()) for part in [*ordered, key]),
        "+".join(_ARIA.get(part, part.upper()) for part in [*ordered, key]),
    )


def _key(token: str) -> str:
    if token in _KEYS:
        return _KEYS[token]
    if len(token) == 1 and token.isalnum():
        return token
    if token.startswith("f") and token[1:].isdigit():
        return token
    raise HtstAPIException(
        "shortcut must include a single character or one of the supported keys (e.g. Enter, Space, Tab, Escape)."
    )
