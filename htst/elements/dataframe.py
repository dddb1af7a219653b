"""st.dataframe and st.table: tabular data drawn as server-rendered HTML tables.

Any supported input becomes a pandas DataFrame first (the same conversions Streamlit
makes), kept whole in the node's `_data` prop for AppTest and `add_rows`. The HTML only
depends on plain props built from it (strings and tuples), so the renderer's leaf cache,
keyed by `repr()` of the public props, stays correct.
"""

from __future__ import annotations

import math
import sys
from typing import Any, Literal, NoReturn

from ..errors import HtstAPIException
from ..runtime.context import command
from ..runtime.nodes import Node
from .block import Block, add_element, public

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
        new = _append(old, to_dataframe(data))
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
    )


@public
def table(data: Any = None, *, border: bool | Literal["horizontal"] = True) -> DataElement:
    """Display a static table: every row, full width, no scrolling box.

    Takes the same data as st.dataframe. `border`: True (all cells), "horizontal"
    (lines between rows only) or False. Like st.dataframe, at most 10,000 rows are drawn.
    """
    if border not in (True, False, "horizontal"):
        raise HtstAPIException(f"border must be True, False or 'horizontal', not {border!r}.")
    df = to_dataframe(data)
    return _add(
        "table",
        df,
        kind="table",
        width="stretch",
        height="content",
        hide_index=False,
        column_order=None,
        border=border,
    )


def is_dataframe_like(value: Any) -> bool:
    """True for objects st.write shows as a dataframe (pandas, numpy, pyarrow, polars).

    Looks at already-imported modules only: an app that never imported pandas cannot
    hold a DataFrame, and st.write must not pay for importing it.
    """
    pd = sys.modules.get("pandas")
    if pd is not None and (
        isinstance(value, (pd.DataFrame, pd.Series, pd.Index)) or _is_styler(value)
    ):
        return True
    np = sys.modules.get("numpy")
    if np is not None and isinstance(value, np.ndarray):
        return True
    module = type(value).__module__.split(".")[0]
    return module in ("pyarrow", "polars") and callable(getattr(value, "to_pandas", None))


# -- conversion ---------------------------------------------------------------------


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise HtstAPIException(
            'st.dataframe and st.table need pandas: pip install "htst[data]"'
        ) from None
    return pandas


def _is_styler(value: Any) -> bool:
    return type(value).__name__ == "Styler" and type(value).__module__.startswith("pandas")


def to_dataframe(data: Any) -> Any:
    """Convert what st.dataframe accepts to a new pandas DataFrame (Streamlit's rules)."""
    pd = _pandas()
    if isinstance(data, pd.DataFrame):
        return data.copy()
    if isinstance(data, (pd.Series, pd.Index)):
        return pd.DataFrame(data)
    if _is_styler(data):
        return data.data.copy()
    if data is not None and type(data).__module__.split(".")[0] in ("pyarrow", "polars"):
        to_pandas = getattr(data, "to_pandas", None)
        if callable(to_pandas):
            return pd.DataFrame(to_pandas())
    if isinstance(data, (set, frozenset)):
        data = list(data)
    np = sys.modules.get("numpy")
    if np is not None and isinstance(data, np.ndarray) and data.ndim == 0:
        return pd.DataFrame([])
    if isinstance(data, (str, bytes)):
        _unsupported(data)
    try:
        df = pd.DataFrame(data)
    except (ValueError, TypeError):
        if not isinstance(data, dict):
            _unsupported(data)
        try:
            # A dict of scalars: keys become the index, values one column.
            df = pd.DataFrame.from_dict(data, orient="index")
        except (ValueError, TypeError):
            _unsupported(data)
    if len(df.columns) == 1 and _is_zero(df.columns[0]):
        # pandas names a lone unnamed column 0; Streamlit calls it "value".
        df = df.rename(columns={df.columns[0]: "value"})
    return df


def _is_zero(label: Any) -> bool:
    return not isinstance(label, (str, bool)) and label == 0


def _unsupported(data: Any) -> NoReturn:
    shown = repr(data)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    raise HtstAPIException(
        f"st.dataframe and st.table cannot show an object of type "
        f"`{type(data).__module__}.{type(data).__qualname__}` ({shown}). Pass a pandas "
        "DataFrame or Series, a numpy array, or a list, tuple, set or dict."
    )


def _append(old: Any, new: Any) -> Any:
    pd = _pandas()
    if len(new.index) == 0 and len(new.columns) == 0:
        return old
    if len(old.columns) == 0:
        return new
    old_names, new_names = list(old.columns), list(new.columns)
    if new_names != old_names and _positional(new) and len(new_names) == len(old_names):
        new = new.set_axis(old.columns, axis=1)
    elif set(map(str, new_names)) != set(map(str, old_names)) or len(new_names) != len(old_names):
        raise HtstAPIException(
            "add_rows() needs rows with the same columns as the data shown: it has "
            f"{[str(c) for c in old_names]}, the new rows have {[str(c) for c in new_names]}."
        )
    elif new_names != old_names:
        by_text = {str(c): c for c in new_names}
        new = new[[by_text[str(c)] for c in old_names]].set_axis(old.columns, axis=1)
    if len(new.index) == 0:
        return old
    if len(old.index) == 0:
        return new
    # Default row numbers keep counting, as in Streamlit: 0..n-1 then n, n+1, ...
    numbered = isinstance(old.index, pd.RangeIndex) and isinstance(new.index, pd.RangeIndex)
    return pd.concat([old, new], ignore_index=numbered)


def _positional(df: Any) -> bool:
    """Columns pandas or Streamlit named by themselves: 0..n-1, or the lone "value"."""
    names = list(df.columns)
    return names == list(range(len(names))) or names == ["value"]


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
) -> dict[str, Any]:
    """Everything the template reads, as strings and tuples, built from the DataFrame."""
    pd = _pandas()
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
