"""st.dataframe and st.table: tabular data drawn as server-rendered HTML tables.

Any supported input becomes a pandas DataFrame first (`tabular.py`: the same
conversions Streamlit makes), kept whole in `node.data` for AppTest and `add_rows`. The HTML only
depends on plain props built from it (strings and tuples), so the renderer's leaf cache,
keyed by `repr()` of the public props, stays correct.
"""

from __future__ import annotations

import logging
import math
import sys
from typing import Any, Literal

from ..errors import HtstAPIException
from ..runtime.context import command
from ..runtime.nodes import Node
from . import sizing
from .block import Block, add_element, public
from .tabular import (
    append_rows,
    has_no_column_names,
    is_dataframe_like,
    require_pandas,
    to_dataframe,
)

__all__ = ["DataElement", "dataframe", "is_dataframe_like", "table", "to_dataframe"]

_log = logging.getLogger("htst")

# Rows drawn at most; the full data stays on the node for AppTest and add_rows.
MAX_ROWS = 10_000

_HEIGHTS = ("auto", "content", "stretch")
_WIDTHS = ("stretch", "content")


class DataElement(Block):
    """What st.dataframe and st.table return: a slot that also takes `.add_rows()`."""

    __slots__ = ()

    @command
    def add_rows(self, data: Any = None, **named: Any) -> DataElement:
        """Append rows to this dataframe or table, in place.

        Streamlit also accepts the data as one keyword argument (a named dataset), so
        `add_rows(my_data=df)` works as well. Columns must match the shown data's
        columns; positional data (a list of lists, a numpy array) may take the shown
        column names if it has as many columns.
        """
        if named:
            if data is not None or len(named) != 1:
                raise HtstAPIException(
                    "add_rows() takes the new rows as one argument: `add_rows(df)` "
                    "(or one keyword argument, `add_rows(name=df)`)."
                )
            data = next(iter(named.values()))
        node = self._node
        if node is None or node.type not in ("dataframe", "table"):
            raise HtstAPIException(
                "add_rows() only works on what st.dataframe or st.table returned, "
                "and only while that element is still shown."
            )
        old, options = node.data
        new = append_rows(old, to_dataframe(data))
        node.props = _props(new, **options)
        node.data = (new, options)
        return self


@public
def dataframe(
    data: Any = None,
    width: int | str = "stretch",
    height: int | str = "auto",
    *,
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Any = None,
    column_config: Any = None,
    key: str | None = None,
    on_select: Any = "ignore",
    selection_mode: Any = "multi-row",
    row_height: int | None = None,
    placeholder: str | None = None,
    alt: str | None = None,
) -> DataElement:
    """Display a dataframe as a scrolling table with a sticky header.

    `data` may be a pandas DataFrame, Series, Index or Styler (its data; styles are not
    drawn), a numpy array, a list, tuple, set or dict, anything with `.to_pandas()`
    (pyarrow, polars), or None for an empty table. It is converted as Streamlit does:
    a list of scalars is one column named "value", a dict of lists gives columns, a
    dict of scalars gives one "value" column indexed by the keys.

    - `width`: "stretch" (default), "content" or pixels; `use_container_width=True`
      means "stretch", False means "content".
    - `height`: "auto" shows about ten rows and scrolls; "content" shows every row;
      pixels fix the height.
    - `hide_index`: True hides the index column(s).
    - `column_order`: the columns to show, in order.
    - `placeholder`: the text shown in empty cells (missing values), "None" by default.
    - `alt`: the table's accessible name (default: "Dataframe, N rows").

    htst differences: the table is plain HTML (no sorting, resizing or search), at most
    10,000 rows are drawn (with a note saying so), and `column_config`, `key`,
    `on_select`, `selection_mode` and `row_height` are accepted and ignored for now
    (column_config comes later).
    """
    df = to_dataframe(data)
    if use_container_width is not None:
        width = (
            "stretch" if use_container_width else ("content" if isinstance(width, str) else width)
        )
    return _add(
        "dataframe",
        df,
        kind="dataframe",
        width=_check_size("width", width, _WIDTHS),
        height=_check_size("height", height, _HEIGHTS),
        hide_index=bool(hide_index),
        column_order=_column_order(column_order),
        border=True,
        placeholder=_placeholder(placeholder),
        alt=_alt(alt),
    )


@public
def table(
    data: Any = None,
    *,
    border: bool | Literal["horizontal"] = True,
    width: Any = "stretch",
    height: Any = "content",
    hide_index: bool | None = None,
    hide_header: bool | None = None,
    alt: str | None = None,
) -> DataElement:
    """Display a static table: every row, no scrolling box unless `height` asks for one.

    Takes the same data as st.dataframe. Like st.dataframe, at most 10,000 rows are drawn.

    - `border`: True (all cells), "horizontal" (lines between rows only) or False.
    - `width`: "stretch" (default), "content" or pixels (a wider table scrolls sideways).
    - `height`: "content" (default, every row), "stretch" or pixels (the rows scroll
      under a sticky header).
    - `hide_index`: True hides the index column(s), False shows them; None (default)
      hides a plain row number index (a RangeIndex) and shows any other.
    - `hide_header`: True hides the header row, False shows it; None (default) hides it
      for data without column names (lists, tuples, sets, numpy arrays, a dict of
      single values).
    - `alt`: the table's accessible name.
    """
    if border not in (True, False, "horizontal"):
        raise HtstAPIException("Invalid `border` value. Supported values: True, False, 'horizontal'.")
    checked_width = sizing.width(width)
    checked_height = sizing.height(height, allow=("stretch", "content"))  # 1.67 message order
    df = to_dataframe(data)
    if hide_index is None:
        hide_index = isinstance(df.index, require_pandas().RangeIndex)
    if hide_header is None:
        hide_header = has_no_column_names(data)
    return _add(
        "table",
        df,
        kind="table",
        width=checked_width,
        height=checked_height,
        hide_index=bool(hide_index),
        hide_header=bool(hide_header),
        column_order=None,
        border=border,
        alt=_alt(alt),
    )


def _placeholder(value: Any) -> str:
    if value is None:
        return "None"
    if not isinstance(value, str):
        raise HtstAPIException(
            f"Invalid `placeholder` type. Expected one of: str, None. Provided type: {type(value).__name__}."
        )
    return value


def _alt(value: Any) -> str | None:
    """An accessible name; empty or blank is ignored, with a warning in the log."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        _log.warning("st.dataframe / st.table: an empty `alt` is ignored; pass a short description of the table.")
        return None
    return text


# -- node props ---------------------------------------------------------------------


def _check_size(name: str, value: Any, words: tuple[str, ...]) -> str | int:
    if isinstance(value, bool) or not ((isinstance(value, int) and value > 0) or value in words):
        choices = ", ".join(f'"{w}"' for w in words)
        raise HtstAPIException(
            f"{name} must be {choices} or a positive number of pixels, not {value!r}."
        )
    return value


def _column_order(order: Any) -> tuple | None:
    if order is None:
        return None
    if isinstance(order, str):
        return (order,)
    return tuple(order)


def _add(type: str, df: Any, **options: Any) -> DataElement:
    slot = add_element(type, _props(df, **options))
    node: Node = slot._node  # type: ignore[assignment]
    # The frame itself stays on the server: AppTest reads it, add_rows() extends it.
    node.data = (df, options)
    return DataElement(node)


def _props(
    df: Any,
    *,
    kind: str,
    width: str | int,
    height: str | int,
    hide_index: bool,
    column_order: tuple | None,
    border: bool | str,
    hide_header: bool = False,
    placeholder: str = "None",
    alt: str | None = None,
) -> dict[str, Any]:
    """Everything the template reads, as strings and tuples, built from the DataFrame."""
    pd = require_pandas()
    positions = _shown_columns(df, column_order)
    total = len(df.index)
    shown = df.iloc[: min(total, MAX_ROWS)]
    columns = shown.columns
    numeric = tuple(
        pd.api.types.is_numeric_dtype(df.dtypes.iloc[i])
        and not pd.api.types.is_bool_dtype(df.dtypes.iloc[i])
        for i in positions
    )
    fixed = kind == "table"  # st.table shows floats with four decimals, st.dataframe trims
    rows = tuple(
        tuple(_cell(row[i], fixed) for i in positions)
        for row in shown.itertuples(index=False, name=None)
    )
    index_names: tuple[str, ...] = ()
    index_rows: tuple[tuple[str | None, ...], ...] = ()
    if not hide_index:
        index_names = tuple("" if n is None else str(n) for n in df.index.names)
        levels = len(index_names)
        index_rows = tuple(
            tuple(_cell(v, fixed) for v in (label if levels > 1 else (label,)))
            for label in shown.index
        )
    return {
        "columns": tuple(_label(columns[i]) for i in positions),
        "numeric": numeric,
        "rows": rows,
        "index_names": index_names,
        "index_rows": index_rows,
        "total": total,
        "width": width,
        "height": height,
        "border": border,
        "header": not hide_header,
        "placeholder": placeholder,
        "alt": alt,
    }


def _shown_columns(df: Any, order: tuple | None) -> list[int]:
    """Positions of the columns to draw: all, or those `column_order` names, in its order."""
    if order is None:
        return list(range(len(df.columns)))
    labels = list(df.columns)
    positions = []
    for name in order:
        for i, label in enumerate(labels):
            if (label == name or _label(label) == str(name)) and i not in positions:
                positions.append(i)
                break
    return positions


def _label(label: Any) -> str:
    if isinstance(label, tuple):
        return " / ".join(str(part) for part in label)
    return str(label)


def _cell(value: Any, fixed: bool) -> str | None:
    """A cell's text; None for a missing value (NaN, None, NaT, NA)."""
    if value is None:
        return None
    np = sys.modules.get("numpy")
    if isinstance(value, bool) or (np is not None and isinstance(value, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, float) or (np is not None and isinstance(value, np.floating)):
        number = float(value)
        if math.isnan(number):
            return None
        if math.isinf(number):
            return "∞" if number > 0 else "-∞"
        text = f"{number:.4f}"
        return text if fixed else text.rstrip("0").rstrip(".")
    try:
        pd = sys.modules["pandas"]
        if pd.api.types.is_scalar(value) and pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)
