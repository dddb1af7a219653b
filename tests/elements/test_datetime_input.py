"""st.datetime_input: a date and a time in one field (Streamlit 1.67's parameters and rules)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import htst
from htst.testing.v1 import AppTest


def _run(call: str) -> AppTest:
    return AppTest.from_string(f"""
import datetime as dt
import htst as st
v = {call}
st.write(repr(v))
""").run()


def _value(at: AppTest):
    assert not at.exception, at.exception[0].value
    return at.datetime_input[0].value


def test_now_is_the_current_time_to_the_minute():
    before = dt.datetime.now().replace(second=0, microsecond=0)
    value = _value(_run('st.datetime_input("When")'))
    after = dt.datetime.now().replace(second=0, microsecond=0)
    assert before <= value <= after
    assert (value.second, value.microsecond, value.tzinfo) == (0, 0, None)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("dt.datetime(2025, 1, 2, 3, 4, 59, 7)", dt.datetime(2025, 1, 2, 3, 4)),
        # tzinfo is dropped, not converted: the wall-clock time stays.
        ("dt.datetime(2025, 1, 2, 3, 4, tzinfo=dt.timezone(dt.timedelta(hours=5)))", dt.datetime(2025, 1, 2, 3, 4)),
        ("dt.date(2025, 1, 2)", dt.datetime(2025, 1, 2, 0, 0)),
        ('"2025-01-02T03:04:05"', dt.datetime(2025, 1, 2, 3, 4)),
        ('" 2025-01-02 03:04 "', dt.datetime(2025, 1, 2, 3, 4)),
        ('"2025/01/02 03:04"', dt.datetime(2025, 1, 2, 3, 4)),
        ('"2025-01-02"', dt.datetime(2025, 1, 2, 0, 0)),
        ("None", None),
    ],
)
def test_value_types(given, expected):
    assert _value(_run(f'st.datetime_input("When", {given})')) == expected


def test_a_time_alone_is_today_at_that_time():
    value = _value(_run('st.datetime_input("When", dt.time(7, 30))'))
    assert value == dt.datetime.combine(dt.date.today(), dt.time(7, 30))


def test_bounds_default_to_ten_years_around_the_value():
    at = _run('st.datetime_input("When", dt.datetime(2020, 2, 29, 12, 0))')
    props = at.datetime_input[0].props
    assert (props["min"], props["max"]) == ("2010-02-28T00:00", "2030-02-28T23:59")


def test_a_date_bound_is_the_whole_day():
    at = _run('st.datetime_input("When", dt.datetime(2025, 1, 2, 12), dt.date(2025, 1, 1), dt.date(2025, 1, 3))')
    props = at.datetime_input[0].props
    assert (props["min"], props["max"]) == ("2025-01-01T00:00", "2025-01-03T23:59")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.datetime_input("x", dt.datetime(2025, 1, 2), dt.datetime(2025, 1, 3), dt.datetime(2025, 1, 2))',
         "The `min_value`, set to 2025-01-03 00:00:00, cannot be greater than the `max_value`, set to 2025-01-02 00:00:00."),
        ('st.datetime_input("x", dt.datetime(2025, 1, 2, 3, 4), dt.datetime(2025, 1, 3))',
         "The `value` 2025-01-02 03:04:00 is less than the `min_value` 2025-01-03 00:00:00."),
        ('st.datetime_input("x", dt.datetime(2025, 1, 4), None, dt.datetime(2025, 1, 3))',
         "The `value` 2025-01-04 00:00:00 is greater than the `max_value` 2025-01-03 00:00:00."),
        ('st.datetime_input("x", "tomorrow-ish")',
         'Invalid `value` type. Expected one of: datetime, date, time, ISO string, "now". Provided type: str.'),
        ('st.datetime_input("x", step=30)',
         "The `step` parameter, set to 30 seconds, is outside the required range [60 seconds, 23 hours]."),
        ('st.datetime_input("x", step=1.5)',
         "Invalid `step` type. Expected one of: int, timedelta. Provided type: float."),
        ('st.datetime_input("x", format="YYYY/MM")', "Invalid `format` value. Supported values:"),
        ('st.datetime_input("x", format=3)', "Invalid `format` type. Expected one of: str. Provided type: int."),
        ('st.datetime_input("x", width="content")', "Invalid width value: 'content'."),
    ],
)
def test_errors(call, message):
    at = _run(call)
    assert message in at.exception[0].value


def test_now_is_not_clamped_into_the_bounds():
    at = _run('st.datetime_input("x", max_value=dt.datetime.now() - dt.timedelta(days=1))')
    assert "is greater than the `max_value`" in at.exception[0].value


def test_key_and_later_parameters_are_keyword_only():
    with pytest.raises(TypeError):
        htst.datetime_input("x", "now", None, None, "key")


def test_set_value_and_callback():
    at = AppTest.from_string("""
import datetime as dt
import htst as st
def changed():
    st.session_state.seen = st.session_state.when
st.datetime_input("When", dt.datetime(2025, 1, 2, 3, 4), key="when", on_change=changed)
st.write(repr(st.session_state.get("seen")))
""").run()
    at.datetime_input(key="when").set_value(dt.datetime(2025, 6, 7, 8, 9)).run()
    assert at.markdown[0].value == repr(dt.datetime(2025, 6, 7, 8, 9))
    assert at.session_state.when == dt.datetime(2025, 6, 7, 8, 9)


def test_session_state_value_outside_the_bounds_resets_to_the_default():
    at = AppTest.from_string("""
import datetime as dt
import htst as st
if "when" not in st.session_state:
    st.session_state.when = dt.datetime(1999, 1, 1)
st.datetime_input("When", key="when", min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2026, 1, 1), value=None)
""").run()
    assert at.datetime_input[0].value is None


def test_format_writes_the_date_part_under_the_field():
    at = _run('st.datetime_input("When", dt.datetime(2025, 1, 2, 3, 4), format="DD.MM.YYYY")')
    assert at.datetime_input[0].props["display"] == "02.01.2025 03:04"


APP = """
import datetime as dt
import htst as st
v = st.datetime_input("When", dt.datetime(2025, 1, 2, 3, 4), key="when", step=3600, width=320)
e = st.datetime_input("Maybe", None, key="maybe")
r = st.datetime_input("Needed", None, key="needed", required=True)
st.write(f"when={v} maybe={e} needed={r}")
"""


def test_the_field_is_a_labelled_datetime_local_input(make_app, open_tab):
    tab = open_tab(make_app(APP).test_client())
    html = tab.response.get_data(as_text=True)
    wid = tab.wid("When")
    field = re.search(rf'<input type="datetime-local" id="{wid}"[^>]*>', html).group(0)
    assert 'value="2025-01-02T03:04"' in field and 'step="3600"' in field
    assert f'<label for="{wid}"' in html
    assert 'data-width="px" style="--htst-w:320px;"' in html
    needed = re.search(rf'<input type="datetime-local" id="{tab.wid("Needed")}"[^>]*>', html).group(0)
    assert 'aria-required="true"' in needed


def test_posting_the_field(make_app, open_tab):
    tab = open_tab(make_app(APP).test_client())
    tab.post({"when": "2025-05-06T07:08"})
    assert "when=2025-05-06 07:08:00" in tab.page.text
    tab.post({"when": "2025/05/07, 09:10"})  # the legacy form is read too
    assert "when=2025-05-07 09:10:00" in tab.page.text
    tab.post({"maybe": "2025-01-01T00:00"})
    tab.post({"maybe": ""})  # a field without a default can be cleared
    assert "maybe=None" in tab.page.text


def test_an_empty_post_keeps_a_field_that_cannot_be_cleared(make_app, open_tab):
    tab = open_tab(make_app(APP).test_client())
    tab.post({"when": "", "needed": "2025-01-01T10:00"})
    tab.post({"needed": ""})
    assert "when=2025-01-02 03:04:00" in tab.page.text
    assert "needed=2025-01-01 10:00:00" in tab.page.text


@pytest.mark.parametrize("bad", ["2035-01-03T00:00", "2025-02-30T10:00", "tomorrow"])
def test_bad_posts_are_refused_and_change_nothing(make_app, open_tab, bad):
    tab = open_tab(make_app(APP).test_client())
    response = tab.post({"when": bad})
    assert response.status_code == 400
    assert "datetime_input when" in response.get_data(as_text=True)
    tab.post({"_htst_rerun": "1"})
    assert "when=2025-01-02 03:04:00" in tab.page.text
