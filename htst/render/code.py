"""Code and LaTeX to HTML: what ``st.code`` and ``st.latex`` show.

Pure functions returning safe HTML strings. Highlighting emits CSS classes rather than
inline styles so that one stylesheet (:func:`pygments_css`) can switch light and dark
themes without re-rendering. Results are cached because scripts emit the same code and
formulas on every rerun.
"""

from __future__ import annotations

import functools
import html
import re
from xml.etree.ElementTree import Element, tostring

from latex2mathml.converter import convert_to_element
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from . import colors

_CACHE_SIZE = 4096

# One formatter serves every language: with nowrap it only turns tokens into spans, and
# htst owns the surrounding <pre><code> so light and dark CSS can target it.
_FORMATTER = HtmlFormatter(nowrap=True)

# Layout rules that belong with the token colours: line numbers must not be copied with
# the code, and wrap_lines is a presentational switch on the <pre>.
_LAYOUT_CSS = """\
.htst-code .linenos { opacity: .5; padding-right: 1em; user-select: none; }
.htst-code.htst-code-wrap { white-space: pre-wrap; overflow-wrap: anywhere; }
"""

# Resets every token span in dark mode before the dark rules apply, so a class that the
# light style colours but the dark style leaves alone does not keep a light-theme colour.
_DARK_RESET = (
    "[data-theme=dark] .htst-code span { color: inherit; background-color: transparent;"
    " font-weight: inherit; font-style: inherit; text-decoration: inherit; border: none; }\n"
)

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")

# Token colours must read on the code's background (WCAG AA, 4.5:1): the background each
# theme gives code (htst.css's --htst-bg2 in the light and the dark preset), and the ink a
# colour is mixed with, step by step, until it does.
_CODE_BACKGROUND = {"light": ((240, 242, 246, 1.0), (0, 0, 0, 1.0)), "dark": ((38, 39, 48, 1.0), (255, 255, 255, 1.0))}
_TEXT_AA = 4.5
_HEX_COLOUR = re.compile(r"(?<![\w-])color: (#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b")


def _readable(css: str, theme: str) -> str:
    """`css` with every token colour that fails AA on the theme's code background moved
    toward black (light) or white (dark) just enough, so its hue stays the style's."""
    background, ink = _CODE_BACKGROUND[theme]

    def fix(match: re.Match[str]) -> str:
        colour = colors.rgba(match.group(1))
        mixed, share = colour, 0.0
        while colors.contrast(mixed, background) < _TEXT_AA and share < 1:  # type: ignore[arg-type]
            share = min(1.0, share + 0.05)
            mixed = (*(round(c + (k - c) * share) for c, k in zip(colour[:3], ink)), 1.0)  # type: ignore[index]
        return "color: #" + "".join(f"{round(v):02X}" for v in mixed[:3]) if mixed != colour else match.group(0)  # type: ignore[index]

    return _HEX_COLOUR.sub(fix, css)


class LatexError(ValueError):
    """The LaTeX could not be converted; the message is short and meant for the page."""


@functools.lru_cache(maxsize=_CACHE_SIZE)
def highlight_code(
    body: str,
    language: str | None = "python",
    *,
    line_numbers: bool = False,
    wrap_lines: bool = False,
) -> str:
    """Return ``body`` as a highlighted ``<pre class="htst-code"><code>`` block.

    An unknown ``language`` or ``None`` gives plain escaped text, as ``st.code`` does.
    Trailing newlines are dropped so a block does not end in an empty line.
    """
    text = body.rstrip("\n")
    lexer = _lexer(language)
    if lexer is None:
        code = html.escape(text, quote=False)
        code_attrs = ""
    else:
        code = highlight(text, lexer, _FORMATTER).rstrip("\n")
        code_attrs = f' class="language-{html.escape(lexer.aliases[0])}"'
    classes = ["htst-code"]
    if line_numbers:
        classes.append("htst-code-numbered")
        code = _number_lines(code)
    if wrap_lines:
        classes.append("htst-code-wrap")
    # A block that scrolls sideways takes the focus, so the keyboard can scroll it too.
    focus = "" if wrap_lines else ' tabindex="0"'
    return f'<pre class="{" ".join(classes)}"{focus}><code{code_attrs}>{code}</code></pre>'


def pygments_css(style: str = "default", dark_style: str = "monokai") -> str:
    """Return the stylesheet for :func:`highlight_code` output in both themes.

    Light rules are scoped under ``.htst-code``; dark rules under
    ``[data-theme=dark] .htst-code`` so they win by specificity wherever an ancestor
    carries ``data-theme="dark"``, and again, in a dark system setting, for a page with
    no ``data-theme`` (no theme configured, none chosen: htst.css does the same).
    """
    light = HtmlFormatter(style=style)
    dark = HtmlFormatter(style=dark_style)
    light_scope, dark_scope = ".htst-code", "[data-theme=dark] .htst-code"
    parts = [*light.get_background_style_defs(light_scope), *(_readable(r, "light") for r in light.get_token_style_defs(light_scope))]
    dark_rules = [
        _DARK_RESET.rstrip("\n"),
        *dark.get_background_style_defs(dark_scope),
        *(_readable(r, "dark") for r in dark.get_token_style_defs(dark_scope)),
    ]
    system = [rule.replace("[data-theme=dark] ", ":root:not([data-theme]) ") for rule in dark_rules]
    return "\n".join([*parts, *dark_rules, "@media (prefers-color-scheme:dark){", *system, "}"]) + "\n" + _LAYOUT_CSS


@functools.lru_cache(maxsize=_CACHE_SIZE)
def render_latex(body: str) -> str:
    """Return display-mode MathML for ``st.latex``, or a visible error block.

    Surrounding ``$$`` are stripped because users often paste them from markdown.
    """
    latex = body.strip()
    if len(latex) >= 4 and latex.startswith("$$") and latex.endswith("$$"):
        latex = latex[2:-2].strip()
    try:
        return latex_to_mathml(latex, display=True)
    except LatexError as exc:
        return (
            '<div class="htst-math-error">'
            f"<code>{html.escape(latex)}</code> "
            f'<span class="htst-math-error-message">{html.escape(str(exc))}</span>'
            "</div>"
        )


def latex_to_mathml(latex: str, *, display: bool) -> str:
    """Convert LaTeX to MathML that is safe to embed, or raise :class:`LatexError`.

    latex2mathml's own serialiser unescapes its output, so ``\\text{<script>}`` would come
    out as a live tag; we serialise its element tree ourselves instead and drop ``href``.
    """
    try:
        root = convert_to_element(latex, display="block" if display else "inline")
    # Broad on purpose: besides its own errors the parser raises StopIteration and others
    # on truncated input, and a typo in a formula must not take the page down.
    except Exception as exc:
        raise LatexError(_describe(exc)) from exc
    _sanitise(root)
    return tostring(root, encoding="unicode", short_empty_elements=False)


def _sanitise(element: Element) -> None:
    """Make text plain (latex2mathml stores entities like ``&#x0003C;`` as text) and
    remove attributes that could run script or navigate."""
    for node in element.iter():
        if node.text:
            node.text = html.unescape(node.text)
        if node.tail:
            node.tail = html.unescape(node.tail)
        for name in [n for n in node.attrib if n == "href" or n.lower().startswith("on")]:
            del node.attrib[name]


def _describe(exc: Exception) -> str:
    """Turn ``MissingSuperScriptOrSubscriptError()`` into a readable sentence; the
    library's exceptions carry no message of their own."""
    if str(exc):
        return f"LaTeX error: {exc}"
    if isinstance(exc, StopIteration):
        return "LaTeX error: unexpected end of input"
    words = _CAMEL.sub(" ", type(exc).__name__.removesuffix("Error")).lower()
    return f"LaTeX error: {words}"


def _lexer(language: str | None) -> Lexer | None:
    if not language:
        return None
    try:
        # stripnl would drop leading blank lines the user typed on purpose.
        return get_lexer_by_name(language.strip().lower(), stripnl=False)
    except ClassNotFound:
        return None


def _number_lines(code: str) -> str:
    """Prefix each line with a number; Pygments closes spans at line ends, so splitting
    the highlighted HTML on newlines keeps every line well-formed."""
    lines = code.split("\n")
    width = len(str(len(lines)))
    return "\n".join(
        f'<span class="linenos">{n:>{width}}</span>{line}' for n, line in enumerate(lines, 1)
    )
