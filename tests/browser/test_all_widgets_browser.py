"""Every input widget htst has, operated the way a user would in a real browser.

One app holds one of each; a case operates one widget, waits for the line the script
writes with its value, and checks the server got exactly the reruns the gesture implies.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ALL = """
    import datetime as dt
    import htst as st

    st.text(f"button: {st.button('Press')}")
    st.text(f"checkbox: {st.checkbox('Check me')}")
    st.text(f"toggle: {st.toggle('Toggle me')}")
    st.text(f"radio: {st.radio('Pick', ['alpha', 'beta', 'gamma'])}")
    st.text(f"selectbox: {st.selectbox('Choose', ['red', 'green', 'blue'])}")
    st.text(f"slider: {st.slider('Level', 0, 10, 3)}")
    lo, hi = st.slider("Span", 0, 10, (2, 8))
    st.text(f"span: {lo}-{hi}")
    st.text(f"size: {st.select_slider('Size', ['S', 'M', 'L', 'XL'], 'M')}")
    a, b = st.select_slider("Band", ["low", "mid", "high", "max"], ("low", "high"))
    st.text(f"band: {a}-{b}")
    st.text(f"when: {st.slider('When', dt.date(2020, 1, 1), dt.date(2020, 1, 31), dt.date(2020, 1, 10), format='DD.MM.YYYY')}")
    st.text(f"clock: {st.slider('Clock', value=dt.time(9, 0))}")
    st.text(f"multi: {', '.join(st.multiselect('Fruits', ['apple', 'pear', 'plum'])) or 'none'}")
    st.text(f"number: {st.number_input('Amount', 0, 100, 5)}")
    st.text(f"text: {st.text_input('Name')}")
    st.text(f"notes: {st.text_area('Notes')!r}")
    st.text(f"day: {st.date_input('Day', dt.date(2020, 1, 15))}")
    trip = st.date_input("Trip", (dt.date(2020, 3, 1), dt.date(2020, 3, 5)))
    st.text("trip: " + " to ".join(map(str, trip)))
    st.text(f"at: {st.time_input('At', dt.time(8, 45))}")
    st.text(f"paint: {st.color_picker('Paint', '#FFFFFF')}")
    st.text(f"pills: {st.pills('Tags', ['one', 'two', 'three'])}")
    st.text(f"segment: {st.segmented_control('Mode', ['list', 'grid'])}")
    st.text(f"feedback: {st.feedback('thumbs')}")
    upload = st.file_uploader("Upload")
    st.text(f"file: {upload.name + ':' + upload.read().decode() if upload else 'none'}")
    st.text(f"download: {st.download_button('Get data', b'a,b', file_name='data.csv')}")
    st.text(f"chat: {st.chat_input('Say something') or 'none'}")
    st.markdown("Somewhere else")
"""


def _range_keys(name: str, key: str, times: int) -> Callable[[Any, Path], None]:
    def interact(page: Any, tmp_path: Path) -> None:
        handle = page.get_by_label(name, exact=True)
        handle.focus()
        for _ in range(times):
            handle.press(key)  # each press fires input and change: one rerun each

    return interact


def _fill_enter(name: str, value: str, role: str = "") -> Callable[[Any, Path], None]:
    def interact(page: Any, tmp_path: Path) -> None:
        box = page.get_by_role(role, name=name) if role else page.get_by_label(name, exact=True)
        box.fill(value)
        box.press("Enter")

    return interact


def _fill(name: str, value: str) -> Callable[[Any, Path], None]:
    def interact(page: Any, tmp_path: Path) -> None:
        page.get_by_label(name, exact=True).fill(value)  # fires input and change

    return interact


def _text_area_blur(page: Any, tmp_path: Path) -> None:
    page.get_by_label("Notes").fill("a\nb")
    page.get_by_text("Somewhere else").click()


def _multiselect(page: Any, tmp_path: Path) -> None:
    page.get_by_label("Fruits", exact=True).select_option(label=["apple", "plum"])


def _upload(page: Any, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("hi", encoding="utf-8")
    page.get_by_label("Upload").set_input_files(str(note))


def _download(page: Any, tmp_path: Path) -> None:
    with page.expect_download() as info:
        page.get_by_role("button", name="Get data").click()
    assert info.value.suggested_filename == "data.csv"


def _click(role: str, name: str) -> Callable[[Any, Path], None]:
    def interact(page: Any, tmp_path: Path) -> None:
        page.get_by_role(role, name=name, exact=True).click()

    return interact


def _check(label: str) -> Callable[[Any, Path], None]:
    def interact(page: Any, tmp_path: Path) -> None:
        page.get_by_label(label, exact=True).check()

    return interact


# (interaction, text before, text after, rerun requests it takes)
CASES: dict[str, tuple[Callable[[Any, Path], None], str, str, int]] = {
    "button": (_click("button", "Press"), "button: False", "button: True", 1),
    "checkbox": (_check("Check me"), "checkbox: False", "checkbox: True", 1),
    "toggle": (_click("switch", "Toggle me"), "toggle: False", "toggle: True", 1),
    "radio": (_check("gamma"), "radio: alpha", "radio: gamma", 1),
    "selectbox": (lambda p, t: p.get_by_label("Choose").select_option(label="blue"), "selectbox: red", "selectbox: blue", 1),
    "slider": (_range_keys("Level", "ArrowRight", 2), "slider: 3", "slider: 5", 2),
    "slider-range-start": (_range_keys("Span", "ArrowRight", 1), "span: 2-8", "span: 3-8", 1),
    "slider-range-end": (_range_keys("Span (end)", "ArrowLeft", 2), "span: 2-8", "span: 2-6", 2),
    "slider-date": (_range_keys("When", "ArrowRight", 1), "when: 2020-01-10", "when: 2020-01-11", 1),
    "slider-time": (_range_keys("Clock", "ArrowLeft", 1), "clock: 09:00:00", "clock: 08:45:00", 1),
    "select-slider": (_range_keys("Size", "ArrowRight", 2), "size: M", "size: XL", 2),
    "select-slider-range": (_range_keys("Band (end)", "End", 1), "band: low-high", "band: low-max", 1),
    "multiselect": (_multiselect, "multi: none", "multi: apple, plum", 1),
    "number-typed": (_fill_enter("Amount", "42"), "number: 5", "number: 42", 1),
    "number-plus": (_click("button", "Increment Amount"), "number: 5", "number: 6", 1),
    "text-input": (_fill_enter("Name", "Jane"), "text: ", "text: Jane", 1),
    "text-area": (_text_area_blur, "notes: ''", "notes: 'a\\nb'", 1),
    "date": (_fill("Day", "2020-02-29"), "day: 2020-01-15", "day: 2020-02-29", 1),
    "date-range": (_fill("End date", "2020-03-20"), "trip: 2020-03-01 to 2020-03-05", "trip: 2020-03-01 to 2020-03-20", 1),
    "time": (_fill("At", "13:15"), "at: 08:45:00", "at: 13:15:00", 1),
    "color": (_fill("Paint", "#336699"), "paint: #FFFFFF", "paint: #336699", 1),
    "pills": (_check("two"), "pills: None", "pills: two", 1),
    "segmented-control": (_check("grid"), "segment: None", "segment: grid", 1),
    "feedback": (lambda p, t: p.get_by_role("radio", name="Thumbs down").check(), "feedback: None", "feedback: 0", 1),
    "file-uploader": (_upload, "file: none", "file: note.txt:hi", 1),
    "download-button": (_download, "download: False", "download: True", 1),
    "chat-input": (_fill_enter("Say something", "Hello", role="textbox"), "chat: none", "chat: Hello", 1),
}


@pytest.mark.parametrize(("interact", "before", "after", "reruns"), list(CASES.values()), ids=list(CASES))
def test_every_widget_reaches_the_script(
    serve_app: Any, new_page: Any, wait_idle: Any, tmp_path: Path, interact: Any, before: str, after: str, reruns: int
) -> None:
    app = serve_app(ALL)
    page = new_page(accept_downloads=True)
    page.goto(app.url)
    expect(page.get_by_text(before, exact=True)).to_be_visible()
    interact(page, tmp_path)
    expect(page.get_by_text(after, exact=True)).to_be_visible()
    app.wait_for_reruns(reruns)
    wait_idle(page)
    expect(page.get_by_text(before, exact=True)).to_have_count(0)
    assert app.reruns == reruns


def _drag(page: Any, name: str, value: int) -> None:
    """What a pointer drag does before release: the value moves and `input` fires, no `change`."""
    page.get_by_label(name, exact=True).evaluate(
        "(el, v) => { el.value = String(v); el.dispatchEvent(new Event('input', {bubbles: true})); }", value
    )


def _output(page: Any, name: str) -> Any:
    return page.locator(".htst-slider", has=page.get_by_label(name, exact=True)).locator("output")


def test_dragging_shows_labels_not_raw_numbers(serve_app: Any, page: Any, wait_idle: Any) -> None:
    """While a slider is dragged, its readout follows with what the user reads, not the raw
    index, day or microsecond count; releasing it sends one rerun."""
    app = serve_app(ALL)
    page.goto(app.url)
    expect(_output(page, "Size")).to_have_text("M")
    _drag(page, "Size", 3)
    expect(_output(page, "Size")).to_have_text("XL")
    _drag(page, "Band (end)", 1)
    expect(_output(page, "Band")).to_have_text("low – mid")
    _drag(page, "Span", 5)
    expect(_output(page, "Span")).to_have_text("5 – 8")
    _drag(page, "Level", 9)
    expect(_output(page, "Level")).to_have_text("9")
    # Dates and times: no raw day or microsecond number is ever shown; the server sends
    # the slider's kind and format, and htst.js spells the value as the server would.
    when = page.get_by_label("When", exact=True)
    assert page.locator(".htst-slider", has=when).get_attribute("data-htst-kind") == "date"
    _drag(page, "When", int(when.get_attribute("value")) + 2)
    expect(_output(page, "When")).to_have_text("12.01.2020")
    _drag(page, "When", int(when.get_attribute("value")) + 1)
    expect(_output(page, "When")).to_have_text("11.01.2020")
    clock = page.get_by_label("Clock", exact=True)
    _drag(page, "Clock", int(clock.get_attribute("value")) + 15 * 60 * 1_000_000)
    expect(_output(page, "Clock")).to_have_text("09:15")
    page.wait_for_timeout(200)
    assert app.reruns == 0  # nothing is sent until the drag ends
    page.get_by_label("Size", exact=True).dispatch_event("change")
    expect(page.get_by_text("size: XL", exact=True)).to_be_visible()
    wait_idle(page)
    expect(_output(page, "Size")).to_have_text("XL")


KEPT = """
    import htst as st

    st.session_state.setdefault("runs", 0)
    st.session_state.runs += 1
    if st.button("Rerun me"):
        pass
    st.text(f"runs: {st.session_state.runs}")
    with st.expander("More"):
        on = st.checkbox("Inside")
        st.text(f"inside: {on}")
    one, two = st.tabs(["One", "Two"])
    with one:
        st.text("first tab")
    with two:
        picked = st.multiselect("Colours", ["red", "green", "blue"])
        st.text(f"colours: {', '.join(picked) or 'none'}")
"""


def test_widgets_in_an_expander_and_a_tab_keep_their_values(serve_app: Any, page: Any, wait_idle: Any) -> None:
    app = serve_app(KEPT)
    page.goto(app.url)
    summary = page.locator("summary", has_text="More")
    details = page.locator("details.htst-expander")
    inside = page.get_by_label("Inside")
    expect(inside).to_be_hidden()
    summary.click()
    inside.check()
    expect(page.get_by_text("inside: True", exact=True)).to_be_visible()
    wait_idle(page)
    # The rerun redrew the expander's contents; the user opened it, so it stays open.
    expect(details).to_have_attribute("open", "")
    summary.click()
    expect(inside).to_be_hidden()
    summary.click()
    expect(inside).to_be_checked()

    page.get_by_role("tab", name="Two").click()
    colours = page.get_by_label("Colours", exact=True)
    colours.select_option(label=["red", "blue"])
    expect(page.get_by_text("colours: red, blue", exact=True)).to_be_visible()
    wait_idle(page)
    expect(page.get_by_role("tab", name="Two")).to_have_attribute("aria-selected", "true")
    page.get_by_role("tab", name="One").click()
    expect(colours).to_be_hidden()
    page.get_by_role("tab", name="Two").click()
    expect(colours.locator("option:checked")).to_have_text(["red", "blue"])
    assert app.reruns == 2

    # A rerun for another widget leaves both values, the open expander and the tab alone.
    page.get_by_role("button", name="Rerun me").click()
    expect(page.get_by_text("runs: 4", exact=True)).to_be_visible()
    wait_idle(page)
    assert app.reruns == 3
    expect(inside).to_be_checked()
    expect(page.get_by_text("inside: True", exact=True)).to_be_visible()
    expect(colours.locator("option:checked")).to_have_text(["red", "blue"])
    expect(page.get_by_text("colours: red, blue", exact=True)).to_be_visible()
    expect(page.get_by_role("tab", name="Two")).to_have_attribute("aria-selected", "true")
    expect(details).to_have_attribute("open", "")
