"""text_area keys, and date, time and colour fields, in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTES = """
    import htst as st

    notes = st.text_area("Notes")
    st.write("got:", repr(notes))
    st.markdown("Somewhere else")
"""


@pytest.mark.parametrize("modifier", ["Control", "Meta"])
def test_enter_is_a_newline_and_ctrl_enter_sends(serve_app, page, wait_idle, modifier):
    app = serve_app(NOTES)
    page.goto(app.url)
    box = page.get_by_label("Notes")
    box.click()
    page.keyboard.type("one")
    page.keyboard.press("Enter")
    page.keyboard.type("two")
    page.wait_for_timeout(200)
    assert app.reruns == 0  # Enter inserted a newline; nothing was sent
    expect(box).to_have_value("one\ntwo")
    page.keyboard.press(f"{modifier}+Enter")
    expect(page.get_by_text("got: 'one\\ntwo'", exact=True)).to_be_visible()
    wait_idle(page)
    assert app.reruns == 1
    expect(box).to_have_value("one\ntwo")  # no newline added by Ctrl+Enter
    expect(box).to_be_focused()
    # Ctrl+Enter with nothing new sends nothing.
    page.keyboard.press(f"{modifier}+Enter")
    page.wait_for_timeout(200)
    assert app.reruns == 1


def test_blur_sends_a_text_area(serve_app, page):
    app = serve_app(NOTES)
    page.goto(app.url)
    page.get_by_label("Notes").fill("a\nb")
    page.get_by_text("Somewhere else").click()
    expect(page.get_by_text("got: 'a\\nb'", exact=True)).to_be_visible()
    assert app.reruns == 1


DATES = """
    import datetime
    import htst as st

    st.write("day:", st.date_input("Day", datetime.date(2020, 1, 15), format="DD.MM.YYYY"))
    trip = st.date_input("Trip", (datetime.date(2020, 3, 1), datetime.date(2020, 3, 5)))
    st.write("trip:", " to ".join(map(str, trip)))
    st.write("at:", st.time_input("At", datetime.time(8, 45)))
    st.write("paint:", st.color_picker("Paint", "#FFFFFF"))
"""


def test_a_date_and_a_time_picked_with_fill_reach_the_script(serve_app, page, wait_idle):
    app = serve_app(DATES)
    page.goto(app.url)
    expect(page.locator(".htst-date-display").first).to_have_text("15.01.2020")
    page.get_by_label("Day", exact=True).fill("2020-02-29")
    expect(page.get_by_text("day: 2020-02-29", exact=True)).to_be_visible()
    expect(page.locator(".htst-date-display").first).to_have_text("29.02.2020")
    wait_idle(page)
    page.get_by_label("At", exact=True).fill("13:15")
    expect(page.get_by_text("at: 13:15:00", exact=True)).to_be_visible()
    wait_idle(page)
    assert app.reruns == 2


def test_a_range_end_date_reaches_the_script(serve_app, page, wait_idle):
    app = serve_app(DATES)
    page.goto(app.url)
    page.get_by_label("End date").fill("2020-03-20")
    expect(page.get_by_text("trip: 2020-03-01 to 2020-03-20", exact=True)).to_be_visible()
    wait_idle(page)
    assert app.reruns == 1


def test_a_colour_picked_reaches_the_script(serve_app, page):
    app = serve_app(DATES)
    page.goto(app.url)
    expect(page.get_by_text("paint: #FFFFFF", exact=True)).to_be_visible()
    page.get_by_label("Paint").fill("#336699")
    expect(page.get_by_text("paint: #336699", exact=True)).to_be_visible()
    assert app.reruns == 1
