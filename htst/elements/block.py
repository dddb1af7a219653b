"""Block: a place to draw into, usable as `with block:` or `block.button(...)`.

Every command is reachable as a method without one mixin per command: an unknown
attribute is looked up among htst's public commands and run inside the block.
"""

from __future__ import annotations

from typing import Any, Callable

from ..runtime.context import command, current
from ..runtime.nodes import Node

# Public names that are not drawing commands and so are not methods of a block.
_NOT_COMMANDS = frozenset(
    {"session_state", "secrets", "query_params", "stop", "rerun", "sidebar", "testing",
     "blueprint", "create_app", "errors", "set_page_config", "cache_data", "cache_resource",
     "fragment", "dialog"}
)


class Block:
    """A container (columns, tabs, sidebar…) or one element's slot (st.empty, a returned element).

    `root` names a page root ("sidebar") resolved at use time, because `st.sidebar`
    exists once for the module but each run builds a new tree.
    """

    __slots__ = ("_node", "_root")

    def __init__(self, node: Node | None = None, root: str | None = None):
        self._node = node
        self._root = root

    def _target(self) -> Node:
        ctx = current()
        return ctx.roots[self._root] if self._root else self._node  # type: ignore[return-value]

    def __enter__(self) -> Block:
        current().stack.append(self._target())
        return self

    def __exit__(self, *exc: Any) -> None:
        current().stack.pop()

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_") or name in _NOT_COMMANDS:
            raise AttributeError(name)
        import htst  # the public API, imported late: htst imports this module

        command = getattr(htst, name, None)
        if not callable(command) or isinstance(command, type):
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

        def in_block(*args: Any, **kwargs: Any) -> Any:
            with self:
                return command(*args, **kwargs)

        in_block.__name__ = name
        return in_block

    def __repr__(self) -> str:
        node = self._root or (self._node.id if self._node else None)
        return f"<htst.Block {node}>"

    # Streamlit's DeltaGenerator exposes these as real methods; keep the same spelling.
    @command
    def empty(self) -> Block:
        """Clear this slot (or container) and return it for reuse."""
        target = self._target()
        if target.children is not None:
            target.children.clear()
        else:
            target.type, target.props = "spacer", {}
        return self


def add_element(type: str, props: dict[str, Any]) -> Block:
    """Add a leaf element at the cursor and return its slot (writing to it replaces it)."""
    return Block(current().add(type, props))


def add_container(type: str, props: dict[str, Any]) -> tuple[Node, Block]:
    node = current().add(type, props, container=True)
    return node, Block(node)
