"""Using forms: batching widget values until the form's submit button (docs: forms).

The documented examples run verbatim (the map example without its last `st.map` line,
which htst does not have; its data frame is checked instead), then each behaviour and
documented limitation on its own.
"""

from __future__ import annotations

import datetime

from htst.testing.v1 import AppTest


def _form(at: AppTest, index: int = 0):
    return at.get("form")[index]


# -- the documented examples ----------------------------------------------------------
def test_map_example_applies_parameters_only_on_update_map():
    def app():
        import numpy as np
        import pandas as pd

        import htst as st

        def get_data():
            df = pd.DataFrame({
                "lat": np.random.randn(200) / 50 + 37.76,
                "lon": np.random.randn(200) / 50 + -122.4,
                "team": ['A', 'B'] * 100
            })
            return df

        if st.button('Generate new points'):
            st.session_state.df = get_data()
        if 'df' not in st.session_state:
            st.session_state.df = get_data()
        df = st.session_state.df

        with st.form("my_form"):
            header = st.columns([1, 2, 2])
            header[0].subheader('Color')
            header[1].subheader('Opacity')
            header[2].subheader('Size')

            row1 = st.columns([1, 2, 2])
            colorA = row1[0].color_picker('Team A', '#0000FF')
            opacityA = row1[1].slider('A opacity', 20, 100, 50, label_visibility='hidden')
            sizeA = row1[2].slider('A size', 50, 200, 100, step=10, label_visibility='hidden')

            row2 = st.columns([1, 2, 2])
            colorB = row2[0].color_picker('Team B', '#FF0000')
            opacityB = row2[1].slider('B opacity', 20, 100, 50, label_visibility='hidden')
            sizeB = row2[2].slider('B size', 50, 200, 100, step=10, label_visibility='hidden')

            st.form_submit_button('Update map')

        alphaA = int(opacityA * 255 / 100)
        alphaB = int(opacityB * 255 / 100)

        df['color'] = np.where(df.team == 'A', colorA + f'{alphaA:02x}', colorB + f'{alphaB:02x}')
        df['size'] = np.where(df.team == 'A', sizeA, sizeB)

    at = AppTest.from_function(app).run()
    assert len(at.exception) == 0
    assert [b.label for b in at.button] == ["Generate new points", "Update map"]
    form = _form(at)
    assert len(form.slider) == 4 and len(form.color_picker) == 2
    df = at.session_state.df
    assert set(df["size"]) == {100}
    assert df["color"][0] == "#0000FF7f" and df["color"][1] == "#FF00007f"

    # Changing the parameters sends nothing: the script does not see them.
    at.slider[1].set_value(150)
    at.color_picker[0].pick("#00FF00")
    at.run()
    assert set(at.session_state.df["size"]) == {100}
    assert at.session_state.df["color"][0] == "#0000FF7f"

    # "Generate new points" (outside the form) reruns without the unsubmitted changes.
    old_lat = list(at.session_state.df["lat"])
    at.button[0].click().run()
    df = at.session_state.df
    assert list(df["lat"]) != old_lat
    assert set(df["size"]) == {100}
    assert df["color"][0] == "#0000FF7f"

    # Submitting the form sends every change in one rerun.
    at.button[1].click().run()
    df = at.session_state.df
    assert df["size"][0] == 150 and df["size"][1] == 100
    assert df["color"][0].lower() == "#00ff007f"
    assert at.slider[1].value == 150


def test_widget_values_are_defaults_until_the_form_is_submitted():
    def app():
        import htst as st

        with st.form("my_form"):
            st.write("Inside the form")
            my_number = st.slider('Pick a number', 1, 10)
            my_color = st.selectbox('Pick a color', ['red', 'orange', 'green', 'blue', 'violet'])
            st.form_submit_button('Submit my picks')

        # This is outside the form
        st.write(my_number)
        st.write(my_color)

    at = AppTest.from_function(app).run()
    # st.write shows a number as code.
    assert at.markdown.values == ["Inside the form", "`1`", "red"]
    assert _form(at).markdown.values == ["Inside the form"]
    at.slider[0].set_value(7)
    at.selectbox[0].select("blue")
    at.run()
    assert at.markdown.values == ["Inside the form", "`1`", "red"]
    at.button[0].click().run()
    assert at.markdown.values == ["Inside the form", "`7`", "blue"]
    assert at.slider[0].value == 7 and at.selectbox[0].value == "blue"


def test_animal_sounds_form_as_a_container_object():
    def app():
        import htst as st

        animal = st.form('my_animal')

        # This is writing directly to the main body. Since the form container is
        # defined above, this will appear below everything written in the form.
        sound = st.selectbox('Sounds like', ['meow', 'woof', 'squeak', 'tweet'])

        # These methods called on the form container, so they appear inside the form.
        submit = animal.form_submit_button(f'Say it with {sound}!')
        sentence = animal.text_input('Your sentence:', 'Where\'s the tuna?')
        say_it = sentence.rstrip('.,!?') + f', {sound}!'
        if submit:
            animal.subheader(say_it)
        else:
            animal.subheader('&nbsp;')

    at = AppTest.from_function(app).run()
    main = at.main._nodes()[1]
    assert [child.type for child in main.children] == ["form", "selectbox"]
    form = _form(at)
    assert [b.label for b in form.button] == ["Say it with meow!"]
    assert form.text_input[0].value == "Where's the tuna?"
    assert form.subheader.values == ["&nbsp;"]

    at.text_input[0].input("Hello there.")
    at.run()
    assert _form(at).subheader.values == ["&nbsp;"]

    # The selectbox is outside the form: it reruns at once and relabels the button.
    at.selectbox[0].select("woof").run()
    assert [b.label for b in _form(at).button] == ["Say it with woof!"]
    assert _form(at).subheader.values == ["&nbsp;"]

    at.button[0].click().run()
    assert _form(at).subheader.values == ["Hello there, woof!"]
    assert at.text_input[0].value == "Hello there."
    at.run()
    assert _form(at).subheader.values == ["&nbsp;"]


def test_process_after_the_form():
    def app():
        import htst as st

        col1, col2 = st.columns([1, 2])
        col1.title('Sum:')

        with st.form('addition'):
            a = st.number_input('a')
            b = st.number_input('b')
            submit = st.form_submit_button('add')

        if submit:
            col2.title(f'{a+b:.2f}')

    at = AppTest.from_function(app).run()
    assert at.title.values == ["Sum:"]
    at.number_input[0].set_value(1.25)
    at.number_input[1].set_value(2.5)
    at.run()
    assert at.title.values == ["Sum:"]
    at.button[0].click().run()
    assert at.title.values == ["Sum:", "3.75"]
    assert at.columns[1].title.values == ["3.75"]
    at.run()
    assert at.title.values == ["Sum:"]


def test_process_in_a_submit_callback_with_session_state():
    def app():
        import htst as st

        if 'sum' not in st.session_state:
            st.session_state.sum = ''

        def sum():
            result = st.session_state.a + st.session_state.b
            st.session_state.sum = result

        col1, col2 = st.columns(2)
        col1.title('Sum:')
        if isinstance(st.session_state.sum, float):
            col2.title(f'{st.session_state.sum:.2f}')

        with st.form('addition'):
            st.number_input('a', key='a')
            st.number_input('b', key='b')
            st.form_submit_button('add', on_click=sum)

    at = AppTest.from_function(app).run()
    assert at.title.values == ["Sum:"]
    at.number_input("a").set_value(2.0)
    at.number_input("b").set_value(3.5)
    at.run()
    assert at.session_state.a == 0.0 and at.session_state.sum == ""
    at.button[0].click().run()
    assert at.session_state.sum == 5.5
    assert at.title.values == ["Sum:", "5.50"]


def test_process_with_st_rerun():
    def app():
        import htst as st

        if 'sum' not in st.session_state:
            st.session_state.sum = ''

        col1, col2 = st.columns(2)
        col1.title('Sum:')
        if isinstance(st.session_state.sum, float):
            col2.title(f'{st.session_state.sum:.2f}')

        with st.form('addition'):
            a = st.number_input('a')
            b = st.number_input('b')
            submit = st.form_submit_button('add')

        # The value of st.session_state.sum is updated at the end of the script rerun,
        # so the displayed value at the top in col2 does not show the new sum. Trigger
        # a second rerun when the form is submitted to update the value above.
        st.session_state.sum = a + b
        if submit:
            st.rerun()

    at = AppTest.from_function(app).run()
    assert at.title.values == ["Sum:"]  # the sum is set after the top is drawn
    at.number_input[0].set_value(4.0)
    at.number_input[1].set_value(0.5)
    at.run()
    assert at.title.values == ["Sum:", "0.00"]
    at.button[0].click().run()
    assert at.title.values == ["Sum:", "4.50"]
    assert at.button[0].value is False  # the rerun is not a submission


def test_session_state_guide_form_callback_reads_keys():
    def app():
        import htst as st

        def form_callback():
            st.write(st.session_state.my_slider)
            st.write(st.session_state.my_checkbox)

        with st.form(key='my_form'):
            slider_input = st.slider('My slider', 0, 10, 5, key='my_slider')  # noqa: F841
            checkbox_input = st.checkbox('Yes or No', key='my_checkbox')  # noqa: F841
            submit_button = st.form_submit_button(label='Submit', on_click=form_callback)  # noqa: F841

    at = AppTest.from_function(app).run()
    assert at.markdown.values == []
    at.slider[0].set_value(8)
    at.checkbox[0].check()
    at.button[0].click().run()
    assert at.markdown.values == ["`8`", "`True`"]
    assert at.session_state.my_slider == 8 and at.session_state.my_checkbox is True
    at.run()
    assert at.markdown.values == []  # a callback's output lasts one run


def test_counter_example_4_forms_and_callbacks():
    def app():
        import datetime

        import htst as st

        st.title('Counter Example')
        if 'count' not in st.session_state:
            st.session_state.count = 0
            st.session_state.last_updated = datetime.time(0, 0)

        def update_counter():
            st.session_state.count += st.session_state.increment_value
            st.session_state.last_updated = st.session_state.update_time

        with st.form(key='my_form'):
            st.time_input(label='Enter the time', value=datetime.datetime.now().time(), key='update_time')
            st.number_input('Enter a value', value=0, step=1, key='increment_value')
            submit = st.form_submit_button(label='Update', on_click=update_counter)  # noqa: F841

        st.write('Current Count = ', st.session_state.count)
        st.write('Last Updated = ', st.session_state.last_updated)

    at = AppTest.from_function(app).run()
    assert at.session_state.count == 0
    at.number_input[0].set_value(5)
    at.time_input[0].set_value(datetime.time(9, 30))
    at.run()
    assert at.session_state.count == 0
    at.button[0].click().run()
    assert at.session_state.count == 5
    assert at.session_state.last_updated == datetime.time(9, 30)
    at.button[0].click().run()
    assert at.session_state.count == 10


def test_attendance_example_callback_sees_the_submitted_name():
    def app():
        import htst as st

        if "attendance" not in st.session_state:
            st.session_state.attendance = set()

        def take_attendance():
            if st.session_state.name in st.session_state.attendance:
                st.info(f"{st.session_state.name} has already been counted.")
            else:
                st.session_state.attendance.add(st.session_state.name)

        with st.form(key="my_form"):
            st.text_input("Name", key="name")
            st.form_submit_button("I'm here!", on_click=take_attendance)

    at = AppTest.from_function(app).run()
    at.text_input("name").input("Ada")
    at.button[0].click().run()
    assert at.session_state.attendance == {"Ada"}
    assert len(at.info) == 0
    at.button[0].click().run()
    assert at.info.values == ["Ada has already been counted."]


# -- behaviour ----------------------------------------------------------------------
def test_form_submit_button_is_true_only_in_the_submitted_run():
    def app():
        import htst as st

        with st.form("f"):
            name = st.text_input("Name")
            submitted = st.form_submit_button()
        st.write(f"submitted={submitted} name={name!r}")

    at = AppTest.from_function(app).run()
    assert at.button[0].label == "Submit"
    assert at.markdown.values == ["submitted=False name=''"]
    at.text_input[0].input("Ann").run()
    assert at.markdown.values == ["submitted=False name=''"]
    at.button[0].click().run()
    assert at.markdown.values == ["submitted=True name='Ann'"]
    at.run()
    assert at.markdown.values == ["submitted=False name='Ann'"]


def test_keyed_form_widget_state_waits_for_submit():
    def app():
        import htst as st

        with st.form("f"):
            st.slider("Level", 0, 10, key="level")
            st.form_submit_button("Save")
        st.write(f"level={st.session_state.level}")

    at = AppTest.from_function(app).run()
    at.slider("level").set_value(6).run()
    assert at.session_state.level == 0
    assert at.markdown.values == ["level=0"]
    at.button[0].click().run()
    assert at.session_state.level == 6
    assert at.markdown.values == ["level=6"]


def test_submitting_without_changes_still_reruns_with_submit_true():
    def app():
        import htst as st

        if "n" not in st.session_state:
            st.session_state.n = 0
        with st.form("f"):
            st.checkbox("Agree")
            if st.form_submit_button("Go"):
                st.session_state.n += 1

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.session_state.n == 2


def test_a_button_outside_the_form_does_not_apply_unsubmitted_values():
    def app():
        import htst as st

        with st.form("f"):
            text = st.text_input("Note", key="note")
            st.form_submit_button("Send")
        clicked = st.button("Outside")
        st.write(f"note={text!r} clicked={clicked}")

    at = AppTest.from_function(app).run()
    at.text_input[0].input("draft")
    at.button[1].click().run()
    assert at.markdown.values == ["note='' clicked=True"]
    assert at.session_state.note == ""
    # The draft is still in the field (as in a browser) and goes with the submit.
    assert at.text_input[0].value == "draft"
    at.button[0].click().run()
    assert at.markdown.values == ["note='draft' clicked=False"]


def test_a_widget_outside_the_form_applies_at_once_while_form_values_wait():
    def app():
        import htst as st

        outside = st.checkbox("Outside")
        with st.form("f"):
            inside = st.checkbox("Inside")
            st.form_submit_button()
        st.write(f"outside={outside} inside={inside}")

    at = AppTest.from_function(app).run()
    at.checkbox[1].check()
    at.checkbox[0].check()
    at.run()
    assert at.markdown.values == ["outside=True inside=False"]
    at.button[0].click().run()
    assert at.markdown.values == ["outside=True inside=True"]


def test_two_forms_submit_independently():
    def app():
        import htst as st

        with st.form("first"):
            a = st.text_input("A")
            sa = st.form_submit_button("Submit A")
        with st.form("second"):
            b = st.text_input("B")
            sb = st.form_submit_button("Submit B")
        st.write(f"a={a!r} b={b!r} sa={sa} sb={sb}")

    at = AppTest.from_function(app).run()
    assert [b.label for b in at.button] == ["Submit A", "Submit B"]
    at.text_input[0].input("one")
    at.text_input[1].input("two")
    at.button[0].click().run()
    assert at.markdown.values == ["a='one' b='' sa=True sb=False"]
    at.button[1].click().run()
    assert at.markdown.values == ["a='one' b='two' sa=False sb=True"]
    assert [f.key for f in at.get("form")] == ["first", "second"]


def test_form_used_with_with_and_as_an_object_gives_the_same_tree():
    def with_block():
        import htst as st

        with st.form("f"):
            st.text_input("Name")
            st.form_submit_button("Send")

    def as_object():
        import htst as st

        f = st.form("f")
        f.text_input("Name")
        f.form_submit_button("Send")

    one = AppTest.from_function(with_block).run()
    two = AppTest.from_function(as_object).run()
    for at in (one, two):
        form = _form(at)
        assert form.text_input[0].label == "Name"
        assert form.button[0].label == "Send"
        assert form.key == "f"
    assert one.text_input[0].id == two.text_input[0].id


def test_submit_button_can_sit_anywhere_in_the_form():
    def app():
        import htst as st

        with st.form("f"):
            submitted = st.form_submit_button("First thing")
            with st.expander("More"):
                value = st.number_input("Deep", value=1)
            cols = st.columns(2)
            other = cols[1].text_input("Right")
        st.write(f"{submitted} {value} {other!r}")

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["False 1 ''"]
    at.number_input[0].set_value(3)
    at.text_input[0].input("r")
    at.run()
    assert at.markdown.values == ["False 1 ''"]
    at.button[0].click().run()
    assert at.markdown.values == ["True 3 'r'"]


def test_form_inside_columns_and_sidebar():
    def app():
        import htst as st

        left, _ = st.columns(2)
        with left, st.form("in_col"):
            x = st.number_input("x", value=1)
            st.form_submit_button("Apply x")
        with st.sidebar.form("in_side"):
            y = st.text_input("y")
            st.form_submit_button("Apply y")
        st.write(f"x={x} y={y!r}")

    at = AppTest.from_function(app).run()
    assert len(at.columns[0].get("form")) == 1
    assert len(at.sidebar.get("form")) == 1 and at.sidebar.text_input[0].label == "y"
    at.number_input[0].set_value(5)
    at.sidebar.text_input[0].input("side")
    at.run()
    assert at.markdown.values == ["x=1 y=''"]
    at.sidebar.button[0].click().run()
    assert at.markdown.values == ["x=1 y='side'"]
    at.columns[0].button[0].click().run()
    assert at.markdown.values == ["x=5 y='side'"]


def test_enter_to_submit_and_border_reach_the_node():
    def app():
        import htst as st

        with st.form("plain"):
            st.text_input("a")
            st.form_submit_button()
        with st.form("quiet", enter_to_submit=False, border=False):
            st.text_input("b")
            st.form_submit_button()

    at = AppTest.from_function(app).run()
    plain, quiet = at.get("form")
    assert plain.props["enter_to_submit"] is True and plain.props["border"] is True
    assert quiet.props["enter_to_submit"] is False and quiet.props["border"] is False


def test_form_submit_button_options_reach_the_node():
    def app():
        import htst as st

        with st.form("f"):
            st.form_submit_button("Go", type="primary", icon=":material/send:", help="Sends it", use_container_width=True)

    at = AppTest.from_function(app).run()
    button = at.button[0]
    assert button.type == "form_submit_button"
    assert button.props["kind"] == "primary"
    assert button.props["icon"] == ":material/send:"
    assert button.props["help"] == "Sends it"
    assert button.props["width"] == "stretch"  # use_container_width=True is width="stretch"
    assert button.props["form_id"] == _form(at).props["form_id"]


def test_disabled_submit_button_still_counts_as_the_forms_submit():
    def app():
        import htst as st

        with st.form("f"):
            st.text_input("a")
            st.form_submit_button(disabled=True)

    at = AppTest.from_function(app).run()
    assert len(at.error) == 0
    assert at.button[0].props["disabled"] is True


# -- clear_on_submit ------------------------------------------------------------------
def test_clear_on_submit_script_sees_the_value_then_the_widget_shows_the_default():
    def app():
        import htst as st

        with st.form("f", clear_on_submit=True):
            name = st.text_input("Name", "default", key="name")
            level = st.slider("Level", 0, 10, 2)
            submitted = st.form_submit_button()
        if submitted:
            st.write(f"got {name} {level}")
        st.write(f"state={st.session_state.name}")

    at = AppTest.from_function(app).run()
    at.text_input[0].input("typed")
    at.slider[0].set_value(9)
    at.button[0].click().run()
    assert at.markdown.values[0] == "got typed 9"
    assert at.text_input[0].value == "default"
    assert at.slider[0].value == 2
    assert at.session_state.name == "default"
    at.run()
    assert at.markdown.values == ["state=default"]
    assert at.text_input[0].value == "default" and at.slider[0].value == 2


def test_clear_on_submit_with_a_container_method_and_column():
    def app():
        import htst as st

        f = st.form("f", clear_on_submit=True)
        cols = f.columns(2)
        note = cols[0].text_input("Note")
        f.form_submit_button("Add")
        if note:
            st.session_state.setdefault("notes", []).append(note)

    at = AppTest.from_function(app).run()
    at.text_input[0].input("first")
    at.button[0].click().run()
    assert at.text_input[0].value == ""
    at.text_input[0].input("second")
    at.button[0].click().run()
    assert at.session_state.notes == ["first", "second"]
    assert at.text_input[0].value == ""
    assert len(at.columns[0].text_input) == 1


def test_clear_on_submit_also_clears_when_the_submitted_run_calls_st_rerun():
    def app():
        import htst as st

        st.session_state.setdefault("msgs", [])
        with st.form("f", clear_on_submit=True):
            msg = st.text_input("msg", key="msg")
            if st.form_submit_button():
                st.session_state.msgs.append(msg)
                st.rerun()
        st.write(f"{st.session_state.msgs}")

    at = AppTest.from_function(app).run()
    at.text_input[0].input("hello")
    at.button[0].click().run()
    assert at.session_state.msgs == ["hello"]
    assert at.text_input[0].value == ""
    assert at.session_state.msg == ""
    at.run()
    assert at.session_state.msgs == ["hello"]


def test_without_clear_on_submit_values_stay():
    def app():
        import htst as st

        with st.form("f"):
            st.text_input("Name", key="name")
            st.form_submit_button()

    at = AppTest.from_function(app).run()
    at.text_input[0].input("kept")
    at.button[0].click().run()
    assert at.text_input[0].value == "kept"
    at.run()
    assert at.session_state.name == "kept"


# -- documented limitations -----------------------------------------------------------
def test_form_without_a_submit_button_shows_missing_submit_button():
    def app():
        import htst as st

        with st.form("lonely"):
            st.text_input("Name")
        st.write("after")

    at = AppTest.from_function(app).run()
    assert len(at.exception) == 0
    errors = _form(at).error
    assert len(errors) == 1
    assert "Missing Submit Button" in errors[0].value
    assert "st.form_submit_button()" in errors[0].value
    assert at.markdown.values == ["after"]


def _api_error(at: AppTest) -> str:
    assert len(at.exception) == 1, at.exception
    assert at.exception[0].type in ("HtstAPIException", "StreamlitAPIException")
    return at.exception[0].message


def test_st_button_in_a_form_raises():
    def app():
        import htst as st

        with st.form("f"):
            st.button("Nope")
            st.form_submit_button()

    message = _api_error(AppTest.from_function(app).run())
    assert "`st.button()` can't be used in an `st.form()`." in message


def test_download_button_in_a_form_raises():
    def app():
        import htst as st

        with st.form("f"):
            st.download_button("Get", data="x", file_name="x.txt")
            st.form_submit_button()

    message = _api_error(AppTest.from_function(app).run())
    assert "`st.download_button()` can't be used in an `st.form()`." in message


def test_chat_input_in_a_form_raises():
    def app():
        import htst as st

        with st.form("f"):
            st.chat_input("Say")
            st.form_submit_button()

    message = _api_error(AppTest.from_function(app).run())
    assert "`st.chat_input()` can't be used in an `st.form()`." in message


def test_nested_forms_raise():
    def app():
        import htst as st

        with st.form("outer"):
            with st.form("inner"):
                st.form_submit_button()
            st.form_submit_button()

    assert _api_error(AppTest.from_function(app).run()) == "Forms cannot be nested in other forms."


def test_nested_form_inside_a_column_of_a_form_raises():
    def app():
        import htst as st

        with st.form("outer"):
            col, _ = st.columns(2)
            col.form("inner")
            st.form_submit_button()

    assert _api_error(AppTest.from_function(app).run()) == "Forms cannot be nested in other forms."


def test_callback_on_a_widget_inside_a_form_raises():
    def app():
        import htst as st

        with st.form("f"):
            st.text_input("Name", on_change=lambda: None)
            st.form_submit_button()

    message = _api_error(AppTest.from_function(app).run())
    assert message.startswith("With forms, callbacks can only be defined on the `st.form_submit_button`.")


def test_form_submit_button_outside_a_form_raises():
    def app():
        import htst as st

        st.form_submit_button("Lost")

    message = _api_error(AppTest.from_function(app).run())
    assert message.startswith("`st.form_submit_button()` must be used inside an `st.form()`.")


def test_duplicate_form_keys_raise():
    def app():
        import htst as st

        with st.form("same"):
            st.form_submit_button("One")
        with st.form("same"):
            st.form_submit_button("Two")

    message = _api_error(AppTest.from_function(app).run())
    assert "There are multiple identical forms with `key='same'`." in message


def test_widgets_outside_forms_still_take_callbacks():
    def app():
        import htst as st

        with st.form("f"):
            st.form_submit_button()
        st.text_input("Free", key="free", on_change=lambda: st.session_state.update(changed=True))

    at = AppTest.from_function(app).run()
    assert len(at.exception) == 0
    at.text_input[0].input("x").run()
    assert at.session_state.changed is True


def test_interdependent_widgets_in_a_form_update_on_submit_only():
    def app():
        import htst as st

        with st.form("f"):
            top = st.number_input("Max", value=5)
            st.slider("Pick", 0, int(top), key="pick")
            st.form_submit_button()

    at = AppTest.from_function(app).run()
    assert at.slider[0].props["max"] == 5
    at.number_input[0].set_value(8).run()
    assert at.slider[0].props["max"] == 5
    at.button[0].click().run()
    assert at.slider[0].props["max"] == 8
