"""The development loop in a browser (docs 3.6): editing the script shows "Source file
changed" with "Rerun" and "Always rerun"; with server.runOnSave the page reruns by itself."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def watching(tmp_path, run_on_save=False):
    (tmp_path / ".htst").mkdir(exist_ok=True)
    extra = "runOnSave = true\n" if run_on_save else ""
    (tmp_path / ".htst" / "config.toml").write_text(f'[server]\nfileWatcherType = "poll"\n{extra}')


def test_an_edit_offers_rerun_and_always_rerun(serve_app, page, tmp_path):
    watching(tmp_path)
    app = serve_app("import htst as st\nst.write('version one')\n")
    page.goto(app.url)
    expect(page.get_by_text("version one")).to_be_visible()
    (tmp_path / "app.py").write_text("import htst as st\nst.write('version two, edited')\n")
    expect(page.get_by_text("Source file changed.")).to_be_visible(timeout=10000)
    page.get_by_role("button", name="Rerun", exact=True).click()
    expect(page.get_by_text("version two, edited")).to_be_visible()
    expect(page.get_by_text("Source file changed.")).to_have_count(0)
    # "Always rerun": later edits rerun without asking, also after a reload.
    (tmp_path / "app.py").write_text("import htst as st\nst.write('version three')\n")
    page.get_by_role("button", name="Always rerun").click()
    expect(page.get_by_text("version three")).to_be_visible()
    page.reload()
    (tmp_path / "app.py").write_text("import htst as st\nst.write('version four, by itself')\n")
    expect(page.get_by_text("version four, by itself")).to_be_visible(timeout=10000)


def test_run_on_save_reruns_at_once(serve_app, page, tmp_path):
    watching(tmp_path, run_on_save=True)
    app = serve_app("import htst as st\nst.write('before the save')\n")
    page.goto(app.url)
    expect(page.get_by_text("before the save")).to_be_visible()
    (tmp_path / "app.py").write_text("import htst as st\nst.write('after the save, rerun by itself')\n")
    expect(page.get_by_text("after the save, rerun by itself")).to_be_visible(timeout=10000)
    expect(page.get_by_text("Source file changed.")).to_have_count(0)
