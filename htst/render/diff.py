"""What changed since the client's last render: only those nodes go over the wire.

Signatures are made by `render.page.snapshot_of`; this module compares them.

A leaf is compared by its HTML; a container by its own props and the list of its
children (ids and types). A container whose list changed is sent whole, so the
client never has to insert or remove nodes itself.
"""

from __future__ import annotations

from typing import Any

from ..runtime.nodes import Node


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
