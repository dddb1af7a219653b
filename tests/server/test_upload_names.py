"""An uploaded file's name is data: kept as sent, shown escaped, never used as a path.

Bodies are built as a browser builds them (the HTML multipart/form-data encoding): the
file name goes in a quoted `filename` parameter with `"`, CR and LF sent as `%22`, `%0D`
and `%0A`, and every other character, backslashes included, sent as it is.
"""

from __future__ import annotations

import os
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

APP = """
import htst as st

files = st.file_uploader("Files", accept_multiple_files=True, key="files")
for f in files:
    st.text(f"name=[{f.name}]")
    st.write(f.name)
"""

BOUNDARY = "----htstNameBoundary"

NAMES = {
    "windows traversal": "..\\..\\windows\\win.ini",
    "posix traversal": "../../etc/passwd",
    "absolute path": "/tmp/htst-upload-name-test",
    "markup": "<img src=x onerror=alert(1)>.txt",
    "script": "</textarea><script>alert(1)</script>.txt",
    "single quotes": "it's 'quoted'.txt",
    "backslash before quote-like": "a\\'b\\\\c.txt",
    "unicode": "résumé – 日本語 🐍.txt",
    "semicolons and equals": "a; filename=b.txt",
    "spaces": "  spaced  name  .txt",
    "dots": "..",
    "ampersand entity": "&amp;&lt;.txt",
}

# Characters the browser escapes: a quote (sent as %22) comes back as a quote, as
# Werkzeug reads it; a line break (sent as %0A) stays as sent.
ESCAPED_BY_THE_BROWSER = {
    "double quotes": ('say "hi".txt', 'say "hi".txt'),
    "quote and backslash": ('a\\"b.txt', 'a\\"b.txt'),
    "newline": ("line\nbreak.txt", "line%0Abreak.txt"),
}


def _browser_filename(name: str) -> bytes:
    """The filename parameter's content, escaped as Chromium and Firefox do."""
    escaped = name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
    return escaped.encode("utf-8")


def _upload(tab, name: str, content: bytes = b"data", *, htmx: bool = False):
    body = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="_htst_tab"\r\n\r\n'
        f"{tab.token}\r\n"
        f"--{BOUNDARY}\r\n".encode()
        + b'Content-Disposition: form-data; name="files"; filename="'
        + _browser_filename(name)
        + b'"\r\nContent-Type: application/octet-stream\r\n\r\n'
        + content
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )
    headers = {"HX-Request": "true"} if htmx else {}
    response = tab.client.post(
        "/_htst/rerun",
        data=body,
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
        headers=headers,
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    if not htmx:
        tab.page = type(tab.page)(response.get_data(as_text=True))
    return response


class _Tags(HTMLParser):
    """Every element and attribute of a document, as a browser would parse them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(name for name, _ in attrs)


@pytest.fixture
def tab(make_app, open_tab, tmp_path, monkeypatch):
    # A deep working directory, so that a name used as a relative path would land in
    # tmp_path, where the test looks.
    work = tmp_path / "a" / "b" / "c"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    return open_tab(make_app(APP).test_client())


@pytest.mark.parametrize("name", list(NAMES.values()), ids=list(NAMES))
def test_the_name_reaches_the_script_exactly(tab, name):
    _upload(tab, name)
    assert f"name=[{name}]" in _texts(tab.page.html), tab.page.html


@pytest.mark.parametrize(
    "name, seen", list(ESCAPED_BY_THE_BROWSER.values()), ids=list(ESCAPED_BY_THE_BROWSER)
)
def test_characters_the_browser_escapes_arrive_as_sent(tab, name, seen):
    _upload(tab, name)
    assert f"name=[{seen}]" in _texts(tab.page.html)


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_markup_in_a_name_is_escaped_everywhere(tab, htmx):
    name = NAMES["markup"]
    response = _upload(tab, name, htmx=htmx)
    html = response.get_data(as_text=True)
    assert "<img" not in html
    parsed = _Tags(html)
    assert "img" not in parsed.tags
    assert "onerror" not in parsed.attributes
    # Shown as text by st.text, by st.write and in the uploader's own file list.
    texts = _texts(html)
    assert f"name=[{name}]" in texts
    assert texts.count(name) == 2
    assert f"Remove {name}" in _aria_labels(html)  # the remove button's label


def test_script_markup_in_a_name_is_escaped(tab):
    scripts = _Tags(tab.page.html).tags.count("script")
    _upload(tab, NAMES["script"])
    html = tab.page.html
    assert "</textarea><script>" not in html
    assert _Tags(html).tags.count("script") == scripts
    assert f"name=[{NAMES['script']}]" in _texts(html)


def test_names_are_never_used_as_paths(tab, tmp_path):
    before = _listing(tmp_path)
    temp_before = set(os.listdir(tempfile.gettempdir()))
    for name in NAMES.values():
        _upload(tab, name, content=b"SHOULD-NOT-BE-WRITTEN")
    # Every upload is in the uploader; none was written next to the app or in tmp.
    texts = _texts(tab.page.html)
    assert all(f"name=[{name}]" in texts for name in NAMES.values())
    assert _listing(tmp_path) == before
    created = set(os.listdir(tempfile.gettempdir())) - temp_before
    assert not {n for n in created if "win.ini" in n or "passwd" in n or "onerror" in n}
    assert not Path("/tmp/htst-upload-name-test").exists()


def _listing(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def _texts(html: str) -> list[str]:
    """The text of each element, as a browser shows it (entities decoded)."""

    class Texts(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.found: list[str] = []

        def handle_data(self, data: str) -> None:
            self.found.append(data)

    parser = Texts()
    parser.feed(html)
    parser.close()
    return parser.found


def _aria_labels(html: str) -> list[str]:
    class Labels(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.found: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found.extend(v or "" for k, v in attrs if k == "aria-label")

    parser = Labels()
    parser.feed(html)
    parser.close()
    return parser.found
