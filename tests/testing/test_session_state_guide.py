"""Add statefulness to apps (session state guide) and the Session State API reference."""

from __future__ import annotations

import pytest

from htst.testing.v1 import AppTest


def _count(at: AppTest) -> str:
    """The text after 'Count = ' in the app's last markdown line."""
    line = at.markdown[-1].value
    assert line.startswith("Count = "), line
    return line[len("Count = ") :].strip().strip("`")


def test_counter_without_session_state_stays_at_one():
    def app():
        import htst as st

        st.title("Counter Example")
        count = 0

        increment = st.button("Increment")
        if increment:
            count += 1

        st.write("Count = ", count)

    at = AppTest.from_function(app).run()
    assert _count(at) == "0"
    for _ in range(3):
        at.button[0].click().run()
        assert _count(at) == "1"
    at.run()
    assert _count(at) == "0"


def test_example_1_counter_with_session_state():
    def app():
        import htst as st

        st.title("Counter Example")
        if "count" not in st.session_state:
            st.session_state.count = 0

        increment = st.button("Increment")
        if increment:
            st.session_state.count += 1

        st.write("Count = ", st.session_state.count)

    at = AppTest.from_function(app).run()
    assert at.title[0].value == "Counter Example"
    assert _count(at) == "0"
    for expected in (1, 2, 3):
        at.button[0].click().run()
        assert _count(at) == str(expected)
        assert at.session_state.count == expected
    at.run()  # no click: no increment
    assert _count(at) == "3"


def test_example_2_counter_with_callback():
    def app():
        import htst as st

        st.title("Counter Example using Callbacks")
        if "count" not in st.session_state:
            st.session_state.count = 0

        def increment_counter():
            st.session_state.count += 1

        st.button("Increment", on_click=increment_counter)

        st.write("Count = ", st.session_state.count)

    at = AppTest.from_function(app).run()
    assert _count(at) == "0"
    at.button[0].click().run()
    assert _count(at) == "1"
    at.button[0].click().run()
    assert _count(at) == "2"
    at.run()
    assert _count(at) == "2"


def test_example_3_callback_with_args():
    def app():
        import htst as st

        st.title("Counter Example using Callbacks with args")
        if "count" not in st.session_state:
            st.session_state.count = 0

        increment_value = st.number_input("Enter a value", value=0, step=1)

        def increment_counter(increment_value):
            st.session_state.count += increment_value

        increment = st.button(  # noqa: F841 (as documented)
            "Increment",
            on_click=increment_counter,
            args=(increment_value,),
        )

        st.write("Count = ", st.session_state.count)

    at = AppTest.from_function(app).run()
    at.number_input[0].set_value(5).run()
    assert _count(at) == "0"
    at.button[0].click().run()
    assert _count(at) == "5"
    at.number_input[0].decrement().run()
    assert at.number_input[0].value == 4
    at.button[0].click().run()
    assert _count(at) == "9"


def test_example_3_callback_with_kwargs():
    def app():
        import htst as st

        st.title("Counter Example using Callbacks with kwargs")
        if "count" not in st.session_state:
            st.session_state.count = 0

        def increment_counter(increment_value=0):
            st.session_state.count += increment_value

        def decrement_counter(decrement_value=0):
            st.session_state.count -= decrement_value

        st.button("Increment", on_click=increment_counter, kwargs=dict(increment_value=5))  # noqa: C408 (as documented)

        st.button("Decrement", on_click=decrement_counter, kwargs=dict(decrement_value=1))  # noqa: C408 (as documented)

        st.write("Count = ", st.session_state.count)

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert _count(at) == "5"
    at.button[1].click().run()
    assert _count(at) == "4"
    at.button[1].click().run()
    assert _count(at) == "3"
    assert at.session_state["count"] == 3


def test_initialization_reads_and_updates():
    def app():
        import htst as st

        # Check if 'key' already exists in session_state
        # If not, then initialize it
        if "key" not in st.session_state:
            st.session_state["key"] = "value"

        # Session State also supports the attribute based syntax
        if "other" not in st.session_state:
            st.session_state.other = "attr"

        # Reads
        st.write(st.session_state.key)
        st.write(st.session_state["other"])

        # Updates
        st.session_state.key = "value2"  # Attribute API
        st.write(st.session_state["key"])
        st.session_state["key"] = "value3"  # Dictionary like API
        st.write(st.session_state.key)

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["value", "attr", "value2", "value3"]
    # The next run starts from the stored value, not from the initializer.
    at.run()
    assert at.markdown.values == ["value3", "attr", "value2", "value3"]
    assert at.session_state.key == "value3"
    assert at.session_state["other"] == "attr"


def test_in_get_len_and_iteration():
    def app():
        import htst as st

        st.session_state.a = 1
        st.session_state["b"] = 2
        st.write(f"in={'a' in st.session_state} notin={'zzz' in st.session_state}")
        st.write(f"get={st.session_state.get('b')} default={st.session_state.get('zzz', 'd')}")
        st.write(f"none={st.session_state.get('zzz')}")
        st.write(f"len={len(st.session_state)}")
        st.write("keys=" + ",".join(sorted(st.session_state)))
        st.write("items=" + ",".join(f"{k}:{v}" for k, v in sorted(st.session_state.items())))

    at = AppTest.from_function(app).run()
    assert at.markdown.values == [
        "in=True notin=False",
        "get=2 default=d",
        "none=None",
        "len=2",
        "keys=a,b",
        "items=a:1,b:2",
    ]


def test_delete_a_single_key():
    def app():
        import htst as st

        if "key" not in st.session_state:
            st.session_state.key = "value"
            st.session_state.other = "kept"
        if st.button("Delete"):
            del st.session_state["key"]
        st.write(f"has key: {'key' in st.session_state}")

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "has key: True"
    at.button[0].click().run()
    assert at.markdown[0].value == "has key: False"
    assert "key" not in at.session_state
    assert at.session_state.other == "kept"
    # The next run initializes it again.
    at.run()
    assert at.markdown[0].value == "has key: True"


def test_delete_by_attribute():
    def app():
        import htst as st

        st.session_state.temp = 1
        del st.session_state.temp
        st.write(f"gone: {'temp' not in st.session_state}")

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "gone: True"


def test_delete_all_keys_in_a_loop():
    def app():
        import htst as st

        if "a" not in st.session_state:
            st.session_state.a = 1
            st.session_state.b = 2
            st.session_state.c = 3
        st.write(f"before: {len(st.session_state)}")
        if st.button("Clear"):
            # Delete all the items in Session state
            for key in st.session_state.keys():  # noqa: SIM118 (as documented)
                del st.session_state[key]
        st.write(f"after: {len(st.session_state)}")

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["before: 3", "after: 3"]
    at.button[0].click().run()
    assert at.markdown.values == ["before: 3", "after: 0"]
    assert len(at.session_state) == 0
    at.run()
    assert at.markdown.values == ["before: 3", "after: 3"]


def test_write_session_state_draws_json():
    def app():
        import htst as st

        st.session_state.count = 3
        st.session_state["name"] = "Jane"
        st.write(st.session_state)

    at = AppTest.from_function(app).run()
    assert len(at.json) == 1
    assert len(at.markdown) == 0
    import json

    assert json.loads(at.json[0].value) == {"count": 3, "name": "Jane"}


def test_magic_session_state_draws_json():
    at = AppTest.from_string(
        """
        import htst as st

        st.session_state.flag = True
        st.session_state
        """
    ).run()
    import json

    assert len(at.json) == 1
    assert json.loads(at.json[0].value) == {"flag": True}


def test_keyed_widget_is_in_session_state():
    def app():
        import htst as st

        st.text_input("Your name", key="name")

        # This exists now:
        st.write(f"name={st.session_state.name!r}")

    at = AppTest.from_function(app).run()
    assert at.markdown[0].value == "name=''"
    at.text_input[0].input("Jane").run()
    assert at.markdown[0].value == "name='Jane'"
    assert at.session_state.name == "Jane"


def test_missing_key_raises_an_exception_naming_it():
    def app():
        import htst as st

        st.write(st.session_state["value"])
        st.write("not reached")

    at = AppTest.from_function(app).run()
    assert len(at.exception) == 1
    assert at.exception[0].type == "KeyError"
    assert "value" in at.exception[0].value
    assert "st.session_state" in at.exception[0].value
    assert len(at.markdown) == 0


def test_missing_attribute_raises_attribute_error_naming_it():
    def app():
        import htst as st

        st.write(st.session_state.missing_attr)

    at = AppTest.from_function(app).run()
    assert len(at.exception) == 1
    assert at.exception[0].type == "AttributeError"
    assert "missing_attr" in at.exception[0].value


def test_missing_key_in_at_session_state_raises_key_error():
    at = AppTest.from_string("import htst as st\n").run()
    try:
        at.session_state["nope"]
    except KeyError as exc:
        assert "nope" in str(exc)
    else:
        raise AssertionError("reading a missing key should raise KeyError")


def test_celsius_slider_bound_by_key():
    def app():
        import htst as st

        if "celsius" not in st.session_state:
            # set the initial default value of the slider widget
            st.session_state.celsius = 50.0

        st.slider("Temperature in Celsius", min_value=-100.0, max_value=100.0, key="celsius")

        # This will get the value of the slider widget
        st.write(st.session_state.celsius)

    at = AppTest.from_function(app).run()
    assert not at.warning  # no value= given: no conflict warning
    assert at.slider[0].value == 50.0
    assert at.markdown[0].value == "`50.0`"
    at.slider[0].set_value(-12.5).run()
    assert at.slider[0].value == -12.5
    assert at.session_state.celsius == -12.5
    assert at.markdown[0].value == "`-12.5`"


def test_setting_session_state_from_the_test_sets_the_widget():
    def app():
        import htst as st

        if "celsius" not in st.session_state:
            st.session_state.celsius = 50.0
        st.slider("Temperature in Celsius", min_value=-100.0, max_value=100.0, key="celsius")

    at = AppTest.from_function(app).run()
    at.session_state.celsius = 20.0
    at.run()
    assert at.slider[0].value == 20.0
    assert at.session_state["celsius"] == 20.0


def test_session_state_set_before_first_run():
    def app():
        import htst as st

        st.session_state.magic_word = st.session_state.get("magic_word", "Streamlit")
        if st.session_state.magic_word == "Balloons":
            st.markdown(":balloon:")

    at = AppTest.from_function(app)
    at.session_state["magic_word"] = "Balloons"
    at.run()
    assert at.markdown[0].value == ":balloon:"

    plain = AppTest.from_function(app).run()
    assert len(plain.markdown) == 0
    assert plain.session_state.magic_word == "Streamlit"


UNSERIALIZABLE = """
import htst as st

def unserializable_data():
    return lambda x: x

#👇 results in an exception when enforceSerializableSessionState is on
st.session_state.unserializable = unserializable_data()
st.write("stored")
"""


def test_unserializable_values_are_allowed_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    at = AppTest.from_string(UNSERIALIZABLE).run()
    assert len(at.exception) == 0
    assert at.markdown.values == ["stored"]
    assert at.session_state.unserializable(3) == 3


@pytest.mark.parametrize("folder", [".htst", ".streamlit"])
def test_enforce_serializable_session_state(tmp_path, monkeypatch, folder):
    monkeypatch.chdir(tmp_path)
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "config.toml").write_text(
        "[runner]\nenforceSerializableSessionState = true\n"
    )
    at = AppTest.from_string(UNSERIALIZABLE).run()
    assert len(at.exception) == 1
    assert at.exception[0].type == "UnserializableSessionStateError"
    assert "unserializable" in at.exception[0].value
    assert len(at.markdown) == 0
    assert "unserializable" not in at.session_state
