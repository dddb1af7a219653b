"""st.markdown's documented behaviour, checked on parsed HTML rather than exact strings."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from htst.render.markdown import render_label, render_markdown

_VOID = {"br", "hr", "img", "input", "meta", "link", "col", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def find_all(self, tag: str, cls: str | None = None) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag and (cls is None or cls in child.classes):
                    found.append(child)
                found.extend(child.find_all(tag, cls))
        return found

    def find(self, tag: str, cls: str | None = None) -> Node:
        matches = self.find_all(tag, cls)
        assert matches, f"no <{tag} class={cls}> in {self}"
        return matches[0]

    @property
    def elements(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node)]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def md(body: str, **kwargs: bool) -> Node:
    return parse(render_markdown(body, **kwargs))


# --- raw HTML ---------------------------------------------------------------------------


def test_raw_html_is_escaped_by_default() -> None:
    tree = md("hi <script>alert(1)</script> <b>bold</b>")
    assert tree.find_all("script") == []
    assert tree.find_all("b") == []
    assert "<script>alert(1)</script>" in tree.text


def test_unsafe_allow_html_passes_html_through() -> None:
    tree = md("hi <b>bold</b>\n\n<div class='x'>block</div>", unsafe_allow_html=True)
    assert tree.find("b").text == "bold"
    assert tree.find("div", "x").text == "block"


def test_javascript_links_are_not_emitted() -> None:
    tree = md("[click](javascript:alert(1))")
    assert all("javascript" not in (a.attrs.get("href") or "") for a in tree.find_all("a"))


# --- emoji --------------------------------------------------------------------------------


def test_emoji_shortcodes_become_characters() -> None:
    assert md("Hi :balloon: :paw_prints: :smile:").find("p").text == "Hi 🎈 🐾 😄"


def test_unknown_shortcode_and_times_stay_as_typed() -> None:
    assert md("at 12:30:45 :not_an_emoji_at_all:").text.strip() == (
        "at 12:30:45 :not_an_emoji_at_all:"
    )


def test_code_is_untouched_by_emoji_and_colour() -> None:
    tree = md("`:smile: :red[x]`\n\n```\n:smile: :red[x]\n```")
    codes = tree.find_all("code")
    assert [c.text.strip() for c in codes] == [":smile: :red[x]", ":smile: :red[x]"]
    assert tree.find_all("span", "htst-color-red") == []


# --- colored text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "classes"),
    [
        (":red[x]", ["htst-color-red"]),
        (":grey[x]", ["htst-color-gray"]),
        (":rainbow[x]", ["htst-color-rainbow"]),
        (":primary[x]", ["htst-color-primary"]),
        (":blue-background[x]", ["htst-bg-blue"]),
        (":violet-background[x]", ["htst-bg-violet"]),
        (":green-badge[x]", ["htst-badge", "htst-badge-green"]),
        (":gray-badge[x]", ["htst-badge", "htst-badge-gray"]),
    ],
)
def test_color_forms(source: str, classes: list[str]) -> None:
    span = md(f"before {source} after").find("p").elements[0]
    assert (span.tag, span.classes, span.text) == ("span", classes, "x")


def test_markdown_inside_color() -> None:
    red = md(":red[**bold** and [link](https://x.org) and :blue[inner]]").find(
        "span", "htst-color-red"
    )
    assert red.find("strong").text == "bold"
    assert red.find("a").attrs["href"] == "https://x.org"
    assert red.find("span", "htst-color-blue").text == "inner"


def test_nested_brackets_inside_color() -> None:
    tree = md(":red[a [link](x) here] :blue[a [b] c]")
    assert tree.find("span", "htst-color-red").find("a").text == "link"
    assert tree.find("span", "htst-color-red").text == "a link here"
    assert tree.find("span", "htst-color-blue").text == "a [b] c"


@pytest.mark.parametrize(
    "source", [":None[Thank you!]", ":purple[x]", ":rainbow-badge[x]", ":red[]", ":red[open"]
)
def test_unknown_or_unclosed_color_stays_literal(source: str) -> None:
    tree = md(source)
    assert tree.find_all("span") == []
    assert tree.find("p").text == source


# --- GFM ----------------------------------------------------------------------------------


def test_table() -> None:
    table = md("| a | b |\n|---|--:|\n| 1 | **2** |").find("table")
    assert [th.text for th in table.find_all("th")] == ["a", "b"]
    assert [td.text for td in table.find_all("td")] == ["1", "2"]
    assert table.find("td").find_all("strong") == []
    assert table.find_all("td")[1].find("strong").text == "2"


def test_strikethrough() -> None:
    assert md("keep ~~gone~~").find("s").text == "gone"


def test_task_list() -> None:
    boxes = md("- [ ] todo\n- [x] done").find_all("input")
    assert [b.attrs.get("type") for b in boxes] == ["checkbox", "checkbox"]
    assert ["checked" in b.attrs for b in boxes] == [False, True]


def test_fenced_code_is_highlighted() -> None:
    pre = md("```python\ndef f(): pass\n```").find("pre", "htst-code")
    assert "k" in pre.find("span").classes
    assert pre.text == "def f(): pass"


# --- math ---------------------------------------------------------------------------------


def test_inline_math() -> None:
    p = md("area $x^2$ here").find("p")
    math = p.find("math")
    assert math.attrs["display"] == "inline"
    assert math.find("msup").text == "x2"


def test_block_math() -> None:
    block = md("$$\n\\frac{1}{2}\n$$").find("div", "htst-math-block")
    assert block.find("math").attrs["display"] == "block"
    assert block.find_all("mfrac")


def test_math_error_shows_escaped_source() -> None:
    error = md("bad $<b>x^$ math").find("code", "htst-math-error")
    assert error.text == "<b>x^"
    assert error.find_all("b") == []


def test_math_text_cannot_inject_html() -> None:
    tree = md("$\\text{<script>alert(1)</script>}$")
    assert tree.find_all("script") == []
    assert tree.find("mtext").text == "<script>alert(1)</script>"


# --- links --------------------------------------------------------------------------------


def test_external_links_open_in_new_tab_but_anchors_do_not() -> None:
    links = md("[out](https://x.org) [in](#section) <https://auto.org>").find_all("a")
    assert [(a.attrs.get("target"), a.attrs.get("rel")) for a in links] == [
        ("_blank", "noopener noreferrer"),
        (None, None),
        ("_blank", "noopener noreferrer"),
    ]


def test_bare_urls_are_linked_without_trailing_punctuation() -> None:
    tree = md("see https://x.org/a_(b). or www.y.org, or me@z.org!")
    assert [a.attrs["href"] for a in tree.find_all("a")] == [
        "https://x.org/a_(b)",
        "http://www.y.org",
        "mailto:me@z.org",
    ]
    assert tree.find("p").text == "see https://x.org/a_(b). or www.y.org, or me@z.org!"


def test_bare_urls_inside_links_and_code_are_left_alone() -> None:
    tree = md("[https://a.org](https://b.org) `https://c.org`")
    assert [a.attrs["href"] for a in tree.find_all("a")] == ["https://b.org"]
    tree = md('<a href="https://d.org">https://e.org</a>', unsafe_allow_html=True)
    assert [a.attrs["href"] for a in tree.find_all("a")] == ["https://d.org"]


# --- inline and labels ---------------------------------------------------------------------


def test_inline_has_no_paragraph_and_no_blocks() -> None:
    tree = md("# not a heading **bold**", inline=True)
    assert [e.tag for e in tree.elements] == ["strong"]
    assert tree.text == "# not a heading bold"


def test_label_renders_the_inline_subset() -> None:
    tree = parse(render_label("**b** *i* `c` ~~s~~ [l](https://x.org) :smile: :red[r] $x$"))
    assert [e.tag for e in tree.elements] == ["strong", "em", "code", "s", "a", "span", "math"]
    assert "😄" in tree.text


def test_label_escapes_html_and_block_syntax() -> None:
    tree = parse(render_label("# h <b>x</b>\n- item\n\n> quote"))
    assert tree.elements == []
    assert tree.text == "# h <b>x</b>\n- item\n\n> quote"


def test_results_are_cached() -> None:
    body = "cached **text** :smile:"
    assert render_markdown(body) is render_markdown(body)
    assert render_label(body) is render_label(body)


# Lines a changing st.write/st.markdown often shows, and lines that only look plain.
_LINES = [
    "Count = 5", "Count =  5", "Level is 42", "1.5 kg", "2+2=4 (mostly)", "it's 50% off!",
    "a/b; c, d? e.", "Ünïcödé 42", "x - y", "1. item", "1) item", "123456789. item",
    "42", "www.example.com", "see www.example.com", "mail a@b.co", "https://x.org",
    "a ", " a", "a\nb", "a  \nb", "#tag", "a # b", "- x", "+ x", "> q", "a *b*", "a_b_",
    "`x`", "[x](y)", "<b>x</b>", "a &amp; b", "a \\* b", "~~x~~", "$x$", ":smile:",
    ":red[x]", "a | b", 'say "hi"', "x:y", "= x", "a\tb", "tab\t", "9 lives",
    "Count =  `1`", "`5`", "`1.` first", "a `b c` d", "`a  b`", "` a `", "`a`b`", "``a``",
    "`a\rb`", "`<b>`", "`a*b*`", "`:smile:`", "x`y`z", "`www.x.org`", "`a``b`", "`a /``=`",
]


@pytest.mark.parametrize("line", _LINES)
def test_a_line_the_parser_is_skipped_for_renders_as_the_parser_renders_it(line):
    # render_markdown skips markdown-it for lines no rule touches; the result must be
    # byte for byte what markdown-it makes of them, in both modes.
    from htst.render import markdown

    for anchors in (None, True):
        assert render_markdown(line, anchors=anchors) == str(markdown._MD_SAFE.render(line, {"anchors": anchors}))
    assert render_markdown(line, inline=True) == str(markdown._MD_SAFE.renderInline(line))


def test_changing_plain_lines_skip_the_parser():
    from htst.render import markdown

    assert all(markdown._PLAIN_LINE.fullmatch(line) for line in ("Count =  5", "Count =  `5`", "Level is 42", "1.5 kg", "it's 50% off!"))
    assert not any(markdown._PLAIN_LINE.fullmatch(line) for line in ("1. item", "a ", "a *b*", "x:y", 'say "hi"'))


def test_random_lines_render_as_the_parser_renders_them():
    # Lines built from the characters the shortcut allows and the ones it must refuse.
    import random

    from htst.render import markdown

    rng = random.Random(7)
    # All sorts of lines, then lines most of which take the shortcut.
    for alphabet in ("aZé09 .,;?!=%+-/()'``" + "*_[]<>&~$:@\"|#\\\n\r\tw", "ab1 .`'-()\t"):
        for _ in range(4000):
            line = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
            assert render_markdown(line) == str(markdown._MD_SAFE.render(line, {"anchors": None})), repr(line)
            assert render_markdown(line, inline=True) == str(markdown._MD_SAFE.renderInline(line)), repr(line)
