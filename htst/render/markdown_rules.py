"""Streamlit's markdown extensions as markdown-it rules, and the ids headings get.

Emoji shortcodes and ``:color[text]`` directives are inline rules, so code spans, code
blocks and link targets are never touched, and the text inside ``:red[...]`` is parsed as
markdown like a link label. Bare links and heading ids are core rules over the parsed
tokens; links, math, heading anchors and fenced code have render rules. `markdown.py`
builds htst's parsers from them.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
import unicodedata
from collections.abc import Sequence

import emoji
from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkLabel
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.dollarmath import dollarmath_plugin

from . import material
from .code import LatexError, highlight_code, latex_to_mathml

CACHE_SIZE = 4096

_COLORS = frozenset(
    {"red", "orange", "yellow", "green", "blue", "violet", "gray", "rainbow", "primary"}
)
# Streamlit documents no rainbow badge; leaving it literal keeps scripts portable.
_BADGE_COLORS = _COLORS - {"rainbow"}

_COLOR_START = re.compile(r":([a-z]+)(?:-(background|badge))?\[")
# Alias names are ASCII; English CLDR names (":thumbs_up:", ":flag_Côte_d’Ivoire:") also
# use letters with accents and a little punctuation, which \w and the class cover.
_SHORTCODE = re.compile(r":[\w\-+&.’“”()!#*,]+:")
_MATERIAL = re.compile(r":material/([a-z0-9_]+):")
# Bare URLs and e-mail addresses, as GFM's autolink extension finds them. Trailing
# punctuation is trimmed afterwards, because "see https://x.com." ends a sentence.
_BARE_LINK = re.compile(
    r"(?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<url>(?<![\w/.@])(?:https?://|www\.)[\w-][^\s<]*)"
)
_HTML_A_OPEN = re.compile(r"<a[\s>]", re.IGNORECASE)
_HTML_A_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
_TRAILING = "?!.,:;*_~'\""


_DECAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_WORD = re.compile(r"[\W_]+")
# htst's own ids: nodes ("hm-3-0"), widgets ("w" and 14 hex digits) and the page's
# ("htst-form"); a heading's id must not take one, or htmx and labels would find it.
_NODE_ID = re.compile(r"h[a-z]-\d|htst-|w[0-9a-f]{14}(?![\w-])")


@functools.lru_cache(maxsize=CACHE_SIZE)
def heading_id(text: str) -> str:
    """The id of a heading whose visible text is ``text``: lower-case words joined by
    hyphens, accents dropped ("Überblick & fooBar" -> "uberblick-and-foo-bar"), as
    Streamlit's heading anchors; a short hash when no letter or digit is left."""
    text = unicodedata.normalize("NFKD", text.replace("&", " and "))
    text = "".join(c for c in text if not unicodedata.combining(c))
    slug = _NOT_WORD.sub("-", _DECAMEL.sub(" ", text).lower()).strip("-")
    if not slug:
        return "h" + hashlib.blake2b(text.encode(), digest_size=4).hexdigest()
    return "heading-" + slug if _NODE_ID.match(slug) else slug


# --- inline rules ---------------------------------------------------------------------


def _color_rule(state: StateInline, silent: bool) -> bool:
    """Parse ``:red[...]``, ``:red-background[...]`` and ``:red-badge[...]``.

    The label is found the way link labels are, so nested brackets, links, code spans and
    other colors inside it work; an unknown color (``:None[...]``) is left as text.
    """
    if state.src[state.pos] != ":":
        return False
    match = _COLOR_START.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    css_class = _color_class(match.group(1), match.group(2))
    if css_class is None:
        return False
    label_start = match.end()
    label_end = parseLinkLabel(state, label_start - 1)
    if label_end <= label_start:
        return False
    if not silent:
        old_max = state.posMax
        state.pos, state.posMax = label_start, label_end
        token = state.push("htst_color_open", "span", 1)
        token.attrSet("class", css_class)
        token.markup = match.group(0)
        state.md.inline.tokenize(state)
        token = state.push("htst_color_close", "span", -1)
        token.markup = "]"
        state.posMax = old_max
    state.pos = label_end + 1
    return True


def _color_class(color: str, kind: str | None) -> str | None:
    color = "gray" if color == "grey" else color
    if kind is None:
        return f"htst-color-{color}" if color in _COLORS else None
    if kind == "background":
        return f"htst-bg-{color}" if color in _COLORS else None
    return f"htst-badge htst-badge-{color}" if color in _BADGE_COLORS else None


def _emoji_rule(state: StateInline, silent: bool) -> bool:
    """Replace a known ``:shortcode:`` with its emoji, and ``:material/name:`` with that
    symbol; unknown ones stay as typed."""
    if state.src[state.pos] != ":":
        return False
    symbol = _MATERIAL.match(state.src, state.pos, state.posMax)
    if symbol is not None and material.exists(symbol.group(1)):
        # `:material/name:`: the symbol itself, inline (Streamlit's Material icons in text).
        if not silent:
            token = state.push("html_inline", "", 0)
            token.content = str(material.svg(symbol.group(1)))
        state.pos = symbol.end()
        return True
    match = _SHORTCODE.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    char = _emoji(match.group(0))
    if char is None:
        return False
    if not silent:
        token = state.push("text", "", 0)
        token.content = char
    state.pos = match.end()
    return True


@functools.lru_cache(maxsize=CACHE_SIZE)
def _emoji(shortcode: str) -> str | None:
    char = emoji.emojize(shortcode, language="alias")
    return None if char == shortcode else char


def linkify_rule(state: StateCore) -> None:
    """Turn bare URLs and e-mail addresses in text into links, as GitHub does.

    A core rule over finished text tokens rather than mdit-py-plugins' gfm_autolink,
    whose inline rules rescan the rest of the paragraph at every ':' and '@' and so take
    seconds on a long paragraph of ordinary text.
    """
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        link_depth = 0
        for token in block.children:
            link_depth += _link_nesting(token)
            if token.type == "text" and not link_depth and _BARE_LINK.search(token.content):
                children.extend(_split_bare_links(state, token))
            else:
                children.append(token)
        block.children = children


def _link_nesting(token: Token) -> int:
    """+1/-1 for tokens that open/close a link, including raw ``<a>`` tags."""
    if token.type == "link_open":
        return 1
    if token.type == "link_close":
        return -1
    if token.type == "html_inline":
        if _HTML_A_OPEN.match(token.content):
            return 1
        if _HTML_A_CLOSE.match(token.content):
            return -1
    return 0


def _split_bare_links(state: StateCore, token: Token) -> list[Token]:
    text = token.content
    out: list[Token] = []
    last = 0
    for match in _BARE_LINK.finditer(text):
        label = _trim_link(match.group(0))
        if match.group("email"):
            href = "mailto:" + label
        else:
            href = label if label.startswith("http") else "http://" + label
        href = state.md.normalizeLink(href)
        if not state.md.validateLink(href):
            continue
        if match.start() > last:
            out.append(_text_token(text[last : match.start()], token.level))
        link_open = Token("link_open", "a", 1, attrs={"href": href}, markup="linkify")
        link_open.info = "auto"
        out.append(link_open)
        out.append(_text_token(state.md.normalizeLinkText(label), token.level + 1))
        out.append(Token("link_close", "a", -1, markup="linkify", info="auto"))
        last = match.start() + len(label)
    if last < len(text):
        out.append(_text_token(text[last:], token.level))
    return out


def _trim_link(link: str) -> str:
    """Drop trailing punctuation and unbalanced closing parentheses (GFM's rule)."""
    opened, closed = link.count("("), link.count(")")
    end = len(link)
    while end:
        char = link[end - 1]
        if char == ")" and closed > opened:
            closed -= 1
        elif char not in _TRAILING:
            break
        end -= 1
    return link[:end]


def _text_token(content: str, level: int) -> Token:
    return Token("text", "", 0, content=content, level=level)


def plain_text(children: Sequence[Token] | None) -> str:
    kinds = ("text", "code_inline", "math_inline")
    return "".join(child.content for child in children or () if child.type in kinds)


def heading_ids_rule(state: StateCore) -> None:
    """Give headings their ids (only when the render asks for anchors)."""
    if state.env.get("anchors") is None:
        return
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and i + 1 < len(tokens):
            token.attrSet("id", heading_id(plain_text(tokens[i + 1].children)))


# --- render rules ---------------------------------------------------------------------


def render_heading_close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """With ``anchors=True`` a heading ends with a link to itself, shown on hover."""
    close = self.renderToken(tokens, idx, options, env)
    if not env.get("anchors"):
        return close
    target = html.escape(str(tokens[idx - 2].attrGet("id") or ""))
    return f'<a class="htst-anchor" href="#{target}" aria-label="Link to heading">#</a>{close}'


def _render_link_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """Open external links in a new tab; the app page holds session state worth keeping.
    In-page anchors (``#section``) stay in place."""
    token = tokens[idx]
    if not str(token.attrGet("href") or "").startswith("#"):
        token.attrSet("target", "_blank")
        token.attrSet("rel", "noopener noreferrer")
    return self.renderToken(tokens, idx, options, env)


def _math(latex: str, *, display: bool) -> str:
    try:
        return latex_to_mathml(latex, display=display)
    except LatexError as exc:
        return (
            f'<code class="htst-math-error" title="{html.escape(str(exc))}">'
            f"{html.escape(latex)}</code>"
        )


def _render_math_inline(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return _math(tokens[idx].content.strip(), display=False)


def _render_math_inline_double(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # <math display="block"> is phrasing content, so it may sit inside the paragraph.
    return _math(tokens[idx].content.strip(), display=True)


def _render_math_block(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    math = _math(tokens[idx].content.strip(), display=True)
    return f'<div class="htst-math-block">{math}</div>\n'


def highlight_fence(content: str, language: str, attrs: str) -> str:
    """Fenced code gets the same markup as ``st.code``; markdown-it uses output that
    starts with ``<pre`` as the whole block."""
    return highlight_code(content, language or None)


# --- what every parser shares ----------------------------------------------------------


def add_extensions(md: MarkdownIt) -> None:
    """Math, colors, emoji and link targets: what every htst parser has."""
    # Labels are dropped (Streamlit has no equation numbers); $$...$$ inside a paragraph
    # is display math, as in remark-math.
    md.use(dollarmath_plugin, allow_labels=False, double_inline=True)
    md.inline.ruler.push("htst_color", _color_rule)
    md.inline.ruler.push("htst_emoji", _emoji_rule)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("math_inline", _render_math_inline)
    md.add_render_rule("math_inline_double", _render_math_inline_double)
    md.add_render_rule("math_block", _render_math_block)
