"""Material Symbols (rounded, weight 400) as inline SVG: a page carries only the icons it uses.

The path data of every symbol is vendored from npm `@material-symbols/svg-400` 0.48.2
(Apache-2.0, `material_symbols.LICENSE.txt`) as one gzipped JSON file, read on first use.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import threading
from pathlib import Path

from markupsafe import Markup

_FILE = Path(__file__).with_name("material_symbols_rounded.json.gz")
_VIEWBOX = "0 -960 960 960"
_paths: dict[str, str] | None = None
_lock = threading.Lock()


def _symbols() -> dict[str, str]:
    global _paths
    if _paths is None:
        with _lock:
            if _paths is None:
                _paths = json.loads(gzip.decompress(_FILE.read_bytes()))
    return _paths


_TOKEN = re.compile(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)")


@functools.cache
def _path(name: str) -> str:
    """The symbol's path with whole-unit coordinates: in a 960-unit box drawn at ~20 px a
    unit is 1/48 px, so hundredths only cost bytes (about a third of every icon's)."""
    out, after_number = [], False
    for token in _TOKEN.findall(_symbols().get(name, "")):
        if token.isalpha():
            out.append(token)
            after_number = False
            continue
        number = str(round(float(token)))  # an int: never "-0"
        if after_number and not number.startswith("-"):
            out.append(" ")
        out.append(number)
        after_number = True
    return "".join(out)


def exists(name: str) -> bool:
    return name in _symbols()


def svg(name: str) -> Markup:
    """The symbol inline, sized to the text and coloured like it; decorative."""
    path = _path(name)
    return Markup(
        f'<svg class="htst-icon htst-material" viewBox="{_VIEWBOX}" width="1.25em" height="1.25em" '
        f'fill="currentColor" aria-hidden="true" focusable="false" data-icon="{name}"><path d="{path}"/></svg>'
    )


def svg_file(name: str) -> bytes:
    """The symbol as an SVG file (a favicon, a logo): black, as Streamlit's."""
    path = _path(name)
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_VIEWBOX}"><path d="{path}"/></svg>'.encode()
