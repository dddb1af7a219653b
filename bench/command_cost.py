"""What one st.* command costs in a script run, in-process: no HTTP, no rendering.

    python bench/command_cost.py                    # every command below
    python bench/command_cost.py slider markdown
    python bench/command_cost.py --src ../other-checkout

Each script draws 100 of one command (keyed widgets, as on widgets100). It is run
through `AppScript.run` with no changes: 50 warm-up runs, then five rounds of 200; the
best round's time per run ÷ 100 is the figure. `empty` is the loop alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

SCRIPTS = {
    "slider": "for i in range(100):\n    st.slider(f'S{i}', 0, 100, 50, key=f's{i}')\n",
    "text_input": "for i in range(100):\n    st.text_input(f'T{i}', 'hello', key=f't{i}')\n",
    "checkbox": "for i in range(100):\n    st.checkbox(f'C{i}', key=f'c{i}')\n",
    "markdown": "for i in range(100):\n    st.markdown(f'Line **{i}** of the page')\n",
    "number_input": "for i in range(100):\n    st.number_input(f'N{i}', 0, 100, 5, key=f'n{i}')\n",
    "selectbox": "for i in range(100):\n    st.selectbox(f'B{i}', ['a', 'b', 'c'], key=f'b{i}')\n",
    "radio": "for i in range(100):\n    st.radio(f'R{i}', ['a', 'b', 'c'], key=f'r{i}')\n",
    "text_area": "for i in range(100):\n    st.text_area(f'A{i}', 'hello', key=f'a{i}')\n",
    "button": "for i in range(100):\n    st.button(f'B{i}', key=f'b{i}')\n",
    "empty": "for i in range(100):\n    pass\n",
}


def cost(name: str, warmup: int = 50, runs: int = 200, rounds: int = 5) -> float:
    """Seconds per command."""
    from htst.runtime.session import Session
    from htst.script import app_script

    app = app_script(None, source="import htst as st\n" + SCRIPTS[name])
    session = Session(app)
    for _ in range(warmup):
        app.run(session, {})
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(runs):
            app.run(session, {})
        best = min(best, (time.perf_counter() - start) / runs)
    return best / 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commands", nargs="*", help=f"any of {', '.join(SCRIPTS)} (default: all)")
    parser.add_argument("--src", default=str(Path(__file__).resolve().parent.parent), help="checkout whose htst to import")
    args = parser.parse_args()
    unknown = set(args.commands) - set(SCRIPTS)
    if unknown:
        parser.error(f"no script for {', '.join(sorted(unknown))}; choose from {', '.join(SCRIPTS)}")
    sys.path.insert(0, args.src)
    import htst

    print(f"htst from {Path(htst.__file__).parent.parent}")
    for name in args.commands or list(SCRIPTS):
        print(f"{name:10s} {cost(name) * 1e6:6.2f} µs per command")


if __name__ == "__main__":
    main()
