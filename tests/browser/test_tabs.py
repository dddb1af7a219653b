"""Browser tabs keep separate sessions; st.tabs switch client-side and survive reruns."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

COUNTER = """
    import htst as st

    if "count" not in st.session_state:
        st.session_state.count = 0
    if st.button("Increment"):
        st.session_state.count += 1
    st.markdown(f"Count = `{st.session_state.count}`")
"""

TABS = """
    import htst as st

    if "count" not in st.session_state:
        st.session_state.count = 0
    if st.button("Increment"):
        st.session_state.count += 1
    # The first label changes on every click, so a rerun redraws the whole tab group.
    first, second = st.tabs([f"First ({st.session_state.count})", "Second"])
    with first:
        st.markdown("In the first tab")
    with second:
        word = st.text_input("Word")
        st.write("Word is", word)
"""


@pytest.mark.parametrize("same_context", [True, False], ids=["same-context", "two-contexts"])
def test_browser_tabs_keep_separate_state(serve_app, new_page, wait_idle, same_context):
    """Two tabs of one browser share the cookie but not the session; two browsers neither."""
    app = serve_app(COUNTER)
    one = new_page()
    two = one.context.new_page() if same_context else new_page()
    one.goto(app.url)
    two.goto(app.url)
    # A background tab's animation frames are throttled, and Playwright waits on them.
    one.bring_to_front()
    one.get_by_role("button", name="Increment").click()
    expect(one.locator("#htst-main code")).to_have_text("1")
    one.get_by_role("button", name="Increment").click()
    expect(one.locator("#htst-main code")).to_have_text("2")

    # A rerun of the other tab (R, nothing focused) still finds its own count, untouched.
    two.bring_to_front()
    two.keyboard.press("r")
    app.wait_for_reruns(3)
    wait_idle(two)
    expect(two.locator("#htst-main code")).to_have_text("0")
    two.get_by_role("button", name="Increment").click()
    expect(two.locator("#htst-main code")).to_have_text("1")

    one.bring_to_front()
    one.keyboard.press("r")
    app.wait_for_reruns(5)
    wait_idle(one)
    expect(one.locator("#htst-main code")).to_have_text("2")


def test_switching_tabs_sends_nothing_and_survives_a_rerun(serve_app, page, wait_idle):
    app = serve_app(TABS)
    page.goto(app.url)
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    second_tab = page.get_by_role("tab", name="Second")
    second_panel = page.get_by_role("tabpanel", name="Second")
    expect(second_panel).to_be_hidden()

    second_tab.click()
    expect(second_tab).to_have_attribute("aria-selected", "true")
    expect(second_panel).to_be_visible()
    expect(page.get_by_text("In the first tab")).to_be_hidden()
    page.wait_for_timeout(200)
    assert posts == [] and app.reruns == 0

    page.get_by_role("button", name="Increment").click()
    expect(page.get_by_role("tab", name="First (1)")).to_be_visible()
    wait_idle(page)
    assert app.reruns == 1
    expect(second_tab).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tab", name="First (1)")).to_have_attribute("aria-selected", "false")
    expect(second_panel).to_be_visible()
    expect(page.get_by_text("In the first tab")).to_be_hidden()


def test_widget_in_second_tab_keeps_its_value(serve_app, page, wait_idle):
    app = serve_app(TABS)
    page.goto(app.url)
    page.get_by_role("tab", name="Second").click()
    word = page.get_by_label("Word")
    word.fill("kept")
    word.press("Enter")
    expect(page.get_by_text("Word is kept", exact=True)).to_be_visible()
    wait_idle(page)

    page.get_by_role("tab", name="First (0)").click()
    expect(word).to_be_hidden()
    page.get_by_role("tab", name="Second").click()
    expect(word).to_have_value("kept")

    page.get_by_role("button", name="Increment").click()
    expect(page.get_by_role("tab", name="First (1)")).to_be_visible()
    wait_idle(page)
    expect(word).to_be_visible()
    expect(word).to_have_value("kept")
    expect(page.get_by_text("Word is kept", exact=True)).to_be_visible()
    assert app.reruns == 2
