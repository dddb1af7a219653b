"""Text elements: headings, markdown, captions, code, LaTeX, dividers, raw HTML."""

from __future__ import annotations

import os
import textwrap
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import current
from .block import Block, add_element, public


_DIVIDER_CYCLE = ("blue", "green", "orange", "red", "violet", "gray", "rainbow")


def _heading(kind: str, body: Any, anchor: str | bool | None, help: str | None, divider: bool | str) -> Block:
    if divider not in (False, None) and not isinstance(divider, (bool, str)):
        raise HtstAPIException("`divider` must be a bool or a color name.")
    if divider is True:
        ctx = current()
        divider = _DIVIDER_CYCLE[ctx.divider_count % len(_DIVIDER_CYCLE)]
        ctx.divider_count += 1
    return add_element(
        kind,
        {"body": str(body), "anchor": anchor, "help": help, "divider": divider or False},
    )


@public
def title(body: Any, anchor: str | bool | None = None, *, help: str | None = None, width: Any = "stretch") -> Block:
    """Display text in title formatting (the page's <h1>)."""
    return _heading("title", body, anchor, help, False)


@public
def header(body: Any, anchor: str | bool | None = None, *, help: str | None = None, divider: bool | str = False, width: Any = "stretch") -> Block:
    return _heading("header", body, anchor, help, divider)


@public
def subheader(body: Any, anchor: str | bool | None = None, *, help: str | None = None, divider: bool | str = False, width: Any = "stretch") -> Block:
    return _heading("subheader", body, anchor, help, divider)


@public
def markdown(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None, width: Any = "stretch") -> Block:
    """Display GitHub-flavoured markdown (emoji shortcodes, :color[text], $math$)."""
    return add_element("markdown", {"body": _clean(body), "unsafe_allow_html": unsafe_allow_html, "help": help})


@public
def caption(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None, width: Any = "stretch") -> Block:
    return add_element("caption", {"body": _clean(body), "unsafe_allow_html": unsafe_allow_html, "help": help})


@public
def text(body: Any, *, help: str | None = None, width: Any = "content") -> Block:
    """Fixed-width, preformatted text; nothing in it is interpreted."""
    return add_element("text", {"body": str(body), "help": help})


@public
def code(body: Any, language: str | None = "python", *, line_numbers: bool = False, wrap_lines: bool = False, height: Any = None, width: Any = "stretch") -> Block:
    return add_element(
        "code",
        {"body": str(body), "language": language, "line_numbers": line_numbers, "wrap_lines": wrap_lines},
    )


@public
def latex(body: Any, *, help: str | None = None, width: Any = "stretch") -> Block:
    if hasattr(body, "_repr_latex_") and not isinstance(body, str):
        try:
            import sympy  # only when the user passes a sympy expression

            body = sympy.latex(body)
        except ImportError:
            body = str(body)
    return add_element("latex", {"body": str(body), "help": help})


@public
def divider(*, width: Any = "stretch") -> Block:
    return add_element("divider", {})


@public
def html(body: Any, *, width: Any = "stretch") -> Block:
    """Insert HTML as it is (a path to an .html file is read). Scripts do not run."""
    if hasattr(body, "_repr_html_"):
        body = body._repr_html_()
    body = str(body)
    if body.endswith((".html", ".htm")) and os.path.isfile(body):
        with open(body, encoding="utf-8") as file:
            body = file.read()
    return add_element("html", {"body": body})


def _clean(body: Any) -> str:
    """Markdown bodies are dedented, as Streamlit does for triple-quoted strings."""
    body = str(body)
    return textwrap.dedent(body).strip("\n") if "\n" in body else body
