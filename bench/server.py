"""Run an htst app under waitress in a child process, and read that process's CPU and RSS.

The parent starts `python bench/server.py APP --threads N`; the child binds 127.0.0.1 on
a free port (port 0, so there is no race for the number), prints `READY <port>` and
serves until it is terminated. Everything the bench knows about the server it reads from
/proc, so the measurement adds no code to the server.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = Path(__file__).resolve().parent / "apps"
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Server:
    """A running child server: its process, port and app path."""

    proc: subprocess.Popen
    port: int
    app: Path
    threads: int
    log: Path
    connection_limit: int = 0  # waitress's limit on open connections, as the server reports it
    log_text: str | None = None  # kept when the server stops and its log file is removed
    htst_file: str = ""  # the htst package the server imported (`htst.__file__`)

    def log_tail(self, limit: int = 2000) -> str:
        """What the server wrote to stderr (waitress warnings, tracebacks), last `limit` chars."""
        if self.log_text is not None:
            return self.log_text[-limit:]
        try:
            return self.log.read_text(errors="replace")[-limit:]
        except OSError:
            return ""

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def cpu_seconds(self) -> float:
        return cpu_seconds(self.pid)

    def rss_bytes(self) -> int:
        return rss_bytes(self.pid)

    def stop(self) -> None:
        stop(self)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(
    app: str | Path,
    threads: int = 16,
    timeout: float = 20.0,
    connection_limit: int | None = None,
    src: str | Path | None = None,
    python: str | None = None,
    env_extra: dict[str, str] | None = None,
) -> Server:
    """Start `app` (a path, or a name under bench/apps/) in a child process; wait until it serves.

    `connection_limit` overrides waitress's limit on open connections after htst's
    `make_server` built the server (None: keep what htst ships). `src` is the checkout
    whose `htst` package the server imports (first on its PYTHONPATH; default: this one),
    `python` the interpreter it runs under (default: this one).
    """
    path = Path(app)
    if not path.exists():
        path = APPS / (str(app) if str(app).endswith(".py") else f"{app}.py")
    log = Path(tempfile.mkstemp(prefix="htst-bench-", suffix=".log")[1])
    src = src or os.environ.get("HTST_BENCH_SRC")  # e.g. an older checkout, to compare
    source = Path(src).resolve() if src else ROOT
    env = dict(os.environ, **(env_extra or {}))
    env["PYTHONPATH"] = str(source) + os.pathsep + env.get("PYTHONPATH", "")
    with log.open("w") as stderr:
        proc = subprocess.Popen(
            [python or sys.executable, str(Path(__file__).resolve()), str(path), "--threads", str(threads),
             "--src", str(source)]
            + (["--connection-limit", str(connection_limit)] if connection_limit else []),
            cwd=str(path.parent),
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("READY "):
            parts = line.split()
            server = Server(proc, int(parts[1]), path, threads, log, int(parts[2]))
            server.htst_file = parts[3] if len(parts) > 3 else ""
            return server
    proc.kill()
    proc.wait(5)
    raise RuntimeError(f"bench server for {path} did not start within {timeout} s: {log.read_text()[-2000:]}")


def stop(server: Server) -> None:
    """Terminate the child (SIGTERM, then SIGKILL after 5 s)."""
    if server.proc.poll() is None:
        server.proc.terminate()
        try:
            server.proc.wait(5)
        except subprocess.TimeoutExpired:
            server.proc.kill()
            server.proc.wait(5)
    if server.proc.stdout is not None:
        server.proc.stdout.close()
    if server.log_text is None:
        server.log_text = server.log_tail(limit=10**6)
        server.log.unlink(missing_ok=True)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of all threads of `pid` (from /proc/<pid>/stat, clock ticks)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def machine_busy_seconds() -> float:
    """CPU time spent by every process on the machine (all cores), from /proc/stat.

    The bench subtracts the server's and its own CPU from this to report how busy the
    rest of the machine was while it measured: wall-clock figures mean little on a box
    where something else is using the cores.
    """
    with open("/proc/stat", encoding="ascii") as f:
        fields = f.readline().split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / CLK_TCK


def rss_bytes(pid: int) -> int:
    """Resident set size of `pid` (from /proc/<pid>/statm)."""
    with open(f"/proc/{pid}/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * PAGE_SIZE


def _serve(app: Path, threads: int, connection_limit: int | None = None, src: Path = ROOT) -> None:
    sys.path.insert(0, str(src))
    import htst
    from htst.config import Config
    from htst.server.serve import make_server

    config = Config.load().with_overrides({
        "server.address": "127.0.0.1",
        "server.port": 0,
        "server.threads": threads,
        "server.headless": True,
    })
    flask_app = htst.create_app(app, config=config)
    server = make_server(flask_app, config)
    if connection_limit:
        server.adj.connection_limit = connection_limit  # waitress reads it on every accept
    print(f"READY {server.effective_port} {server.adj.connection_limit} {htst.__file__}", flush=True)
    try:
        server.run()
    finally:
        server.close()


if __name__ == "__main__":
    import logging
    import signal

    logging.basicConfig(level=logging.WARNING)
    # One line per queued task under load would drown the warnings that matter.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("app", type=Path)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--connection-limit", type=int, default=None)
    parser.add_argument("--src", type=Path, default=ROOT, help="checkout whose htst to serve (default: this one)")
    args = parser.parse_args()
    _serve(args.app.resolve(), args.threads, args.connection_limit, args.src.resolve())
