"""st.html's scripts in a real browser: they run only with unsafe_allow_javascript=True,
on the first page and when a rerun changes the HTML (htmx runs the scripts it swaps in)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

APP = """
    import htst as st

    n = st.session_state.setdefault("n", 0)
    if st.button("Change"):
        st.session_state.n = n = n + 1
    st.button("Same")
    script = "<script>window.ran = (window.ran || 0) + 1</script>"
    st.html(f"<p>Safe {n}</p>{script}<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' alt='' onload='window.handler = 1'>")
    st.html(f"<p>Allowed {n}</p>{script}", unsafe_allow_javascript=ALLOWED)
    st.write("ready")
"""


def ran(page) -> int:
    return page.evaluate("window.ran || 0")


def test_scripts_and_handlers_do_not_run_by_default(serve_app, page, wait_idle):
    app = serve_app(APP.replace("ALLOWED", "False"))
    page.goto(app.url)
    expect(page.get_by_text("Safe 0")).to_be_visible()
    page.get_by_role("button", name="Change").click()
    expect(page.get_by_text("Safe 1")).to_be_visible()
    wait_idle(page)
    assert ran(page) == 0
    assert page.evaluate("window.handler") is None


def test_scripts_run_when_allowed_on_load_and_when_the_html_changes(serve_app, page, wait_idle):
    app = serve_app(APP.replace("ALLOWED", "True"))
    page.goto(app.url)
    expect(page.get_by_text("Allowed 0")).to_be_visible()
    assert ran(page) == 1
    page.get_by_role("button", name="Same").click()
    app.wait_for_reruns(1)
    wait_idle(page)
    assert ran(page) == 1  # the same HTML is not swapped again
    page.get_by_role("button", name="Change").click()
    expect(page.get_by_text("Allowed 1")).to_be_visible()
    wait_idle(page)
    assert ran(page) == 2
    assert page.evaluate("window.handler") is None  # event handlers are removed all the same
