"""Helpers for the text, alert and data-display parameter tests: serve an inline script
with the Flask test client and read its page as a small DOM.

`page(tmp_path, source)` returns the root `El` of the served page; `main(...)` the
elements drawn in the main area, in order (one `El` per st.* element).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from html_dom import El, parse

import htst


def page_html(tmp_path: Path, source: str) -> str:
    """The HTML of the page an app serving `source` answers a first GET with."""
    path = tmp_path / "app.py"
    path.write_text("import htst as st\n" + textwrap.dedent(source), encoding="utf-8")
    app = htst.create_app(path)
    app.testing = True
    response = app.test_client().get("/")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def main(tmp_path: Path, source: str) -> list[El]:
    """The elements the script drew in the main area, in order."""
    root = parse(page_html(tmp_path, source))
    (area,) = [el for el in root.walk() if el.get("id") == "hm"]
    return area.children
