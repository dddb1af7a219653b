"""Theming over HTTP (docs 4.4, 4.2): the page starts in its theme, its colours travel in
the page's own <style>, warnings reach the log at start, and theme options changed in
config.toml apply on the next rerun without a restart (other options do not)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

import htst
from htst.config import Config
from htst.server import theme_watch

APP = "import htst as st\nst.button('Go')\nst.sidebar.write('Side')\n"


def html_tag(page: str) -> str:
    return re.search(r"<html[^>]*>", page).group(0)


def theme_style(page: str) -> str | None:
    found = re.search(r'<style id="htst-theme">(.*?)</style>', page, re.DOTALL)
    return found.group(1) if found else None


def test_an_unthemed_page_follows_the_viewer_and_carries_no_theme(make_app) -> None:
    page = make_app(APP).test_client().get("/").get_data(as_text=True)
    assert "data-theme" not in html_tag(page)  # the system setting (or Settings) decides
    assert theme_style(page) is None


def test_base_dark_starts_dark_without_a_script(make_app) -> None:
    page = make_app(APP, **{"theme.base": "dark"}).test_client().get("/").get_data(as_text=True)
    assert 'data-theme="dark"' in html_tag(page)
    assert theme_style(page) is None  # the preset is all in htst.css


def test_custom_colours_are_css_properties_in_the_page(make_app) -> None:
    options = {"theme.base": "dark", "theme.primaryColor": "#A23B72", "theme.backgroundColor": "#101820",
               "theme.sidebar.backgroundColor": "#1C2833", "theme.font": "serif"}
    page = make_app(APP, **options).test_client().get("/").get_data(as_text=True)
    assert 'data-theme="dark"' in html_tag(page)
    css = theme_style(page)
    assert "[data-theme=dark]{--htst-primary:#A23B72;" in css and "--htst-bg:#101820" in css
    assert '"Source Serif Pro"' in css  # quotes stay quotes: the style is not HTML-escaped
    assert "[data-theme=dark] .htst-sidebar{--htst-bg2:#1C2833" in css


def test_theme_warnings_are_logged_when_the_app_starts(make_app, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="htst.theme"):
        make_app(APP, **{"theme.primaryColor": "blurple", "theme.textColor": "#777777", "theme.backgroundColor": "#888888"})
    messages = [r.getMessage() for r in caplog.records if r.name == "htst.theme"]
    assert any("theme.primaryColor = 'blurple' is not a CSS colour" in m for m in messages)
    assert sum("theme.textColor #777777 on theme.backgroundColor #888888 is 1.26:1" in m for m in messages) == 1


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An app whose config comes from ./.htst/config.toml; the files are looked at on
    every request (no 0.5 s wait)."""
    monkeypatch.setattr(theme_watch, "MIN_INTERVAL", 0)
    (tmp_path / ".htst").mkdir()
    config_file = tmp_path / ".htst" / "config.toml"
    script = tmp_path / "app.py"
    script.write_text(APP)

    def start(toml: str):
        config_file.write_text(toml)
        app = htst.create_app(script, config=Config.load(cwd=tmp_path, home=tmp_path / "home", environ={}))
        return app, config_file

    return start


def head_partials(body: str) -> list[str]:
    return re.findall(r'<hx-partial hx-target="head" hx-swap="beforeend">(.*?)</hx-partial>', body, re.DOTALL)


def test_changed_theme_options_apply_on_the_next_rerun(project, open_tab) -> None:
    app, config_file = project('[theme]\nprimaryColor = "#1F6FEB"\n')
    tab = open_tab(app.test_client())
    assert "--htst-primary:#1F6FEB" in theme_style(tab.page.html)
    config_file.write_text('[theme]\nbase = "dark"\nprimaryColor = "#A23B72"\n')

    body = tab.post({"_htst_rerun": "1"}, htmx=True).get_data(as_text=True)
    style = re.search(r'<hx-partial hx-target="#htst-theme" hx-swap="outerHTML"><style id="htst-theme">(.*?)</style>', body)
    assert style.group(1) == "[data-theme=dark]{--htst-primary:#A23B72;--htst-on-primary:#FFF}"
    assert head_partials(body) == ['<script>document.documentElement.setAttribute("data-theme","dark")</script>']
    assert "htst-theme" not in tab.post({"_htst_rerun": "1"}, htmx=True).get_data(as_text=True)  # sent once

    page = app.test_client().get("/").get_data(as_text=True)  # a new page has it too
    assert 'data-theme="dark"' in html_tag(page) and "--htst-primary:#A23B72" in theme_style(page)


def test_other_options_changed_meanwhile_need_a_restart(project, open_tab) -> None:
    app, config_file = project('[client]\nshowErrorDetails = true\n')
    (config_file.parent.parent / "app.py").write_text("import htst as st\nst.button('Go')\nraise ValueError('secret detail')\n")
    tab = open_tab(app.test_client())
    assert "secret detail" in tab.page.text
    config_file.write_text('[client]\nshowErrorDetails = false\n[theme]\ntextColor = "#202020"\n')
    body = tab.post({"_htst_rerun": "1"}, htmx=True).get_data(as_text=True)
    assert "--htst-text:#202020" in body  # the theme changed at once
    page = app.test_client().get("/").get_data(as_text=True)
    assert "secret detail" in page  # showErrorDetails keeps its start-up value


def test_a_theme_appears_and_goes_without_a_reload(project, open_tab) -> None:
    app, config_file = project("")
    tab = open_tab(app.test_client())
    assert theme_style(tab.page.html) is None
    config_file.write_text('[theme]\nprimaryColor = "#1F6FEB"\n')
    body = tab.post({"_htst_rerun": "1"}, htmx=True).get_data(as_text=True)
    added = head_partials(body)
    assert added[0] == '<style id="htst-theme">[data-theme=light]{--htst-primary:#1F6FEB;--htst-on-primary:#FFF}</style>'
    assert added[1] == '<script>document.documentElement.setAttribute("data-theme","light")</script>'

    config_file.write_text("")
    body = tab.post({"_htst_rerun": "1"}, htmx=True).get_data(as_text=True)
    assert '<hx-partial hx-target="#htst-theme" hx-swap="outerHTML"><style id="htst-theme"></style></hx-partial>' in body
    assert head_partials(body) == ['<script>document.documentElement.removeAttribute("data-theme")</script>']


def _rerun_after_editing(project, open_tab, caplog, before: str, after: str, level: int) -> tuple[str, str]:
    """A tab opened on config `before`, the file then saved as `after`, and a rerun: its
    answer and what htst.theme logged at `level`."""
    app, config_file = project(before)
    tab = open_tab(app.test_client())
    config_file.write_text(after)
    with caplog.at_level(level, logger="htst.theme"):
        body = tab.post({"_htst_rerun": "1"}, htmx=True).get_data(as_text=True)
    return body, caplog.text


def test_a_half_saved_config_keeps_the_theme(project, open_tab, caplog: pytest.LogCaptureFixture) -> None:
    body, log = _rerun_after_editing(project, open_tab, caplog, '[theme]\nprimaryColor = "#1F6FEB"\n', '[theme]\nprimaryColor = "#E0', logging.WARNING)
    assert "htst-theme" not in body and "The theme was not reloaded" in log


def test_other_edits_do_not_count_as_a_theme_change(project, open_tab, caplog: pytest.LogCaptureFixture) -> None:
    body, log = _rerun_after_editing(project, open_tab, caplog, '[client]\nshowErrorDetails = true\n', '[client]\nshowErrorDetails = false\n', logging.INFO)
    assert "htst-theme" not in body and "data-theme" not in body
    assert "Theme reloaded" not in log
