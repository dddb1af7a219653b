"""Layout: containers, columns, tabs, expanders, empty slots and the sidebar."""

from __future__ import annotations

from numbers import Real
from typing import Any, Sequence

from ..errors import HtstAPIException
from .block import Block, add_container, public

sidebar = Block(root="sidebar")


@public
def container(*, border: bool | None = None, key: str | None = None, height: int | str | None = None, width: Any = "stretch", **_ignored: Any) -> Block:
    """A vertical group of elements that can be filled out of order."""
    _, block = add_container("container", {"border": bool(border) if border is not None else height is not None, "height": height, "key": key})
    return block


@public
def columns(spec: int | Sequence[Real], *, gap: str | None = "small", vertical_alignment: str = "top", border: bool = False, width: Any = "stretch") -> list[Block]:
    """Side-by-side containers; `spec` is a count or a list of relative widths."""
    if isinstance(spec, Real) and not isinstance(spec, bool):
        if int(spec) != spec or spec < 1:
            raise HtstAPIException("The input argument to st.columns must be either a positive integer or a list of positive numeric weights.")
        weights: list[float] = [1] * int(spec)
    else:
        weights = list(spec) if spec is not None else []
        if not weights or any(isinstance(w, bool) or not isinstance(w, Real) or w <= 0 for w in weights):
            raise HtstAPIException("The input argument to st.columns must be either a positive integer or a list of positive numeric weights. See the docs for more information.")
    if gap not in ("small", "medium", "large", None):
        raise HtstAPIException(f'The gap argument to st.columns must be "small", "medium", "large" or None. The value was {gap!r}.')
    if vertical_alignment not in ("top", "center", "bottom"):
        raise HtstAPIException(f'The vertical_alignment argument to st.columns must be "top", "center", or "bottom". The value was {vertical_alignment!r}.')
    row, row_block = add_container("columns", {"gap": gap or "none", "align": vertical_alignment})
    blocks = []
    with row_block:
        for weight in weights:
            _, block = add_container("column", {"weight": float(weight), "border": border})
            blocks.append(block)
    return blocks


@public
def tabs(tabs: Sequence[str], *, width: Any = "stretch", default: str | None = None) -> list[Block]:
    """Tabs whose contents are all drawn; switching tabs happens in the browser, no rerun."""
    labels = [str(t) for t in tabs]
    if not labels:
        raise HtstAPIException("The input argument to st.tabs must contain at least one tab label.")
    group, group_block = add_container("tabs", {"labels": labels})
    blocks = []
    with group_block:
        for index, label in enumerate(labels):
            _, block = add_container("tab", {"label": label, "index": index})
            blocks.append(block)
    return blocks


@public
def expander(label: str, expanded: bool = False, *, icon: str | None = None, width: Any = "stretch") -> Block:
    """A container the user can open and close in the browser (a <details> element)."""
    _, block = add_container("expander", {"label": str(label), "expanded": bool(expanded), "icon": icon})
    return block


@public
def empty() -> Block:
    """A slot that holds one element: each write replaces what was there."""
    _, block = add_container("empty", {})
    return block
