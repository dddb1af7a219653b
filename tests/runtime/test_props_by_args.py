"""Props built once per set of arguments (`runtime.nodes.props_by_args`) and a widget's
props built once per look and value (`runtime.widgets.draw_widget`) never show stale or
borrowed values."""

from __future__ import annotations

from htst.testing.v1 import AppTest


def test_an_object_whose_text_changes_is_drawn_anew_in_each_run():
    # The object's hash stays the same while its str changes: its props cannot be kept.
    at = AppTest.from_string(
        """
        import htst as st

        class Counter:
            def __init__(self):
                self.runs = 0

            def __str__(self):
                return f"run {self.runs}"

        if "counter" not in st.session_state:
            st.session_state.counter = Counter()
        st.session_state.counter.runs += 1
        st.markdown(st.session_state.counter)
        """
    ).run()
    assert at.markdown[0].value == "run 1"
    at.run()
    assert at.markdown[0].value == "run 2"


def test_equal_arguments_of_other_types_are_drawn_as_their_type():
    # 1 == 1.0 == True: one key for them would draw "1" three times.
    at = AppTest.from_string(
        """
        import htst as st

        st.markdown(1)
        st.markdown(1.0)
        st.markdown(True)
        st.slider("Int", 0, 10, 1, key="a")
        st.slider("Int", 0.0, 10.0, 1.0, key="b")
        """
    ).run()
    assert [m.value for m in at.markdown] == ["1", "1.0", "True"]
    assert at.slider(key="a").value == 1 and type(at.slider(key="a").value) is int
    assert at.slider(key="b").value == 1.0 and type(at.slider(key="b").value) is float


def test_values_that_are_equal_but_print_apart_are_drawn_as_themselves():
    # 0.0 == -0.0, and an aware datetime equals the same instant in another time zone.
    at = AppTest.from_string(
        """
        import datetime as dt
        import htst as st

        st.markdown(0.0)
        st.markdown(-0.0)
        noon = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)
        later = noon.astimezone(dt.timezone(dt.timedelta(hours=5)))
        st.slider("When", noon - dt.timedelta(days=1), noon + dt.timedelta(days=1), noon, key="utc", format="HH:mm")
        st.slider("When", later - dt.timedelta(days=1), later + dt.timedelta(days=1), later, key="east", format="HH:mm")
        """
    ).run()
    assert [m.value for m in at.markdown] == ["0.0", "-0.0"]
    assert at.slider(key="utc").display == "12:00" and at.slider(key="east").display == "17:00"


def test_a_widget_value_equal_to_the_last_but_in_another_time_zone_shows_its_own_zone():
    at = AppTest.from_string(
        """
        import datetime as dt
        import htst as st

        noon = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)
        later = noon.astimezone(dt.timezone(dt.timedelta(hours=5)))
        st.session_state.when = later if st.session_state.get("east") else noon
        st.slider("When", noon - dt.timedelta(days=1), noon + dt.timedelta(days=1), key="when", format="HH:mm")
        """
    ).run()
    assert at.slider(key="when").display == "12:00"
    at.session_state["east"] = True
    at.run()
    assert at.slider(key="when").display == "17:00"


SLIDER = """
import htst as st

st.slider("Level", 0, 100, 50, format="%d%%")
st.text_input("Name", "Ada")
st.checkbox("Ready")
"""


def test_two_tabs_drawing_the_same_widgets_each_show_their_own_values(make_app, open_tab):
    client = make_app(SLIDER).test_client()
    first, second = open_tab(client), open_tab(client)
    level, name, ready = first.wid("Level"), first.wid("Name"), first.wid("Ready")
    first.post({level: "10", name: "Grace", ready: "1"})
    second.post({level: "20"})
    first.post({})
    assert dict(first.page.form_fields) == {level: "10", name: "Grace", ready: "1", "_htst_tab": first.token}
    assert "10%" in first.page.text
    second.post({})
    assert dict(second.page.form_fields) == {level: "20", name: "Ada", ready: "0", "_htst_tab": second.token}
    assert "20%" in second.page.text and "10%" not in second.page.text


def test_a_refused_field_shows_what_was_posted_and_why_then_the_kept_value(make_app, open_tab):
    # The look is shared; the refusal must not leak into it (nor into other tabs).
    app = make_app(
        """
        import htst as st

        st.text_input("Name", "Ada", required=True)
        """
    )
    client = app.test_client()
    tab, other = open_tab(client), open_tab(client)
    page = tab.post({tab.wid("Name"): ""}).get_data(as_text=True)
    assert "This field is required." in page
    assert "This field is required." not in other.post({}).get_data(as_text=True)
    page = tab.post({}).get_data(as_text=True)
    assert "This field is required." not in page and 'value="Ada"' in page


def test_a_checkbox_label_wraps_by_where_it_is_drawn():
    # `wrap=None` depends on the container (one line in a row): not on the arguments alone.
    at = AppTest.from_string(
        """
        import htst as st

        st.checkbox("Same label", key="main")
        left, right = st.columns(2)
        with left:
            st.checkbox("Same label", key="row")
        """
    ).run()
    assert at.checkbox(key="main").wrap is True
    assert at.checkbox(key="row").wrap is False
