"""What one session costs on widgets100 (100 markdown lines + 100 widgets), htst against Streamlit.

    python bench/session_cost.py                          # htst and Streamlit, everything (~7 min)
    python bench/session_cost.py --framework htst         # htst only (~2.5 min)
    python bench/session_cost.py --htst-src ../other-checkout --framework htst
    python bench/session_cost.py --what memory,cpu        # skip the load runs
    python bench/session_cost.py --quick                  # fewer changes, 3 s load runs
    python bench/session_cost.py --what memory,cpu,load,profile   # + py-spy on htst's server
    python bench/session_cost.py --framework streamlit --st-config stock,tuned --levels 10
    python bench/session_cost.py --framework streamlit --what load --levels 200 --st-seconds 120

For each framework, on `bench/apps/widgets100.py`:

- **memory**: server RSS growth after 200 fresh sessions ÷ 200 (KiB). htst: `GET /` with a
  new connection and no cookie each (20 warm-up tabs first). Streamlit: a websocket
  session that ran the script once and stays open, idle (20 warm-up sessions first, also
  kept open). For htst also tracemalloc's Python-heap growth per session in-process
  (Flask test client, no cookies kept), with the 10 largest allocation sites.
- **cpu**: one session changes the first slider back to back: process CPU time of the
  server (`/proc/<pid>/stat`, all threads) over N changes ÷ N, and the round trip's
  p50/p99. htst: 100 warm-up, N = 1000; Streamlit: 30 warm-up, N = 300 (it is ~20–50×
  slower). Every answer must show the new value in the echo line.
- **load**: 10 and 200 sessions, threads spread over up to 4 client processes, each
  changing its first slider back to back for 10 s (all sessions are opened first; the
  clock starts when every client process reports READY). Changes/s and per-session
  progress count the changes *completed* inside the window; p50/p99 cover every change
  measured (those in flight at the end included). Per-session progress: min, max and
  max/min of the changes each session completed. Every answer must show that session's
  new value.

htst's server is `bench/server.py` (htst's `make_server`, waitress, 16 threads) importing
htst from `--htst-src` (default: this checkout) under `--htst-python` (default: this
interpreter; it needs htst's dependencies). Streamlit 1.67 runs as
`python -m streamlit run widgets100.py --server.headless true --server.address 127.0.0.1
--server.port P --browser.gatherUsageStats false` ("stock") under `--st-python`
(default /tmp/st-venv/bin/python, a venv with streamlit==1.67.0 and websockets); "tuned"
adds `--runner.postScriptGC false --server.fileWatcherType none`. The Streamlit client is
`bench/streamlit_client.py`.

Prints a markdown report and writes `bench/results/session_cost-latest.{md,json}` (and a
time-stamped JSON). It measures and reports, never asserts. Every loop is bounded in
count and time; every socket is on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import load
from server import APPS, ROOT, cpu_seconds, machine_busy_seconds, rss_bytes, start

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"
APP = APPS / "widgets100.py"
ST_CLIENT = BENCH / "streamlit_client.py"
ST_FLAGS = {
    "stock": ["--server.headless", "true", "--browser.gatherUsageStats", "false"],
    "tuned": ["--server.headless", "true", "--browser.gatherUsageStats", "false",
              "--runner.postScriptGC", "false", "--server.fileWatcherType", "none"],
}


# -- htst client -------------------------------------------------------------------
HtstSlider = load.Slider100  # moves s0; the answer must carry "<p>Level is N</p>" with the new N


def htst_memory(port: int, pid: int, sessions: int = 200, warmup: int = 20, settle: float = 1.0) -> dict[str, Any]:
    for _ in range(warmup):
        tab = load.Tab(port)
        tab.open()
        tab.close()
    time.sleep(settle)
    before = rss_bytes(pid)
    for _ in range(sessions):
        tab = load.Tab(port)  # a new connection without a cookie: a new session
        tab.open()
        tab.close()
    time.sleep(settle)
    after = rss_bytes(pid)
    return {"sessions": sessions, "rss_before_mb": before / 2**20, "rss_after_mb": after / 2**20,
            "per_session_kib": (after - before) / sessions / 1024}


def htst_traced(sessions: int = 200, top: int = 10, src: str | None = None) -> dict[str, Any]:
    """In this process: tracemalloc's Python-heap growth over `sessions` fresh tabs, and where."""
    import gc
    import tracemalloc

    if src:
        sys.path.insert(0, str(Path(src).resolve()))  # before this checkout, which load.py added
    import htst

    src = Path(htst.__file__).resolve().parent.parent
    flask_app = htst.create_app(APP)
    client = flask_app.test_client(use_cookies=False)  # every GET is a new cookie's session
    for _ in range(20):
        assert client.get("/").status_code == 200
    time.sleep(0.2)
    gc.collect()
    tracemalloc.start(1)
    before = tracemalloc.take_snapshot()
    before_size = tracemalloc.get_traced_memory()[0]
    for _ in range(sessions):
        client.get("/")
    time.sleep(0.2)  # let run threads finish
    gc.collect()
    after_size = tracemalloc.get_traced_memory()[0]
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    filters = [tracemalloc.Filter(False, tracemalloc.__file__)]
    stats = after.filter_traces(filters).compare_to(before.filter_traces(filters), "lineno")
    stats.sort(key=lambda s: s.size_diff, reverse=True)
    files = after.filter_traces(filters).compare_to(before.filter_traces(filters), "filename")
    files.sort(key=lambda s: s.size_diff, reverse=True)

    def where(frame: Any) -> str:
        name = frame.filename
        for prefix in (str(src) + "/", ):
            if name.startswith(prefix):
                name = name[len(prefix):]
        name = re.sub(r"^.*?(site-packages|lib/python3\.\d+)/", "", name)
        return f"{name}:{frame.lineno}"

    return {
        "htst": str(src),
        "sessions": sessions,
        "per_session_kib": (after_size - before_size) / sessions / 1024,
        "top": [
            {"site": where(s.traceback[0]), "kib_per_session": s.size_diff / sessions / 1024,
             "blocks_per_session": s.count_diff / sessions}
            for s in stats[:top]
        ],
        "top_files": [
            {"file": where(s.traceback[0]).rsplit(":", 1)[0], "kib_per_session": s.size_diff / sessions / 1024}
            for s in files[:top]
        ],
    }


def htst_worker(port: int, sessions: int, ready_timeout: float) -> dict[str, Any]:
    """Client process for the load runs (same protocol as streamlit_client.py's worker)."""
    opened: list[HtstSlider | None] = [None] * sessions
    errors: list[str] = []
    t_open = time.monotonic()
    for i in range(sessions):
        try:
            tab = load.Tab(port, timeout=ready_timeout)
            tab.open()
            opened[i] = HtstSlider(tab)
        except Exception as exc:
            errors.append(repr(exc))
    print(f"READY {sum(1 for o in opened if o)} {time.monotonic() - t_open:.1f}", flush=True)
    line = sys.stdin.readline().split()
    start_at, stop_at = float(line[1]), float(line[2])
    records: list[dict[str, Any]] = [{} for _ in range(sessions)]

    def run(i: int) -> None:
        action = opened[i]
        rec: dict[str, Any] = {"times": [], "done_at": [], "errors": 0, "mismatches": 0}
        records[i] = rec
        if action is None:
            rec["errors"] = 1
            return
        try:
            time.sleep(max(0.0, start_at - time.time()))
            while time.time() < stop_at and action.clicks < 10**6:
                rec["times"].append(action.step().seconds)
                rec["done_at"].append(time.time())
        except Exception as exc:
            rec["errors"] += 1
            rec["error"] = repr(exc)
        rec["mismatches"] = action.mismatches
        rec["clicks"] = action.clicks

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(sessions)]
    for t in threads:
        t.start()
    time.sleep(max(0.0, start_at - time.time()))
    cpu0 = time.process_time()
    time.sleep(max(0.0, stop_at - time.time()))
    cpu1 = time.process_time()
    for t in threads:
        t.join(timeout=max(1.0, stop_at - time.time()) + 90)
    for o in opened:
        if o:
            o.tab.close()
    return {"records": records, "client_cpu": cpu1 - cpu0, "open_errors": errors}


# -- servers -----------------------------------------------------------------------
class StServer:
    def __init__(self, proc: subprocess.Popen, port: int, log: Path, config: str):
        self.proc, self.port, self.log, self.config = proc, port, log, config

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.unlink(missing_ok=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_streamlit(st_python: str, config: str, timeout: float = 60.0) -> StServer:
    port = free_port()
    log = Path(f"/tmp/st-bench-{os.getpid()}-{port}.log")
    env = dict(os.environ, BENCH_FRAMEWORK="streamlit")
    with log.open("w") as out:
        proc = subprocess.Popen(
            [st_python, "-m", "streamlit", "run", str(APP), "--server.address", "127.0.0.1",
             "--server.port", str(port), *ST_FLAGS[config]],
            cwd=str(APPS), env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return StServer(proc, port, log, config)
        except OSError:
            time.sleep(0.3)
    text = log.read_text(errors="replace")[-2000:]
    proc.kill()
    proc.wait(5)
    raise RuntimeError(f"streamlit did not start within {timeout} s: {text}")


def st_client(st_python: str, args: list[str], timeout: float) -> dict[str, Any]:
    out = subprocess.run([st_python, str(ST_CLIENT), *args], capture_output=True, text=True, timeout=timeout, cwd=str(BENCH))
    if out.returncode != 0:
        raise RuntimeError(f"streamlit_client {args[0]} failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- the load run, either framework -------------------------------------------------
def load_run(pid: int, worker_cmd: list[str], sessions: int, seconds: float, ready_timeout: float, processes: int = 4) -> dict[str, Any]:
    """`sessions` sessions in up to `processes` client processes (`worker_cmd + --sessions n`)."""
    processes = min(processes, sessions)
    shares = [sessions // processes + (1 if i < sessions % processes else 0) for i in range(processes)]
    procs = [subprocess.Popen(worker_cmd + ["--sessions", str(n), "--time-limit", str(ready_timeout)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(BENCH))
             for n in shares]
    ready: list[str | None] = [None] * len(procs)

    def wait_ready(i: int) -> None:
        ready[i] = procs[i].stdout.readline()  # type: ignore[union-attr]

    t_open = time.monotonic()
    waiters = [threading.Thread(target=wait_ready, args=(i,), daemon=True) for i in range(len(procs))]
    for w in waiters:
        w.start()
    for w in waiters:
        w.join(max(1.0, ready_timeout + 30 - (time.monotonic() - t_open)))
    open_seconds = time.monotonic() - t_open
    if not all(r and r.startswith("READY") for r in ready):
        for p in procs:
            p.kill()
        errs = [p.stderr.read()[-1000:] for p in procs]  # type: ignore[union-attr]
        raise RuntimeError(f"client processes not ready: {ready} {errs}")
    opened = sum(int(r.split()[1]) for r in ready if r)
    start_at = time.time() + 1.0
    stop_at = start_at + seconds
    for p in procs:
        p.stdin.write(f"GO {start_at} {stop_at}\n")  # type: ignore[union-attr]
        p.stdin.flush()  # type: ignore[union-attr]
    time.sleep(max(0.0, start_at - time.time()))
    cpu0, busy0, t0 = cpu_seconds(pid), machine_busy_seconds(), time.perf_counter()
    time.sleep(max(0.0, stop_at - time.time()))
    cpu1, busy1, wall = cpu_seconds(pid), machine_busy_seconds(), time.perf_counter() - t0
    rss = rss_bytes(pid)
    records: list[dict[str, Any]] = []
    client_cpu = 0.0
    open_errors: list[str] = []
    for p in procs:
        out, err = p.communicate(timeout=seconds + 200)
        lines = out.strip().splitlines()
        if p.returncode != 0 or not lines:
            raise RuntimeError(f"client process failed: {err[-2000:]}")
        got = json.loads(lines[-1])
        records.extend(got["records"])
        client_cpu += got["client_cpu"]
        open_errors += got["open_errors"]
    times = [t for r in records for t in r.get("times", [])]
    progress = [sum(1 for d in r.get("done_at", []) if d <= stop_at) for r in records]
    done = sum(progress)
    lo, hi = (min(progress), max(progress)) if progress else (0, 0)
    other = (busy1 - busy0) - (cpu1 - cpu0) - client_cpu
    return {
        "sessions": sessions,
        "sessions_opened": opened,
        "open_seconds": open_seconds,
        "client_processes": len(procs),
        "seconds": seconds,
        "changes_in_window": done,
        "changes_measured": len(times),
        "per_s": done / wall,
        "p50_ms": load.percentile(times, 50) * 1e3 if times else float("nan"),
        "p99_ms": load.percentile(times, 99) * 1e3 if times else float("nan"),
        "max_ms": max(times) * 1e3 if times else float("nan"),
        "per_session_min": lo,
        "per_session_max": hi,
        "per_session_median": statistics.median(progress) if progress else 0,
        "max_over_min": hi / lo if lo else float("inf"),
        "sessions_without_progress": sum(1 for n in progress if n == 0),
        "server_cores": (cpu1 - cpu0) / wall,
        "server_cpu_ms": (cpu1 - cpu0) / max(1, done) * 1e3,
        "client_cores": client_cpu / wall,
        "other_load_cores": max(0.0, other / wall),
        "mismatches": sum(r.get("mismatches", 0) for r in records),
        "errors": sum(r.get("errors", 0) for r in records) + len(open_errors),
        "error_sample": next((r["error"] for r in records if "error" in r), open_errors[0] if open_errors else None),
        "rss_mb": rss / 2**20,
    }


# -- per framework -------------------------------------------------------------------
def wait_quiet(limit: float) -> float:
    from run_all import wait_for_quiet

    return wait_for_quiet(limit) if limit > 0 else 0.0


def measure_htst(opts: argparse.Namespace, whats: list[str], levels: list[int], log: Any) -> dict[str, Any]:
    src = Path(opts.htst_src).resolve()
    env = dict(os.environ, PYTHONPATH=str(src) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out: dict[str, Any] = {"src": str(src), "commit": commit_of(src), "htst_files": []}
    log(f"htst from {src} ({out['commit']})")

    def serving(server: Any) -> Any:
        """Record which htst the server imported (it reports `htst.__file__` when ready)."""
        if server.htst_file not in out["htst_files"]:
            out["htst_files"].append(server.htst_file)
            log(f"   server imported {server.htst_file}")
        return server
    if "memory" in whats:
        out["quiet_memory"] = wait_quiet(opts.quiet)
        log(f"… htst memory (rest of machine {out['quiet_memory']:.2f} cores)")
        with serving(start(APP, src=src, python=opts.htst_python)) as server:
            out["memory"] = htst_memory(server.port, server.pid, opts.sessions)
        log("… htst tracemalloc")
        traced = subprocess.run([opts.htst_python, str(Path(__file__).resolve()), "_traced", "--sessions", str(opts.sessions),
                                 "--src", str(src)],
                                capture_output=True, text=True, env=env, timeout=600, cwd=str(BENCH))
        if traced.returncode != 0:
            out["traced"] = {"error": traced.stderr[-2000:]}
        else:
            out["traced"] = json.loads(traced.stdout.strip().splitlines()[-1])
    if "cpu" in whats:
        out["quiet_cpu"] = wait_quiet(opts.quiet)
        log(f"… htst cpu (rest of machine {out['quiet_cpu']:.2f} cores)")
        with serving(start(APP, src=src, python=opts.htst_python)) as server:
            tab = load.Tab(server.port)
            tab.open()
            out["cpu"] = load.interactions(server, HtstSlider(tab), opts.count, opts.warmup, time_limit=120.0)
            tab.close()
    if "load" in whats:
        for n in levels:
            out[f"quiet_load_{n}"] = wait_quiet(opts.quiet)
            log(f"… htst load, {n} sessions (rest of machine {out[f'quiet_load_{n}']:.2f} cores)")
            with serving(start(APP, src=src, python=opts.htst_python)) as server:
                cmd = [sys.executable, str(Path(__file__).resolve()), "_htst_worker", "--port", str(server.port)]
                out[f"load_{n}"] = load_run(server.pid, cmd, n, opts.seconds, ready_timeout=120.0)
                out[f"load_{n}"]["server_log"] = server.log_tail(500)
    if "profile" in whats:
        import hotspots

        out["quiet_profile"] = wait_quiet(opts.quiet)
        log(f"… htst py-spy profile (rest of machine {out['quiet_profile']:.2f} cores)")
        try:
            out["profile"] = hotspots.profile_server("widgets100", opts.profile_seconds, src=src)
        except Exception as exc:  # py-spy missing or not allowed to attach
            out["profile"] = {"error": repr(exc)}
    return out


def measure_streamlit(opts: argparse.Namespace, config: str, whats: list[str], levels: list[int], log: Any) -> dict[str, Any]:
    version = subprocess.run([opts.st_python, "-c", "import streamlit; print(streamlit.__version__)"],
                             capture_output=True, text=True, timeout=120, cwd="/tmp").stdout.strip()
    out: dict[str, Any] = {"version": version, "config": config, "flags": ST_FLAGS[config]}
    log(f"streamlit {version} ({config})")
    if "memory" in whats:
        out["quiet_memory"] = wait_quiet(opts.quiet)
        log(f"… streamlit {config} memory (rest of machine {out['quiet_memory']:.2f} cores)")
        server = start_streamlit(opts.st_python, config)
        try:
            out["memory"] = st_client(opts.st_python, ["memory", "--port", str(server.port), "--pid", str(server.pid),
                                                       "--sessions", str(opts.sessions), "--warmup", "20"], timeout=900)
        finally:
            server.stop()
    if "cpu" in whats:
        out["quiet_cpu"] = wait_quiet(opts.quiet)
        log(f"… streamlit {config} cpu (rest of machine {out['quiet_cpu']:.2f} cores)")
        server = start_streamlit(opts.st_python, config)
        try:
            out["cpu"] = st_client(opts.st_python, ["rtt", "--port", str(server.port), "--pid", str(server.pid),
                                                    "--count", str(opts.st_count), "--warmup", str(opts.st_warmup),
                                                    "--time-limit", "180"], timeout=600)
        finally:
            server.stop()
    if "load" in whats:
        for n in levels:
            out[f"quiet_load_{n}"] = wait_quiet(opts.quiet)
            log(f"… streamlit {config} load, {n} sessions (rest of machine {out[f'quiet_load_{n}']:.2f} cores)")
            server = start_streamlit(opts.st_python, config)
            try:
                cmd = [opts.st_python, str(ST_CLIENT), "worker", "--port", str(server.port)]
                out[f"load_{n}"] = load_run(server.pid, cmd, n, opts.st_seconds or opts.seconds, ready_timeout=400.0)
            finally:
                server.stop()
    return out


def commit_of(src: Path) -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=src, capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "htst", "templates", "static"], cwd=src,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"
    return (head or "?") + (" + uncommitted changes" if dirty else "")


# -- report ----------------------------------------------------------------------------
def _ms(x: float) -> str:
    if x != x:
        return "–"
    return f"{x:.2f} ms" if x < 10 else f"{x:.1f} ms" if x < 1000 else f"{x / 1000:.2f} s"


def report(results: dict[str, Any], levels: list[int]) -> str:
    cols = [k for k in results["frameworks"]]
    head = {"htst": f"htst ({results['frameworks']['htst']['commit']})" if "htst" in results["frameworks"] else "htst"}

    def title(c: str) -> str:
        r = results["frameworks"][c]
        return head.get(c) or f"Streamlit {r['version']} {r['config']}"

    def cell(c: str, fn: Any) -> str:
        try:
            return fn(results["frameworks"][c])
        except (KeyError, TypeError, ZeroDivisionError):
            return "–"

    rows: list[tuple[str, Any]] = [
        ("memory per idle session, RSS", lambda r: f"{r['memory']['per_session_kib']:.0f} KiB"),
        ("memory per idle session, Python heap (tracemalloc)", lambda r: f"{r['traced']['per_session_kib']:.0f} KiB"),
        ("server CPU per slider change", lambda r: _ms(r["cpu"]["server_cpu_ms"])),
        ("round trip p50 / p99", lambda r: f"{_ms(r['cpu']['p50_ms'])} / {_ms(r['cpu']['p99_ms'])}"),
        ("bytes answered per change", lambda r: f"{r['cpu']['body_bytes'] + r['cpu']['header_bytes']:.0f} B" if "body_bytes" in r["cpu"]
         else f"{r['cpu']['bytes_in']:,} B ({r['cpu']['deltas']} deltas)"),
        ("bytes sent per change", lambda r: f"{r['cpu'].get('request_bytes', r['cpu'].get('bytes_out')):.0f} B"),
        ("changes timed (wrong answers)", lambda r: f"{r['cpu']['interactions']} ({r['cpu']['mismatches']})"),
        ("rest of machine during the CPU run", lambda r: f"{r['cpu']['other_load_cores']:.2f} cores"),
    ]
    for n in levels:
        rows += [
            (f"{n} sessions: changes/s", lambda r, n=n: f"{r[f'load_{n}']['per_s']:.0f}/s"),
            (f"{n} sessions: p50 / p99", lambda r, n=n: f"{_ms(r[f'load_{n}']['p50_ms'])} / {_ms(r[f'load_{n}']['p99_ms'])}"),
            (f"{n} sessions: per-session changes min–max (max/min)", lambda r, n=n: (
                f"{r[f'load_{n}']['per_session_min']}–{r[f'load_{n}']['per_session_max']} "
                f"({r[f'load_{n}']['max_over_min']:.1f})")),
            (f"{n} sessions: server cores, CPU per change", lambda r, n=n: (
                f"{r[f'load_{n}']['server_cores']:.2f}, {_ms(r[f'load_{n}']['server_cpu_ms'])}")),
            (f"{n} sessions: wrong answers / errors", lambda r, n=n: f"{r[f'load_{n}']['mismatches']} / {r[f'load_{n}']['errors']}"),
            (f"{n} sessions: client cores / rest of machine", lambda r, n=n: (
                f"{r[f'load_{n}']['client_cores']:.2f} / {r[f'load_{n}']['other_load_cores']:.2f}")),
        ]
    lines = [
        f"widgets100 (`bench/apps/widgets100.py`), {results['date']}, {results['machine']}.",
        "",
        "| figure | " + " | ".join(title(c) for c in cols) + " |",
        "| --- |" + " --- |" * len(cols),
    ]
    for label, fn in rows:
        cells = [cell(c, fn) for c in cols]
        if any(x != "–" for x in cells):
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    traced = results["frameworks"].get("htst", {}).get("traced", {})
    if traced.get("top"):
        lines += ["", f"htst, Python heap per idle session: {traced['per_session_kib']:.1f} KiB; largest allocation sites:", "",
                  "| site | KiB per session | blocks per session |", "| --- | --- | --- |"]
        lines += [f"| `{t['site']}` | {t['kib_per_session']:.1f} | {t['blocks_per_session']:.0f} |" for t in traced["top"]]
        lines += ["", "By file: " + ", ".join(f"`{t['file']}` {t['kib_per_session']:.1f}" for t in traced.get("top_files", [])) + " (KiB per session)."]
    elif traced.get("error"):
        lines += ["", f"htst tracemalloc failed: {traced['error'][-300:]}"]
    prof = results["frameworks"].get("htst", {}).get("profile")
    if prof and "error" in prof:
        lines += ["", f"py-spy: could not profile: {prof['error']}"]
    elif prof:
        lines += ["", f"htst server under py-spy (`--gil`, 100 Hz; {prof['samples']} samples over {prof['interactions']} "
                  "back-to-back slider changes), share of samples:", "",
                  "| inclusive % | function | | self % | function |", "| --- | --- | --- | --- | --- |"]
        # Thread start-up frames are in every sample; they say nothing.
        plumbing = ("(threading.py)", "(concurrent/futures/thread.py)")
        inclusive = [(f, x) for f, x in prof["inclusive"] if not f.endswith(plumbing)]
        for (fi, si), (fs, ss) in zip(inclusive[:25], prof["self"][:25]):
            lines.append(f"| {si:.1f} | `{fi}` | | {ss:.1f} | `{fs}` |")
        lines += ["", "What `HtstSite.rerun` calls (% of all samples): "
                  + ", ".join(f"`{f}` {share:.1f}" for f, share in prof["rerun_children"])]
    return "\n".join(lines)


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--framework", default="htst,streamlit", help="htst, streamlit or both (comma-separated)")
    parser.add_argument("--what", default="memory,cpu,load", help="any of memory, cpu, load, profile (htst only; py-spy)")
    parser.add_argument("--htst-src", default=str(ROOT), help="checkout whose htst the server imports (first on PYTHONPATH)")
    parser.add_argument("--htst-python", default=sys.executable, help="interpreter with htst's dependencies")
    parser.add_argument("--st-python", default="/tmp/st-venv/bin/python", help="interpreter with streamlit 1.67 and websockets")
    parser.add_argument("--st-config", default="stock", help="stock, tuned or both (comma-separated)")
    parser.add_argument("--levels", default="10,200", help="concurrent sessions for the load runs")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each load run")
    parser.add_argument("--st-seconds", type=float, default=None, help="Streamlit's load runs, if not --seconds")
    parser.add_argument("--profile-seconds", type=float, default=8.0, help="py-spy sampling time (--what ...,profile)")
    parser.add_argument("--sessions", type=int, default=200, help="fresh sessions for the memory figures")
    parser.add_argument("--count", type=int, default=1000, help="htst: timed slider changes")
    parser.add_argument("--warmup", type=int, default=100, help="htst: warm-up slider changes")
    parser.add_argument("--st-count", type=int, default=300, help="Streamlit: timed slider changes")
    parser.add_argument("--st-warmup", type=int, default=30, help="Streamlit: warm-up slider changes")
    parser.add_argument("--quiet", type=float, default=20.0, help="wait up to this long for the machine to be quiet before each step")
    parser.add_argument("--quick", action="store_true", help="300/100 changes, 3 s load runs")
    parser.add_argument("--tag", default="", help="suffix for the result files")
    args = parser.parse_args()
    if args.quick:
        args.count, args.warmup, args.st_count, args.st_warmup, args.seconds = 300, 50, 100, 10, 3.0
    whats = [w for w in args.what.split(",") if w]
    levels = [int(x) for x in args.levels.split(",") if x]
    frameworks = [f for f in args.framework.split(",") if f]

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines() if ln.startswith("model name")), "?")
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "machine": f"{os.cpu_count()} × {cpu}, Python {sys.version.split()[0]}",
        "args": vars(args),
        "frameworks": {},
    }
    if "htst" in frameworks:
        results["frameworks"]["htst"] = measure_htst(args, whats, levels, log)
    if "streamlit" in frameworks:
        for config in [c for c in args.st_config.split(",") if c]:
            results["frameworks"][f"streamlit-{config}"] = measure_streamlit(args, config, whats, levels, log)
    text = report(results, levels)
    RESULTS.mkdir(exist_ok=True)
    tag = f"-{args.tag}" if args.tag else ""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"session_cost{tag}-{stamp}.json").write_text(json.dumps(results, indent=1, default=str))
    (RESULTS / f"session_cost{tag}-latest.json").write_text(json.dumps(results, indent=1, default=str))
    (RESULTS / f"session_cost{tag}-latest.md").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_traced":
        p = argparse.ArgumentParser()
        p.add_argument("_cmd")
        p.add_argument("--sessions", type=int, default=200)
        p.add_argument("--src", default=None)
        a = p.parse_args()
        print(json.dumps(htst_traced(a.sessions, src=a.src)))
    elif len(sys.argv) > 1 and sys.argv[1] == "_htst_worker":
        p = argparse.ArgumentParser()
        p.add_argument("_cmd")
        p.add_argument("--port", type=int, required=True)
        p.add_argument("--sessions", type=int, required=True)
        p.add_argument("--time-limit", type=float, default=120.0)
        a = p.parse_args()
        print(json.dumps(htst_worker(a.port, a.sessions, a.time_limit)))
    else:
        main()
