"""Streamlit 1.67's alert parameters (success, info, warning, error: title, icon rules,
width) and st.exception's positional width."""

from __future__ import annotations

import pytest
from text_dom import main

from htst.testing.v1 import AppTest

ALERTS = ["success", "info", "warning", "error"]


def run(source: str) -> AppTest:
    return AppTest.from_string("import htst as st\n" + source).run()


# -- title ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALERTS)
def test_title_is_a_bold_line_above_the_body(tmp_path, kind):
    (el,) = main(tmp_path, f"st.{kind}('The body', title='Heads *up*')")
    content = el.children[-1]
    title, body = content.children[0], content.children[1]
    assert "htst-alert-title" in title.classes
    assert title.find("strong").text == "Heads up" and title.has("em")
    assert body.text == "The body"


def test_title_takes_only_inline_markdown(tmp_path):
    (el,) = main(tmp_path, "st.info('x', title='# Not a heading')")
    assert el.find(cls="htst-alert-title").text == "# Not a heading"
    assert not el.has("h1")


def test_no_title_by_default(tmp_path):
    (el,) = main(tmp_path, "st.warning('x')")
    assert not el.has(cls="htst-alert-title")


def test_title_is_any_value_as_text():
    at = run(
        "st.success('x', title=5)\nst.success('y', title='  indented\\n  text')\nst.success('z')"
    )
    assert [a.title for a in at.success] == ["5", "indented\ntext", None]


# -- icon -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALERTS)
def test_a_leading_emoji_becomes_the_icon(kind):
    at = run(f"st.{kind}('🚨 Boom')")
    (alert,) = getattr(at, kind)
    assert alert.icon == "🚨" and alert.value == "Boom"


@pytest.mark.parametrize(
    ("body", "icon", "rest"),
    [
        ("🚨Boom", "🚨", "Boom"),
        ("🚨 - Boom", "🚨", "Boom"),
        ("👍🏽 skin tone", "👍🏽", "skin tone"),
        ("1️⃣ keycap", "1️⃣", "keycap"),
        ("🚨: colon stays", "🚨", ": colon stays"),
        (":material/warning:   Caution\nnext", ":material/warning:", "Caution\nnext"),
        ("🚨", "🚨", ""),
    ],
)
def test_leading_icon_forms(body, icon, rest):
    at = run(f"st.error({body!r})")
    assert (at.error[0].icon, at.error[0].value) == (icon, rest)


@pytest.mark.parametrize("body", ["Plain 🚨", ":material/Not Valid: x", ":smile: hi", "no icon"])
def test_body_without_a_leading_icon_is_unchanged(body):
    at = run(f"st.info({body!r})")
    assert at.info[0].icon is None and at.info[0].value == body


def test_empty_icon_keeps_the_body_as_is_and_an_icon_wins_over_the_body():
    at = run("st.error('🚨 Boom', icon='')\nst.error('🚨 Boom', icon='✅')")
    assert (at.error[0].icon, at.error[0].value) == (None, "🚨 Boom")
    assert (at.error[1].icon, at.error[1].value) == ("✅", "🚨 Boom")


def test_icon_is_drawn_hidden_from_assistive_tech(tmp_path):
    emoji, material = main(tmp_path, "st.success('✅ Saved')\nst.info('x', icon=':material/info:')")
    icon = emoji.children[0]
    assert "htst-icon" in icon.classes and icon.text == "✅" and icon["aria-hidden"] == "true"
    assert emoji.children[-1].text == "Saved"
    symbol = material.find(cls="htst-icon")
    assert symbol.tag == "svg" and symbol["data-icon"] == "info" and symbol["aria-hidden"] == "true"
    assert symbol.find("path")["d"].startswith("M")  # the symbol itself, not a stand-in


@pytest.mark.parametrize(
    ("icon", "message"),
    [
        ("bad", 'The value "bad" is not a valid icon.'),
        (":material/x y:", "is not a valid Material icon."),
        (":material/no_such_symbol_here:", "is not a valid Material icon."),
        (3, "Invalid `icon` type. Expected one of: str, None. Provided type: int."),
    ],
)
def test_icon_errors(icon, message):
    at = run(f"st.warning('x', icon={icon!r})")
    assert message in at.exception[0].message


# -- width ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ALERTS)
def test_alert_width(tmp_path, kind):
    default, pixels = main(tmp_path, f"st.{kind}('a')\nst.{kind}('b', width=320)")
    assert default["data-width"] == "stretch"
    assert pixels["data-width"] == "px" and "--htst-w:320px" in pixels["style"]


@pytest.mark.parametrize("kind", ALERTS)
def test_alert_width_is_stretch_or_pixels(kind):
    at = run(f"st.{kind}('a', width='content')")
    assert at.exception[0].message == (
        "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."
    )


# -- st.exception(exception, width) -------------------------------------------------------


def test_exception_width_is_positional(tmp_path):
    default, pixels = main(
        tmp_path, "st.exception(ValueError('a'))\nst.exception(ValueError('b'), 300)"
    )
    assert "htst-exception" in pixels.classes
    assert default["data-width"] == "stretch"
    assert pixels["data-width"] == "px" and "--htst-w:300px" in pixels["style"]


def test_exception_width_error():
    at = run("st.exception(ValueError('a'), 'content')")
    assert at.exception[-1].message == (
        "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."
    )
