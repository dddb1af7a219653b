"""The `htst` command line: version, run (with flags and script args), hello, errors."""

from __future__ import annotations

import re
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
        [sys.executable, "-m", "htst", args[0], "--server.address", "127.0.0.1", *args[1:]], cwd=cwd,
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


def test_version_flag(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == "htst, version 0.1.0\n"


@pytest.mark.parametrize("command", ["run", "hello", "config", "cache", "version"])
def test_every_command_has_help_and_starts_nothing(capsys, command):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: htst {command}")
    if command in ("run", "hello"):
        from htst.config import OPTIONS

        assert all(f"--{option.key} " in out for option in OPTIONS)  # every option, as a flag
        assert "TCP port the server listens on. Default: 8501." in out


def test_help_after_the_script_is_still_help(capsys, tmp_path):
    assert main(["run", str(tmp_path / "app.py"), "-h"]) == 0
    assert "usage: htst run APP" in capsys.readouterr().out


def test_an_unknown_command_names_the_closest(capsys):
    assert main(["rnu", "app.py"]) == 2
    assert "no such command: 'rnu'. Did you mean `htst run`?" in capsys.readouterr().err


def test_config_show_lists_every_option_with_its_value_and_source(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HTST_THEME_BASE", "dark")
    (tmp_path / ".htst").mkdir()
    (tmp_path / ".htst" / "config.toml").write_text('[server]\nport = 9000\ncookieSecret = "hush"\n')
    assert main(["config", "show", "--runner.magicEnabled", "false"]) == 0
    out = capsys.readouterr().out
    from htst.config import OPTIONS

    sections = [line for line in out.splitlines() if line.startswith("[")]
    assert sections == [f"[{s}]" for s in dict.fromkeys(o.section for o in OPTIONS)]
    for option in OPTIONS:
        if option.key != "server.cookieSecret":
            assert f"\n{option.name} = " in out, option.key
    block = out[out.index("\n# TCP port"):]
    assert block.splitlines()[2:6] == ["# Type: integer", "# Default: 8501", f"# Set by: {tmp_path / '.htst' / 'config.toml'}", "port = 9000"]
    assert '# Set by: environment variable HTST_THEME_BASE\nbase = "dark"' in out
    assert "# Set by: command-line flag\nmagicEnabled = false" in out
    assert "hush" not in out and "(the value is not shown)" in out


def test_a_port_in_use_is_one_line_and_exit_1(tmp_path):
    (tmp_path / "app.py").write_text("import htst as st\n")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "htst", "run", "app.py", "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true"],
            cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
        )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [f"htst: port {port} is already in use; choose another with --server.port {port + 1}"]


def test_startup_prints_the_local_url_and_the_network_url_for_every_interface(tmp_path, monkeypatch, capsys):
    from htst.server import serve as serving

    started = []
    monkeypatch.setattr(serving, "serve", lambda app, config, on_ready: started.append(config) or on_ready(None))
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    script = tmp_path / "app.py"
    script.write_text("import htst as st\n")
    assert main(["run", str(script), "--server.headless", "true", "--server.port", "8999", "--server.baseUrlPath", "tools"]) == 0
    out = capsys.readouterr().out
    assert "Local URL: http://localhost:8999/tools/" in out
    assert re.search(r"Network URL: http://\d+\.\d+\.\d+\.\d+:8999/tools/", out)
    assert started[0]["server.address"] == ""
    assert main(["run", str(script), "--server.headless", "true", "--server.address", "127.0.0.1"]) == 0
    assert "Network URL" not in capsys.readouterr().out


def test_an_app_from_a_url_is_downloaded_and_run(tmp_path):
    import http.server
    import threading

    served = tmp_path / "served"
    served.mkdir()
    (served / "remote_app.py").write_text("import htst as st\nst.write('from the web')\n")
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(served), **k)
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as web:
        threading.Thread(target=web.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{web.server_address[1]}/remote_app.py"
        port = _free_port()
        proc = _serve(["run", url, "--server.port", str(port), "--server.headless", "true"], tmp_path, port)
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                assert "from the web" in r.read().decode()
        finally:
            proc.terminate()
            proc.communicate(timeout=10)
            web.shutdown()


def test_an_app_url_that_cannot_be_fetched_is_a_clear_error(capsys):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    assert main(["run", f"http://127.0.0.1:{port}/app.py"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"htst: could not fetch the app from http://127.0.0.1:{port}/app.py:") and err.count("\n") == 1


def test_python_m_htst_is_the_same_command():
    done = subprocess.run([sys.executable, "-m", "htst", "--version"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and done.stdout == "htst, version 0.1.0\n"


def test_the_terminal_log_shows_script_errors_once_and_requests_at_debug(tmp_path):
    (tmp_path / "app.py").write_text("import htst as st\nst.write('before')\n1 / 0\n")
    port = _free_port()
    proc = _serve(["run", "app.py", "--server.port", str(port), "--server.headless", "true", "--logger.level", "debug"], tmp_path, port)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert "ZeroDivisionError" in r.read().decode()  # the page shows it as before
    finally:
        proc.terminate()
        out = proc.communicate(timeout=10)[0]
    assert out.count("ERROR htst.script: Uncaught exception in app.py") == 1
    assert "Traceback (most recent call last)" in out and 'app.py", line 3' in out
    assert re.search(r"DEBUG htst\.server: GET / -> 200", out)


def test_at_the_default_level_requests_are_not_logged(tmp_path):
    (tmp_path / "app.py").write_text("import htst as st\nst.write('fine')\n")
    port = _free_port()
    proc = _serve(["run", "app.py", "--server.port", str(port), "--server.headless", "true"], tmp_path, port)
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).close()
    finally:
        proc.terminate()
        out = proc.communicate(timeout=10)[0]
    assert "GET / -> 200" not in out and "Local URL" in out
