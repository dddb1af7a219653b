"""Button behavior and examples: stateful buttons, stages, callbacks, reruns, anti-patterns."""

from __future__ import annotations

from htst.testing.v1 import AppTest

API_EXCEPTION_NAMES = ("HtstAPIException", "StreamlitAPIException")


def test_temporary_message_disappears_on_the_next_action():
    def app():
        import htst as st

        animal_shelter = ["cat", "dog", "rabbit", "bird"]

        animal = st.text_input("Type an animal")

        if st.button("Check availability"):
            have_it = animal.lower() in animal_shelter
            "We have that animal!" if have_it else "We don't have that animal."  # noqa: B018

    at = AppTest.from_function(app).run()
    assert len(at.markdown) == 0
    at.text_input[0].input("Cat").run()
    assert len(at.markdown) == 0
    at.button[0].click().run()
    assert at.markdown.values == ["We have that animal!"]
    at.text_input[0].input("Lion").run()
    assert len(at.markdown) == 0
    at.button[0].click().run()
    assert at.markdown.values == ["We don't have that animal."]


def test_stateful_button_keeps_its_content():
    def app():
        import htst as st

        if "clicked" not in st.session_state:
            st.session_state.clicked = False

        def click_button():
            st.session_state.clicked = True

        st.button("Click me", on_click=click_button)

        if st.session_state.clicked:
            # The message and nested widget will remain on the page
            st.write("Button clicked!")
            st.slider("Select a value")

    at = AppTest.from_function(app).run()
    assert len(at.markdown) == 0
    assert len(at.slider) == 0
    at.button[0].click().run()
    assert at.markdown[0].value == "Button clicked!"
    assert at.slider[0].value == 0
    # Using the nested slider reruns the script; the content stays.
    at.slider[0].set_value(42).run()
    assert at.markdown[0].value == "Button clicked!"
    assert at.slider[0].value == 42
    at.run()
    assert at.slider[0].value == 42
    assert at.button[0].value is False


def test_toggle_button_shows_and_hides_the_slider():
    def app():
        import htst as st

        if "button" not in st.session_state:
            st.session_state.button = False

        def click_button():
            st.session_state.button = not st.session_state.button

        st.button("Click me", on_click=click_button)

        if st.session_state.button:
            # The message and nested widget will remain on the page
            st.write("Button is on!")
            st.slider("Select a value")
        else:
            st.write("Button is off!")

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["Button is off!"]
    assert len(at.slider) == 0
    at.button[0].click().run()
    assert at.markdown.values == ["Button is on!"]
    assert len(at.slider) == 1
    at.slider[0].set_value(7).run()
    assert at.markdown.values == ["Button is on!"]
    assert at.slider[0].value == 7
    at.button[0].click().run()
    assert at.markdown.values == ["Button is off!"]
    assert len(at.slider) == 0
    # The hidden slider was forgotten: it comes back at its default.
    at.button[0].click().run()
    assert at.slider[0].value == 0


def test_toggle_button_drives_disabled():
    def app():
        import htst as st

        if "button" not in st.session_state:
            st.session_state.button = False

        def click_button():
            st.session_state.button = not st.session_state.button

        st.button("Click me", on_click=click_button)

        st.slider("Select a value", disabled=st.session_state.button)

    at = AppTest.from_function(app).run()
    assert at.slider[0].disabled is False
    at.slider[0].set_value(30).run()
    at.button[0].click().run()
    assert at.slider[0].disabled is True
    # `disabled` is not part of the widget's identity: the value survives.
    assert at.slider[0].value == 30
    at.button[0].click().run()
    assert at.slider[0].disabled is False
    assert at.slider[0].value == 30


STAGES = """
import htst as st

if 'stage' not in st.session_state:
    st.session_state.stage = 0

def set_state(i):
    st.session_state.stage = i

if st.session_state.stage == 0:
    st.button('Begin', on_click=set_state, args=[1])

if st.session_state.stage >= 1:
    name = st.text_input('Name', on_change=set_state, args=[2])

if st.session_state.stage >= 2:
    st.write(f'Hello {name}!')
    color = st.selectbox(
        'Pick a Color',
        [None, 'red', 'orange', 'green', 'blue', 'violet'],
        on_change=set_state, args=[3]
    )
    if color is None:
        set_state(2)

if st.session_state.stage >= 3:
    st.write(f':{color}[Thank you!]')
    st.button('Start Over', on_click=set_state, args=[0])
"""


def test_four_stage_process():
    at = AppTest.from_string(STAGES).run()
    # Stage 0: only the Begin button.
    assert at.session_state.stage == 0
    assert [b.label for b in at.button] == ["Begin"]
    assert len(at.text_input) == 0

    # Stage 1: the name prompt.
    at.button[0].click().run()
    assert at.session_state.stage == 1
    assert len(at.button) == 0
    assert at.text_input[0].label == "Name"
    assert len(at.selectbox) == 0

    # Stage 2: greeting and colour picker (starting at None).
    at.text_input[0].input("Jane").run()
    assert at.session_state.stage == 2
    assert at.markdown.values == ["Hello Jane!"]
    assert at.selectbox[0].value is None
    assert at.selectbox[0].options == ["None", "red", "orange", "green", "blue", "violet"]
    assert len(at.button) == 0

    # Stage 3: thank-you and Start Over.
    at.selectbox[0].set_value("green").run()
    assert at.session_state.stage == 3
    assert at.markdown.values == ["Hello Jane!", ":green[Thank you!]"]
    assert [b.label for b in at.button] == ["Start Over"]

    # Changing an earlier widget sends the user back to the next stage.
    at.text_input[0].input("John").run()
    assert at.session_state.stage == 2
    assert at.markdown.values == ["Hello John!"]
    assert at.selectbox[0].value == "green"  # the selectbox kept its value
    at.selectbox[0].set_value("blue").run()
    assert at.session_state.stage == 3
    assert at.markdown.values[-1] == ":blue[Thank you!]"

    # Back to stage 0.
    at.button[0].click().run()
    assert at.session_state.stage == 0
    assert [b.label for b in at.button] == ["Begin"]
    assert len(at.text_input) == 0
    assert len(at.markdown) == 0

    # Going through again starts from an empty name: the old input was forgotten.
    at.button[0].click().run()
    assert at.text_input[0].value == ""


def test_choosing_none_again_keeps_stage_two():
    at = AppTest.from_string(STAGES).run()
    at.button[0].click().run()
    at.text_input[0].input("Jane").run()
    at.selectbox[0].set_value("red").run()
    assert at.session_state.stage == 3
    at.selectbox[0].set_value(None).run()
    assert at.session_state.stage == 2
    assert len(at.button) == 0


def test_jane_john_plain_buttons_header_before_lags():
    def app():
        import htst as st

        if "name" not in st.session_state:
            st.session_state["name"] = "John Doe"

        st.header(st.session_state["name"])

        if st.button("Jane"):
            st.session_state["name"] = "Jane Doe"

        if st.button("John"):
            st.session_state["name"] = "John Doe"

        st.header(st.session_state["name"])

    at = AppTest.from_function(app).run()
    assert at.header.values == ["John Doe", "John Doe"]
    at.button[0].click().run()
    assert at.header.values == ["John Doe", "Jane Doe"]
    at.run()
    assert at.header.values == ["Jane Doe", "Jane Doe"]
    at.button[1].click().run()
    assert at.header.values == ["Jane Doe", "John Doe"]


def test_jane_john_callbacks_update_both_headers():
    def app():
        import htst as st

        if "name" not in st.session_state:
            st.session_state["name"] = "John Doe"

        def change_name(name):
            st.session_state["name"] = name

        st.header(st.session_state["name"])

        st.button("Jane", on_click=change_name, args=["Jane Doe"])
        st.button("John", on_click=change_name, args=["John Doe"])

        st.header(st.session_state["name"])

    at = AppTest.from_function(app).run()
    assert at.header.values == ["John Doe", "John Doe"]
    at.button[0].click().run()
    assert at.header.values == ["Jane Doe", "Jane Doe"]
    at.button[1].click().run()
    assert at.header.values == ["John Doe", "John Doe"]


def test_jane_john_rerun_updates_both_headers():
    def app():
        import htst as st

        if "name" not in st.session_state:
            st.session_state["name"] = "John Doe"
            st.session_state["runs"] = 0
        st.session_state["runs"] += 1

        st.header(st.session_state["name"])

        if st.button("Jane"):
            st.session_state["name"] = "Jane Doe"
            st.rerun()

        if st.button("John"):
            st.session_state["name"] = "John Doe"
            st.rerun()

        st.header(st.session_state["name"])

    at = AppTest.from_function(app).run()
    assert at.session_state.runs == 1
    at.button[0].click().run()
    assert at.header.values == ["Jane Doe", "Jane Doe"]
    # The click ran the script twice: once for the click, once for st.rerun.
    assert at.session_state.runs == 3
    # In the rerun the button is False again.
    assert at.button[0].value is False
    at.button[1].click().run()
    assert at.header.values == ["John Doe", "John Doe"]


def test_modifying_a_widget_after_it_was_drawn_raises():
    def app():
        import htst as st

        st.text_input("Name", key="name")

        # These buttons will error because their nested code changes
        # a widget's state after that widget within the script.
        if st.button("Clear name"):
            st.session_state.name = ""

        if st.button("Streamlit!"):
            st.session_state.name = "Streamlit"

    at = AppTest.from_function(app).run()
    assert len(at.exception) == 0
    at.text_input[0].input("Jane").run()
    at.button[0].click().run()
    assert len(at.exception) == 1
    assert at.exception[0].type in API_EXCEPTION_NAMES
    assert "st.session_state.name" in at.exception[0].value
    assert (
        "cannot be modified after the widget with key `name` is instantiated"
        in at.exception[0].value
    )
    assert at.session_state.name == "Jane"
    # The next run works again.
    at.run()
    assert len(at.exception) == 0
    assert at.text_input[0].value == "Jane"


def test_option_1_button_key_and_logic_before_the_widget():
    def app():
        import htst as st

        # Use the get method since the keys won't be in session_state
        # on the first script run
        if st.session_state.get("clear"):
            st.session_state["name"] = ""
        if st.session_state.get("streamlit"):
            st.session_state["name"] = "Streamlit"

        st.text_input("Name", key="name")

        st.button("Clear name", key="clear")
        st.button("Streamlit!", key="streamlit")

    at = AppTest.from_function(app).run()
    assert at.text_input[0].value == ""
    at.text_input[0].input("Jane").run()
    assert at.text_input[0].value == "Jane"
    at.button(key="streamlit").click().run()
    assert len(at.exception) == 0
    assert at.text_input[0].value == "Streamlit"
    assert at.session_state.name == "Streamlit"
    at.button(key="clear").click().run()
    assert at.text_input[0].value == ""
    # The button keys read False outside the run of their click.
    at.run()
    assert at.session_state["clear"] is False
    assert at.session_state["streamlit"] is False


def test_option_2_callback():
    def app():
        import htst as st

        st.text_input("Name", key="name")

        def set_name(name):
            st.session_state.name = name

        st.button("Clear name", on_click=set_name, args=[""])
        st.button("Streamlit!", on_click=set_name, args=["Streamlit"])

    at = AppTest.from_function(app).run()
    at.text_input[0].input("Jane").run()
    at.button[1].click().run()
    assert len(at.exception) == 0
    assert at.text_input[0].value == "Streamlit"
    at.button[0].click().run()
    assert at.text_input[0].value == ""


def test_option_3_containers():
    def app():
        import htst as st

        begin = st.container()

        if st.button("Clear name"):
            st.session_state.name = ""
        if st.button("Streamlit!"):
            st.session_state.name = "Streamlit"

        # The widget is second in logic, but first in display
        begin.text_input("Name", key="name")

    at = AppTest.from_function(app).run()
    # Displayed first although created last.
    first = at.main.get("container")[0]
    assert first.text_input[0].label == "Name"
    at.text_input[0].input("Jane").run()
    at.button[1].click().run()
    assert len(at.exception) == 0
    assert at.text_input[0].value == "Streamlit"
    at.button[0].click().run()
    assert at.text_input[0].value == ""


def test_add_widgets_dynamically_with_indexed_keys():
    def app():
        import htst as st

        def display_input_row(index):
            left, middle, right = st.columns(3)
            left.text_input("First", key=f"first_{index}")
            middle.text_input("Middle", key=f"middle_{index}")
            right.text_input("Last", key=f"last_{index}")

        if "rows" not in st.session_state:
            st.session_state["rows"] = 0

        def increase_rows():
            st.session_state["rows"] += 1

        st.button("Add person", on_click=increase_rows)

        for i in range(st.session_state["rows"]):
            display_input_row(i)

        # Show the results
        st.subheader("People")
        for i in range(st.session_state["rows"]):
            st.write(
                f"Person {i + 1}:",
                st.session_state[f"first_{i}"],
                st.session_state[f"middle_{i}"],
                st.session_state[f"last_{i}"],
            )

    at = AppTest.from_function(app).run()
    assert at.subheader[0].value == "People"
    assert len(at.text_input) == 0
    assert len(at.markdown) == 0

    at.button[0].click().run()
    at.button[0].click().run()
    assert len(at.exception) == 0
    assert len(at.text_input) == 6
    assert len(at.columns) == 6
    assert [t.label for t in at.columns[3].text_input] == ["First"]

    at.text_input(key="first_0").input("Jane")
    at.text_input(key="middle_0").input("Q")
    at.text_input(key="last_0").input("Public")
    at.text_input(key="first_1").input("John")
    at.text_input(key="last_1").input("Doe")
    at.run()
    assert at.markdown.values == ["Person 1: Jane Q Public", "Person 2: John  Doe"]

    # Adding a third person keeps the first two.
    at.button[0].click().run()
    assert len(at.text_input) == 9
    assert at.markdown.values[:2] == ["Person 1: Jane Q Public", "Person 2: John  Doe"]
    assert at.markdown[2].value.startswith("Person 3:")


def test_anti_pattern_buttons_nested_inside_buttons():
    def app():
        import htst as st

        if st.button("Button 1"):
            st.write("Button 1 was clicked")
            if st.button("Button 2"):
                # This will never be executed.
                st.write("Button 2 was clicked")

    at = AppTest.from_function(app).run()
    assert [b.label for b in at.button] == ["Button 1"]
    at.button[0].click().run()
    assert at.markdown.values == ["Button 1 was clicked"]
    assert [b.label for b in at.button] == ["Button 1", "Button 2"]
    at.button[1].click().run()
    # Clicking Button 2 reruns with Button 1 False: Button 2 is not even drawn.
    assert at.markdown.values == []
    assert [b.label for b in at.button] == ["Button 1"]


def test_anti_pattern_widgets_nested_inside_buttons():
    def app():
        import htst as st

        if st.button("Sign up"):
            name = st.text_input("Name")
            if name:
                # This will never be executed.
                st.success(f"Welcome {name}")

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert len(at.text_input) == 1
    at.text_input[0].input("Jane").run()
    assert len(at.text_input) == 0
    assert len(at.success) == 0
