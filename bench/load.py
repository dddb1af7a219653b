"""A plain-Python client that speaks htst's wire protocol, and the measurements built on it.

One `Tab` is one browser tab: one keep-alive `http.client` connection (TCP_NODELAY on the
client too), the session cookie, and the `_htst_tab` token from the page. An interaction
posts what htst.js would post: the token plus the one field the user changed, with
`HX-Request: true`, and reads the `<hx-partial>` answer.

Everything here measures and reports; nothing asserts a time. Every loop is bounded by a
count and a deadline, and every socket talks to 127.0.0.1 only.
"""

from __future__ import annotations

import gzip
import http.client
import json
import multiprocessing as mp
import re
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from server import ROOT, machine_busy_seconds, start, stop

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # htst from this checkout, for the in-process measurements

HOST = "127.0.0.1"
TOKEN_RE = re.compile(r'name="_htst_tab" value="([^"]+)"')
CLICK_RE = re.compile(r'name="_htst_click" value="(w[0-9a-f]{14})"')
RANGE_RE = re.compile(r'type="range" id="(w[0-9a-f]{14})"')
COUNT_RE = re.compile(r"Count =\s+<code>(\d+)</code>")
LEVEL_RE = re.compile(r"The level is <strong>(\d+)</strong>")
ECHO100_RE = re.compile(r"<p>Level is (\d+)</p>")  # widgets100's echo line
BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd"


@dataclass
class Answer:
    status: int
    body: bytes
    header_bytes: int
    request_bytes: int
    headers: dict[str, str]
    seconds: float


class Tab:
    """One browser tab: a keep-alive connection, its cookie and its tab token."""

    def __init__(self, port: int, timeout: float = 30.0, accept_encoding: str = BROWSER_ACCEPT_ENCODING):
        self.port = port
        self.accept_encoding = accept_encoding
        self.conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
        self.conn.connect()
        self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.cookie: str | None = None
        self.token: str | None = None
        self.page = ""

    def close(self) -> None:
        self.conn.close()

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> Answer:
        sent = {"Host": f"{HOST}:{self.port}", "Accept-Encoding": self.accept_encoding}
        if self.cookie:
            sent["Cookie"] = self.cookie
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Content-Length"] = str(len(body))
        sent.update(headers or {})
        request_bytes = len(f"{method} {path} HTTP/1.1\r\n") + sum(len(k) + len(v) + 4 for k, v in sent.items()) + 2
        request_bytes += len(body or b"")
        t0 = time.perf_counter()
        self.conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for k, v in sent.items():
            self.conn.putheader(k, v)
        self.conn.endheaders(body)
        resp = self.conn.getresponse()
        data = resp.read()
        seconds = time.perf_counter() - t0
        items = resp.getheaders()
        header_bytes = len(f"HTTP/1.1 {resp.status} {resp.reason}\r\n") + sum(len(k) + len(v) + 4 for k, v in items) + 2
        headers = {k.lower(): v for k, v in items}
        cookie = resp.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return Answer(resp.status, data, header_bytes, request_bytes, headers, seconds)

    def open(self, path: str = "/") -> Answer:
        """GET the page (a new tab): keeps the cookie and the page's tab token."""
        answer = self.request("GET", path)
        self.page = decoded(answer).decode("utf-8")
        found = TOKEN_RE.search(self.page)
        if answer.status != 200 or not found:
            raise RuntimeError(f"GET {path} answered {answer.status} without a tab token")
        self.token = found.group(1)
        return answer

    def post(self, fields: dict[str, str], query: str = "") -> Answer:
        """POST /_htst/rerun as htmx does: the tab token plus the changed fields only."""
        body = urlencode({"_htst_tab": self.token or "", **fields}).encode()
        return self.request("POST", "/_htst/rerun" + query, body, {"HX-Request": "true"})


def decoded(answer: Answer) -> bytes:
    if answer.headers.get("content-encoding") == "gzip":
        return gzip.decompress(answer.body)
    return answer.body


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


# -- interactions ------------------------------------------------------------------
class Counter:
    """Click the counter's button; the answer must show this tab's own count."""

    app = "counter"

    def __init__(self, tab: Tab):
        self.tab = tab
        self.wid = CLICK_RE.search(tab.page).group(1)  # type: ignore[union-attr]
        self.clicks = 0
        self.mismatches = 0

    def step(self) -> Answer:
        answer = self.tab.post({"_htst_click": self.wid})
        self.clicks += 1
        seen = COUNT_RE.search(decoded(answer).decode("utf-8"))
        if answer.status != 200 or seen is None or int(seen.group(1)) != self.clicks:
            self.mismatches += 1
        return answer

    def final_count(self) -> int | None:
        """The count as the server holds it (a JSON rerun without changes)."""
        answer = self.tab.post({}, "?format=json")
        tree = json.loads(decoded(answer))
        for node in tree["tree"]["main"]["children"]:
            if node["type"] == "markdown" and node["props"]["body"].startswith("Count"):
                return int(re.sub(r"\D", "", node["props"]["body"]))
        return None


class Slider:
    """Move page200's "Level" slider to a new value; the echo line must follow."""

    app = "page200"
    echo = LEVEL_RE

    def __init__(self, tab: Tab):
        self.tab = tab
        self.wid = RANGE_RE.search(tab.page).group(1)  # type: ignore[union-attr]
        self.value = 50
        self.clicks = 0
        self.mismatches = 0

    def step(self) -> Answer:
        self.value = (self.value + 1) % 101  # always differs from what the server drew
        answer = self.tab.post({self.wid: str(self.value)})
        self.clicks += 1
        seen = self.echo.search(decoded(answer).decode("utf-8"))
        if answer.status != 200 or seen is None or int(seen.group(1)) != self.value:
            self.mismatches += 1
        return answer


class Slider100(Slider):
    """widgets100's first slider (s0); its echo line is "Level is N"."""

    app = "widgets100"
    echo = ECHO100_RE


class PageSwitch:
    """pages.py: switch to the other page in the tab's session (as the menu does); the
    answer must show that page's heading."""

    app = "pages"

    def __init__(self, tab: Tab):
        self.tab = tab
        self.on_second = False
        self.clicks = 0
        self.mismatches = 0

    def step(self) -> Answer:
        self.on_second = not self.on_second
        answer = self.tab.post({"_htst_page": "second" if self.on_second else ""})
        self.clicks += 1
        wanted = b">Second page<" if self.on_second else b">First page<"
        if answer.status != 200 or wanted not in decoded(answer):
            self.mismatches += 1
        return answer


# widgets.py echoes its first slider ("Level", 0..100, 50) the same way page200 does.
class ChartRerun:
    """Click "Rerun" on chart1000.py: the chart did not change, so no chart may come back."""

    app = "chart1000"

    def __init__(self, tab: Tab):
        self.tab = tab
        self.wid = CLICK_RE.search(tab.page).group(1)  # type: ignore[union-attr]
        self.mismatches = 0

    def step(self) -> Answer:
        answer = self.tab.post({"_htst_click": self.wid})
        if answer.status not in (200, 204) or b"<svg" in decoded(answer):
            self.mismatches += 1
        return answer

    def final_count(self) -> int | None:
        return None


INTERACTIONS = {"chart1000": ChartRerun, "counter": Counter, "page200": Slider, "widgets": Slider, "widgets100": Slider100, "pages": PageSwitch}


# -- 1. sequential round trips, server CPU, bytes ----------------------------------
def round_trips(app: str, count: int = 2000, warmup: int = 200, time_limit: float = 60.0, threads: int = 16) -> dict[str, Any]:
    """Back-to-back interactions on one tab: latency, server CPU and bytes per interaction."""
    with start(app, threads=threads) as server:
        tab = Tab(server.port)
        tab.open()
        figures = interactions(server, INTERACTIONS[app](tab), count, warmup, time_limit)
        tab.close()
    return {"app": app, **figures}


def interactions(
    server: Any,
    action: Any,
    count: int,
    warmup: int = 200,
    time_limit: float = 60.0,
    per_answer: Callable[[Answer], float] | None = None,
) -> dict[str, Any]:
    """`action.step()` back to back after a warm-up: latency, CPU (server, client, the rest
    of the machine) and bytes per interaction; `per_answer` adds one more median figure."""
    for _ in range(warmup):
        action.step()
    times: list[float] = []
    bodies: list[int] = []
    heads: list[int] = []
    requests: list[int] = []
    extra: list[float] = []
    cpu0, client0, t0 = server.cpu_seconds(), time.process_time(), time.perf_counter()
    busy0 = machine_busy_seconds()
    deadline = time.monotonic() + time_limit
    while len(times) < count and time.monotonic() < deadline:
        answer = action.step()
        times.append(answer.seconds)
        bodies.append(len(answer.body))
        heads.append(answer.header_bytes)
        requests.append(answer.request_bytes)
        if per_answer is not None:
            extra.append(per_answer(answer))
    wall = time.perf_counter() - t0
    cpu = server.cpu_seconds() - cpu0
    client = time.process_time() - client0
    other = machine_busy_seconds() - busy0 - cpu - client
    n = len(times)
    figures = {
        "interactions": n,
        "p50_ms": percentile(times, 50) * 1e3,
        "p99_ms": percentile(times, 99) * 1e3,
        "mean_ms": statistics.fmean(times) * 1e3,
        "server_cpu_ms": cpu / n * 1e3,
        "client_cpu_ms": client / n * 1e3,
        "wall_s": wall,
        "other_load_cores": max(0.0, other / wall),
        "body_bytes": statistics.median(bodies),
        "header_bytes": statistics.median(heads),
        "request_bytes": statistics.median(requests),
        "mismatches": action.mismatches,
    }
    if per_answer is not None:
        figures["per_answer"] = statistics.median(extra)
    return figures


def round_trips_repeated(app: str, count: int = 2000, repeats: int = 3) -> dict[str, Any]:
    """`round_trips` on `repeats` fresh servers: the median of each figure, and the spread."""
    return {**medians([round_trips(app, count) for _ in range(repeats)]), "repeats": repeats}


def medians(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of each numeric figure over several rounds, with its range as `<key>_range`."""
    out: dict[str, Any] = {}
    for key, value in rounds[0].items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            values = [r[key] for r in rounds]
            out[key] = statistics.median(values)
            out[f"{key}_range"] = (min(values), max(values))
        else:
            out[key] = value
    out["interactions"] = sum(r["interactions"] for r in rounds)  # totals, not medians
    out["mismatches"] = sum(r["mismatches"] for r in rounds)
    return out


# -- 2. first page: HTML and every asset it references ----------------------------
class _AssetLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])  # type: ignore[arg-type]
        elif tag == "link" and a.get("href") and not a["href"].startswith("data:"):  # type: ignore[union-attr]
            self.urls.append(a["href"])  # type: ignore[arg-type]


def first_page(app: str) -> dict[str, Any]:
    """Bytes on the wire for a first view, gzip-accepting and not, and the number of requests."""
    out: dict[str, Any] = {"app": app, "assets": []}
    with start(app) as server:
        for label, encoding in (("gzip", "gzip"), ("raw", "identity")):
            tab = Tab(server.port, accept_encoding=encoding)
            page = tab.open()
            parser = _AssetLinks()
            parser.feed(tab.page)
            total = len(page.body) + page.header_bytes
            body_total = len(page.body)
            html_body = len(page.body)
            requests = 1
            for url in parser.urls:
                parts = urlsplit(urljoin(server.url, url))
                if parts.hostname not in (HOST, "localhost"):
                    out.setdefault("external", []).append(url)
                    continue
                answer = tab.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
                requests += 1
                total += len(answer.body) + answer.header_bytes
                body_total += len(answer.body)
                if label == "gzip":
                    out["assets"].append({"url": parts.path, "status": answer.status, "gzip_bytes": len(answer.body)})
                else:
                    for asset in out["assets"]:
                        if asset["url"] == parts.path:
                            asset["raw_bytes"] = len(answer.body)
            if label == "gzip":
                tree = json.loads(decoded(tab.request("GET", "/?format=json")))
                out["elements"] = sum(len(root["children"]) for root in tree["tree"].values())
            tab.close()
            out[f"{label}_html_bytes"] = html_body
            out[f"{label}_body_bytes"] = body_total
            out[f"{label}_wire_bytes"] = total
            out["requests"] = requests
    return out


# -- 3. memory per idle session ----------------------------------------------------
def idle_memory(app: str, sessions: int = 200, warmup: int = 20, settle: float = 0.5) -> dict[str, Any]:
    """RSS growth of the server after `sessions` fresh tabs (GET only, new cookie each), per tab."""
    with start(app) as server:
        for _ in range(warmup):
            tab = Tab(server.port)
            tab.open()
            tab.close()
        time.sleep(settle)
        before = server.rss_bytes()
        for _ in range(sessions):
            tab = Tab(server.port)
            tab.open()
            tab.close()
        time.sleep(settle)
        after = server.rss_bytes()
    return {
        "app": app,
        "sessions": sessions,
        "rss_before_mb": before / 2**20,
        "rss_after_mb": after / 2**20,
        "per_session_kb": (after - before) / sessions / 1024,
    }


def idle_memory_traced(app: str, sessions: int = 200) -> dict[str, Any]:
    """The same growth seen by tracemalloc in-process (Flask test client): Python heap only."""
    import gc
    import tracemalloc

    from server import APPS

    import htst

    flask_app = htst.create_app(APPS / f"{app}.py")
    client = flask_app.test_client()
    for _ in range(20):
        client.get("/")
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for _ in range(sessions):
        client.get("/")
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return {"app": app, "sessions": sessions, "per_session_kb": (after - before) / sessions / 1024}


# -- 4. throughput under concurrent sessions ---------------------------------------
def _client_process(port: int, app: str, offsets: list[float], interval: float | None, start_at: float, stop_at: float, max_steps: int, out: Any) -> None:
    """One client process: a thread per tab, each interacting until `stop_at`.

    Without `interval` a tab sends back to back (a closed loop). With it, tab i sends at
    `start_at + offsets[i] + k * interval`, and its latency is counted from that
    scheduled moment, so a server that falls behind shows as latency instead of
    silently lowering the load (no coordinated omission).
    """
    results: list[dict[str, Any]] = []
    lock = threading.Lock()

    def one_tab(offset: float) -> None:
        record: dict[str, Any] = {"times": [], "errors": 0, "mismatches": 0, "clicks": 0, "final_ok": False}
        try:
            tab = Tab(port)
            tab.open()
            action = INTERACTIONS[app](tab)
            next_at = start_at + offset
            time.sleep(max(0.0, next_at - time.time()))
            while time.time() < stop_at and action.clicks < max_steps:
                if interval is None:
                    record["times"].append(action.step().seconds)
                    continue
                time.sleep(max(0.0, next_at - time.time()))
                if next_at >= stop_at:
                    break
                action.step()
                record["times"].append(time.time() - next_at)
                next_at += interval
            record["clicks"] = action.clicks
            record["mismatches"] = action.mismatches
            if isinstance(action, Counter):
                record["final_ok"] = action.final_count() == action.clicks
            else:
                record["final_ok"] = action.mismatches == 0
            tab.close()
        except Exception as exc:  # counted, reported; the run goes on
            record["errors"] += 1
            record["error"] = repr(exc)
        with lock:
            results.append(record)

    threads = [threading.Thread(target=one_tab, args=(offset,), daemon=True) for offset in offsets]
    for t in threads:
        t.start()
    time.sleep(max(0.0, start_at - time.time()))
    cpu0 = time.process_time()
    time.sleep(max(0.0, stop_at - time.time()))
    cpu1 = time.process_time()  # this process's CPU inside the measured window
    for t in threads:
        t.join(timeout=max(1.0, stop_at - time.time()) + 60)
    out.put((results, cpu1 - cpu0))


def throughput(app: str, sessions: int, seconds: float = 10.0, processes: int | None = None, threads: int = 16, connection_limit: int | None = None, rate: float | None = None) -> dict[str, Any]:
    """`sessions` tabs interacting for `seconds`; isolation checked per tab.

    Back to back by default; with `rate`, the tabs together offer `rate` interactions/s,
    evenly spread, and latency counts from each interaction's scheduled time.
    """
    server = start(app, threads=threads, connection_limit=connection_limit)
    try:
        processes = processes or min(sessions, 4)
        shares = [sessions // processes + (1 if i < sessions % processes else 0) for i in range(processes)]
        ramp = 2.0 + sessions * 0.01  # time to open every tab before the clock starts
        start_at = time.time() + ramp
        stop_at = start_at + seconds
        ctx = mp.get_context("fork")
        queue = ctx.Queue()
        interval = sessions / rate if rate else None
        offsets = [i / sessions * interval if interval else 0.0 for i in range(sessions)]
        procs = []
        for n in shares:
            if n:
                mine, offsets = offsets[:n], offsets[n:]
                procs.append(ctx.Process(target=_client_process, args=(server.port, app, mine, interval, start_at, stop_at, 10**6, queue)))
        for p in procs:
            p.start()
        time.sleep(max(0.0, start_at - time.time()))
        cpu0, t0, busy0 = server.cpu_seconds(), time.perf_counter(), machine_busy_seconds()
        time.sleep(max(0.0, stop_at - time.time()))
        cpu1, wall, busy1 = server.cpu_seconds(), time.perf_counter() - t0, machine_busy_seconds()
        records: list[dict[str, Any]] = []
        client_cpu = 0.0
        for _ in procs:
            got, cpu = queue.get(timeout=seconds + ramp + 120)
            records.extend(got)
            client_cpu += cpu
        for p in procs:
            p.join(10)
        rss = server.rss_bytes()
        other = (busy1 - busy0) - (cpu1 - cpu0) - client_cpu
    finally:
        stop(server)
    times = [t for r in records for t in r["times"]]
    total = sum(r["clicks"] for r in records)
    return {
        "app": app,
        "sessions": sessions,
        "offered_per_s": rate,
        "client_processes": len(procs),
        "server_threads": server.threads,
        "connection_limit": server.connection_limit,
        "interactions": total,
        "per_s": len(times) / wall if times else 0.0,
        "p50_ms": percentile(times, 50) * 1e3 if times else float("nan"),
        "p99_ms": percentile(times, 99) * 1e3 if times else float("nan"),
        "server_cores": (cpu1 - cpu0) / wall,
        "server_cpu_ms": (cpu1 - cpu0) / max(1, len(times)) * 1e3,
        "client_cores": client_cpu / wall,
        "other_load_cores": max(0.0, other / wall),
        "tabs_starved": sum(1 for r in records if not r["times"]),
        "min_per_tab": min((len(r["times"]) for r in records), default=0),
        "max_per_tab": max((len(r["times"]) for r in records), default=0),
        "server_log": server.log_tail(),
        "tabs_ok": sum(1 for r in records if r["final_ok"] and not r["mismatches"] and not r["errors"]),
        "tabs": len(records),
        "errors": sum(r["errors"] for r in records),
        "error_sample": next((r["error"] for r in records if "error" in r), None),
        "mismatches": sum(r["mismatches"] for r in records),
        "rss_mb": rss / 2**20,
    }


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="One bench measurement (run_all.py runs them all).")
    parser.add_argument("what", choices=["rtt", "first", "memory", "throughput"])
    parser.add_argument("--app", default="counter", choices=sorted(INTERACTIONS))
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--connection-limit", type=int, default=None)
    parser.add_argument("--rate", type=float, default=None, help="offered interactions/s (default: back to back)")
    args = parser.parse_args()
    if args.what == "rtt":
        print(round_trips(args.app, args.count, threads=args.threads))
    elif args.what == "first":
        print(first_page(args.app))
    elif args.what == "memory":
        print(idle_memory(args.app), idle_memory_traced(args.app))
    else:
        print(throughput(args.app, args.sessions, args.seconds, threads=args.threads, connection_limit=args.connection_limit, rate=args.rate))
