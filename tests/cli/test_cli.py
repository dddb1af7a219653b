"""The `htst` command line: version, run (with flags and script args), hello, errors."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from htst.cli import main


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(args: list[str], cwd: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "htst", *args], cwd=cwd,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_htst/health", timeout=1) as r:
                if r.read() == b"ok":
                    return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError(f"server did not start: {proc.communicate()[0]}")


def test_version_prints_the_version(capsys):
    assert main(["version"]) == 0
    assert "htst, version 0.1.0" in capsys.readouterr().out


def test_run_missing_file_is_a_clear_error(capsys, tmp_path):
    assert main(["run", str(tmp_path / "nope.py")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_unknown_flag_is_a_clear_error(capsys, tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import htst as st\n")
    assert main(["run", str(script), "--server.prot", "1"]) == 2
    assert "server.port" in capsys.readouterr().err


def test_run_passes_script_args_and_honours_flags(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import sys\nimport htst as st\nst.write('args:', ' '.join(sys.argv[1:]))\n")
    port = _free_port()
    proc = _serve(["run", "app.py", "--server.port", str(port), "--server.headless", "true", "--", "alpha", "--beta"], tmp_path, port)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            page = r.read().decode()
        assert "args: alpha --beta" in page
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def test_hello_serves_the_demo_headless(tmp_path):
    port = _free_port()
    proc = _serve(["hello", "--server.port", str(port), "--server.headless", "true"], tmp_path, port)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            page = r.read().decode()
        assert "Hello, htst" in page
        assert "/_htst/static/htst.css" in page
    finally:
        proc.terminate()
        out = proc.communicate(timeout=10)[0]
    assert f"http://localhost:{port}/" in out


@pytest.mark.parametrize("option", ["--server.port", "--server.address"])
def test_flags_need_values(capsys, tmp_path, option):
    script = tmp_path / "app.py"
    script.write_text("")
    assert main(["run", str(script), option]) == 2
