"""A run's result as the three answers a client can get: a page, partials, or JSON."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..runtime.context import ROOTS
from ..runtime.nodes import Node
from ..runtime.session import Session
from .diff import changed_nodes, signatures
from .html import Renderer


def render_roots(renderer: Renderer, roots: dict[str, Node], session: Session) -> tuple[dict[str, str], dict[str, str], dict[str, Any]]:
    """HTML of each root and each node, plus the new snapshot (not yet stored)."""
    html: dict[str, str] = {}
    root_html = {name: renderer.node(roots[name], html) for name in ROOTS}
    snapshot: dict[str, Any] = {}
    for name in ROOTS:
        signatures(roots[name], html, snapshot)
    return root_html, html, snapshot


def full_page(renderer: Renderer, roots: dict[str, Node], session: Session, template: str = "page.html", **context: Any) -> str:
    root_html, _, snapshot = render_roots(renderer, roots, session)
    session.snapshot = snapshot
    return renderer.template(template).render(roots={k: Markup(v) for k, v in root_html.items()}, **context)


def partials(renderer: Renderer, roots: dict[str, Node], session: Session) -> str:
    """Only the nodes that changed since the last answer, as htmx partials that morph in place."""
    _, html, snapshot = render_roots(renderer, roots, session)
    old = session.snapshot
    session.snapshot = snapshot
    parts = []
    for name in ROOTS:
        for node in changed_nodes(roots[name], old, snapshot):
            parts.append(f'<hx-partial hx-target="#{node.id}" hx-swap="outerMorph">{html[node.id]}</hx-partial>')
    return "".join(parts)


def tree_json(roots: dict[str, Node], **extra: Any) -> str:
    return json.dumps({**extra, "tree": {name: _node_json(roots[name]) for name in ROOTS}}, default=str)


def _node_json(node: Node) -> dict[str, Any]:
    out: dict[str, Any] = {"id": node.id, "type": node.type}
    props = {k: v for k, v in node.props.items() if not k.startswith("_")}
    if node.props.get("wid") is not None:
        props["value"] = _jsonable(node.props.get("_value"))
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
