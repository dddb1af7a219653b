"""Styles of some elements load only with them: a swap that brings the first checkbox or
columns into a page loads their stylesheet, and they look as they do on a whole page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

APP = """
    import htst as st

    if st.button("More"):
        left, right = st.columns(2)
        left.checkbox("Tick", key="tick")
        right.write("Right")
"""


def test_a_swap_brings_the_styles_of_the_elements_it_adds(serve_app, page, wait_idle):
    app = serve_app(APP)
    page.goto(app.url)
    wait_idle(page)
    assert page.locator("[data-htst-widgets-css],[data-htst-layout-css]").count() == 0
    page.get_by_role("button", name="More").click()
    expect(page.get_by_text("Right")).to_be_visible()
    expect(page.locator("link[data-htst-widgets-css]")).to_have_count(1)
    expect(page.locator("link[data-htst-layout-css]")).to_have_count(1)
    # Columns side by side (display:flex from the layout sheet); the checkbox row is flex too.
    expect(page.locator(".htst-columns")).to_have_css("display", "flex")
    expect(page.locator(".htst-checkbox")).to_have_css("display", "flex")
