"""Documented semantics not covered elsewhere: custom classes, Enum coercion, serializable
Session State, timezones and widget behavior, for every widget family.

Each test cites its source: seeds/003 (Streamlit docs, chapter 1 "concepts" and 3.8
"widget-behavior.md") or seeds/001 ("What is serializable session state?").
"""

from __future__ import annotations

import datetime as dt

import pytest

from htst.testing.v1 import AppTest

MODES = ("off", "nameOnly", "nameAndValue")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder as cwd; `project(text)` writes its .streamlit/config.toml."""
    monkeypatch.chdir(tmp_path)

    def write_config(text: str) -> None:
        (tmp_path / ".streamlit").mkdir(exist_ok=True)
        (tmp_path / ".streamlit" / "config.toml").write_text(text)

    return write_config


def _enum_mode(project, mode: str | None) -> None:
    if mode is not None:
        project(f'[runner]\nenumCoercion = "{mode}"\n')


# -- custom classes: patterns (seeds/003, 1.3 custom-classes.md) -------------------------


def test_dataclass_in_session_state_is_unequal_to_a_rerun_instance():
    """seeds/003 §1.3 custom-classes.md, "Pattern 2": without `__eq__`, True then False."""
    script = """
import htst as st
from dataclasses import dataclass

@dataclass
class MyDataclass:
    var1: int
    var2: float

if "my_dataclass" not in st.session_state:
    st.session_state.my_dataclass = MyDataclass(1, 5.5)

# Displays True on the first run the False on every rerun
st.session_state.my_dataclass == MyDataclass(1, 5.5)
st.button("Rerun")
"""
    at = AppTest.from_string(script).run()
    assert at.markdown.values == ["`True`"]
    at.button[0].click().run()
    assert at.markdown.values == ["`False`"]
    at.run()
    assert at.markdown.values == ["`False`"]


def test_pattern_2_custom_eq_compares_internal_values():
    """seeds/003 §1.3 custom-classes.md, "Pattern 2: Force your class to compare internal values"."""
    script = """
import htst as st
from dataclasses import dataclass

@dataclass
class MyDataclass:
    var1: int
    var2: float

    def __eq__(self, other):
        return (self.var1, self.var2) == (other.var1, other.var2)

if "my_dataclass" not in st.session_state:
    st.session_state.my_dataclass = MyDataclass(1, 5.5)

# Displays True on every rerun
st.session_state.my_dataclass == MyDataclass(1, 5.5)
st.button("Rerun")
"""
    at = AppTest.from_string(script).run()
    assert at.markdown.values == ["`True`"]
    for _ in range(2):
        at.button[0].click().run()
        assert at.markdown.values == ["`True`"]


def test_pattern_3_class_stored_as_a_serialized_string():
    """seeds/003 §1.3 custom-classes.md, "Pattern 3: Store your class as serialized data"."""
    script = """
import htst as st
from dataclasses import dataclass

@dataclass
class MyDataclass:
    var1: int
    var2: float

    def to_str(self):
        return f"{self.var1},{self.var2}"

    @classmethod
    def from_str(cls, serial_str):
        values = serial_str.split(",")
        var1 = int(values[0])
        var2 = float(values[1])
        return cls(var1, var2)

if "my_dataclass" not in st.session_state:
    st.session_state.my_dataclass = MyDataclass(1, 5.5).to_str()

# Displays True on every rerun
MyDataclass.from_str(st.session_state.my_dataclass) == MyDataclass(1, 5.5)
st.button("Rerun")
"""
    at = AppTest.from_string(script).run()
    assert at.markdown.values == ["`True`"]
    for _ in range(2):
        at.button[0].click().run()
        assert at.markdown.values == ["`True`"]
    assert at.session_state.my_dataclass == "1,5.5"


def test_pattern_4_cache_resource_on_a_staticmethod_survives_reruns():
    """seeds/003 §1.3 custom-classes.md, "Pattern 4: Use caching to preserve your class"."""
    script = """
import htst as st

class MyResource:
    def __init__(self, api_url: str):
        self._url = api_url

    @st.cache_resource(ttl=300)
    @staticmethod
    def get_resource_manager(api_url: str):
        return MyResource(api_url)

resource_manager = MyResource.get_resource_manager("http://example.com/api/")
if "first" not in st.session_state:
    st.session_state.first = resource_manager
st.write(f"same={resource_manager is st.session_state.first} url={resource_manager._url}")
st.button("Rerun")
"""
    at = AppTest.from_string(script).run()
    assert at.markdown.values == ["same=True url=http://example.com/api/"]
    at.button[0].click().run()
    assert at.markdown.values == ["same=True url=http://example.com/api/"]


# -- "A pathological example" (seeds/003 §1.3, "How Streamlit widgets store options") ------

MARSHALL = """
import htst as st
from dataclasses import dataclass

@dataclass
class Student:
    student_id: int
    name: str

Marshall_A = Student(1, "Marshall")
if "B" not in st.session_state:
    st.session_state.B = Student(1, "Marshall")
Marshall_B = st.session_state.B
options = [Marshall_A, Marshall_B]
selected = {call}
if isinstance(selected, (list, tuple)):
    selected = selected[0]
st.write(f"A={{selected == Marshall_A}} B={{selected == Marshall_B}}")
st.button("Rerun")
"""

OPTION_CALLS = {
    "selectbox": 'st.selectbox("Pick", options)',
    "radio": 'st.radio("Pick", options)',
    "select_slider": 'st.select_slider("Pick", options)',
    "pills": 'st.pills("Pick", options, default=Marshall_A)',
    "segmented_control": 'st.segmented_control("Pick", options, default=Marshall_A)',
    "multiselect": 'st.multiselect("Pick", options, default=[Marshall_A])',
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("widget", list(OPTION_CALLS))
def test_pathological_example_returns_the_previous_runs_option(project, widget, mode):
    """seeds/003 §1.3 custom-classes.md, "A pathological example": on a rerun the value
    is last run's Marshall_A, so `selected == Marshall_A` is False and
    `selected == Marshall_B` is True — in every `enumCoercion` mode (it is no Enum)."""
    _enum_mode(project, mode)
    at = AppTest.from_string(MARSHALL.format(call=OPTION_CALLS[widget])).run()
    assert at.markdown.values == ["A=True B=True"]
    for _ in range(2):
        at.button[0].click().run()
        assert at.markdown.values == ["A=False B=True"]
    assert len(at.exception) == 0


# -- Enum classes and runner.enumCoercion (seeds/003 §1.3, "Using Enum classes") ---------

COLORS = """
from enum import Enum
import htst as st

# class syntax
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

selected_colors = set(st.multiselect("Pick colors", options=Color, default=[Color.BLUE]))

if selected_colors == {Color.RED, Color.GREEN}:
    st.write("Hooray, you found the color YELLOW!")
"""


@pytest.mark.parametrize(
    ("mode", "hooray"), [(None, True), ("nameOnly", True), ("nameAndValue", True), ("off", False)]
)
def test_enum_multiselect_example_finds_yellow_unless_coercion_is_off(project, mode, hooray):
    """seeds/003 §1.3 custom-classes.md, "Using Enum classes in Streamlit" and
    "Understanding the enumCoercion configuration option": enabled by default, the
    YELLOW message shows; with coercion off the rerun's Color never matches."""
    _enum_mode(project, mode)
    at = AppTest.from_string(COLORS).run()
    assert at.markdown.values == []
    Color = type(at.multiselect[0].value[0])  # this run's class
    at.multiselect[0].set_value([Color.RED, Color.GREEN]).run()
    assert at.markdown.values == (["Hooray, you found the color YELLOW!"] if hooray else [])
    at.run()  # and on every later rerun
    assert at.markdown.values == (["Hooray, you found the color YELLOW!"] if hooray else [])
    assert at.multiselect[0].indices == [0, 1]


ENUM_CALLS = {
    "selectbox": ('st.selectbox("Pick", Color, key="w")', "GREEN"),
    "radio": ('st.radio("Pick", Color, key="w")', "GREEN"),
    "select_slider": ('st.select_slider("Pick", Color, key="w")', "GREEN"),
    "select_slider range": (
        'st.select_slider("Pick", Color, value=(Color.RED, Color.BLUE), key="w")',
        ("RED", "GREEN"),
    ),
    "pills": ('st.pills("Pick", Color, default=Color.RED, key="w")', "GREEN"),
    "pills multi": (
        'st.pills("Pick", Color, selection_mode="multi", default=[Color.RED], key="w")',
        ["RED", "GREEN"],
    ),
    "segmented_control": (
        'st.segmented_control("Pick", Color, default=Color.RED, key="w")',
        "GREEN",
    ),
    "segmented_control multi": (
        'st.segmented_control("Pick", list(Color), selection_mode="multi", default=[Color.RED], key="w")',
        ["RED", "GREEN"],
    ),
    "multiselect": (
        'st.multiselect("Pick", Color, default=[Color.RED], key="w")',
        ["RED", "GREEN"],
    ),
}

ENUM_SCRIPT = """
from enum import Enum
import htst as st

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

value = {call}
members = list(value) if isinstance(value, (list, tuple)) else [value]
held = st.session_state.w
held = list(held) if isinstance(held, (list, tuple)) else [held]
current = all(type(m) is Color for m in members)
st.write(f"{{[m.name for m in members]}} current={{current}}")
# htst: the key holds what the widget returned (Streamlit leaves last run's member there)
st.write(f"key current={{all(type(m) is Color for m in held)}}")
"""


def _members(value, names):
    """`names` as members of the class of `value` (this run's options)."""
    first = value[0] if isinstance(value, (list, tuple)) else value
    cls = type(first)
    if isinstance(names, str):
        return cls[names]
    members = [cls[n] for n in names]
    return tuple(members) if isinstance(names, tuple) else members


def _widget(at, kind):
    return getattr(at, kind.split()[0])[0]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("widget", list(ENUM_CALLS))
def test_enum_coercion_per_widget_and_mode(project, widget, mode):
    """seeds/003 §1.3 custom-classes.md, "Understanding the enumCoercion configuration
    option": options widgets return members of the Enum class of the latest run, unless
    coercion is "off"; then they return last run's member (and keep the selection)."""
    _enum_mode(project, mode)
    call, names = ENUM_CALLS[widget]
    at = AppTest.from_string(ENUM_SCRIPT.format(call=call)).run()
    w = _widget(at, widget)
    w.set_value(_members(w.value, names)).run()
    shown = [names] if isinstance(names, str) else list(names)
    coerced = mode != "off"
    for _ in range(2):
        assert at.markdown.values == [f"{shown} current={coerced}", f"key current={coerced}"]
        at.run()
    assert len(at.exception) == 0


DRIFTING_VALUES = """
from enum import Enum
import htst as st

run = st.session_state.get("run", 0)
st.session_state.run = run + 1

class Color(Enum):
    RED = 1 + 10 * run
    GREEN = 2 + 10 * run
    BLUE = 3 + 10 * run

value = st.selectbox("Pick", Color, format_func=lambda c: c.name)
st.write(f"{value.name} current={type(value) is Color}")
"""


@pytest.mark.parametrize(
    ("mode", "coerced"), [("nameOnly", True), ("nameAndValue", False), ("off", False)]
)
def test_enum_coercion_with_changed_member_values(project, mode, coerced):
    """seeds/003 §1.3 custom-classes.md, enumCoercion "may be disabled or set to a stricter
    set of matching criteria": "nameOnly" matches member names, "nameAndValue" also values."""
    _enum_mode(project, mode)
    at = AppTest.from_string(DRIFTING_VALUES).run()
    at.selectbox[0].select_index(1).run()
    assert at.markdown.values == [f"GREEN current={coerced}"]
    at.run()
    assert at.markdown.values == [f"GREEN current={coerced}"]
    assert at.selectbox[0].index == 1


DRIFTING_NAMES = """
from enum import Enum
import htst as st

run = st.session_state.get("run", 0)
st.session_state.run = run + 1
members = {"RED": 1, "GREEN": 2, f"EXTRA_{run}": 3}
Color = Enum("Color", members)

value = st.selectbox("Pick", [Color.RED, Color.GREEN], format_func=lambda c: c.name)
st.write(f"{value.name} current={type(value) is Color}")
"""


@pytest.mark.parametrize("mode", MODES)
def test_enum_with_different_member_names_is_not_coerced(project, mode):
    """seeds/003 §1.3 custom-classes.md, enumCoercion: classes whose member names differ
    are not coerced in any mode; the widget returns last run's member."""
    _enum_mode(project, mode)
    at = AppTest.from_string(DRIFTING_NAMES).run()
    at.selectbox[0].select_index(1).run()
    assert at.markdown.values == ["GREEN current=False"]
    at.run()
    assert at.markdown.values == ["GREEN current=False"]


RENAMED_CLASS = """
from enum import Enum
import htst as st

run = st.session_state.get("run", 0)
st.session_state.run = run + 1
Color = Enum("Color" if run % 2 else "Colour", ["RED", "GREEN"])

value = st.radio("Pick", Color, format_func=lambda c: c.name)
st.write(f"{value.name} current={type(value) is Color}")
"""


@pytest.mark.parametrize("mode", MODES)
def test_enum_of_another_class_name_is_not_coerced(project, mode):
    """seeds/003 §1.3 custom-classes.md, enumCoercion: only a class with the same
    (qualified) name as the options' class is coerced."""
    _enum_mode(project, mode)
    at = AppTest.from_string(RENAMED_CLASS).run()
    at.radio[0].select_index(1).run()
    assert at.markdown.values == ["GREEN current=False"]


MIXED_OPTIONS = """
from enum import Enum
import htst as st

class Color(Enum):
    RED = 1
    GREEN = 2

value = st.selectbox("Pick", [Color.RED, Color.GREEN, "none"])
st.write(f"{value!s} current={type(value) is Color}")
"""


def test_options_not_all_of_one_enum_class_are_not_coerced(project):
    """seeds/003 §1.3 custom-classes.md, enumCoercion applies when the options are "a set
    of Enum members": mixed options are returned as they were."""
    at = AppTest.from_string(MIXED_OPTIONS).run()
    at.selectbox[0].select_index(1).run()
    assert at.markdown.values == ["Color.GREEN current=False"]
    assert at.selectbox[0].index == 1


def test_options_of_a_script_class_keep_the_users_selection():
    """seeds/003 §1.3 custom-classes.md, "How Streamlit widgets store options": the value
    is the option saved at the previous run, even when it equals none of this run's."""
    script = """
import htst as st

class Option:
    def __init__(self, name):
        self.name = name

value = st.selectbox("Pick", [Option("a"), Option("b")], format_func=lambda o: o.name)
st.write(value.name)
st.button("Rerun")
"""
    at = AppTest.from_string(script).run()
    at.selectbox[0].select_index(1).run()
    assert at.markdown.values == ["b"]
    for _ in range(2):
        at.button[0].click().run()
        assert at.markdown.values == ["b"]
        assert at.selectbox[0].index == 1


# -- serializable Session State (seeds/001, "What is serializable session state?") -------

PICKLABLE = """
import htst as st
import datetime

st.session_state.number = 1
st.session_state.floating = 2.5
st.session_state.complex_number = 1 + 2j
st.session_state.flag = True
st.session_state.nested = {"a": [1, (2, 3)], "when": datetime.date(2024, 1, 1)}
st.slider("Slide", 0, 10, key="slide")
st.write("stored")
"""


def test_enforced_serializable_state_accepts_picklable_values(project):
    """seeds/001 "Serializable Session State": with enforceSerializableSessionState on,
    pickle-serializable values (integers, floats, complex numbers, booleans…) are allowed."""
    project("[runner]\nenforceSerializableSessionState = true\n")
    at = AppTest.from_string(PICKLABLE).run()
    assert len(at.exception) == 0
    assert at.markdown.values == ["stored"]
    at.slider[0].set_value(4).run()
    assert len(at.exception) == 0
    assert at.session_state.slide == 4


def test_enforced_serializable_state_from_the_global_config_file(tmp_path, monkeypatch):
    """seeds/001: "either create a global or project config file" — the global file
    (~/.streamlit/config.toml) turns enforcement on too."""
    home, project_dir = tmp_path / "home", tmp_path / "project"
    (home / ".streamlit").mkdir(parents=True)
    project_dir.mkdir()
    (home / ".streamlit" / "config.toml").write_text(
        "[runner]\nenforceSerializableSessionState = true\n"
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(project_dir)
    at = AppTest.from_string("import htst as st\nst.session_state.f = lambda x: x\n").run()
    assert [e.type for e in at.exception] == ["UnserializableSessionStateError"]
    assert "pickle" in at.exception[0].value


def test_enforced_serializable_state_covers_widget_values(project):
    """seeds/001: when enforced, "only allows pickle-serializable objects in Session
    State" — a keyed widget's value is in Session State too."""
    project("[runner]\nenforceSerializableSessionState = true\n")
    script = """
import htst as st

st.selectbox("Function", [lambda x: x, abs], key="function")
st.write("drawn")
"""
    at = AppTest.from_string(script).run()
    assert [e.type for e in at.exception] == ["UnserializableSessionStateError"]
    assert "'function'" in at.exception[0].value


# -- timezones (seeds/003 §1.5 timezone-handling.md) -------------------------------------


def test_write_shows_naive_and_aware_datetimes_as_they_are():
    """seeds/003 §1.5 "Working with timezones": a naive datetime shows without a zone,
    an aware one in its own zone, never in the viewer's."""

    def app():
        from datetime import datetime, timedelta, timezone

        import htst as st

        st.write(datetime(2020, 1, 10, 10, 30))
        st.write(datetime(2020, 1, 10, 10, 30, tzinfo=timezone(timedelta(hours=-5), "EST")))

    at = AppTest.from_function(app).run()
    text = " ".join(at.markdown.values)
    assert "2020-01-10 10:30:00" in at.markdown.values[0]
    assert "2020-01-10 10:30:00-05:00" in at.markdown.values[1]
    assert "+00:00" not in text and "15:30" not in text


def test_naive_datetime_slider_stays_naive():
    """seeds/003 §1.5: "datetime instance without a timezone (naive)" — a slider over naive
    datetimes returns naive datetimes, shown as given."""

    def app():
        from datetime import datetime

        import htst as st

        st.write(repr(st.slider("When", value=datetime(2020, 1, 10, 10, 30))))

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["datetime.datetime(2020, 1, 10, 10, 30)"]
    at.slider[0].set_value(dt.datetime(2020, 1, 11, 10, 30)).run()
    assert at.slider[0].value == dt.datetime(2020, 1, 11, 10, 30)
    assert at.slider[0].value.tzinfo is None


def test_aware_datetime_range_slider_keeps_its_timezone():
    """seeds/003 §1.5: "datetime instance with a timezone" — both ends of a range keep it."""

    def app():
        from datetime import datetime, timedelta, timezone

        import htst as st

        est = timezone(timedelta(hours=-5), "EST")
        low, high = st.slider(
            "When",
            value=(
                datetime(2020, 1, 10, 10, 30, tzinfo=est),
                datetime(2020, 1, 12, 10, 30, tzinfo=est),
            ),
        )
        st.write(f"{low} {high}")

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["2020-01-10 10:30:00-05:00 2020-01-12 10:30:00-05:00"]
    est = dt.timezone(dt.timedelta(hours=-5), "EST")
    at.slider[0].set_range(
        dt.datetime(2020, 1, 11, 10, 30, tzinfo=est), dt.datetime(2020, 1, 12, 10, 30, tzinfo=est)
    ).run()
    assert at.markdown.values == ["2020-01-11 10:30:00-05:00 2020-01-12 10:30:00-05:00"]


def test_date_input_takes_the_date_of_an_aware_datetime_in_its_own_zone():
    """seeds/003 §1.5: date information is not adjusted to another zone — 23:30 EST on
    Jan 10 is Jan 10 (it would be Jan 11 in UTC)."""

    def app():
        from datetime import datetime, timedelta, timezone

        import htst as st

        est = timezone(timedelta(hours=-5), "EST")
        st.write(repr(st.date_input("Day", datetime(2020, 1, 10, 23, 30, tzinfo=est))))

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["datetime.date(2020, 1, 10)"]


def test_enforced_serializable_state_checks_values_mutated_after_they_were_set(project):
    """seeds/001: with enforcement on, unserializable data in Session State "should result
    in an exception" — also when it got there by mutating a value already stored."""
    project("[runner]\nenforceSerializableSessionState = true\n")
    at = AppTest.from_string(
        'import htst as st\nst.session_state.d = {}\nst.session_state.d["f"] = lambda x: x\n'
    ).run()
    assert [e.type for e in at.exception] == ["UnserializableSessionStateError"]
    assert "'d'" in at.exception[0].value


# -- widget behavior, per widget family (seeds/003 §3.8 widget-behavior.md) ------------
#
# Each widget: its call with a key ("{extra}" adds keyword arguments), a value a user
# could pick that differs from the default, and the value it resets to.

WIDGETS = {
    "multiselect": ('st.multiselect("W", ["a", "b", "c"], key="w"{extra})', ["b"], []),
    "select_slider": ('st.select_slider("W", ["a", "b", "c"], key="w"{extra})', "b", "a"),
    "text_area": ('st.text_area("W", key="w"{extra})', "typed", ""),
    "date_input": (
        'st.date_input("W", datetime.date(2024, 1, 1), key="w"{extra})',
        dt.date(2024, 1, 5),
        dt.date(2024, 1, 1),
    ),
    "time_input": (
        'st.time_input("W", datetime.time(8, 0), key="w"{extra})',
        dt.time(9, 30),
        dt.time(8, 0),
    ),
    "color_picker": ('st.color_picker("W", "#000000", key="w"{extra})', "#ff0000", "#000000"),
    "pills": ('st.pills("W", ["a", "b", "c"], key="w"{extra})', "b", None),
    "segmented_control": ('st.segmented_control("W", ["a", "b", "c"], key="w"{extra})', "b", None),
}

# Defining parameters (label, options, min/max, default, placeholder, help, format…) and
# the value each change resets the widget to.
IDENTITY_CHANGES = [
    ("multiselect", 'label="X"', []),
    ("multiselect", 'options=["a", "b", "c", "d"]', []),
    ("multiselect", 'default=["c"]', ["c"]),
    ("multiselect", 'placeholder="Pick"', []),
    ("multiselect", 'help="tip"', []),
    ("multiselect", "max_selections=2", []),
    ("multiselect", "format_func=str.upper", []),
    ("select_slider", 'label="X"', "a"),
    ("select_slider", 'options=["a", "b", "c", "d"]', "a"),
    ("select_slider", 'value="c"', "c"),
    ("select_slider", 'help="tip"', "a"),
    ("select_slider", "format_func=str.upper", "a"),
    ("text_area", 'label="X"', ""),
    ("text_area", 'value="default"', "default"),
    ("text_area", 'placeholder="type here"', ""),
    ("text_area", 'help="tip"', ""),
    ("text_area", "max_chars=50", ""),
    ("date_input", 'label="X"', dt.date(2024, 1, 1)),
    ("date_input", "value=datetime.date(2024, 1, 2)", dt.date(2024, 1, 2)),
    ("date_input", "min_value=datetime.date(2023, 1, 1)", dt.date(2024, 1, 1)),
    ("date_input", "max_value=datetime.date(2025, 1, 1)", dt.date(2024, 1, 1)),
    ("date_input", 'help="tip"', dt.date(2024, 1, 1)),
    ("date_input", 'format="DD/MM/YYYY"', dt.date(2024, 1, 1)),
    ("time_input", 'label="X"', dt.time(8, 0)),
    ("time_input", "value=datetime.time(10, 0)", dt.time(10, 0)),
    ("time_input", 'help="tip"', dt.time(8, 0)),
    ("time_input", "step=60", dt.time(8, 0)),
    ("color_picker", 'label="X"', "#000000"),
    ("color_picker", 'value="#00ff00"', "#00ff00"),
    ("color_picker", 'help="tip"', "#000000"),
    ("pills", 'label="X"', None),
    ("pills", 'options=["a", "b", "c", "d"]', None),
    ("pills", 'default="c"', "c"),
    ("pills", 'help="tip"', None),
    ("pills", "format_func=str.upper", None),
    ("segmented_control", 'label="X"', None),
    ("segmented_control", 'options=["a", "b", "c", "d"]', None),
    ("segmented_control", 'default="c"', "c"),
    ("segmented_control", 'help="tip"', None),
    ("segmented_control", "format_func=str.upper", None),
]

KINDS_WITH_POSITIONAL = {
    "multiselect": ("label", "options"),
    "select_slider": ("label", "options"),
    "text_area": ("label",),
    "date_input": ("label", "value"),
    "time_input": ("label", "value"),
    "color_picker": ("label", "value"),
    "pills": ("label", "options"),
    "segmented_control": ("label", "options"),
}


def _script(kind: str, change: str) -> str:
    """A script whose widget gets `change` (a keyword argument) once "Change" is ticked."""
    call = WIDGETS[kind][0].replace("{extra}", "")
    head, args = call.split("(", 1)
    args = args[:-1]
    positional = KINDS_WITH_POSITIONAL[kind]
    return f"""
import datetime
import htst as st

def params(*args, **kwargs):
    return {{**dict(zip({positional!r}, args)), **kwargs}}

kwargs = params({args})
if st.checkbox("Change"):
    kwargs.update(dict({change}))
value = {head}(**kwargs)
"""


def _set(at, kind: str, value) -> None:
    widget = getattr(at, kind)[0]
    if kind == "text_area":
        widget.input(value)
    else:
        widget.set_value(value)


@pytest.mark.parametrize(
    ("kind", "change", "expected"),
    IDENTITY_CHANGES,
    ids=[f"{k}-{c.split('=')[0]}" for k, c, _ in IDENTITY_CHANGES],
)
def test_changing_a_defining_parameter_resets_each_widget_kind(kind, change, expected):
    """seeds/003 §3.8 widget-behavior.md, "Changing parameters of a widget will reset it":
    label, options, min/max, default, placeholder, help, format… define the widget."""
    at = AppTest.from_string(_script(kind, change)).run()
    assert len(at.exception) == 0, at.exception[0].value if at.exception else ""
    picked = WIDGETS[kind][1]
    _set(at, kind, picked)
    at.run()
    assert getattr(at, kind)[0].value == picked
    at.checkbox[0].check().run()
    assert len(at.exception) == 0, at.exception[0].value
    assert getattr(at, kind)[0].value == expected
    assert at.session_state.w == expected


NON_IDENTITY = [
    'label_visibility="collapsed"',
    "disabled=True",
    "on_change=lambda: None",
    "args=(1,)",
    'kwargs={"x": 1}',
]


@pytest.mark.parametrize("change", NON_IDENTITY)
@pytest.mark.parametrize("kind", list(WIDGETS))
def test_callbacks_label_visibility_and_disabled_keep_each_widget_kind(kind, change):
    """seeds/003 §3.8 widget-behavior.md: "callback functions, callback args and kwargs,
    label visibility, and disabling a widget do not affect a widget's identity"."""
    at = AppTest.from_string(_script(kind, change)).run()
    picked = WIDGETS[kind][1]
    _set(at, kind, picked)
    at.run()
    at.checkbox[0].check().run()
    assert len(at.exception) == 0, at.exception[0].value
    assert getattr(at, kind)[0].value == picked
    assert at.session_state.w == picked


PRESET_VALUES = {
    "multiselect": ["c"],
    "select_slider": "c",
    "text_area": "preset",
    "date_input": dt.date(2024, 2, 2),
    "time_input": dt.time(12, 0),
    "color_picker": "#123456",
    "pills": "c",
    "segmented_control": "c",
}


@pytest.mark.parametrize("kind", list(WIDGETS))
def test_pre_existing_key_attaches_to_a_new_widget_of_each_kind(kind):
    """seeds/003 §3.8 widget-behavior.md, "Calling a widget function when the widget
    doesn't already exist", step 2a: a key already in Session State, not associated with
    another widget, gives the new widget its value."""
    preset = PRESET_VALUES[kind]
    script = f"""
import datetime
import htst as st

if st.checkbox("Show"):
    value = {WIDGETS[kind][0].replace("{extra}", "")}
    st.write(repr(value))
"""
    at = AppTest.from_string(script).run()
    at.session_state["w"] = preset
    at.checkbox[0].check().run()
    assert len(at.exception) == 0, at.exception[0].value
    assert getattr(at, kind)[0].value == preset
    assert at.markdown.values == [repr(preset)]
    # "If a widget attaches to a pre-existing key when created and is also manually
    # assigned a default value, you will get a warning": these three calls give one.
    has_default = kind in ("date_input", "time_input", "color_picker")
    assert len(at.warning) == (1 if has_default else 0)


@pytest.mark.parametrize("kind", list(WIDGETS))
def test_identical_widgets_of_each_kind_raise_duplicate_widget_id(kind):
    """seeds/003 §3.8 widget-behavior.md, "Streamlit can't understand two identical
    widgets on the same page": DuplicateWidgetID, and the fix is to assign keys."""
    call = WIDGETS[kind][0].replace(', key="w"{extra}', "")
    at = AppTest.from_string(
        f"import datetime\nimport htst as st\n{call}\n{call}\nst.write('not reached')\n"
    ).run()
    assert [e.type for e in at.exception] == ["DuplicateWidgetID"]
    assert "key" in at.exception[0].value
    assert f"st.{kind}" in at.exception[0].value
    assert len(getattr(at, kind)) == 1
    assert at.markdown.values == []
    keyed = WIDGETS[kind][0].replace("{extra}", "")
    other = keyed.replace('key="w"', 'key="w2"')
    at = AppTest.from_string(f"import datetime\nimport htst as st\n{keyed}\n{other}\n").run()
    assert len(at.exception) == 0
    assert len(getattr(at, kind)) == 2


@pytest.mark.parametrize("kind", list(WIDGETS))
def test_a_callback_sets_another_widgets_key(kind):
    """seeds/003 §3.8 widget-behavior.md, "Order of operations": the callback runs before
    the rerun, so a key it sets is the other widget's value in that rerun."""
    preset = PRESET_VALUES[kind]
    script = f"""
import datetime
import htst as st

def fill():
    st.session_state.w = {preset!r}

st.button("Fill", on_click=fill)
value = {WIDGETS[kind][0].replace("{extra}", "")}
st.write(repr(value))
"""
    at = AppTest.from_string(script).run()
    at.button[0].click().run()
    assert len(at.exception) == 0, at.exception[0].value
    assert at.markdown.values == [repr(preset)]
    assert getattr(at, kind)[0].value == preset
    at.run()  # and the widget keeps it
    assert getattr(at, kind)[0].value == preset
