"""st.grid: a responsive CSS grid whose direct children are cells; `grid.cell()` groups
elements into one cell and spans columns or rows.

The layout is all CSS (no script): a column count with `wrap=True` is a maximum, and
columns drop before cells get narrower than `min_column_width`; with `wrap=False` the
count holds and the grid scrolls sideways.
"""

from __future__ import annotations

from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import command, current
from . import layout_checks as checks
from . import sizing
from .block import Block, add_container, public

MAX_COLUMNS = 24
AUTO_MIN_WIDTH = 200  # pixels: "about 200 pixels" (theme-based in Streamlit)
_VERTICAL = ("top", "center", "bottom")


class GridContainer(Block):
    """What st.grid returns: a block whose direct children are cells, plus `cell()`."""

    __slots__ = ()

    @command
    def cell(self, *, column_span: int | str = 1, row_span: int = 1) -> Block:
        """The next cell, as a container: elements written to it share one cell, which
        spans `column_span` columns (or "all") and `row_span` rows."""
        node = self._node
        if node is None or node.type != "grid":
            raise HtstAPIException("cell() only works on what st.grid returned.")
        columns = node.props["columns"]
        if column_span != "all":
            if not isinstance(column_span, int) or isinstance(column_span, bool) or column_span < 1:
                raise HtstAPIException(f'Invalid `column_span` value: {column_span!r}. Use a positive integer or "all".')
            if isinstance(columns, int) and column_span > columns:
                raise HtstAPIException(f"`column_span` ({column_span}) can't exceed the grid's {columns} columns.")
        if not isinstance(row_span, int) or isinstance(row_span, bool) or row_span < 1:
            raise HtstAPIException(f"Invalid `row_span` value: {row_span!r}. Use a positive integer.")
        with self:
            _, block = add_container("grid_cell", {"column_span": column_span, "row_span": row_span})
        return block


@public
def grid(
    columns: int | str = "auto",
    *,
    min_column_width: int | str = "auto",
    wrap: bool = True,
    gap: Any = "small",
    vertical_alignment: str = "top",
    border: bool = False,
    row_height: int | str = "content",
    width: Any = "stretch",
    height: Any = "content",
    key: Any = None,
    dense: bool = False,
) -> GridContainer:
    """Insert a responsive grid: each direct child is a cell, and cells reflow with the
    available width (see the module docstring); `grid.cell()` groups or spans."""
    if columns != "auto" and (not isinstance(columns, int) or isinstance(columns, bool) or not 1 <= columns <= MAX_COLUMNS):
        raise HtstAPIException(f'Invalid `columns` value: {columns!r}. Use "auto" or an integer from 1 to {MAX_COLUMNS}.')
    if min_column_width != "auto" and (not isinstance(min_column_width, int) or isinstance(min_column_width, bool) or min_column_width < 1):
        raise HtstAPIException(f'Invalid `min_column_width` value: {min_column_width!r}. Use "auto" or a positive integer (pixels).')
    if not checks.strict_bool("wrap", wrap) and columns == "auto":
        raise HtstAPIException('`wrap=False` needs a column count: with `columns="auto"` there is no count to keep.')
    if row_height != "content" and (not isinstance(row_height, int) or isinstance(row_height, bool) or row_height < 1):
        raise HtstAPIException(f'Invalid `row_height` value: {row_height!r}. Use "content" or a positive integer (pixels).')
    row_gap, column_gap = _gaps(gap)
    props = {
        "columns": columns,
        "min_width": AUTO_MIN_WIDTH if min_column_width == "auto" else min_column_width,
        "wrap": wrap,
        "row_gap": row_gap,
        "column_gap": column_gap,
        "valign": checks.choice("vertical_alignment", vertical_alignment, _VERTICAL),
        "border": checks.strict_bool("border", border),
        "row_height": row_height,
        "width": sizing.width(width, allow=("stretch",)),
        "height": sizing.height(height, allow=("stretch", "content")),
        "key": checks.key_class(checks.claim_key(current(), key)),
        "dense": checks.strict_bool("dense", dense),
    }
    node, _ = add_container("grid", props)
    return GridContainer(node)


def _gaps(gap: Any) -> tuple[str, str]:
    """(row gap, column gap) as CSS lengths: one gap for both, or a pair."""
    pair = list(gap) if isinstance(gap, (tuple, list)) else [gap, gap]
    if len(pair) != 2:
        raise HtstAPIException("`gap` takes one value, or two: (row_gap, column_gap).")
    return tuple(checks.gap(value) or "1rem" for value in pair)  # type: ignore[return-value]
