"""A scripted Streamlit browser tab: the websocket wire protocol of Streamlit 1.67, in Python.

Runs in a venv that has streamlit (for its protobuf classes, `streamlit.proto.*_pb2`) and
`websockets` (both from PyPI); `bench/session_cost.py` starts Streamlit and calls this file
with that venv's interpreter. No Streamlit code is copied here.

What a browser tab does, and what `StSession` does the same way:
- opens a websocket at `/_stcore/stream` with the subprotocol `streamlit` (no Origin
  header: a same-origin browser tab sends one, but Streamlit only checks it against the
  host, and with no Origin it neither needs nor checks an XSRF token);
- sends a `BackMsg` with `rerun_script` (a `ClientState`: empty query string, empty page
  script hash on the first run and the `new_session` message's main script hash after,
  `context_info`, and the widget states) and reads `ForwardMsg`s until `script_finished`;
- keeps one `WidgetState` per widget the script drew, set to the widget's default when
  the element first arrives (the frontend's widgets commit their initial value on mount),
  and sends all of them on every rerun, as the frontend's `WidgetStateManager
  .createWidgetStatesMsg()` does; a slider change replaces the slider's
  `double_array_value`.
- Messages are uncompressed (Streamlit's `server.enableWebsocketCompression` is off by
  default) and no `cached_message_hashes` are sent (Streamlit only caches messages of
  10 KB or more; none of widgets100's are).

Subcommands (each prints one JSON object on stdout; every loop is bounded in count and time):

    python streamlit_client.py rtt --port P --pid PID [--count 300 --warmup 30]
    python streamlit_client.py memory --port P --pid PID [--sessions 200]
    python streamlit_client.py worker --port P --sessions N   # READY, then waits for "GO start stop"

Sockets are on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

from websockets.sync.client import connect

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import cpu_seconds, machine_busy_seconds, rss_bytes  # noqa: E402  (stdlib only)

HOST = "127.0.0.1"
ECHO_PREFIX = "Level is "


class StSession:
    """One browser tab connected to a Streamlit server."""

    def __init__(self, port: int, timeout: float = 60.0):
        self.timeout = timeout
        # A browser never pings; it only answers the server's pings (websockets does that
        # in its background thread). Client pings would also time out under load.
        options: dict[str, Any] = dict(
            subprotocols=["streamlit"], compression=None, max_size=None, open_timeout=timeout, close_timeout=2,
            ping_interval=None,
        )
        try:  # websockets >= 16 warns unless the plain connection is asked for explicitly
            self.ws = connect(f"ws://{HOST}:{port}/_stcore/stream", legacy=True, **options)
        except TypeError:
            self.ws = connect(f"ws://{HOST}:{port}/_stcore/stream", **options)
        self.page_script_hash = ""
        self.widgets: dict[str, WidgetState] = {}  # id -> state, in the order the elements came
        self.kinds: dict[str, str] = {}  # id -> element type
        self.echo: str | None = None  # the last "Level is ..." markdown body seen
        self.runs = 0
        self.bytes_in = 0

    def close(self) -> None:
        try:
            self.ws.close()
        except Exception:
            pass

    def rerun(self) -> dict[str, Any]:
        """Send `rerun_script` with every widget's state; read until `script_finished`."""
        msg = BackMsg()
        rs = msg.rerun_script
        rs.query_string = ""
        rs.page_script_hash = self.page_script_hash
        rs.page_name = ""
        rs.context_info.timezone = "UTC"
        rs.context_info.timezone_offset = 0
        rs.context_info.locale = "en-US"
        rs.context_info.url = "http://127.0.0.1/"
        rs.context_info.is_embedded = False
        rs.context_info.color_scheme = "light"
        rs.widget_states.widgets.extend(self.widgets.values())
        payload = msg.SerializeToString()
        t0 = time.perf_counter()
        self.ws.send(payload)
        received = deltas = 0
        status = None
        deadline = time.monotonic() + self.timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no script_finished within the timeout")
            data = self.ws.recv(timeout=left)
            received += len(data)
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "delta":
                deltas += 1
                self._delta(fwd)
            elif kind == "new_session":
                self.page_script_hash = fwd.new_session.main_script_hash or self.page_script_hash
            elif kind == "script_finished":
                status = fwd.script_finished
                break
        seconds = time.perf_counter() - t0
        self.runs += 1
        self.bytes_in += received
        return {"seconds": seconds, "bytes_in": received, "bytes_out": len(payload), "deltas": deltas, "status": status}

    def _delta(self, fwd: ForwardMsg) -> None:
        delta = fwd.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "markdown":
            if element.markdown.body.startswith(ECHO_PREFIX):
                self.echo = element.markdown.body
            return
        if kind not in ("slider", "text_input", "checkbox"):
            return
        proto = getattr(element, kind)
        if proto.id in self.widgets:
            return  # the frontend keeps its own value; the server echoes the element only
        state = WidgetState(id=proto.id)
        if kind == "slider":
            state.double_array_value.data.extend(proto.value if proto.set_value else proto.default)
        elif kind == "text_input":
            state.string_value = proto.value if proto.set_value else proto.default
        else:
            state.bool_value = proto.value if proto.set_value else proto.default
        self.widgets[proto.id] = state
        self.kinds[proto.id] = kind

    def first_slider(self) -> str:
        return next(wid for wid, kind in self.kinds.items() if kind == "slider")


class SliderMove:
    """Move the first slider to a new value each step; the echo line must show it."""

    def __init__(self, session: StSession):
        self.session = session
        self.wid = session.first_slider()
        self.value = 50
        self.clicks = 0
        self.mismatches = 0
        self.last: dict[str, Any] = {}

    def step(self) -> dict[str, Any]:
        self.value = (self.value + 1) % 101
        state = self.session.widgets[self.wid]
        del state.double_array_value.data[:]
        state.double_array_value.data.append(float(self.value))
        self.session.echo = None
        self.last = self.session.rerun()
        self.clicks += 1
        if self.session.echo != f"{ECHO_PREFIX}{self.value}" or self.last["status"] != ForwardMsg.FINISHED_SUCCESSFULLY:
            self.mismatches += 1
        return self.last


def open_session(port: int, timeout: float = 60.0) -> StSession:
    """A new tab: connect, run the script once, learn the widgets."""
    session = StSession(port, timeout)
    first = session.rerun()
    if first["status"] != ForwardMsg.FINISHED_SUCCESSFULLY or not session.widgets:
        raise RuntimeError(f"first run: status {first['status']}, {len(session.widgets)} widgets")
    return session


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


# -- subcommands ------------------------------------------------------------------
def cmd_rtt(port: int, pid: int, count: int, warmup: int, time_limit: float) -> dict[str, Any]:
    session = open_session(port)
    counts = {k: list(session.kinds.values()).count(k) for k in ("slider", "text_input", "checkbox")}
    action = SliderMove(session)
    for _ in range(warmup):
        action.step()
    warm_mismatches = action.mismatches
    times: list[float] = []
    bytes_in: list[int] = []
    deltas: list[int] = []
    cpu0, client0, busy0, t0 = cpu_seconds(pid), time.process_time(), machine_busy_seconds(), time.perf_counter()
    deadline = time.monotonic() + time_limit
    while len(times) < count and time.monotonic() < deadline:
        r = action.step()
        times.append(r["seconds"])
        bytes_in.append(r["bytes_in"])
        deltas.append(r["deltas"])
    wall = time.perf_counter() - t0
    cpu, client = cpu_seconds(pid) - cpu0, time.process_time() - client0
    other = machine_busy_seconds() - busy0 - cpu - client
    session.close()
    n = len(times)
    return {
        "widgets": counts,
        "interactions": n,
        "p50_ms": percentile(times, 50) * 1e3,
        "p99_ms": percentile(times, 99) * 1e3,
        "server_cpu_ms": cpu / n * 1e3,
        "client_cpu_ms": client / n * 1e3,
        "wall_s": wall,
        "other_load_cores": max(0.0, other / wall),
        "bytes_in": sorted(bytes_in)[n // 2],
        "bytes_out": action.last.get("bytes_out"),
        "deltas": sorted(deltas)[n // 2],
        "mismatches": action.mismatches,
        "warmup_mismatches": warm_mismatches,
    }


def cmd_memory(port: int, pid: int, sessions: int, warmup: int, settle: float) -> dict[str, Any]:
    held: list[StSession] = []
    try:
        for _ in range(warmup):
            held.append(open_session(port))
        time.sleep(settle)
        before = rss_bytes(pid)
        t0 = time.monotonic()
        for _ in range(sessions):
            if time.monotonic() - t0 > 600:
                break
            held.append(open_session(port))
        time.sleep(settle)
        after = rss_bytes(pid)
        opened = len(held) - warmup
    finally:
        for s in held:
            s.close()
    return {
        "sessions": opened,
        "rss_before_mb": before / 2**20,
        "rss_after_mb": after / 2**20,
        "per_session_kib": (after - before) / opened / 1024,
    }


def cmd_worker(port: int, sessions: int, ready_timeout: float) -> dict[str, Any]:
    """`sessions` tabs as threads: open them all, print READY, wait for "GO <start> <stop>"
    on stdin (epoch seconds), move the first slider back to back until stop."""
    opened: list[SliderMove | None] = [None] * sessions
    errors: list[str] = []

    def opener(i: int) -> None:
        try:
            opened[i] = SliderMove(open_session(port, timeout=ready_timeout))
        except Exception as exc:
            errors.append(repr(exc))

    # Open a few at a time: Streamlit runs each first script on its own thread.
    t_open = time.monotonic()
    for lo in range(0, sessions, 10):
        batch = [threading.Thread(target=opener, args=(i,), daemon=True) for i in range(lo, min(sessions, lo + 10))]
        for t in batch:
            t.start()
        for t in batch:
            t.join(ready_timeout)
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
                r = action.step()
                rec["times"].append(r["seconds"])
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
            o.session.close()
    return {"records": records, "client_cpu": cpu1 - cpu0, "open_errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["rtt", "memory", "worker", "probe"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, default=0, help="the server's pid (CPU and RSS from /proc)")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--time-limit", type=float, default=120.0)
    parser.add_argument("--settle", type=float, default=2.0)
    args = parser.parse_args()
    if args.what == "rtt":
        out = cmd_rtt(args.port, args.pid, args.count, args.warmup, args.time_limit)
    elif args.what == "memory":
        out = cmd_memory(args.port, args.pid, args.sessions, args.warmup, args.settle)
    elif args.what == "worker":
        out = cmd_worker(args.port, args.sessions, args.time_limit)
    else:  # one tab, one slider move: what the answer holds
        session = open_session(args.port)
        action = SliderMove(session)
        r = action.step()
        out = {"widgets": {k: list(session.kinds.values()).count(k) for k in ("slider", "text_input", "checkbox")},
               "first_slider": action.wid, "echo": session.echo, "answer": r, "mismatches": action.mismatches}
        session.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
