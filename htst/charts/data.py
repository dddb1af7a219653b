"""Chart data as Vega-Lite reads it: rows as JSON, column types, field references."""

from __future__ import annotations

import json
from typing import Any

from ..errors import HtstAPIException


def records_json(df: Any) -> str:
    """The frame's rows as a JSON array of objects: dates as ISO strings, missing values
    as null, column names as text (pandas' own writer, fast for large frames)."""
    if len(df.columns) == 0:
        return "[]"
    df = df.set_axis([str(c) for c in df.columns], axis=1)
    if df.columns.duplicated().any():
        raise HtstAPIException(f"Chart data has duplicate column names: {list(df.columns)}.")
    return df.to_json(orient="records", date_format="iso", double_precision=15, date_unit="ms")


def records(df: Any) -> list[dict[str, Any]]:
    return json.loads(records_json(df))


def vega_type(column: Any, *, discrete: str = "nominal") -> str:
    """The encoding type of a column: temporal, quantitative, or `discrete` for the rest."""
    import pandas as pd

    kind = column.dtype
    if pd.api.types.is_bool_dtype(kind):
        return discrete
    if pd.api.types.is_datetime64_any_dtype(kind) or pd.api.types.is_timedelta64_dtype(kind):
        return "temporal"
    if pd.api.types.is_numeric_dtype(kind):
        return "quantitative"
    if kind == object and len(column) and all(_is_date(v) for v in column.head(20) if v is not None):
        return "temporal"
    return discrete


def _is_date(value: Any) -> bool:
    import datetime

    return isinstance(value, (datetime.date, datetime.datetime))


def field(name: Any) -> str:
    """A column name as a Vega-Lite field reference: dots and brackets would otherwise
    read as nested access."""
    text = str(name)
    for char in ("\\", ".", "[", "]"):
        text = text.replace(char, "\\" + char)
    return text


def column(df: Any, name: Any, what: str) -> Any:
    """The column `name` of the chart's data (compared as text), or a clear error."""
    for candidate in df.columns:
        if str(candidate) == str(name):
            return candidate
    raise HtstAPIException(
        f"The `{what}` column {str(name)!r} is not in the chart's data; its columns are "
        f"{[str(c) for c in df.columns]}."
    )
