"""A multipage app in a real browser: the menu, page links, switch_page, Back, titles, no JS."""

from __future__ import annotations

import re
import textwrap

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ENTRY = """
    import htst as st
    st.session_state.setdefault("count", 0)
    if st.sidebar.button("Add one"):
        st.session_state.count += 1
    st.sidebar.write(f"Count {st.session_state.count}")
    pg = st.navigation([st.Page("home.py", title="Home"), st.Page("second.py", title="Second page"), st.Page("third.py", title="Third")])
    pg.run()
"""
PAGES = {
    "home.py": """
        import htst as st
        st.header("Home body")
        st.page_link("third.py", label="Jump to third")
    """,
    "second.py": """
        import htst as st
        st.header("Second body")
        if st.button("Go home"):
            st.switch_page("home.py")
    """,
    "third.py": """
        import htst as st
        st.header("Third body")
    """,
}


@pytest.fixture
def multipage(serve_app, tmp_path):
    for name, source in PAGES.items():
        (tmp_path / name).write_text(textwrap.dedent(source), encoding="utf-8")
    return serve_app(ENTRY)


def menu(page):
    return page.get_by_role("navigation", name="Pages")


def test_the_menu_switches_pages_in_the_session_and_back_returns(multipage, page, wait_idle):
    page.goto(multipage.url)
    expect(menu(page).get_by_role("link")).to_have_text(["Home", "Second page", "Third"])
    expect(page).to_have_title("Home")
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("Count 1")).to_be_visible()
    page.evaluate("window.__sameDocument = true")
    menu(page).get_by_role("link", name="Second page").click()
    expect(page.get_by_role("heading", name="Second body")).to_be_visible()
    expect(page).to_have_url(multipage.url + "second")
    expect(page).to_have_title("Second page")
    expect(menu(page).get_by_role("link", name="Second page")).to_have_attribute("aria-current", "page")
    expect(page.get_by_text("Count 1")).to_be_visible()  # same session
    assert page.evaluate("window.__sameDocument === true")  # no full reload
    page.go_back()
    expect(page.get_by_role("heading", name="Home body")).to_be_visible()
    expect(page).to_have_url(multipage.url)
    expect(page.get_by_text("Count 1")).to_be_visible()
    page.go_forward()
    expect(page.get_by_role("heading", name="Second body")).to_be_visible()
    wait_idle(page)
    assert page.evaluate("window.__sameDocument === true")


def test_page_link_and_switch_page_keep_the_state(multipage, page):
    page.goto(multipage.url)
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("Count 1")).to_be_visible()
    page.get_by_role("link", name="Jump to third").click()
    expect(page.get_by_role("heading", name="Third body")).to_be_visible()
    expect(page).to_have_url(multipage.url + "third")
    menu(page).get_by_role("link", name="Second page").click()
    page.get_by_role("button", name="Go home").click()
    expect(page.get_by_role("heading", name="Home body")).to_be_visible()
    expect(page).to_have_url(multipage.url)
    expect(page.get_by_text("Count 1")).to_be_visible()


def test_typing_a_page_url_opens_it_in_a_new_session(multipage, page):
    page.goto(multipage.url)
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("Count 1")).to_be_visible()
    page.goto(multipage.url + "third")
    expect(page.get_by_role("heading", name="Third body")).to_be_visible()
    expect(page.get_by_text("Count 0")).to_be_visible()


def test_the_same_app_works_without_javascript(multipage, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(multipage.url)
    with page.expect_navigation():
        page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("Count 1")).to_be_visible()
    with page.expect_navigation():
        menu(page).get_by_role("link", name="Third").click()
    expect(page.get_by_role("heading", name="Third body")).to_be_visible()
    expect(page.get_by_text("Count 1")).to_be_visible()  # the link carried the tab
    expect(page).to_have_title("Third")


CHROME = """
    import htst as st
    st.set_page_config(page_title="Data manager", layout="{layout}", menu_items={{"About": "Made with *htst*"}})
    st.sidebar.write("Side content")
    st.write("Main content")
"""


def main_width(page):
    return page.evaluate("document.querySelector('#hm').getBoundingClientRect().width")


def test_page_config_sets_the_title_and_wide_layout_widens_the_main_area(serve_app, new_page):
    centered = serve_app(CHROME.format(layout="centered"), name="centered.py")
    wide = serve_app(CHROME.format(layout="wide"), name="wide.py")
    page = new_page(viewport={"width": 1600, "height": 900})
    page.goto(centered.url)
    expect(page).to_have_title("Data manager")
    narrow_width = main_width(page)
    page.goto(wide.url)
    expect(page.locator("html")).to_have_class(re.compile(r"\bhtst-wide\b"))
    assert main_width(page) > narrow_width + 200


def test_the_sidebar_closes_and_opens_and_starts_collapsed_on_narrow_screens(serve_app, new_page):
    app = serve_app(CHROME.format(layout="centered"))
    page = new_page(viewport={"width": 1200, "height": 800})
    page.goto(app.url)
    side = page.get_by_text("Side content")
    expect(side).to_be_visible()
    page.get_by_role("button", name="Close sidebar").click()
    expect(side).to_be_hidden()
    page.get_by_role("button", name="Open sidebar").click()
    expect(side).to_be_visible()
    phone = new_page(viewport={"width": 400, "height": 800})
    phone.goto(app.url)
    expect(phone.get_by_text("Main content")).to_be_visible()
    expect(phone.get_by_text("Side content")).to_be_hidden()
    phone.get_by_role("button", name="Open sidebar").click()
    expect(phone.get_by_text("Side content")).to_be_visible()


def test_the_about_item_opens_its_dialog(serve_app, page):
    app = serve_app(CHROME.format(layout="centered"))
    page.goto(app.url)
    page.get_by_role("button", name="Main menu").click()
    page.get_by_role("menuitem", name="About").click()
    expect(page.get_by_role("dialog", name="About")).to_contain_text("Made with htst")


KEEPING = """
    import htst as st
    level = st.slider("Level", 0, 10, 3, key="level", on_change="ignore", bind="query-params")
    st.button("Apply")
    st.write(f"Level is {level}")
"""


def test_an_ignored_change_waits_for_the_next_rerun_and_a_bound_one_shows_in_the_url(serve_app, page, wait_idle):
    app = serve_app(KEEPING)
    page.goto(app.url + "?level=6")
    expect(page.get_by_text("Level is 6")).to_be_visible()  # the URL initialised it
    slider = page.get_by_role("slider", name="Level")
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"\?level=7$"))  # at once, without a request
    app.wait_for_reruns(0)
    expect(page.get_by_text("Level is 6")).to_be_visible()
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("Level is 7")).to_be_visible()  # the held change came with it
    wait_idle(page)
    assert app.reruns == 1


def test_an_unknown_page_url_lands_on_the_default_pages_url(multipage, page):
    page.goto(multipage.url + "nowhere")
    expect(page.get_by_text("Page not found")).to_be_visible()
    expect(page.get_by_role("heading", name="Home body")).to_be_visible()
    expect(page).to_have_url(multipage.url)


def test_a_bound_expander_and_tabs_show_in_the_url_without_a_rerun(serve_app, page, wait_idle):
    app = serve_app("""
        import htst as st
        with st.expander("More", key="more", bind="query-params"):
            st.write("Inside")
        one, two = st.tabs(["One", "Two"], key="tab", bind="query-params")
        two.write("Second tab")
        st.button("Go")
        st.write(f"state {st.session_state.more} {st.session_state.tab}")
    """)
    page.goto(app.url)
    page.get_by_text("More").click()
    expect(page).to_have_url(re.compile(r"more=true"))
    page.get_by_role("tab", name="Two").click()
    expect(page).to_have_url(re.compile(r"tab=Two"))
    expect(page.get_by_text("Second tab")).to_be_visible()
    app.wait_for_reruns(0)
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_text("state True Two")).to_be_visible()
    wait_idle(page)
    page.goto(page.url)  # a new session from the shared URL
    expect(page.get_by_text("state True Two")).to_be_visible()


def test_a_bound_selectbox_shows_its_option_label_in_the_url(serve_app, page):
    app = serve_app("""
        import htst as st
        fruit = st.selectbox("Fruit", ["apple", "pear", "plum"], key="fruit", bind="query-params")
        st.write(f"Fruit is {fruit}")
    """)
    page.goto(app.url + "?fruit=plum")
    expect(page.get_by_text("Fruit is plum")).to_be_visible()
    page.get_by_label("Fruit").select_option("pear")
    expect(page.get_by_text("Fruit is pear")).to_be_visible()
    expect(page).to_have_url(re.compile(r"\?fruit=pear$"))
    page.get_by_label("Fruit").select_option("apple")
    expect(page.get_by_text("Fruit is apple")).to_be_visible()
    expect(page).to_have_url(app.url)  # the default: a clean URL


def test_the_logo_is_in_the_sidebar_and_in_the_header_when_it_is_collapsed(serve_app, new_page):
    app = serve_app("""
        import htst as st
        st.logo(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>', icon_image=":material/home:")
        st.sidebar.write("Side content")
    """)
    page = new_page(viewport={"width": 1200, "height": 800})
    page.goto(app.url)
    side, head = page.locator("#htst-logo-side img"), page.locator("#htst-logo-head img")
    expect(side).to_be_visible()
    expect(head).to_be_hidden()
    page.get_by_role("button", name="Close sidebar").click()
    expect(head).to_be_visible()
    assert page.evaluate("document.querySelector('#htst-logo-head img').naturalWidth") > 0  # served
