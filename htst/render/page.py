"""A run's result as the answers a client can get: a page, partials, or JSON.

Every byte of HTML the server sends is made here: the whole page, the `<hx-partial>`
wrappers of an answer that changes only some nodes, and the app root that replaces a
page whose session was lost.

A view is what a browser shows, as the signature of each node (`render.diff`); the
server keeps one per tab, and `partials` sends only the nodes whose signature changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..runtime.chrome import Chrome
from ..runtime.context import ROOTS
from ..runtime.nodes import Node
from ..version import __version__
from .assets import inline_css
from .diff import diff
from .html import Renderer

# Elements holding a file input: without JS, their page's form posts multipart.
_FILE_INPUTS = frozenset({"file_uploader", "camera_input", "audio_input"})

_LAZY_SHEETS = {
    "widgets": {"checkbox", "toggle", "radio", "number_input", "slider", "select_slider", "text_area", "date_input",
                "time_input", "datetime_input", "multiselect", "selectbox", "button_group"},
    "layout": {"columns", "column", "tabs", "tab", "expander", "status", "container"},
    "pages": {"navigation", "page_link"},
    "chat": {"chat_message", "chat_input"},
    "toast": {"toast"},
    "metric": {"metric"},
    "files": {"file_uploader"},
    "color": {"color_picker"},
    "dialog": {"dialog"},
    "progress": {"progress"},
    "celebration": {"balloons", "snow"},
    "media": {"image", "audio", "video", "pdf"},
    "help": {"help"},
    "placeholders": {"space", "skeleton"},
    "popover": {"popover"},
    "bottom": {"bottom root"},
    "status": {"status"},
    "table": {"dataframe", "table"},
    "charts": {"vega_lite_chart", "pyplot", "graphviz_chart", "plotly_chart", "pydeck_chart", "mermaid_chart", "echarts_chart"},
    "grid": {"grid"},
    "menus": {"pagination", "menu_button"},
    "capture": {"camera_input", "audio_input"},
    "tooltip": {"help tooltip"},
}


def view_of(roots: dict[str, Node]) -> dict[str, Any]:
    """The view of a page that shows these roots."""
    view: dict[str, Any] = {}
    for name in ROOTS:
        diff(roots[name], view, view, [], sent=True)
    return view


def full_page(renderer: Renderer, roots: dict[str, Node], template: str = "page.html", **context: Any) -> str:
    """The whole page (or, with template="app.html", the app root alone)."""
    root_html = {name: Markup(renderer.node(roots[name])) for name in ROOTS}
    nodes = [node for name in ROOTS for node in roots[name].walk()]
    # Without JS the form must be multipart to carry files; otherwise urlencoded is smaller.
    context.setdefault("multipart", any(n.type in _FILE_INPUTS for n in nodes))
    # Highlighting colours load only with code (htst.js adds them when a swap brings some).
    context.setdefault("code_css", any('class="htst-code' in html for html in root_html.values()))
    # Stylesheets of some elements only: inlined in a page that has them (htst.js loads
    # them when a swap brings the first one in).
    types = {n.type for n in nodes}
    if roots["bottom"].children:
        types.add("bottom root")
    if any(isinstance(n.props, dict) and n.props.get("help") for n in nodes):
        types.add("help tooltip")
    context.setdefault("inline_css", Markup("".join(
        f"<style data-htst-{name}-css>{inline_css(f'htst-{name}.css')}</style>\n"
        for name, kinds in _LAZY_SHEETS.items() if types & kinds
    )))
    return renderer.template(template).render(roots=root_html, **context)


def chrome_context(renderer: Renderer, chrome: Chrome, script_name: str, *, partial: bool = False, minimal: bool = False) -> dict[str, Any]:
    """What the whole page needs of the chrome: the title, the favicon, the layout, and
    the swappable parts (`templates/chrome.html`). `minimal`: the menu holds only what
    st.set_page_config puts there (client.toolbarMode "minimal")."""
    title = chrome.title or Path(script_name).stem.replace("_", " ")
    parts = renderer.template("chrome.html").module
    return {
        "page_title": title,
        "favicon": chrome.icon or "data:,",
        "layout": chrome.layout,
        "chrome_sidebar": chrome.sidebar,
        "chrome_holder": parts.holder(chrome, title, partial),  # type: ignore[attr-defined]
        "chrome_menu": parts.menu(chrome, minimal),  # type: ignore[attr-defined]
        "chrome_about": parts.about(chrome, __version__),  # type: ignore[attr-defined]
        "logo_side": parts.logo(chrome, "side"),  # type: ignore[attr-defined]
        "logo_head": parts.logo(chrome, "head"),  # type: ignore[attr-defined]
    }


def chrome_partials(renderer: Renderer, chrome: Chrome, script_name: str, *, minimal: bool = False) -> str:
    """The chrome's parts, for an answer after a run that changed them (htst.js copies the
    title, favicon and layout from the holder)."""
    context = chrome_context(renderer, chrome, script_name, partial=True, minimal=minimal)
    return "".join(
        f'<hx-partial hx-target="#{target}" hx-swap="outerMorph">{context[part]}</hx-partial>'
        for target, part in (("htst-chrome", "chrome_holder"), ("htst-menu-extra", "chrome_menu"), ("htst-about-box", "chrome_about"), ("htst-logo-side", "logo_side"), ("htst-logo-head", "logo_head"))
    )


def theme_partials(css: str, had_style: bool, base: str | None, *, base_changed: bool) -> str:
    """A changed theme for a page that shows another: its <style> (replaced, or added to
    a page that had none), and a script that sets or drops <html data-theme>."""
    html = ""
    if had_style or css:
        target, swap = ("#htst-theme", "outerHTML") if had_style else ("head", "beforeend")
        html = f'<hx-partial hx-target="{target}" hx-swap="{swap}"><style id="htst-theme">{css}</style></hx-partial>'
    if base_changed:
        attribute = f'setAttribute("data-theme","{base}")' if base else 'removeAttribute("data-theme")'
        html += f'<hx-partial hx-target="head" hx-swap="beforeend"><script>document.documentElement.{attribute}</script></hx-partial>'
    return html


def app_root(renderer: Renderer, roots: dict[str, Node], **context: Any) -> str:
    """The app root as one partial: what replaces a page whose session was lost."""
    body = full_page(renderer, roots, template="app.html", **context)
    return f'<hx-partial hx-target="#htst-root" hx-swap="outerHTML">{body}</hx-partial>'


def partials(renderer: Renderer, roots: dict[str, Node], view: dict[str, Any], only: list[Node] | None = None) -> str:
    """Only the nodes that changed since `view`, as htmx partials that morph in place;
    `view` becomes what the browser shows after this answer.

    Containers are rendered only when they are sent: most answers carry a few leaves.
    `only`: the subtrees that can have changed (a fragment rerun's); the rest is not walked,
    so the cost follows the fragment, not the page.
    """
    changed: list[Node] = []
    before: dict[str, Any] = {}
    if only is None:
        # A new view, so that nodes that are gone do not linger in it.
        new: dict[str, Any] = {}
        for name in ROOTS:
            diff(roots[name], view, new, changed, before=before)
        view.clear()
        view.update(new)
    else:
        for subtree in only:
            diff(subtree, view, view, changed, before=before)
    return "".join(_partial(renderer, node, before.get(node.id)) for node in changed)


def _partial(renderer: Renderer, node: Node, shown: Any) -> str:
    """A changed node's partial: the node morphed in place, or, for a chart that only
    grew by add_rows since the page showed it, just the new rows."""
    if node.type == "vega_lite_chart" and isinstance(shown, dict):
        grown = getattr(node.props.get("chart"), "grown", None)
        if grown is not None and getattr(shown.get("chart"), "digest", None) == grown.before:
            return renderer.template("elements/vega_lite_chart_rows.html").render(el=node, p=node.props, before=shown)
    return f'<hx-partial hx-target="#{node.id}" hx-swap="outerMorph">{renderer.node(node)}</hx-partial>'


def tree_json(roots: dict[str, Node], **extra: Any) -> str:
    return json.dumps({**extra, "tree": {name: _node_json(roots[name]) for name in ROOTS}}, default=str)


def _node_json(node: Node) -> dict[str, Any]:
    out: dict[str, Any] = {"id": node.id, "type": node.type}
    props = dict(node.props)
    if props.get("wid") is not None:
        props["value"] = _jsonable(node.data)
    if props:
        out["props"] = props
    if node.children is not None:
        out["children"] = [_node_json(child) for child in node.children]
    return out


def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        return str(value)
