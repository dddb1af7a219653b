"""Widgets inside cached functions (docs: caching, input widgets).

With `experimental_allow_widgets=True` a widget is an extra input parameter: its value
is part of the key, a hit draws the widget again (so it keeps its state and its place),
and a value seen before is a hit. file_uploader cannot be replayed and says so.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

import htst
from htst.testing.v1 import AppTest


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def app(source: str) -> AppTest:
    return ok(AppTest.from_string(textwrap.dedent(source)).run())


def calls(at: AppTest) -> int:
    return at.session_state.calls


TWO_WIDGETS = """
import htst as st

st.session_state.setdefault("calls", 0)

@st.{kind}(experimental_allow_widgets=True)
def report(scale):
    st.session_state.calls += 1
    st.markdown("before")
    rows = st.slider("Rows", 0, 10, 2)
    st.markdown(f"rows={rows}")
    label = st.text_input("Label", "a")
    st.markdown("after")
    return f"{label}:{rows * scale}"

st.markdown(f"result={report(3)}")
"""


@pytest.mark.parametrize("kind", ["cache_data", "cache_resource"])
def test_every_widget_value_is_part_of_the_key(kind):
    at = app(TWO_WIDGETS.replace("{kind}", kind))
    assert calls(at) == 1
    assert at.markdown.values == ["before", "rows=2", "after", "result=a:6"]

    ok(at.slider[0].set_value(4).run())
    assert calls(at) == 2 and at.markdown.values[-1] == "result=a:12"
    ok(at.text_input[0].input("b").run())
    assert calls(at) == 3 and at.markdown.values[-1] == "result=b:12"

    # Back to values seen before: hits, with what was drawn for those values.
    ok(at.slider[0].set_value(2).run())
    assert calls(at) == 4  # (2, "b") is new
    ok(at.text_input[0].input("a").run())
    assert calls(at) == 4  # (2, "a") was the first run
    assert at.markdown.values == ["before", "rows=2", "after", "result=a:6"]
    assert (at.slider[0].value, at.text_input[0].value) == (2, "a")


def drawn(at: AppTest) -> list[tuple]:
    """The page's main area in order: (type, label or text) of every element (the spinner
    of a miss leaves an empty slot)."""
    main = at._result.roots["main"]
    return [(node.type, node.props.get("label") or node.props.get("body")) for node in main.walk() if node.type != "spacer"]


def test_a_hit_draws_the_widgets_in_their_places():
    at = app(TWO_WIDGETS.replace("{kind}", "cache_data"))
    first = drawn(at)
    ok(at.run())
    assert calls(at) == 1
    assert drawn(at) == first
    assert len(at.slider) == 1 and len(at.text_input) == 1


def test_widgets_inside_containers_of_the_cached_function_are_replayed_there():
    at = app("""
        import htst as st

        st.session_state.setdefault("calls", 0)

        @st.cache_data(experimental_allow_widgets=True)
        def panel():
            st.session_state.calls += 1
            left, right = st.columns(2)
            left.markdown("left text")
            n = right.number_input("N", value=1)
            with st.expander("More"):
                shout = st.checkbox("Shout")
                st.markdown("inside")
            return ("N!" if shout else "n") * n

        st.markdown(panel())
        """)
    ok(at.run())
    assert calls(at) == 1
    assert at.columns[0].markdown.values == ["left text"]
    assert at.columns[1].number_input[0].value == 1
    assert at.expander[0].checkbox[0].value is False
    assert at.expander[0].markdown.values == ["inside"]

    ok(at.expander[0].checkbox[0].check().run())
    assert calls(at) == 2 and at.markdown.values[-1] == "N!"
    ok(at.columns[1].number_input[0].set_value(2).run())
    assert calls(at) == 3 and at.markdown.values[-1] == "N!N!"
    ok(at.expander[0].checkbox[0].uncheck().run())
    ok(at.columns[1].number_input[0].set_value(1).run())
    assert calls(at) == 4  # (1, False) was the first run; (2, False) was new
    assert at.columns[1].number_input[0].value == 1


def test_which_widgets_are_drawn_may_depend_on_a_widget():
    at = app("""
        import htst as st

        st.session_state.setdefault("calls", 0)

        @st.cache_data(experimental_allow_widgets=True)
        def pick():
            st.session_state.calls += 1
            if st.checkbox("Custom"):
                return st.slider("Size", 0, 10, 5)
            return 0

        st.markdown(f"size={pick()}")
        """)
    assert (calls(at), len(at.slider)) == (1, 0)
    ok(at.checkbox[0].check().run())
    assert (calls(at), at.markdown.values[-1], len(at.slider)) == (2, "size=5", 1)
    ok(at.slider[0].set_value(7).run())
    assert (calls(at), at.markdown.values[-1]) == (3, "size=7")
    ok(at.checkbox[0].uncheck().run())
    assert (calls(at), at.markdown.values[-1], len(at.slider)) == (3, "size=0", 0)
    ok(at.checkbox[0].check().run())
    # The slider was not drawn while unchecked, so it starts again from its default: a hit.
    assert (calls(at), at.markdown.values[-1], at.slider[0].value) == (3, "size=5", 5)


def test_a_keyed_widget_takes_its_value_from_session_state():
    at = app("""
        import htst as st

        st.session_state.setdefault("calls", 0)
        if st.button("Jump"):
            st.session_state.level = 9

        @st.cache_data(experimental_allow_widgets=True)
        def level():
            st.session_state.calls += 1
            return st.slider("Level", 0, 10, 1, key="level")

        st.markdown(f"level={level()}")
        """)
    assert calls(at) == 1
    ok(at.button[0].click().run())
    assert (calls(at), at.markdown.values[-1], at.slider[0].value) == (2, "level=9", 9)
    ok(at.run())
    assert (calls(at), at.markdown.values[-1]) == (2, "level=9")


def test_callbacks_of_replayed_widgets_still_run():
    at = app("""
        import htst as st

        st.session_state.setdefault("calls", 0)
        st.session_state.setdefault("changes", 0)

        def changed():
            st.session_state.changes += 1

        @st.cache_data(experimental_allow_widgets=True)
        def choose():
            st.session_state.calls += 1
            return st.selectbox("Pick", ["a", "b"], on_change=changed)

        st.markdown(choose())
        """)
    ok(at.selectbox[0].select("b").run())
    ok(at.selectbox[0].select("a").run())  # a hit: the widget was drawn by the replay
    ok(at.selectbox[0].select("b").run())
    assert at.session_state.changes == 3
    assert calls(at) == 2
    assert at.markdown.values == ["b"]


def test_clear_forgets_entries_that_depend_on_widgets():
    at = app("""
        import htst as st

        st.session_state.setdefault("calls", 0)

        @st.cache_data(experimental_allow_widgets=True)
        def count(step):
            st.session_state.calls += 1
            return st.number_input("Start", value=0) + step

        st.markdown(f"value={count(1)}")
        if st.button("Forget"):
            count.clear(1)
        if st.button("Forget all"):
            st.cache_data.clear()
        """)
    ok(at.run())
    assert calls(at) == 1
    ok(at.button[0].click().run())
    ok(at.run())
    assert calls(at) == 2
    ok(at.button[1].click().run())
    ok(at.run())
    assert calls(at) == 3
    assert at.markdown.values == ["value=1"]


def test_max_entries_counts_entries_of_every_widget_value():
    at = app("""
        import htst as st

        st.session_state.setdefault("calls", 0)

        @st.cache_data(max_entries=2, experimental_allow_widgets=True)
        def square():
            st.session_state.calls += 1
            n = st.number_input("N", value=1)
            return n * n

        st.markdown(f"square={square()}")
        """)
    for n in (2, 3):  # entries for 1, 2, 3: 1 is evicted
        ok(at.number_input[0].set_value(n).run())
    assert calls(at) == 3
    ok(at.number_input[0].set_value(2).run())
    assert calls(at) == 3
    ok(at.number_input[0].set_value(1).run())
    assert calls(at) == 4 and at.markdown.values == ["square=1"]


def test_file_uploader_cannot_be_replayed_and_says_so():
    at = AppTest.from_string(textwrap.dedent("""
        import htst as st

        @st.cache_data(experimental_allow_widgets=True)
        def upload():
            return st.file_uploader("Data")

        upload()
        """)).run()
    assert "file_uploader" in at.exception[0].value
    assert "experimental_allow_widgets" in at.exception[0].value


def test_a_duplicate_of_a_replayed_widget_is_the_usual_error():
    at = AppTest.from_string(textwrap.dedent("""
        import htst as st

        @st.cache_data(experimental_allow_widgets=True)
        def pick():
            return st.slider("Same")

        pick()
        st.slider("Same")
        """)).run()
    at.run()  # the second run replays the slider from the cache
    assert "multiple `slider` widgets" in at.exception[0].value


def test_over_http_a_replayed_widget_posts_and_hits(tmp_path: Path):
    """The page a browser gets: the replayed slider is a real field; posting a value seen
    before does not run the function (its calls are counted in a file)."""
    log = tmp_path / "calls.txt"
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(f"""
        import htst as st

        @st.cache_data(experimental_allow_widgets=True)
        def rows():
            n = st.slider("Rows", 0, 10, 2)
            with open({str(log)!r}, "a") as f:
                f.write(f"{{n}} ")
            return n * 10

        st.markdown(f"total={{rows()}}")
        """), encoding="utf-8")
    client = htst.create_app(script).test_client()
    page = client.get("/").get_data(as_text=True)
    token = re.search(r'name="_htst_tab" value="([^"]+)"', page).group(1)
    field = re.search(r'<input[^>]*type="range"[^>]*name="(w[0-9a-f]+)"', page).group(1)

    def post(value: int) -> str:
        answer = client.post("/_htst/rerun", data={field: str(value), "_htst_tab": token}, headers={"HX-Request": "true"})
        assert answer.status_code == 200
        return answer.get_data(as_text=True)

    assert "total=70" in post(7)
    assert "total=20" in post(2)
    answer = post(7)
    assert log.read_text().split() == ["2", "7"]
    assert f'name="{field}"' in answer and 'value="7"' in answer and "total=70" in answer
