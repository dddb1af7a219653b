"""st.pagination (a page number, 1-based) and st.menu_button (an option, for one run).

Both are rows of submit buttons named after the widget, next to a hidden field holding
the value: without JavaScript a click posts the form with that button's value; with it,
htst.js copies the value into the field and commits it like any other field (so
`on_change="ignore"`, `bind` and forms behave as for every widget).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar
from collections.abc import Callable

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widget_spec import WidgetSpec, shared
from ..runtime.widgets import base_props, draw_widget, drawable_value, register_widget
from . import icons, input_params, sizing
from .block import public
from .button import check_button_type
from .choice import OptionSpec, _options_list, shared_if_plain


@dataclass(frozen=True, slots=True)
class PaginationSpec(WidgetSpec):
    pages: int
    kind = "pagination"

    def parse(self, raw: Any) -> int:
        try:
            page = int(raw)
        except (TypeError, ValueError):
            raise InvalidWidgetValue(f"expected a page number, got {raw!r}") from None
        if not 1 <= page <= self.pages:
            raise InvalidWidgetValue(f"page {page} is out of range (1..{self.pages})")
        return page

    def serialize(self, value: Any) -> str:
        return str(self.parse(value))


def visible_pages(current: int, pages: int, limit: int | None) -> tuple[int | None, ...]:
    """The page buttons to draw; None is a gap ("…"). The first and last pages stay
    visible, with a window around the current one."""
    if limit is None or pages <= limit:
        return tuple(range(1, pages + 1))
    if limit == 0:
        return ()
    inner = max(limit - 2, 1)
    start = max(2, min(current - inner // 2, pages - inner))
    end = min(pages - 1, start + inner - 1)
    shown: list[int | None] = [1]
    if start > 2:
        shown.append(None)
    shown.extend(range(start, end + 1))
    if end < pages - 1:
        shown.append(None)
    shown.append(pages)
    return tuple(shown)


@public
def pagination(
    num_pages: int,
    *,
    default: int = 1,
    max_visible_pages: int | None = 7,
    width: Any = "content",
    key: Any = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Any = None,
    kwargs: Any = None,
    disabled: bool = False,
    bind: str | None = None,
    persist_state: str | None = None,
) -> int:
    """Display page buttons with previous/next arrows; returns the selected page (from 1).
    `max_visible_pages` caps the numbered buttons (None: all; 0: arrows only)."""
    if not isinstance(num_pages, int) or isinstance(num_pages, bool) or num_pages < 1:
        raise HtstAPIException(f"`num_pages` must be an integer of at least 1, got {num_pages!r}.")
    if not isinstance(default, int) or isinstance(default, bool) or not 1 <= default <= num_pages:
        raise HtstAPIException(f"`default` must be between 1 and num_pages ({num_pages}), got {default!r}.")
    if max_visible_pages is not None and (not isinstance(max_visible_pages, int) or isinstance(max_visible_pages, bool) or max_visible_pages < 0):
        raise HtstAPIException(f"`max_visible_pages` must be a non-negative integer or None, got {max_visible_pages!r}.")
    callback = input_params.callback(on_change)
    ctx, meta, value = register_widget(
        shared(PaginationSpec(num_pages)),
        key=key,
        keeping=input_params.keeping(key, bind, persist_state, on_change),
        identity=(num_pages, default, max_visible_pages),
        default=default,
        default_given=default != 1,
        callback=callback,
        args=args,
        kwargs=kwargs,
    )
    value, _ = drawable_value(ctx, meta, value, default)
    props = base_props(meta, "Pagination", None, disabled, "collapsed")
    props.update(pages=visible_pages(value, num_pages, max_visible_pages), last=num_pages, current=value, width=sizing.width(width))
    draw_widget(ctx, meta, value, props)
    return value


@dataclass(frozen=True, slots=True)
class MenuButtonSpec(OptionSpec):
    """The option picked (its index posted), for the one run the pick causes."""

    kind = "menu_button"
    trigger = True
    reset: ClassVar[Any] = None
    preset = "refuse"
    in_forms = False

    def shown(self, value: Any) -> str:
        return ""  # the menu never shows a pick


@public
def menu_button(
    label: str,
    options: Any,
    *,
    key: Any = None,
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    width: Any = "content",
    format_func: Callable[[Any], Any] = str,
    wrap: bool | None = None,
) -> Any:
    """Display a button that opens a menu of options; returns the option picked in the
    run the pick causes, else None (like st.button, the value does not stay)."""
    check_button_type("menu_button", type)
    opts = _options_list(options)
    labels = tuple(str(format_func(option)) for option in opts)
    callback = input_params.callback(on_click, name="on_click", modes=False)
    ctx, meta, value = register_widget(
        shared_if_plain(MenuButtonSpec(tuple(opts), True), opts),
        key=key,
        identity=(str(label), labels, help, type, icon),
        default=None,
        callback=callback,
        args=args,
        kwargs=kwargs,
        options=opts,
    )
    props = base_props(meta, label, help, disabled, "visible")
    props.update(
        options=tuple(enumerate(labels)), kind=type, icon=icons.icon(icon), icon_position="left",
        shortcut=None, width=sizing.width(width), wrap=input_params.wrap(wrap, ctx.container),
    )
    draw_widget(ctx, meta, value, props)
    return value
