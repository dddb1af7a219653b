"""Block: a place to draw into, usable as `with block:` or `block.button(...)`.

Every drawing command is reachable as a method without one mixin per command: the
`@public` decorator registers each `st.*` drawing command where it is defined, and an
unknown attribute of a block is looked up there and run inside the block.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar

from ..runtime.context import command, current
from ..runtime.nodes import Node

F = TypeVar("F", bound=Callable[..., Any])

# The public drawing commands by name: what `block.<name>(...)` runs.
COMMANDS: dict[str, Callable[..., Any]] = {}


def public(fn: F) -> F:
    """Mark a public `st.*` drawing command: it holds its run's tree lock while it draws
    (`runtime.context.command`) and is a method of every block."""
    locked = command(fn)
    COMMANDS[fn.__name__] = locked
    return locked


def public_running(fn: F) -> F:
    """Mark a public `st.*` command that runs user code for a while (st.write_stream
    iterates the user's generator): a method of every block, but not holding the tree
    lock, so a streaming answer can send what it draws as it goes; each element it draws
    locks on its own."""
    COMMANDS[fn.__name__] = fn
    return fn


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
        command = COMMANDS.get(name)
        if command is None:
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
