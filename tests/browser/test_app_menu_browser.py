"""The app menu in a browser (docs 3.1): keyboard use, Settings (theme and wide mode kept
across reloads), About."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

import htst

pytestmark = pytest.mark.browser

APP = """
    import htst as st
    st.title("Menu")
    st.write("Hello")
"""


def body_background(page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def open_settings(page):
    page.get_by_role("button", name="Main menu").click()
    page.get_by_role("menuitem", name="Settings").click()
    return page.get_by_role("dialog", name="Settings")


def test_the_menu_works_from_the_keyboard(serve_app, page, wait_idle):
    app = serve_app(APP)
    page.goto(app.url)
    wait_idle(page)
    button = page.get_by_role("button", name="Main menu")
    button.focus()
    page.keyboard.press("Enter")
    menu = page.get_by_role("menu")
    expect(menu).to_be_visible()
    names = [item.text_content().strip() for item in menu.get_by_role("menuitem").all()]
    assert [re.sub(r"[RC]$", "", n) for n in names] == ["Rerun", "Settings", "Print", "About", "Clear cache"]
    # Accessible names are the names alone; the shortcut is aria-keyshortcuts.
    expect(menu.get_by_role("menuitem", name="Rerun", exact=True)).to_have_attribute("aria-keyshortcuts", "R")
    expect(menu.get_by_role("menuitem", name="Rerun", exact=True)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(menu.get_by_role("menuitem", name="Settings", exact=True)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")  # wraps to the last
    expect(menu.get_by_role("menuitem", name="Clear cache", exact=True)).to_be_focused()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")


def open_app(serve_app, new_page, wait_idle, scheme: str):
    """The app in a browser whose system setting is `scheme`."""
    page = new_page(color_scheme=scheme)
    page.goto(serve_app(APP).url)
    wait_idle(page)
    return page


def test_settings_dark_changes_the_colours_and_persists(serve_app, new_page, wait_idle):
    page = open_app(serve_app, new_page, wait_idle, "light")
    light = body_background(page)
    dialog = open_settings(page)
    expect(dialog.get_by_role("radio", name="Use system setting")).to_be_checked()
    dialog.get_by_role("radio", name="Dark").check()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    dark = body_background(page)
    assert dark != light
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()

    page.reload()
    wait_idle(page)
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    assert body_background(page) == dark
    dialog = open_settings(page)
    expect(dialog.get_by_role("radio", name="Dark")).to_be_checked()
    dialog.get_by_role("radio", name="Light").check()
    assert body_background(page) == light


def test_use_system_setting_follows_the_browser(serve_app, new_page, wait_idle):
    page = open_app(serve_app, new_page, wait_idle, "dark")
    dialog = open_settings(page)
    dialog.get_by_role("radio", name="Light").check()
    expect(page.locator("html")).to_have_attribute("data-theme", "light")
    dialog.get_by_role("radio", name="Use system setting").check()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")


def test_wide_mode_is_a_setting_kept_across_reloads(serve_app, page, wait_idle):
    app = serve_app(APP)
    page.goto(app.url)
    wait_idle(page)
    html = page.locator("html")
    expect(html).not_to_have_class(re.compile("htst-wide"))
    dialog = open_settings(page)
    wide = dialog.get_by_role("checkbox", name="Wide mode")
    expect(wide).not_to_be_checked()
    wide.check()
    expect(html).to_have_class(re.compile("htst-wide"))
    page.reload()
    wait_idle(page)
    expect(html).to_have_class(re.compile("htst-wide"))
    expect(open_settings(page).get_by_role("checkbox", name="Wide mode")).to_be_checked()


def test_about_shows_the_version(serve_app, page, wait_idle):
    app = serve_app(APP)
    page.goto(app.url)
    wait_idle(page)
    page.get_by_role("button", name="Main menu").click()
    page.get_by_role("menuitem", name="About").click()
    expect(page.get_by_role("dialog", name="About")).to_contain_text(f"Version {htst.__version__}")
