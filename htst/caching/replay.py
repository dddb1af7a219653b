"""Elements a cached function draws: copied on a miss, drawn again on every hit (docs:
static elements)."""

from __future__ import annotations

import copy
from typing import Any

from ..runtime.context import current_or_none
from ..runtime.nodes import Node


def replay(elements: list[Node]) -> None:
    if not elements:
        return
    ctx = current_or_none()
    if ctx is None:
        return
    with ctx.control.lock:
        for node in elements:
            add_copy(ctx, node)


def add_copy(ctx: Any, node: Node) -> None:
    added = ctx.add(node.type, copy.copy(node.props), container=node.children is not None)
    if node.children:
        with ctx.inside(added):
            for child in node.children:
                add_copy(ctx, child)


def copy_node(node: Node) -> Node:
    copied = Node(node.type, dict(node.props), node.id, container=node.children is not None)
    if node.children is not None:
        copied.children = [copy_node(child) for child in node.children]
    return copied
