"""How st.cache_data and st.cache_resource behave beyond the docs' examples (docs: caching).

Keys (arguments, underscore names, the function's source), copies against shared
objects, clearing, ttl and max_entries on a fake clock, the spinner seen in a streamed
HTTP answer, replayed elements, and one computation for many concurrent callers.
"""

from __future__ import annotations

import re
import textwrap
import threading
import time
from typing import Any

import pytest

import htst
import htst.caching.cached
from htst.caching.cached import cache_data, cache_resource, clear_all
from htst.errors import HtstAPIException
from htst.testing.v1 import AppTest


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def run(source: str) -> AppTest:
    return ok(AppTest.from_string(source).run())


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A fake clock for entries' ages: `clock[0] += 3600` is an hour later."""
    now = [1_000_000.0]
    monkeypatch.setattr(htst.caching.cached, "clock", lambda: now[0])
    return now


# -- keys ---------------------------------------------------------------------------------
def test_with_and_without_arguments():
    at = run("""
        import htst as st

        st.session_state.setdefault("calls", [])

        @st.cache_data
        def constant():
            st.session_state.calls.append("constant")
            return 1

        @st.cache_data
        def double(x, times=2):
            st.session_state.calls.append(("double", x, times))
            return x * times

        constant(); constant()
        double(1); double(1, 2); double(x=1); double(2); double(1, times=3)
        """)
    at.run()
    assert at.session_state.calls == [
        "constant",
        ("double", 1, 2),
        ("double", 2, 2),
        ("double", 1, 3),
    ]


def test_method_and_staticmethod_under_the_decorator():
    at = run("""
        import htst as st

        st.session_state.setdefault("calls", [])

        class Scores:
            def __init__(self, base):
                self.base = base

            @st.cache_data(hash_funcs={"__main__.Scores": lambda s: s.base})
            def times(self, n):
                st.session_state.calls.append(("times", self.base, n))
                return self.base * n

            @st.cache_data
            @staticmethod
            def plus(a, b):
                st.session_state.calls.append(("plus", a, b))
                return a + b

            @st.cache_resource
            @staticmethod
            def shared():
                st.session_state.calls.append("shared")
                return object()

        st.session_state.results = [
            Scores(3).times(2), Scores(3).times(2), Scores(4).times(2),
            Scores.plus(1, 2), Scores(0).plus(1, 2), Scores.shared() is Scores.shared(),
        ]
        """)
    at.run()
    assert at.session_state.results == [6, 6, 8, 3, 3, True]
    assert at.session_state.calls == [("times", 3, 2), ("times", 4, 2), ("plus", 1, 2), "shared"]


def test_editing_the_function_invalidates_its_entries():
    template = """
        import htst as st

        @st.cache_data
        def answer():
            return {value}

        st.session_state.answer = answer()
        """
    assert run(template.format(value=1)).session_state.answer == 1
    assert run(template.format(value=2)).session_state.answer == 2
    assert run(template.format(value=1)).session_state.answer == 1  # its old entry, still there


def test_same_body_in_another_session_reuses_the_entry(tmp_path):
    log = tmp_path / "calls.txt"
    source = f"""
        import htst as st

        @st.cache_data
        def answer():
            with open({str(log)!r}, "a") as f:
                _ = f.write("x")
            return 42

        st.session_state.answer = answer()
        """
    assert run(source).session_state.answer == 42
    assert run(source).session_state.answer == 42
    assert log.read_text() == "x"


def test_underscore_parameters_are_skipped():
    calls = []

    @cache_data
    def fetch(_connection, rows, *, _trace=None):
        calls.append((_connection, rows))
        return rows

    assert fetch(object(), 3, _trace=1) == 3
    assert fetch(object(), 3, _trace=2) == 3
    assert fetch(threading.Lock(), 4) == 4
    assert [rows for _, rows in calls] == [3, 4]


def test_unhashable_argument_is_a_clear_error():
    class Opaque:
        pass

    @cache_data
    def f(thing):
        return 1

    with pytest.raises(htst.errors.UnhashableParamError, match="Cannot hash argument 'thing'"):
        f(Opaque())


# -- copies and shared objects -------------------------------------------------------------
def test_cache_data_returns_copies_mutations_never_reach_the_cache():
    np = pytest.importorskip("numpy")

    @cache_data
    def data():
        return {"list": [1, 2, 3], "array": np.arange(4)}

    first = data()  # the miss returns the computed object itself
    first["list"].append(4)
    first["array"][0] = 99
    second = data()
    assert second == {"list": [1, 2, 3], "array": second["array"]}
    assert second["array"].tolist() == [0, 1, 2, 3]
    second["array"][1] = 99  # a copy that owns writable memory
    third = data()
    assert third["array"].tolist() == [0, 1, 2, 3]
    assert third is not second and third["list"] is not second["list"]


def test_cache_data_mutation_does_not_leak_into_other_sessions():
    source = """
        import htst as st

        @st.cache_data
        def settings():
            return {"theme": "light", "seen_by": []}

        s = settings()
        s["seen_by"].append(st.session_state.setdefault("me", len(s["seen_by"])))
        st.session_state.seen_by = s["seen_by"]
        """
    a, b = AppTest.from_string(source), AppTest.from_string(source)
    assert ok(a.run()).session_state.seen_by == [0]
    assert ok(b.run()).session_state.seen_by == [0]
    assert ok(a.run()).session_state.seen_by == [0]


def test_cache_resource_is_the_same_object_for_every_session():
    source = """
        import htst as st

        @st.cache_resource
        def registry():
            return []

        registry().append(1)
        st.session_state.registry = registry()
        """
    a, b = AppTest.from_string(source), AppTest.from_string(source)
    first = ok(a.run()).session_state.registry
    second = ok(b.run()).session_state.registry
    assert first is second and first == [1, 1]


def test_unpicklable_return_from_cache_data_is_a_clear_error():
    at = AppTest.from_string("""
        import threading
        import htst as st

        @st.cache_data
        def make_lock():
            return threading.Lock()

        make_lock()
        """).run()
    message = at.exception[0].value
    assert "Cannot serialize the return value (of type _thread.lock) in make_lock()" in message
    assert "st.cache_resource" in message


def test_cache_resource_needs_no_pickling():
    @cache_resource
    def make_lock():
        return threading.Lock()

    assert make_lock() is make_lock()


def test_cache_data_returns_instances_of_the_script_classes():
    """A class defined in the script pickles by reference to this process's copy of it."""
    at = run("""
        import dataclasses
        import htst as st

        @dataclasses.dataclass
        class Point:
            x: int

        @st.cache_data
        def origin():
            return [Point(0), Point(1)]

        st.session_state.points = [p.x for p in origin()]
        """)
    at.run()  # a hit, in a run whose Point is a new class object
    assert at.session_state.points == [0, 1]


def test_validate_recomputes_a_resource_that_went_bad():
    made = []

    class Connection:
        def __init__(self):
            self.open = True
            made.append(self)

    @cache_resource(validate=lambda conn: conn.open)
    def connect():
        return Connection()

    first = connect()
    assert connect() is first
    first.open = False
    second = connect()
    assert second is not first and second.open and len(made) == 2
    assert connect() is second


# -- clearing -------------------------------------------------------------------------------
def counter(kind: Any = cache_data, **options: Any) -> tuple[Any, list[Any]]:
    calls: list[Any] = []

    @kind(**options)
    def square(x):
        calls.append(x)
        return x * x

    return square, calls


def test_clear_on_the_function_forgets_all_its_entries():
    square, calls = counter()
    square(1), square(2)
    square.clear()
    square(1), square(2)
    assert calls == [1, 2, 1, 2]


def test_clear_with_arguments_forgets_only_that_entry():
    square, calls = counter()
    square(1), square(2)
    square.clear(2)
    square(1), square(2)
    assert calls == [1, 2, 2]


def test_clear_by_kind_and_clear_all():
    data, data_calls = counter(cache_data)
    resource, resource_calls = counter(cache_resource)
    data(1), resource(1)
    cache_data.clear()
    data(1), resource(1)
    assert (data_calls, resource_calls) == ([1, 1], [1])
    cache_resource.clear()
    data(1), resource(1)
    assert (data_calls, resource_calls) == ([1, 1], [1, 1])
    clear_all()
    data(1), resource(1)
    assert (data_calls, resource_calls) == ([1, 1, 1], [1, 1, 1])


def test_function_clear_in_a_later_run_forgets_entries_of_earlier_runs():
    at = run("""
        import htst as st

        st.session_state.setdefault("calls", [])

        @st.cache_data
        def f(x):
            st.session_state.calls.append(x)
            return x

        f(1)
        f(2)
        if st.button("Forget 1"):
            f.clear(1)
        if st.button("Forget all"):
            f.clear()
        """)
    at.button[0].click().run()
    at.run()
    assert at.session_state.calls == [1, 2, 1]
    at.button[1].click().run()
    at.run()
    assert at.session_state.calls == [1, 2, 1, 1, 2]


def test_st_cache_data_clear_inside_a_script():
    at = run("""
        import htst as st

        st.session_state.setdefault("calls", 0)

        @st.cache_data
        def f():
            st.session_state.calls += 1
            return 1

        f()
        if st.button("Clear"):
            st.cache_data.clear()
            f()
        """)
    at.run()
    assert at.session_state.calls == 1
    at.button[0].click().run()
    assert at.session_state.calls == 2


# -- ttl and max_entries ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("ttl", "seconds"),
    [(60, 60), (2.5, 2.5), ("1h", 3600), ("1d", 86400), ("30m", 1800), ("2 days", 172800)],
)
def test_ttl_expires_entries(clock, ttl, seconds):
    square, calls = counter(ttl=ttl)
    square(3)
    clock[0] += seconds - 0.1
    square(3)
    assert calls == [3]
    clock[0] += 0.2
    square(3)
    assert calls == [3, 3]
    square(3)
    assert calls == [3, 3]


def test_ttl_timedelta_on_cache_resource(clock):
    import datetime

    square, calls = counter(cache_resource, ttl=datetime.timedelta(minutes=1))
    square(2)
    clock[0] += 61
    square(2)
    assert calls == [2, 2]


def test_max_entries_evicts_the_oldest(clock):
    square, calls = counter(max_entries=2)
    for x in (1, 2, 3):
        clock[0] += 1
        square(x)
    square(3), square(2)  # both kept
    assert calls == [1, 2, 3]
    square(1)  # evicted: computed again, which evicts 2
    assert calls == [1, 2, 3, 1]
    square(2)
    assert calls == [1, 2, 3, 1, 2]


def test_max_entries_counts_the_entries_of_every_run():
    at = run("""
        import htst as st

        st.session_state.setdefault("calls", [])
        st.session_state.run = st.session_state.get("run", 0) + 1

        @st.cache_data(max_entries=2)
        def f(x):
            st.session_state.calls.append(x)
            return x

        f(st.session_state.run)
        if st.session_state.run == 4:
            f(1)  # evicted in the third run
        """)
    at.run().run().run()
    assert at.session_state.calls == [1, 2, 3, 4, 1]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"ttl": "soon"}, "ttl must be"),
        ({"max_entries": 0}, "max_entries must be"),
        ({"persist": "memory"}, "Unsupported persist option"),
    ],
)
def test_bad_options_are_clear_errors(options, message):
    with pytest.raises(HtstAPIException, match=message):
        cache_data(**options)


def test_cache_resource_has_no_persist():
    with pytest.raises(HtstAPIException, match="no persist option"):
        cache_resource(persist="disk")


# -- replay ----------------------------------------------------------------------------------
def test_elements_drawn_in_a_miss_are_replayed_on_hits_with_their_containers():
    at = run("""
        import htst as st

        st.session_state.setdefault("calls", 0)

        @st.cache_resource
        def report(n):
            st.session_state.calls += 1
            st.subheader(f"Report {n}")
            with st.expander("Details"):
                st.write("inside")
            return n

        st.write("before")
        _ = report(1)
        st.write("after")
        """)
    at.run()
    assert at.session_state.calls == 1
    assert at.subheader.values == ["Report 1"]
    assert at.markdown.values == ["before", "inside", "after"]
    assert at.expander[0].markdown.values == ["inside"]


@pytest.mark.parametrize("kind", ["cache_data", "cache_resource"])
def test_elements_drawn_into_the_sidebar_or_as_toasts_are_replayed_there(kind):
    at = run(f"""
        import htst as st

        st.session_state.setdefault("calls", 0)

        @st.{kind}
        def load():
            st.session_state.calls += 1
            st.sidebar.success("Loaded")
            st.toast("Fresh data")
            st.write("main text")
            return 1

        with st.container():
            _ = load()
        with st.sidebar:
            st.write("sidebar text")
        """)
    for _ in range(2):
        assert at.sidebar.success.values == ["Loaded"]
        assert at.sidebar.markdown.values == ["sidebar text"]
        assert at.toast.values == ["Fresh data"]
        assert at.main.markdown.values == ["main text"]
        assert at.main.success.values == []
        ok(at.run())
    assert at.session_state.calls == 1


def test_a_call_inside_the_sidebar_replays_inside_the_sidebar():
    at = run("""
        import htst as st

        st.session_state.setdefault("calls", 0)

        @st.cache_data
        def note():
            st.session_state.calls += 1
            st.write("note")

        with st.sidebar:
            note()
        """)
    ok(at.run())
    assert at.session_state.calls == 1
    assert at.sidebar.markdown.values == ["note"]
    assert at.main.markdown.values == []


def test_widgets_in_a_cached_function_are_not_replayed_a_warning_is():
    at = run("""
        import htst as st

        @st.cache_data
        def pick():
            return st.checkbox("Include")

        _ = pick()
        """)
    at.run()
    assert not at.checkbox
    assert "widget" in at.warning[0].value and "pick" in at.warning[0].value


# -- the spinner, seen while the run streams ------------------------------------------------
SLOW = """
import time
import htst as st

@st.cache_data(show_spinner={spinner})
def slow():
    time.sleep(0.8)
    return "done"

if st.button("Go"):
    st.write(slow())
"""


def streamed(tmp_path, source: str) -> list[str]:
    """Click "Go" over HTTP; the chunks of the streamed answer, as they arrive."""
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(source), encoding="utf-8")
    app = htst.create_app(script)
    app.testing = True
    client = app.test_client()
    page = client.get("/").get_data(as_text=True)
    token = re.search(r'name="_htst_tab" value="([^"]+)"', page).group(1)
    button = re.search(r'name="_htst_click" value="([^"]+)"', page).group(1)
    response = client.post(
        "/_htst/rerun",
        data={"_htst_click": button, "_htst_tab": token},
        headers={"HX-Request": "true"},
        buffered=False,
    )
    assert response.mimetype == "text/event-stream"
    chunks = [c.decode() if isinstance(c, bytes) else c for c in response.response]
    response.close()
    return chunks


def test_default_spinner_text_is_streamed_while_the_function_runs(tmp_path):
    chunks = streamed(tmp_path, SLOW.format(spinner=True))
    with_spinner = [i for i, c in enumerate(chunks) if "htst-spinner-text" in c]
    assert with_spinner, "the spinner was never sent"
    assert "Running <code>slow(...)</code>." in chunks[with_spinner[0]]
    done = [i for i, c in enumerate(chunks) if "done" in c and "data:" in c]
    assert done and done[-1] > with_spinner[0]
    assert "htst-spinner-text" not in chunks[done[-1]]


def test_custom_spinner_text_is_streamed(tmp_path):
    chunks = streamed(tmp_path, SLOW.format(spinner='"Fetching data from API..."'))
    assert any("Fetching data from API..." in c for c in chunks)


def test_no_spinner_when_show_spinner_is_false(tmp_path):
    chunks = streamed(tmp_path, SLOW.format(spinner=False))
    assert not any("htst-spinner-text" in c for c in chunks)


# -- one computation for many callers --------------------------------------------------------
@pytest.mark.parametrize("kind", [cache_data, cache_resource])
def test_concurrent_callers_compute_once(kind):
    calls = []

    @kind
    def slow(x):
        calls.append(x)
        time.sleep(0.2)
        return [x]

    results: list[Any] = []
    start = threading.Barrier(8)

    def call() -> None:
        start.wait()
        results.append(slow(5))

    threads = [threading.Thread(target=call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert calls == [5]
    assert results == [[5]] * 8


def test_two_sessions_running_at_once_compute_once(tmp_path):
    log = tmp_path / "calls.txt"
    source = f"""
        import time
        import htst as st

        @st.cache_data
        def slow():
            with open({str(log)!r}, "a") as f:
                _ = f.write("x")
            time.sleep(0.3)
            return "value"

        st.write(slow())
        """
    apps = [AppTest.from_string(source) for _ in range(2)]
    start = threading.Barrier(2)
    errors: list[Exception] = []

    def go(at: AppTest) -> None:
        start.wait()
        try:
            ok(at.run(timeout=5))
        except (AssertionError, RuntimeError) as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=go, args=(at,)) for at in apps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert not errors
    assert log.read_text() == "x"
    assert [at.markdown.values for at in apps] == [["value"], ["value"]]


def test_two_string_scripts_never_read_each_others_function_source():
    """AppTest.from_string scripts are named by their text in linecache: a cached
    function's key is made from its own source even after another script compiled."""
    a = AppTest.from_string('import htst as st\n@st.cache_data\ndef f():\n    return "A"\nst.markdown(f())\n')
    b = AppTest.from_string('import htst as st\n@st.cache_data\ndef f():\n    return "B"\nst.markdown(f())\n')
    assert ok(a.run()).markdown.values == ["A"]
    assert ok(b.run()).markdown.values == ["B"]
    assert ok(a.run()).markdown.values == ["A"]
