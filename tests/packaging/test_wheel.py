"""The wheel ships templates/ and static/, so a non-editable install serves a styled page."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{result.stdout}\n{result.stderr}")
    return next(out.glob("htst-*.whl"))


def test_wheel_contains_templates_static_and_vendored_htmx(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "htst/templates/page.html",
        "htst/templates/elements/button.html",
        "htst/static/htst.css",
        "htst/static/htst.js",
        "htst/static/htmx-4.0.1.min.js",
        "htst/static/htmx-4.0.1.LICENSE.txt",
        "htst/hello/hello_app.py",
    ):
        assert required in names, f"{required} missing from {wheel.name}"


def test_wheel_declares_the_htst_command(wheel):
    entry_points = zipfile.ZipFile(wheel).read(
        next(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith("entry_points.txt"))
    ).decode()
    assert "htst = htst.cli:main" in entry_points
