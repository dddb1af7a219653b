"""text_area, date_input, time_input, color_picker (and text_input's options) under AppTest."""

from __future__ import annotations

import datetime as dt

import pytest

from htst.testing.v1 import AppTest

# -- the cheat sheet ------------------------------------------------------------------


def _cheatsheet():
    import datetime

    import htst as st

    st.color_picker("Color", "#FFFFFF")
    st.date_input("Date", datetime.date(2019, 7, 6))
    st.text_area("Area", "Hello, world!")
    st.time_input("Time", datetime.time(8, 45))


def test_cheatsheet_color_picker():
    at = AppTest.from_function(_cheatsheet).run()
    assert at.color_picker[0].value == "#FFFFFF"
    at.color_picker[0].pick("#000000").run()
    assert at.color_picker[0].value == "#000000"
    at.color_picker[0].pick("12ab34").run()  # the "#" may be left out
    assert at.color_picker[0].value == "#12ab34"


def test_cheatsheet_date_input():
    at = AppTest.from_function(_cheatsheet).run()
    assert at.date_input[0].value == dt.date(2019, 7, 6)
    at.date_input[0].set_value(dt.date(2022, 12, 21)).run()
    assert at.date_input[0].value == dt.date(2022, 12, 21)


def test_cheatsheet_text_area():
    at = AppTest.from_function(_cheatsheet).run()
    assert at.text_area[0].value == "Hello, world!"
    at.text_area[0].set_value("Hello, yourself!").run()
    assert at.text_area[0].value == "Hello, yourself!"
    at.text_area[0].input("Two\nlines").run()
    assert at.text_area[0].value == "Two\nlines"


def test_cheatsheet_time_input():
    at = AppTest.from_function(_cheatsheet).run()
    assert at.time_input[0].value == dt.time(8, 45)
    at.time_input[0].set_value(dt.time(12, 30)).run()
    assert at.time_input[0].value == dt.time(12, 30)
    at.time_input[0].increment().run()
    assert at.time_input[0].value == dt.time(12, 45)
    at.time_input[0].decrement().decrement().run()
    assert at.time_input[0].value == dt.time(12, 15)


def test_labels_help_placeholder_disabled():
    def app():
        import datetime

        import htst as st

        st.text_area("Notes", help="Say it", placeholder="Type here", disabled=True)
        st.date_input("Day", datetime.date(2020, 1, 1), help="Pick a day")
        st.time_input("At", datetime.time(9, 0), help="When", disabled=True)
        st.color_picker("Paint", help="Hue")

    at = AppTest.from_function(app).run()
    area = at.text_area[0]
    assert (area.label, area.help, area.placeholder, area.disabled) == ("Notes", "Say it", "Type here", True)
    assert (at.date_input[0].label, at.date_input[0].help, at.date_input[0].disabled) == ("Day", "Pick a day", False)
    assert (at.time_input[0].label, at.time_input[0].help, at.time_input[0].disabled) == ("At", "When", True)
    assert (at.color_picker[0].label, at.color_picker[0].help) == ("Paint", "Hue")


# -- defaults -------------------------------------------------------------------------


def test_defaults():
    def app():
        import htst as st

        st.write(repr((st.text_area("A"), st.color_picker("C"), st.date_input("D"), st.time_input("T"))))

    before = dt.datetime.now()
    at = AppTest.from_function(app).run()
    after = dt.datetime.now()
    area, color, day, clock = eval(at.markdown[0].value, {"datetime": dt})  # noqa: S307
    assert (area, color) == ("", "#000000")
    assert before.date() <= day <= after.date()
    # "now", minutes only (the default step is 15 minutes), naive.
    assert clock.second == 0 and clock.tzinfo is None
    earliest = before.replace(second=0, microsecond=0).time()
    assert earliest <= clock <= after.time()
    assert at.time_input[0].step == 900


def test_date_bounds_default_to_ten_years_around_the_value():
    def app():
        import datetime

        import htst as st

        st.date_input("One", datetime.date(2020, 2, 29))
        st.date_input("Range", (datetime.date(2019, 7, 6), datetime.date(2019, 8, 1)))

    at = AppTest.from_function(app).run()
    assert (at.date_input[0].min, at.date_input[0].max) == (dt.date(2010, 2, 28), dt.date(2030, 2, 28))
    assert (at.date_input[1].min, at.date_input[1].max) == (dt.date(2009, 7, 6), dt.date(2029, 8, 1))


def test_today_is_clamped_into_explicit_bounds():
    def app():
        import datetime

        import htst as st

        soon = datetime.date.today() + datetime.timedelta(days=30)
        late = datetime.date.today() - datetime.timedelta(days=30)
        st.write(repr((st.date_input("D", min_value=soon), st.date_input("E", max_value=late))))

    at = AppTest.from_function(app).run()
    today = dt.date.today()
    assert at.markdown[0].value == repr((today + dt.timedelta(days=30), today - dt.timedelta(days=30)))


def test_none_values_start_empty():
    def app():
        import htst as st

        st.write(repr((st.date_input("D", None), st.time_input("T", None), st.text_area("A", None))))

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "(None, None, None)"
    at.date_input[0].set_value(dt.date(2021, 3, 4)).run()
    at.time_input[0].set_value(dt.time(7, 5)).run()
    assert at.markdown[0].value == "(datetime.date(2021, 3, 4), datetime.time(7, 5), None)"


def test_value_types_accepted_as_streamlit_does():
    def app():
        import datetime

        import htst as st

        st.write(repr((
            st.date_input("From datetime", datetime.datetime(2020, 1, 1, 23, 0)),
            st.date_input("From ISO", "2020-01-05"),
            st.time_input("From datetime ", datetime.datetime(2020, 1, 1, 10, 20, 33)),
            st.time_input("From ISO ", "10:20"),
            st.time_input("Seconds kept", datetime.time(10, 20, 30), step=30),
            st.color_picker("Short", "#abc"),
        )))

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == repr((
        dt.date(2020, 1, 1), dt.date(2020, 1, 5), dt.time(10, 20), dt.time(10, 20),
        dt.time(10, 20, 30), "#abc",
    ))


@pytest.mark.parametrize(
    "call, message",
    [
        ("st.color_picker('C', 'red')", "'red' is not a valid hex code for colors"),
        ("st.color_picker('C', '#12345')", "not a valid hex code"),
        ("st.color_picker('C', 5)", "Expected one of: str"),
        ("st.date_input('D', datetime.date(2019, 7, 6), min_value=datetime.date(2020, 1, 1))", "is less than the `min_value`"),
        ("st.date_input('D', datetime.date(2019, 7, 6), max_value=datetime.date(2018, 1, 1))", "is greater than the `max_value`"),
        ("st.date_input('D', min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2019, 1, 1))", "cannot be greater than the `max_value`"),
        ("st.date_input('D', (datetime.date(2019, 1, 1),) * 3)", "sequence of 0 to 2"),
        ("st.date_input('D', 5)", "Invalid `value` type"),
        ("st.date_input('D', format='YY')", "Invalid `format` value"),
        ("st.time_input('T', step=datetime.timedelta(hours=24))", "outside the required range [1 second, 23 hours]"),
        ("st.time_input('T', step=0)", "outside the required range"),
        ("st.time_input('T', step=1.5)", "Invalid `step` type"),
        ("st.time_input('T', 5)", "Invalid `value` type"),
        ("st.text_area('A', height=-3)", "Invalid height"),
    ],
)
def test_bad_arguments_raise_api_exceptions(call, message):
    at = AppTest.from_string(f"import datetime\nimport htst as st\n{call}\n").run()
    assert len(at.exception) == 1
    assert at.exception[0].type == "HtstAPIException"
    assert message in at.exception[0].value


# -- text_area and text_input options ---------------------------------------------------


def test_text_area_max_chars_cuts_the_default_and_refuses_longer_input():
    def app():
        import htst as st

        st.write(repr(st.text_area("A", "abcdef", max_chars=3)))

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "'abc'"
    at.text_area[0].input("wxyz").run()  # as in Streamlit: too long to type, not entered
    assert at.markdown[0].value == "'abc'"
    at.text_area[0].input("x\ny").run()
    assert at.markdown[0].value == "'x\\ny'"


def test_text_area_height_and_props():
    def app():
        import htst as st

        st.text_area("Fixed", height=200, max_chars=50)
        st.text_area("Grows", height="content")

    at = AppTest.from_function(app).run()
    assert at.text_area[0].height == 200 and at.text_area[0].max_chars == 50
    assert at.text_area[1].grow is True and at.text_area[1].height is None


def test_text_input_password_max_chars_placeholder_autocomplete():
    def app():
        import htst as st

        st.text_input("Secret", type="password", max_chars=5, placeholder="hunter2")
        st.text_input("Login", autocomplete="username", placeholder=42)
        st.text_input("Plain")

    at = AppTest.from_function(app).run()
    secret, login, plain = at.text_input
    assert (secret.input_type, secret.autocomplete, secret.max_chars, secret.placeholder) == ("password", "new-password", 5, "hunter2")
    assert (login.autocomplete, login.placeholder) == ("username", "42")
    assert (plain.input_type, plain.autocomplete) == ("text", None)
    secret.input("toolong").run()
    assert at.text_input[0].value == ""
    at.text_input[0].input("short").run()
    assert at.text_input[0].value == "short"


# -- identity -------------------------------------------------------------------------


IDENTITY_APP = """
import datetime
import htst as st

v = st.session_state.get("variant", {})
st.date_input(v.get("date_label", "Day"), v.get("date_value", datetime.date(2020, 1, 1)),
              min_value=v.get("min"), max_value=v.get("max"), disabled=v.get("disabled", False))
st.time_input(v.get("time_label", "At"), v.get("time_value", datetime.time(9, 0)),
              disabled=v.get("disabled", False), step=v.get("step", 900))
st.text_area(v.get("area_label", "Notes"), v.get("area_value", ""), disabled=v.get("disabled", False))
st.color_picker(v.get("color_label", "Paint"), v.get("color_value", "#112233"), disabled=v.get("disabled", False))
"""

CHANGED = (dt.date(2020, 6, 1), dt.time(18, 30), "typed", "#445566")


def _changed_at(variant: dict) -> AppTest:
    at = AppTest.from_string(IDENTITY_APP).run()
    at.date_input[0].set_value(CHANGED[0])
    at.time_input[0].set_value(CHANGED[1])
    at.text_area[0].set_value(CHANGED[2])
    at.color_picker[0].pick(CHANGED[3])
    at.run()
    assert _values(at) == CHANGED
    at.session_state["variant"] = variant
    return at.run()


def _values(at: AppTest) -> tuple:
    return (at.date_input[0].value, at.time_input[0].value, at.text_area[0].value, at.color_picker[0].value)


def test_disabled_keeps_values():
    at = _changed_at({"disabled": True})
    assert _values(at) == CHANGED
    assert at.date_input[0].disabled and at.color_picker[0].disabled


@pytest.mark.parametrize(
    "variant, index, default",
    [
        ({"date_label": "Other day"}, 0, dt.date(2020, 1, 1)),
        ({"date_value": dt.date(2020, 1, 2)}, 0, dt.date(2020, 1, 2)),
        ({"min": dt.date(2019, 1, 1)}, 0, dt.date(2020, 1, 1)),
        ({"max": dt.date(2021, 1, 1)}, 0, dt.date(2020, 1, 1)),
        ({"time_label": "Other"}, 1, dt.time(9, 0)),
        ({"time_value": dt.time(10, 0)}, 1, dt.time(10, 0)),
        ({"step": 60}, 1, dt.time(9, 0)),
        ({"area_label": "Other"}, 2, ""),
        ({"area_value": "x"}, 2, "x"),
        ({"color_label": "Other"}, 3, "#112233"),
        ({"color_value": "#000000"}, 3, "#000000"),
    ],
)
def test_changing_identity_resets_only_that_widget(variant, index, default):
    at = _changed_at(variant)
    expected = list(CHANGED)
    expected[index] = default
    assert _values(at) == tuple(expected)


# -- keys, session state, callbacks -----------------------------------------------------


def test_keys_mirror_values_and_session_state_sets_them():
    def app():
        import datetime

        import htst as st

        if "day" not in st.session_state:
            st.session_state.day = datetime.date(2021, 5, 5)
        st.date_input("Day", key="day")
        st.time_input("At", datetime.time(9, 0), key="at")
        st.text_area("Notes", key="notes")
        st.color_picker("Paint", key="paint")
        st.write(repr((st.session_state.day, st.session_state.at, st.session_state.notes, st.session_state.paint)))

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == repr((dt.date(2021, 5, 5), dt.time(9, 0), "", "#000000"))
    at.date_input("day").set_value(dt.date(2021, 6, 6))
    at.time_input("at").set_value(dt.time(10, 15))
    at.text_area("notes").set_value("hi")
    at.color_picker("paint").pick("#abcdef")
    at.run()
    assert at.markdown[0].value == repr((dt.date(2021, 6, 6), dt.time(10, 15), "hi", "#abcdef"))
    at.session_state["at"] = dt.time(23, 0)
    at.run()
    assert at.time_input[0].value == dt.time(23, 0)


def test_today_widget_takes_a_range_from_session_state():
    def app():
        import datetime

        import htst as st

        if "trip" not in st.session_state:
            st.session_state.trip = (datetime.date(2021, 5, 5), datetime.date(2021, 5, 9))
        st.write(repr(st.date_input("Trip", key="trip")))

    at = AppTest.from_function(app).run()
    assert at.date_input[0].is_range is True
    assert at.markdown[0].value == repr((dt.date(2021, 5, 5), dt.date(2021, 5, 9)))


def test_callbacks_run_with_args_before_the_script():
    def app():
        import datetime

        import htst as st

        st.session_state.setdefault("log", [])

        def changed(name, *, how):
            st.session_state.log.append(f"{name}:{how}:{st.session_state[name]}")

        st.date_input("Day", datetime.date(2020, 1, 1), key="day", on_change=changed, args=("day",), kwargs={"how": "d"})
        st.time_input("At", datetime.time(9, 0), key="at", on_change=changed, args=("at",), kwargs={"how": "t"})
        st.text_area("Notes", key="notes", on_change=changed, args=("notes",), kwargs={"how": "a"})
        st.color_picker("Paint", key="paint", on_change=changed, args=("paint",), kwargs={"how": "c"})
        st.write(" | ".join(st.session_state.log))

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == ""
    at.date_input[0].set_value(dt.date(2020, 2, 2)).run()
    assert at.markdown[0].value == "day:d:2020-02-02"
    at.time_input[0].set_value(dt.time(9, 0)).run()  # the same value: no change, no callback
    assert at.markdown[0].value == "day:d:2020-02-02"
    at.time_input[0].set_value(dt.time(11, 0)).run()
    at.text_area[0].set_value("x").run()
    at.color_picker[0].pick("#ffffff").run()
    assert at.markdown[0].value == "day:d:2020-02-02 | at:t:11:00:00 | notes:a:x | paint:c:#ffffff"


# -- date ranges ----------------------------------------------------------------------


def test_date_ranges():
    def app():
        import datetime

        import htst as st

        st.write(repr((
            st.date_input("Two", (datetime.date(2019, 7, 6), datetime.date(2019, 7, 9))),
            st.date_input("One", [datetime.date(2019, 7, 6)]),
            st.date_input("Empty", []),
        )))

    at = AppTest.from_function(app).run()
    two, one, empty = (dt.date(2019, 7, 6), dt.date(2019, 7, 9)), (dt.date(2019, 7, 6),), ()
    assert at.markdown[0].value == repr((two, one, empty))
    assert [d.is_range for d in at.date_input] == [True, True, True]
    at.date_input[1].set_value((dt.date(2019, 7, 1), dt.date(2019, 7, 3))).run()
    at.date_input[2].set_value(dt.date(2020, 1, 1)).run()  # one date in a range: a 1-tuple
    new_one = (dt.date(2019, 7, 1), dt.date(2019, 7, 3))
    assert at.markdown[0].value == repr((two, new_one, (dt.date(2020, 1, 1),)))
    at.date_input[0].set_value((dt.date(2019, 8, 1), dt.date(2019, 7, 20))).run()  # picked in any order
    assert at.date_input[0].value == (dt.date(2019, 7, 20), dt.date(2019, 8, 1))
    at.date_input[0].set_value(()).run()
    assert at.date_input[0].value == ()


def test_date_display_follows_format():
    def app():
        import datetime

        import htst as st

        st.date_input("Single", datetime.date(2019, 7, 6), format="DD.MM.YYYY")
        st.date_input("Range", (datetime.date(2019, 7, 6), datetime.date(2019, 7, 9)), format="MM-DD-YYYY")
        st.date_input("Plain", datetime.date(2019, 7, 6))

    at = AppTest.from_function(app).run()
    assert [d.display for d in at.date_input] == ["06.07.2019", "07-06-2019 – 07-09-2019", "2019/07/06"]


def test_out_of_range_date_from_a_test_is_refused():
    def app():
        import datetime

        import htst as st

        st.date_input("Day", datetime.date(2020, 1, 1), min_value=datetime.date(2019, 1, 1), max_value=datetime.date(2021, 1, 1))

    at = AppTest.from_function(app).run()
    with pytest.raises(ValueError, match="out of range"):
        at.date_input[0].set_value(dt.date(2022, 1, 1)).run()


# -- timezones (seeds: "Working with timezones") ---------------------------------------


def test_naive_times_stay_naive():
    def app():
        import datetime

        import htst as st

        st.write(repr(st.time_input("At", datetime.time(8, 45))))

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "datetime.time(8, 45)"
    at.time_input[0].set_value(dt.time(12, 30)).run()
    assert at.time_input[0].value == dt.time(12, 30)
    assert at.time_input[0].value.tzinfo is None


def test_aware_times_keep_their_timezone():
    def app():
        import datetime

        import htst as st

        est = datetime.timezone(datetime.timedelta(hours=-5), "EST")
        st.write(repr(st.time_input("At", datetime.time(8, 45, tzinfo=est))))

    est = dt.timezone(dt.timedelta(hours=-5), "EST")
    at = AppTest.from_function(app).run()
    assert at.time_input[0].value == dt.time(8, 45, tzinfo=est)
    assert at.time_input[0].value.tzinfo == est
    # The field shows 08:45 whatever the viewer's zone: no conversion.
    assert at.time_input[0].raw == "08:45"
    # A time picked on that clock is a time in that zone.
    at.time_input[0].set_value(dt.time(12, 30)).run()
    assert at.time_input[0].value.tzinfo == est
    assert at.time_input[0].value.isoformat() == "12:30:00-05:00"


def test_a_datetime_value_gives_its_time_of_day():
    def app():
        import datetime

        import htst as st

        est = datetime.timezone(datetime.timedelta(hours=-5))
        st.write(repr(st.time_input("At", datetime.datetime(2020, 1, 10, 10, 30, tzinfo=est))))

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "datetime.time(10, 30)"  # as Streamlit: `.time()`
