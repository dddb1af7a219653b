"""A page's HTML as a small DOM for tests: `parse(html)` gives the document's root `El`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


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

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str | bool) -> list[El]:
        """Descendants by tag, class and attributes (`True`: the attribute is there at all;
        a `_` in a name stands for `-`)."""
        found = []
        for el in self.walk():
            if tag is not None and el.tag != tag:
                continue
            if cls is not None and cls not in el.classes:
                continue
            ok = True
            for name, want in attrs.items():
                name = name.replace("_", "-")
                if want is True:
                    ok = ok and name in el.attrs
                elif want is False:
                    ok = ok and name not in el.attrs
                else:
                    ok = ok and el.attrs.get(name) == want
            if ok:
                found.append(el)
        return found

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str | bool) -> El:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag or '*'}> with class {cls!r} and {attrs} in {self.tag}#{self.attrs.get('id')}"
        return found[0]

    def has(self, tag: str | None = None, cls: str | None = None, **attrs: str | bool) -> bool:
        return bool(self.find_all(tag, cls, **attrs))

    def __getitem__(self, name: str) -> str:
        return self.attrs[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.attrs.get(name, default)

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
        if tag not in VOID:
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
