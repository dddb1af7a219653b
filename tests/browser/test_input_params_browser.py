"""What only a browser shows of the 1.67 button and input parameters: keyboard shortcuts,
required / validate checks made before anything is sent, live typing, filter boxes,
"Select all", a search field's clear button, and link buttons that also rerun."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SHORTCUTS = """
    import htst as st

    st.session_state.setdefault("log", [])
    if st.button("Plain", shortcut="K"):
        st.session_state.log.append("k")
    if st.button("Combo", shortcut="Ctrl+Shift+J"):
        st.session_state.log.append("combo")
    st.button("Off", shortcut="L", disabled=True)
    st.text_input("Name")
    st.markdown("log: " + " ".join(st.session_state.log))
"""


def _ready(page):
    """Wait until htmx has taken the app form over (a key pressed before has no request to make)."""
    expect(page.locator("#htst-form")).to_have_attribute("data-htmx-powered", "true")


def test_a_shortcut_clicks_its_button_unless_a_field_has_the_focus(serve_app, page, wait_idle):
    app = serve_app(SHORTCUTS)
    page.goto(app.url)
    _ready(page)
    log = page.locator("#htst-main p", has_text="log:")
    page.keyboard.press("k")
    expect(log).to_have_text("log: k")
    wait_idle(page)
    page.keyboard.press("Control+Shift+J")
    expect(log).to_have_text("log: k combo")
    wait_idle(page)
    page.keyboard.press("Meta+Shift+J")  # Cmd stands for Ctrl, whatever the platform
    expect(log).to_have_text("log: k combo combo")
    wait_idle(page)
    assert app.reruns == 3
    page.keyboard.press("l")  # a disabled button's shortcut does nothing
    page.keyboard.press("Shift+K")  # nor do other modifiers
    page.get_by_label("Name").click()
    page.keyboard.type("kk")  # typing in a field is typing
    page.wait_for_timeout(300)
    assert app.reruns == 3
    expect(page.get_by_label("Name")).to_have_value("kk")


def test_a_form_submit_shortcut_submits_the_form(serve_app, page):
    app = serve_app("""
        import htst as st

        with st.form("f"):
            note = st.text_input("Note")
            sent = st.form_submit_button("Send", shortcut="Ctrl+Enter")
        st.markdown(f"sent={sent} note={note}")
    """)
    page.goto(app.url)
    _ready(page)
    page.get_by_label("Note").fill("hi")
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("Control+Enter")
    expect(page.get_by_text("sent=True note=hi")).to_be_visible()
    assert app.reruns == 1


CHECKS = """
    import htst as st

    name = st.text_input("Name", "Ada", required=True)
    code = st.text_input("Code", validate=(r"^\\d+$", "Digits only"))
    other = st.button("Other")
    with st.form("f"):
        email = st.text_input("Email", type="email", required=True)
        sent = st.form_submit_button("Send")
    st.markdown(f"name={name} code={code} other={other} email={email} sent={sent}")
"""


def test_a_required_field_emptied_is_not_sent_and_blocks_nothing_else(serve_app, page, wait_idle):
    app = serve_app(CHECKS)
    page.goto(app.url)
    name = page.get_by_label("Name")
    name.fill("")
    name.press("Enter")
    expect(page.get_by_role("alert")).to_have_text("This field is required.")
    page.wait_for_timeout(200)
    assert app.reruns == 0
    page.get_by_role("button", name="Other").click()
    expect(page.get_by_text("name=Ada code= other=True")).to_be_visible()
    wait_idle(page)
    assert app.reruns == 1


def test_a_text_its_pattern_refuses_is_not_sent(serve_app, page, wait_idle):
    app = serve_app(CHECKS)
    page.goto(app.url)
    code = page.get_by_label("Code")
    code.fill("12a")
    code.press("Enter")
    expect(page.get_by_role("alert")).to_have_text("Digits only")
    page.wait_for_timeout(200)
    assert app.reruns == 0
    code.fill("123")
    code.press("Enter")
    expect(page.get_by_text("code=123")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)


def test_a_form_waits_for_its_required_and_valid_fields(serve_app, page, wait_idle):
    app = serve_app(CHECKS)
    page.goto(app.url)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("alert")).to_have_text("This field is required.")
    page.get_by_label("Email").fill("not an email")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("alert")).to_have_text("Enter a valid email address.")
    page.wait_for_timeout(200)
    assert app.reruns == 0
    page.get_by_label("Email").fill("ada@example.org")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("email=ada@example.org sent=True")).to_be_visible()
    wait_idle(page)
    assert app.reruns == 1


def test_a_disabled_required_field_does_not_hold_its_form(serve_app, page):
    app = serve_app("""
        import htst as st

        with st.form("f"):
            st.text_input("Locked", required=True, disabled=True)
            sent = st.form_submit_button("Send")
        st.markdown(f"sent={sent}")
    """)
    page.goto(app.url)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("sent=True")).to_be_visible()
    assert app.reruns == 1


def test_live_typing_is_sent_after_a_pause(serve_app, page):
    app = serve_app("""
        import htst as st

        q = st.text_input("Query", live="300ms")
        st.markdown(f"q={q}")
    """)
    page.goto(app.url)
    page.get_by_label("Query").fill("abc")  # one input event: sent once, after the pause
    page.wait_for_timeout(50)
    assert app.reruns == 0
    expect(page.get_by_text("q=abc")).to_be_visible()  # no Enter, no blur
    expect(page.get_by_label("Query")).to_be_focused()
    assert app.reruns == 1


def test_clearing_a_search_field_sends_the_empty_text(serve_app, page):
    app = serve_app("""
        import htst as st

        q = st.text_input("Find", "old", type="search")
        st.markdown(f"q=[{q}]")
    """)
    page.goto(app.url)
    box = page.get_by_label("Find")
    box.focus()
    box.evaluate("el => { el.value = ''; el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('search', {bubbles: true})); }")
    expect(page.get_by_text("q=[]")).to_be_visible()
    assert app.reruns == 1


FILTERS = """
    import htst as st

    fruit = st.selectbox("Fruit", ["apple", "banana", "cherry", "date", "elder", "fig", "grape"], filter_mode="contains")
    many = st.multiselect("Many", ["apple", "banana", "cherry", "date", "elder", "fig", "grape"])
    st.markdown(f"fruit={fruit} many={many}")
"""


def test_a_filter_box_hides_what_does_not_match_and_enter_picks_the_first_match(serve_app, page, wait_idle):
    app = serve_app(FILTERS)
    page.goto(app.url)
    box = page.get_by_label("Filter the options of Fruit")
    expect(box).to_be_visible()
    box.fill("an")
    shown = page.locator("#" + page.get_by_label("Fruit", exact=True).get_attribute("id") + " option:not([hidden])")
    expect(shown).to_have_text(["apple", "banana"])  # the selected option stays
    box.press("Enter")
    expect(page.get_by_text("fruit=banana")).to_be_visible()
    wait_idle(page)
    expect(box).to_have_value("an")
    assert app.reruns == 1


def test_fuzzy_filter_and_select_all_select_the_matches(serve_app, page, wait_idle):
    app = serve_app(FILTERS)
    page.goto(app.url)
    page.get_by_label("Filter the options of Many").fill("ae")  # fuzzy: a, then e
    page.get_by_role("button", name="Select all").click()
    expect(page.get_by_text("many=['apple', 'date', 'grape']")).to_be_visible()
    wait_idle(page)
    assert app.reruns == 1


def test_filter_boxes_need_javascript(serve_app, new_page):
    app = serve_app(FILTERS)
    page = new_page(java_script_enabled=False)
    page.goto(app.url)
    expect(page.get_by_label("Filter the options of Fruit")).to_be_hidden()


def test_a_link_button_that_reruns_opens_its_link_and_reruns(serve_app, page, wait_idle):
    app = serve_app("""
        import htst as st

        opened = st.link_button("Docs", "about:blank#docs", on_click="rerun")
        st.markdown(f"opened={opened}")
    """)
    page.goto(app.url)
    with page.context.expect_page() as popup:
        page.get_by_role("link", name="Docs").click()
    assert popup.value.url == "about:blank#docs"
    expect(page.get_by_text("opened=True")).to_be_visible()
    wait_idle(page)
    assert app.reruns == 1


def test_without_javascript_a_link_button_that_reruns_opens_the_link_in_a_new_tab(serve_app, new_page):
    app = serve_app("""
        import htst as st

        st.session_state.setdefault("n", 0)
        if st.link_button("Docs", "/_htst/health", on_click="rerun"):
            st.session_state.n += 1
        st.markdown(f"n={st.session_state.n}")
        st.button("Refresh")
    """)
    page = new_page(java_script_enabled=False)
    page.goto(app.url)
    with page.context.expect_page() as popup:
        page.get_by_role("link", name="Docs").click()
    popup.value.wait_for_load_state()
    assert popup.value.url.endswith("/_htst/health")
    # The click ran in this tab's session; the tab shows it with its next post.
    page.get_by_role("button", name="Refresh").click()
    expect(page.get_by_text("n=1")).to_be_visible()


def test_a_new_selectbox_option_is_typed_and_sent_with_enter(serve_app, page, wait_idle):
    app = serve_app("""
        import htst as st

        v = st.selectbox("Fruit", ["Apple", "Pear"], accept_new_options=True, required=True)
        st.markdown(f"fruit={v}")
    """)
    page.goto(app.url)
    typed = page.get_by_label("Fruit: type a new option")
    typed.fill("Kiwi")
    typed.press("Enter")
    expect(page.get_by_text("fruit=Kiwi")).to_be_visible()
    wait_idle(page)
    expect(typed).to_have_value("")  # emptied once sent
    page.get_by_label("Fruit", exact=True).select_option("Pear")
    expect(page.get_by_text("fruit=Pear")).to_be_visible()


SLOW_CHAT = """
    import time
    import htst as st

    st.session_state.setdefault("got", [])
    said = st.chat_input("Say", submit_mode="{mode}")
    if said:
        st.session_state.got.append(said)
        st.markdown("thinking")
        time.sleep(1.5)
    st.markdown("got: " + " ".join(st.session_state.got))
"""


def test_chat_input_submit_mode_stop_offers_stop_while_the_run_goes_on(serve_app, page, wait_idle):
    app = serve_app(SLOW_CHAT.replace("{mode}", "stop"))
    page.goto(app.url)
    box = page.get_by_label("Say")
    box.fill("one")
    box.press("Enter")
    stop = page.locator(".htst-chat-input").get_by_role("button", name="Stop")
    expect(stop).to_be_visible()
    expect(page.get_by_role("button", name="Send message")).to_be_hidden()
    stop.click()
    wait_idle(page)
    expect(stop).to_be_hidden()
    expect(page.get_by_role("button", name="Send message")).to_be_visible()


def test_chat_input_submit_mode_disable_sends_nothing_while_the_run_goes_on(serve_app, page, wait_idle):
    app = serve_app(SLOW_CHAT.replace("{mode}", "disable"))
    page.goto(app.url)
    box = page.get_by_label("Say")
    box.fill("one")
    box.press("Enter")
    expect(page.get_by_text("thinking")).to_be_visible()
    box.fill("two")  # fill() types even where a user could not click
    box.press("Enter")
    wait_idle(page)
    expect(page.get_by_text("got: one", exact=True)).to_be_visible()
    assert app.reruns == 1
    box.press("Enter")  # once the run is over, the box sends again
    expect(page.get_by_text("got: one two", exact=True)).to_be_visible()
