"""A rerun swaps only what changed: untouched elements keep their DOM node."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

APP = """
    import htst as st

    if "count" not in st.session_state:
        st.session_state.count = 0
    if st.button("Increment"):
        st.session_state.count += 1
    st.markdown("This paragraph never changes.")
    st.markdown(f"Clicked {st.session_state.count} times")
"""


def test_unchanged_element_is_the_same_node(serve_app, page, wait_idle):
    app = serve_app(APP)
    page.goto(app.url)
    still = page.locator(".htst-markdown", has_text="never changes")
    changing = page.locator(".htst-markdown", has_text="Clicked")
    # A JS property lives on the node object: a replaced node (even an identical copy) loses it.
    still.evaluate("el => { el.htstTag = 'still'; }")
    changing.evaluate("el => { el.htstTag = 'changing'; }")
    with page.expect_response("**/_htst/rerun") as answer:
        page.get_by_role("button", name="Increment").click()
    assert "never changes" not in answer.value.text()  # only what changed is sent
    expect(changing).to_have_text("Clicked 1 times")
    wait_idle(page)
    assert still.evaluate("el => el.htstTag") == "still"
    # The changed element is morphed in place: new content, and the node survives too.
    assert changing.evaluate("el => el.htstTag") == "changing"
    assert app.reruns == 1
