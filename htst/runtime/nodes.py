"""The element tree a script run produces.

A node is data: a type, its props and (for containers) its children. Elements never
write HTML themselves; `render/` turns nodes into HTML, AppTest reads them directly.
"""

from __future__ import annotations

from typing import Any


class Node:
    """One element or container in the page.

    `id` is the node's position in the tree (parent id + index), so it is the same in
    every run that builds the same structure: that is what lets the renderer send only
    the nodes whose HTML changed, and keep unchanged DOM nodes in place.
    """

    __slots__ = ("type", "props", "children", "id", "form", "fragment")

    def __init__(self, type: str, props: dict[str, Any], id: str, container: bool = False):
        self.type = type
        self.props = props
        self.id = id
        self.children: list[Node] | None = [] if container else None
        # The form and the fragment this node was drawn in (inherited from its parent):
        # widgets read them to batch values (forms) and to know whose rerun they cause.
        self.form: str | None = None
        self.fragment: str | None = None

    @property
    def is_container(self) -> bool:
        return self.children is not None

    def add(self, type: str, props: dict[str, Any], container: bool = False) -> Node:
        assert self.children is not None, "only containers take children"
        if self.type == "empty":
            # An st.empty slot holds one element; writing to it replaces the previous one.
            self.children.clear()
        node = Node(type, props, f"{self.id}-{len(self.children)}", container)
        node.form, node.fragment = self.form, self.fragment
        self.children.append(node)
        return node

    def walk(self):
        yield self
        if self.children:
            for child in self.children:
                yield from child.walk()

    def __repr__(self) -> str:
        return f"Node({self.type!r}, id={self.id!r})"


def merge_trees(new: Node, old: Node | None) -> Node:
    """What the page shows while a run is under way: `new` so far, then `old` beyond it.

    Ids are positions, so the old node at a position a run has not reached yet keeps
    its place until the run draws there or ends (Streamlit's stale elements). Returns
    new container nodes; leaves are shared.
    """
    if old is None or new.children is None or old.children is None or new.type != old.type:
        return new
    done = len(new.children)
    view = Node(new.type, new.props, new.id, container=True)
    view.form, view.fragment = new.form, new.fragment
    view.children = [merge_trees(child, old.children[i] if i < len(old.children) else None) for i, child in enumerate(new.children)]
    view.children.extend(old.children[done:])
    return view


def merge_roots(new: dict[str, Node], old: dict[str, Node] | None) -> dict[str, Node]:
    """`merge_trees` for each page root: a run under way (or stopped) over the last tree."""
    return {name: merge_trees(root, old.get(name) if old else None) for name, root in new.items()}
