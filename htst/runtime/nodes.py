"""The element tree a script run produces.

A node is data: a type, its props and (for containers) its children. Elements never
write HTML themselves; `render/` turns nodes into HTML, AppTest reads them directly.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable
from typing import Any


class Node:
    """One element or container in the page.

    `id` is the node's position in the tree (parent id + index), so it is the same in
    every run that builds the same structure: that is what lets the renderer send only
    the nodes whose HTML changed, and keep unchanged DOM nodes in place.
    """

    __slots__ = ("type", "props", "children", "id", "form", "fragment", "data")

    def __init__(self, type: str, props: dict[str, Any], id: str, container: bool = False, form: str | None = None, fragment: str | None = None):
        self.type = type
        # What the HTML shows, and nothing else. Never changed in place once the node is
        # drawn (a change is a new dict): props may be shared between sessions, and the
        # diff compares them by identity first.
        self.props = props
        self.id = id
        self.children: list[Node] | None = [] if container else None
        # The form and the fragment this node was drawn in (inherited from its parent):
        # widgets read them to batch values (forms) and to know whose rerun they cause.
        self.form = form
        self.fragment = fragment
        # Server-side payload, never rendered: a widget's value, a dataframe's frame.
        self.data: Any = None

    @property
    def is_container(self) -> bool:
        return self.children is not None

    def add(self, type: str, props: dict[str, Any], container: bool = False) -> Node:
        assert self.children is not None, "only containers take children"
        children = self.children
        if self.type == "empty":
            # An st.empty slot holds one element; writing to it replaces the previous one.
            children.clear()
        index = len(children)
        id = _IDS.get((self.id, index)) or child_id(self.id, index)
        node = Node(type, props, id, container, self.form, self.fragment)
        children.append(node)
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
    view.form, view.fragment, view.data = new.form, new.fragment, new.data
    view.children = [merge_trees(child, old.children[i] if i < len(old.children) else None) for i, child in enumerate(new.children)]
    view.children.extend(old.children[done:])
    return view


def merge_roots(new: dict[str, Node], old: dict[str, Node] | None) -> dict[str, Node]:
    """`merge_trees` for each page root: a run under way (or stopped) over the last tree."""
    return {name: merge_trees(root, old.get(name) if old else None) for name, root in new.items()}


class SharedProps(dict):
    """Props that every node drawing them shares (see `shared_props`): never changed."""

    __slots__ = ()


_IDS: dict[tuple[str, int], str] = {}
_SHARED_PROPS: dict[tuple, SharedProps] = {}
_LIMIT = 100_000
# Entries of each shortcut to shared props (`props_by_args`, a widget's props per value):
# fewer, as they only save rebuilding what `_SHARED_PROPS` shares anyway.
KEPT_LIMIT = 10_000
_lock = threading.Lock()


def child_id(parent: str, index: int) -> str:
    """`parent-index`, one string per position for every session (ids are kept per tab)."""
    found = _IDS.get((parent, index))
    if found is None:
        if len(_IDS) >= _LIMIT:
            _IDS.clear()
        found = _IDS[(parent, index)] = sys.intern(f"{parent}-{index}")
    return found


def shared_props(props: dict[str, Any]) -> dict[str, Any]:
    """One dict for equal props in every session and run (they are never changed in place).

    Most elements draw the same props run after run and tab after tab; sharing them keeps
    a session's tree small and lets the diff see "unchanged" by identity. Props with an
    unhashable value (a list) stay their own. The key holds the values' types too: 1,
    1.0 and True are equal but do not render alike.
    """
    values = props.values()
    try:
        key = (*props, *values, *map(type, values))  # n names, n values, n types
        found = _SHARED_PROPS.get(key)
    except TypeError:
        return props if type(props) is dict else dict(props)
    if found is not None:
        return found
    with _lock:
        if len(_SHARED_PROPS) >= _LIMIT:
            _SHARED_PROPS.clear()  # only sharing is lost: every node keeps its dict
        return _SHARED_PROPS.setdefault(key, SharedProps(props))


# Types whose value says all there is (immutable, equal only when alike): props built
# from them can be kept for them. `value_type` adds one (a frozen dataclass of such values).
_PLAIN: set[type] = {str, int, float, bool, type(None)}


def value_type(cls: type) -> type:
    _PLAIN.add(cls)
    return cls


def plain(values: tuple) -> bool:
    """Whether props drawn from these values can be kept for any values equal to them.

    Not for objects (a str that changes while the hash does not; aware datetimes equal
    across time zones), nor for a float zero: 0.0 == -0.0, but they print apart.
    """
    for value in values:
        kind = type(value)
        if kind is tuple:
            if not plain(value):
                return False
        elif kind not in _PLAIN or (kind is float and value == 0.0):
            return False
    return True


def props_by_args(build: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    """`build`'s shared props, built once for each set of arguments: for elements whose
    props depend on their arguments alone (a markdown line drawn again in every run).

    `build` must read nothing but its arguments. The key holds their types (1, 1.0 and
    True build differently). Only `plain` arguments are kept (str, numbers, None, tuples
    of them, `value_type`s): props built from others are built again each time.
    """
    cache: dict[tuple, dict[str, Any]] = {}

    @functools.wraps(build)
    def props(*args: Any) -> dict[str, Any]:
        try:
            key = (*args, *map(type, args))
            found = cache.get(key)
        except TypeError:
            return shared_props(build(*args))
        if found is None:
            found = shared_props(build(*args))
            if type(found) is SharedProps and plain(args):
                if len(cache) >= KEPT_LIMIT:
                    cache.clear()  # a shortcut lost: `shared_props` still shares the dicts
                cache[key] = found
        return found

    return props
