"""Entries that outlive a process: `persist="disk"` and a Redis `server.cacheStore`.

Each scenario runs fresh Python processes (caches are per process) with HOME in
`tmp_path`, so the disk cache lands in `tmp_path/.htst/cache` and nothing of the
developer's is read or deleted.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PERSISTED = """
import sys
from htst.caching.cached import cache_data

@cache_data(persist="disk")
def double(x):
    print("computed", flush=True)
    return {"double": x * 2}

print("result", double(21)["double"])
"""

# An app whose cache_data entry lives in server.cacheStore, served by create_app in a
# process of its own (argv: script, store URL).
SERVE_ONCE = """
import sys
import htst

app = htst.create_app(sys.argv[1], **{"server.cacheStore": sys.argv[2]})
app.testing = True
page = app.test_client().get("/").get_data(as_text=True)
print("shown", "answer is 42" in page)
"""

SHARED_APP = """
import htst as st

@st.cache_data
def answer():
    print("computed", flush=True)
    return 42

st.write(f"answer is {answer()}")
"""


def python(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(
        [sys.executable, *args],
        check=False,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done


def write(tmp_path: Path, name: str, source: str) -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return str(path)


# -- persist="disk" -------------------------------------------------------------------------
def test_persisted_entry_survives_a_new_process(tmp_path):
    script = write(tmp_path, "persisted.py", PERSISTED)
    first = python(tmp_path, script)
    assert first.stdout.split("\n")[:2] == ["computed", "result 42"]
    assert any((tmp_path / ".htst" / "cache").iterdir()), "nothing was written to the disk cache"
    second = python(tmp_path, script)
    assert second.stdout == "result 42\n"  # a hit: the function did not run


def test_htst_cache_clear_empties_the_disk_cache(tmp_path):
    script = write(tmp_path, "persisted.py", PERSISTED)
    python(tmp_path, script)
    cleared = python(tmp_path, "-m", "htst", "cache", "clear")
    assert "Cleared the disk cache" in cleared.stdout
    assert not (tmp_path / ".htst" / "cache").exists()
    assert python(tmp_path, script).stdout.startswith("computed\n")


# -- a shared Redis store -------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A throwaway redis-server on 127.0.0.1 (no persistence), stopped after the test."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("the shared cache store tests need redis-server (apt-get install redis-server)")
    pytest.importorskip(
        "redis", reason='the shared cache store needs the redis package ("htst[redis]")'
    )
    import redis

    port = free_port()
    process = subprocess.Popen(
        [
            server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(host="127.0.0.1", port=port)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("redis-server did not start")
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=10)


def test_two_processes_share_a_cache_data_entry(tmp_path, redis_url):
    serve = write(tmp_path, "serve_once.py", SERVE_ONCE)
    app = write(tmp_path, "app.py", SHARED_APP)
    first = python(tmp_path, serve, app, redis_url)
    assert first.stdout == "computed\nshown True\n"
    second = python(tmp_path, serve, app, redis_url)
    assert second.stdout == "shown True\n"  # the entry came from Redis


def test_use_shared_store_in_two_processes(tmp_path, redis_url):
    script = write(
        tmp_path,
        "shared.py",
        """
        import sys
        from htst.caching.cached import cache_data, use_shared_store

        use_shared_store(sys.argv[1])

        @cache_data
        def double(x):
            print("computed", flush=True)
            return x * 2

        print("result", double(21))
        """,
    )
    assert python(tmp_path, script, redis_url).stdout == "computed\nresult 42\n"
    assert python(tmp_path, script, redis_url).stdout == "result 42\n"


def test_htst_cache_clear_empties_the_shared_store(tmp_path, redis_url):
    serve = write(tmp_path, "serve_once.py", SERVE_ONCE)
    app = write(tmp_path, "app.py", SHARED_APP)
    python(tmp_path, serve, app, redis_url)
    cleared = python(tmp_path, "-m", "htst", "cache", "clear", "--server.cacheStore", redis_url)
    assert "the shared cache (127.0.0.1)" in cleared.stdout
    assert python(tmp_path, serve, app, redis_url).stdout == "computed\nshown True\n"


def test_a_value_of_a_script_class_is_recomputed_in_another_process(tmp_path, redis_url):
    """The script's classes live in its run, not in an importable module: another process
    cannot load such a value, so it treats the entry as a miss instead of failing."""
    serve = write(tmp_path, "serve_once.py", SERVE_ONCE)
    app = write(
        tmp_path,
        "app.py",
        """
        import dataclasses
        import htst as st

        @dataclasses.dataclass
        class Answer:
            value: int

        @st.cache_data
        def answer():
            print("computed", flush=True)
            return Answer(42)

        st.write(f"answer is {answer().value}")
        """,
    )
    assert python(tmp_path, serve, app, redis_url).stdout == "computed\nshown True\n"
    assert python(tmp_path, serve, app, redis_url).stdout == "computed\nshown True\n"
