"""st.cache_data / st.cache_resource overhead on big pandas frames, htst vs the docs.

The Streamlit docs publish, for a 4-column frame: cache_data first run 0.4 s /
subsequent 0.2 s at 10M rows, 3 s / 1 s at 50M rows; cache_resource near 0. This bench
measures the same shapes:

    python bench/cache.py [--rows 10000000 50000000] [--repeat 5] [--no-streamlit]
                          [--no-strings] [--json PATH]

Frames: 4 numeric columns, float64 / int64 / float32 / int32 (24 B a row: 240 MB at
10M rows, 1.2 GB at 50M); plus, at the first row count only, one frame with a string
column instead of the int32 one (pandas 3's default `str` dtype, Arrow-backed, 1,000
distinct values of 10 characters).

Each case (library × row count × frame) runs in a fresh child process, so its peak RSS
(`resource.getrusage`) is its own. In the child:

- `bare`: the undecorated function, which returns the pre-built frame (median of 20).
- `first` (a cache miss): time of the first call of the decorated function minus
  `bare`. The function takes an int `seed`, so argument hashing is included the way a
  real call does it.
- `hit`: median of `--repeat` later calls with the same seed.
- `df argument`: a cache_data function taking the frame itself and returning a small
  value, so its hit is almost entirely the hashing of the big argument.
- copy semantics, checked outside the timed calls: the miss returns the function's own
  object; mutating it afterwards (every column) does not change the next hit; mutating a
  hit's result (every column) does not change the next hit; two hits and the original
  share no memory (numeric columns); a hit equals a freshly built frame (all rows).
  cache_resource hits must return the very object. "Peak RSS growth" for cache_data is
  the peak RSS (VmHWM, reset through /proc/self/clear_refs) over the miss and the timed
  hits (one hit alive at a time) minus the RSS before them; the stored copy plus one
  hit's copy is 2× the frame. The checks needing several copies come after.
- the rest of the machine: CPU used by everything but this bench while a case ran
  (/proc/stat), in cores; on a shared VM, wall-clock figures taken under load are high.
- htst only: the hit split into its parts (pickle.loads vs buffer copies) and a plain
  memcpy of the same bytes into already-mapped memory (the floor for any hit that
  copies), and the hit and the miss with the buffers copied by NumPy instead.

If /tmp/st-venv/bin/python has Streamlit, the same cases run there with the real
`streamlit.cache_data` / `cache_resource` outside a script run (it warns that there is
no runtime and uses its memory cache), same machine, same session.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STREAMLIT_PYTHON = Path("/tmp/st-venv/bin/python")
DOCS = {10_000_000: (0.4, 0.2), 50_000_000: (3.0, 1.0)}  # rows -> (first run s, subsequent s)


# -- the child: one library, one frame -------------------------------------------------

def _rss_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> float:
    """Reset the kernel's peak-RSS mark (VmHWM) to the current RSS; returns the RSS in MB."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass
    return _rss_now_mb()


def _hwm_mb() -> float:
    """Peak RSS since the last `_reset_peak` (VmHWM), or since the start if it could not reset."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return _rss_peak_mb()


def _rss_now_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def build_frame(rows: int, strings: bool):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(1)
    columns = {
        "f64": rng.random(rows),
        "i64": rng.integers(0, 1 << 40, rows, dtype=np.int64),
        "f32": rng.random(rows, dtype=np.float32),
    }
    if strings:
        pool = np.array([f"name-{k:05d}" for k in range(1000)], dtype=object)
        columns["s"] = pd.array(pool[rng.integers(0, 1000, rows)], dtype="str")
    else:
        columns["i32"] = rng.integers(0, 1 << 30, rows, dtype=np.int32)
    return pd.DataFrame(columns)


def _numeric(frame):
    return [c for c in frame.columns if frame[c].dtype.kind in "fiu"]


def _shares(a, b) -> bool:
    import numpy as np

    return any(np.may_share_memory(a[c].to_numpy(), b[c].to_numpy()) for c in _numeric(a))


def _mutate(frame) -> bool:
    """Write into every column of the frame, in place (row 0); False if it is read-only."""
    try:
        for i, c in enumerate(frame.columns):
            if frame[c].dtype.kind in "fiu":
                frame.iloc[0, i] = frame.iloc[0, i] + 1
            else:
                frame.iloc[0, i] = "mutated"
    except ValueError:
        return False
    return True


def _row0(frame) -> tuple:
    return tuple(frame.iloc[0].tolist())


def _timed(fn, *args, **kwargs):
    t = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - t, value


def child(lib: str, rows: int, strings: bool, repeat: int) -> dict:
    import logging
    import warnings

    warnings.simplefilter("ignore")
    if lib == "htst":
        sys.path.insert(0, str(ROOT))
        import htst as st
    else:
        import streamlit as st

        for name in list(logging.root.manager.loggerDict):
            if name.startswith("streamlit"):
                logging.getLogger(name).setLevel(logging.CRITICAL)
    import pandas as pd

    out: dict = {"lib": lib, "rows": rows, "strings": strings, "version": getattr(st, "__version__", "?"),
                 "pandas": pd.__version__, "checks": []}
    rss0 = _rss_now_mb()
    frame = build_frame(rows, strings)
    gc.collect()
    out["frame_mb"] = round(frame.memory_usage(deep=True).sum() / 2**20, 1)
    out["dtypes"] = [str(t) for t in frame.dtypes]
    out["rss_frame_mb"] = round(_rss_now_mb() - rss0, 1)
    expected = _row0(frame)
    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        (out["checks"] if ok else failures).append(what)

    def load(seed: int):
        return frame

    bare = statistics.median(_timed(load, 0)[0] for _ in range(20))
    out["bare_s"] = bare

    # -- cache_resource: the object itself --------------------------------------------
    base_rss = _reset_peak()
    res = st.cache_resource(load)
    t_first, value = _timed(res, 0)
    check(value is frame, "resource miss returns the object")
    hits = []
    for _ in range(repeat):
        t, v = _timed(res, 0)
        hits.append(t)
        check(v is frame, "resource hit returns the same object")
    out["resource"] = {"first_s": t_first, "first_overhead_s": t_first - bare, "hit_s": statistics.median(hits),
                       "hits_s": hits, "peak_rss_growth_mb": round(_hwm_mb() - base_rss, 1)}
    del value, v
    res.clear()
    gc.collect()

    # -- cache_data: a copy on every hit ----------------------------------------------
    base_rss = _reset_peak()
    data = st.cache_data(load)
    t_first, value = _timed(data, 0)
    check(value is frame, "data miss returns the function's own object")
    # The stored copy was taken at the miss: mutating the returned object (which is the
    # pre-built frame) must not reach later hits.
    _mutate(value)
    mutated_original = _row0(frame)
    hits = []
    for _ in range(repeat):  # timed hits: one alive at a time, as in an app's rerun
        gc.collect()
        t, hit = _timed(data, 0)
        hits.append(t)
        check(hit is not frame and _row0(hit) == expected, "hit equals the value at the miss")
        check(_mutate(hit) and _row0(hit) != expected, "the hit's frame is writable")  # must not reach the next hit
        del hit
    gc.collect()
    data_peak = _hwm_mb()
    # Checks that need more than one copy alive (so after the peak above was taken).
    first, second = data(0), data(0)
    check(_row0(first) == expected and bool(first.equals(second)), "two hits are equal")
    check(not _shares(first, frame) and not _shares(first, second), "hits share no memory (with each other, the original)")
    del second
    gc.collect()
    fresh = build_frame(rows, strings)
    check(bool(first.equals(fresh)), "a hit equals a freshly built frame (all rows)")
    del first, fresh
    check(_row0(frame) == mutated_original, "hits leave the caller's original alone")
    out["data"] = {"first_s": t_first, "first_overhead_s": t_first - bare, "hit_s": statistics.median(hits),
                   "hits_s": hits}
    del value
    data.clear()
    gc.collect()
    out["data"]["peak_rss_growth_mb"] = round(data_peak - base_rss, 1)

    # -- cache_data with the frame as the argument (hashing a big input) --------------
    def summarise(df):
        return len(df)

    by_frame = st.cache_data(summarise)
    t_first, n = _timed(by_frame, frame)
    hits = [_timed(by_frame, frame)[0] for _ in range(repeat)]
    out["df_arg"] = {"first_s": t_first, "hit_s": statistics.median(hits), "hits_s": hits}
    check(n == rows, "df-argument function returns its value")
    # A changed frame must miss (htst hashes every block; Streamlit samples rows).
    changed = frame.copy()
    changed.iloc[rows // 2, 0] = -1.0
    calls = []

    def summarise_counting(df):
        calls.append(1)
        return len(df)

    counting = st.cache_data(summarise_counting)
    counting(frame)
    counting(changed)
    out["df_arg"]["one_changed_cell_misses"] = len(calls) == 2
    del changed
    by_frame.clear()
    counting.clear()
    gc.collect()

    # -- htst only: where a hit's time goes --------------------------------------------
    if lib == "htst":
        import pickle

        from htst.caching import storage

        split: dict = {}
        t, (stream, buffers) = _timed(storage.serialize, frame)
        split["serialize_s"] = t
        t = time.perf_counter()
        pbufs: list = []
        pickle.dumps(frame, protocol=5, buffer_callback=pbufs.append)
        split["serialize_pickle_dumps_s"] = time.perf_counter() - t
        del pbufs
        split["buffers"] = len(buffers)
        split["stream_bytes"] = len(stream)
        split["buffer_mb"] = round(sum(len(b) for b in buffers) / 2**20, 1)
        import numpy as np

        copies_t, loads_t, whole_t, memcpy_t = [], [], [], []
        warm = np.ones(sum(len(b) for b in buffers), dtype=np.uint8)
        for _ in range(repeat):
            gc.collect()
            t, copies = _timed(lambda: [bytearray(b) for b in buffers])
            copies_t.append(t)
            t, obj = _timed(pickle.loads, stream, buffers=copies)
            loads_t.append(t)
            del obj, copies
            gc.collect()
            t, obj = _timed(storage.deserialize, stream, buffers)
            whole_t.append(t)
            del obj
            gc.collect()
            # The floor: the same bytes copied into memory that is already mapped (no page faults).
            t = time.perf_counter()
            at = 0
            for b in buffers:
                np.copyto(warm[at:at + len(b)], np.frombuffer(b, dtype=np.uint8))
                at += len(b)
            memcpy_t.append(time.perf_counter() - t)
        # The change recommended in BENCHMARKS.md: the same copies, made by NumPy, which
        # asks the kernel for transparent huge pages (MADV_HUGEPAGE) for big allocations.

        def huge_copies(parts):
            return [np.frombuffer(b, dtype=np.uint8).copy() for b in parts]

        numpy_t, numpy_ser_t = [], []
        for _ in range(repeat):
            gc.collect()
            t, obj = _timed(lambda: pickle.loads(stream, buffers=huge_copies(buffers)))
            numpy_t.append(t)
            if not _shares(obj, frame) and _row0(obj) == _row0(frame):
                _mutate(obj)
                check(_row0(pickle.loads(stream, buffers=huge_copies(buffers))) == _row0(frame),
                      "numpy-copy variant keeps the copy semantics")
            del obj
            gc.collect()
            t = time.perf_counter()
            pbufs = []
            s2 = pickle.dumps(frame, protocol=5, buffer_callback=pbufs.append)
            kept = huge_copies([b.raw() for b in pbufs])
            numpy_ser_t.append(time.perf_counter() - t)
            del s2, kept, pbufs
        split["deserialize_numpy_copies_s"] = statistics.median(numpy_t)
        split["serialize_numpy_copies_s"] = statistics.median(numpy_ser_t)
        split["deserialize_s"] = statistics.median(whole_t)
        split["buffer_copies_s"] = statistics.median(copies_t)
        split["pickle_loads_s"] = statistics.median(loads_t)
        split["memcpy_floor_s"] = statistics.median(memcpy_t)
        del warm
        split["copy_gb_per_s"] = round(sum(len(b) for b in buffers) / 1e9 / statistics.median(copies_t), 2)
        out["split"] = split
        del stream, buffers

    out["failures"] = failures
    out["checks"] = sorted(set(out["checks"]))
    out["peak_rss_mb"] = round(_rss_peak_mb(), 1)
    return out


# -- the parent: every case in its own process -----------------------------------------

def _machine_busy_s() -> float:
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_case(python: str, lib: str, rows: int, strings: bool, repeat: int, timeout: float) -> dict | None:
    cmd = [python, str(Path(__file__).resolve()), "--child", lib, "--rows", str(rows), "--repeat", str(repeat)]
    if strings:
        cmd.append("--strings")
    started = time.monotonic()
    busy0, own0 = _machine_busy_s(), _children_cpu_s()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=str(ROOT),
                              check=False)
    except subprocess.TimeoutExpired:
        print(f"  {lib} {rows:,} rows{' +str' if strings else ''}: timed out after {timeout:.0f} s", file=sys.stderr)
        return None
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        print(f"  {lib} {rows:,}: failed (rc {proc.returncode})\n{proc.stderr[-2000:]}", file=sys.stderr)
        return None
    result = json.loads(lines[-1])
    wall = time.monotonic() - started
    result["wall_s"] = round(wall, 1)
    foreign = (_machine_busy_s() - busy0) - (_children_cpu_s() - own0)
    result["rest_of_machine_cores"] = round(max(0.0, foreign) / wall, 2)
    return result


def _ms(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.001:
        return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def report(results: list[dict]) -> str:
    lines = [("| rows | frame | library | cache_data first-call overhead | cache_data hit | cache_resource first-call | "
              "cache_resource hit | df-argument hit (hashing) | peak RSS growth, data | docs (first / hit) |"),
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        docs = DOCS.get(r["rows"])
        kind = "4 numeric" if not r["strings"] else "3 numeric + str"
        lines.append(
            f"| {r['rows'] / 1e6:.0f}M | {kind}, {r['frame_mb']:.0f} MB | {r['lib']} {r['version']} | "
            f"{_ms(r['data']['first_overhead_s'])} | {_ms(r['data']['hit_s'])} | "
            f"{_ms(r['resource']['first_overhead_s'])} | {_ms(r['resource']['hit_s'])} | "
            f"{_ms(r['df_arg']['hit_s'])} | {r['data']['peak_rss_growth_mb']:.0f} MB | "
            f"{f'{docs[0]:g} s / {docs[1]:g} s' if docs else '–'} |")
    split = [r for r in results if "split" in r]
    if split:
        lines += ["", ("htst hit, split (median s): deserialize = buffer copies + pickle.loads; memcpy floor = "
                       "the same bytes copied into memory already mapped (no page faults)"), "",
                  ("| rows | frame | buffers | deserialize | buffer copies | pickle.loads | memcpy floor | copy GB/s | "
                   "serialize (of which pickle.dumps) | deserialize / serialize with NumPy copies |"),
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for r in split:
            s = r["split"]
            lines.append(f"| {r['rows'] / 1e6:.0f}M | {'str' if r['strings'] else 'numeric'} | {s['buffers']} "
                         f"({s['buffer_mb']:.0f} MB) | {_ms(s['deserialize_s'])} | {_ms(s['buffer_copies_s'])} | "
                         f"{_ms(s['pickle_loads_s'])} | {_ms(s['memcpy_floor_s'])} | {s['copy_gb_per_s']} | "
                         f"{_ms(s['serialize_s'])} ({_ms(s['serialize_pickle_dumps_s'])}) | "
                         f"{_ms(s['deserialize_numpy_copies_s'])} / {_ms(s['serialize_numpy_copies_s'])} |")
    lines.append("")
    for r in results:
        bad = r["failures"]
        lines.append(f"- {r['lib']} {r['rows'] / 1e6:.0f}M{' +str' if r['strings'] else ''}: copy-semantics checks "
                     f"{'all passed' if not bad else 'FAILED: ' + '; '.join(sorted(set(bad)))}; one changed cell in "
                     f"a frame argument {'misses' if r['df_arg']['one_changed_cell_misses'] else 'HITS (stale)'}; "
                     f"hits {', '.join(_ms(t) for t in r['data']['hits_s'])}; peak RSS {r['peak_rss_mb']:.0f} MB; "
                     f"{r['wall_s']} s; rest of machine {r['rest_of_machine_cores']} cores")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000_000, 50_000_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-streamlit", action="store_true")
    parser.add_argument("--no-strings", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", choices=["htst", "streamlit"], help=argparse.SUPPRESS)
    parser.add_argument("--strings", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.rows[0], args.strings, args.repeat)))
        return

    pythons = [("htst", sys.executable)]
    if not args.no_streamlit and STREAMLIT_PYTHON.exists():
        pythons.append(("streamlit", str(STREAMLIT_PYTHON)))
    cases = [(rows, False) for rows in args.rows]
    if not args.no_strings:
        cases.insert(1, (args.rows[0], True))
    results = []
    for rows, strings in cases:
        for lib, python in pythons:
            print(f"{lib}: {rows:,} rows{' with a str column' if strings else ''} ...", file=sys.stderr, flush=True)
            r = run_case(python, lib, rows, strings, args.repeat, timeout=120 + rows / 1e6 * 8)
            if r is not None:
                results.append(r)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
