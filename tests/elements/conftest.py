"""Fixtures for the parameter tests: a served app's page as a small DOM, and posts to it.

`serve(source)` serves an inline script with the Flask test client and returns a `Page`:
its parsed HTML (`page.dom`), and `page.post(...)` to send what a browser would (a plain
post without JavaScript answers with the whole page, which becomes `page.dom`).
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from werkzeug.datastructures import MultiDict

import htst

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


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

    def handle_endtag(self, tag: str) -> None:
        el = self._open
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


class Page:
    """A browser tab on a served app: the page it shows and the posts it can make."""

    def __init__(self, client: Any):
        self.client = client
        self.load(client.get("/").get_data(as_text=True))

    def load(self, html: str) -> None:
        self.html = html
        self.dom = parse(html)
        self.token = self.dom.find("input", name="_htst_tab")["value"]

    def widget(self, label: str) -> El:
        """A widget's root element, by its label's text (a label, a legend or a button)."""
        for el in self.dom.find_all(cls="htst-widget"):
            for tag in ("label", "legend", "button"):
                first = el.find_all(tag)
                if first and first[0].text.removesuffix("?").strip() == label:
                    return el
        raise AssertionError(f"no widget labelled {label!r}")

    def wid(self, label: str) -> str:
        root = self.widget(label)
        clicked = root.find_all(name="_htst_click")
        if clicked:
            return clicked[0]["value"]
        return next(e["name"] for e in root.walk() if e.get("name", "").startswith("w"))

    def fields(self, **typed: str) -> list[tuple[str, str]]:
        """What a browser without JavaScript posts: every field of the page, some typed over."""
        out = []
        for el in self.dom.find("form", id="htst-form").walk():
            name = el.get("name")
            if not name or "disabled" in el.attrs or name == "_htst_tab":
                continue
            if el.tag == "input" and el.get("type", "text") not in ("submit", "button", "checkbox", "radio", "file"):
                out.append((name, typed.get(name, el.get("value", ""))))
            elif el.tag == "input" and el.get("type") in ("checkbox", "radio") and "checked" in el.attrs:
                out.append((name, typed.get(name, el.get("value", "on"))))
            elif el.tag == "textarea":
                out.append((name, typed.get(name, el.text)))
            elif el.tag == "select":
                chosen = [o.get("value", "") for o in el.find_all("option", selected=True)]
                out.extend((name, typed.get(name, v)) for v in (chosen or [""])[: None if "multiple" in el.attrs else 1])
        return out

    def post(self, data: dict[str, Any] | list[tuple[str, str]], *, htmx: bool = False) -> Any:
        """POST /_htst/rerun; a plain post's page answer becomes this tab's page."""
        fields = list(data.items()) if isinstance(data, dict) else list(data)
        fields.append(("_htst_tab", self.token))
        response = self.client.post("/_htst/rerun", data=MultiDict(fields), headers={"HX-Request": "true"} if htmx else {})
        if not htmx and response.status_code == 200 and response.mimetype == "text/html":
            self.load(response.get_data(as_text=True))
        return response

    def submit(self, button: str | None = None, **typed: str) -> Any:
        """A plain form post (no JavaScript): every field, and the button clicked."""
        fields = self.fields(**typed)
        if button is not None:
            fields.append(("_htst_click", self.wid(button)))
        return self.post(fields)


@pytest.fixture
def serve(tmp_path) -> Callable[..., Page]:
    """`serve(source, **config)`: a tab on an app serving the inline script `source`."""
    names = itertools.count(1)

    def make(source: str, **options: Any) -> Page:
        path = tmp_path / f"app_{next(names)}.py"
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        app = htst.create_app(path, **options)
        app.testing = True
        return Page(app.test_client())

    return make
