"""What only a browser shows of Streamlit 1.67's layout parameters: expanders and tabs with
`on_change` rerun when opened or switched (with and without JavaScript), the others do
not; a horizontal container lays its children out in a row."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SECTIONS = """
    import htst as st
    st.session_state.setdefault("calls", [])

    def opened():
        st.session_state.calls.append(("more", st.session_state.more))

    def switched():
        st.session_state.calls.append(("tab", st.session_state.tab))

    box = st.expander("More", key="more", on_change=opened)
    box.write(f"Expanded: {box.open}")
    st.expander("Plain").write("Plain content")
    one, two = st.tabs(["One", "Two"], key="tab", on_change=switched)
    two.write(f"Second is open: {two.open}")
    st.tabs(["Left", "Right"])[1].write("Right content")
    st.write(f"Calls: {st.session_state.calls}")
"""


def test_a_stateful_expander_reruns_when_opened_and_closed(serve_app, page, wait_idle):
    app = serve_app(SECTIONS)
    page.goto(app.url)
    page.get_by_text("More", exact=True).click()
    expect(page.get_by_text("Expanded: True")).to_be_visible()
    expect(page.get_by_text("Calls: [('more', True)]")).to_be_visible()
    wait_idle(page)
    assert app.reruns == 1
    page.get_by_text("More", exact=True).click()
    expect(page.get_by_text("Calls: [('more', True), ('more', False)]")).to_be_visible()
    expect(page.get_by_text("Expanded: False")).to_be_hidden()  # closed again
    wait_idle(page)
    assert app.reruns == 2


def test_plain_expanders_and_tabs_send_nothing(serve_app, page, wait_idle):
    app = serve_app(SECTIONS)
    page.goto(app.url)
    page.get_by_text("Plain", exact=True).click()
    expect(page.get_by_text("Plain content")).to_be_visible()
    page.get_by_role("tab", name="Right").click()
    expect(page.get_by_text("Right content")).to_be_visible()
    page.wait_for_timeout(200)
    assert app.reruns == 0


def test_a_stateful_tab_switch_reruns_and_runs_the_callback(serve_app, page, wait_idle):
    app = serve_app(SECTIONS)
    page.goto(app.url)
    page.get_by_role("tab", name="Two").click()
    expect(page.get_by_text("Second is open: True")).to_be_visible()
    expect(page.get_by_text("Calls: [('tab', 'Two')]")).to_be_visible()
    expect(page.get_by_role("tab", name="Two")).to_have_attribute("aria-selected", "true")
    wait_idle(page)
    assert app.reruns == 1
    page.get_by_role("tab", name="Two").click()  # already active: nothing to send
    page.wait_for_timeout(200)
    assert app.reruns == 1


def test_without_javascript_stateful_sections_still_rerun(serve_app, new_page):
    app = serve_app(SECTIONS)
    page = new_page(java_script_enabled=False)
    page.goto(app.url)
    page.get_by_role("tab", name="Two").click()
    expect(page.get_by_text("Second is open: True")).to_be_visible()
    page.get_by_role("button", name="Expand: More").click()
    expect(page.get_by_text("Expanded: True")).to_be_visible()
    expect(page.get_by_text("Calls: [('tab', 'Two'), ('more', True)]")).to_be_visible()


def test_a_horizontal_container_is_a_row(serve_app, page):
    app = serve_app("""
        import htst as st
        with st.container(horizontal=True, gap="large"):
            st.button("First")
            st.button("Second")
        with st.container():
            st.button("Third")
            st.button("Fourth")
        """)
    page.goto(app.url)
    first, second = (page.get_by_role("button", name=n).bounding_box() for n in ("First", "Second"))
    assert abs(first["y"] - second["y"]) < 1 and second["x"] - (first["x"] + first["width"]) >= 60  # 4rem
    third, fourth = (page.get_by_role("button", name=n).bounding_box() for n in ("Third", "Fourth"))
    assert fourth["y"] > third["y"] + third["height"]


def test_step_expanders_are_joined_by_a_line_with_or_without_on_change(serve_app, page):
    app = serve_app("""
        import htst as st
        for name, change in (("One", "ignore"), ("Two", "rerun"), ("Three", "rerun"), ("Four", "ignore")):
            with st.expander(name, type="step", expanded=True, key=name, on_change=change):
                st.write(f"Inside {name}")
        """)
    page.goto(app.url)
    expect(page.get_by_text("Inside Four")).to_be_visible()
    lines = page.locator("details.htst-expander--step").evaluate_all(
        "all => all.map(d => getComputedStyle(d, '::after').borderLeftWidth)")
    assert lines == ["2px", "2px", "2px", "0px"]  # each step but the last leads to the next


@pytest.mark.parametrize("position", ["left", "right"])
def test_a_dialog_drawer_sits_on_its_side(serve_app, page, position):
    app = serve_app(f"""
        import htst as st

        @st.dialog("Drawer", position={position!r}, width=400)
        def drawer():
            st.write("inside")

        drawer()
        """)
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto(app.url)
    box = page.get_by_role("dialog").bounding_box()
    assert (box["width"], box["height"]) == (400, 700)
    assert box["x"] == (0 if position == "left" else 600)
