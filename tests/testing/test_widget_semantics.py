"""Widget behavior: identity, keys, order of operations, life cycle and clean-up."""

from __future__ import annotations

import pytest

from htst.testing.v1 import AppTest

API_EXCEPTION_NAMES = ("HtstAPIException", "StreamlitAPIException")


# -- identity and keys ------------------------------------------------------------------


def test_identical_widgets_raise_duplicate_widget_id():
    """Docs: seeds/003 §3.8 widget behavior, 'Streamlit can't understand two identical widgets on the same page'."""
    def app():
        import htst as st

        # This will cause a DuplicateWidgetID error.
        st.button("OK")
        st.button("OK")
        st.write("not reached")

    at = AppTest.from_function(app).run()
    assert len(at.exception) == 1
    assert at.exception[0].type == "DuplicateWidgetID"
    assert "key" in at.exception[0].value
    assert len(at.button) == 1
    assert len(at.markdown) == 0


def test_keys_distinguish_otherwise_identical_widgets():
    """Docs: seeds/003 §3.8 widget behavior, 'Use keys to distinguish otherwise identical widgets'."""
    def app():
        import htst as st

        st.button("OK", key="privacy")
        st.button("OK", key="terms")
        st.write(f"privacy={st.session_state.privacy} terms={st.session_state.terms}")

    at = AppTest.from_function(app).run()
    assert len(at.exception) == 0
    assert [b.key for b in at.button] == ["privacy", "terms"]
    at.button("terms").click().run()
    assert at.markdown[0].value == "privacy=False terms=True"
    assert at.button("terms").value is True
    assert at.button("privacy").value is False


def test_two_widgets_with_the_same_key_raise_duplicate_widget_id():
    """Docs: seeds/003 §3.8 widget behavior, 'Keys help distinguish widgets and access their values'."""
    def app():
        import htst as st

        st.text_input("First", key="name")
        st.text_input("Second", key="name")

    at = AppTest.from_function(app).run()
    assert len(at.exception) == 1
    assert at.exception[0].type == "DuplicateWidgetID"
    assert "name" in at.exception[0].value


def test_widgets_are_session_dependent():
    """Docs: seeds/003 §3.8 widget behavior, 'Widgets are session dependent'."""
    def app():
        import htst as st

        st.text_input("Name", key="name")

    one = AppTest.from_function(app).run()
    two = AppTest.from_function(app).run()
    one.text_input[0].input("Jane").run()
    two.run()
    assert one.text_input[0].value == "Jane"
    assert two.text_input[0].value == ""


def test_widgets_return_their_default_before_interaction():
    """Docs: seeds/003 §3.8 widget behavior, 'Widgets return simple Python data types' (default on first call)."""
    def app():
        import htst as st

        st.write(repr(st.selectbox("Pick", ["x", "y"])))
        st.write(repr(st.checkbox("Check")))
        st.write(repr(st.slider("Slide", 3, 9)))
        st.write(repr(st.text_input("Text", "hi")))
        st.write(repr(st.radio("Radio", ["r1", "r2"], index=1)))

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["'x'", "False", "3", "'hi'", "'r2'"]


# -- order of operations ---------------------------------------------------------------


def test_callback_runs_before_the_script_and_sees_the_new_value():
    """Docs: seeds/003 §3.8 widget behavior, 'Order of operations' (value -> callback -> rerun)."""
    def app():
        import htst as st

        if "log" not in st.session_state:
            st.session_state.log = []

        def changed():
            st.session_state.log.append(("callback", st.session_state.name))

        st.session_state.log.append(("script", st.session_state.get("name")))
        st.text_input("Name", key="name", on_change=changed)

    at = AppTest.from_function(app).run()
    at.text_input[0].input("Jane").run()
    assert at.session_state.log == [("script", None), ("callback", "Jane"), ("script", "Jane")]


def test_callback_output_appears_above_the_page_and_goes_away():
    """Docs: seeds/003 §3.8 widget behavior, 'Order of operations' (callback output appears above the page)."""
    def app():
        import htst as st

        def clicked():
            st.write("from the callback")

        st.write("top of page")
        st.button("Go", on_click=clicked)
        st.write("end of page")

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["top of page", "end of page"]
    at.button[0].click().run()
    # First in the main area, above what the script drew; nothing of it in the sidebar.
    assert at.main.markdown.values == ["from the callback", "top of page", "end of page"]
    assert at.markdown[0].value == "from the callback"
    assert len(at.sidebar.markdown) == 0
    # The next action removes it.
    at.run()
    assert at.markdown.values == ["top of page", "end of page"]


def test_button_is_true_only_in_the_run_its_click_caused():
    """Docs: seeds/003 §1.2 button behavior, 'Summary'."""
    def app():
        import htst as st

        clicked = st.button("Click me", key="btn")
        st.write(f"clicked={clicked} state={st.session_state.btn}")
        st.checkbox("Other")

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "clicked=False state=False"
    at.button[0].click().run()
    assert at.markdown[0].value == "clicked=True state=True"
    assert at.button[0].value is True
    at.checkbox[0].check().run()
    assert at.markdown[0].value == "clicked=False state=False"
    assert at.button[0].value is False
    at.run()
    assert at.markdown[0].value == "clicked=False state=False"


def test_callback_args_are_captured_when_the_widget_is_drawn():
    """Docs: seeds/003 §3.8 widget behavior, 'Order of operations' note on args/kwargs."""
    def app():
        import htst as st

        if "seen" not in st.session_state:
            st.session_state.seen = []

        def record(arg):
            st.session_state.seen.append((arg, st.session_state.num))

        st.number_input(
            "Number", key="num", on_change=record, args=(st.session_state.get("num", 0),)
        )

    at = AppTest.from_function(app).run()
    at.number_input[0].set_value(5).run()
    at.number_input[0].set_value(8).run()
    # The arg is the value at the time of drawing; the new value is in session state.
    assert at.session_state.seen == [(0, 5), (5, 8)]


def test_args_of_another_widget_are_from_the_previous_render():
    """Docs: seeds/003 §3.8 widget behavior, 'Order of operations' note on args/kwargs."""
    def app():
        import htst as st

        if "count" not in st.session_state:
            st.session_state.count = 0

        value = st.number_input("Value", value=0)

        def add(amount):
            st.session_state.count += amount

        st.button("Add", on_click=add, args=(value,))
        st.write(f"count={st.session_state.count}")

    at = AppTest.from_function(app).run()
    # Change the value and click in the same run: the callback still gets the old value.
    at.number_input[0].set_value(5)
    at.button[0].click()
    at.run()
    assert at.markdown[0].value == "count=0"
    at.button[0].click().run()
    assert at.markdown[0].value == "count=5"


# -- statefulness ---------------------------------------------------------------------


def test_changing_the_label_resets_the_widget_even_with_the_same_key():
    """Docs: seeds/003 §3.8 widget behavior, 'Calling a widget function when the widget doesn't already exist' (Alpha/Beta)."""
    def app():
        import htst as st

        beta = st.checkbox("Use Beta")
        st.number_input("Beta" if beta else "Alpha", key="A")

    at = AppTest.from_function(app).run()
    assert at.number_input[0].label == "Alpha"
    at.number_input(key="A").set_value(7).run()
    assert at.session_state.A == 7
    at.checkbox[0].check().run()
    assert at.number_input[0].label == "Beta"
    assert at.number_input[0].value == 0
    assert at.session_state.A == 0
    assert len(at.warning) == 0
    assert len(at.exception) == 0


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        ('label="Other"', ""),
        ('value="other default"', "other default"),
        ('placeholder="type here"', ""),
        ('help="a tip"', ""),
        ('key="other_key"', ""),
        ("max_chars=50", ""),
    ],
)
def test_changing_a_defining_parameter_resets_the_widget(changed, expected):
    """Docs: seeds/003 §3.8 widget behavior, 'Changing parameters of a widget will reset it'."""
    script = f"""
import htst as st

params = dict(label="Name", value="", key="name")
if st.checkbox("Change"):
    params.update({changed})
st.text_input(**params)
"""
    at = AppTest.from_string(script).run()
    at.text_input[0].input("typed").run()
    assert at.text_input[0].value == "typed"
    at.checkbox[0].check().run()
    assert at.text_input[0].value == expected
    assert len(at.exception) == 0


@pytest.mark.parametrize(
    "changed",
    ['label_visibility="collapsed"', "disabled=True", "on_change=lambda: None", "args=(1,)"],
)
def test_parameters_outside_the_identity_keep_the_value(changed):
    """Docs: seeds/003 §3.8 widget behavior, 'Changing parameters of a widget will reset it' (what does not count)."""
    script = f"""
import htst as st

params = dict(label="Name", key="name")
if st.checkbox("Change"):
    params.update({changed})
st.text_input(**params)
"""
    at = AppTest.from_string(script).run()
    at.text_input[0].input("typed").run()
    at.checkbox[0].check().run()
    assert at.text_input[0].value == "typed"
    assert len(at.exception) == 0


def test_disabled_and_callbacks_do_not_change_identity():
    """Docs: seeds/003 §3.8 widget behavior, 'Widget life cycle' (callbacks, args, label visibility, disabled)."""
    def app():
        import htst as st

        locked = st.checkbox("Lock")
        st.slider(
            "Value", 0, 10, key="v", disabled=locked, on_change=(lambda: None) if locked else None
        )

    at = AppTest.from_function(app).run()
    at.slider[0].set_value(6).run()
    at.checkbox[0].check().run()
    assert at.slider[0].disabled is True
    assert at.slider[0].value == 6


SLIDERS = """
import htst as st

cols = st.columns([2, 1, 2])
minimum = cols[0].number_input("Minimum", 1, 5)
maximum = cols[2].number_input("Maximum", 6, 10, 10)

st.slider("No default, no key", minimum, maximum)
st.slider("No default, with key", minimum, maximum, key="a")
st.slider("With default, no key", minimum, maximum, value=5)
st.slider("With default, with key", minimum, maximum, value=5, key="b")
"""


def test_slider_min_max_changes_reset_the_sliders():
    """Docs: seeds/003 §3.8 widget behavior, 'Updating a slider with no default value' / 'with a default value' (four sliders)."""
    at = AppTest.from_string(SLIDERS).run()
    assert at.slider.values == [1, 1, 5, 5]
    assert at.columns[0].number_input[0].label == "Minimum"
    assert at.columns[2].number_input[0].label == "Maximum"
    for slider in at.slider:
        slider.set_value(8)
    at.run()
    assert at.slider.values == [8, 8, 8, 8]
    assert (at.session_state.a, at.session_state.b) == (8, 8)

    # A new minimum makes them new widgets: no default -> min, default -> 5.
    at.number_input[0].set_value(2).run()
    assert at.slider.values == [2, 2, 5, 5]
    assert (at.session_state.a, at.session_state.b) == (2, 5)
    assert len(at.warning) == 0

    for slider in at.slider:
        slider.set_value(7)
    at.run()
    assert at.slider.values == [7, 7, 7, 7]

    # Same for a new maximum.
    at.number_input[1].set_value(9).run()
    assert at.slider.values == [2, 2, 5, 5]
    assert [s.max for s in at.slider] == [9, 9, 9, 9]
    assert len(at.exception) == 0


def test_interrupting_clean_up_keeps_the_slider_value():
    """Docs: seeds/003 §3.8 widget behavior, 'Retain statefulness when changing a widget's parameters'."""
    def app():
        import htst as st

        # Set default value
        if "a" not in st.session_state:
            st.session_state.a = 5

        cols = st.columns(2)
        minimum = cols[0].number_input("Min", 1, 5, key="min")
        maximum = cols[1].number_input("Max", 6, 10, 10, key="max")

        def update_value():
            # Helper function to ensure consistency between widget parameters and value
            st.session_state.a = min(st.session_state.a, maximum)
            st.session_state.a = max(st.session_state.a, minimum)

        # Validate the slider value before rendering
        update_value()
        st.slider("A", minimum, maximum, key="a")

    at = AppTest.from_function(app).run()
    assert at.slider[0].value == 5
    at.slider[0].set_value(8).run()
    assert at.slider[0].value == 8
    at.number_input(key="min").set_value(3).run()
    assert at.slider[0].value == 8  # kept, although the slider is a new widget
    assert at.slider[0].min == 3
    at.number_input(key="max").set_value(7).run()
    assert at.slider[0].value == 7  # clamped to the new maximum
    at.number_input(key="min").set_value(2).run()
    assert at.slider[0].value == 7
    assert len(at.warning) == 0
    assert len(at.exception) == 0


# -- life cycle -----------------------------------------------------------------------


def test_widget_not_drawn_loses_its_key():
    """Docs: seeds/003 §3.8 widget behavior, 'Widgets do not persist when not continually rendered' / 'Widget clean-up process'."""
    def app():
        import htst as st

        page = st.radio("Page", ["Widget", "Elsewhere"])
        if page == "Widget":
            st.text_input("Name", key="name")
        st.write(f"has name: {'name' in st.session_state}")

    at = AppTest.from_function(app).run()
    at.text_input[0].input("Jane").run()
    assert at.session_state.name == "Jane"
    at.radio[0].set_value("Elsewhere").run()
    # Clean-up happens at the end of the run that did not draw the widget.
    assert at.markdown[0].value == "has name: True"
    assert "name" not in at.session_state
    at.run()
    assert at.markdown[0].value == "has name: False"
    at.radio[0].set_value("Widget").run()
    assert at.text_input[0].value == ""  # a new widget, at its default


def test_temporary_key_copied_to_a_permanent_key():
    """Docs: seeds/003 §3.8 widget behavior, 'Save widget values in Session State to preserve them between pages'."""
    def app():
        import htst as st

        if "my_key" not in st.session_state:  # first visit: nothing saved yet
            st.session_state["my_key"] = 0

        def store_value():
            # Copy the value to the permanent key
            st.session_state["my_key"] = st.session_state["_my_key"]

        page = st.radio("Page", ["Widget", "Elsewhere"])
        if page == "Widget":
            # Copy the saved value to the temporary key
            st.session_state["_my_key"] = st.session_state["my_key"]
            st.number_input("Number of filters", key="_my_key", on_change=store_value)

    at = AppTest.from_function(app).run()
    at.number_input[0].set_value(3).run()
    assert at.session_state.my_key == 3
    at.radio[0].set_value("Elsewhere").run()
    assert "_my_key" not in at.session_state
    assert at.session_state.my_key == 3
    at.radio[0].set_value("Widget").run()
    assert at.number_input[0].value == 3
    assert len(at.warning) == 0
    assert len(at.exception) == 0


def test_functionalized_temporary_keys():
    """Docs: seeds/003 §3.8 widget behavior, 'Save widget values…' (store_value/load_value)."""
    def app():
        import htst as st

        if "my_key" not in st.session_state:
            st.session_state["my_key"] = 1

        def store_value(key):
            st.session_state[key] = st.session_state["_" + key]

        def load_value(key):
            st.session_state["_" + key] = st.session_state[key]

        page = st.radio("Page", ["Widget", "Elsewhere"])
        if page == "Widget":
            load_value("my_key")
            st.number_input(
                "Number of filters", key="_my_key", on_change=store_value, args=["my_key"]
            )

    at = AppTest.from_function(app).run()
    assert at.number_input[0].value == 1
    # No numeric arguments: a float input stepping by 0.01.
    at.number_input[0].increment().run()
    at.number_input[0].increment().run()
    assert at.number_input[0].value == 1.02
    at.number_input[0].set_value(3.0).run()
    assert at.number_input[0].value == 3.0
    at.radio[0].set_value("Elsewhere").run()
    at.radio[0].set_value("Widget").run()
    assert at.number_input[0].value == 3
    assert at.session_state.my_key == 3


def test_without_a_permanent_key_the_value_is_lost():
    """Docs: seeds/003 §3.8 widget behavior, 'Widgets do not persist when not continually rendered'."""
    def app():
        import htst as st

        page = st.radio("Page", ["Widget", "Elsewhere"])
        if page == "Widget":
            st.number_input("Number of filters", key="_my_key")

    at = AppTest.from_function(app).run()
    at.number_input[0].set_value(3).run()
    at.radio[0].set_value("Elsewhere").run()
    at.radio[0].set_value("Widget").run()
    assert at.number_input[0].value == 0


def test_saving_the_key_each_run_keeps_it_while_the_widget_is_away():
    """Docs: seeds/003 §3.8 widget behavior, 'Interrupting the widget clean-up process'."""
    def app():
        import htst as st

        if "my_key" in st.session_state:
            st.session_state.my_key = st.session_state.my_key

        page = st.radio("Page", ["Widget", "Elsewhere"])
        if page == "Widget":
            st.text_input("Name", key="my_key")

    at = AppTest.from_function(app).run()
    at.text_input[0].input("Jane").run()
    at.radio[0].set_value("Elsewhere").run()
    assert at.session_state.my_key == "Jane"
    at.radio[0].set_value("Widget").run()
    assert at.text_input[0].value == "Jane"


def test_deleting_a_key_does_not_reset_the_widget():
    """Docs: seeds/003 §3.8 widget behavior, 'Calling a widget function when the widget already exists' step 2."""
    def app():
        import htst as st

        st.text_input("Name", key="name")

        def forget():
            del st.session_state["name"]

        st.button("Forget", on_click=forget)
        st.write(f"in state: {'name' in st.session_state}")

    at = AppTest.from_function(app).run()
    at.text_input[0].input("Jane").run()
    at.button[0].click().run()
    # The key is recreated from the widget's current value.
    assert at.markdown[0].value == "in state: True"
    assert at.session_state.name == "Jane"
    assert at.text_input[0].value == "Jane"


def test_setting_a_key_after_its_widget_was_drawn_raises():
    """Docs: seeds/000 Session State API, 'Caveats and limitations' (modifying an instantiated widget)."""
    def app():
        import htst as st

        slider = st.slider(  # noqa: F841
            label="My Slider", min_value=1, max_value=10, value=5, key="my_slider"
        )

        st.session_state.my_slider = 7

        # Throws an exception!
        st.write("not reached")

    at = AppTest.from_function(app).run()
    assert len(at.exception) == 1
    assert at.exception[0].type in API_EXCEPTION_NAMES
    assert "my_slider" in at.exception[0].value
    assert "cannot be modified after the widget" in at.exception[0].value
    assert len(at.markdown) == 0
    assert at.slider[0].value == 5


def test_setting_a_buttons_key_through_session_state_raises():
    """Docs: seeds/000 Session State API, 'Caveats and limitations' (button-like widgets)."""
    def app():
        import htst as st

        if "my_button" not in st.session_state:
            st.session_state.my_button = True

        # Streamlit will raise an Exception on trying to set the state of button
        st.button("Submit", key="my_button")

    at = AppTest.from_function(app).run()
    assert len(at.exception) == 1
    assert at.exception[0].type in API_EXCEPTION_NAMES
    assert "my_button" in at.exception[0].value
    assert "cannot be set using st.session_state" in at.exception[0].value
    assert len(at.button) == 0


def test_preset_key_and_default_value_warn_once():
    """Docs: seeds/000 Session State API, 'Caveats and limitations' (value + Session State warning)."""
    def app():
        import htst as st

        st.session_state.my_slider = 7

        slider = st.slider(
            label="Choose a Value", min_value=1, max_value=10, value=5, key="my_slider"
        )
        st.write(f"slider={slider}")

    at = AppTest.from_function(app).run()
    assert len(at.warning) == 1
    assert at.warning[0].value == (
        'The widget with key "my_slider" was created with a default value but also had '
        "its value set via the Session State API."
    )
    assert at.slider[0].value == 7
    assert at.markdown[0].value == "slider=7"
    at.run()
    assert len(at.warning) == 0
    assert at.slider[0].value == 7
    assert len(at.exception) == 0


def test_preset_key_without_a_default_value_does_not_warn():
    """Docs: seeds/000 Session State API, 'Caveats and limitations' (no warning without value=)."""
    def app():
        import htst as st

        if "my_slider" not in st.session_state:
            st.session_state.my_slider = 7
        st.slider("Choose a Value", 1, 10, key="my_slider")

    at = AppTest.from_function(app).run()
    assert len(at.warning) == 0
    assert at.slider[0].value == 7
