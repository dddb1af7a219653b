"""Status elements as "Animate and update elements" and the AppTest cheat sheet use them:
progress bars updated in place, spinners, status containers, toasts, balloons and snow."""

from __future__ import annotations

import pytest

from htst.testing.v1 import AppTest


def _main_types(at: AppTest) -> list[str]:
    """Types of the main area's top-level nodes (AppTest has no public view of the tree's order)."""
    return [node.type for node in at._result.roots["main"].children]


def test_cheat_sheet_toast():
    def script():
        import htst as st

        st.toast("That was lit!", icon="🔥")

    at = AppTest.from_function(script).run()
    assert at.toast[0].value == "That was lit!" and at.toast[0].icon == "🔥"


def test_toast_update_replaces_the_message_in_place():
    def script():
        import htst as st

        msg = st.toast("Gathering ingredients...")
        msg.toast("Cooking...")
        msg.toast("Ready!", icon="🥞")

    at = AppTest.from_function(script).run()
    assert [t.value for t in at.toast] == ["Ready!"]
    assert at.toast[0].icon == "🥞"


def test_toasts_stack_and_do_not_take_a_place_in_the_page():
    def script():
        import htst as st

        st.toast("one")
        st.toast("two", duration="long")
        st.markdown("after")

    at = AppTest.from_function(script).run()
    assert [t.value for t in at.toast] == ["one", "two"]
    assert [t.index for t in at.toast] == [0, 1]
    assert [t.duration for t in at.toast] == [4, 10]
    # Drawn in the event area, as in Streamlit: the main page holds only the markdown.
    assert _main_types(at) == ["markdown"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.toast("")', "The `body` parameter is required. Please provide a message."),
        (
            'st.toast("x", duration="forever")',
            "Invalid `duration` value. Supported values: short, long, infinite, a positive integer.",
        ),
        (
            'st.toast("x", duration=0)',
            "Invalid `duration` value. Supported values: short, long, infinite, a positive integer.",
        ),
        (
            'st.toast("x", duration=2.5)',
            "Invalid `duration` value. Supported values: short, long, infinite, a positive integer.",
        ),
    ],
)
def test_toast_validation(call, message):
    at = AppTest.from_string(f"import htst as st\n{call}\n").run()
    assert at.exception[0].value == message
    assert not at.toast


def test_progress_in_a_loop_updates_one_element():
    def script():
        import htst as st

        bar = st.progress(0, text="Operation in progress. Please wait.")
        for percent in range(1, 101, 33):
            bar.progress(percent, text=f"{percent}%")
        bar.progress(1.0, text="Done")
        st.markdown("after")

    at = AppTest.from_function(script).run()
    assert len(at.progress) == 1
    assert at.progress[0].value == 100 and at.progress[0].text == "Done"
    assert _main_types(at) == ["progress", "markdown"]


def test_progress_float_is_a_whole_percentage_and_text_is_optional():
    def script():
        import htst as st

        st.progress(0.257)
        st.progress(0)

    at = AppTest.from_function(script).run()
    assert [p.value for p in at.progress] == [25, 0]
    assert at.progress[0].text == ""


def test_progress_empty_removes_the_bar():
    def script():
        import htst as st

        bar = st.progress(50)
        bar.empty()
        st.markdown("after")

    at = AppTest.from_function(script).run()
    assert len(at.progress) == 0
    assert at.markdown[0].value == "after"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ("150", "The `value` parameter, set to 150, is outside the required range [0, 100]."),
        ("-1", "The `value` parameter, set to -1, is outside the required range [0, 100]."),
        ("1.5", "The `value` parameter, set to 1.5, is outside the required range [0.0, 1.0]."),
        ('"50"', "Invalid `value` type. Expected one of: int, float. Provided type: str."),
        ("None", "Invalid `value` type. Expected one of: int, float. Provided type: NoneType."),
        ("20, text=5", "Invalid `text` type. Expected one of: str. Provided type: int."),
    ],
)
def test_progress_validation(args, message):
    at = AppTest.from_string(f"import htst as st\nst.progress({args})\n").run()
    assert at.exception[0].value == message


def test_progress_update_is_validated_too():
    at = AppTest.from_string("import htst as st\nbar = st.progress(10)\nbar.progress(101)\n").run()
    assert "outside the required range [0, 100]" in at.exception[0].value
    assert at.progress[0].value == 10


def test_spinner_shows_while_its_block_runs_and_is_gone_after():
    def script():
        import htst as st
        from htst.runtime.context import current

        with st.spinner("Wait for it...", show_time=True):
            st.session_state.during = [
                (n.type, n.props.get("text")) for n in current().roots["main"].walk()
            ]
        st.markdown("done")

    at = AppTest.from_function(script).run()
    assert ("spinner", "Wait for it...") in at.session_state.during
    assert len(at.spinner) == 0
    assert at.markdown[0].value == "done"


def test_spinner_is_gone_after_an_exception_in_its_block():
    def script():
        import htst as st

        with st.spinner("Working"):
            raise ValueError("boom")

    at = AppTest.from_function(script).run()
    assert len(at.spinner) == 0
    assert at.exception[0].value == "boom"


def test_spinner_as_a_decorator_and_in_a_container():
    def script():
        import htst as st
        from htst.runtime.context import current

        @st.spinner("Loading")
        def load():
            st.session_state.seen = [n.type for n in current().roots["main"].walk()].count(
                "spinner"
            )
            return 42

        box = st.container()
        st.markdown(str(load()))
        with box.spinner("inside"):
            st.session_state.where = [c.type for c in current().roots["main"].children[0].children]

    at = AppTest.from_function(script).run()
    assert at.session_state.seen == 1
    assert at.markdown[0].value == "42"
    assert at.session_state.where == ["spinner"]
    assert len(at.spinner) == 0


def test_status_as_a_context_manager_completes():
    def script():
        import htst as st

        with st.status("Downloading data...") as status:
            st.write("Searching for data...")
            st.write("Found URL.")
        st.session_state.returned = type(status).__name__

    at = AppTest.from_function(script).run()
    status = at.status[0]
    assert status.label == "Downloading data..." and status.state == "complete"
    assert status.markdown.values == ["Searching for data...", "Found URL."]
    assert at.session_state.returned == "StatusContainer"


def test_status_update_changes_it_in_place_and_is_kept_on_exit():
    def script():
        import htst as st

        with st.status("Downloading data...", expanded=True) as status:
            st.write("data")
            status.update(label="Download complete!", state="complete", expanded=False)
        with st.status("Checking", state="running") as check:
            check.update(state="error")

    at = AppTest.from_function(script).run()
    first, second = at.status
    assert (first.label, first.state, first.expanded) == ("Download complete!", "complete", False)
    assert second.state == "error"


def test_status_methods_draw_inside_without_completing_it():
    def script():
        import htst as st

        status = st.status("Working")
        status.write("step one")
        status.markdown("step two")

    at = AppTest.from_function(script).run()
    assert at.status[0].state == "running"
    assert at.status[0].markdown.values == ["step one", "step two"]


def test_status_is_error_when_an_exception_escapes():
    def script():
        import htst as st

        with st.status("Risky"):
            st.write("before")
            raise RuntimeError("failed")

    at = AppTest.from_function(script).run()
    assert at.status[0].state == "error"
    assert at.exception[0].value == "failed"


def test_status_invalid_state():
    message = "Invalid `state` value. Supported values: 'running', 'complete', 'error'."
    at = AppTest.from_string('import htst as st\nst.status("x", state="done")\n').run()
    assert at.exception[0].value == message
    at = AppTest.from_string('import htst as st\ns = st.status("x")\ns.update(state="bad")\n').run()
    assert at.exception[0].value == message
    assert at.status[0].state == "running"


def test_balloons_and_snow_are_drawn():
    def script():
        import htst as st

        st.balloons()
        st.snow()

    at = AppTest.from_function(script).run()
    assert len(at.balloons) == 1 and len(at.snow) == 1
    assert at.balloons[0].nonce != at.snow[0].nonce


def test_status_commands_are_locked_drawing_commands():
    import htst
    from htst.elements.notifications import Toast
    from htst.elements.status import Spinner, StatusContainer

    for fn in (
        htst.progress,
        htst.spinner,
        htst.status,
        htst.toast,
        htst.balloons,
        htst.snow,
        Spinner.__enter__,
        Spinner.__exit__,
        StatusContainer.update,
        StatusContainer.__exit__,
        Toast.toast,
    ):
        assert getattr(fn, "__htst_command__", False), fn
