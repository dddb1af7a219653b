"""Multipage apps: st.Page, st.navigation, st.switch_page, st.page_link (docs chapter 7).

The pages themselves (names, URLs, which one a run shows) are `runtime/pages.py`'s; this
module makes them from a script's arguments and draws the menu and the links.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from ..errors import HtstAPIException
from ..runtime import pages as model
from ..runtime.context import RerunRequested, RunContext, current, current_or_none
from ..runtime.query_params import encode
from . import icons, sizing
from .block import Block, add_element, public
from .page_config import favicon

_POSITIONS = ("sidebar", "hidden", "top")
_COLLAPSED_AT = 10  # `expanded=False`: pages shown before "View more"


def Page(
    page: str | Path | Callable[[], Any],
    *,
    title: str | None = None,
    icon: str | None = None,
    url_path: str | None = None,
    default: bool = False,
    visibility: str = "visible",
    help: str | None = None,
) -> model.Page:
    """A page from a Python file (relative to the entrypoint) or a callable, for st.navigation."""
    return model.Page(
        page, title=title, icon=icon, url_path=url_path, default=default, visibility=visibility,
        help=help, root=_root(current_or_none()), check_icon=icons.icon,
    )


@public
def navigation(pages: Any, *, position: str = "sidebar", expanded: bool | int = False) -> model.Page:
    """Declare the app's pages (a list, or a dict of section headers to lists) and return
    the page to show; call `.run()` on it. Once per run, from the entrypoint only."""
    ctx = current()
    if ctx.running_page is not None:
        raise HtstAPIException("`st.navigation` can only be called from the entrypoint file, not from a page.")
    if ctx.navigation is not None and not ctx.navigation.automatic:
        raise HtstAPIException("`st.navigation` can only be called once per app run.")
    if position not in _POSITIONS:
        raise HtstAPIException(f"Invalid `position` value: {position!r}. Supported values: 'sidebar', 'hidden', 'top'.")
    if not isinstance(expanded, int) or (not isinstance(expanded, bool) and expanded < 0):
        raise HtstAPIException("`expanded` must be a bool or a non-negative int (the number of pages shown).")
    sections = model.sections_of(pages, lambda page: page if isinstance(page, model.Page) else Page(page))
    ctx.app.uses_navigation = True  # the pages/ directory is ignored from now on (docs 7.3)
    if ctx.navigation is not None:
        ctx.roots["nav"].children.clear()  # the pages/ directory's menu, replaced
    return ctx.app.navigate(ctx, model.Navigation(sections, position, expanded))


def draw_navigation(nav: model.Navigation) -> None:
    """The menu: one `<nav>` of real links, the shown page marked as current. The shown
    page's icon is the favicon too (unless st.set_page_config sets one)."""
    ctx = current()
    if nav.selected is not None and nav.selected.icon:
        ctx.chrome["page_icon"] = favicon(ctx, nav.selected.icon)
    if nav.position == "hidden" or not ctx.app.config["client.showSidebarNavigation"]:
        return
    items = []
    for header, group in nav.sections:
        for page in group:
            if page.hidden or not page.title:
                continue
            items.append((header, page.title, page.icon, _href(ctx, page.url_path), page.url_path, page is nav.selected, page.help))
    limit = None if nav.expanded is True else (_COLLAPSED_AT if nav.expanded is False else int(nav.expanded))
    with ctx.inside(ctx.roots["nav"]):
        ctx.add("navigation", {"position": nav.position, "items": tuple(items), "limit": limit})


@public
def switch_page(page: str | Path | model.Page, *, query_params: Any = None) -> NoReturn:
    """Go to another page of the app in this session (its state kept): rerun there now."""
    ctx = current()
    target = _find(ctx, page)
    ctx.session.page = target.url_path
    ctx.session.query_params.replace(query_params or {})
    raise RerunRequested("app")


@public
def page_link(
    page: str | Path | model.Page,
    *,
    label: str | None = None,
    icon: str | None = None,
    icon_position: str = "left",
    help: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
    query_params: Any = None,
) -> Block:
    """A link to a page of the app (same session, like the menu) or to an external URL."""
    ctx = current()
    shown_icon = icons.icon(icon)
    if icon_position not in ("left", "right"):
        raise HtstAPIException(f"Invalid `icon_position` value: {icon_position!r}. Supported values: 'left', 'right'.")
    size = sizing.width(sizing.container_width(width, use_container_width), allow=("stretch", "content"))
    query = encode(query_params) if query_params else ""
    if isinstance(page, str) and page.startswith(("http://", "https://")):
        if not label:
            raise HtstAPIException("The label param is required for external links used with st.page_link - please provide a label.")
        href, path, external, current_page = page + (f"?{query}" if query else ""), None, True, False
    else:
        target = _find(ctx, page)
        label = target.title if label is None else label
        shown_icon = shown_icon or target.icon
        href, path, external = _href(ctx, target.url_path, query), target.url_path, False
        current_page = ctx.navigation is not None and ctx.navigation.selected == target
    props = {
        "label": str(label), "icon": shown_icon, "icon_position": icon_position, "help": help,
        "disabled": bool(disabled), "width": size, "href": href, "path": path, "query": query,
        "external": external, "current": current_page,
    }
    return add_element("page_link", props)


def _href(ctx: RunContext, pathname: str, query: str = "") -> str:
    """A page's address under the app's mount; in a no-JS browser it keeps this tab."""
    url = ctx.session.base_url + pathname
    keep = ctx.session.link_query
    parts = "&".join(part for part in (query, keep) if part)
    return url + (f"?{parts}" if parts else "")


def _root(ctx: RunContext | None) -> Path:
    """Page files are relative to the entrypoint's folder."""
    if ctx is not None and ctx.app.path is not None:
        return ctx.app.path.parent
    return Path.cwd()


def _find(ctx: RunContext, page: Any) -> model.Page:
    """The page of this app's navigation that `page` (a Page, or a file path) names."""
    navigation = ctx.navigation or ctx.session.navigation
    known = list(navigation.pages) if navigation is not None else []
    if not known and ctx.app.path is not None:
        known = [model.Page(ctx.app.path, default=True)]  # one page: the entrypoint
    if isinstance(page, model.Page):
        key = page.key
    elif isinstance(page, (str, Path)):
        key = f"file:{(_root(ctx) / Path(page)).resolve()}"
    else:
        raise HtstAPIException(f"Invalid page type: {type(page).__name__}. Pass an st.Page or a file path.")
    for candidate in known:
        if candidate.key == key:
            return candidate
    raise HtstAPIException(
        f"Could not find page: `{page}`. Must be the file path relative to the main script, "
        f"from the directory: `{_root(ctx).name}`. Only the main app file and files in the "
        "`pages/` directory (or the pages passed to `st.navigation`) are supported."
    )
