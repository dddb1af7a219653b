"""st.set_page_config and st.logo over HTTP: the tab's title and favicon, the layout, the
sidebar's first state, the app menu's items, the logo."""

from __future__ import annotations

import html as html_module
import re
from urllib.parse import unquote

import pytest

import htst

HTMX = {"HX-Request": "true"}


def page_of(make_app, source: str) -> str:
    return make_app(source).test_client().get("/").get_data(as_text=True)


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html).group(1)


def favicon(html: str) -> str:
    return unquote(html_module.unescape(re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)))


def token(html: str) -> str:
    return re.search(r'name="_htst_tab" value="([^"]+)"', html).group(1)


def test_the_title_is_the_scripts_name_by_default_and_set_page_config_sets_it(make_app):
    assert title(page_of(make_app, "import htst as st\nst.write('x')\n")).startswith("app ")
    html = page_of(make_app, "import htst as st\nst.set_page_config(page_title='First')\nst.set_page_config(page_title='Later wins')\n")
    assert title(html) == "Later wins"


def test_a_call_leaves_what_it_does_not_name(make_app):
    html = page_of(make_app, "import htst as st\nst.set_page_config(page_title='T', layout='wide')\nst.set_page_config(page_icon='🦈')\n")
    assert title(html) == "T" and 'class="htst-wide"' in html and "🦈" in favicon(html)


@pytest.mark.parametrize(
    "icon, found",
    [("'🦈'", "🦈"), ("':shark:'", "🦈"), ("':material/thumb_up:'", "<path d=\"M")],
)
def test_favicons_from_emoji_shortcodes_and_material_symbols(make_app, icon, found):
    html = page_of(make_app, f"import htst as st\nst.set_page_config(page_icon={icon})\n")
    assert found.replace('"', "'") in favicon(html).replace('"', "'")


def test_a_random_favicon_is_an_emoji(make_app):
    href = favicon(page_of(make_app, "import htst as st\nst.set_page_config(page_icon='random')\n"))
    assert href.startswith("data:image/svg+xml,") and "<text" in href


def test_an_image_favicon_is_served_from_the_media_route(make_app):
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
    client = make_app(f"import htst as st\nst.set_page_config(page_icon={png!r})\n").test_client()
    href = favicon(client.get("/").get_data(as_text=True))
    assert href.startswith("/_htst/media/")
    response = client.get(href)
    assert response.status_code == 200 and response.mimetype == "image/png" and response.data == png


@pytest.mark.parametrize(
    "call, message",
    [
        ("layout='full'", "Invalid `layout` value"),
        ("initial_sidebar_state='open'", "Invalid `initial_sidebar_state` value"),
        ("initial_sidebar_state=100", "between 200 and 600"),
        ("menu_items={'Help me': 'https://x.org'}", "not a supported menu item key"),
        ("menu_items={'Get help': 'ftp://x.org'}", "Invalid URL"),
        ("page_icon=':not_an_emoji_code:'", "not a valid emoji shortcode"),
        ("page_icon=':material/not_a_symbol_here:'", "not a valid Material icon"),
        ("page_icon='missing.png'", "could not be found"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(make_app, call, message):
    html = page_of(make_app, f"import htst as st\nst.set_page_config({call})\n")
    assert message in re.sub(r"<[^>]+>", "", html).replace("&#39;", "'").replace("&#34;", '"')


def test_layout_and_sidebar_state_last_for_the_session(make_app):
    client = make_app("""
        import htst as st
        if st.session_state.setdefault("first", True):
            st.set_page_config(layout="wide", initial_sidebar_state=320)
        st.session_state.first = False
        st.sidebar.write("side")
        st.button("Again")
    """).test_client()
    html = client.get("/").get_data(as_text=True)
    assert 'class="htst-wide"' in html and 'data-sidebar="320"' in html and "--htst-sidebar-w:320px" in html
    state = client.post("/_htst/rerun?format=json", data={"_htst_tab": token(html), "_htst_rerun": "1"})
    assert state.status_code == 200
    html = client.post("/_htst/rerun", data={"_htst_tab": token(html), "_htst_rerun": "1"}).get_data(as_text=True)
    assert 'class="htst-wide"' in html and 'data-sidebar="320"' in html  # the later runs did not call it


def test_menu_items_add_links_and_an_about_dialog(make_app):
    html = page_of(make_app, """
        import htst as st
        st.set_page_config(menu_items={"Get help": "https://example.com/help", "Report a Bug": "mailto:bugs@example.com", "About": "# This is a *cool* app"})
        st.set_page_config(menu_items={"Report a bug": None})
    """)
    extra = re.search(r'<div id="htst-menu-extra".*?</div>', html, re.DOTALL).group(0) + re.search(r'<div id="htst-about-box".*?</dialog>', html, re.DOTALL).group(0)
    assert re.search(r'<a role="menuitem" href="https://example.com/help"[^>]*>Get help</a>', extra)
    assert "Report a bug" not in extra  # None removes an item set earlier
    assert re.search(r'<dialog id="htst-about"[^>]*>.*<em>cool</em>', extra, re.DOTALL)


def test_a_page_switch_sends_the_new_title(project):
    entry = project({
        "app.py": "import htst as st\nst.navigation([st.Page('a.py', title='Alpha', icon='🅰️'), st.Page('b.py', title='Beta')]).run()\n",
        "a.py": "import htst as st\nst.write('a')\n",
        "b.py": "import htst as st\nst.set_page_config(page_title='Beta, configured')\nst.write('b')\n",
    })
    client = htst.create_app(entry).test_client()
    html = client.get("/").get_data(as_text=True)
    assert title(html) == "Alpha" and "🅰" in favicon(html)  # the page's title and icon
    body = client.post("/_htst/rerun", data={"_htst_tab": token(html), "_htst_page": "b"}, headers=HTMX).get_data(as_text=True)
    holder = re.search(r'<hx-partial hx-target="#htst-chrome"[^>]*>(.*?)</hx-partial>', body).group(1)
    assert ">Beta, configured</span>" in holder  # set_page_config wins over the page's title
    assert 'data-icon="data:,"' in holder  # Beta has no icon: the favicon goes


def test_the_logo_sits_at_the_top_of_the_sidebar_and_in_the_header(make_app):
    client = make_app("""
        import htst as st
        st.logo("https://example.com/logo.png", size="large", link="https://example.com", icon_image=":material/home:")
        st.sidebar.write("side")
    """).test_client()
    html = client.get("/").get_data(as_text=True)
    side = re.search(r'<div id="htst-logo-side".*?</div>', html).group(0)
    head = re.search(r'<div id="htst-logo-head".*?</div>', html).group(0)
    assert 'src="https://example.com/logo.png"' in side and "htst-logo--large" in side and 'href="https://example.com"' in side
    icon = re.search(r'src="([^"]+)"', head).group(1)  # the icon image, where the sidebar is collapsed
    assert client.get(icon).data.startswith(b"<svg") and b"<path d=" in client.get(icon).data


def test_a_logo_from_bytes_is_served(make_app):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'
    client = make_app(f"import htst as st\nst.logo({svg!r})\n").test_client()
    html = client.get("/").get_data(as_text=True)
    src = re.search(r'<div id="htst-logo-side".*?src="([^"]+)"', html).group(1)
    assert client.get(src).data == svg


@pytest.mark.parametrize(
    "call, message", [("'x.png', size='huge'", "Invalid `size` value"), ("'https://x.org/l.png', link='/home'", "Invalid URL")]
)
def test_logo_bad_values(make_app, call, message):
    assert message in page_of(make_app, f"import htst as st\nst.logo({call})\n")


def test_the_sidebar_can_be_closed_and_opened(make_app):
    html = page_of(make_app, "import htst as st\nst.sidebar.write('side')\n")
    assert re.search(r'<button type="button" class="htst-sidebar-close"[^>]*aria-label="Close sidebar"', html)
    assert re.search(r'<button type="button" class="htst-sidebar-open"[^>]*aria-label="Open sidebar"', html)
