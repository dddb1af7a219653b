"""st.write, the Swiss Army knife, and st.echo."""

from __future__ import annotations

import contextlib
import inspect
import linecache
import textwrap
import types
from collections.abc import Mapping
from typing import Any, Iterator

from ..runtime.query_params import QueryParams
from ..runtime.state import SessionState, SessionStateProxy
from . import alerts, charts, data, dataframe, display_extras, figures, media, text
from .block import Block, public


@public
def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    """Write each argument the way that suits its type.

    Strings (and numbers, as inline code) are joined into one markdown element; other
    objects get their own element: exceptions, dataframes (pandas, numpy), dicts/lists as
    JSON, session state, functions/classes/modules as st.help, Altair charts, matplotlib
    figures, graphviz graphs, PIL images…
    """
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            text.markdown(" ".join(buffer), unsafe_allow_html=unsafe_allow_html)
            buffer.clear()

    for arg in args:
        if isinstance(arg, str):
            buffer.append(arg)
        elif isinstance(arg, BaseException):
            flush()
            alerts.exception(arg)
        elif dataframe.is_dataframe_like(arg):
            flush()
            dataframe.dataframe(arg)
        elif isinstance(arg, (SessionStateProxy, SessionState, QueryParams)):
            flush()
            data.json(arg.to_dict())
        elif isinstance(arg, (dict, list, tuple, set, frozenset, Mapping)) or _is_namedtuple(arg):
            flush()
            data.json(arg._asdict() if _is_namedtuple(arg) else arg)
        elif isinstance(arg, (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, type)):
            flush()
            display_extras.help(arg)
        elif _chart_writer(arg) is not None:
            flush()
            _chart_writer(arg)(arg)
        elif hasattr(arg, "save") and hasattr(arg, "mode") and type(arg).__module__.startswith("PIL"):
            flush()
            media.image(arg)  # a PIL image
        elif hasattr(arg, "_repr_html_") and not isinstance(arg, type):
            flush()
            text.html(arg._repr_html_())
        else:
            buffer.append("`%s`" % str(arg).replace("`", "\\`"))
    flush()


def _is_namedtuple(value: Any) -> bool:
    return isinstance(value, tuple) and hasattr(value, "_fields")


def _chart_writer(value: Any) -> Any:
    """The command that draws a chart or figure object of a known library, or None."""
    module = type(value).__module__.split(".")[0]
    if module == "altair" and hasattr(value, "to_dict"):
        return charts.altair_chart
    if module == "matplotlib" and hasattr(value, "savefig"):
        return figures.pyplot
    if module == "graphviz" and hasattr(value, "source"):
        return figures.graphviz_chart
    return None


@public
@contextlib.contextmanager
def echo(code_location: str = "above") -> Iterator[None]:
    """Show the code of the `with st.echo():` block, then run it."""
    frame = inspect.currentframe()
    caller = frame.f_back.f_back if frame and frame.f_back else None  # past contextmanager
    source = _block_source(caller.f_code.co_filename, caller.f_lineno) if caller else ""
    placeholder = text.code("", "python") if code_location != "below" else None
    try:
        yield
    finally:
        if placeholder is not None:
            placeholder.code(source, "python")
        else:
            text.code(source, "python")


def _block_source(filename: str, with_line: int) -> str:
    lines = linecache.getlines(filename)
    if not lines or with_line > len(lines):
        return ""
    header = lines[with_line - 1]
    indent = len(header) - len(header.lstrip())
    body: list[str] = []
    for line in lines[with_line:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    return textwrap.dedent("".join(body)).strip("\n")


def is_htst_object(value: Any) -> bool:
    """Objects magic must not write: the htst module itself and blocks (return of commands)."""
    if isinstance(value, Block):
        return True
    return isinstance(value, types.ModuleType) and value.__name__ in ("htst", "streamlit")
