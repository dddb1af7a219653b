"""Streamlit 1.67's parameters of st.container, st.columns, st.form and st.chat_message.

Semantics through AppTest; the HTML a parameter produces through the Flask test client
(the page's first answer), read as tags and attributes.
"""

from __future__ import annotations

import json
import inspect
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

import htst
from htst.testing.v1 import AppTest

SIGNATURES = json.loads((Path(__file__).parent / "streamlit_1_67_signatures.json").read_text())["commands"]


class Tags(HTMLParser):
    """A page's start tags with their attributes, in document order."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def by_id(self, id: str) -> dict[str, str]:
        (found,) = [a for _, a in self.tags if a.get("id") == id]
        return found

    def with_class(self, name: str) -> list[dict[str, str]]:
        return [a for _, a in self.tags if name in a.get("class", "").split()]


def page(tmp_path: Path, source: str) -> Tags:
    path = tmp_path / "app.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    app = htst.create_app(path)
    app.testing = True
    response = app.test_client().get("/")
    assert response.status_code == 200
    return Tags(response.get_data(as_text=True))


def error_of(source: str) -> str:
    at = AppTest.from_string(textwrap.dedent(source)).run()
    assert len(at.exception) == 1, at.exception
    return at.exception[0].message


def ok(source: str) -> AppTest:
    at = AppTest.from_string(textwrap.dedent(source)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def styles(attrs: dict[str, str]) -> dict[str, str]:
    parts = [p.split(":", 1) for p in attrs.get("style", "").split(";") if p.strip()]
    return {k.strip(): v.strip() for k, v in parts}


# -- st.container ------------------------------------------------------------------------------
def test_container_is_vertical_by_default_and_horizontal_lays_out_a_row(tmp_path):
    tags = page(tmp_path, """
        import htst as st
        st.container().write("column")
        with st.container(horizontal=True):
            st.button("One")
            st.button("Two")
        """)
    column, row = tags.by_id("hm-0"), tags.by_id("hm-1")
    assert "htst-row" not in column["class"].split() and "htst-block" in column["class"].split()
    assert "htst-row" in row["class"].split()
    assert "data-nowrap" not in row  # a row wraps by default


def test_container_wrap_false_keeps_one_scrolling_row(tmp_path):
    tags = page(tmp_path, "import htst as st\nst.container(horizontal=True, wrap=False)")
    assert "data-nowrap" in tags.by_id("hm-0")


def test_container_wrap_false_needs_horizontal():
    assert error_of("import htst as st\nst.container(wrap=False)") == (
        "`wrap=False` and `horizontal=False` cannot be used together. A vertical container has "
        "no horizontal row of elements to keep in a single, scrolling row. Set `horizontal=True` "
        "to use `wrap=False`, or remove the `wrap` argument."
    )


@pytest.mark.parametrize(
    ("gap", "css"),
    [("xxsmall", ".25rem"), ("xsmall", ".5rem"), ("small", None), ("MEDIUM", "2rem"), ("large", "4rem"),
     ("xlarge", "6rem"), ("xxlarge", "8rem"), (None, "0"), (0, "0"), (12, "12px")],
)
def test_container_gap(tmp_path, gap, css):
    tags = page(tmp_path, f"import htst as st\nst.container(gap={gap!r}).write('x')")
    assert styles(tags.by_id("hm-0")).get("gap") == css


@pytest.mark.parametrize("gap", ["huge", True, -1, 1.5])
def test_container_bad_gap(gap):
    assert error_of(f"import htst as st\nst.container(gap={gap!r})") == (
        "Invalid `gap` value. Supported values: 'xxsmall', 'xsmall', 'small', 'medium', 'large', "
        f"'xlarge', 'xxlarge', None, a non-negative integer (pixels). Got {gap!r}."
    )


@pytest.mark.parametrize("horizontal", [False, True])
@pytest.mark.parametrize("halign", ["left", "center", "right", "distribute"])
@pytest.mark.parametrize("valign", ["top", "center", "bottom", "distribute"])
def test_container_alignments(tmp_path, horizontal, halign, valign):
    tags = page(tmp_path, f"""
        import htst as st
        st.container(horizontal={horizontal}, horizontal_alignment={halign!r}, vertical_alignment={valign!r})
        """)
    box = tags.by_id("hm-0")
    assert box.get("data-halign") == (None if halign == "left" else halign)
    assert box.get("data-valign") == (None if valign == "top" else valign)


def test_container_bad_alignments():
    assert error_of("import htst as st\nst.container(horizontal_alignment='middle')") == (
        "Invalid `horizontal_alignment` value. Supported values: 'left', 'center', 'right', "
        "'distribute'. Got 'middle'."
    )
    assert error_of("import htst as st\nst.container(vertical_alignment=None)") == (
        "Invalid `vertical_alignment` value. Supported values: 'top', 'center', 'bottom', "
        "'distribute'. Got None."
    )


def test_container_height_and_width(tmp_path):
    tags = page(tmp_path, """
        import htst as st
        st.container()
        st.container(height=250, width=300)
        st.container(height="stretch", width="content")
        """)
    default, fixed, keywords = (tags.by_id(f"hm-{i}") for i in range(3))
    assert (default["data-height"], default["data-width"]) == ("content", "stretch")
    assert (fixed["data-height"], fixed["data-width"]) == ("px", "px")
    assert styles(fixed) == {"--htst-h": "250px", "--htst-w": "300px"}
    assert (keywords["data-height"], keywords["data-width"]) == ("stretch", "content")


def test_container_height_none_is_rejected_as_in_1_67():
    assert error_of("import htst as st\nst.container(height=None)") == (
        "Invalid height value: None. Height must be either a positive integer (pixels), "
        "'stretch', or 'content'."
    )
    assert error_of("import htst as st\nst.container(width='auto')") == (
        "Invalid width value: 'auto'. Width must be either a positive integer (pixels), "
        "'stretch', or 'content'."
    )


@pytest.mark.parametrize(
    ("options", "bordered"),
    [("", False), ("height=200", True), ("border=False, height=200", False), ("border=True", True)],
)
def test_container_border_defaults_to_a_fixed_height(tmp_path, options, bordered):
    tags = page(tmp_path, f"import htst as st\nst.container({options})")
    assert ("htst-block--border" in tags.by_id("hm-0")["class"].split()) is bordered


def test_container_key_is_a_css_class(tmp_path):
    tags = page(tmp_path, """
        import htst as st
        st.container(key="toolbar")
        st.container(key="my box!")
        st.container(key="")
        """)
    assert "st-key-toolbar" in tags.by_id("hm-0")["class"].split()
    assert "st-key-my-box-" in tags.by_id("hm-1")["class"].split()
    assert not [c for c in tags.by_id("hm-2")["class"].split() if c.startswith("st-key")]


@pytest.mark.parametrize(
    "second", ["st.container(key='k')", "st.button('b', key='k')", "st.expander('e', key='k')"]
)
def test_container_keys_are_unique_among_elements(second):
    assert error_of(f"import htst as st\nst.container(key='k')\n{second}") == (
        "There are multiple elements with the same `key='k'`. To fix this, please make sure that "
        "the `key` argument is unique for each element you create."
    )


def test_a_widget_key_taken_first_also_clashes():
    message = error_of("import htst as st\nst.checkbox('c', key='k')\nst.container(key='k')")
    assert message.startswith("There are multiple elements with the same `key='k'`.")


def test_container_key_puts_nothing_in_session_state():
    at = ok("import htst as st\nst.container(key='box').write('x')")
    assert "box" not in at.session_state


@pytest.mark.parametrize(
    ("options", "chat", "scrolls"),
    [
        ("height=200", True, True),  # None: when it holds chat messages
        ("height=200", False, False),
        ("height=200, autoscroll=True", False, True),
        ("height=200, autoscroll=False", True, False),
        ("autoscroll=True", True, False),  # only a fixed height scrolls
    ],
)
def test_container_autoscroll(tmp_path, options, chat, scrolls):
    body = "st.chat_message('user').write('hi')" if chat else "st.write('hi')"
    tags = page(tmp_path, f"import htst as st\nwith st.container({options}):\n    {body}")
    box = tags.by_id("hm-0")
    # The autoscroll box is a column-reverse scroller: it starts at its end, also without JS.
    assert ("htst-autoscroll" in box["class"].split()) is scrolls


# -- st.columns --------------------------------------------------------------------------------
def test_columns_wrap(tmp_path):
    tags = page(tmp_path, "import htst as st\nst.columns(2)\nst.columns(2, wrap=False)")
    assert "data-nowrap" not in tags.by_id("hm-0")
    assert "data-nowrap" in tags.by_id("hm-1")


@pytest.mark.parametrize("wrap", [None, "x", 1])
def test_columns_wrap_must_be_a_bool(wrap):
    assert error_of(f"import htst as st\nst.columns(2, wrap={wrap!r})") == "Invalid `wrap` value. Supported values: True, False."


@pytest.mark.parametrize(("gap", "css"), [("small", None), ("xxlarge", "8rem"), ("Large", "4rem"), (None, "0"), (20, "20px")])
def test_columns_gap_between_and_inside_columns(tmp_path, gap, css):
    tags = page(tmp_path, f"import htst as st\nst.columns(2, gap={gap!r})")
    assert styles(tags.by_id("hm-0")).get("gap") == css
    assert styles(tags.by_id("hm-0-1")).get("gap") == css


def test_columns_bad_gap():
    assert error_of("import htst as st\nst.columns(2, gap='huge')").endswith("Got 'huge'.")


@pytest.mark.parametrize("align", ["top", "center", "bottom"])
def test_columns_vertical_alignment(tmp_path, align):
    tags = page(tmp_path, f"import htst as st\nst.columns(2, vertical_alignment={align!r})")
    assert tags.by_id("hm-0").get("data-valign") == (None if align == "top" else align)


def test_columns_bad_vertical_alignment():
    assert error_of("import htst as st\nst.columns(2, vertical_alignment='distribute')") == (
        "Invalid `vertical_alignment` value. Supported values: 'top', 'center', 'bottom'. Got 'distribute'."
    )


def test_columns_border_and_width(tmp_path):
    tags = page(tmp_path, "import htst as st\nst.columns(2, border=True, width=400)\nst.columns(2)")
    assert all("htst-block--border" in tags.by_id(f"hm-0-{i}")["class"].split() for i in (0, 1))
    assert "htst-block--border" not in tags.by_id("hm-1-0")["class"].split()
    assert tags.by_id("hm-0")["data-width"] == "px" and styles(tags.by_id("hm-0"))["--htst-w"] == "400px"
    assert tags.by_id("hm-1")["data-width"] == "stretch"


def test_columns_width_takes_no_content():
    assert error_of("import htst as st\nst.columns(2, width='content')") == (
        "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."
    )


def test_columns_returns_a_list():
    at = ok("import htst as st\nst.write(type(st.columns(2)).__name__)")
    assert at.markdown[0].value == "list"


# -- st.form, st.chat_message ------------------------------------------------------------------
def test_form_width_height_and_border(tmp_path):
    tags = page(tmp_path, """
        import htst as st
        with st.form("a"):
            st.form_submit_button()
        with st.form("b", border=False, width=320, height=200):
            st.form_submit_button()
        with st.form("c", width="content", height="stretch"):
            st.form_submit_button()
        """)
    a, b, c = (tags.by_id(f"hm-{i}") for i in range(3))
    assert "htst-block--border" in a["class"].split() and (a["data-width"], a["data-height"]) == ("stretch", "content")
    assert "htst-block--border" not in b["class"].split()
    assert styles(b) == {"--htst-w": "320px", "--htst-h": "200px"}
    assert (c["data-width"], c["data-height"]) == ("content", "stretch")


def test_form_bad_sizes():
    assert error_of("import htst as st\nst.form('f', width='x')").startswith("Invalid width value: 'x'.")
    assert error_of("import htst as st\nst.form('f', height=None)").startswith("Invalid height value: None.")


def test_chat_message_width(tmp_path):
    tags = page(tmp_path, """
        import htst as st
        st.chat_message("user").write("a")
        st.chat_message("user", width="content").write("b")
        st.chat_message("user", width=250).write("c")
        """)
    assert [tags.by_id(f"hm-{i}")["data-width"] for i in range(3)] == ["stretch", "content", "px"]
    assert styles(tags.by_id("hm-2")) == {"--htst-w": "250px"}
    assert error_of("import htst as st\nst.chat_message('a', width='x')").startswith("Invalid width value: 'x'.")
