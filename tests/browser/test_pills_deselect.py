"""Pills and segmented controls in single mode: clicking the selected option clears it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PILLS = """
    import htst as st

    choice = st.pills("Size", ["S", "M", "L"])
    st.markdown(f"Picked `{choice}`")
    fixed = st.segmented_control("Mode", ["day", "night"], default="day", required=True)
    st.markdown(f"Mode `{fixed}`")
"""


def test_clicking_the_selected_pill_again_clears_it(serve_app, page, wait_idle):
    app = serve_app(PILLS)
    page.goto(app.url)
    picked = page.locator("#htst-main p", has_text="Picked").locator("code")
    expect(picked).to_have_text("None")
    page.get_by_role("radio", name="M").click()
    expect(picked).to_have_text("M")
    wait_idle(page)
    page.get_by_role("radio", name="M").click()
    expect(picked).to_have_text("None")
    wait_idle(page)
    assert app.reruns == 2


def test_a_required_control_stays_selected(serve_app, page, wait_idle):
    app = serve_app(PILLS)
    page.goto(app.url)
    mode = page.locator("#htst-main p", has_text="Mode").locator("code")
    expect(mode).to_have_text("day")
    page.get_by_role("radio", name="day").click()
    wait_idle(page)
    page.wait_for_timeout(300)
    expect(mode).to_have_text("day")
    assert app.reruns == 0
