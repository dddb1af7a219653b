"""Run every htst benchmark and print one markdown report (targets from DESIGN.md §5 beside).

    python bench/run_all.py                 # everything, about 3 minutes
    python bench/run_all.py --quick         # fewer interactions, 3 s per load level
    python bench/run_all.py --profile       # also sample the server with py-spy

Writes the report and the raw figures to bench/results/ (git-ignored). It measures and
reports; it never fails because a figure misses its target.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import apptest_timing
import load
from server import ROOT, machine_busy_seconds

RESULTS = Path(__file__).resolve().parent / "results"


def wait_for_quiet(limit: float = 60.0, threshold: float = 0.3) -> float:
    """Wait (at most `limit` s) until the rest of the machine uses < `threshold` cores; return that load."""
    deadline = time.monotonic() + limit
    while True:
        b0, t0 = machine_busy_seconds(), time.monotonic()
        time.sleep(1.0)
        load_now = (machine_busy_seconds() - b0) / (time.monotonic() - t0)
        if load_now < threshold or time.monotonic() > deadline:
            return load_now


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for name in ("flask", "werkzeug", "jinja2", "waitress", "markdown-it-py"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "-"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "htst", "templates", "static"], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip())
    except (OSError, subprocess.SubprocessError):
        commit, dirty = "?", False
    import os

    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "kernel": platform.release(),
        "versions": versions,
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }


def run(quick: bool, profile: bool, levels: list[int]) -> dict[str, Any]:
    out: dict[str, Any] = {"machine": machine(), "quiet": {}}
    count = 500 if quick else 2000
    seconds = 3.0 if quick else 10.0

    def step(name: str, fn: Any, internal: bool = False) -> Any:
        """Run one measurement; `internal` ones reach into htst's code and may break as it moves."""
        out["quiet"][name] = wait_for_quiet(10 if quick else 60)
        print(f"… {name} (rest of machine: {out['quiet'][name]:.2f} cores)", file=sys.stderr, flush=True)
        try:
            value = fn()
        except Exception as exc:
            if not internal:
                raise
            print(f"   {name} failed: {exc!r}", file=sys.stderr, flush=True)
            value = {"error": repr(exc)}
        out[name] = value
        return value

    repeats = 1 if quick else 3
    step("rtt_counter", lambda: load.round_trips_repeated("counter", count, repeats))
    step("rtt_page200", lambda: load.round_trips_repeated("page200", count, repeats))
    step("first_counter", lambda: load.first_page("counter"))
    step("first_page200", lambda: load.first_page("page200"))
    step("memory_counter", lambda: load.idle_memory("counter"))
    step("memory_page200", lambda: load.idle_memory("page200"))
    step("traced_counter", lambda: load.idle_memory_traced("counter"))
    step("traced_page200", lambda: load.idle_memory_traced("page200"))
    for n in levels:
        step(f"load_counter_{n}", lambda n=n: load.throughput("counter", n, seconds))
    top = max(levels)
    if out[f"load_counter_{top}"]["connection_limit"] < top:  # show what a higher limit gives
        step(f"load_counter_{top}_cl1000", lambda: load.throughput("counter", top, seconds, connection_limit=1000))
    for rate in (500, 1000, 1500):
        step(f"paced_counter_{top}_{rate}", lambda rate=rate: load.throughput("counter", top, seconds, rate=rate))
    step("load_page200_10", lambda: load.throughput("page200", 10, seconds))
    step("apptest_counter", lambda: apptest_timing.apptest_runs("counter"))
    step("apptest_page200", lambda: apptest_timing.apptest_runs("page200"))
    import widgets_page

    widgets_page.measure(quick, step)  # the widget-heavy page (issue 3)
    import hotspots

    step("phases_counter", lambda: hotspots.phase_breakdown("counter"), internal=True)
    step("phases_page200", lambda: hotspots.phase_breakdown("page200"), internal=True)
    if profile:
        for app in ("counter", "page200"):
            step(f"profile_{app}", lambda app=app: hotspots.profile_server(app, 8.0), internal=True)
    return out


def _ms(x: float) -> str:
    return f"{x:.2f} ms" if x < 10 else f"{x:.1f} ms"


def _spread(result: dict[str, Any], key: str) -> str:
    """The spread over repeated runs, when the figure is their median."""
    lo_hi = result.get(f"{key}_range")
    if not lo_hi or result.get("repeats", 1) < 2:
        return ""
    return f" (runs: {lo_hi[0]:.2f}–{lo_hi[1]:.2f})"


def _kb(x: float) -> str:
    return f"{x / 1024:.1f} KB"


def report(r: dict[str, Any], levels: list[int]) -> str:
    m = r["machine"]
    rc, rp = r["rtt_counter"], r["rtt_page200"]
    fc, fp = r["first_counter"], r["first_page200"]
    mc, mp_ = r["memory_counter"], r["memory_page200"]
    top = max(levels)
    lt = r[f"load_counter_{top}"]
    ac, ap = r["apptest_counter"], r["apptest_page200"]
    lines = [
        f"Machine: {m['cpus']} × {m['cpu']}, Python {m['python']}, Linux {m['kernel']}, loopback; "
        f"htst {m['commit']}; {m['date']}.",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()) + ".",
        "",
        "| figure | htst | DESIGN.md target | Streamlit 1.67 (stock / tuned) |",
        "| --- | --- | --- | --- |",
        f"| counter interaction, round trip p50 / p99 | {_ms(rc['p50_ms'])} / {_ms(rc['p99_ms'])}{_spread(rc, 'p50_ms')} | ≤ 2 ms p50 | 68 ms / 6 ms |",
        f"| counter interaction, server CPU | {_ms(rc['server_cpu_ms'])}{_spread(rc, 'server_cpu_ms')} | ≤ 1 ms | 25 ms / 2.4 ms |",
        f"| counter interaction, bytes answered (body + headers) | {rc['body_bytes']:.0f} + {rc['header_bytes']:.0f} B | – | – |",
        f"| slider change on the 200-element page, bytes answered | {rp['body_bytes']:.0f} + {rp['header_bytes']:.0f} B | ≤ 2 KB | ~33 KB |",
        f"| slider change on the 200-element page, round trip p50 / p99 | {_ms(rp['p50_ms'])} / {_ms(rp['p99_ms'])}{_spread(rp, 'p50_ms')} | ≤ 8 ms | – |",
        f"| slider change on the 200-element page, server CPU | {_ms(rp['server_cpu_ms'])}{_spread(rp, 'server_cpu_ms')} | – | ~50 ms / ~29 ms |",
        f"| first view (counter), HTML + assets, gzipped | {_kb(fc['gzip_wire_bytes'])} in {fc['requests']} requests "
        f"({_kb(fc['raw_wire_bytes'])} raw) | ≤ 30 KB, ≤ 5 requests | 2.7 MB in 66 requests |",
        f"| first view (page200), HTML + assets, gzipped | {_kb(fp['gzip_wire_bytes'])} in {fp['requests']} requests "
        f"({_kb(fp['raw_wire_bytes'])} raw) | – | – |",
        f"| memory per idle session (counter), RSS / Python heap | {mc['per_session_kb']:.1f} KB / {r['traced_counter']['per_session_kb']:.1f} KB | ≤ 30 KB | ~90 KB |",
        f"| memory per idle session (page200), RSS / Python heap | {mp_['per_session_kb']:.1f} KB / {r['traced_page200']['per_session_kb']:.1f} KB | ≤ 60 KB | ~210 KB |",
        f"| {top} concurrent sessions (counter): interactions/s, p99 | {lt['per_s']:.0f}/s, {_ms(lt['p99_ms'])} | ≥ 1,500/s, p99 ≤ 100 ms | 30–50/s / ~600/s |",
        f"| … no session sees another's state | {lt['tabs_ok']}/{lt['tabs']} tabs consistent, {lt['mismatches']} wrong answers; "
        f"{lt['tabs_starved']} tabs never served | required | – |",
    ]
    if f"load_counter_{top}_cl1000" in r:
        lc = r[f"load_counter_{top}_cl1000"]
        lines.append(
            f"| … same with waitress connection_limit raised to 1000 (bench override) | {lc['per_s']:.0f}/s, "
            f"{_ms(lc['p99_ms'])}; {lc['tabs_ok']}/{lc['tabs']} consistent, {lc['tabs_starved']} starved | – | – |"
        )
    lines += [
        f"| AppTest run, counter (first run / click().run()) | {_ms(ac['first_run_ms'])} / {_ms(ac['click_run_ms'])} | ≤ 1 ms | 2.3 ms |",
        f"| AppTest run, page200 (first run / click().run()) | {_ms(ap['first_run_ms'])} / {_ms(ap['click_run_ms'])} | ≤ 10 ms | 29 ms |",
        "",
        "Throughput by concurrency (counter app; client and server share the 2 cores):",
        "",
        f"Server: htst's `make_server` with {lt['server_threads']} threads, waitress connection_limit {lt['connection_limit']}.",
        "",
        "| sessions | interactions/s | p50 | p99 | server cores | server CPU/interaction | client cores | rest of machine | tabs starved | isolation |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    rows: list[tuple[str, str]] = [(f"load_counter_{n}", str(n)) for n in levels]
    if f"load_counter_{top}_cl1000" in r:
        rows.append((f"load_counter_{top}_cl1000", f"{top}, waitress connection_limit 1000"))
    rows.append(("load_page200_10", "10 (page200 slider)"))
    for key, label in rows:
        t = r[key]
        lines.append(
            f"| {label} | {t['per_s']:.0f} | {_ms(t['p50_ms'])} | {_ms(t['p99_ms'])} | {t['server_cores']:.2f} | "
            f"{_ms(t['server_cpu_ms'])} | {t['client_cores']:.2f} | {t['other_load_cores']:.2f} | {t['tabs_starved']} | "
            f"{t['tabs_ok']}/{t['tabs']} ok, {t['mismatches']} wrong, {t['errors']} errors |"
        )
    paced = sorted((v for k, v in r.items() if k.startswith(f"paced_counter_{top}_")), key=lambda v: v["offered_per_s"])
    if paced:
        lines += [
            "",
            f"Paced load: {top} tabs together offering a fixed rate, latency counted from each click's scheduled time:",
            "",
            "| offered/s | achieved/s | p50 | p99 | server cores | server CPU/interaction | client cores | rest of machine | isolation |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for t in paced:
            lines.append(
                f"| {t['offered_per_s']:.0f} | {t['per_s']:.0f} | {_ms(t['p50_ms'])} | {_ms(t['p99_ms'])} | {t['server_cores']:.2f} | "
                f"{_ms(t['server_cpu_ms'])} | {t['client_cores']:.2f} | {t['other_load_cores']:.2f} | "
                f"{t['tabs_ok']}/{t['tabs']} ok, {t['mismatches']} wrong, {t['errors']} errors |"
            )
    lines += [
        "",
        "First view, per request (gzip accepted / not):",
        "",
        "| url | status | gzip | raw |",
        "| --- | --- | --- | --- |",
        f"| / (counter) | 200 | {fc['gzip_html_bytes']} B | {fc['raw_html_bytes']} B |",
        f"| / (page200) | 200 | {fp['gzip_html_bytes']} B | {fp['raw_html_bytes']} B |",
    ]
    for a in fc["assets"]:
        lines.append(f"| {a['url']} | {a['status']} | {a['gzip_bytes']} B | {a.get('raw_bytes', '?')} B |")
    lines += [
        "",
        f"Sequential runs: {rc['interactions']} counter clicks and {rp['interactions']} slider moves "
        f"({rc.get('repeats', 1)} fresh servers each, medians shown) after 200 warm-up per server; request sizes {rc['request_bytes']:.0f} B / {rp['request_bytes']:.0f} B; "
        f"client CPU {_ms(rc['client_cpu_ms'])} / {_ms(rp['client_cpu_ms'])} per interaction; rest of the machine "
        f"used {rc['other_load_cores']:.2f} / {rp['other_load_cores']:.2f} cores meanwhile; wrong answers "
        f"{rc['mismatches']} / {rp['mismatches']}.",
        f"AppTest plain `run()` (no widget change): counter {_ms(ac['run_ms'])}, page200 {_ms(ap['run_ms'])}; "
        f"page200 slider `set_value().run()` {_ms(ap.get('slider_run_ms', float('nan')))}.",
        f"Idle memory RSS: counter {mc['rss_before_mb']:.1f} → {mc['rss_after_mb']:.1f} MB, "
        f"page200 {mp_['rss_before_mb']:.1f} → {mp_['rss_after_mb']:.1f} MB over {mc['sessions']} tabs.",
    ]
    lines += [
        "",
        "Where an interaction's time goes, in-process (Flask test client, no sockets; median ms):",
        "",
        "| app | whole request | read form | run script | render + diff | rest (Flask, Werkzeug, tokens, test client) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for app in ("counter", "page200"):
        ph = r.get(f"phases_{app}", {})
        if "error" in ph:
            lines.append(f"| {app} | could not measure: {ph['error']} | | | | |")
            continue
        cells = [ph.get(k) for k in ("whole request", "read form", "run script", "render + diff", "rest (Flask, Werkzeug, tokens, test client)")]
        lines.append(f"| {app} | " + " | ".join("–" if c is None else f"{c:.3f}" for c in cells) + " |")
    if "rtt_widgets" in r:
        import widgets_page

        lines += ["", widgets_page.report(r)]
    logs = {k: v["server_log"].strip() for k, v in r.items() if isinstance(v, dict) and v.get("server_log", "").strip()}
    if logs:
        lines += ["", "Server warnings during load runs:", ""]
        for k, v in logs.items():
            lines.append(f"- {k}: `{v.splitlines()[-1]}`")
    for app in ("counter", "page200"):
        prof = r.get(f"profile_{app}")
        if prof and "error" in prof:
            lines += ["", f"py-spy, {app}: could not profile: {prof['error']}"]
        elif prof:
            lines += ["", f"py-spy, {app} ({prof['samples']} samples, {prof['interactions']} interactions), inclusive %:", ""]
            lines += [f"    {share:5.1f}  {name}" for name, share in prof["inclusive"][:30]]
            lines += ["", f"py-spy, {app}: what `HtstSite.rerun` calls (% of all samples):", ""]
            lines += [f"    {share:5.1f}  {name}" for name, share in prof["rerun_children"]]
            lines += ["", f"py-spy, {app}: what `Renderer._leaf` calls (% of all samples):", ""]
            lines += [f"    {share:5.1f}  {name}" for name, share in prof["render_children"]]
    return "\n".join(lines)


def main() -> None:
    import signal

    # Stopped from outside: unwind, so every server this run started is stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer interactions, 3 s per load level")
    parser.add_argument("--profile", action="store_true", help="also sample the server with py-spy")
    parser.add_argument("--levels", default="1,10,50,200", help="concurrent sessions to try (default 1,10,50,200)")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",") if x]
    results = run(args.quick, args.profile, levels)
    text = report(results, levels)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=1, default=str))
    (RESULTS / "latest.md").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
