"""st.grid (a CSS grid of cells), st.pagination (a page number) and st.menu_button (an
option for one run): AppTest semantics, the HTML they draw, and posts without JS."""

from __future__ import annotations

import re

import pytest

from htst.testing.v1 import AppTest



def run(source: str) -> AppTest:
    at = AppTest.from_string("import htst as st\n" + source).run()
    assert not at.exception, at.exception[0].message if at.exception else ""
    return at


def error_of(source: str) -> str:
    at = AppTest.from_string("import htst as st\n" + source).run()
    assert at.exception
    return at.exception[0].message


# -- grid ---------------------------------------------------------------------------
def test_direct_children_are_cells_and_cell_groups_and_spans(make_app, open_tab):
    source = """
import htst as st
g = st.grid(3, border=True, gap=("small", 20), vertical_alignment="center", key="cards")
g.metric("A", 1)
g.metric("B", 2)
with g.cell(column_span="all"):
    st.markdown("wide one")
    st.markdown("and its second line")
with g.cell(column_span=2, row_span=2):
    st.markdown("tall")
"""
    html = open_tab(make_app(source).test_client()).response.get_data(as_text=True)
    grid = re.search(r'<div class="htst-block htst-grid" style="([^"]*)"([^>]*)>', html)
    style, attrs = grid.groups()
    assert "grid-template-columns:repeat(auto-fill,minmax(max(min(100%,200px),calc((100% - 2 * 20px) / 3)),1fr))" in style
    assert "row-gap:1rem;column-gap:20px" in style
    assert "data-border" in attrs and 'data-valign="center"' in attrs
    assert "st-key-cards" in html
    assert html.count('class="htst-block htst-grid-cell"') == 2
    assert 'style="grid-column:1/-1;"' in html and "grid-column:span 2;grid-row:span 2;" in html
    at = AppTest.from_string(source).run()
    assert [m.value for m in at.markdown] == ["wide one", "and its second line", "tall"]


def test_grid_options_become_css():
    at = run("st.grid(4, wrap=False, min_column_width=150, row_height=120, dense=True).write('x')")
    props = at.get("grid")[0]._node.props
    assert (props["columns"], props["wrap"], props["min_width"], props["row_height"], props["dense"]) == (4, False, 150, 120, True)


@pytest.mark.parametrize(
    "call, message",
    [
        ("st.grid(25)", "Invalid `columns` value"),
        ("st.grid(wrap=False)", "`wrap=False` needs a column count"),
        ("st.grid(2).cell(column_span=3)", "can't exceed the grid's 2 columns"),
        ("st.grid(2).cell(row_span=0)", "Invalid `row_span`"),
        ("st.grid(gap='huge')", "Invalid `gap` value"),
        ("st.grid(row_height='tall')", "Invalid `row_height`"),
    ],
)
def test_bad_grid_arguments_are_refused(call, message):
    assert message in error_of(call)


# -- pagination ---------------------------------------------------------------------
def test_pagination_returns_the_page_and_keeps_it():
    at = run("page = st.pagination(10, default=3, key='p')\nst.text(page)")
    assert at.text[0].value == "3"
    at.get("pagination")[0].set_value(7).run()
    assert at.text[0].value == "7" and at.session_state["p"] == 7
    at.run()
    assert at.text[0].value == "7"


def test_pagination_shows_first_last_and_a_window():
    from htst.elements.pagination import visible_pages

    assert visible_pages(1, 5, 7) == (1, 2, 3, 4, 5)
    assert visible_pages(10, 20, 7) == (1, None, 8, 9, 10, 11, 12, None, 20)
    assert visible_pages(1, 20, 7) == (1, 2, 3, 4, 5, 6, None, 20)
    assert visible_pages(20, 20, 7) == (1, None, 15, 16, 17, 18, 19, 20)
    assert visible_pages(4, 20, 0) == ()
    assert visible_pages(4, 30, None) == tuple(range(1, 31))


def test_pagination_posts_without_javascript_and_refuses_bad_pages(make_app, open_tab):
    tab = open_tab(make_app("import htst as st\nst.text(f'on page {st.pagination(5)}')").test_client())
    html = tab.response.get_data(as_text=True)
    wid = re.search(r'<nav [^>]*class="htst-element htst-widget htst-pagination"[^>]*><input type="hidden" name="(\w+)" value="1">', html).group(1)
    assert '<button type="submit" name="%s" value="0" aria-label="Previous page" disabled>' % wid in html
    assert 'value="1" aria-current="page"' in html
    # A browser without JS posts the hidden field, then the clicked button's value.
    page = tab.post([(wid, "1"), (wid, "4")]).get_data(as_text=True)
    assert "on page 4" in page and 'value="4" aria-current="page"' in page
    bad = tab.post({wid: "9"}, htmx=True)
    assert bad.status_code == 400 and b"out of range" in bad.data


@pytest.mark.parametrize(
    "call, message",
    [("st.pagination(0)", "at least 1"), ("st.pagination(3, default=4)", "between 1 and"), ("st.pagination(3, max_visible_pages=-1)", "non-negative")],
)
def test_bad_pagination_arguments(call, message):
    assert message in error_of(call)


# -- menu_button --------------------------------------------------------------------
def test_menu_button_returns_the_pick_for_one_run_and_calls_back():
    at = run(
        "def picked():\n    st.session_state.log = st.session_state.get('log', []) + [st.session_state.m]\n"
        "choice = st.menu_button('Export', ['CSV', 'JSON'], key='m', on_click=picked)\n"
        "st.text(repr(choice))\nst.text(repr(st.session_state.get('log')))"
    )
    assert at.text[0].value == "None"
    at.get("menu_button")[0].set_value("JSON").run()
    assert [t.value for t in at.text] == ["'JSON'", "['JSON']"]
    at.run()
    assert at.text[0].value == "None"


def test_menu_button_posts_without_javascript(make_app, open_tab):
    tab = open_tab(make_app("import htst as st\nst.text(f'got {st.menu_button(\"Go\", [\"a\", \"b\"], format_func=str.upper)}')").test_client())
    html = tab.response.get_data(as_text=True)
    assert '<summary class="htst-button htst-button--secondary"' in html
    wid = re.search(r'<button type="submit" role="menuitem" name="(\w+)" value="1">B</button>', html).group(1)
    assert "got b" in tab.post([(wid, ""), (wid, "1")]).get_data(as_text=True)
    assert "got None" in tab.post({}).get_data(as_text=True)


def test_menu_button_refuses_session_state_and_forms():
    assert "cannot be set using st.session_state" in error_of("st.session_state.m = 'a'\nst.menu_button('Go', ['a'], key='m')")
    assert "can't be used in an `st.form()`" in error_of("with st.form('f'):\n    st.menu_button('Go', ['a'])\n    st.form_submit_button()")
