"""Theming in a real browser (docs 4.4): the colours a config sets are the ones Chromium
paints, base="dark" is dark from the first paint (no script involved), an unthemed app
follows the system setting, and a config.toml edit shows on the next rerun."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

APP = """
    import htst as st

    st.button("Go", type="primary")
    st.write("Some text")
"""


def config(tmp_path, toml: str) -> None:
    (tmp_path / ".htst").mkdir(exist_ok=True)
    (tmp_path / ".htst" / "config.toml").write_text(toml)


PLAIN = """
    import htst as st

    st.button("Go")
    st.write("Some text")
"""


def background(page, selector: str) -> str:
    return page.locator(selector).evaluate("el => getComputedStyle(el).backgroundColor")


def test_custom_primary_and_background_are_painted(serve_app, page, tmp_path):
    config(tmp_path, '[theme]\nprimaryColor = "#7A1FA2"\nbackgroundColor = "#FDF6E3"\n')
    page.goto(serve_app(APP).url)
    button = page.get_by_role("button", name="Go")
    expect(button).to_be_visible()
    assert button.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(122, 31, 162)"
    assert button.evaluate("el => getComputedStyle(el).color") == "rgb(255, 255, 255)"
    assert background(page, "body") == "rgb(253, 246, 227)"


def test_base_dark_is_dark_before_any_script_runs(serve_app, page, tmp_path):
    config(tmp_path, '[theme]\nbase = "dark"\n')
    url = serve_app(PLAIN).url
    page.route("**/*.js*", lambda route: route.abort())  # no htst.js, no htmx: HTML and CSS only
    page.goto(url)
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert background(page, "body") == "rgb(14, 17, 23)"


@pytest.mark.parametrize(("scheme", "colour"), [("dark", "rgb(14, 17, 23)"), ("light", "rgb(255, 255, 255)")])
def test_no_theme_follows_the_system_setting(serve_app, new_page, scheme, colour):
    page = new_page(color_scheme=scheme)
    page.goto(serve_app(PLAIN).url)
    expect(page.get_by_role("button", name="Go")).to_be_visible()
    assert background(page, "body") == colour


@pytest.mark.parametrize("before", ['[theme]\nprimaryColor = "#7A1FA2"\n', ""], ids=["themed", "unthemed"])
def test_an_edited_theme_shows_on_the_next_rerun(serve_app, page, tmp_path, wait_idle, monkeypatch, before):
    from htst.server import theme_watch

    monkeypatch.setattr(theme_watch, "MIN_INTERVAL", 0)
    config(tmp_path, before)
    page.goto(serve_app(APP).url)
    button = page.get_by_role("button", name="Go")
    expect(button).to_be_visible()
    config(tmp_path, '[theme]\nbase = "dark"\nprimaryColor = "#1C6ED9"\n')
    button.click()
    wait_idle(page)
    page.mouse.move(0, 0)  # the hover colour is a mix
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    assert button.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(28, 110, 217)"
    assert background(page, "body") == "rgb(14, 17, 23)"
