"""A text input in a real browser: Enter or blur sends it; focus and caret survive the swap."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ECHO = """
    import htst as st

    name = st.text_input("Your name")
    st.write("Hello", name)
    st.markdown("Somewhere else")
"""


def test_enter_sends_and_keeps_focus_and_caret(serve_app, page, wait_idle):
    app = serve_app(ECHO)
    page.goto(app.url)
    box = page.get_by_label("Your name")
    box.click()
    page.keyboard.type("Jane")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Hello Jane", exact=True)).to_be_visible()
    wait_idle(page)
    expect(box).to_be_focused()
    assert box.evaluate("el => [el.selectionStart, el.selectionEnd, el.value.length]") == [4, 4, 4]
    # Typing goes on at the caret, as if no swap had happened.
    page.keyboard.type(" Doe")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Hello Jane Doe", exact=True)).to_be_visible()
    expect(box).to_have_value("Jane Doe")
    wait_idle(page)
    assert app.reruns == 2
    # Enter on a value the server already has sends nothing.
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    assert app.reruns == 2


def test_blur_sends_without_enter(serve_app, page):
    app = serve_app(ECHO)
    page.goto(app.url)
    box = page.get_by_label("Your name")
    box.click()
    page.keyboard.type("Ada")
    page.wait_for_timeout(200)
    assert app.reruns == 0  # typing alone sends nothing
    page.get_by_text("Somewhere else").click()
    expect(page.get_by_text("Hello Ada", exact=True)).to_be_visible()
    assert app.reruns == 1


SLOW_ECHO = """
    import time
    import htst as st

    name = st.text_input("Your name")
    time.sleep(0.5)
    st.write("Hello", name)
"""


def test_letters_typed_during_a_run_survive_its_answer(serve_app, page, wait_idle):
    """The answer to "Jane" arrives while the user has typed on: the swap must not undo that."""
    app = serve_app(SLOW_ECHO)
    page.goto(app.url)
    box = page.get_by_label("Your name")
    box.click()
    page.keyboard.type("Jane")
    page.keyboard.press("Enter")
    page.keyboard.type(" Doe")  # the run for "Jane" is still sleeping
    expect(page.get_by_text("Hello Jane", exact=True)).to_be_visible()
    wait_idle(page)
    expect(box).to_have_value("Jane Doe")
    expect(box).to_be_focused()
    assert box.evaluate("el => el.selectionStart") == 8
    page.keyboard.press("Enter")
    expect(page.get_by_text("Hello Jane Doe", exact=True)).to_be_visible()
    assert app.reruns == 2
