"""Working with fragments: functions that rerun on their own (docs: fragments, st.dialog).

Which code ran is counted through Session State: a fragment rerun executes the
fragment's function and nothing outside it.
"""

from __future__ import annotations

import pytest

from htst.testing.v1 import AppTest

FRAGMENT_OUTSIDE = "Fragments cannot write widgets to outside containers."


def _api_error(at: AppTest) -> str:
    assert len(at.exception) == 1, at.exception
    assert at.exception[0].type in ("HtstAPIException", "StreamlitAPIException")
    return at.exception[0].message


# -- the documented examples ----------------------------------------------------------
def test_fragment_function_with_a_button():
    def app():
        import htst as st

        @st.fragment
        def fragment_function():
            if st.button("Hi!"):
                st.write("Hi back!")

        fragment_function()

    at = AppTest.from_function(app).run()
    assert at.markdown.values == []
    at.button[0].click().run()
    assert at.markdown.values == ["Hi back!"]
    at.run()
    assert at.markdown.values == []


def test_fragment_called_inside_the_sidebar_renders_there():
    def app():
        import htst as st

        @st.fragment
        def fragment_function():
            if st.button("Hi!"):
                st.write("Hi back!")

        with st.sidebar:
            fragment_function()

    at = AppTest.from_function(app).run()
    assert len(at.sidebar.button) == 1 and len(at.main.button) == 0
    at.sidebar.button[0].click().run()
    assert at.sidebar.markdown.values == ["Hi back!"]
    assert at.main.markdown.values == []


def _counted(at: AppTest) -> tuple[int, int, int]:
    state = at.session_state
    return state.full, state.first, state.second


def test_execution_flow_toggle_and_text_filter_and_file():
    def app():
        import htst as st

        # Counters added to the documented example to see which code ran.
        for name in ("full", "first", "second"):
            st.session_state.setdefault(name, 0)
        st.session_state.full += 1

        st.title("My Awesome App")

        @st.fragment()
        def toggle_and_text():
            st.session_state.first += 1
            cols = st.columns(2)
            cols[0].toggle("Toggle")
            cols[1].text_area("Enter text")

        @st.fragment()
        def filter_and_file():
            st.session_state.second += 1
            cols = st.columns(2)
            cols[0].checkbox("Filter")
            cols[1].file_uploader("Upload image")

        toggle_and_text()
        cols = st.columns(2)
        cols[0].selectbox("Select", [1, 2, 3], None)
        cols[1].button("Update")
        filter_and_file()

    at = AppTest.from_function(app).run()
    assert _counted(at) == (1, 1, 1)
    assert at.title.values == ["My Awesome App"]

    at.toggle[0].check().run()
    assert _counted(at) == (1, 2, 1)
    assert at.toggle[0].value is True
    at.text_area[0].input("notes").run()
    assert _counted(at) == (1, 3, 1)

    at.checkbox[0].check().run()
    assert _counted(at) == (1, 3, 2)
    assert at.checkbox[0].value is True

    at.button[0].click().run()
    assert _counted(at) == (2, 4, 3)
    at.selectbox[0].select(2).run()
    assert _counted(at) == (3, 5, 4)
    # Everything kept its value through the fragment and full reruns.
    assert at.toggle[0].value is True and at.text_area[0].value == "notes"
    assert at.checkbox[0].value is True and at.selectbox[0].value == 2
    assert at.title.values == ["My Awesome App"]


def test_run_every_accepts_the_documented_string():
    def app():
        import htst as st

        @st.fragment(run_every="10s")
        def auto_function():
            # This will update every 10 seconds!
            st.write("latest")

        auto_function()

    at = AppTest.from_function(app).run()
    assert at.get("fragment")[0].props["run_every"] == 10.0
    assert at.markdown.values == ["latest"]


# -- fragment reruns ------------------------------------------------------------------
COUNTING_APP = """
import htst as st

st.session_state.setdefault("full", 0)
st.session_state.setdefault("frag", 0)
st.session_state.full += 1
st.write(f"full={st.session_state.full}")

@st.fragment
def counter():
    st.session_state.frag += 1
    n = st.number_input("n", value=0, key="n")
    st.write(f"frag={st.session_state.frag} n={n}")

counter()
st.checkbox("outside")
"""


def test_widget_in_a_fragment_reruns_only_the_fragment():
    at = AppTest.from_string(COUNTING_APP).run()
    assert at.markdown.values == ["full=1", "frag=1 n=0"]
    at.number_input[0].increment().run()
    assert (at.session_state.full, at.session_state.frag) == (1, 2)
    # The outside line still shows the value from the last full run.
    assert at.markdown.values == ["full=1", "frag=2 n=1"]
    at.number_input[0].increment().run()
    assert at.markdown.values == ["full=1", "frag=3 n=2"]
    assert at.session_state.n == 2


def test_widget_outside_the_fragment_reruns_everything():
    at = AppTest.from_string(COUNTING_APP).run()
    at.checkbox[0].check().run()
    assert at.markdown.values == ["full=2", "frag=2 n=0"]


def test_changes_in_and_outside_a_fragment_together_rerun_the_app():
    at = AppTest.from_string(COUNTING_APP).run()
    at.number_input[0].set_value(5)
    at.checkbox[0].check()
    at.run()
    assert at.markdown.values == ["full=2", "frag=2 n=5"]


def test_fragment_reruns_do_not_pile_up_elements_in_its_body():
    at = AppTest.from_string(COUNTING_APP).run()
    for _ in range(3):
        at.number_input[0].increment().run()
    fragment = at.get("fragment")[0]
    assert len(fragment.markdown) == 1 and len(fragment.number_input) == 1


def test_fragment_without_and_with_parentheses():
    def app():
        import htst as st

        st.session_state.setdefault("runs", [])

        @st.fragment
        def bare():
            st.session_state.runs.append("bare")
            st.checkbox("a")

        @st.fragment()
        def called():
            st.session_state.runs.append("called")
            st.checkbox("b")

        bare()
        called()

    at = AppTest.from_function(app).run()
    assert len(at.get("fragment")) == 2
    at.checkbox[0].check().run()
    at.checkbox[1].check().run()
    assert at.session_state.runs == ["bare", "called", "bare", "called"]


def test_fragment_keeps_its_name_and_arguments():
    def app():
        import htst as st

        @st.fragment
        def greet(name, *, punctuation="!"):
            """Greets."""
            st.button("again")
            st.write(f"Hello {name}{punctuation}")

        greet("Ada", punctuation="?")
        st.session_state.meta = (greet.__name__, greet.__doc__)

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["Hello Ada?"]
    assert at.session_state.meta == ("greet", "Greets.")
    at.button[0].click().run()
    assert at.markdown.values == ["Hello Ada?"]


def test_return_value_is_used_on_a_full_run_only():
    def app():
        import htst as st

        st.session_state.setdefault("full", 0)
        st.session_state.full += 1

        @st.fragment
        def pick():
            return st.slider("Pick", 0, 10, 3)

        value = pick()
        st.write(f"returned {value}")

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["returned 3"]
    at.slider[0].set_value(7).run()
    assert at.session_state.full == 1
    assert at.markdown.values == ["returned 3"]  # outside code did not run
    at.run()
    assert at.markdown.values == ["returned 7"]


def test_nested_containers_inside_a_fragment():
    def app():
        import htst as st

        st.session_state.setdefault("full", 0)
        st.session_state.full += 1

        @st.fragment
        def panel():
            left, right = st.columns(2)
            with left, st.expander("More", expanded=True):
                flag = st.checkbox("Deep")
            with right.container():
                st.write(f"deep={flag}")
            tab, _ = st.tabs(["One", "Two"])
            tab.text_input("In tab", key="tabbed")

        panel()

    at = AppTest.from_function(app).run()
    at.checkbox[0].check().run()
    assert at.session_state.full == 1
    assert at.markdown.values == ["deep=True"]
    at.text_input("tabbed").input("hi").run()
    assert at.session_state.full == 1
    assert at.session_state.tabbed == "hi"


def test_fragment_inside_a_container_renders_there():
    def app():
        import htst as st

        @st.fragment
        def inner():
            st.button("Press")

        box = st.container()
        st.write("below the box")
        with box:
            inner()

    at = AppTest.from_function(app).run()
    main = at.main._nodes()[1]
    assert [child.type for child in main.children] == ["container", "markdown"]
    box = main.children[0]
    assert box.children[0].type == "fragment"
    assert box.children[0].children[0].type == "button"


def test_widget_keys_in_a_fragment_are_shared_with_the_app():
    def app():
        import htst as st

        @st.fragment
        def editor():
            st.text_input("Name", key="name")

        editor()
        st.write(f"hello {st.session_state.name}")

    at = AppTest.from_function(app).run()
    at.text_input("name").input("Ada").run()
    assert at.session_state.name == "Ada"
    assert at.markdown.values == ["hello "]  # outside code waits for a full run
    at.run()
    assert at.markdown.values == ["hello Ada"]
    assert at.text_input("name").value == "Ada"


def test_fragment_no_longer_called_forgets_its_widgets():
    def app():
        import htst as st

        show = st.checkbox("Show", value=True)

        @st.fragment
        def part():
            st.text_input("Inside", key="inside")

        if show:
            part()

    at = AppTest.from_function(app).run()
    at.text_input("inside").input("typed").run()
    assert at.session_state.inside == "typed"
    at.checkbox[0].uncheck().run()
    assert len(at.get("fragment")) == 0
    assert "inside" not in at.session_state
    at.checkbox[0].check().run()
    assert at.text_input("inside").value == ""


def test_form_inside_a_fragment_submits_as_a_fragment_rerun():
    def app():
        import htst as st

        st.session_state.setdefault("full", 0)
        st.session_state.full += 1

        @st.fragment
        def part():
            with st.form("f"):
                text = st.text_input("Text")
                st.form_submit_button("Send")
            st.write(f"text={text!r}")

        part()

    at = AppTest.from_function(app).run()
    at.text_input[0].input("a").run()  # nothing sent: a plain full rerun
    assert at.markdown.values == ["text=''"]
    assert at.session_state.full == 2
    at.button[0].click().run()
    assert at.markdown.values == ["text='a'"]
    assert at.session_state.full == 2


def test_clear_on_submit_form_inside_a_fragment():
    def app():
        import htst as st

        @st.fragment
        def part():
            with st.form("f", clear_on_submit=True):
                text = st.text_input("Text")
                st.form_submit_button("Send")
            if text:
                st.session_state.setdefault("got", []).append(text)

        part()

    at = AppTest.from_function(app).run()
    at.text_input[0].input("a")
    at.button[0].click().run()
    assert at.session_state.got == ["a"]
    assert at.text_input[0].value == ""
    at.button[0].click().run()
    assert at.session_state.got == ["a"]


def test_fragment_writes_a_key_of_an_outside_widget_for_the_next_full_run():
    def app():
        import htst as st

        x = st.text_input("X", key="x")
        st.write(f"x={x}")

        @st.fragment
        def setter():
            if st.button("Set"):
                st.session_state.x = "from fragment"

        setter()

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert at.session_state.x == "from fragment"
    assert at.markdown.values == ["x="]
    at.run()
    assert at.markdown.values == ["x=from fragment"]
    assert at.text_input("x").value == "from fragment"


def test_callback_output_of_a_fragment_widget_lasts_one_run():
    def app():
        import htst as st

        @st.fragment
        def part():
            st.number_input(
                "n",
                value=0,
                key="n",
                on_change=lambda: st.write(f"changed to {st.session_state.n}"),
            )
            st.checkbox("quiet")

        part()

    at = AppTest.from_function(app).run()
    at.number_input[0].increment().run()
    assert at.markdown.values == ["changed to 1"]
    at.number_input[0].increment().run()
    assert at.markdown.values == ["changed to 2"]
    at.checkbox[0].check().run()
    assert at.markdown.values == []


# -- errors ---------------------------------------------------------------------------
def test_error_in_a_fragment_rerun_shows_inside_it_without_piling_up():
    def app():
        import htst as st

        @st.fragment
        def part():
            n = st.number_input("n", value=0)
            if n > 0:
                raise ValueError(f"boom {n}")
            st.write("fine")

        part()
        st.write("end")

    at = AppTest.from_function(app).run()
    for n in (1, 2, 3):
        at.number_input[0].increment().run()
        fragment = at.get("fragment")[0]
        assert [e.message for e in at.exception] == [f"boom {n}"]
        assert [e.message for e in fragment.exception] == [f"boom {n}"]
        assert at.markdown.values == ["end"]
    at.number_input[0].set_value(0).run()
    assert len(at.exception) == 0
    assert at.markdown.values == ["fine", "end"]


def test_error_in_a_fragment_on_a_full_run_shows_inside_it_and_ends_the_run():
    def app():
        import htst as st

        @st.fragment
        def part():
            st.write("before")
            raise RuntimeError("broken")

        part()
        st.write("not reached")

    at = AppTest.from_function(app).run()
    fragment = at.get("fragment")[0]
    assert [e.message for e in fragment.exception] == ["broken"]
    assert [e.type for e in at.exception] == ["RuntimeError"]
    assert at.markdown.values == ["before"]


# -- outside containers ---------------------------------------------------------------
def test_elements_written_to_outside_containers_accumulate_until_a_full_run():
    def app():
        import htst as st

        outside = st.container()

        @st.fragment
        def ticker():
            st.button("Tick")
            outside.write("tick")

        ticker()

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["tick"]
    at.button[0].click().run()
    assert at.markdown.values == ["tick", "tick"]
    at.button[0].click().run()
    assert at.markdown.values == ["tick", "tick", "tick"]
    at.run()
    assert at.markdown.values == ["tick"]


def test_an_outside_st_empty_does_not_accumulate():
    def app():
        import htst as st

        st.session_state.setdefault("n", 0)
        slot = st.empty()

        @st.fragment
        def ticker():
            st.session_state.n += 1
            st.button("Tick")
            slot.write(f"n={st.session_state.n}")

        ticker()

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.markdown.values == ["n=3"]


def test_outside_sidebar_write_from_a_fragment_accumulates():
    def app():
        import htst as st

        @st.fragment
        def part():
            st.button("Log")
            st.sidebar.write("logged")

        part()

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert at.sidebar.markdown.values == ["logged", "logged"]
    at.run()
    assert at.sidebar.markdown.values == ["logged"]


def test_widget_written_to_an_outside_container_raises():
    def app():
        import htst as st

        outside = st.container()

        @st.fragment
        def part():
            outside.button("Outside")

        part()

    assert _api_error(AppTest.from_function(app).run()) == FRAGMENT_OUTSIDE


def test_widget_written_to_the_sidebar_from_a_main_fragment_raises():
    def app():
        import htst as st

        @st.fragment
        def part():
            st.write("fine")
            with st.sidebar:
                st.checkbox("Nope")

        part()

    at = AppTest.from_function(app).run()
    assert _api_error(at) == FRAGMENT_OUTSIDE
    assert at.markdown.values == ["fine"]


def test_widget_written_outside_during_a_fragment_rerun_raises():
    def app():
        import htst as st

        outside = st.container()

        @st.fragment
        def part():
            if st.checkbox("Break"):
                outside.text_input("Outside")

        part()

    at = AppTest.from_function(app).run()
    assert len(at.exception) == 0
    at.checkbox[0].check().run()
    assert _api_error(at) == FRAGMENT_OUTSIDE


# -- st.rerun -------------------------------------------------------------------------
RERUN_APP = """
import htst as st

st.session_state.setdefault("full", 0)
st.session_state.setdefault("frag", 0)
st.session_state.full += 1

@st.fragment
def part():
    st.session_state.frag += 1
    scope = st.radio("scope", ["none", "default", "app", "fragment"], key="scope")
    if st.button("Rerun") and scope != "none":
        if scope == "default":
            st.rerun()
        st.rerun(scope=scope)

part()
"""


def _rerun_with(at: AppTest, scope: str) -> tuple[int, int]:
    before = (at.session_state.full, at.session_state.frag)
    at.radio("scope").set_value(scope).run()
    at.button[0].click().run()
    after = (at.session_state.full, at.session_state.frag)
    return after[0] - before[0], after[1] - before[1]


def test_st_rerun_in_a_fragment_reruns_the_whole_app():
    at = AppTest.from_string(RERUN_APP).run()
    # radio change: fragment rerun; click: fragment rerun, then a full run.
    assert _rerun_with(at, "default") == (1, 3)
    assert len(at.exception) == 0


def test_st_rerun_scope_app_reruns_the_whole_app():
    at = AppTest.from_string(RERUN_APP).run()
    assert _rerun_with(at, "app") == (1, 3)


def test_st_rerun_scope_fragment_reruns_only_the_fragment():
    at = AppTest.from_string(RERUN_APP).run()
    assert _rerun_with(at, "fragment") == (0, 3)
    assert len(at.exception) == 0
    assert at.button[0].value is False


def test_st_rerun_scope_fragment_in_a_nested_fragment_reruns_the_inner_one():
    def app():
        import htst as st

        st.session_state.setdefault("runs", {"app": 0, "outer": 0, "inner": 0})
        st.session_state.runs["app"] += 1

        @st.fragment
        def outer():
            st.session_state.runs["outer"] += 1
            st.button("Outer")
            inner()

        @st.fragment
        def inner():
            st.session_state.runs["inner"] += 1
            if st.session_state.pop("again", False):
                st.rerun(scope="fragment")
            st.write(f"inner ran {st.session_state.runs['inner']} times")

        outer()

    at = AppTest.from_function(app).run()
    at.session_state.again = True
    at.button[0].click().run()  # reruns `outer`, whose `inner` asks for its own rerun
    assert not at.exception
    assert at.session_state.runs == {"app": 1, "outer": 2, "inner": 3}
    assert at.markdown.values == ["inner ran 3 times"]


def test_st_rerun_scope_fragment_outside_a_fragment_rerun_raises():
    def app():
        import htst as st

        st.rerun(scope="fragment")

    message = _api_error(AppTest.from_function(app).run())
    assert message.startswith(
        'scope="fragment" can only be specified from `@st.fragment`-decorated functions'
    )


def test_st_rerun_scope_fragment_in_a_full_run_raises():
    def app():
        import htst as st

        @st.fragment
        def part():
            st.rerun(scope="fragment")

        part()

    message = _api_error(AppTest.from_function(app).run())
    assert "during fragment reruns" in message


def test_st_rerun_with_a_fragment_key_outside_a_callback_raises():
    # Any other scope names fragments (@st.fragment(key=...)), which only a widget
    # callback may rerun (Streamlit 1.67); tests/elements/test_rerun_params.py has more.
    def app():
        import htst as st

        st.rerun(scope="page")

    assert _api_error(AppTest.from_function(app).run()).startswith(
        "Passing a fragment key to `st.rerun()` is only allowed from a widget callback"
    )


# -- run_every ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("10s", 10.0),
        ("2m", 120.0),
        ("500ms", 0.5),
        ("1h", 3600.0),
        (5, 5.0),
        (0.25, 0.25),
        ("timedelta", 90.0),
    ],
)
def test_run_every_parses_durations(value, seconds):
    def app(value):
        import datetime

        import htst as st

        if value == "timedelta":
            value = datetime.timedelta(minutes=1, seconds=30)

        @st.fragment(run_every=value)
        def auto():
            st.write("tick")

        auto()

    at = AppTest.from_function(app, args=(value,)).run()
    assert len(at.exception) == 0
    assert at.get("fragment")[0].props["run_every"] == seconds


def test_run_every_none_means_no_timer():
    def app():
        import htst as st

        @st.fragment(run_every=None)
        def plain():
            st.write("x")

        plain()

    at = AppTest.from_function(app).run()
    assert at.get("fragment")[0].props["run_every"] is None


@pytest.mark.parametrize("value", ["soon", "10 parsecs", True, [10]])
def test_run_every_with_a_bad_value_raises_a_clear_error(value):
    def app(value):
        import htst as st

        @st.fragment(run_every=value)
        def auto():
            st.write("tick")

        auto()

    message = _api_error(AppTest.from_function(app, args=(value,)).run())
    assert f"Unable to convert {value!r} to a duration for `run_every`." in message


@pytest.mark.parametrize("value", [0, -5, "0s"])
def test_run_every_must_be_positive(value):
    def app(value):
        import htst as st

        @st.fragment(run_every=value)
        def auto():
            st.write("tick")

    message = _api_error(AppTest.from_function(app, args=(value,)).run())
    assert "`run_every` must be a positive duration" in message


def test_a_timed_fragment_rerun_runs_only_the_fragment():
    def app():
        import htst as st

        st.session_state.setdefault("full", 0)
        st.session_state.setdefault("ticks", 0)
        st.session_state.full += 1

        @st.fragment(run_every=1)
        def clock():
            st.session_state.ticks += 1
            st.write(f"tick {st.session_state.ticks}")

        clock()

    at = AppTest.from_function(app).run()
    fid = at.get("fragment")[0]._node.id
    # What the server does when the page's timer fires.
    result = at._app.run(at._session, fragment=fid)
    assert result.fragment == fid
    assert (at.session_state.full, at.session_state.ticks) == (1, 2)


# -- st.dialog ------------------------------------------------------------------------
VOTE_APP = """
import htst as st

st.session_state.setdefault("dialog_runs", 0)

@st.dialog("Cast your vote")
def vote(item):
    st.session_state.dialog_runs += 1
    st.write(f"Why is {item} your favorite?")
    reason = st.text_input("Because...")
    if st.button("Submit"):
        st.session_state.vote = {"item": item, "reason": reason}
        st.rerun()

if "vote" not in st.session_state:
    st.write("Vote for your favorite")
    if st.button("A"):
        vote("A")
    if st.button("B"):
        vote("B")
else:
    f"You voted for {st.session_state.vote['item']} because {st.session_state.vote['reason']}"
"""


def test_dialog_opens_reruns_like_a_fragment_and_closes_on_rerun():
    at = AppTest.from_string(VOTE_APP).run()
    assert len(at.get("dialog")) == 0
    at.button[1].click().run()  # "B"
    dialogs = at.get("dialog")
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.props["title"] == "Cast your vote"
    assert dialog.markdown.values == ["Why is B your favorite?"]

    # Typing in the dialog reruns only the dialog: it stays open.
    at.text_input[0].input("it is second").run()
    assert len(at.get("dialog")) == 1
    assert at.session_state.dialog_runs == 2

    submit = next(b for b in at.get("dialog")[0].button if b.label == "Submit")
    submit.click().run()
    assert len(at.get("dialog")) == 0
    assert at.markdown.values == ["You voted for B because it is second"]
    assert at.session_state.dialog_runs == 3


def test_dialog_props():
    def app():
        import htst as st

        @st.dialog("Big one", width="large", dismissible=False, on_dismiss="rerun")
        def big():
            st.write("inside")

        big()

    at = AppTest.from_function(app).run()
    props = at.get("dialog")[0].props
    assert props["width"] == "large"
    assert props["dismissible"] is False
    assert props["rerun_on_dismiss"] is True


def test_opening_two_dialogs_in_one_run_raises():
    def app():
        import htst as st

        @st.dialog("One")
        def one():
            st.write("1")

        @st.dialog("Two")
        def two():
            st.write("2")

        one()
        two()

    message = _api_error(AppTest.from_function(app).run())
    assert message.startswith("Only one dialog is allowed to be opened at the same time.")


def test_opening_the_same_dialog_twice_raises():
    def app():
        import htst as st

        @st.dialog("Again")
        def again():
            st.write("x")

        again()
        again()

    assert "Only one dialog" in _api_error(AppTest.from_function(app).run())


def test_dialog_with_a_bad_width_raises_when_opened():
    # As in Streamlit 1.67, the options are checked when the dialog opens, not when the
    # function is decorated.
    def app():
        import htst as st

        @st.dialog("Odd", width="huge")
        def odd():
            pass

        st.write("decorated")
        odd()

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "decorated"
    assert _api_error(at) == (
        "Invalid `width` value. Supported values: 'small', 'medium', 'large', a positive integer. Got 'huge'."
    )
