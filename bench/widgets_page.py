"""The widget-heavy page (issue 3): `apps/widgets.py`, every input widget five times.

    python bench/widgets_page.py            # 2000 slider moves x 3 fresh servers, ~1 minute
    python bench/widgets_page.py --quick    # 500 moves, one server

Measures the first view (HTML gzipped / raw and its assets), one change of the "Level"
slider on that page (bytes answered, round trip p50/p99, server CPU, with `load.py`'s
client), where the time of that change goes in-process, and AppTest run times. Prints a
markdown section; `run_all.py` runs the same steps and adds the section to its report.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import apptest_timing
import load

APP = "widgets"


def measure(quick: bool = False, step: Any = None) -> dict[str, Any]:
    """Every figure for the page; `step(name, fn, internal=False)` runs one (run_all's)."""
    out: dict[str, Any] = {}

    def default_step(name: str, fn: Any, internal: bool = False) -> Any:
        from run_all import wait_for_quiet

        quiet = wait_for_quiet(10 if quick else 60)
        out.setdefault("quiet", {})[name] = quiet
        print(f"… {name} (rest of machine: {quiet:.2f} cores)", file=sys.stderr, flush=True)
        try:
            out[name] = fn()
        except Exception as exc:
            if not internal:
                raise
            out[name] = {"error": repr(exc)}
        return out[name]

    run = step or default_step
    count, repeats = (500, 1) if quick else (2000, 3)
    results = {
        "first_widgets": run("first_widgets", lambda: load.first_page(APP)),
        "rtt_widgets": run("rtt_widgets", lambda: load.round_trips_repeated(APP, count, repeats)),
        "apptest_widgets": run("apptest_widgets", lambda: apptest_timing.apptest_runs(APP)),
    }
    import hotspots

    results["phases_widgets"] = run("phases_widgets", lambda: hotspots.phase_breakdown(APP), True)
    return results


def _ms(x: float) -> str:
    return f"{x:.2f} ms" if x < 10 else f"{x:.1f} ms"


def _kb(x: float) -> str:
    return f"{x / 1024:.1f} KB"


def report(r: dict[str, Any]) -> str:
    f, rt, at = r["first_widgets"], r["rtt_widgets"], r["apptest_widgets"]
    spread = ""
    if rt.get("repeats", 1) > 1:
        lo, hi = rt["p50_ms_range"]
        spread = f" (runs: {lo:.2f}–{hi:.2f})"
    lines = [
        (f"Widget-heavy page (`bench/apps/widgets.py`: {f.get('elements', '?')} top-level elements, "
        "5 of every input widget type, one markdown line echoing the \"Level\" slider):"),
        "",
        "| figure | htst | DESIGN.md target |",
        "| --- | --- | --- |",
        f"| first view, HTML gzipped / raw | {_kb(f['gzip_html_bytes'])} / {_kb(f['raw_html_bytes'])} | – |",
        f"| first view, HTML + assets, gzipped | {_kb(f['gzip_wire_bytes'])} in {f['requests']} requests ({_kb(f['raw_wire_bytes'])} raw) | – |",
        f"| one slider change, bytes answered (body + headers) | {rt['body_bytes']:.0f} + {rt['header_bytes']:.0f} B | ≤ 2 KB |",
        f"| one slider change, round trip p50 / p99 | {_ms(rt['p50_ms'])} / {_ms(rt['p99_ms'])}{spread} | ≤ 8 ms |",
        f"| one slider change, server CPU | {_ms(rt['server_cpu_ms'])} | – |",
        (f"| AppTest, first run / `slider.set_value().run()` / `button.click().run()` / plain `run()` | "
        f"{_ms(at['first_run_ms'])} / {_ms(at['slider_run_ms'])} / {_ms(at['click_run_ms'])} / {_ms(at['run_ms'])} | – |"),
        "",
        (f"{rt['interactions']} slider moves ({rt.get('repeats', 1)} fresh servers, medians) after 200 warm-up each; "
        f"request {rt['request_bytes']:.0f} B; client CPU {_ms(rt['client_cpu_ms'])} per move; rest of the machine "
        f"{rt['other_load_cores']:.2f} cores; wrong answers {rt['mismatches']}."),
    ]
    ph = r.get("phases_widgets") or {}
    if "error" in ph:
        lines += ["", f"In-process phases: could not measure: {ph['error']}"]
    elif ph:
        keys = ("whole request", "read form", "run script", "render + diff", "rest (Flask, Werkzeug, tokens, test client)")
        lines += [
            "",
            "In-process (Flask test client, median ms): " + ", ".join(f"{k} {ph[k]:.3f}" for k in keys if k in ph) + ".",
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="500 moves on one server")
    parser.add_argument("--json", action="store_true", help="also print the raw figures")
    args = parser.parse_args()
    results = measure(args.quick)
    print(report(results))
    if args.json:
        print(json.dumps(results, indent=1, default=str))


if __name__ == "__main__":
    main()
