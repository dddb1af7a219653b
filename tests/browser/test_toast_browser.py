"""Toasts outlive the run that drew them, as in Streamlit (docs: st.toast).

A rerun that does not call st.toast again swaps the toast out of the page; htst.js keeps
it, as a ghost, for the rest of its time. A toast updated in place is not kept twice.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

APP = """
    import time
    import htst as st

    if st.button("Save"):
        st.toast("Saved!", duration=3)
    st.button("Other")
    if st.button("Progress"):
        msg = st.toast("Working...", duration=3)
        time.sleep(0.3)
        msg.toast("Done!", duration=3)
    st.write("ready")
"""


def test_a_toast_stays_for_its_time_after_a_rerun_that_does_not_draw_it(serve_app, page, wait_idle):
    app = serve_app(APP)
    page.goto(app.url)
    page.get_by_role("button", name="Save").click()
    toast = page.locator(".htst-toast", has_text="Saved!")
    expect(toast).to_be_visible()
    wait_idle(page)

    page.get_by_role("button", name="Other").click()
    app.wait_for_reruns(2)
    wait_idle(page)
    # The server no longer draws it, but the toast is still on screen.
    assert page.locator("#htst-root .htst-toast").count() == 0
    expect(toast).to_be_visible()
    # ...until its 3 seconds are up.
    expect(toast).to_be_hidden(timeout=6000)


def test_a_toast_updated_in_place_shows_once(serve_app, page, wait_idle):
    app = serve_app(APP)
    page.goto(app.url)
    page.get_by_role("button", name="Progress").click()
    expect(page.locator(".htst-toast", has_text="Done!")).to_be_visible()
    wait_idle(page)
    expect(page.locator(".htst-toast", has_text="Working...")).to_have_count(0)


def test_closing_a_toast_is_not_undone_by_a_rerun(serve_app, page, wait_idle):
    app = serve_app(APP)
    page.goto(app.url)
    page.get_by_role("button", name="Save").click()
    toast = page.locator(".htst-toast", has_text="Saved!")
    expect(toast).to_be_visible()
    wait_idle(page)
    toast.get_by_title("Close").click()
    expect(toast).to_be_hidden()
    page.get_by_role("button", name="Other").click()
    app.wait_for_reruns(2)
    wait_idle(page)
    expect(page.locator(".htst-toast", has_text="Saved!")).to_have_count(0)
