"""Cold start: from starting the command to the first page answered, htst against Streamlit.

    python bench/cold_start.py                      # htst and Streamlit (/tmp/st-venv), 10 runs each
    python bench/cold_start.py --framework htst --runs 20
    python bench/cold_start.py --st-python /path/to/venv/bin/python

Each run starts a fresh process serving `bench/apps/counter.py` from an empty temporary
folder (HOME too, so no config.toml or secrets of the machine's user count):

- htst:      python -m htst run counter.py --server.headless true --server.address 127.0.0.1 --server.port P
- Streamlit: python -m streamlit run counter.py (the same app, `import streamlit as st`) with
  the same three flags and --browser.gatherUsageStats false

and polls `GET http://127.0.0.1:P/` every 5 ms until it answers 200; the clock runs from
just before the process is started to that answer. P is a free port chosen just before
the run. One unmeasured run first warms the OS file cache and the bytecode caches, so
the figure is a cold *process*, not a cold machine. Reports the median, min and max.

Not the same work behind the 200: htst's `GET /` runs the script and answers with the
whole page rendered; Streamlit's answers with its static HTML shell, and the script runs
later, once the browser's websocket connects. Measures and reports, never asserts.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
COUNTER = BENCH / "apps" / "counter.py"
FLAGS = ["--server.headless", "true", "--server.address", "127.0.0.1"]
POLL = 0.005  # seconds between two tries
GIVE_UP = 60.0  # seconds: a server that takes longer is reported as broken


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def command(framework: str, python: str, app: Path, port: int) -> list[str]:
    flags = [*FLAGS, "--server.port", str(port)]
    if framework == "streamlit":
        return [python, "-m", "streamlit", "run", str(app), *flags, "--browser.gatherUsageStats", "false"]
    return [python, "-m", "htst", "run", str(app), *flags]


def answered(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            response.read()
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


def one_start(framework: str, python: str, folder: Path, app: Path) -> float:
    """Seconds from starting the server process to its first 200 on `GET /`."""
    port = free_port()
    env = {**os.environ, "HOME": str(folder)}
    # Bytecode caches as a user's machine has them: pip compiles an installed package's,
    # and a checkout's are written by the unmeasured first start (this sandbox sets
    # PYTHONDONTWRITEBYTECODE, which left htst compiling every module on every start).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if framework == "htst":
        env["PYTHONPATH"] = str(ROOT)  # this checkout's htst
    began = time.perf_counter()
    proc = subprocess.Popen(command(framework, python, app, port), cwd=folder, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/"
        while not answered(url):
            if proc.poll() is not None:
                raise RuntimeError(f"{framework} exited: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            if time.perf_counter() - began > GIVE_UP:
                raise RuntimeError(f"{framework} did not answer within {GIVE_UP:.0f} s")
            time.sleep(POLL)
        return time.perf_counter() - began
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def measure(framework: str, python: str, runs: int) -> list[float]:
    with tempfile.TemporaryDirectory(prefix=f"cold-{framework}-") as tmp:
        folder = Path(tmp)
        app = folder / "counter.py"
        source = COUNTER.read_text(encoding="utf-8")
        if framework == "streamlit":
            source = source.replace("import htst as st", "import streamlit as st")
        app.write_text(source, encoding="utf-8")
        one_start(framework, python, folder, app)  # warm-up, not counted
        return [one_start(framework, python, folder, app) for _ in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--framework", choices=["both", "htst", "streamlit"], default="both")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--htst-python", default=sys.executable)
    parser.add_argument("--st-python", default="/tmp/st-venv/bin/python")
    args = parser.parse_args()
    frameworks = ["htst", "streamlit"] if args.framework == "both" else [args.framework]
    print(f"| framework | cold start, median of {args.runs} | min | max |")
    print("| --- | --- | --- | --- |")
    for framework in frameworks:
        python = args.st_python if framework == "streamlit" else args.htst_python
        if framework == "streamlit" and not Path(python).exists():
            print(f"| Streamlit | skipped: no {python} | | |")
            continue
        times = [t * 1000 for t in measure(framework, python, args.runs)]
        print(f"| {framework} | **{statistics.median(times):.0f} ms** | {min(times):.0f} ms | {max(times):.0f} ms |", flush=True)


if __name__ == "__main__":
    main()
