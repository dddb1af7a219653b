"""A fragment rerun against a full rerun of the same interaction on the 200-element page.

    python bench/fragment.py            # 2000 moves of each slider x 3 fresh servers, ~1 minute
    python bench/fragment.py --quick    # 500 moves, one server

`apps/page200_fragment.py` has two identical panels (subheader, slider, echo line,
metric, caption): "Level" inside an `@st.fragment`, "Outer level" outside. With
`load.py`'s client (real waitress server, HTTP keep-alive, `HX-Request`, only the
changed field), one tab moves one slider back to back: 200 warm-up moves, then `count`
timed ones, first the fragment's slider, then the outer one, on the same server. Every
answer must echo the new value, and a fragment answer must touch nothing outside the
fragment's container (else it counts as wrong). Reports round trip p50/p99, server CPU
and bytes answered per move. Measures and reports; never asserts a time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from load import Answer, Tab, decoded, interactions, medians
from server import start

APP = "page200_fragment"
LABEL_RE = re.compile(r'<label for="(w[0-9a-f]{14})" class="htst-label">([^<]*)<')
FRAGMENT_RE = re.compile(r'<div id="([^"]+)" class="[^"]*\bhtst-fragment\b')
TARGET_RE = re.compile(r'hx-target="#([^"]+)"')
VARIANTS = {
    # name: (slider label, echo line)
    "fragment": ("Level", re.compile(r"The level is <strong>(\d+)</strong>")),
    "full": ("Outer level", re.compile(r"The outer level is <strong>(\d+)</strong>")),
}


class Move:
    """Move one panel's slider to a new value; the echo line must follow."""

    def __init__(self, tab: Tab, variant: str):
        label, self.echo = VARIANTS[variant]
        self.tab = tab
        self.wid = {name: wid for wid, name in LABEL_RE.findall(tab.page)}[label]
        self.inside = FRAGMENT_RE.search(tab.page).group(1) if variant == "fragment" else None  # type: ignore[union-attr]
        self.value = 50
        self.mismatches = 0

    def step(self) -> Answer:
        self.value = (self.value + 1) % 101  # always differs from what the server drew
        answer = self.tab.post({self.wid: str(self.value)})
        body = decoded(answer).decode("utf-8")
        seen = self.echo.search(body)
        wrong = answer.status != 200 or seen is None or int(seen.group(1)) != self.value
        if self.inside is not None:
            wrong = wrong or any(
                not t.startswith(self.inside + "-") for t in TARGET_RE.findall(body)
            )
        self.mismatches += wrong
        return answer


def moves(server: Any, variant: str, count: int) -> dict[str, Any]:
    """Back-to-back moves of one slider on a fresh tab: latency, server CPU, bytes, and how
    many nodes each answer carries (`partials`)."""
    tab = Tab(server.port)
    tab.open()
    figures = interactions(
        server, Move(tab, variant), count,
        per_answer=lambda answer: len(TARGET_RE.findall(decoded(answer).decode("utf-8"))),
    )
    tab.close()
    figures["partials"] = figures.pop("per_answer")
    return {"variant": variant, **figures}


def measure(quick: bool = False) -> dict[str, Any]:
    """Both variants on `repeats` fresh servers; the median of each figure and its spread."""
    count, repeats = (500, 1) if quick else (2000, 3)
    rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in VARIANTS}
    from run_all import wait_for_quiet

    quiet = []
    for i in range(repeats):
        quiet.append(wait_for_quiet(10 if quick else 60))
        with start(APP) as server:
            for name in VARIANTS:
                print(f"… {name} rerun, server {i + 1}/{repeats}", file=sys.stderr, flush=True)
                rounds[name].append(moves(server, name, count))
    out: dict[str, Any] = {"repeats": repeats, "count": count, "quiet_before": quiet}
    for name, results in rounds.items():
        out[name] = medians(results)
    return out


def _ms(x: float) -> str:
    return f"{x:.2f} ms" if x < 10 else f"{x:.1f} ms"


def report(r: dict[str, Any]) -> str:
    lines = [
        f"Fragment rerun against full rerun, page200_fragment ({r['count']} moves × {r['repeats']} servers, medians):",
        "",
        "| interaction | round trip p50 (p99) | server CPU | bytes answered (body + headers) | partials | rest of machine | wrong |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, label in (
        ("fragment", "slider inside the fragment → fragment rerun"),
        ("full", "same slider outside → full rerun"),
    ):
        v = r[name]
        lo, hi = v["p50_ms_range"]
        spread = f"; runs {lo:.2f}–{hi:.2f}" if r["repeats"] > 1 else ""
        lines.append(
            f"| {label} | {_ms(v['p50_ms'])} ({_ms(v['p99_ms'])}){spread} | {_ms(v['server_cpu_ms'])} | "
            f"{v['body_bytes']:.0f} + {v['header_bytes']:.0f} B | {v['partials']:.0f} | {v['other_load_cores']:.2f} cores | "
            f"{v['mismatches']} of {v['interactions']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="500 moves, one server")
    parser.add_argument("--json", action="store_true", help="also print the raw figures")
    args = parser.parse_args()
    results = measure(args.quick)
    if args.json:
        print(json.dumps(results, indent=1))
    print(report(results))
