"""Time to a visible chart, and the bytes a browser loads, for bench/apps/chart1000.py
(one 1,000-point st.line_chart) under htst and under Streamlit 1.67, in Chromium.

    python bench/chart_visible.py [--rounds 5] [--st-python /tmp/st-venv/bin/python]

Each round opens a fresh browser context (empty cache), loads the page, and records
the time from navigation start until the chart's drawing is in the page (htst: the
server's SVG, `.htst-chart svg`; Streamlit: the SVG (or canvas) vega-embed draws in
its `stVegaLiteChart` element), then waits for the network to go idle and sums the bytes of
every response (transfer size, compressed). One server each, warmed by a first load.
Prints medians and the spread.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "bench" / "apps" / "chart1000.py"
VISIBLE = {
    "htst": "document.querySelector('.htst-chart svg')",
    "streamlit": "document.querySelector('[data-testid=stVegaLiteChart] svg.marks, [data-testid=stVegaLiteChart] canvas')",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(framework: str, st_python: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    if framework == "htst":
        cmd = [sys.executable, "-m", "htst", "run", str(APP), "--server.address", "127.0.0.1", "--server.port", str(port)]
    else:
        cmd = [st_python, "-m", "streamlit", "run", str(APP), "--server.address", "127.0.0.1", "--server.port", str(port),
               "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    env = dict(os.environ, BENCH_FRAMEWORK=framework, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd="/tmp")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, f"http://127.0.0.1:{port}/"
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{framework} did not start")


def measure(browser, url: str, framework: str) -> tuple[float, int, int]:
    context = browser.new_context()
    page = context.new_page()
    sizes: list[int] = []
    page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]))
    page.goto(url, wait_until="commit")
    page.wait_for_function(f"() => {VISIBLE[framework]}", timeout=60_000, polling=10)
    visible = page.evaluate("performance.now()")
    page.wait_for_load_state("networkidle")
    context.close()
    return visible, sum(sizes), len(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--st-python", default="/tmp/st-venv/bin/python")
    parser.add_argument("--frameworks", default="htst,streamlit")
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for framework in args.frameworks.split(","):
            proc, url = start(framework, args.st_python)
            try:
                measure(browser, url, framework)  # warm: imports, first run, caches
                got = [measure(browser, url, framework) for _ in range(args.rounds)]
            finally:
                proc.terminate()
                proc.wait(10)
            times = [g[0] for g in got]
            print(f"{framework}: chart visible after {statistics.median(times):.0f} ms (runs {min(times):.0f}–{max(times):.0f}); "
                  f"{statistics.median(g[1] for g in got) / 1024:.1f} KB in {got[0][2]} responses")
        browser.close()


if __name__ == "__main__":
    main()
