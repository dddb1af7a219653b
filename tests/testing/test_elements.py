"""Display elements, containers and widgets as the app testing cheat sheet inspects them."""

from __future__ import annotations

import json

from htst.testing.v1 import AppTest

CHEATSHEET = "apps/cheatsheet_app.py"


def test_cheat_sheet_text_elements():
    at = AppTest.from_file(CHEATSHEET).run()
    # Headers
    assert "My app" in at.title[0].value
    assert "New topic" in at.header[0].value
    assert "Interesting sub-topic" in at.subheader[0].value
    assert len(at.divider) == 2
    # Body / code
    assert "Hello, world!" in at.markdown[0].value
    assert "import streamlit as st" in at.code[0].value
    assert "A cool diagram" in at.caption[0].value
    assert "Hello again, world!" in at.text[0].value
    assert r"\int a x^2 \,dx" in at.latex[0].value


def test_cheat_sheet_text_values_are_exact():
    at = AppTest.from_file(CHEATSHEET).run()
    assert at.title[0].value == "My app"
    assert at.header[0].value == "New topic"
    assert at.subheader[0].value == "Interesting sub-topic"
    assert at.code[0].value == "import streamlit as st"
    assert at.code[0].language == "python"
    assert at.caption[0].value == "A cool diagram"
    assert at.text[0].value == "Hello again, world!"
    assert at.latex[0].value == r"\int a x^2 \,dx"


def test_cheat_sheet_input_widgets():
    at = AppTest.from_file(CHEATSHEET).run()
    # button
    assert at.button[0].value == False
    at.button[0].click().run()
    assert at.button[0].value == True
    # checkbox
    assert at.checkbox[0].value == False
    at.checkbox[0].check().run()  # uncheck() is also supported
    assert at.checkbox[0].value == True
    at.checkbox[0].uncheck().run()
    assert at.checkbox[0].value is False
    # number_input
    assert at.number_input[0].value == 5
    at.number_input[0].increment().run()
    assert at.number_input[0].value == 6
    # radio
    assert at.radio[0].value == "Bar"
    assert at.radio[0].index == 3
    at.radio[0].set_value("Foo").run()
    assert at.radio[0].value == "Foo"
    assert at.radio[0].index == 0
    # selectbox
    assert at.selectbox[0].value == "Bar"
    assert at.selectbox[0].index == 3
    at.selectbox[0].set_value("Foo").run()
    assert at.selectbox[0].value == "Foo"
    assert at.selectbox[0].index == 0
    # slider
    assert at.slider[0].value == 2
    at.slider[0].set_value(3).run()
    assert at.slider[0].value == 3
    # text_input
    assert at.text_input[0].value == "Hello, world!"
    at.text_input[0].set_value("Hello, yourself!").run()
    assert at.text_input[0].value == "Hello, yourself!"
    # toggle
    assert at.toggle[0].value == False
    assert at.toggle[0].label == "Debug mode"
    at.toggle[0].set_value(True).run()
    assert at.toggle[0].value == True


def test_set_value_shows_before_the_run_and_sticks_after_it():
    at = AppTest.from_file(CHEATSHEET).run()
    at.slider[0].set_value(9)
    assert at.slider[0].value == 9  # the pending value
    at.run()
    assert at.slider[0].value == 9
    at.run()
    assert at.slider[0].value == 9


def test_cheat_sheet_data_elements():
    at = AppTest.from_file(CHEATSHEET).run()
    # metric
    assert at.metric[0].value == "9500"
    assert at.metric[0].delta == "1000"
    assert at.metric[0].label == "Revenue"
    # json
    assert at.json[0].value == '["hi", {"foo": "bar"}]'


def test_cheat_sheet_layouts_and_containers():
    at = AppTest.from_file(CHEATSHEET).run()
    # sidebar
    assert len(at.sidebar.text_input) == 1
    assert len(at.main.text_input) == 1  # the "Text" input only
    at.sidebar.text_input[0].set_value("Jane Doe")
    at.run()
    assert "Hi Jane Doe" in at.markdown.values
    assert at.sidebar.text_input[0].value == "Jane Doe"
    # columns
    assert at.columns[1].markdown[0].value == "Hello, world!"
    assert at.columns[0].markdown[0].value == "Left"
    # tabs
    assert at.tabs[2].markdown[0].value == "Hello, yourself!"
    assert [t.label for t in at.tabs] == ["One", "Two", "Three"]
    assert len(at.tabs[0].markdown) == 0


def test_cheat_sheet_status_elements():
    at = AppTest.from_file(CHEATSHEET).run()
    # exception
    assert len(at.exception) == 1
    assert at.exception[0].type == "TypeError"
    assert "str" in at.exception[0].value
    # Other in-line alerts: success, info, warning, error
    assert at.success[0].value == "Great job!"
    assert at.info[0].value == "Please enter an API key to continue"
    assert at.warning[0].value == "Sorry, the passwords didn't match"
    assert at.error[0].value == "Something went wrong :("


def test_alert_icons_and_st_exception():
    def app():
        import htst as st

        st.success("Saved", icon="✅")
        st.exception(RuntimeError("This is an exception of type RuntimeError"))

    at = AppTest.from_function(app).run()
    assert at.success[0].icon == "✅"
    assert at.exception[0].type == "RuntimeError"
    assert at.exception[0].value == "This is an exception of type RuntimeError"


def test_markdown_html_and_headings_details():
    def app():
        import htst as st

        st.markdown(
            """
            # Heading
            Some **bold** text.
            """
        )
        st.html("<b>raw</b>")
        st.header("With divider", divider="blue")
        st.caption("cap", help="a tip")

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "# Heading\nSome **bold** text."
    assert at.html[0].value == "<b>raw</b>"
    assert at.header[0].divider == "blue"
    assert at.caption[0].help == "a tip"


def test_json_of_dicts_and_strings():
    def app():
        import htst as st

        st.json({"a": [1, 2], "b": None})
        st.json('{"x": true}')

    at = AppTest.from_function(app).run()
    assert json.loads(at.json[0].value) == {"a": [1, 2], "b": None}
    assert json.loads(at.json[1].value) == {"x": True}


def test_metric_without_delta_and_negative_delta():
    def app():
        import htst as st

        st.metric("Temperature", "70 °F")
        st.metric("Wind", "9 mph", "-8%")

    at = AppTest.from_function(app).run()
    assert at.metric[0].value == "70 °F"
    assert at.metric[0].delta == ""
    assert at.metric[1].value == "9 mph"
    assert at.metric[1].delta == "-8%"
    assert at.metric[1].direction == "down"


def test_write_strings_numbers_and_dicts():
    def app():
        import htst as st

        st.write("Hello", "world")
        st.write("Count", 3)
        st.write("before", {"k": 1}, "after")
        st.write(1.5)
        st.write(["a", "b"])

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["Hello world", "Count `3`", "before", "after", "`1.5`"]
    assert [json.loads(j.value) for j in at.json] == [{"k": 1}, ["a", "b"]]


def test_write_an_exception_draws_an_exception_element():
    def app():
        import htst as st

        st.write(ValueError("shown, not raised"))
        st.write("still running")

    at = AppTest.from_function(app).run()
    assert at.exception[0].type == "ValueError"
    assert at.exception[0].value == "shown, not raised"
    assert at.markdown.values == ["still running"]


def test_echo_shows_the_code_then_runs_it():
    at = AppTest.from_string(
        """
        import htst as st

        with st.echo():
            greeting = "Hi"
            st.write(greeting + " there")

        st.write("outside")
        """
    ).run()
    assert len(at.exception) == 0
    assert at.code[0].value == 'greeting = "Hi"\nst.write(greeting + " there")'
    assert at.markdown.values == ["Hi there", "outside"]


def test_echo_below_puts_the_code_after_the_output():
    at = AppTest.from_string(
        """
        import htst as st

        st.write("first")
        with st.echo(code_location="below"):
            st.write("inside")
        """
    ).run()
    assert at.code[0].value == 'st.write("inside")'
    assert at.markdown.values == ["first", "inside"]


def test_empty_replaced_in_a_loop_keeps_only_the_last():
    def app():
        import htst as st

        placeholder = st.empty()
        for seconds in range(5):
            placeholder.text(f"{seconds} seconds have passed")
        st.write("after")

    at = AppTest.from_function(app).run()
    assert at.text.values == ["4 seconds have passed"]
    assert at.markdown.values == ["after"]


def test_empty_can_change_element_type_and_be_cleared():
    def app():
        import htst as st

        slot = st.empty()
        slot.markdown("markdown first")
        with slot:
            st.success("then a success")
        other = st.empty()
        other.text("gone soon")
        other.empty()

    at = AppTest.from_function(app).run()
    assert len(at.markdown) == 0
    assert at.success.values == ["then a success"]
    assert len(at.text) == 0


def test_expander_contents():
    def app():
        import htst as st

        with st.expander("See explanation"):
            st.write("The chart above shows some numbers.")
        st.expander("Closed").text("inside")

    at = AppTest.from_function(app).run()
    assert at.expander[0].label == "See explanation"
    assert at.expander[0].markdown[0].value == "The chart above shows some numbers."
    assert at.expander[1].text[0].value == "inside"
    assert len(at.expander[1].markdown) == 0


def test_sidebar_with_statement_and_widgets():
    def app():
        import htst as st

        with st.sidebar:
            choice = st.radio("Method", ["Email", "Phone"])
        st.write(f"Contact by {choice}")

    at = AppTest.from_function(app).run()
    assert at.sidebar.radio[0].value == "Email"
    assert len(at.main.radio) == 0
    at.sidebar.radio[0].set_value("Phone").run()
    assert at.main.markdown.values == ["Contact by Phone"]


def test_columns_tabs_and_nested_widgets():
    def app():
        import htst as st

        left, right = st.columns(2)
        with left:
            st.button("L")
        right.button("R")
        _, tab_b = st.tabs(["A", "B"])
        with tab_b:
            st.checkbox("In B")

    at = AppTest.from_function(app).run()
    assert [b.label for b in at.columns[0].button] == ["L"]
    assert [b.label for b in at.columns[1].button] == ["R"]
    assert len(at.tabs[0].checkbox) == 0
    at.tabs[1].checkbox[0].check().run()
    assert at.checkbox[0].value is True


def test_container_draws_out_of_order():
    def app():
        import htst as st

        box = st.container(border=True)
        st.write("second")
        box.write("first")

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["first", "second"]
    assert at.get("container")[0].markdown[0].value == "first"
