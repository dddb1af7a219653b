"""`gunicorn "htst.wsgi:create_app('app.py')"` serves the app."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

import pytest

from test_cli import _free_port


@pytest.mark.skipif(sys.platform == "win32", reason="gunicorn is Unix-only")
def test_gunicorn_serves_create_app(tmp_path):
    pytest.importorskip("gunicorn")
    (tmp_path / "app.py").write_text("import htst as st\nst.title('Served by gunicorn')\n")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-b", f"127.0.0.1:{port}", "--threads", "4",
         "htst.wsgi:create_app('app.py')"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        page = None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and page is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    page = r.read().decode()
            except OSError:
                time.sleep(0.2)
        assert page is not None, "gunicorn did not answer"
        assert "Served by gunicorn" in page
    finally:
        proc.terminate()
        proc.communicate(timeout=15)
