"""st.code and st.latex output: highlighting classes, theme CSS and the LaTeX error path."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from htst.render.code import highlight_code, pygments_css, render_latex


class _Collector(HTMLParser):
    """Records start tags with their attributes, and each text run with the class of the
    element it sits in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text_by_class: list[tuple[str, str]] = []
        self.open: list[tuple[str, str]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.open.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        assert self.open.pop()[0] == tag

    def handle_data(self, data: str) -> None:
        self.text += data
        self.text_by_class.append((self.open[-1][1] if self.open else "", data))


def collect(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    assert collector.open == [], "unclosed elements"
    return collector


def classes(attrs: dict[str, str | None]) -> list[str]:
    return (attrs.get("class") or "").split()


# --- highlight_code -----------------------------------------------------------------------


def test_python_gets_token_spans() -> None:
    out = collect(highlight_code("def f(x):\n    return 'hi'\n"))
    (pre_tag, pre_attrs), (code_tag, code_attrs) = out.tags[:2]
    assert (pre_tag, classes(pre_attrs)) == ("pre", ["htst-code"])
    assert (code_tag, classes(code_attrs)) == ("code", ["language-python"])
    span_classes = [classes(a) for tag, a in out.tags if tag == "span"]
    assert ["k"] in span_classes  # keyword: def, return
    assert ["nf"] in span_classes  # function name
    assert out.text == "def f(x):\n    return 'hi'"


@pytest.mark.parametrize("language", ["no-such-language", None, ""])
def test_unknown_language_is_plain_escaped_text(language: str | None) -> None:
    body = "<b>not bold</b> & def"
    out = collect(highlight_code(body, language))
    assert [tag for tag, _ in out.tags] == ["pre", "code"]
    assert out.tags[1][1] == {}
    assert out.text == body


def test_line_numbers_prefix_every_line() -> None:
    out = collect(highlight_code("a = 1\nb = 2\nc = 3", line_numbers=True))
    assert "htst-code-numbered" in classes(out.tags[0][1])
    numbers = [text.strip() for cls, text in out.text_by_class if cls == "linenos"]
    assert numbers == ["1", "2", "3"]
    assert [line.split("=")[0].strip() for line in out.text.split("\n")] == ["1a", "2b", "3c"]


def test_plain_text_line_numbers_and_wrapping() -> None:
    out = collect(highlight_code("x\ny", None, line_numbers=True, wrap_lines=True))
    assert classes(out.tags[0][1]) == ["htst-code", "htst-code-numbered", "htst-code-wrap"]
    assert out.text == "1x\n2y"


def test_highlight_is_cached() -> None:
    assert highlight_code("x = 1") is highlight_code("x = 1")


# --- pygments_css -------------------------------------------------------------------------


def _rules(css: str) -> dict[str, str]:
    """Selector -> declarations, comments removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return {m.group(1).strip(): m.group(2) for m in re.finditer(r"([^{}]+)\{([^}]*)\}", css)}


def test_css_is_scoped_for_both_themes() -> None:
    css, _, system = pygments_css().partition("@media (prefers-color-scheme:dark){")
    system, _, layout = system.partition("\n}\n")
    rules = _rules(css + layout)
    assert len(rules) > 50
    for selector in rules:
        assert selector.startswith((".htst-code", "[data-theme=dark] .htst-code")), selector
    assert rules[".htst-code .k"] != rules["[data-theme=dark] .htst-code .k"]
    # A page without data-theme (no theme configured) follows a dark system setting.
    dark = {s: d for s, d in rules.items() if s.startswith("[data-theme=dark]")}
    assert _rules(system) == {s.replace("[data-theme=dark]", ":root:not([data-theme])"): d for s, d in dark.items()}


def test_css_follows_the_chosen_styles() -> None:
    assert pygments_css("default", "monokai") != pygments_css("default", "native")


# --- render_latex -------------------------------------------------------------------------


def test_latex_is_display_mathml() -> None:
    out = collect(render_latex(r"\frac{a}{b}"))
    assert out.tags[0] == (
        "math",
        {"xmlns": "http://www.w3.org/1998/Math/MathML", "display": "block"},
    )
    assert "mfrac" in [tag for tag, _ in out.tags]


def test_surrounding_dollars_are_stripped() -> None:
    assert render_latex("$$ x^2 $$") == render_latex("x^2")
    assert "$" not in collect(render_latex("$$x$$")).text


def test_latex_error_shows_source_and_message() -> None:
    out = collect(render_latex("<b>x^"))
    assert "htst-math-error" in classes(out.tags[0][1])
    assert "b" not in [tag for tag, _ in out.tags]
    assert "<b>x^" in out.text
    assert "LaTeX error" in out.text


def test_latex_cannot_inject_html_or_links() -> None:
    out = collect(render_latex(r"\text{<script>alert(1)</script>} \href{javascript:alert(1)}{x}"))
    assert "script" not in [tag for tag, _ in out.tags]
    assert all("href" not in attrs for _, attrs in out.tags)


def test_token_colours_read_on_the_code_background_in_both_themes() -> None:
    from htst.render.code import _CODE_BACKGROUND
    from htst.render.colors import contrast

    css, _, _ = pygments_css().partition("@media (prefers-color-scheme:dark){")
    for selector, declarations in _rules(css).items():
        found = re.search(r"(?<![\w-])color: #([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b", declarations)
        if not found:
            continue
        digits = found.group(1) if len(found.group(1)) == 6 else "".join(c * 2 for c in found.group(1))
        colour = (*(int(digits[i : i + 2], 16) for i in (0, 2, 4)), 1.0)
        background = _CODE_BACKGROUND["dark" if selector.startswith("[data-theme=dark]") else "light"][0]
        assert contrast(colour, background) >= 4.5, (selector, declarations)


def test_a_block_that_can_scroll_sideways_takes_the_focus() -> None:
    assert 'tabindex="0"' in highlight_code("x = 1")
    assert "tabindex" not in highlight_code("x = 1", wrap_lines=True)
