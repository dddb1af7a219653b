"""Without JavaScript the app is a plain HTML form: every post answers with the whole page."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

APP = """
    import htst as st

    if "count" not in st.session_state:
        st.session_state.count = 0
    if st.button("Increment"):
        st.session_state.count += 1
    st.markdown(f"Count = `{st.session_state.count}`")
    name = st.text_input("Your name")
    st.write("Hello", name)
"""


@pytest.fixture
def no_js_page(new_page):
    return new_page(java_script_enabled=False)


def test_button_posts_the_form_and_gets_the_whole_page(serve_app, no_js_page):
    app = serve_app(APP)
    page = no_js_page
    page.goto(app.url)
    count = page.locator("#htst-main code")
    expect(count).to_have_text("0")
    with page.expect_navigation():
        page.get_by_role("button", name="Increment").click()
    assert page.url == app.url + "_htst/rerun"
    expect(page.locator("html > head > title")).to_have_count(1)  # a whole document came back
    expect(count).to_have_text("1")
    with page.expect_navigation():
        page.get_by_role("button", name="Increment").click()
    expect(count).to_have_text("2")
    assert app.reruns == 2


def test_enter_in_text_input_does_not_click_a_button(serve_app, no_js_page):
    app = serve_app(APP)
    page = no_js_page
    page.goto(app.url)
    page.get_by_label("Your name").fill("Jane")
    with page.expect_request(lambda r: r.method == "POST") as posted:
        page.get_by_label("Your name").press("Enter")
    page.wait_for_load_state()
    expect(page.get_by_text("Hello Jane", exact=True)).to_be_visible()
    expect(page.locator("#htst-main code")).to_have_text("0")
    # Implicit submission posts the form's first submit button: the hidden one with an
    # empty value, so neither Increment nor the menu's Rerun is pressed.
    form = parse_qs(posted.value.post_data, keep_blank_values=True)
    assert form["_htst_click"] == [""]
    assert "_htst_rerun" not in form and "_htst_step" not in form
    expect(page.get_by_label("Your name")).to_have_value("Jane")
    assert app.reruns == 1
