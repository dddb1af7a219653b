"""Dates, times, colours and long texts over HTTP: good posts apply, bad ones are a 400."""

from __future__ import annotations

import pytest

APP = """
import datetime
import htst as st

d = st.date_input("Day", datetime.date(2020, 1, 15),
                  min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2020, 12, 31))
r = st.date_input("Trip", (datetime.date(2020, 3, 1), datetime.date(2020, 3, 5)),
                  min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2020, 12, 31))
t = st.time_input("At", datetime.time(8, 45))
s = st.time_input("Precise", datetime.time(8, 45, 30), step=30)
c = st.color_picker("Paint", "#FFFFFF")
a = st.text_area("Notes", "one", max_chars=10)
st.write(f"state: d={d} r={'/'.join(map(str, r))} t={t} s={s} c={c} a={a!r}")
"""

START = "state: d=2020-01-15 r=2020-03-01/2020-03-05 t=08:45:00 s=08:45:30 c=#FFFFFF a='one'"


@pytest.fixture
def tab(make_app, open_tab):
    tab = open_tab(make_app(APP).test_client())
    assert START in tab.page.text, tab.page.text
    return tab


def test_the_page_draws_native_fields(tab):
    html = tab.page.html
    day, trip, at, paint, notes = (tab.wid(label) for label in ("Day", "Trip", "At", "Paint", "Notes"))
    assert f'<input type="date" id="{day}" name="{day}" class="htst-input" value="2020-01-15" min="2020-01-01" max="2020-12-31">' in html
    assert html.count(f'name="{trip}"') == 3  # the hidden empty entry and two dates
    assert f'<input type="hidden" name="{trip}" value="">' in html
    assert f'value="08:45" step="900"' in html
    assert f'<input type="color" id="{paint}" name="{paint}" class="htst-color" value="#ffffff">' in html
    assert f'<textarea id="{notes}" name="{notes}" class="htst-input htst-textarea" rows="3" maxlength="10">' in html
    # Posting the page back untouched changes nothing: every field holds what was drawn.
    fields = tab.page.form_fields
    assert (paint, "#ffffff") in fields and (at, "08:45") in fields


CALLBACKS = """
import datetime
import htst as st

st.session_state.setdefault("calls", [])
log = st.session_state.calls.append
st.date_input("Day", datetime.date(2020, 1, 15), on_change=log, args=("day",))
st.date_input("Trip", (datetime.date(2020, 3, 1), datetime.date(2020, 3, 5)), on_change=log, args=("trip",))
st.time_input("At", datetime.time(8, 45), on_change=log, args=("at",))
st.color_picker("Paint", "#FFFFFF", on_change=log, args=("paint",))
st.text_area("Notes", "one\\ntwo", on_change=log, args=("notes",))
st.write("calls:", ",".join(st.session_state.calls) or "none")
"""


def test_untouched_no_js_post_changes_nothing(make_app, open_tab):
    """What a browser without JavaScript posts back for an untouched page is no change."""
    tab = open_tab(make_app(CALLBACKS).test_client())
    assert "calls: none" in tab.page.text
    # A browser posts a textarea's line breaks as CRLF (PageInfo does not collect textareas).
    fields = [*tab.page.form_fields, (tab.wid("Notes"), "one\r\ntwo")]
    assert response_ok(tab.post(fields))
    assert "calls: none" in tab.page.text
    fields = [*tab.page.form_fields, (tab.wid("Notes"), "one\r\ntwo!")]
    assert response_ok(tab.post(fields))
    assert "calls: notes" in tab.page.text


def response_ok(response) -> bool:
    return response.status_code == 200


def test_valid_posts_change_values(tab):
    response = tab.post({
        tab.wid("Day"): "2020-12-31",
        tab.wid("At"): "17:05",
        tab.wid("Precise"): "17:05:07",
        tab.wid("Paint"): "#00ff7f",
        tab.wid("Notes"): "a\r\nb",
    })
    assert response.status_code == 200
    assert "state: d=2020-12-31 r=2020-03-01/2020-03-05 t=17:05:00 s=17:05:07 c=#00ff7f a='a\\nb'" in tab.page.text


def test_a_range_posts_its_dates_as_one_multi_valued_field(tab, read_partials):
    trip = tab.wid("Trip")
    response = tab.post([(trip, ""), (trip, "2020-06-09"), (trip, "2020-06-01")], htmx=True)
    assert response.status_code == 200
    text = " ".join(read_partials(response.data).values())
    assert "r=2020-06-01/2020-06-09" in text
    # Both dates cleared: only the hidden entry arrives, and the range is empty.
    tab.post([(trip, ""), (trip, ""), (trip, "")])
    assert "r= t=" in tab.page.text
    # One date: a one-date range.
    tab.post([(trip, ""), (trip, "2020-02-02"), (trip, "")])
    assert "r=2020-02-02 t=" in tab.page.text


def test_time_with_minute_step_drops_seconds(tab):
    tab.post({tab.wid("At"): "09:10:59"})
    assert "t=09:10:00" in tab.page.text


def test_fields_can_be_named_by_key(make_app, open_tab):
    app = make_app("""
        import htst as st
        st.write(repr((st.date_input("D", None, key="day"), st.color_picker("C", key="hue"))))
    """)
    tab = open_tab(app.test_client())
    tab.post({"day": "2024-02-29", "hue": "#ABC"})
    assert "(datetime.date(2024, 2, 29), '#aabbcc')" in tab.page.text
    tab.post({"day": ""})  # value=None: the field may be cleared
    assert "(None, '#aabbcc')" in tab.page.text


BAD_VALUES = [
    ("Day", "2020-13-01", "not a calendar date"),
    ("Day", "2020-02-30", "not a calendar date"),
    ("Day", "15/01/2020", "expected a date as YYYY-MM-DD"),
    ("Day", "20200115", "expected a date as YYYY-MM-DD"),
    ("Day", "yesterday", "expected a date as YYYY-MM-DD"),
    ("Day", "2019-12-31", "out of range [2020-01-01, 2020-12-31]"),
    ("Day", "2021-01-01", "out of range"),
    ("Day", "", "a date is required"),
    ("Trip", "2021-01-01", "out of range"),
    ("Trip", "March", "expected a date"),
    ("At", "25:00", "not a time of day"),
    ("At", "8:45", "expected a time as HH:MM"),
    ("At", "noon", "expected a time as HH:MM"),
    ("At", "08:45+01:00", "expected a time as HH:MM"),
    ("At", "", "a time is required"),
    ("Paint", "red", "expected a color as #rrggbb"),
    ("Paint", "#12345", "expected a color"),
    ("Paint", "ffffff", "expected a color"),
    ("Paint", "#gggggg", "expected a color"),
    ("Notes", "x" * 11, "max_chars=10"),
    ("Notes", "12345\r\n67890", "max_chars=10"),
]


@pytest.mark.parametrize(
    "label, raw, message", BAD_VALUES, ids=[f"{lbl}={raw[:12]!r}" for lbl, raw, _ in BAD_VALUES]
)
@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
def test_bad_value_is_400_and_leaves_the_session_unchanged(tab, label, raw, message, htmx):
    good = {tab.wid("Notes"): "changed"}  # a valid change in the same post must not apply either
    response = tab.post({**good, tab.wid(label): raw}, htmx=htmx)
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert message in text
    assert "<" not in text
    tab.post({"_htst_rerun": "1"})
    assert START in tab.page.text, tab.page.text


def test_too_many_dates_in_a_range_is_400(tab):
    trip = tab.wid("Trip")
    response = tab.post([(trip, "2020-06-01"), (trip, "2020-06-02"), (trip, "2020-06-03")])
    assert response.status_code == 400
    assert "at most two dates" in response.get_data(as_text=True)
    tab.post({"_htst_rerun": "1"})
    assert START in tab.page.text
