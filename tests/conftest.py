"""Fixtures shared by all tests: a guard that no script-run context leaks between tests,
and the HTTP contract's helpers (an app from inline source, a browser-tab helper).

HTTP tests drive the Flask test client (its cookie jar plays curl's `-c jar -b jar`) and
assert on parsed HTML: which fragments were sent, and which were not.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict
from werkzeug.test import TestResponse

import htst
from htst.runtime.context import current_or_none

HTMX = {"HX-Request": "true"}
_PARTIAL = re.compile(r'<hx-partial hx-target="#([^"]+)"[^>]*>(.*?)</hx-partial>', re.DOTALL)


class PageInfo(HTMLParser):
    """What a test needs from a page: the tab token, widget ids by label, element ids, text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.token: str | None = None
        self.widgets: dict[str, str] = {}  # label -> widget id
        self.element_ids: list[str] = []
        self.urls: list[str] = []  # action, hx-post, src, href and data-*-url attributes
        self.form_fields: list[tuple[str, str]] = []  # what a browser without JS submits
        self._select: list[Any] | None = None  # [name, first option value, selected value]
        self._texts: list[str] = []
        self._capture: list[Any] | None = None  # [end tag, widget id or None, text parts]
        self._legend: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.element_ids.append(a["id"])
        for name, value in a.items():
            if name in ("action", "hx-post", "src", "href") or (
                name.startswith("data-") and name.endswith("-url")
            ):
                self.urls.append(value)
        self._form_field(tag, a)
        if tag == "input" and a.get("name") == "_htst_tab":
            self.token = a.get("value")
        elif tag == "label" and a.get("for"):
            self._capture = ["label", a["for"], []]
        elif tag == "button" and a.get("name") == "_htst_click" and a.get("value"):
            self._capture = ["button", a["value"], []]
        elif tag == "legend":
            self._capture = ["legend", None, []]
        elif tag == "input" and a.get("type") == "radio" and self._legend is not None:
            self.widgets.setdefault(self._legend, a["name"])
        elif tag == "fieldset":
            self._legend = None

    def _form_field(self, tag: str, a: dict[str, str]) -> None:
        if "disabled" in a:
            return
        if (
            tag == "input"
            and a.get("name")
            and a.get("type", "text") not in ("submit", "button", "image", "reset")
        ):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.form_fields.append((a["name"], a.get("value", "on")))
        elif tag == "select" and a.get("name"):
            self._select = [a["name"], None, None]
        elif tag == "option" and self._select is not None:
            if self._select[1] is None:
                self._select[1] = a.get("value", "")
            if "selected" in a:
                self._select[2] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select is not None:
            name, first, selected = self._select
            self.form_fields.append((name, selected if selected is not None else first or ""))
            self._select = None
        if self._capture is not None and tag == self._capture[0]:
            end, wid, parts = self._capture
            text = re.sub(r"\s+", " ", "".join(parts)).strip().removesuffix("?").strip()
            if end == "legend":
                self._legend = text
            else:
                self.widgets.setdefault(text, wid)
            self._capture = None

    def handle_data(self, data: str) -> None:
        self._texts.append(data)
        if self._capture is not None:
            self._capture[2].append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self._texts))

    def wid(self, label: str) -> str:
        try:
            return self.widgets[label]
        except KeyError:
            raise AssertionError(
                f"no widget labelled {label!r}; the page has {sorted(self.widgets)}"
            ) from None


def sse_messages(body: str) -> list[tuple[str, str]]:
    """A text/event-stream body as (event name, data) pairs, in order."""
    messages = []
    for block in body.split("\n\n"):
        event, data = "", []
        for line in block.split("\n"):
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "event":
                event = value
            elif field == "data":
                data.append(value)
        if event or data:
            messages.append((event, "\n".join(data)))
    return messages


def partials(body: str | bytes) -> dict[str, str]:
    """`<hx-partial>` answers by target id; asserts the body holds nothing else.

    A streamed answer (a run that took a while) is read as the client applies it: its
    unnamed messages in order, a later partial for a target replacing an earlier one.
    """
    if isinstance(body, bytes):
        body = body.decode()
    if body.startswith(("event:", "data:")):
        body = "".join(data for event, data in sse_messages(body) if not event)
    found = {m.group(1): m.group(2) for m in _PARTIAL.finditer(body)}
    rest = _PARTIAL.sub("", body).strip()
    assert not rest, (
        f"an HTMX answer should hold only <hx-partial> elements, also got {rest[:200]!r}"
    )
    return found


class Tab:
    """One browser tab: a page load gives a token; posts carry it, with the client's cookies."""

    def __init__(self, client: FlaskClient, url: str = "/", prefix: str = ""):
        self.client = client
        self.prefix = prefix.rstrip("/")
        self.response = client.get(self.prefix + url)
        assert self.response.status_code == 200, self.response.get_data(as_text=True)
        self.page = PageInfo(self.response.get_data(as_text=True))
        assert self.page.token, "the page has no _htst_tab token"
        self.token: str = self.page.token

    def wid(self, label: str) -> str:
        return self.page.wid(label)

    def post(
        self,
        data: dict[str, Any] | list[tuple[str, str]] | None = None,
        *,
        htmx: bool = False,
        query: str = "",
        token: bool = True,
        headers: dict[str, str] | None = None,
    ) -> TestResponse:
        """POST /_htst/rerun; a plain (non-HTMX) answer that is a page becomes the tab's page."""
        fields = list(data.items()) if isinstance(data, dict) else list(data or [])
        if token:
            fields.append(("_htst_tab", self.token))
        all_headers = {**(HTMX if htmx else {}), **(headers or {})}
        url = f"{self.prefix}/_htst/rerun" + (f"?{query}" if query else "")
        response = self.client.post(url, data=MultiDict(fields), headers=all_headers)
        if not htmx and response.status_code == 200 and response.mimetype == "text/html":
            self.page = PageInfo(response.get_data(as_text=True))
            self.token = self.page.token or self.token
        return response

    def click(self, label: str, **kwargs: Any) -> TestResponse:
        return self.post({"_htst_click": self.wid(label)}, **kwargs)


@pytest.fixture
def make_app(tmp_path) -> Callable[..., Flask]:
    """`make_app(source, **options)`: a Flask app serving `source`; options are config overrides."""
    names = itertools.count(1)

    def make(source: str, **options: Any) -> Flask:
        path = tmp_path / f"app_{next(names)}.py"
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        app = htst.create_app(path, **options)
        app.testing = True
        return app

    return make


@pytest.fixture
def open_tab() -> Callable[..., Tab]:
    """`open_tab(client, url="/", prefix="")`: GET the page and keep its tab token."""
    return Tab


@pytest.fixture
def read_partials() -> Callable[[str | bytes], dict[str, str]]:
    return partials


@pytest.fixture
def parse_page() -> Callable[[str], PageInfo]:
    return PageInfo


@pytest.fixture(autouse=True)
def _no_run_context_leaks():
    assert current_or_none() is None, "a script-run context was active before the test"
    yield
    assert current_or_none() is None, "the test left a script-run context active"
