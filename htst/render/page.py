"""A run's result as the three answers a client can get: a page, partials, or JSON."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..runtime.context import ROOTS
from ..runtime.nodes import Node
from ..runtime.session import Session
from .diff import changed_nodes
from .html import Renderer


def _leaf_signatures(renderer: Renderer, node: Node, out: dict[str, Any]) -> None:
    """Snapshot signatures for `node` and below: leaves by their (cached) HTML."""
    if node.children is None:
        out[node.id] = hash(renderer.node(node))
        return
    # One int per node keeps the per-tab snapshot small (a few bytes per element).
    out[node.id] = hash((node.type, repr(node.props), tuple((c.id, c.type) for c in node.children)))
    for child in node.children:
        _leaf_signatures(renderer, child, out)


def snapshot_of(renderer: Renderer, roots: dict[str, Node]) -> dict[str, Any]:
    snapshot: dict[str, Any] = {}
    for name in ROOTS:
        _leaf_signatures(renderer, roots[name], snapshot)
    return snapshot


def full_page(renderer: Renderer, roots: dict[str, Node], session: Session, template: str = "page.html", **context: Any) -> str:
    session.snapshot = snapshot_of(renderer, roots)
    root_html = {name: Markup(renderer.node(roots[name])) for name in ROOTS}
    # Without JS the form must be multipart to carry files; otherwise urlencoded is smaller.
    context.setdefault("multipart", any(n.type == "file_uploader" for name in ROOTS for n in roots[name].walk()))
    return renderer.template(template).render(roots=root_html, **context)


def partials(renderer: Renderer, roots: dict[str, Node], session: Session, only: list[Node] | None = None) -> str:
    """Only the nodes that changed since the last answer, as htmx partials that morph in place.

    Containers are rendered only when they are sent: most answers carry a few leaves.
    `only`: the subtrees that can have changed (a fragment rerun's); the rest is not walked,
    so the cost follows the fragment, not the page.
    """
    old = session.snapshot
    if only is None:
        subtrees = [roots[name] for name in ROOTS]
        snapshot = snapshot_of(renderer, roots)
    else:
        subtrees = only
        snapshot = {}
        for node in subtrees:
            _leaf_signatures(renderer, node, snapshot)
    changed = [node for subtree in subtrees for node in changed_nodes(subtree, old, snapshot)]
    if only is None:
        session.snapshot = snapshot
    else:
        old.update(snapshot)
    return "".join(
        f'<hx-partial hx-target="#{node.id}" hx-swap="outerMorph">{renderer.node(node)}</hx-partial>' for node in changed
    )


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
