"""multiselect, select_slider, range/date/time sliders, pills, segmented_control, feedback."""

from __future__ import annotations

import datetime as dt

import pytest

from htst.testing.v1 import AppTest


# -- the cheat sheet ------------------------------------------------------------------------


def test_cheat_sheet_multiselect_select_slider_and_slider_range():
    def app():
        import htst as st

        m = st.multiselect("Pick", ["foo", "bar", "baz"], ["foo", "bar"])
        s = st.select_slider("Month", ["Jan", "Feb", "Mar", "Apr", "May", "Jun"], value="Feb")
        n = st.slider("Slider", 0, 10, 2)
        st.write(f"m={m} s={s} n={n}")

    at = AppTest.from_function(app).run()
    assert at.multiselect[0].value == ["foo", "bar"]
    assert at.multiselect[0].options == ["foo", "bar", "baz"]
    assert at.multiselect[0].indices == [0, 1]
    at.multiselect[0].select("baz").unselect("foo").run()
    assert at.multiselect[0].value == ["bar", "baz"]
    assert at.multiselect[0].indices == [1, 2]

    assert at.select_slider[0].value == "Feb"
    at.select_slider[0].set_value("Mar").run()
    assert at.select_slider[0].value == "Mar"
    assert at.markdown[0].value == "m=['bar', 'baz'] s=Mar n=2"

    assert at.slider[0].value == 2
    at.slider[0].set_value(3).run()
    assert at.slider[0].value == 3


def test_set_range_on_range_sliders():
    def app():
        import htst as st

        s = st.select_slider("Months", ["Jan", "Feb", "Mar", "Apr", "May", "Jun"], value=("Feb", "Mar"))
        r = st.slider("Span", 0, 10, (2, 8))
        st.write(f"s={s} r={r}")

    at = AppTest.from_function(app).run()
    assert at.select_slider[0].value == ("Feb", "Mar")
    assert at.slider[0].value == (2, 8)
    at.select_slider[0].set_range("Apr", "Jun").run()
    at.slider[0].set_range(4, 6).run()
    assert at.select_slider[0].value == ("Apr", "Jun")
    assert at.slider[0].value == (4, 6)
    assert at.markdown[0].value == "s=('Apr', 'Jun') r=(4, 6)"


# -- multiselect ----------------------------------------------------------------------------


def test_multiselect_defaults_and_format_func():
    def app():
        import htst as st

        a = st.multiselect("Empty", ["x", "y"])
        b = st.multiselect("One default", ["x", "y"], "y")
        c = st.multiselect("Numbers", [1, 2, 3], [3, 1], format_func=lambda n: f"#{n}")
        st.write(repr((a, b, c)))

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "([], ['y'], [3, 1])"
    assert at.multiselect[2].options == ["#1", "#2", "#3"]
    assert at.multiselect[2].indices == [2, 0]


def test_multiselect_default_not_in_options_is_the_documented_error():
    def app():
        import htst as st

        st.multiselect("Pick", ["foo", "bar"], ["foo", "qux"])

    at = AppTest.from_function(app).run()
    assert at.exception[0].value == (
        "The default value 'qux' is not part of the options. Please make sure that every "
        "default value also exists in the options."
    )


def test_multiselect_max_selections_default_and_set_value():
    def app():
        import htst as st

        st.multiselect("Pick", ["a", "b", "c"], ["a"], max_selections=2)

    at = AppTest.from_function(app).run()
    assert not at.exception
    at.multiselect[0].select("b").run()
    assert at.multiselect[0].value == ["a", "b"]
    with pytest.raises(ValueError, match="max_selections is 2"):
        at.multiselect[0].select("c").run()

    def too_many():
        import htst as st

        st.multiselect("Pick", ["a", "b", "c"], ["a", "b"], max_selections=1)

    at = AppTest.from_function(too_many).run()
    assert "Multiselect has 2 options selected but `max_selections` is set to 1" in at.exception[0].value


def test_multiselect_accept_new_options():
    def app():
        import htst as st

        v = st.multiselect("Tags", ["red", "blue"], accept_new_options=True)
        st.write(repr(v))

    at = AppTest.from_function(app).run()
    at.multiselect[0].set_value(["blue", "green"]).run()
    assert at.markdown[0].value == "['blue', 'green']"
    assert list(at.multiselect[0].props["new_options"]) == ["green"]


def test_options_returned_are_the_previous_runs_objects_custom_classes_example():
    # Docs (custom classes, "a pathological example"), with a multiselect and a select_slider.
    def app():
        from dataclasses import dataclass

        import htst as st

        @dataclass
        class Student:
            student_id: int
            name: str

        Marshall_A = Student(1, "Marshall")
        if "B" not in st.session_state:
            st.session_state.B = Student(1, "Marshall")
        Marshall_B = st.session_state.B
        options = [Marshall_A, Marshall_B]
        selected = st.multiselect("Pick", options, [Marshall_A])
        one = st.select_slider("One", options)
        st.write(f"A={selected[0] == Marshall_A} B={selected[0] == Marshall_B}")
        st.write(f"sA={one == Marshall_A} sB={one == Marshall_B}")

    at = AppTest.from_function(app).run()
    assert [m.value for m in at.markdown] == ["A=True B=True", "sA=True sB=True"]
    at.run()
    # This comparison does not return expected results / this one evaluates as expected:
    assert [m.value for m in at.markdown] == ["A=False B=True", "sA=False sB=True"]


def test_changing_options_resets_the_widget():
    def app():
        import htst as st

        opts = ["a", "b", "c"] if st.session_state.get("many") else ["a", "b"]
        v = st.multiselect("Pick", opts, ["a"])
        s = st.select_slider("Slide", opts)
        p = st.pills("Pill", opts)
        st.write(f"{v} {s} {p}")

    at = AppTest.from_function(app).run()
    at.multiselect[0].set_value(["b"])
    at.select_slider[0].set_value("b")
    at.pills[0].set_value("b")
    at.run()
    assert at.markdown[0].value == "['b'] b b"
    at.session_state["many"] = True
    at.run()
    assert at.markdown[0].value == "['a'] a None"


def test_callbacks_fire_once_per_change_and_keys_mirror_values():
    def app():
        import datetime as dt

        import htst as st

        st.session_state.setdefault("calls", [])

        def changed(name):
            st.session_state.calls.append((name, st.session_state[name]))

        st.multiselect("M", ["a", "b"], key="m", on_change=changed, args=("m",))
        st.select_slider("S", ["a", "b"], key="s", on_change=changed, args=("s",))
        st.slider("R", 0, 9, (1, 2), key="r", on_change=changed, kwargs={"name": "r"})
        st.slider("D", value=dt.date(2024, 5, 1), key="d", on_change=changed, args=("d",))
        st.pills("P", ["a", "b"], selection_mode="multi", key="p", on_change=changed, args=("p",))
        st.segmented_control("G", ["a", "b"], key="g", on_change=changed, args=("g",))
        st.feedback("faces", key="f", on_change=changed, args=("f",))

    at = AppTest.from_function(app).run()
    assert at.session_state["m"] == [] and at.session_state["r"] == (1, 2)
    assert at.session_state["d"] == dt.date(2024, 5, 1) and at.session_state["f"] is None
    at.multiselect[0].select("b")
    at.select_slider[0].set_value("b")
    at.slider[0].set_range(3, 4)
    at.slider[1].set_value(dt.date(2024, 5, 3))
    at.pills[0].set_value(["b"])
    at.segmented_control[0].set_value("a")
    at.feedback[0].set_value(3)
    at.run()
    expected = [("m", ["b"]), ("s", "b"), ("r", (3, 4)), ("d", dt.date(2024, 5, 3)), ("p", ["b"]), ("g", "a"), ("f", 3)]
    assert at.session_state["calls"] == expected
    at.run()  # no change, no callback
    assert at.session_state["calls"] == expected
    assert at.multiselect[0].value == ["b"] and at.feedback[0].value == 3


def test_session_state_sets_values_before_the_widget_is_drawn():
    def app():
        import htst as st

        if "m" not in st.session_state:
            st.session_state.m = ["b"]
            st.session_state.r = (5, 7)
            st.session_state.s = ("b", "c")
        m = st.multiselect("M", ["a", "b"], key="m")
        r = st.slider("R", 0, 10, key="r")
        s = st.select_slider("S", ["a", "b", "c"], value=("a", "b"), key="s")
        st.write(f"{m} {r} {s}")

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "['b'] (5, 7) ('b', 'c')"


# -- select_slider ----------------------------------------------------------------------------


def test_select_slider_defaults_and_errors():
    def app():
        import htst as st

        a = st.select_slider("A", ["x", "y", "z"])
        b = st.select_slider("B", ["x", "y", "z"], value=["z", "x"])
        c = st.select_slider("C", range(5), value=3, format_func=lambda n: f"n{n}")
        st.write(repr((a, b, c)))
        st.select_slider("No options")

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "('x', ('x', 'z'), 3)"
    assert list(at.select_slider[2].props["options"]) == ["n0", "n1", "n2", "n3", "n4"]
    assert at.exception[0].value == "The `options` parameter is required. Provide at least one option."


def test_reversed_range_from_apptest_is_refused():
    def app():
        import htst as st

        st.select_slider("S", ["a", "b", "c"], value=("a", "b"))

    at = AppTest.from_function(app).run()
    with pytest.raises(ValueError, match="reversed"):
        at.select_slider[0].set_range("c", "a").run()


# -- slider: ranges, dates and times ------------------------------------------------------


def test_slider_types_and_streamlit_defaults():
    def app():
        import datetime as dt

        import htst as st

        values = [
            st.slider("Float range", 0.0, 1.0, (0.25, 0.75)),
            st.slider("Range default from state", key="rk"),
            st.slider("Date", value=dt.date(2024, 1, 10)),
            st.slider("Time", value=dt.time(8, 30)),
            st.slider("Datetime", value=dt.datetime(2024, 1, 1, 12)),
            st.slider("Times", value=(dt.time(8), dt.time(17))),
            st.slider("Dates", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ]
        st.write(repr(values))

    at = AppTest.from_function(app)
    at.session_state["rk"] = (10, 20)
    at.run()
    assert not at.exception
    assert at.markdown[0].value == repr([
        (0.25, 0.75), (10, 20), dt.date(2024, 1, 10), dt.time(8, 30), dt.datetime(2024, 1, 1, 12),
        (dt.time(8), dt.time(17)), dt.date(2024, 1, 1),
    ])
    date_slider = at.slider[2]
    assert list(date_slider.props["bounds"]) == ["2023-12-27", "2024-01-24"]  # value ± 14 days
    assert date_slider.props["step"] == 1  # one day
    assert list(at.slider[3].props["bounds"]) == ["00:00", "23:59"]
    assert at.slider[3].props["step"] == 15 * 60 * 1_000_000  # 15 minutes
    assert at.slider[4].props["step"] == 24 * 3600 * 1_000_000  # a datetime steps by a day
    assert at.slider[5].props["display"] == "08:00 – 17:00"


def test_date_and_time_slider_values_and_ranges_change():
    def app():
        import datetime as dt

        import htst as st

        d = st.slider("Day", value=dt.date(2024, 1, 10))
        t = st.slider("Hours", value=(dt.time(8), dt.time(17)))
        tz = dt.timezone(dt.timedelta(hours=-5))
        w = st.slider("When", value=dt.datetime(2020, 1, 10, 10, 30, tzinfo=tz))
        st.write(f"{d} {t[0]}-{t[1]} {w}")

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "2024-01-10 08:00:00-17:00:00 2020-01-10 10:30:00-05:00"
    tz = dt.timezone(dt.timedelta(hours=-5))
    at.slider[0].set_value(dt.date(2024, 1, 20))
    at.slider[1].set_range(dt.time(9, 15), dt.time(9, 45))
    at.slider[2].set_value(dt.datetime(2020, 1, 12, 10, 30, tzinfo=tz))
    at.run()
    # A timezone-aware value keeps its timezone (docs: timezones).
    assert at.markdown[0].value == "2024-01-20 09:15:00-09:45:00 2020-01-12 10:30:00-05:00"
    with pytest.raises(ValueError, match="out of range"):
        at.slider[0].set_value(dt.date(2025, 1, 1)).run()


def test_slider_argument_errors():
    def mixed():
        import datetime as dt

        import htst as st

        st.slider("x", value=(1, dt.date(2024, 1, 1)))

    at = AppTest.from_function(mixed).run()
    assert "mixed types" in at.exception[0].value

    def outside():
        import htst as st

        st.slider("x", 0, 10, (5, 20))

    at = AppTest.from_function(outside).run()
    assert "must lie between" in at.exception[0].value


# -- pills, segmented_control, feedback -------------------------------------------------------


def test_pills_and_segmented_control_single_and_multi():
    def app():
        import htst as st

        a = st.pills("A", ["x", "y"])
        b = st.pills("B", ["x", "y"], selection_mode="multi", default="x")
        c = st.segmented_control("C", ["x", "y"], default="y", format_func=str.upper)
        d = st.segmented_control("D", ["x", "y"], selection_mode="multi", default=["y", "x"])
        st.write(repr((a, b, c, d)))

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "(None, ['x'], 'y', ['y', 'x'])"
    assert [label for _, label, _ in at.segmented_control[0].props["buttons"]] == ["X", "Y"]
    at.pills[0].set_value("y")
    at.pills[1].set_value([])
    at.segmented_control[0].set_value(None)
    at.run()
    assert at.markdown[0].value == "('y', [], None, ['y', 'x'])"


def test_pills_errors():
    def app():
        import htst as st

        st.pills("A", ["x", "y"], default=["x", "y"])

    at = AppTest.from_function(app).run()
    assert at.exception[0].value == "The default argument to `st.pills` must be a single value when `selection_mode='single'`."

    def bad_default():
        import htst as st

        st.segmented_control("A", ["x", "y"], default="z")

    at = AppTest.from_function(bad_default).run()
    assert "The default value 'z' is not part of the options" in at.exception[0].value


def test_required_pills_cannot_be_cleared():
    def app():
        import htst as st

        st.pills("A", ["x", "y"], default="x", required=True)

    at = AppTest.from_function(app).run()
    with pytest.raises(ValueError, match="a selection is required"):
        at.pills[0].set_value(None).run()


def test_feedback_returns_an_index():
    def app():
        import htst as st

        a = st.feedback()
        b = st.feedback("faces", default=2)
        c = st.feedback("stars", key="stars")
        st.write(repr((a, b, c)))

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "(None, 2, None)"
    assert [name for _, _, name in at.feedback[0].props["buttons"]] == ["Thumbs up", "Thumbs down"]
    at.feedback[0].set_value(0)
    at.feedback[2].set_value(4)
    at.run()
    assert at.markdown[0].value == "(0, 2, 4)"
    assert at.session_state["stars"] == 4
    with pytest.raises(ValueError, match="not one of the options"):
        at.feedback[0].set_value(2).run()


def test_feedback_argument_errors():
    def app():
        import htst as st

        st.feedback("hearts")

    at = AppTest.from_function(app).run()
    assert "Expected one of: 'thumbs', 'faces', 'stars'" in at.exception[0].value

    def bad_default():
        import htst as st

        st.feedback("thumbs", default=2)

    at = AppTest.from_function(bad_default).run()
    assert "out of range" in at.exception[0].value


def test_pills_and_segmented_controls_are_listed_as_button_group_too():
    """Streamlit's AppTest lists both under `at.button_group`, in page order."""

    def app():
        import htst as st

        st.segmented_control("Mode", ["day", "night"], key="mode")
        st.pills("Size", ["S", "M"], key="size")

    at = AppTest.from_function(app).run()
    assert [w.key for w in at.button_group] == ["mode", "size"]
    at.button_group(key="size").set_value("M").run()
    assert at.pills[0].value == "M"
