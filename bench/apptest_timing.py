"""How long an AppTest run takes: the first `run()`, then repeated `click().run()`.

In-process, no HTTP. Figures are medians of `count` runs (bounded by a deadline too).
"""

from __future__ import annotations

import statistics
import sys
import time
from typing import Any

from server import APPS, ROOT

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _timed(fn: Any) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def apptest_runs(app: str, count: int = 300, time_limit: float = 20.0) -> dict[str, Any]:
    from htst.testing.v1 import AppTest

    path = APPS / f"{app}.py"
    firsts = []
    for _ in range(5):  # a fresh AppTest each time: compile + first run
        firsts.append(_timed(lambda: AppTest.from_file(path).run()))
    at = AppTest.from_file(path).run()
    button = at.button[0]
    for _ in range(20):
        at.button[0].click().run()
    clicks: list[float] = []
    deadline = time.monotonic() + time_limit
    while len(clicks) < count and time.monotonic() < deadline:
        clicks.append(_timed(lambda: at.button[0].click().run()))
    plain: list[float] = []
    deadline = time.monotonic() + time_limit
    while len(plain) < count and time.monotonic() < deadline:
        plain.append(_timed(lambda: at.run()))
    out: dict[str, Any] = {
        "app": app,
        "first_run_ms": statistics.median(firsts) * 1e3,
        "click_run_ms": statistics.median(clicks) * 1e3,
        "run_ms": statistics.median(plain) * 1e3,
        "runs": len(clicks),
        "button": button.label,
        "exception": bool(at.exception),
        "count_after": at.session_state["count"] if app == "counter" else None,
    }
    if app in ("page200", "widgets"):
        values: list[float] = []
        deadline = time.monotonic() + time_limit
        while len(values) < count and time.monotonic() < deadline:
            v = (len(values) % 100) + 1
            values.append(_timed(lambda: at.slider(key="level").set_value(v).run()))
        out["slider_run_ms"] = statistics.median(values) * 1e3
    return out


if __name__ == "__main__":
    for name in ("counter", "page200", "widgets"):
        print(apptest_runs(name))
