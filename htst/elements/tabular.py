"""Tabular data for st.dataframe and st.table: any input they accept, as a pandas DataFrame.

The conversions are Streamlit's: a list of scalars is one column named "value", a dict
of lists gives columns, a dict of scalars one "value" column indexed by the keys;
pyarrow and polars objects come through `.to_pandas()`.
"""

from __future__ import annotations

import sys
from typing import Any, NoReturn

from ..errors import HtstAPIException


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


def require_pandas() -> Any:
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
    pd = require_pandas()
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


def append_rows(old: Any, new: Any) -> Any:
    pd = require_pandas()
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


def has_no_column_names(data: Any) -> bool:
    """Whether `data` is of a kind whose columns have no names of the user's: a list or
    tuple of values or rows, a set, a numpy array, a pandas or pyarrow array, or a dict
    of single values. Lists of dicts, dicts of lists and dataframes have names."""
    if isinstance(data, dict):
        return not any(_is_list_like(v) for v in data.values())
    if isinstance(data, (list, tuple)):
        return not (data and isinstance(data[0], dict))
    if isinstance(data, (set, frozenset)):
        return True
    kind = type(data)
    module = kind.__module__.split(".")[0]
    if module == "numpy":
        return kind.__name__ == "ndarray"
    if module == "pyarrow":
        return "Array" in kind.__name__ and "Table" not in kind.__name__
    if module == "pandas":
        return "Array" in kind.__name__
    return False


def _is_list_like(value: Any) -> bool:
    return not isinstance(value, (str, bytes)) and hasattr(value, "__iter__")
