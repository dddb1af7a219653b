"""Where the server spends an interaction: py-spy samples of the real waitress process.

`python bench/hotspots.py page200 --seconds 8` starts the app, drives back-to-back
interactions on one tab while `py-spy record` samples the server at 100 Hz, and prints
the functions with the largest share of samples (inclusive and self). Needs py-spy
(`pip install py-spy`); without it, falls back to cProfile around the Flask test client,
which inflates Python-call-heavy code but ranks the same hot spots.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing as mp
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import load
from server import APPS, start

FRAME_RE = re.compile(r"^(?P<func>.+?) \((?P<file>[^()]*?)(?::\d+)?\)$")
_SITE = re.compile(r"^.*?(site-packages|lib/python3\.\d+)/")
_CHECKOUT = re.compile(r"^/.*?/(?=(htst|bench)/)")


def _short(frame: str) -> str:
    m = FRAME_RE.match(frame)
    if not m:
        return frame
    path = _SITE.sub("", m.group("file")).replace(str(APPS.parent.parent) + "/", "")
    path = _CHECKOUT.sub("", path)  # another checkout's htst (--htst-src) reads the same
    return f"{m.group('func')} ({path})"


def summarize(raw: str, top: int = 40) -> dict[str, object]:
    """Inclusive and self shares of samples, by function, from py-spy's raw (collapsed) output."""
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = [_short(f) for f in stack.split(";")]
        total += n
        for f in set(frames):
            inclusive[f] += n
        own[frames[-1]] += n
    return {
        "samples": total,
        "inclusive": [(f, n / total * 100) for f, n in inclusive.most_common(top)] if total else [],
        "self": [(f, n / total * 100) for f, n in own.most_common(top)] if total else [],
    }


def children(raw: str, parent: str, top: int = 12) -> list[tuple[str, float]]:
    """Where the samples under `parent` go next: (callee or "(self)", % of all samples)."""
    under: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        total += n
        frames = [_short(f) for f in stack.split(";")]
        if parent in frames:
            i = frames.index(parent)
            under[frames[i + 1] if i + 1 < len(frames) else "(self)"] += n
    return [(f, n / total * 100) for f, n in under.most_common(top)] if total else []


RERUN = "HtstSite.rerun (htst/server/app.py)"


def find_py_spy() -> str | None:
    """py-spy on PATH, or next to this interpreter (a venv that is not activated)."""
    beside = Path(sys.executable).parent / "py-spy"
    return shutil.which("py-spy") or (str(beside) if beside.exists() else None)


def profile_server(app: str, seconds: float = 8.0, rate: int = 100, src: str | Path | None = None, sessions: int = 1) -> dict[str, object]:
    """py-spy (GIL holder) on the server while tabs interact back to back; `src`: htst
    checkout. One tab by default; `sessions` > 1 drives that many from `bench/load.py`'s
    client processes (as its throughput run does), to see where the CPU goes under load."""
    spy = find_py_spy()
    if spy is None:
        raise RuntimeError("py-spy is not installed (pip install py-spy)")
    with start(app, threads=4 if sessions == 1 else 16, src=src) as server, tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "stacks.txt"
        command = [spy, "record", "--pid", str(server.pid), "--format", "raw", "--function", "--gil", "--nonblocking",
                   "--rate", str(rate), "--duration", str(int(seconds) + 1), "--output", str(out)]
        if sessions == 1:
            steps = _one_tab(server, app, command, seconds)
        else:
            steps = _many_tabs(server, app, command, seconds, sessions)
        raw = out.read_text() if out.exists() else ""
        htst_file = server.htst_file
    result = summarize(raw)
    result["htst_file"] = htst_file
    result["interactions"] = steps
    result["rerun_children"] = children(raw, RERUN)
    result["render_children"] = children(raw, "Renderer._leaf (htst/render/html.py)")
    return result


def _one_tab(server: Any, app: str, command: list[str], seconds: float) -> int:
    tab = load.Tab(server.port)
    tab.open()
    action = load.INTERACTIONS[app](tab)
    for _ in range(100):
        action.step()
    spy_proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    steps, deadline = 0, time.monotonic() + seconds
    while time.monotonic() < deadline and steps < 100_000:
        action.step()
        steps += 1
    spy_proc.wait(timeout=seconds + 30)
    tab.close()
    return steps


def _many_tabs(server: Any, app: str, command: list[str], seconds: float, sessions: int) -> int:
    """`sessions` tabs in 4 client processes; py-spy starts once every tab is open."""
    processes = min(sessions, 4)
    shares = [sessions // processes + (1 if i < sessions % processes else 0) for i in range(processes)]
    start_at = time.time() + 2.0 + sessions * 0.01
    stop_at = start_at + seconds + 2
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    offsets = [0.0] * sessions
    procs = []
    for n in shares:
        mine, offsets = offsets[:n], offsets[n:]
        procs.append(ctx.Process(target=load._client_process, args=(server.port, app, mine, None, start_at, stop_at, 10**6, queue)))
    for p in procs:
        p.start()
    time.sleep(max(0.0, start_at - time.time()) + 0.5)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=seconds + 30)
    steps = 0
    for _ in procs:
        records, _cpu = queue.get(timeout=seconds + 120)
        steps += sum(r["clicks"] for r in records)
    for p in procs:
        p.join(10)
    return steps


def profile_in_process(app: str, count: int = 300) -> str:
    """cProfile of `count` interactions through the Flask test client (no sockets)."""
    import cProfile
    import io
    import pstats

    import htst

    client = htst.create_app(APPS / f"{app}.py").test_client()
    html = client.get("/").get_data(as_text=True)
    token = load.TOKEN_RE.search(html).group(1)  # type: ignore[union-attr]
    if app == "counter":
        wid = load.CLICK_RE.search(html).group(1)  # type: ignore[union-attr]
        fields = lambda i: {"_htst_click": wid}  # noqa: E731
    else:
        wid = load.RANGE_RE.search(html).group(1)  # type: ignore[union-attr]
        fields = lambda i: {wid: str((51 + i) % 101)}  # noqa: E731
    post = lambda i: client.post("/_htst/rerun", data={"_htst_tab": token, **fields(i)}, headers={"HX-Request": "true"})  # noqa: E731
    for i in range(50):
        post(i)
    profiler = cProfile.Profile()
    profiler.enable()
    for i in range(count):
        post(50 + i)
    profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(30)
    return text.getvalue()


def phase_breakdown(app: str, count: int = 500, time_limit: float = 30.0) -> dict[str, float]:
    """Median ms per interaction spent in each phase, in-process (Flask test client, no sockets).

    Wraps htst's phase functions with timers in this process only (htst's files are not
    touched): reading the form, running the script, rendering + diffing, and the whole
    Flask request. The rest of a request is Flask, Werkzeug and the test client.
    """
    import statistics

    import htst
    from htst.render import page as render_page
    from htst.runtime.app import AppScript
    from htst.server import app as server_app

    spent: dict[str, float] = collections.defaultdict(float)

    def timed(name: str, fn: object) -> object:
        def wrapper(*args: object, **kwargs: object) -> object:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)  # type: ignore[operator]
            finally:
                spent[name] += time.perf_counter() - t0
        return wrapper

    # htst internals move; wrap whichever of these exist (owner, attribute, label).
    phases = [
        (server_app, "read_changes", "read form"),
        (AppScript, "run", "run script"),
        (render_page, "partials", "render + diff"),
    ]
    present = [(owner, attr, label) for owner, attr, label in phases if hasattr(owner, attr)]
    originals = [(owner, attr, getattr(owner, attr)) for owner, attr, _ in present]
    client = htst.create_app(APPS / f"{app}.py").test_client()
    html = client.get("/").get_data(as_text=True)
    token = load.TOKEN_RE.search(html).group(1)  # type: ignore[union-attr]
    if app == "counter":
        wid = load.CLICK_RE.search(html).group(1)  # type: ignore[union-attr]
        fields = lambda i: {"_htst_click": wid}  # noqa: E731
    else:
        wid = load.RANGE_RE.search(html).group(1)  # type: ignore[union-attr]
        fields = lambda i: {wid: str((51 + i) % 101)}  # noqa: E731
    samples: dict[str, list[float]] = collections.defaultdict(list)
    try:
        for owner, attr, label in present:
            setattr(owner, attr, timed(label, getattr(owner, attr)))
        deadline = time.monotonic() + time_limit
        for i in range(count + 50):
            if time.monotonic() > deadline:
                break
            spent.clear()
            t0 = time.perf_counter()
            client.post("/_htst/rerun", data={"_htst_tab": token, **fields(i)}, headers={"HX-Request": "true"})
            total = time.perf_counter() - t0
            if i >= 50:
                samples["whole request"].append(total)
                samples["rest (Flask, Werkzeug, tokens, test client)"].append(total - sum(spent.values()))
                for _, _, label in present:
                    samples[label].append(spent.get(label, 0.0))
    finally:
        for owner, attr, fn in originals:
            setattr(owner, attr, fn)
    return {k: statistics.median(v) * 1e3 for k, v in samples.items()}


def print_summary(app: str, result: dict[str, object]) -> None:
    print(f"## {app}: {result['samples']} samples over {result['interactions']} interactions")
    for title in ("inclusive", "self", "rerun_children", "render_children"):
        print(f"\n{title} % of samples")
        for name, share in result[title]:  # type: ignore[attr-defined]
            print(f"{share:6.1f}  {name}")
    print()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("app", nargs="?", default="page200", choices=sorted(load.INTERACTIONS))
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--cprofile", action="store_true", help="profile in-process with cProfile instead")
    parser.add_argument("--phases", action="store_true", help="time htst's phases in-process instead")
    parser.add_argument("--htst-src", default=None, help="checkout whose htst the profiled server imports (py-spy only)")
    parser.add_argument("--sessions", type=int, default=1, help="tabs interacting at once (py-spy only; default 1)")
    args = parser.parse_args()
    if args.phases:
        for phase, ms in phase_breakdown(args.app).items():
            print(f"{ms:8.3f} ms  {phase}")
        sys.exit(0)
    if args.cprofile or find_py_spy() is None:
        print(profile_in_process(args.app))
    else:
        print_summary(args.app, profile_server(args.app, args.seconds, src=args.htst_src, sessions=args.sessions))
    sys.exit(0)
