"""`st.context` in a real browser: after one interaction the script sees the browser's
time zone, offset, locale and theme (htst.js posts them with every request)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SHOW = """
    import htst as st

    st.button("Again")
    c = st.context
    st.text(f"tz={c.timezone} offset={c.timezone_offset} locale={c.locale} theme={c.theme.type}")
"""


def test_the_script_sees_the_browsers_time_zone_after_one_interaction(serve_app, new_page, wait_idle):
    app = serve_app(SHOW)
    page = new_page(timezone_id="Asia/Tokyo", locale="de-DE", color_scheme="light")
    page.goto(app.url)
    shown = page.locator("#htst-main .htst-text")
    # The first run comes with the page: only the headers speak (Accept-Language).
    expect(shown).to_have_text("tz=None offset=None locale=de-DE theme=light")
    page.get_by_role("button", name="Again").click()
    wait_idle(page)
    assert page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone") == "Asia/Tokyo"
    expect(shown).to_have_text("tz=Asia/Tokyo offset=-540 locale=de-DE theme=light")
    # The theme is the one the page shows: the Settings choice, or the system's.
    for choice, shows in (("dark", "dark"), ("system", "light")):
        page.evaluate(f"localStorage.setItem('htst-theme', '{choice}')")
        page.reload()
        page.get_by_role("button", name="Again").click()
        wait_idle(page)
        expect(shown).to_have_text(f"tz=Asia/Tokyo offset=-540 locale=de-DE theme={shows}")
