"""Each widget's value reaches the script from a real browser interaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WIDGETS = """
    import htst as st

    st.write("checkbox:", st.checkbox("Check me"))
    st.write("toggle:", st.toggle("Toggle me"))
    st.write("radio:", st.radio("Pick", ["alpha", "beta", "gamma"]))
    st.write("selectbox:", st.selectbox("Choose", ["red", "green", "blue"]))
    st.write("slider:", st.slider("Level", 0, 10, 3))
    st.write("number:", st.number_input("Amount", 0, 100, 5))
    st.write("text:", st.text_input("Name"))
"""


def _check(page: Any) -> None:
    page.get_by_label("Check me").check()


def _toggle(page: Any) -> None:
    page.get_by_role("switch", name="Toggle me").click()


def _radio(page: Any) -> None:
    page.get_by_label("gamma").check()


def _select(page: Any) -> None:
    page.get_by_label("Choose").select_option(label="blue")


def _slider_fill(page: Any) -> None:
    # Playwright's fill() on a range input sets the value and fires input and change.
    page.get_by_label("Level").fill("7")


def _slider_keys(page: Any) -> None:
    level = page.get_by_label("Level")
    level.focus()
    for _ in range(4):
        level.press("ArrowRight")  # each press fires input and change
    expect(page.locator(".htst-slider output")).to_have_text("7")


def _plus(page: Any) -> None:
    page.get_by_role("button", name="Increment Amount").click()


def _minus(page: Any) -> None:
    page.get_by_role("button", name="Decrement Amount").click()


def _typed_number(page: Any) -> None:
    amount = page.get_by_label("Amount", exact=True)
    amount.fill("42")
    amount.press("Enter")


def _typed_text(page: Any) -> None:
    name = page.get_by_label("Name")
    name.fill("Jane")
    name.press("Enter")


# (interaction, text before, text after, rerun requests it takes)
CASES: dict[str, tuple[Callable[[Any], None], str, str, int]] = {
    "checkbox": (_check, "checkbox: False", "checkbox: True", 1),
    "toggle": (_toggle, "toggle: False", "toggle: True", 1),
    "radio": (_radio, "radio: alpha", "radio: gamma", 1),
    "selectbox": (_select, "selectbox: red", "selectbox: blue", 1),
    "slider-fill": (_slider_fill, "slider: 3", "slider: 7", 1),
    "slider-keys": (_slider_keys, "slider: 3", "slider: 7", 4),
    "number-plus": (_plus, "number: 5", "number: 6", 1),
    "number-minus": (_minus, "number: 5", "number: 4", 1),
    "number-typed": (_typed_number, "number: 5", "number: 42", 1),
    "text": (_typed_text, "text:", "text: Jane", 1),
}


@pytest.mark.parametrize(
    ("interact", "before", "after", "reruns"), list(CASES.values()), ids=list(CASES)
)
def test_widget_value_reaches_the_script(
    serve_app, page, wait_idle, interact, before, after, reruns
):
    app = serve_app(WIDGETS)
    page.goto(app.url)
    expect(page.get_by_text(before, exact=True)).to_be_visible()
    interact(page)
    expect(page.get_by_text(after, exact=True)).to_be_visible()
    app.wait_for_reruns(reruns)
    wait_idle(page)
    expect(page.get_by_text(before, exact=True)).to_have_count(0)


def test_number_stepper_twice_then_typed(serve_app, page, wait_idle):
    """Steps build on each other and on a typed value that has not been sent yet."""
    app = serve_app(WIDGETS)
    page.goto(app.url)
    plus = page.get_by_role("button", name="Increment Amount")
    plus.click()
    plus.click()
    expect(page.get_by_text("number: 7", exact=True)).to_be_visible()
    amount = page.get_by_label("Amount", exact=True)
    expect(amount).to_have_value("7")
    amount.fill("20")
    page.get_by_role("button", name="Decrement Amount").click()
    expect(page.get_by_text("number: 19", exact=True)).to_be_visible()
    expect(amount).to_have_value("19")
    wait_idle(page)
