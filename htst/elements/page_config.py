"""st.set_page_config and st.logo: what the page around the app shows.

Both write `ctx.chrome` (a `runtime.chrome.Chrome` under way); the run's end keeps it for
the session, and the server draws it: the tab's title and favicon, the layout, the
sidebar's first state, the app menu's extra items, the logo.
"""

from __future__ import annotations

import random
from typing import Any
from urllib.parse import quote

import emoji

from ..errors import HtstAPIException
from ..render import material
from ..runtime.context import RunContext, current
from . import icons
from .images import image_url

_LAYOUTS = ("centered", "wide")
_SIDEBAR_STATES = ("auto", "expanded", "collapsed", "locked")
_MENU_KEYS = {"get help": "get_help", "report a bug": "report_a_bug", "about": "about"}
_LOGO_SIZES = ("small", "medium", "large")


def set_page_config(
    page_title: str | None = None,
    page_icon: Any = None,
    layout: str | None = None,
    initial_sidebar_state: str | int | None = None,
    menu_items: dict[str, str | None] | None = None,
) -> None:
    """Configure the page: the tab's title and favicon, the layout, the sidebar's first
    state, the app menu's items. Any number of calls, anywhere in a run; a later call wins
    for what it sets, and what it leaves as None keeps the earlier value."""
    ctx = current()
    chrome = ctx.chrome
    if layout is not None and layout not in _LAYOUTS:
        raise HtstAPIException("Invalid `layout` value. Supported values: 'centered', 'wide'.")
    if initial_sidebar_state is not None:
        _check_sidebar(initial_sidebar_state)
    if page_title is not None:
        chrome["title"] = str(page_title)
    if page_icon is not None:
        chrome["icon"] = favicon(ctx, page_icon)
    if layout is not None:
        chrome["layout"] = layout
    if initial_sidebar_state is not None:
        chrome["sidebar"] = initial_sidebar_state
    if menu_items is not None:
        chrome["menu"] = {**chrome.get("menu", {}), **_menu(menu_items)}


def logo(image: Any, *, size: str = "medium", link: str | None = None, icon_image: Any = None) -> None:
    """An image at the top of the sidebar (`icon_image`, if given, where the sidebar is
    collapsed, in the header), linking to `link` if given."""
    ctx = current()
    if size not in _LOGO_SIZES:
        raise HtstAPIException("Invalid `size` value. Supported values: 'small', 'medium', 'large'.")
    if link is not None and not str(link).startswith(("http://", "https://")):
        raise HtstAPIException(f'Invalid URL "{link}". Only "http://" or "https://" URLs are supported.')
    ctx.chrome["logo"] = (_logo_image(ctx, image, "image"), _logo_image(ctx, icon_image, "icon_image") if icon_image is not None else None, size, link)


def favicon(ctx: RunContext, icon: Any) -> str:
    """The favicon's address: an emoji (or its shortcode, or "random") or a Material
    symbol as an SVG data URI, or an image (served from the media store)."""
    if isinstance(icon, str):
        text = icon.strip()
        if text == "random":
            text = random.choice(_RANDOM_EMOJI)
        elif text.startswith(":material"):
            name = icons.icon(text)[10:-1]  # type: ignore[index]
            return _data_uri(material.svg_file(name))
        elif text.startswith(":") and text.endswith(":") and len(text) > 2:
            shown = emoji.emojize(text, language="alias")
            if shown == text:
                raise HtstAPIException(f'The value "{text}" is not a valid emoji shortcode.')
            text = shown
        if text and emoji.is_emoji(text):
            return _data_uri(_emoji_svg(text))
        if not text.startswith(("http://", "https://")) and "." not in text:
            raise HtstAPIException(
                f'The value "{icon}" is not a valid page icon: use an emoji, an emoji shortcode, '
                '"random", a Material icon shortcode like `:material\u200b/thumb_up:`, or an image.'
            )
    return image_url(ctx, icon, "page_icon")


def _logo_image(ctx: RunContext, image: Any, what: str) -> str:
    if isinstance(image, str) and image.startswith(":material"):
        return image_url(ctx, material.svg_file(icons.icon(image)[10:-1]), what)  # type: ignore[index]
    return image_url(ctx, image, what)


def _data_uri(svg: bytes) -> str:
    """A small SVG favicon inside the page: no request of its own (only what a data URI
    must escape is escaped, so it stays short)."""
    text = svg.decode().replace('"', "'")
    return "data:image/svg+xml," + quote(text, safe=" '=:/.,-")


def _emoji_svg(text: str) -> bytes:
    """An emoji as an SVG image: favicons are images."""
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">{text}</text></svg>'.encode()


def _check_sidebar(state: Any) -> None:
    if isinstance(state, bool) or not isinstance(state, (str, int)):
        raise HtstAPIException("Invalid `initial_sidebar_state` value. Supported values: 'auto', 'expanded', 'collapsed', 'locked', an int of pixels.")
    if isinstance(state, int):
        if not 200 <= state <= 600:
            raise HtstAPIException(f"Invalid `initial_sidebar_state` value. The sidebar width must be between 200 and 600 pixels, inclusive. Got {state}.")
    elif state not in _SIDEBAR_STATES:
        raise HtstAPIException("Invalid `initial_sidebar_state` value. Supported values: 'auto', 'expanded', 'collapsed', 'locked', an int of pixels.")


def _menu(items: Any) -> dict[str, str | None]:
    if not isinstance(items, dict):
        raise HtstAPIException("`menu_items` must be a dict with the keys 'Get help', 'Report a bug' and 'About'.")
    found: dict[str, str | None] = {}
    for key, value in items.items():
        name = _MENU_KEYS.get(str(key).strip().lower())
        if name is None:
            raise HtstAPIException(
                f"Invalid `menu_items` value. Supported values: 'Get help', 'Report a bug', 'About'. `{key}` is not a supported menu item key."
            )
        if value is not None and name != "about" and not str(value).startswith(("http://", "https://", "mailto:")):
            raise HtstAPIException(f'Invalid URL "{value}". The URL must start with "http://", "https://" or "mailto:".')
        found[name] = None if value is None else str(value)
    return found


_RANDOM_EMOJI = ("🦈", "🎈", "🌵", "🍕", "🚀", "🦄", "🐙", "🌈", "🎯", "🧭", "🦉", "🍀", "🐳", "🎨", "🔭")
