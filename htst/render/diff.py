"""What changed since the client's last render: only those nodes go over the wire.

A leaf is compared by its HTML; a container by its own props and the list of its
children (ids and types). A container whose list changed is sent whole, so the
client never has to insert or remove nodes itself.
"""

from __future__ import annotations

from typing import Any

from ..runtime.nodes import Node


def signatures(node: Node, html: dict[str, str], out: dict[str, Any]) -> None:
    """Fill `out` with node id -> signature for `node` and everything below it."""
    if node.children is None:
        out[node.id] = hash(html[node.id])
        return
    out[node.id] = (node.type, hash(repr(node.props)), tuple((c.id, c.type) for c in node.children))
    for child in node.children:
        signatures(child, html, out)


def changed_nodes(node: Node, old: dict[str, Any], new: dict[str, Any]) -> list[Node]:
    """The top-most nodes under `node` whose signature differs from `old`."""
    if old.get(node.id) != new[node.id]:
        return [node]
    if node.children is None:
        return []
    changed: list[Node] = []
    for child in node.children:
        changed.extend(changed_nodes(child, old, new))
    return changed
