"""The busy indicator while a run is in flight, and the main menu's Rerun (also the R key)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SLOW = """
    import time
    import htst as st

    if "runs" not in st.session_state:
        st.session_state.runs = 0
    st.session_state.runs += 1
    st.markdown(f"Runs = `{st.session_state.runs}`")
    if st.button("Slow"):
        time.sleep(1)
    st.text_input("Notes")
"""

ANY = re.compile(".*")


def test_root_is_busy_while_the_script_runs(serve_app, page):
    app = serve_app(SLOW)
    page.goto(app.url)
    root = page.locator("#htst-root")
    expect(root).not_to_have_attribute("aria-busy", ANY)
    page.get_by_role("button", name="Slow").click()
    expect(root).to_have_attribute("aria-busy", "true")
    app.wait_for_reruns(1)
    expect(page.locator("#htst-main code")).to_have_text("1")  # the run has not answered yet
    expect(root).not_to_have_attribute("aria-busy", ANY)
    expect(page.locator("#htst-main code")).to_have_text("2")


def test_menu_rerun_and_r_key(serve_app, page, wait_idle):
    app = serve_app(SLOW)
    page.goto(app.url)
    runs = page.locator("#htst-main code")
    expect(runs).to_have_text("1")

    menu_button = page.get_by_role("button", name="Main menu")
    menu = page.get_by_role("menu")
    expect(menu).to_be_hidden()
    menu_button.click()
    expect(menu).to_be_visible()
    expect(menu_button).to_have_attribute("aria-expanded", "true")
    menu.get_by_role("menuitem", name="Rerun").click()
    expect(runs).to_have_text("2")
    expect(menu).to_be_hidden()
    assert app.reruns == 1

    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("r")
    expect(runs).to_have_text("3")
    assert app.reruns == 2

    # In a text field, R is just a letter.
    notes = page.get_by_label("Notes")
    notes.click()
    page.keyboard.press("r")
    expect(notes).to_have_value("r")
    page.wait_for_timeout(200)
    wait_idle(page)
    assert app.reruns == 2
    expect(runs).to_have_text("3")
