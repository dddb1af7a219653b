"""Accessible by default, measured: axe-core finds no serious or critical violation on
`htst hello` (each of its views: tabs, the expander, the code), in the light and the dark
theme; and help tooltips are reachable by keyboard (WAI-ARIA tooltip pattern).

Every other browser test gets the same axe check on the page it leaves open (conftest.py).
"""

from __future__ import annotations

from accessibility import violations
from playwright.sync_api import expect

from htst.cli import HELLO


def test_htst_hello_has_no_serious_violation_in_either_theme(serve_app, page, wait_idle):
    served = serve_app(HELLO.read_text(encoding="utf-8"))
    page.goto(served.url)
    expect(page.get_by_role("heading", name="Hello, htst", exact=False)).to_be_visible()
    assert violations(page) == []
    # What the first view hides: the other tabs, the expander and what it holds, the code.
    for tab in ("Text", "Math"):
        page.get_by_role("tab", name=tab).click()
        expect(page.get_by_role("tabpanel", name=tab)).to_be_visible()
        assert violations(page) == [], tab
    page.get_by_text("About this demo").click()
    page.get_by_role("checkbox", name="Show a success message").check()
    expect(page.get_by_text("It works!")).to_be_visible()
    page.get_by_role("switch", name="Show the code of this page").check()
    wait_idle(page)
    expect(page.locator("pre").last).to_contain_text("A tour of htst")
    assert violations(page) == []
    page.close()  # checked above: nothing left for the check after each test


HELP_APP = """
import htst as st
st.text_input("Your name", help="Type **your** name <b>here</b>")
st.button("Go", help="Starts it")
"""


def test_a_help_tooltip_shows_on_focus_and_hover_and_escape_hides_it(serve_app, page):
    page.goto(serve_app(HELP_APP).url)
    help_button = page.get_by_role("button", name="Help for Your name")
    tooltip = page.get_by_role("tooltip").filter(has_text="your name")
    expect(tooltip).to_be_hidden()
    # The label is still the field's name; the tooltip describes the help button.
    expect(page.get_by_role("textbox", name="Your name", exact=True)).to_be_visible()
    expect(help_button).to_have_accessible_description("Type your name <b>here</b>")

    for _ in range(10):  # from the top of the page, Tab until the help button has the focus
        page.keyboard.press("Tab")
        if help_button.evaluate("b => b === document.activeElement"):
            break
    expect(tooltip).to_be_visible()
    expect(tooltip.locator("strong")).to_have_text("your")
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    expect(help_button).to_be_focused()

    page.get_by_role("textbox", name="Your name").focus()
    expect(tooltip).to_be_hidden()
    help_button.hover()
    expect(tooltip).to_be_visible()
    # A button with help is its own trigger.
    go = page.get_by_role("button", name="Go", exact=True)
    page.get_by_role("textbox", name="Your name").focus()
    page.keyboard.press("Tab")
    expect(go).to_be_focused()
    expect(go).to_have_accessible_description("Starts it")
    expect(page.get_by_role("tooltip").filter(has_text="Starts it")).to_be_visible()
