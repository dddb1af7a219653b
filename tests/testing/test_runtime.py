"""The script runner: magic, st.stop, st.rerun, exceptions, imports, timeouts, secrets,
query params."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from htst.testing.v1 import AppTest

APPS = Path(__file__).parent / "apps"


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """A working directory and home without any .htst/ or .streamlit/ folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    return tmp_path


# -- magic ----------------------------------------------------------------------------

MAGIC = '''
"""Root docstring: never written by default."""
import htst as st

"A bare string"
x = 42
x
{"a": 1}
st.title("Title")
st.button("Click")
col = st.columns(2)[0]
col.text("in a column")
1 + 1


def helper():
    """A function docstring is documentation, not content."""
    "inside a function"


helper()
'''


def test_magic_writes_bare_expressions_but_not_htst_calls(isolated):
    at = AppTest.from_string(MAGIC).run()
    assert len(at.exception) == 0
    assert at.markdown.values == ["A bare string", "`42`", "`2`", "inside a function"]
    assert [json.loads(j.value) for j in at.json] == [{"a": 1}]
    # st.button returned False and st.title a block: neither was written again.
    assert at.title.values == ["Title"]
    assert len(at.button) == 1
    assert at.columns[0].text.values == ["in a column"]
    assert all("docstring" not in m for m in at.markdown.values)


def test_magic_can_be_turned_off(isolated):
    (isolated / ".htst").mkdir()
    (isolated / ".htst" / "config.toml").write_text("[runner]\nmagicEnabled = false\n")
    at = AppTest.from_string(MAGIC).run()
    assert len(at.exception) == 0
    assert len(at.markdown) == 0
    assert len(at.json) == 0
    assert at.title.values == ["Title"]


def test_magic_can_display_the_root_docstring(isolated):
    (isolated / ".htst").mkdir()
    (isolated / ".htst" / "config.toml").write_text("[magic]\ndisplayRootDocString = true\n")
    at = AppTest.from_string(MAGIC).run()
    assert at.markdown.values[0] == "Root docstring: never written by default."
    assert "A function docstring is documentation, not content." not in at.markdown.values


def test_magic_in_loops_and_branches(isolated):
    at = AppTest.from_string(
        """
        import htst as st

        for i in range(3):
            f"item {i}"
        if True:
            "in the branch"
        else:
            "never"
        """
    ).run()
    assert at.markdown.values == ["item 0", "item 1", "item 2", "in the branch"]


# -- st.stop and st.rerun ---------------------------------------------------------------


def test_stop_ends_the_run_and_keeps_what_was_drawn(isolated):
    def app():
        import htst as st

        st.write("before")
        name = st.text_input("Name")
        if not name:
            st.warning("Please input a name.")
            st.stop()
        st.success("Thank you for inputting a name.")

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["before"]
    assert at.warning[0].value == "Please input a name."
    assert len(at.success) == 0
    assert len(at.exception) == 0
    at.text_input[0].input("Jane").run()
    assert len(at.warning) == 0
    assert at.success[0].value == "Thank you for inputting a name."


def test_stop_is_not_caught_by_except_exception(isolated):
    def app():
        import htst as st

        try:
            st.stop()
        except Exception:  # noqa: BLE001 - st.stop must get through
            st.write("caught")
        st.write("after")

    at = AppTest.from_function(app).run()
    assert len(at.markdown) == 0
    assert len(at.exception) == 0


def test_stop_keeps_widgets_drawn_before_it(isolated):
    def app():
        import htst as st

        st.text_input("Kept", key="kept")
        st.stop()
        st.text_input("Never", key="never")

    at = AppTest.from_function(app).run()
    at.text_input[0].input("value").run()
    at.run()
    assert at.session_state.kept == "value"
    assert "never" not in at.session_state


def test_stop_does_not_clean_up_widgets_below_it(isolated):
    """Like Streamlit, a run ended by st.stop() forgets no widget it did not reach."""
    def app():
        import htst as st

        if st.checkbox("Stop early"):
            st.stop()
        st.text_input("Name", key="name")

    at = AppTest.from_function(app).run()
    at.text_input[0].input("Jane").run()
    at.checkbox[0].check().run()
    assert len(at.text_input) == 0
    assert at.session_state.name == "Jane"
    at.checkbox[0].uncheck().run()
    assert at.text_input[0].value == "Jane"


def test_exception_does_not_clean_up_widgets_below_it(isolated):
    """A run ended by an error keeps the widgets below it, so fixing the error resets nothing."""
    def app():
        import htst as st

        if st.checkbox("Fail"):
            raise ValueError("boom")
        st.text_input("Name", key="name")

    at = AppTest.from_function(app).run()
    at.text_input[0].input("Jane").run()
    at.checkbox[0].check().run()
    assert at.exception[0].value == "boom"
    assert at.session_state.name == "Jane"
    at.checkbox[0].uncheck().run()
    assert at.text_input[0].value == "Jane"


def test_rerun_runs_the_script_again_at_once(isolated):
    def app():
        import htst as st

        if "count" not in st.session_state:
            st.session_state.count = 0
        st.session_state.count += 1
        st.write(f"run {st.session_state.count}")
        if st.session_state.count < 3:
            st.rerun()
        st.write("done")

    at = AppTest.from_function(app).run()
    assert at.session_state.count == 3
    # Only the last run's elements are shown.
    assert at.markdown.values == ["run 3", "done"]


def test_an_unconditional_rerun_loop_terminates(isolated):
    def app():
        import htst as st

        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.write("drawn")
        st.rerun()

    at = AppTest.from_function(app).run(timeout=10)
    assert 1 < at.session_state.runs <= 1000
    assert at.markdown.values == ["drawn"]


def test_rerun_keeps_widget_values(isolated):
    def app():
        import htst as st

        value = st.slider("Value", 0, 10, key="v")
        if st.button("Bump"):
            st.session_state.bumped = True
            st.rerun()
        st.write(f"value={value} bumped={st.session_state.get('bumped', False)}")

    at = AppTest.from_function(app).run()
    at.slider[0].set_value(4).run()
    at.button[0].click().run()
    assert at.markdown[0].value == "value=4 bumped=True"
    assert at.button[0].value is False


# -- exceptions -------------------------------------------------------------------------


def test_exception_is_drawn_and_the_next_run_works(isolated):
    def app():
        import htst as st

        st.write("before")
        if st.checkbox("Fail"):

            def explode():
                raise ValueError("boom")

            explode()
        st.write("after")

    at = AppTest.from_function(app).run()
    assert len(at.exception) == 0
    at.checkbox[0].check().run()
    assert len(at.exception) == 1
    exc = at.exception[0]
    assert exc.type == "ValueError"
    assert exc.value == "boom"
    assert exc.message == "boom"
    assert any('raise ValueError("boom")' in line for line in exc.stack_trace)
    assert any("explode()" in line for line in exc.stack_trace)
    # htst's own frames are left out of the trace.
    assert not any("htst/runtime" in line for line in exc.stack_trace)
    assert at.markdown.values == ["before"]
    at.checkbox[0].uncheck().run()
    assert len(at.exception) == 0
    assert at.markdown.values == ["before", "after"]


def test_exception_in_a_file_app_names_the_file(isolated, tmp_path):
    app = tmp_path / "broken.py"
    app.write_text("import htst as st\n\nst.write('hi')\n1 / 0\n")
    at = AppTest.from_file(app).run()
    assert at.exception[0].type == "ZeroDivisionError"
    assert "division by zero" in at.exception[0].value
    assert any("broken.py" in line and "line 4" in line for line in at.exception[0].stack_trace)
    assert at.markdown.values == ["hi"]


def test_syntax_error_is_reported(isolated):
    at = AppTest.from_string("import htst as st\nst.write('x'\n")
    at.run()
    assert len(at.exception) == 1
    assert at.exception[0].type == "SyntaxError"


# -- the script's module ----------------------------------------------------------------


def test_dunder_file_is_the_script_path(isolated):
    at = AppTest.from_file(APPS / "show_file.py").run()
    assert len(at.exception) == 0
    assert Path(at.text[0].value) == (APPS / "show_file.py").resolve()
    assert at.text[1].value == "__main__"


def test_dunder_file_is_set_for_strings(isolated):
    at = AppTest.from_string("import htst as st\nst.text(__file__)\n").run()
    assert len(at.exception) == 0
    assert at.text[0].value.endswith(".py")


def test_class_from_a_helper_module_is_not_redefined(isolated):
    at = AppTest.from_file(APPS / "class_in_module.py").run()
    assert at.markdown.values == ["`True`"]
    at.button[0].click().run()
    assert at.markdown.values == ["`True`"]
    at.run()
    assert at.markdown.values == ["`True`"]


def test_class_defined_in_the_script_is_redefined_each_run(isolated):
    at = AppTest.from_file(APPS / "class_in_script.py").run()
    assert at.markdown.values == ["`True`"]
    at.button[0].click().run()
    assert at.markdown.values == ["`False`"]


def test_script_variables_do_not_survive_a_rerun(isolated):
    at = AppTest.from_string(
        """
        import htst as st

        try:
            counter += 1
        except NameError:
            counter = 0
        st.write(f"counter={counter}")
        """
    ).run()
    at.run()
    assert at.markdown.values == ["counter=0"]


# -- timeouts ---------------------------------------------------------------------------

SLOW = """
import time
import htst as st

slot = st.empty()
if st.session_state.get("slow", True):
    for i in range(1000):
        time.sleep(0.01)
        slot.text(f"tick {i}")
st.write("finished")
"""


def test_run_timeout_raises_runtime_error(isolated):
    at = AppTest.from_string(SLOW)
    with pytest.raises(RuntimeError, match="timed out"):
        at.run(timeout=0.5)
    # The session is usable afterwards.
    at.session_state.slow = False
    at.run(timeout=5)
    assert at.markdown.values == ["finished"]


def test_default_timeout_applies(isolated):
    at = AppTest.from_string(SLOW, default_timeout=0.3)
    with pytest.raises(RuntimeError):
        at.run()


# -- secrets ----------------------------------------------------------------------------


def test_declared_secrets_reach_the_script(isolated):
    def app():
        import htst as st

        st.write(st.secrets["db_username"])
        st.write(st.secrets.db_password)
        st.write(", ".join(st.secrets.my_other_secrets.things_i_like))
        st.write(", ".join(st.secrets["my_other_secrets"]["things_i_like"]))
        st.write(f"{'db_username' in st.secrets}")

    at = AppTest.from_function(app)
    at.secrets["db_username"] = "Jane"
    at.secrets["db_password"] = "mypassword"
    at.secrets["my_other_secrets.things_i_like"] = ["Streamlit", "Python"]
    at.run()
    assert len(at.exception) == 0
    assert at.markdown.values == [
        "Jane",
        "mypassword",
        "Streamlit, Python",
        "Streamlit, Python",
        "True",
    ]
    assert at.secrets["db_username"] == "Jane"


def test_secrets_without_a_file_raise_file_not_found(isolated):
    at = AppTest.from_string("import htst as st\nst.write(st.secrets['password'])\n").run()
    assert len(at.exception) == 1
    assert at.exception[0].type == "FileNotFoundError"


def test_an_app_not_using_secrets_runs_without_a_file(isolated):
    at = AppTest.from_string("import htst as st\nst.write('no secrets needed')\n").run()
    assert len(at.exception) == 0


def test_missing_secret_raises_key_error(isolated):
    at = AppTest.from_string("import htst as st\nst.write(st.secrets['missing'])\n")
    at.secrets["present"] = "x"
    at.run()
    assert at.exception[0].type == "KeyError"
    assert "missing" in at.exception[0].value


def test_missing_secret_attribute_raises_attribute_error(isolated):
    at = AppTest.from_string("import htst as st\nst.write(st.secrets.missing)\n")
    at.secrets["present"] = "x"
    at.run()
    assert at.exception[0].type == "AttributeError"
    assert "missing" in at.exception[0].value


def test_secrets_file_in_the_working_directory_is_read(isolated):
    (isolated / ".streamlit").mkdir()
    (isolated / ".streamlit" / "secrets.toml").write_text(
        'db_username = "Jane"\n\n[my_other_secrets]\nthings_i_like = ["Streamlit", "Python"]\n'
    )

    def app():
        import htst as st

        st.write(st.secrets.db_username)
        st.write(st.secrets.my_other_secrets.things_i_like[1])

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["Jane", "Python"]

    # Secrets declared in the test win over the file's.
    at.secrets["db_username"] = "John"
    at.run()
    assert at.markdown.values == ["John", "Python"]


def test_secrets_are_read_only(isolated):
    at = AppTest.from_string("import htst as st\nst.secrets.x = 1\n")
    at.secrets["x"] = 0
    at.run()
    assert len(at.exception) == 1
    assert at.exception[0].type == "TypeError"


# -- query params -----------------------------------------------------------------------


def test_query_params_are_read_by_the_script(isolated):
    def app():
        import htst as st

        st.write(f"page={st.query_params['page']}")
        st.write(f"attr={st.query_params.page}")
        st.write(f"get={st.query_params.get('missing', 'none')}")
        st.write("tags=" + ",".join(st.query_params.get_all("tags")))
        st.write(f"last={st.query_params['tags']}")
        st.write(f"n={st.query_params['n']!r}")

    at = AppTest.from_function(app)
    at.query_params["page"] = "home"
    at.query_params["tags"] = ["a", "b"]
    at.query_params["n"] = 5
    at.run()
    assert len(at.exception) == 0
    assert at.markdown.values == [
        "page=home",
        "attr=home",
        "get=none",
        "tags=a,b",
        "last=b",
        "n='5'",
    ]


def test_query_params_written_by_the_script_show_in_the_test(isolated):
    def app():
        import htst as st

        st.query_params["page"] = "results"
        st.query_params.tags = ["x", "y"]
        if "drop" in st.query_params:
            del st.query_params["drop"]

    at = AppTest.from_function(app)
    at.query_params["drop"] = "me"
    at.run()
    assert at.query_params["page"] == "results"
    assert at.query_params["tags"] == ["x", "y"]
    assert "drop" not in at.query_params


def test_query_params_persist_between_runs(isolated):
    def app():
        import htst as st

        st.query_params["count"] = int(st.query_params.get("count", 0)) + 1
        st.write(st.query_params["count"])

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["1"]
    at.run()
    assert at.markdown.values == ["2"]
    assert at.query_params["count"] == "2"


def test_missing_query_param_raises_key_error(isolated):
    at = AppTest.from_string("import htst as st\nst.write(st.query_params['nope'])\n").run()
    assert at.exception[0].type == "KeyError"
    assert "nope" in at.exception[0].value


def test_query_params_clear(isolated):
    at = AppTest.from_string("import htst as st\nst.query_params.clear()\n")
    at.query_params["a"] = "1"
    at.run()
    assert dict(at.query_params) == {}
