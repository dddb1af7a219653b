"""Where templates/ and static/ live: inside the package in a wheel, at the repo root in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise RuntimeError(f"htst cannot find its {name}/ folder (looked in {_PACKAGE} and its parent)")


TEMPLATES_DIR = _find("templates")
STATIC_DIR = _find("static")
