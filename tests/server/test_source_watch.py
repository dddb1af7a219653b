"""The development loop's server side: open tabs ask `/_htst/source` how far the source
has changed (the script, pages/, local modules); a changed local module is imported
afresh by the next run. Under `htst run` ("auto") and with poll/watchdog only."""

from __future__ import annotations

import re
import uuid

import pytest

import htst
from htst.server import source_watch

POLL = {"server.fileWatcherType": "poll"}


@pytest.fixture(autouse=True)
def look_every_time(monkeypatch):
    monkeypatch.setattr(source_watch, "MIN_INTERVAL", 0)


def version(client) -> int:
    response = client.get("/_htst/source")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    return response.get_json()["version"]


def rewrite(path, text):
    path.write_text(text)  # a different size, so the change shows however coarse mtime is


def test_a_changed_script_moves_the_version_and_the_page_says_where_to_ask(tmp_path):
    script = tmp_path / "app.py"
    rewrite(script, "import htst as st\nst.write('one')\n")
    client = htst.create_app(script, **POLL).test_client()
    html = client.get("/").get_data(as_text=True)
    assert re.search(r'id="htst-root"[^>]* data-htst-script="dev" data-htst-source="0"', html)
    assert "data-htst-run-on-save" not in html
    assert version(client) == 0 and version(client) == 0
    rewrite(script, "import htst as st\nst.write('two, changed')\n")
    assert version(client) == 1
    assert version(client) == 1  # once per change
    assert "two, changed" in client.get("/").get_data(as_text=True)


def test_pages_coming_and_going_count(tmp_path):
    rewrite(tmp_path / "app.py", "import htst as st\nst.write('home')\n")
    client = htst.create_app(tmp_path / "app.py", **POLL).test_client()
    assert version(client) == 0
    (tmp_path / "pages").mkdir()
    rewrite(tmp_path / "pages" / "1_More.py", "import htst as st\n")
    assert version(client) == 1
    (tmp_path / "pages" / "1_More.py").unlink()
    assert version(client) == 2


def test_a_changed_local_module_is_imported_afresh(tmp_path):
    module = f"helper_{uuid.uuid4().hex[:8]}"
    rewrite(tmp_path / f"{module}.py", "VALUE = 'first'\n")
    rewrite(tmp_path / "app.py", f"import htst as st\nimport {module}\nst.write('value:', {module}.VALUE)\n")
    client = htst.create_app(tmp_path / "app.py", **POLL).test_client()
    assert "value: first" in client.get("/").get_data(as_text=True)
    assert version(client) == 0
    rewrite(tmp_path / f"{module}.py", "VALUE = 'second one'\n")
    assert "value: first" in client.get("/").get_data(as_text=True)  # not yet noticed
    assert version(client) == 1
    assert "value: second one" in client.get("/").get_data(as_text=True)


def test_run_on_save_is_told_to_the_tab(tmp_path):
    rewrite(tmp_path / "app.py", "import htst as st\n")
    client = htst.create_app(tmp_path / "app.py", **POLL, **{"server.runOnSave": True}).test_client()
    assert "data-htst-run-on-save" in client.get("/").get_data(as_text=True)
    assert client.get("/_htst/source").get_json() == {"version": 0, "runOnSave": True}


@pytest.mark.parametrize("watcher", ["auto", "none"])
def test_an_embedded_app_or_none_watches_nothing(tmp_path, watcher):
    rewrite(tmp_path / "app.py", "import htst as st\n")
    client = htst.create_app(tmp_path / "app.py", **{"server.fileWatcherType": watcher}).test_client()
    assert 'data-htst-script="dev"' not in client.get("/").get_data(as_text=True)
    assert client.get("/_htst/source").status_code == 404
