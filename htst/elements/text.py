"""Text elements: headings, markdown, captions, code, LaTeX, dividers, raw HTML.

Parameters shared by the text commands, as in Streamlit 1.67:

- `width`: "stretch", "content" or pixels (markdown also "auto", its default: stretch,
  but content inside a horizontal container; st.text defaults to "content").
- `text_alignment`: "left" (default; None also), "center", "right" or "justify". It
  shows only when the element is wider than its text.
- `wrap`: True (default) or False: one line, cut with an ellipsis; hovering shows the
  whole text. Headings then show their first line; markdown and captions render only
  inline markdown (a leading "#" or "-" stays literal), so raw HTML cannot be on one line.
- Headings (`title`, `header`, `subheader`) get an id made from their text (or
  `anchor`) and a link to it shown on hover; `anchor=False` keeps the id and drops the
  link. `icon` is an emoji or `:material/name:` shown before the text; it is decorative
  and does not change the id.
"""

from __future__ import annotations

import os
import textwrap
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import current
from ..runtime.nodes import props_by_args
from . import icons, sizing, text_params
from .block import Block, add_element, public

_DIVIDER_CYCLE = ("blue", "green", "orange", "red", "violet", "gray", "rainbow")


def _text_props(width: Any, text_alignment: Any, wrap: Any, *, allow: tuple[str, ...] = ("stretch", "content")) -> dict[str, Any]:
    return {
        "width": sizing.width(width, allow=allow),
        "align": text_params.text_alignment(text_alignment),
        "wrap": text_params.wrap(wrap),
    }


def _heading(kind: str, body: Any, anchor: Any, help: str | None, divider: bool | str, icon: Any, width: Any, text_alignment: Any, wrap: Any) -> Block:
    if divider not in (False, None) and not isinstance(divider, (bool, str)):
        raise HtstAPIException("`divider` must be a bool or a color name.")
    props = {
        "body": str(body),
        "anchor": text_params.anchor(anchor),
        "help": help,
        "icon": icons.icon(icon),
        **_text_props(width, text_alignment, wrap),
    }
    if divider is True:
        ctx = current()
        divider = _DIVIDER_CYCLE[ctx.divider_count % len(_DIVIDER_CYCLE)]
        ctx.divider_count += 1
    props["divider"] = divider or False
    return add_element(kind, props)


@public
def title(body: Any, anchor: str | bool | None = None, *, help: str | None = None, icon: str | None = None, width: Any = "stretch", text_alignment: str = "left", wrap: bool = True) -> Block:
    """Display text in title formatting (the page's <h1>)."""
    return _heading("title", body, anchor, help, False, icon, width, text_alignment, wrap)


@public
def header(body: Any, anchor: str | bool | None = None, *, help: str | None = None, icon: str | None = None, divider: bool | str = False, width: Any = "stretch", text_alignment: str = "left", wrap: bool = True) -> Block:
    return _heading("header", body, anchor, help, divider, icon, width, text_alignment, wrap)


@public
def subheader(body: Any, anchor: str | bool | None = None, *, help: str | None = None, icon: str | None = None, divider: bool | str = False, width: Any = "stretch", text_alignment: str = "left", wrap: bool = True) -> Block:
    return _heading("subheader", body, anchor, help, divider, icon, width, text_alignment, wrap)


@public
def markdown(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None, width: Any = "auto", text_alignment: str = "left", anchors: bool = True, wrap: bool = True) -> Block:
    """Display GitHub-flavoured markdown (emoji shortcodes, :color[text], $math$).

    Headings in the body get ids made from their text, so `#fragment` links reach them;
    `anchors=True` also shows a link to each heading on hover (False: ids only).
    """
    return add_element("markdown", _markdown_props(body, unsafe_allow_html, help, width, text_alignment, anchors, wrap))


@props_by_args
def _markdown_props(body: Any, unsafe_allow_html: bool, help: str | None, width: Any, text_alignment: Any, anchors: Any, wrap: Any) -> dict[str, Any]:
    props = _text_props(width, text_alignment, wrap, allow=("auto", "stretch", "content"))
    text_params.no_html_on_one_line(props["wrap"], unsafe_allow_html)
    props.update(body=_clean(body), unsafe_allow_html=unsafe_allow_html, help=help, anchors=bool(anchors))
    return props


@public
def caption(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None, width: Any = "stretch", text_alignment: str = "left", wrap: bool = True) -> Block:
    return add_element("caption", _caption_props(body, unsafe_allow_html, help, width, text_alignment, wrap))


@props_by_args
def _caption_props(body: Any, unsafe_allow_html: bool, help: str | None, width: Any, text_alignment: Any, wrap: Any) -> dict[str, Any]:
    props = _text_props(width, text_alignment, wrap)
    text_params.no_html_on_one_line(props["wrap"], unsafe_allow_html)
    props.update(body=_clean(body), unsafe_allow_html=unsafe_allow_html, help=help)
    return props


@public
def text(body: Any, *, help: str | None = None, width: Any = "content", text_alignment: str = "left", wrap: bool = True) -> Block:
    """Fixed-width, preformatted text; nothing in it is interpreted."""
    return add_element("text", _plain_text_props(body, help, width, text_alignment, wrap))


@props_by_args
def _plain_text_props(body: Any, help: str | None, width: Any, text_alignment: Any, wrap: Any) -> dict[str, Any]:
    return {"body": str(body), "help": help, **_text_props(width, text_alignment, wrap)}


@public
def code(body: Any, language: str | None = "python", *, line_numbers: bool = False, wrap_lines: bool = False, height: Any = "content", width: Any = "stretch") -> Block:
    """Display a code block with syntax highlighting and a copy-friendly layout.

    `height`: "content" (default; None also), "stretch" or pixels (the code scrolls).
    """
    return add_element(
        "code",
        {
            "body": str(body),
            "language": language,
            "line_numbers": line_numbers,
            "wrap_lines": wrap_lines,
            "height": sizing.height("content" if height is None else height, allow=("stretch", "content")),
            "width": sizing.width(width),
        },
    )


@public
def latex(body: Any, *, help: str | None = None, width: Any = "stretch") -> Block:
    if hasattr(body, "_repr_latex_") and not isinstance(body, str):
        try:
            import sympy  # only when the user passes a sympy expression

            body = sympy.latex(body)
        except ImportError:
            body = str(body)
    return add_element("latex", {"body": str(body), "help": help, "width": sizing.width(width)})


@public
def divider(*, width: Any = "stretch") -> Block:
    return add_element("divider", {"width": sizing.width(width, allow=("stretch",))})


@public
def html(body: Any, *, width: Any = "stretch", unsafe_allow_javascript: bool = False) -> Block:
    """Insert HTML into the page, without an iframe (a path to an .html file is read).

    By default nothing in it runs: `<script>` elements, event-handler attributes
    (`onclick`…), `javascript:` links and embedded documents (iframe, object, embed) are
    removed on the server, as Streamlit's sanitiser does in the browser.

    `unsafe_allow_javascript=True` keeps the `<script>` elements, and the browser runs
    them when the element is first shown and whenever its HTML changes (not on reruns
    that draw the same HTML); without JavaScript nothing runs, of course. Those scripts
    run in the app's page, with the user's session: only pass HTML you wrote or fully
    trust, never text a user typed. Event-handler attributes are removed all the same.

    HTML made only of `<style>` elements takes no space in the page.
    """
    if hasattr(body, "_repr_html_"):
        body = body._repr_html_()
    body = str(body)
    if body.endswith((".html", ".htm")) and os.path.isfile(body):
        with open(body, encoding="utf-8") as file:
            body = file.read()
    props = {
        "body": body,
        "width": sizing.width(width),
        "scripts": bool(unsafe_allow_javascript),
    }
    return add_element("html", props)


def _clean(body: Any) -> str:
    """Markdown bodies are dedented, as Streamlit does for triple-quoted strings."""
    body = str(body)
    return textwrap.dedent(body).strip("\n") if "\n" in body else body
