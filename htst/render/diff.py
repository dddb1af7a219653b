"""What changed since the browser's last view: only those nodes go over the wire.

A view maps node ids to signatures. A leaf's signature is its props (the same shared
dict in most runs, so the comparison is an identity check); a container's is its type,
its props and its children's types. A container whose list of children changed is sent
whole, so the client never has to insert or remove nodes itself.
"""

from __future__ import annotations

from typing import Any

from ..runtime.nodes import Node

_MISSING = object()


def signature(node: Node) -> Any:
    children = node.children
    if children is None:
        return node.props
    return (node.type, node.props, tuple([child.type for child in children]))


def diff(node: Node, old: dict[str, Any], new: dict[str, Any], changed: list[Node], sent: bool = False, before: dict[str, Any] | None = None) -> None:
    """Record `node`'s subtree in `new`; add to `changed` the top-most nodes that differ
    from `old` (`old` and `new` may be the same dict: each id is read before it is written).
    `before`, if given, gets the old signature of each changed node that had one."""
    sig = signature(node)
    if not sent:
        shown = old.get(node.id, _MISSING)
        if shown is not sig and shown != sig:
            changed.append(node)
            sent = True
            if before is not None and shown is not _MISSING:
                before[node.id] = shown
    new[node.id] = sig
    if node.children:
        for child in node.children:
            if child.children is not None:
                diff(child, old, new, changed, sent, before)
                continue
            # A leaf, inlined: most of a page is leaves, and a call each is most of the diff.
            sig = child.props
            if not sent:
                shown = old.get(child.id, _MISSING)
                if shown is not sig and shown != sig:
                    changed.append(child)
                    if before is not None and shown is not _MISSING:
                        before[child.id] = shown
            new[child.id] = sig
