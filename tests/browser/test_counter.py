"""Buttons in a real browser: rapid clicks are queued, none is lost or doubled."""

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


def test_three_rapid_clicks_count_three(serve_app, page, wait_idle):
    app = serve_app(COUNTER)
    page.goto(app.url)
    count = page.locator("#htst-main code")
    expect(count).to_have_text("0")
    button = page.get_by_role("button", name="Increment")
    for _ in range(3):
        button.click()  # no waiting for an answer in between
    expect(count).to_have_text("3")
    wait_idle(page)
    expect(page.locator("#htst-main")).to_contain_text("Count = 3")
    assert app.reruns == 3


APPEND = """
    import htst as st

    def shout():
        st.session_state.word += "!"

    st.text_input("Word", "hey", key="word")
    st.button("Shout", on_click=shout)
    st.write("Word is", st.session_state.word)
"""


def test_queued_clicks_never_post_a_stale_value(serve_app, page, wait_idle):
    """Each click's callback changes the text input; the clicks queued behind it must not
    carry the input's old value back (only fields the user touched are posted)."""
    app = serve_app(APPEND)
    page.goto(app.url)
    button = page.get_by_role("button", name="Shout")
    for _ in range(3):
        button.click()
    expect(page.get_by_text("Word is hey!!!", exact=True)).to_be_visible()
    wait_idle(page)
    expect(page.get_by_label("Word")).to_have_value("hey!!!")
    assert app.reruns == 3
