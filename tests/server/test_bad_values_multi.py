"""Multi-valued and option widgets over HTTP: valid posts apply, bad ones are a plain 400.

Multiselect and range fields post one entry per value (a hidden empty entry keeps an
empty selection posted); a bad entry leaves the session exactly as it was.
"""

from __future__ import annotations

import pytest

WIDGETS = """
import datetime as dt
import htst as st

if "count" not in st.session_state:
    st.session_state.count = 0

def add():
    st.session_state.count += 1

st.button("Add", on_click=add)
m = st.multiselect("Fruits", ["apple", "pear", "fig"], ["apple"], max_selections=2, key="m")
ss = st.select_slider("Month", ["Jan", "Feb", "Mar", "Apr"], value="Feb", key="ss")
sr = st.select_slider("Months", ["Jan", "Feb", "Mar", "Apr"], value=("Feb", "Mar"), key="sr")
r = st.slider("Span", 0, 10, (2, 5), key="r")
d = st.slider("Day", dt.date(2024, 1, 1), dt.date(2024, 1, 31), dt.date(2024, 1, 10), key="d")
p = st.pills("Tag", ["x", "y"], key="p")
pm = st.pills("Tags", ["x", "y", "z"], selection_mode="multi", key="pm")
sc = st.segmented_control("Mode", ["on", "off"], default="on", key="sc")
f = st.feedback("stars", key="f")
st.write(f"state: count={st.session_state.count} m={m} ss={ss} sr={sr} r={r} d={d} p={p} pm={pm} sc={sc} f={f}")
"""

START = (
    "state: count=1 m=['apple'] ss=Feb sr=('Feb', 'Mar') r=(2, 5) d=2024-01-10 "
    "p=None pm=[] sc=on f=None"
)


@pytest.fixture
def tab(make_app, open_tab):
    tab = open_tab(make_app(WIDGETS).test_client())
    tab.click("Add")
    assert START in tab.page.text, tab.page.text
    return tab


def _assert_unchanged_and_working(tab) -> None:
    tab.post({"_htst_rerun": "1"})
    assert START in tab.page.text, tab.page.text
    tab.click("Add")
    assert START.replace("count=1", "count=2") in tab.page.text


GOOD = [
    ([("m", ""), ("m", "1"), ("m", "2")], "m=['pear', 'fig']"),
    ([("m", "")], "m=[]"),
    ([("ss", "3")], "ss=Apr"),
    ([("sr", ""), ("sr", "0"), ("sr", "3")], "sr=('Jan', 'Apr')"),
    ([("sr", "2"), ("sr", "2")], "sr=('Mar', 'Mar')"),
    ([("r", ""), ("r", "0"), ("r", "10")], "r=(0, 10)"),
    ([("d", str(__import__("datetime").date(2024, 1, 20).toordinal()))], "d=2024-01-20"),
    ([("p", ""), ("p", "1")], "p=y"),
    ([("pm", ""), ("pm", "0"), ("pm", "2")], "pm=['x', 'z']"),
    ([("sc", ""), ("sc", "1")], "sc=off"),
    ([("f", ""), ("f", "4")], "f=4"),
]


@pytest.mark.parametrize("fields, expected", GOOD, ids=[str(f) for f, _ in GOOD])
def test_valid_post_changes_the_value(tab, fields, expected):
    response = tab.post(fields)
    assert response.status_code == 200
    assert expected in tab.page.text, tab.page.text
    assert "count=1" in tab.page.text  # the button's callback did not run again


def test_valid_post_by_widget_id_answers_with_partials(tab, read_partials):
    wid = tab.wid("Fruits")
    response = tab.post([(wid, ""), (wid, "0"), (wid, "2")], htmx=True)
    assert response.status_code == 200
    sent = read_partials(response.get_data())
    html = "".join(sent.values())
    assert "m=['apple', 'fig']" in html
    assert '<option value="2" selected>fig</option>' in html
    assert len(sent) == 2  # the multiselect and the line that shows its value


BAD = [
    ([("m", "3")], "out of range"),
    ([("m", "apple")], "expected an option index"),
    ([("m", "0"), ("m", "1"), ("m", "2")], "max_selections is 2"),
    ([("ss", "4")], "out of range"),
    ([("ss", "")], "a selection is required"),
    ([("ss", "Mar")], "expected an option index"),
    ([("sr", "3"), ("sr", "1")], "reversed"),
    ([("sr", "1")], "exactly two values"),
    ([("sr", "0"), ("sr", "1"), ("sr", "2")], "exactly two values"),
    ([("sr", "0"), ("sr", "9")], "out of range"),
    ([("r", "6"), ("r", "4")], "reversed"),
    ([("r", "0"), ("r", "11")], "out of range"),
    ([("r", "-1"), ("r", "5")], "out of range"),
    ([("r", "a"), ("r", "5")], "expected a number"),
    ([("r", "1.5"), ("r", "5")], "whole number"),
    ([("d", "2024-01-20")], "expected a whole number"),
    ([("d", "1")], "out of range"),
    ([("p", "2")], "out of range"),
    ([("pm", "0"), ("pm", "7")], "out of range"),
    ([("sc", "on")], "expected an option index"),
    ([("f", "5")], "out of range"),
    ([("f", "-1")], "out of range"),
]


@pytest.mark.parametrize("fields, message", BAD, ids=[str(f) for f, _ in BAD])
@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
def test_bad_post_is_400_and_changes_nothing(tab, fields, message, htmx):
    response = tab.post(fields, htmx=htmx)
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert message in text, text
    assert "<" not in text
    _assert_unchanged_and_working(tab)


def test_a_bad_entry_next_to_a_good_one_applies_nothing(tab):
    response = tab.post([("ss", "3"), ("m", "0"), ("m", "9")])
    assert response.status_code == 400
    _assert_unchanged_and_working(tab)


def test_page_without_js_posts_back_its_own_values_as_no_change(tab):
    """What a browser without JavaScript submits (every field as drawn) changes nothing."""
    fields = [(name, value) for name, value in tab.page.form_fields if not name.startswith("_htst")]
    response = tab.post(fields, htmx=True)
    assert response.status_code == 204


def test_html_is_native_and_labelled(tab):
    html = tab.page.html
    wid = tab.wid("Fruits")
    assert f'<input type="hidden" name="{wid}" value=""><select multiple id="{wid}" name="{wid}"' in html
    assert '<option value="0" selected>apple</option>' in html
    assert tab.wid("Month") and tab.wid("Span") and tab.wid("Day")
    assert 'aria-valuetext="Feb"' in html
    assert 'aria-label="Months (end)"' in html
    assert "2024-01-10" in html
    assert "1 star" in html and "5 stars" in html
