"""Helpers for the text, alert and data-display parameter tests: serve an inline script
with the Flask test client and read its page as a small DOM.

`page(tmp_path, source)` returns the root `El` of the served page; `main(...)` the
elements drawn in the main area, in order (one `El` per st.* element).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import htst

_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class El:
    """One element: its tag, attributes, children and text."""

    def __init__(self, tag: str, attrs: dict[str, str], parent: El | None):
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[El] = []
        self.parts: list[str] = []

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.parts)).strip()

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def walk(self) -> Iterator[El]:
        for child in self.children:
            yield child
            yield from child.walk()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[El]:
        return [
            el
            for el in self.walk()
            if (tag is None or el.tag == tag) and (cls is None or cls in el.classes)
        ]

    def find(self, tag: str | None = None, cls: str | None = None) -> El:
        found = self.find_all(tag, cls)
        assert found, f"no <{tag or '*'}> of class {cls!r} in {self!r}"
        return found[0]

    def has(self, tag: str | None = None, cls: str | None = None) -> bool:
        return bool(self.find_all(tag, cls))

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def __getitem__(self, name: str) -> str:
        return self.attrs[name]

    def __contains__(self, name: str) -> bool:
        return name in self.attrs

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"


class _Parser(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = El("#document", {}, None)
        self._open = self.root
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = El(tag, {k: v or "" for k, v in attrs}, self._open)
        self._open.children.append(el)
        if tag not in _VOID:
            self._open = el

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open.children.append(El(tag, {k: v or "" for k, v in attrs}, self._open))

    def handle_endtag(self, tag: str) -> None:
        el: El | None = self._open
        while el is not None and el.tag != tag:
            el = el.parent
        if el is not None and el.parent is not None:
            self._open = el.parent

    def handle_data(self, data: str) -> None:
        el: El | None = self._open
        while el is not None:
            el.parts.append(data)
            el = el.parent


def parse(html: str) -> El:
    return _Parser(html).root


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
