"""Streamlit 1.67's cache parameters: max_size, show_time, scope, refresh_mode, on_release.

Entries are timed with a fake clock; background refreshes are waited for.
"""

from __future__ import annotations

import gc
import re
import textwrap
import time
from typing import Any

import pytest

import htst
import htst.caching.cached
from htst.caching.cached import cache_data, cache_resource
from htst.errors import HtstAPIException
from htst.testing.v1 import AppTest


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    now = [1_000_000.0]
    monkeypatch.setattr(htst.caching.cached, "clock", lambda: now[0])
    return now


def counted(kind: Any = cache_data, **options: Any) -> tuple[Any, list[Any]]:
    calls: list[Any] = []

    @kind(**options)
    def make(x, size=0):
        calls.append(x)
        return b"x" * size if size else x

    return make, calls


def wait_for(condition: Any, timeout: float = 5.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


# -- max_size (cache_data) ---------------------------------------------------------------------
def test_max_size_evicts_the_least_recently_used():
    make, calls = counted(max_size=3000)  # each value pickles to a little over 1000 bytes
    make(1, 1000), make(2, 1000)
    make(1, 1000)  # a read is a use: 2 is now the least recently used
    make(3, 1000)  # over the limit: 2 goes
    make(1, 1000), make(3, 1000)
    assert calls == [1, 2, 3]
    make(2, 1000)
    assert calls == [1, 2, 3, 2]


def test_without_max_size_nothing_is_evicted_by_size():
    make, calls = counted()
    for x in range(5):
        make(x, 100_000)
    for x in range(5):
        make(x, 100_000)
    assert calls == [0, 1, 2, 3, 4]


def test_a_value_larger_than_max_size_is_kept_alone(caplog):
    make, calls = counted(max_size="1KB")
    make(1, 100), make(2, 100)
    make(3, 5000)
    assert "larger than its function's max_size" in caplog.text
    make(3, 5000)
    assert calls == [1, 2, 3]  # kept…
    make(1, 100), make(2, 100)
    assert calls == [1, 2, 3, 1, 2]  # …alone
    make(3, 5000)
    assert calls == [1, 2, 3, 1, 2, 3]  # the next value replaced it


@pytest.mark.parametrize(
    ("value", "limit"),
    [("2KB", 2048), ("2 kib", 2048), ("1.1KB", 1126), (".5MB", 524288), ("3B", 3), ("1GiB", 1024**3), (4096, 4096)],
)
def test_max_size_units_are_powers_of_1024(value, limit):
    make, calls = counted(max_size=value)
    cached = make.__htst_cached__
    assert cached.max_size == limit


@pytest.mark.parametrize("value", [0, -5, "0MB", "5", "5 MB MB", "MB", "5  MB"])
def test_bad_max_size_values(value):
    with pytest.raises(HtstAPIException) as error:
        cache_data(max_size=value)
    assert str(error.value) == (
        "Invalid `max_size` value. Supported values: a positive byte size. Use an integer number "
        'of bytes or a positive value with an explicit unit, such as "500MB", "1.5GB", or "200KiB".'
    )


@pytest.mark.parametrize(("value", "type_name"), [(True, "bool"), (1.5, "float"), ([1], "list")])
def test_bad_max_size_types(value, type_name):
    with pytest.raises(HtstAPIException) as error:
        cache_data(max_size=value)
    assert str(error.value) == (
        f"Invalid `max_size` type. Expected one of: int, str. Provided type: {type_name}. "
        'Pass an integer byte count such as int(5e8), or a unit string such as "500MB".'
    )


def test_max_size_with_too_many_digits():
    with pytest.raises(HtstAPIException, match="Use a byte size with at most 100 digits."):
        cache_data(max_size="1" * 101 + "B")


# -- show_time ---------------------------------------------------------------------------------
SLOW = """
import time
import htst as st

@st.cache_data(show_time={show_time})
def slow():
    time.sleep(0.8)
    return "done"

if st.button("Go"):
    st.write(slow())
"""


@pytest.mark.parametrize("show_time", [False, True])
def test_show_time_adds_the_elapsed_time_to_the_spinner(tmp_path, show_time):
    script = tmp_path / "app.py"
    script.write_text(SLOW.format(show_time=show_time), encoding="utf-8")
    app = htst.create_app(script)
    app.testing = True
    client = app.test_client()
    page = client.get("/").get_data(as_text=True)
    token = re.search(r'name="_htst_tab" value="([^"]+)"', page).group(1)
    button = re.search(r'name="_htst_click" value="([^"]+)"', page).group(1)
    response = client.post("/_htst/rerun", data={"_htst_click": button, "_htst_tab": token}, headers={"HX-Request": "true"}, buffered=False)
    chunks = [c.decode() if isinstance(c, bytes) else c for c in response.response]
    response.close()
    spinners = [c for c in chunks if "htst-spinner-text" in c]
    assert spinners, "the spinner was never sent"
    assert ("data-htst-timer" in spinners[0]) is show_time


# -- scope -------------------------------------------------------------------------------------
SESSION_APP = """
    import htst as st
    st.session_state.setdefault("calls", 0)

    @st.cache_data(scope="session")
    def load(x):
        st.session_state.calls += 1
        return x * 2

    st.write(f"{load(1)} {load(1)} {load(2)} calls={st.session_state.calls}")
"""


def test_session_scope_keeps_one_cache_per_session():
    one = AppTest.from_string(textwrap.dedent(SESSION_APP)).run()
    assert one.markdown[0].value == "2 2 4 calls=2"
    one.run()
    assert one.markdown[0].value == "2 2 4 calls=2"  # hits in the same session
    two = AppTest.from_string(textwrap.dedent(SESSION_APP)).run()
    assert two.markdown[0].value == "2 2 4 calls=2"  # another session computes its own


def test_global_scope_is_shared_by_sessions():
    source = SESSION_APP.replace('scope="session"', 'scope="global"')
    AppTest.from_string(textwrap.dedent(source)).run()
    other = AppTest.from_string(textwrap.dedent(source)).run()
    assert other.markdown[0].value == "2 2 4 calls=0"


def test_session_scope_releases_a_session_s_resources_when_it_ends():
    released: list[Any] = []
    source = """
        import htst as st

        @st.cache_resource(scope="session", on_release=RELEASED.append)
        def connect(name):
            return f"connection {name}"

        connect("a")
        connect("b")
        """
    at = AppTest.from_string(textwrap.dedent(source).replace("RELEASED", "st.session_state.released"))
    at.session_state["released"] = released
    at.run()
    assert not at.exception and released == []
    del at
    gc.collect()
    assert sorted(released) == ["connection a", "connection b"]


def test_session_scope_outside_a_run_raises():
    make, _ = counted(scope="session")
    with pytest.raises(HtstAPIException, match="A session-scoped cache was accessed outside of the app execution thread"):
        make(1)


@pytest.mark.parametrize("kind", [cache_data, cache_resource])
def test_bad_scope(kind):
    with pytest.raises(HtstAPIException) as error:
        kind(scope="app")
    assert str(error.value) == "Invalid `scope` value. Supported values: 'global', 'session'."


# -- refresh_mode ------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", [cache_data, cache_resource])
def test_background_refresh_serves_the_expired_value_while_a_thread_computes(clock, kind):
    make, calls = counted(kind, ttl=60, refresh_mode="background")
    assert make(1) == 1 and calls == [1]
    clock[0] += 61  # expired, within one more ttl: served stale, refreshed in the background
    assert make(1) == 1
    wait_for(lambda: calls == [1, 1])
    time.sleep(0.05)
    make(1)
    assert calls == [1, 1]  # the refreshed entry is fresh again
    clock[0] += 121  # beyond the extra ttl: computed in the foreground
    make(1)
    assert calls == [1, 1, 1]


def test_foreground_refresh_computes_when_expired(clock):
    make, calls = counted(ttl=60)
    make(1)
    clock[0] += 61
    make(1)
    assert calls == [1, 1]


def test_a_failing_background_refresh_keeps_the_stale_value(clock, caplog):
    fails = [False]

    @cache_data(ttl=10, refresh_mode="background")
    def flaky():
        if fails[0]:
            raise RuntimeError("down")
        return "value"

    assert flaky() == "value"
    fails[0] = True
    clock[0] += 11
    assert flaky() == "value"
    wait_for(lambda: "background refresh of" in caplog.text)
    assert flaky() == "value"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"refresh_mode": "later"}, "Invalid `refresh_mode` value. Supported values: foreground, background."),
        ({"refresh_mode": "background"}, 'The `ttl` parameter is required. Set a positive `ttl` (for example `ttl="1h"`) or use `refresh_mode="foreground"`.'),
        ({"refresh_mode": "background", "ttl": 0}, 'Invalid `ttl` value. Supported values: a positive duration. Background refresh requires a positive `ttl` (for example `ttl="1h"`) or `refresh_mode="foreground"`.'),
        ({"refresh_mode": "background", "ttl": 60, "persist": "disk"}, "`refresh_mode='background'` and `persist='disk'` cannot be used together. Persisted (disk) caches do not support TTL-based expiration, which background refresh requires. Use `persist=None` with `refresh_mode=\"background\"`, or use `refresh_mode=\"foreground\"`."),
    ],
)
def test_bad_refresh_modes(options, message):
    with pytest.raises(HtstAPIException) as error:
        cache_data(**options)
    assert str(error.value) == message


# -- on_release (cache_resource) ---------------------------------------------------------------
def releasing(**options: Any) -> tuple[Any, list[Any], list[Any]]:
    released: list[Any] = []
    make, calls = counted(cache_resource, on_release=released.append, **options)
    return make, calls, released


def test_on_release_when_max_entries_evicts():
    make, _, released = releasing(max_entries=2)
    make(1), make(2), make(3)
    assert released == [1]


def test_on_release_when_an_entry_expires(clock):
    make, _, released = releasing(ttl=10)
    make(1)
    clock[0] += 11
    make(1)
    assert released == [1]


def test_on_release_on_clear():
    make, _, released = releasing()
    make(1), make(2)
    make.clear(1)
    assert released == [1]
    make.clear()
    assert released == [1, 2]
    make(3)
    cache_resource.clear()
    assert released == [1, 2, 3]


def test_on_release_when_validate_refuses_the_value():
    released: list[Any] = []
    valid = [True]

    @cache_resource(validate=lambda value: valid[0], on_release=released.append)
    def make():
        return object()

    first = make()
    valid[0] = False
    second = make()
    assert second is not first and released == [first]


def test_on_release_when_a_background_refresh_replaces_the_value(clock):
    make, calls, released = releasing(ttl=10, refresh_mode="background")
    make(1)
    clock[0] += 11
    make(1)
    wait_for(lambda: released == [1])
    assert calls == [1, 1]


def test_on_release_errors_are_logged_not_raised(caplog):
    def boom(value):
        raise RuntimeError("release failed")

    make, _ = counted(cache_resource, on_release=boom, max_entries=1)
    make(1), make(2)
    assert "on_release raised" in caplog.text


def test_on_release_must_be_a_synchronous_callable():
    async def release(value):
        pass

    with pytest.raises(HtstAPIException) as error:
        cache_resource(on_release=release)
    assert str(error.value) == (
        "The `on_release` callback of `st.cache_resource` must be a synchronous function. Async "
        "callbacks are never awaited; call the coroutine from a synchronous wrapper instead."
    )
    with pytest.raises(HtstAPIException, match="must be callable"):
        cache_resource(on_release="close")


# -- htst's own options keep working next to 1.67's --------------------------------------------
def test_htst_extensions_still_accepted():
    make, calls = counted(cache_data, validate=None, experimental_allow_widgets=False, max_size="1MB")
    make(1), make(1)
    assert calls == [1]
    with pytest.raises(HtstAPIException, match="no persist option"):
        cache_resource(persist="disk")
