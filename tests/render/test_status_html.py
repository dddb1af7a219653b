"""HTML of the status elements: accessible roles, the attributes htst.js reads, and the
nonces that make toasts and balloons play again."""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser

import pytest

import htst
from htst.render.html import Renderer
from htst.runtime.nodes import Node


class _Tags(HTMLParser):
    """Start tags with their attributes, in document order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text += data

    def find(self, **attrs: str) -> list[tuple[str, dict[str, str]]]:
        return [(tag, a) for tag, a in self.tags if all(a.get(k) == v for k, v in attrs.items())]

    def by_id(self, id: str) -> tuple[str, dict[str, str]]:
        (found,) = [(tag, a) for tag, a in self.tags if a.get("id") == id]
        return found


def _render(type: str, props: dict, container: bool = False) -> _Tags:
    node = Node(type, props, "hm-0", container=container)
    return _Tags(Renderer().node(node))


def test_progress_is_a_native_bar_named_by_its_text():
    html = _render("progress", {"value": 42, "text": "Loading **data**"})
    (bar,) = [a for t, a in html.tags if t == "progress"]
    assert bar["value"] == "42" and bar["max"] == "100"
    assert html.by_id(bar["aria-labelledby"])[1]["class"] == "htst-progress-text"
    assert "Loading data" in html.text
    assert ("strong", {}) in html.tags  # the text is markdown


def test_progress_without_text_still_has_a_name():
    html = _render("progress", {"value": 0, "text": None})
    (bar,) = [a for t, a in html.tags if t == "progress"]
    assert bar["aria-label"] and "aria-labelledby" not in bar


@pytest.mark.parametrize("show_time", [False, True])
def test_spinner_is_a_live_status_with_an_optional_timer(show_time):
    html = _render("spinner", {"text": "Wait for it...", "show_time": show_time})
    root = html.by_id("hm-0")[1]
    assert root["role"] == "status" and root["aria-live"] == "polite"
    assert ("data-htst-timer" in root) is show_time
    assert "Wait for it..." in html.text


@pytest.mark.parametrize(("state", "icon"), [("running", None), ("complete", "✓"), ("error", "✗")])
def test_status_shows_its_state_and_expanded_flag(state, icon):
    html = _render(
        "status",
        {"label": "Downloading", "expanded": state == "running", "state": state},
        container=True,
    )
    tag, root = html.by_id("hm-0")
    assert tag == "details"
    assert root["data-htst-expanded"] == ("true" if state == "running" else "false")
    assert ("open" in root) is (state == "running")
    assert html.find(role="status", **{"aria-live": "polite"})
    assert any("htst-spinner" in a.get("class", "") for _, a in html.tags) is (state == "running")
    if icon:
        assert icon in html.text
    assert f"{state.capitalize()}:" in html.text  # the state is spoken, not only drawn


def test_toast_is_a_live_status_with_its_duration():
    html = _render(
        "toast", {"body": "Hi", "icon": "🔥", "duration": 10, "nonce": "ab12", "index": 1}
    )
    inner = html.by_id("hm-0-ab12")[1]
    assert inner["role"] == "status" and inner["aria-live"] == "polite"
    assert "--htst-toast-duration:10s" in inner["style"]
    assert "--htst-toast-index:1" in html.by_id("hm-0")[1]["style"]
    infinite = _render(
        "toast", {"body": "Hi", "icon": None, "duration": 0, "nonce": "cd34", "index": 0}
    )
    assert "htst-toast--infinite" in infinite.by_id("hm-0-cd34")[1]["class"]


def test_celebrations_are_hidden_from_assistive_tech():
    for type in ("balloons", "snow"):
        html = _render(type, {"nonce": "ff00"})
        overlay = html.by_id("hm-0-ff00")[1]
        assert overlay["aria-hidden"] == "true"


# -- through the server: every call gets a fresh nonce ----------------------------------

_NONCED = re.compile(r'id="(h[em](?:-\d+)+)-([0-9a-f]{8})"')


@pytest.fixture
def client(tmp_path):
    path = tmp_path / "app.py"
    path.write_text(
        textwrap.dedent("""
        import htst as st
        st.toast("Saved!")
        st.toast("Saved!")
        st.balloons()
    """),
        encoding="utf-8",
    )
    app = htst.create_app(path)
    app.testing = True
    return app.test_client()


def test_same_toast_twice_gets_two_nonces(client):
    page = client.get("/").get_data(as_text=True)
    found = _NONCED.findall(page)
    toasts = [nonce for node, nonce in found if node.startswith("he-")]
    assert len(toasts) == 2 and toasts[0] != toasts[1]


def test_a_rerun_sends_the_toast_again_with_a_new_nonce(client):
    page = client.get("/").get_data(as_text=True)
    token = re.search(r'name="_htst_tab" value="([^"]+)"', page).group(1)
    first = dict(_NONCED.findall(page))
    answer = client.post(
        "/_htst/rerun",
        data={"_htst_rerun": "1", "_htst_tab": token},
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 200
    again = _NONCED.findall(answer.get_data(as_text=True))
    # The same text in the same place, yet new ids: the client inserts new elements.
    assert {node for node, _ in again} >= set(first)
    assert all(first[node] != nonce for node, nonce in again if node in first)
