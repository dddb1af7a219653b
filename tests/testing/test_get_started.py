"""Get started with app testing: the bean counter, retrieving and inspecting elements."""

from __future__ import annotations

from htst.testing.v1 import AppTest


def test_increment_and_add():
    """A user increments the number input, then clicks Add"""
    at = AppTest.from_file("apps/bean_counter.py").run()
    at.number_input[0].increment().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Beans counted: 1"


def test_bean_counter_first_run_has_its_four_elements():
    at = AppTest.from_file("apps/bean_counter.py").run()
    assert not at.exception
    assert at.title[0].value == "Bean counter :paw_prints:"
    assert at.number_input[0].value == 0
    assert at.number_input[0].label == "Beans to add"
    assert at.button[0].value is False
    assert at.markdown[0].value == "Beans counted: 0"
    assert at.session_state.beans == 0


def test_bean_counter_adds_the_current_addend_per_click():
    at = AppTest.from_file("apps/bean_counter.py").run()
    at.number_input[0].increment().run()
    at.number_input[0].increment().run()
    assert at.number_input[0].value == 2
    # Changing the input alone adds nothing.
    assert at.markdown[0].value == "Beans counted: 0"
    at.button[0].click().run()
    assert at.markdown[0].value == "Beans counted: 2"
    at.button[0].click().run()
    assert at.markdown[0].value == "Beans counted: 4"
    # A rerun without a click leaves the count alone: the button is False again.
    at.run()
    assert at.button[0].value is False
    assert at.markdown[0].value == "Beans counted: 4"


def test_number_input_steps_stop_at_max():
    at = AppTest.from_file("apps/bean_counter.py").run()
    at.number_input[0].set_value(10).run()
    at.number_input[0].increment().run()
    assert at.number_input[0].value == 10
    at.number_input[0].decrement().run()
    assert at.number_input[0].value == 9


def test_elements_are_ordered_by_display_not_by_code():
    def app():
        import htst as st

        first = st.container()
        second = st.container()
        second.button("A")
        first.button("B")

    at = AppTest.from_function(app).run()
    assert at.button[0].label == "B"
    assert at.button[1].label == "A"
    assert [b.label for b in at.button] == ["B", "A"]


def test_widgets_are_retrieved_by_key():
    def app():
        import htst as st

        st.button("Next", key="submit")
        st.button("Back", key="cancel")

    at = AppTest.from_function(app).run()
    assert at.button(key="submit").label == "Next"
    assert at.button("cancel").label == "Back"


def test_retrieving_an_unknown_key_raises_key_error():
    at = AppTest.from_string('import htst as st\nst.button("Next", key="submit")').run()
    try:
        at.button("nope")
    except KeyError:
        pass
    else:
        raise AssertionError("at.button('nope') should raise KeyError")


def test_inspecting_a_selectbox_without_a_selection():
    def app():
        import htst as st

        st.selectbox("A", [1, 2, 3], None, help="Pick a number", placeholder="Pick me")

    at = AppTest.from_function(app).run()
    assert at.selectbox[0].value is None
    assert at.selectbox[0].label == "A"
    assert at.selectbox[0].options == ["1", "2", "3"]
    assert at.selectbox[0].index is None
    assert at.selectbox[0].help == "Pick a number"
    assert at.selectbox[0].placeholder == "Pick me"
    assert at.selectbox[0].disabled is False


def test_selecting_an_option_returns_the_original_object():
    def app():
        import htst as st

        choice = st.selectbox("A", [1, 2, 3], None)
        st.write(f"type={type(choice).__name__} value={choice}")

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "type=NoneType value=None"
    at.selectbox[0].set_value(2).run()
    assert at.selectbox[0].value == 2
    assert at.selectbox[0].index == 1
    assert at.markdown[0].value == "type=int value=2"
    at.selectbox[0].select_index(2).run()
    assert at.selectbox[0].value == 3
