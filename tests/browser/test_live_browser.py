"""Forms, fragments, dialogs and live updates in a real browser (issue: forms, fragments,
reruns and live updates while a script runs)."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FORM = """
    import htst as st
    st.session_state.runs = st.session_state.get("runs", 0) + 1
    with st.form("profile"):
        name = st.text_input("Name")
        age = st.number_input("Age", value=30)
        pet = st.selectbox("Pet", ["cat", "dog"])
        st.form_submit_button("Save")
    st.write(f"saved: {name} / {age} / {pet}")
    st.write(f"runs: {st.session_state.runs}")
"""


def test_form_values_wait_for_submit(serve_app, page, wait_idle):
    app = serve_app(FORM)
    page.goto(app.url)
    page.get_by_label("Name").fill("Jane")
    page.get_by_label("Name").blur()
    page.get_by_label("Pet").select_option("dog")
    page.get_by_role("spinbutton", name="Age").fill("41")
    page.get_by_role("spinbutton", name="Age").blur()
    time.sleep(0.3)
    assert app.reruns == 0, "a widget change inside a form must not send anything"
    expect(page.get_by_text("saved:  / 30 / cat")).to_be_visible()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("saved: Jane / 41 / dog")).to_be_visible()
    wait_idle(page)
    assert app.reruns == 1, "all of the form's values arrive in one rerun"
    expect(page.get_by_text("runs: 2")).to_be_visible()


def test_enter_submits_the_form(serve_app, page, wait_idle):
    app = serve_app(FORM)
    page.goto(app.url)
    page.get_by_label("Pet").select_option("dog")
    page.get_by_label("Name").fill("Ann")
    page.get_by_label("Name").press("Enter")
    expect(page.get_by_text("saved: Ann / 30 / dog")).to_be_visible()
    wait_idle(page)
    assert app.reruns == 1


def test_progress_is_seen_before_the_script_ends(serve_app, page, wait_idle):
    app = serve_app(
        """
        import time
        import htst as st
        bar = st.progress(0, text="idle")
        if st.button("Start"):
            for step in range(1, 21):
                bar.progress(step * 5, text=f"step {step}")
                time.sleep(0.1)
            st.write("finished")
        """
    )
    page.goto(app.url)
    page.get_by_role("button", name="Start").click()
    progress = page.locator("progress")
    # An intermediate value shows while "finished" is not on the page yet.
    page.wait_for_function(
        "(p => Number(p.value) > 0 && Number(p.value) < 100)(document.querySelector('progress'))"
    )
    assert page.get_by_text("finished").count() == 0
    expect(page.locator("#htst-root")).to_have_attribute("data-htst-running", "")
    expect(page.get_by_text("finished")).to_be_visible()
    expect(progress).to_have_attribute("value", "100")
    wait_idle(page)


FRAGMENT = """
    import htst as st
    st.session_state.full = st.session_state.get("full", 0) + 1
    st.title("Outside")
    st.write(f"full runs: {st.session_state.full}")

    @st.fragment
    def inner():
        st.session_state.inner = st.session_state.get("inner", 0) + 1
        on = st.toggle("Inner toggle")
        st.write(f"inner runs: {st.session_state.inner}, toggle {on}")

    inner()
    st.write("after the fragment")
"""


def test_a_fragment_rerun_leaves_the_rest_of_the_page_alone(serve_app, page, wait_idle):
    app = serve_app(FRAGMENT)
    page.goto(app.url)
    page.evaluate(
        """() => { window.marked = [...document.querySelectorAll('#hm > *')].filter(
            el => !el.classList.contains('htst-fragment'));
            window.marked.forEach(el => el.dataset.mark = 'kept'); }"""
    )
    page.get_by_text("Inner toggle").click()
    expect(page.get_by_text("inner runs: 2, toggle True")).to_be_visible()
    wait_idle(page)
    expect(page.get_by_text("full runs: 1")).to_be_visible()
    # The very same DOM nodes outside the fragment: not swapped, not even morphed into.
    same = page.evaluate(
        "() => window.marked.every(el => el.isConnected && el.dataset.mark === 'kept')"
    )
    assert same
    assert app.reruns == 1


def test_run_every_updates_on_a_timer(serve_app, page):
    app = serve_app(
        """
        import htst as st
        st.session_state.full = st.session_state.get("full", 0) + 1

        @st.fragment(run_every="1s")
        def clock():
            st.session_state.ticks = st.session_state.get("ticks", 0) + 1
            st.write(f"tick {st.session_state.ticks}")

        clock()
        st.write(f"full {st.session_state.full}")
        """
    )
    page.goto(app.url)
    expect(page.get_by_text("tick 1")).to_be_visible()
    page.wait_for_timeout(4000)
    ticks = int(re.search(r"tick (\d+)", page.inner_text("#hm")).group(1))
    assert ticks >= 4, f"expected at least 3 timer updates in 4 s, got {ticks - 1}"
    expect(page.get_by_text("full 1")).to_be_visible()
    assert app.reruns >= 3


def _wait_for_step(page, at_least: int) -> None:
    """Wait (checking every frame) until the page shows "step N" with N >= at_least."""
    page.wait_for_function(
        f"(m => m && Number(m[1]) >= {at_least})(/step (\\d+)/.exec(document.getElementById('hm').innerText))"
    )


def test_a_click_interrupts_a_long_loop(serve_app, page, wait_idle, tmp_path):
    steps = tmp_path / "steps.txt"
    app = serve_app(
        f"""
        import time
        import htst as st
        if st.button("Other"):
            st.write("other clicked")
        if st.button("Long job"):
            slot = st.empty()
            for step in range(50):
                slot.write(f"step {{step}}")
                with open({str(steps)!r}, "a") as log:
                    _ = log.write("x")
                time.sleep(0.1)
            st.write("long job done")
        """
    )
    page.goto(app.url)
    page.get_by_role("button", name="Long job").click()
    _wait_for_step(page, 5)
    page.get_by_role("button", name="Other").click()
    expect(page.get_by_text("other clicked")).to_be_visible()
    wait_idle(page)
    written = len(steps.read_text())
    time.sleep(0.5)
    # The loop stopped at its next st.* call: nothing more was written afterwards.
    assert len(steps.read_text()) == written < 50
    assert page.get_by_text("long job done").count() == 0
    assert page.get_by_text(re.compile(r"^step \d+$")).count() == 0


def test_stop_ends_the_script(serve_app, page, wait_idle):
    app = serve_app(
        """
        import time
        import htst as st
        if st.button("Go"):
            slot = st.empty()
            for step in range(100):
                slot.write(f"step {step}")
                time.sleep(0.05)
            st.write("all done")
        """
    )
    page.goto(app.url)
    page.get_by_role("button", name="Go").click()
    _wait_for_step(page, 3)
    page.get_by_role("button", name="Stop").click()
    wait_idle(page)
    expect(page.get_by_role("button", name="Stop")).to_be_hidden()
    shown = page.inner_text("#hm")
    time.sleep(0.4)
    assert page.inner_text("#hm") == shown
    assert "all done" not in shown


def test_dialog_opens_and_closes(serve_app, page, wait_idle):
    app = serve_app(
        """
        import htst as st

        @st.dialog("Cast your vote")
        def vote(item):
            st.write(f"Why is {item} your favorite?")
            reason = st.text_input("Because...")
            if st.button("Submit"):
                st.session_state.vote = {"item": item, "reason": reason}
                st.rerun()

        if "vote" not in st.session_state:
            if st.button("A"):
                vote("A")
        else:
            st.write(f"You voted for {st.session_state.vote['item']} because {st.session_state.vote['reason']}")
        """
    )
    page.goto(app.url)
    page.get_by_role("button", name="A", exact=True).click()
    dialog = page.get_by_role("dialog", name="Cast your vote")
    expect(dialog).to_be_visible()
    assert page.evaluate("() => document.querySelector('dialog').matches(':modal')")
    dialog.get_by_label("Because...").fill("it is first")
    dialog.get_by_label("Because...").press("Enter")
    wait_idle(page)
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("You voted for A because it is first")).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)
    wait_idle(page)


def test_a_long_first_run_shows_the_page_and_then_follows_it(serve_app, page, wait_idle):
    app = serve_app(
        """
        import time
        import htst as st
        st.title("Dashboard")
        bar = st.progress(0, text="loading")
        for step in range(1, 21):
            bar.progress(step * 5, text=f"loaded {step * 5}%")
            time.sleep(0.1)
        st.write("ready")
        """
    )
    started = time.monotonic()
    page.goto(app.url)
    loaded = time.monotonic() - started
    assert page.get_by_text("ready").count() == 0, f"the page waited for the whole run ({loaded:.1f} s)"
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    page.wait_for_function(
        "(p => Number(p.value) > 0 && Number(p.value) < 100)(document.querySelector('progress'))"
    )
    expect(page.get_by_text("ready")).to_be_visible()
    wait_idle(page)
    assert app.reruns == 0, "following the first run is not a rerun"


def test_a_form_works_without_javascript(serve_app, new_page):
    app = serve_app(FORM)
    page = new_page(java_script_enabled=False)
    page.goto(app.url)
    page.get_by_label("Name").fill("Noscript")
    page.get_by_role("spinbutton", name="Age").fill("7")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("saved: Noscript / 7 / cat")).to_be_visible()
    assert app.reruns == 1


def test_enter_submits_a_form_without_javascript(serve_app, new_page):
    app = serve_app(FORM)
    page = new_page(java_script_enabled=False)
    page.goto(app.url)
    page.get_by_label("Name").fill("Keys")
    page.get_by_label("Name").press("Enter")
    expect(page.get_by_text("saved: Keys / 30 / cat")).to_be_visible()
    assert app.reruns == 1
