"""The app chrome's menu (docs 3.1): its items and their names, the developer section as
client.toolbarMode says, menu_items from st.set_page_config, About, and Settings."""

from __future__ import annotations

import re
from html import unescape

import pytest

import htst
from htst.caching.cached import clear_all

COUNTED = """
import htst as st
from pathlib import Path

@st.cache_data
def computed():
    path = Path(__file__).with_name("computed.txt")
    n = int(path.read_text()) + 1 if path.exists() else 1
    _ = path.write_text(str(n))
    return n

st.write(f"computed {computed()} times")
"""


def menu_items(html: str) -> list[str]:
    """The accessible names of the menu's items, in order (aria-hidden hints left out)."""
    menu = re.search(r'<div id="htst-menu"[^>]*role="menu".*?</div>\n</div>', html, re.DOTALL).group(0)
    names = []
    for item in re.findall(r'<(?:button|a)\b[^>]*role="menuitem"[^>]*>(.*?)</(?:button|a)>', menu, re.DOTALL):
        item = re.sub(r'<(\w+)[^>]*aria-hidden="true"[^>]*>.*?</\1>', "", item)
        names.append(unescape(re.sub(r"<[^>]+>", "", item)).strip())
    return names


def page(app, host: str = "localhost") -> str:
    return app.test_client().get("/", base_url=f"http://{host}").get_data(as_text=True)


@pytest.fixture(autouse=True)
def empty_caches():
    clear_all()
    yield
    clear_all()


def test_the_menu_has_the_documented_items_with_shortcuts_beside_their_names(make_app):
    html = page(make_app("import htst as st\nst.write('hi')\n"))
    assert menu_items(html) == ["Rerun", "Settings", "Print", "About", "Clear cache"]
    assert re.search(r'aria-keyshortcuts="R">Rerun<kbd aria-hidden="true">R</kbd>', html)
    assert re.search(r'aria-keyshortcuts="C">Clear cache<kbd aria-hidden="true">C</kbd>', html)
    # Clear cache sits in the developer section.
    assert re.search(r'role="group" aria-label="Developer options">[^\n]*Clear cache', html)


@pytest.mark.parametrize(
    ("mode", "host", "developer"),
    [
        ("auto", "localhost:8501", True),
        ("auto", "127.0.0.1:8501", True),
        ("auto", "[::1]:8501", True),
        ("auto", "example.com", False),
        ("auto", "192.168.1.20:8501", False),
        ("developer", "example.com", True),
        ("viewer", "localhost", False),
    ],
)
def test_developer_options_follow_the_toolbar_mode_and_the_viewer(make_app, mode, host, developer):
    html = page(make_app("import htst as st\nst.write('hi')\n", **{"client.toolbarMode": mode}), host)
    expected = ["Rerun", "Settings", "Print", "About"] + (["Clear cache"] if developer else [])
    assert menu_items(html) == expected


def test_a_viewer_without_developer_options_cannot_clear_the_cache(make_app, open_tab):
    app = make_app(COUNTED, **{"client.toolbarMode": "viewer"})
    tab = open_tab(app.test_client())
    assert "computed 1 times" in tab.page.html
    refused = tab.post({"_htst_clear_cache": "1"})
    assert refused.status_code == 403
    assert "client.toolbarMode" in refused.get_data(as_text=True)
    assert "computed 1 times" in tab.post({"_htst_rerun": "1"}).get_data(as_text=True)  # still cached


def test_a_developer_clears_the_cache(make_app, open_tab):
    tab = open_tab(make_app(COUNTED).test_client())
    assert tab.post({"_htst_clear_cache": "1"}).status_code == 204
    assert "computed 2 times" in tab.post({"_htst_rerun": "1"}).get_data(as_text=True)


def test_minimal_shows_only_what_the_app_sets(make_app):
    bare = page(make_app("import htst as st\nst.write('hi')\n", **{"client.toolbarMode": "minimal"}))
    assert menu_items(bare) == []
    # R still reruns: the page keeps a rerun button outside the menu.
    assert re.search(r'<button type="submit" name="_htst_rerun" value="1" hidden>', bare)
    items = page(make_app(
        "import htst as st\n"
        "st.set_page_config(menu_items={'Get help': 'https://example.com/help', 'About': 'An *app*'})\n",
        **{"client.toolbarMode": "minimal"},
    ))
    assert menu_items(items) == ["Get help", "About"]
    assert '<a role="menuitem" href="https://example.com/help" target="_blank"' in items


def test_menu_items_links_and_about(make_app):
    html = page(make_app(
        "import htst as st\n"
        "st.set_page_config(menu_items={'Report a bug': 'mailto:bugs@example.com', 'Get help': 'https://example.com/h', 'About': '# Hello *there*'})\n"
    ))
    assert menu_items(html) == ["Rerun", "Settings", "Print", "Report a bug", "Get help", "About", "Clear cache"]
    about = re.search(r'<dialog id="htst-about".*?</dialog>', html, re.DOTALL).group(0)
    assert "<em>there</em>" in about and "Version" not in about


def test_about_shows_the_version_by_default(make_app):
    about = re.search(r'<dialog id="htst-about".*?</dialog>', page(make_app("import htst as st\n")), re.DOTALL).group(0)
    assert f"Version {htst.__version__}" in about


def test_settings_offers_the_three_themes_and_wide_mode_outside_the_apps_form(make_app):
    html = page(make_app("import htst as st\n"))
    settings = re.search(r'<dialog id="htst-settings".*?</dialog>', html, re.DOTALL).group(0)
    labels = [unescape(label).strip() for label in re.findall(r'<input type="radio" name="theme" value="\w+">([^<]+)</label>', settings)]
    assert labels == ["Light", "Dark", "Use system setting"]
    assert re.search(r'<input type="checkbox" name="wide">\s*Wide mode', settings)
    # Forms do not nest: the dialogs come after the app's form ends, so their fields are
    # never posted as widget values.
    assert html.index('<dialog id="htst-settings"') > html.index("</form>")
    assert html.index('<dialog id="htst-about"') > html.index("</form>")
