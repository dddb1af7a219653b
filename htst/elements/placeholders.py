"""st.space and st.skeleton: room in the layout, and a placeholder while content loads."""

from __future__ import annotations

from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import command, current
from ..runtime.nodes import shared_props
from . import sizing
from .block import COMMANDS, Block, add_element, public

_SPACES = ("xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge", "stretch")


@public
def space(size: Any = "small") -> Block:
    """Empty space along the parent's direction (vertical; horizontal in a row): a named
    size ("xxsmall" … "xxlarge", "stretch") or pixels."""
    if isinstance(size, bool) or not (size in _SPACES or (isinstance(size, int) and size > 0)):
        raise HtstAPIException(
            f"Invalid `size` value: {size!r}. Supported values: {', '.join(map(repr, _SPACES))}, or a positive int of pixels."
        )
    return add_element("space", {"size": size})


class SkeletonPlaceholder(Block):
    """What st.skeleton returns: a slot showing the skeleton until something is drawn in
    it, or, as a context manager, shown while the `with` block runs (what the block draws
    goes to the parent) and cleared when it ends."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        """`placeholder.markdown(...)`: drawn in the slot, replacing the skeleton."""
        draw = COMMANDS.get(name)
        if draw is None:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

        def in_slot(*args: Any, **kwargs: Any) -> Any:
            Block.__enter__(self)  # the slot is the cursor (not this class's `with`)
            try:
                return draw(*args, **kwargs)
            finally:
                Block.__exit__(self)

        return in_slot

    @command
    def __enter__(self) -> SkeletonPlaceholder:
        node = self._target()
        if node.type == "skeleton":
            node.props = shared_props({**node.props, "delayed": True})  # shown after a moment, as a spinner
        return self

    @command
    def __exit__(self, *exc: Any) -> None:
        node = self._target()
        if node.type == "skeleton":
            node.type, node.props = "spacer", {}


@public
def skeleton(height: Any = None, *, width: Any = "stretch") -> SkeletonPlaceholder:
    """An animated placeholder that reserves room while content loads."""
    current()
    props = {
        "height": None if height is None else sizing.height(height, allow=("stretch",)),
        "width": sizing.width(width, allow=("stretch",)),
        "delayed": False,
    }
    return SkeletonPlaceholder(add_element("skeleton", props)._node)
