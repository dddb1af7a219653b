"""Where templates/ and static/ live: inside the package in a wheel, at the repo root in a checkout."""

from __future__ import annotations

import functools
import re
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise RuntimeError(f"htst cannot find its {name}/ folder (looked in {_PACKAGE} and its parent)")


TEMPLATES_DIR = _find("templates")
STATIC_DIR = _find("static")


def strip_css(source: str) -> str:
    """CSS without comments and blank lines (htst's CSS has no `/*` inside strings)."""
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL)
    return "\n".join(line.strip() for line in source.splitlines() if line.strip()) + "\n"


@functools.cache
def inline_css(name: str) -> str:
    """A stylesheet of static/ to inline in a whole page (one request fewer on a first view)."""
    return strip_css((STATIC_DIR / name).read_text(encoding="utf-8"))
