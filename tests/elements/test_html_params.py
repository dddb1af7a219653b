"""st.html's Streamlit 1.67 parameters: `unsafe_allow_javascript` (scripts are removed on
the server unless it is True) and `width`; HTML made only of styles takes no space."""

from __future__ import annotations

import pytest
from text_dom import main

from htst.render.sanitize import clean_html, is_style_only
from htst.testing.v1 import AppTest


def test_scripts_are_removed_by_default(tmp_path):
    (el,) = main(tmp_path, "st.html('<p>Hi</p><script>document.title = \"ran\"</script>')")
    assert not el.has("script")
    assert el.find("p").text == "Hi"


def test_unsafe_allow_javascript_keeps_the_scripts(tmp_path):
    (el,) = main(
        tmp_path,
        "st.html('<p>Hi</p><script>document.title = \"ran\"</script>', unsafe_allow_javascript=True)",
    )
    assert el.find("script").text == 'document.title = "ran"'


def test_event_handlers_are_removed_even_with_javascript_allowed(tmp_path):
    default, allowed = main(
        tmp_path,
        'st.html(\'<img src="a.png" onerror="x()">\')\n'
        'st.html(\'<img src="a.png" onerror="x()">\', unsafe_allow_javascript=True)',
    )
    for el in (default, allowed):
        img = el.find("img")
        assert img["src"] == "a.png" and "onerror" not in img


def test_the_body_value_stays_as_written_for_apptest():
    at = AppTest.from_string("import htst as st\nst.html('<b onclick=\"x()\">b</b>')").run()
    assert at.html[0].value == '<b onclick="x()">b</b>'


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<b>bold</b> &amp; <i>it</i>", "<b>bold</b> &amp; <i>it</i>"),
        ("<script>alert(1)</script>after", "after"),
        ("<SCRIPT SRC=//x.js></SCRIPT>after", "after"),
        ('<a href=" java&#x09;script:alert(1)">x</a>', "<a>x</a>"),
        (
            '<a href="https://streamlit.io" target="_blank">x</a>',
            '<a href="https://streamlit.io" target="_blank">x</a>',
        ),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "<a>x</a>"),
        ('<img src="data:image/png;base64,AAAA">', '<img src="data:image/png;base64,AAAA">'),
        ('<iframe srcdoc="<script>alert(1)</script>"></iframe>ok', "ok"),
        ('<object data="x.swf"><embed src="x"></object>ok', "ok"),
        (
            '<svg><animate attributeName="href" values="x;javascript:alert(1)"/></svg>',
            '<svg><animate attributename="href"></animate></svg>',
        ),
        ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>ok', "ok"),
        ("<!-- </noscript><img src=x onerror=alert(1)> -->ok", "ok"),
        (
            "<svg><style><img src=x onerror=alert(1)></style></svg>",
            "<svg><style>\\3c img src=x onerror=alert(1)></style></svg>",
        ),
        ("<style>p > b { color: red }</style>", "<style>p > b { color: red }</style>"),
        ('<base href="https://evil.example/"><meta http-equiv="refresh" content="0">ok', "ok"),
        ("<p title='\"&gt;<script>'>q</p>", '<p title="&quot;&gt;&lt;script&gt;">q</p>'),
    ],
)
def test_what_the_sanitiser_keeps_and_removes(dirty, clean):
    assert clean_html(dirty) == clean


def test_the_html_cannot_close_or_nest_htst_own_elements():
    # A stray end tag closes nothing the body did not open; an unclosed element is closed;
    # a <form> inside htst's form would end it, so its tags go and its fields stay.
    assert clean_html("</div></form>after") == "after"
    assert clean_html("<div><span>open") == "<div><span>open</span></div>"
    assert clean_html('<form action="/x"><input name="q"></form>') == '<input name="q">'


def test_scripts_allowed_keep_their_text_and_loading_attributes():
    assert clean_html('<script src="a.js" defer onload="x()"></script>', scripts=True) == (
        '<script src="a.js" defer></script>'
    )
    assert clean_html("<script>if (a < b) { s = '</p>' }</script>", scripts=True) == (
        "<script>if (a < b) { s = '<\\/p>' }</script>"
    )


def test_style_only_html_takes_no_space(tmp_path):
    styles, mixed = main(
        tmp_path,
        "st.html('<style>.x { color: red }</style> <!-- note -->')\nst.html('<style>.x{}</style><p>x</p>')",
    )
    assert "hidden" in styles and styles.has("style")
    assert "hidden" not in mixed
    assert (
        is_style_only("<style>a{}</style>") and not is_style_only("") and not is_style_only("text")
    )


def test_html_width(tmp_path):
    default, content, pixels = main(
        tmp_path,
        "st.html('<p>a</p>')\nst.html('<p>b</p>', width='content')\nst.html('<p>c</p>', width=150)",
    )
    assert default["data-width"] == "stretch"
    assert content["data-width"] == "content"
    assert pixels["data-width"] == "px" and "--htst-w:150px" in pixels["style"]


def test_allowed_scripts_get_ids_that_change_with_the_html(tmp_path):
    # The page morphs answers into its nodes by id: a changed body must bring new script
    # nodes (which the browser runs), not reuse the old ones (which it would not run again).
    first, second, same = main(
        tmp_path,
        "for text in ('a', 'b', 'a'):\n"
        "    st.html(f'<p>{text}</p><script>x()</script>', unsafe_allow_javascript=True)",
    )
    ids = [el.find("script")["id"] for el in (first, second, same)]
    assert ids[0].startswith(first["id"] + "-js") and ids[1].startswith(second["id"] + "-js")
    assert ids[0].removeprefix(first["id"]) != ids[1].removeprefix(second["id"])
    assert ids[0].removeprefix(first["id"]) == ids[2].removeprefix(same["id"])
