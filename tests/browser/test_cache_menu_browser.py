"""Clearing the caches from the page: the main menu's "Clear cache" and the C key.

Clearing answers 204 and leaves the page as it is (as Streamlit's menu does); the next
rerun computes the cached function again, which the app shows as a higher count.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from htst.caching.cached import clear_all

pytestmark = pytest.mark.browser

COUNTED = """
    from pathlib import Path
    import htst as st

    COUNT = Path(__file__).with_name("computed.txt")

    @st.cache_data
    def computed():
        n = int(COUNT.read_text()) + 1 if COUNT.exists() else 1
        _ = COUNT.write_text(str(n))  # assigned: a bare expression is magic-written
        return n

    st.markdown(f"Computed `{computed()}` times")
    st.text_input("Notes")
"""


@pytest.fixture(autouse=True)
def empty_caches():
    """The server runs in this process: its caches must not carry over between tests."""
    clear_all()
    yield
    clear_all()


def rerun_with_r(page, wait_idle) -> None:
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("r")
    wait_idle(page)


def test_c_key_clears_the_cache(serve_app, page, wait_idle):
    app = serve_app(COUNTED)
    page.goto(app.url)
    count = page.locator("#htst-main code")
    expect(count).to_have_text("1")
    rerun_with_r(page, wait_idle)
    app.wait_for_reruns(1)
    expect(count).to_have_text("1")  # a hit

    # In a text field, C is just a letter.
    notes = page.get_by_label("Notes")
    notes.click()
    page.keyboard.press("c")
    expect(notes).to_have_value("c")
    rerun_with_r(page, wait_idle)
    expect(count).to_have_text("1")

    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("c")
    wait_idle(page)
    expect(count).to_have_text("1")  # clearing does not rerun
    rerun_with_r(page, wait_idle)
    expect(count).to_have_text("2")


def test_menu_clear_cache(serve_app, page, wait_idle):
    app = serve_app(COUNTED)
    page.goto(app.url)
    count = page.locator("#htst-main code")
    expect(count).to_have_text("1")

    menu_button = page.get_by_role("button", name="Main menu")
    menu = page.get_by_role("menu")
    menu_button.click()
    menu.get_by_role("menuitem", name="Clear cache").click()
    expect(menu).to_be_hidden()
    app.wait_for_reruns(1)
    wait_idle(page)
    expect(count).to_have_text("1")

    menu_button.click()
    menu.get_by_role("menuitem", name="Rerun").click()
    expect(count).to_have_text("2")
    rerun_with_r(page, wait_idle)
    expect(count).to_have_text("2")  # cached again
