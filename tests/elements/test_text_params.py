"""Streamlit 1.67's text parameters, as htst draws them: headings' icon, anchors,
text_alignment, wrap and width; markdown, caption and text; code, LaTeX, divider, JSON."""

from __future__ import annotations

import pytest
from text_dom import main

from htst.testing.v1 import AppTest


def error_of(source: str) -> str:
    at = AppTest.from_string("import htst as st\n" + source).run()
    assert at.exception, f"{source!r} raised nothing"
    return at.exception[0].message


def heading(el):
    """The <h1>/<h2>/<h3> inside a heading element."""
    return el.children[0]


# -- headings: icon ----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["title", "header", "subheader"])
def test_heading_icon_is_drawn_first_and_hidden_from_assistive_tech(tmp_path, command):
    (el,) = main(tmp_path, f"st.{command}('Sales', icon='📈')")
    first = heading(el).children[0]
    assert first.tag == "span" and "htst-icon" in first.classes
    assert first.text == "📈" and first["aria-hidden"] == "true"
    assert heading(el).find(cls="htst-heading-text").text == "Sales"


def test_heading_material_icon_and_no_icon(tmp_path):
    with_material, empty, default = main(
        tmp_path,
        "st.header('A', icon=':material/thumb_up:')\nst.header('B', icon='')\nst.header('C')",
    )
    assert with_material.find(cls="htst-icon")["data-icon"] == "thumb_up"
    assert not empty.has(cls="htst-icon")
    assert not default.has(cls="htst-icon")


def test_heading_icon_does_not_change_its_anchor(tmp_path):
    plain, with_icon = main(
        tmp_path, "st.header('Sales report')\nst.header('Sales report', icon='📈')"
    )
    assert heading(plain)["id"] == heading(with_icon)["id"] == "sales-report"


@pytest.mark.parametrize(
    ("icon", "message"),
    [
        (
            "bad",
            'The value "bad" is not a valid icon. Please use a single emoji or a Material icon shortcode like `:material\u200b/thumb_up:`.',
        ),
        (":smile:", "Emoji shortcodes are not supported."),
        (":material/Not Valid:", "is not a valid Material icon."),
        ("🚨🚨", 'The value "🚨🚨" is not a valid emoji. Please use a single emoji.'),
        ("https://x.org/a.png", "looks like a URL. Images are not supported for `icon`."),
        (5, "Invalid `icon` type. Expected one of: str, None. Provided type: int."),
    ],
)
def test_heading_icon_errors(icon, message):
    assert message in error_of(f"st.title('x', icon={icon!r})")


# -- headings: anchors -------------------------------------------------------------------


def test_heading_gets_an_id_from_its_text_and_a_link_to_it(tmp_path):
    (el,) = main(tmp_path, "st.title('My **First** App')")
    h1 = heading(el)
    assert h1.tag == "h1" and h1["id"] == "my-first-app"
    link = h1.find("a", "htst-anchor")
    assert link["href"] == "#my-first-app" and link["aria-label"] == "Link to heading"


def test_heading_anchor_string_and_false(tmp_path):
    custom, hidden = main(
        tmp_path, "st.header('Intro', anchor='start')\nst.header('Intro', anchor=False)"
    )
    assert heading(custom)["id"] == "start"
    assert custom.find("a", "htst-anchor")["href"] == "#start"
    # anchor=False: still reachable by its id, but no link is drawn.
    assert heading(hidden)["id"] == "intro"
    assert not hidden.has("a", "htst-anchor")


def test_heading_ids_never_take_htst_own_ids(tmp_path):
    node, page, widget = main(
        tmp_path, "st.header('HM 0')\nst.header('htst form')\nst.header('w0123456789abcd')"
    )
    assert [heading(el)["id"] for el in (node, page, widget)] == [
        "heading-hm-0",
        "heading-htst-form",
        "heading-w0123456789abcd",
    ]


def test_heading_anchor_errors():
    assert (
        error_of("st.title('x', anchor=True)")
        == "Invalid `anchor` value. Supported values: None, False, any string."
    )
    assert error_of("st.title('x', anchor=5)") == (
        "Invalid `anchor` type. Expected one of: str, None, False. Provided type: int."
    )


# -- text_alignment (headings, markdown, caption, text) ----------------------------------


ALIGNED = ["title", "header", "subheader", "markdown", "caption", "text"]


@pytest.mark.parametrize("command", ALIGNED)
@pytest.mark.parametrize("alignment", ["center", "right", "justify"])
def test_text_alignment_is_set_on_the_element(tmp_path, command, alignment):
    (el,) = main(tmp_path, f"st.{command}('Hello', text_alignment={alignment!r})")
    assert el["data-text-align"] == alignment


@pytest.mark.parametrize("command", ALIGNED)
def test_text_alignment_left_none_and_default_draw_nothing(tmp_path, command):
    els = main(
        tmp_path,
        f"st.{command}('a')\nst.{command}('b', text_alignment='left')\nst.{command}('c', text_alignment=None)",
    )
    assert [el.get("data-text-align") for el in els] == [None, None, None]


@pytest.mark.parametrize("command", ALIGNED)
def test_text_alignment_error(command):
    assert error_of(f"st.{command}('x', text_alignment='middle')") == (
        "Invalid `text_alignment` value. Supported values: 'left', 'center', 'right', 'justify'."
    )


# -- wrap -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ALIGNED)
def test_wrap_true_is_the_default(tmp_path, command):
    default, true = main(tmp_path, f"st.{command}('a')\nst.{command}('b', wrap=True)")
    assert "data-nowrap" not in default and "data-nowrap" not in true


@pytest.mark.parametrize("command", ALIGNED)
@pytest.mark.parametrize("value", [None, 1, "no"])
def test_wrap_must_be_a_bool(command, value):
    assert (
        error_of(f"st.{command}('x', wrap={value!r})")
        == "Invalid `wrap` value. Supported values: True, False."
    )


def test_heading_on_one_line_keeps_its_first_line_and_shows_all_on_hover(tmp_path):
    (el,) = main(tmp_path, "st.header('First line\\nsecond line', wrap=False, help='tip')")
    assert "data-nowrap" in el
    text = el.find(cls="htst-heading-text")
    assert text.text == "First line"
    assert text["title"] == "First line\nsecond line"
    # The link and the help stay.
    assert el.has("a", "htst-anchor") and el.has(cls="htst-help")


@pytest.mark.parametrize("command", ["markdown", "caption"])
def test_markdown_on_one_line_renders_inline_markdown_only(tmp_path, command):
    (el,) = main(tmp_path, f"st.{command}('# Not a *heading*', wrap=False)")
    assert "data-nowrap" in el
    (line,) = el.children[:1]
    assert line.tag == "p" and line.text == "# Not a heading"
    assert line.has("em") and not el.has("h1")
    assert line["title"] == "# Not a *heading*"


@pytest.mark.parametrize("command", ["markdown", "caption"])
def test_one_line_markdown_cannot_hold_raw_html(command):
    assert error_of(f"st.{command}('<b>x</b>', unsafe_allow_html=True, wrap=False)") == (
        "`wrap=False` and `unsafe_allow_html=True` cannot be used together. One-line markdown "
        "cannot ellipsize raw HTML. Pass `wrap=True` to render HTML, or omit `unsafe_allow_html` "
        "to truncate."
    )


def test_text_on_one_line_shows_newlines_as_spaces(tmp_path):
    (el,) = main(tmp_path, "st.text('a\\nb  c', wrap=False)")
    assert "data-nowrap" in el
    assert el.parts[0] == "a b  c"
    assert el["title"] == "a\nb  c"


# -- width ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["title", "header", "subheader", "caption", "latex"])
def test_width_of_text_elements(tmp_path, command):
    default, content, pixels = main(
        tmp_path,
        f"st.{command}('x')\nst.{command}('x', width='content')\nst.{command}('x', width=240)",
    )
    assert default["data-width"] == "stretch"
    assert content["data-width"] == "content"
    assert pixels["data-width"] == "px" and "--htst-w:240px" in pixels["style"]


def test_markdown_width_defaults_to_auto(tmp_path):
    default, stretch, pixels = main(
        tmp_path, "st.markdown('x')\nst.markdown('x', width='stretch')\nst.markdown('x', width=300)"
    )
    assert default["data-width"] == "auto"
    assert stretch["data-width"] == "stretch"
    assert pixels["data-width"] == "px" and "--htst-w:300px" in pixels["style"]


def test_text_width_defaults_to_content(tmp_path):
    default, stretch = main(tmp_path, "st.text('x')\nst.text('x', width='stretch')")
    assert default["data-width"] == "content"
    assert stretch["data-width"] == "stretch"


@pytest.mark.parametrize(
    "command", ["title", "markdown", "caption", "text", "code", "latex", "html"]
)
def test_width_errors(command):
    message = error_of(f"st.{command}('x', width='wide')")
    assert message.startswith(
        "Invalid width value: 'wide'. Width must be either a positive integer (pixels), 'stretch'"
    )
    assert error_of(f"st.{command}('x', width=0)") == (  # as Streamlit 1.67 words it
        "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'."
    )


@pytest.mark.parametrize("command", ["divider()", "json({})"])
def test_divider_and_json_width_is_stretch_or_pixels(tmp_path, command):
    default, pixels = main(
        tmp_path,
        f"st.{command}\nst.{command[:-1]}{', ' if command != 'divider()' else ''}width=200)",
    )
    assert default["data-width"] == "stretch"
    assert pixels["data-width"] == "px" and "--htst-w:200px" in pixels["style"]
    call = command[:-1] + (", " if command != "divider()" else "") + "width='content')"
    assert error_of(f"st.{call}") == (
        "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."
    )


# -- markdown anchors -------------------------------------------------------------------


def test_markdown_headings_get_ids_and_links(tmp_path):
    (el,) = main(tmp_path, "st.markdown('# Getting started\\n\\n## Install *it*')")
    h1, h2 = el.find("h1"), el.find("h2")
    assert h1["id"] == "getting-started" and h2["id"] == "install-it"
    assert h1.find("a", "htst-anchor")["href"] == "#getting-started"
    assert h2.find("a", "htst-anchor")["href"] == "#install-it"


def test_markdown_anchors_false_keeps_the_ids_without_links(tmp_path):
    (el,) = main(tmp_path, "st.markdown('# Getting started', anchors=False)")
    assert el.find("h1")["id"] == "getting-started"
    assert not el.has("a", "htst-anchor")


def test_markdown_anchors_takes_any_truthy_value(tmp_path):
    (el,) = main(tmp_path, "st.markdown('# Hi', anchors='no')")
    assert el.find("h1").has("a", "htst-anchor")


def test_headings_in_other_markdown_get_no_anchor(tmp_path):
    (el,) = main(tmp_path, "st.info('# Note')")
    assert "id" not in el.find("h1") and not el.has("a", "htst-anchor")


# -- code height ------------------------------------------------------------------------


def test_code_height(tmp_path):
    default, none, stretch, pixels = main(
        tmp_path,
        "st.code('x')\nst.code('x', height=None)\nst.code('x', height='stretch')\nst.code('x', height=120)",
    )
    assert default["data-height"] == "content" and none["data-height"] == "content"
    assert stretch["data-height"] == "stretch"
    assert pixels["data-height"] == "px" and "--htst-h:120px" in pixels["style"]
    assert pixels.find("pre").has("code")


def test_code_height_error():
    assert error_of("st.code('x', height='auto')") == (
        "Invalid height value: 'auto'. Height must be either a positive integer (pixels), 'stretch', or 'content'."
    )


def test_code_width(tmp_path):
    default, pixels = main(tmp_path, "st.code('x')\nst.code('x', width=200)")
    assert default["data-width"] == "stretch"
    assert pixels["data-width"] == "px" and "--htst-w:200px" in pixels["style"]


def test_text_values_are_unchanged_for_apptest():
    at = AppTest.from_string(
        "import htst as st\nst.title('T', icon='📈', wrap=False)\nst.markdown('# M', anchors=False)\n"
        "st.text('a\\nb', wrap=False)"
    ).run()
    assert at.title[0].value == "T" and at.title[0].icon == "📈"
    assert at.markdown[0].value == "# M"
    assert at.text[0].value == "a\nb"
