"""Markdown to HTML with Streamlit's extensions: what ``st.markdown`` and labels show.

Streamlit's markdown is GitHub-flavoured (tables, strikethrough, task lists, bare-URL
autolinks) plus emoji shortcodes, ``:color[text]`` directives and ``$`` math; the
extensions are markdown-it rules (`markdown_rules.py`).

Raw HTML is escaped unless the caller opts in. Results are cached: scripts re-render the
same text on every rerun, so this sits on the hot path.
"""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt
from mdit_py_plugins.tasklists import tasklists_plugin

from .markdown_rules import (
    CACHE_SIZE,
    add_extensions,
    heading_id,
    heading_ids_rule,
    highlight_fence,
    linkify_rule,
    plain_text,
    render_heading_close,
)


@functools.lru_cache(maxsize=CACHE_SIZE)
def render_markdown(
    body: str, *, unsafe_allow_html: bool = False, inline: bool = False, anchors: bool | None = None
) -> str:
    """Render ``body`` as ``st.markdown`` would.

    ``inline=True`` parses only inline markdown and returns phrasing content with no
    wrapping ``<p>``, so the result can sit inside a ``<label>`` or ``<span>``; block
    syntax such as ``# heading`` or ``- item`` then stays literal text.

    ``anchors``: None leaves headings as they are; otherwise each heading gets an ``id``
    made from its text (:func:`heading_id`), so ``#fragment`` links reach it, and True
    also adds a link to it (shown on hover), as ``st.markdown(anchors=True)`` does.
    """
    if _PLAIN_LINE.fullmatch(body) and "www." not in body:
        # What markdown-it makes of it, byte for byte (tests/render/test_markdown.py).
        text = _CODE_SPAN.sub(r"<code>\1</code>", body) if "`" in body else body
        return text if inline else f"<p>{text}</p>\n"
    md = _MD_UNSAFE if unsafe_allow_html else _MD_SAFE
    if inline:
        return str(md.renderInline(body))
    return str(md.render(body, {"anchors": anchors}))


# One line that no markdown rule touches but code spans (a changing line such as
# "Count =  `5`", parsed anew on each change, skips the parser): letters, digits, spaces
# between them, punctuation with no meaning there, and `code` spans between single
# backticks of text that needs no escaping. Not first: a digit run with "." or ")" (a
# list). Nowhere: other markup characters (* _ [ ] < > & ~ $ : @ " | # and the
# backslash), leading or trailing spaces, a line break, "www." (a bare link).
_CODE_SPAN = re.compile(r"(?<!`)`([^`\s&<>\"](?:[^`\r\n&<>\"]*[^`\s&<>\"])?)`(?!`)")
_PLAIN_LINE = re.compile(
    r"(?![0-9]+[.)](?: |$))(?:[^\W_]|" + _CODE_SPAN.pattern + r")"
    r"(?: *(?:[^\W_]|[,.;?!=%+\-/()']|" + _CODE_SPAN.pattern + r"))*"
)


@functools.lru_cache(maxsize=CACHE_SIZE)
def render_label(text: str) -> str:
    """Render a widget label: bold, italics, code, links, strikethrough, emoji, colored
    text and math, with everything else (raw HTML, headings, lists) left as escaped text.

    Labels sit inside ``<label>``/``<summary>``/``<button>``, which accept phrasing content
    only, hence no block elements.
    """
    return str(_MD_LABEL.renderInline(text))


def markdown_heading_id(body: str) -> str:
    """The id of a heading (st.title, st.header…) whose markdown is ``body``."""
    tokens = _MD_LABEL.parseInline(body)
    return heading_id(plain_text(tokens[0].children if tokens else None))


# --- instances ------------------------------------------------------------------------


def _build_markdown(*, html_allowed: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": html_allowed, "highlight": highlight_fence})
    md.enable(["table", "strikethrough"])
    md.use(tasklists_plugin)
    add_extensions(md)
    # After text_join, so a URL is one text token even next to an escape or emoji.
    md.core.ruler.push("htst_linkify", linkify_rule)
    md.core.ruler.push("htst_heading_ids", heading_ids_rule)
    md.add_render_rule("heading_close", render_heading_close)
    return md


def _build_label() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False})
    md.enable(["emphasis", "strikethrough", "backticks", "link", "autolink", "escape", "entity"])
    add_extensions(md)
    return md


# Built once: constructing a parser compiles its rule chains, too slow for every call.
_MD_SAFE = _build_markdown(html_allowed=False)
_MD_UNSAFE = _build_markdown(html_allowed=True)
_MD_LABEL = _build_label()
