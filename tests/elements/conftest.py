"""Fixtures for the parameter tests: a served app's page as a small DOM, and posts to it.

`serve(source)` serves an inline script with the Flask test client and returns a `Page`:
its parsed HTML (`page.dom`), and `page.post(...)` to send what a browser would (a plain
post without JavaScript answers with the whole page, which becomes `page.dom`).
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Callable
from typing import Any

import pytest
from html_dom import El, parse
from werkzeug.datastructures import MultiDict

import htst


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
