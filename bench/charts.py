"""What a chart costs on the server, in-process.

    python bench/charts.py [--points 1000] [--rounds 5]

- `draw, new data`: `charts.render.draw` of a 1,000-point line chart's spec whose data
  differs every time (no cache hit): Vega-Lite compiled and drawn as SVG by vl-convert.
- `draw, cached`: the same spec again (a digest and a dictionary lookup).
- `st.line_chart in a rerun`: one script run drawing the same chart as the last run
  (`AppScript.run`, best round): building the spec from the frame, the data's JSON,
  the digest, the cached drawing, the data table.
- `engine start`: the first draw in a fresh process (the server does it at start-up).
- `add_rows answer`: bytes of the answer that brings a page showing a 10,000-point line
  chart up to date after `add_rows` of 10 rows (the rows alone and the data table).
Medians of `--rounds` (times in ms).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def spec_parts(points: int, shift: float) -> tuple[str, dict[str, str]]:
    import pandas as pd

    from htst.charts.builtin import builtin_spec
    from htst.charts.vegalite import Prepared, sized

    df = pd.DataFrame({"signal": [((i * 37) % 101) / 100 + shift for i in range(points)]})
    spec, frame = builtin_spec("line", df)
    spec, _ = sized(spec, "stretch", "content", builtin=True)
    return Prepared(spec, {"data": frame}, {}).parts()


def engine_start() -> float:
    code = (
        "import time, json; t = time.perf_counter(); from htst.charts import render; "
        "render.warm(); print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return float(out.stdout.strip()) * 1000


def add_rows_answer() -> tuple[int, int]:
    """Bytes of the answer that shows a 10,000-point line chart after `add_rows` of 10
    rows, to a page that showed it before; and of the chart's own partial, for scale."""
    from htst.render import page
    from htst.render.html import Renderer
    from htst.runtime.session import Session
    from htst.script import app_script

    head = "import htst as st\nimport pandas as pd\nc = st.line_chart(pd.DataFrame({'v': [i % 97 for i in range(10_000)]}))\n"
    before = app_script(None, source=head)
    session = Session(before)
    shown = before.run(session, {}).roots
    view = page.view_of(shown)
    after = app_script(None, source=head + "c.add_rows(pd.DataFrame({'v': range(10)}))\n")
    renderer = Renderer()
    roots = after.run(Session(after), {}).roots
    grown = page.partials(renderer, roots, view)
    full = page.partials(renderer, roots, {})
    return len(full.encode()), len(grown.encode())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from htst.charts import render

    render.warm()
    fresh, cached = [], []
    for i in range(args.rounds):
        shape, rows = spec_parts(args.points, i + 1)
        start = time.perf_counter()
        drawing = render.draw(shape, "streamlit", rows)
        drawing.svg  # noqa: B018 (the drawing happens when the SVG is first read)
        fresh.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        render.draw(shape, "streamlit", rows)
        cached.append((time.perf_counter() - start) * 1000)
    print(f"draw, new data ({args.points} points): {statistics.median(fresh):.1f} ms (runs {min(fresh):.1f}–{max(fresh):.1f}); SVG {len(drawing.svg):,} B, Vega JSON {len(drawing.vega):,} B")
    print(f"draw, cached: {statistics.median(cached) * 1000:.0f} µs")

    from htst.runtime.session import Session
    from htst.script import app_script

    app = app_script(None, source=(ROOT / "bench/apps/chart1000.py").read_text())
    session = Session(app)
    for _ in range(5):
        app.run(session, {})
    runs = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _ in range(20):
            app.run(session, {})
        runs.append((time.perf_counter() - start) / 20 * 1000)
    print(f"st.line_chart (1,000 points) in a rerun, unchanged: {min(runs):.2f} ms per run (best of {args.rounds})")
    print(f"engine start (fresh process, includes imports): {engine_start():.0f} ms")
    full, grown = add_rows_answer()
    print(f"add_rows of 10 rows to a 10,000-point chart: answer {grown:,} B (the chart again would be {full:,} B)")
    print(json.dumps({"fresh_ms": fresh, "cached_ms": cached, "rerun_ms": runs}))


if __name__ == "__main__":
    main()
