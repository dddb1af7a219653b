"""Multipage apps over HTTP: page URLs, Page not found, page switches in a session, no-JS links."""

from __future__ import annotations

import re

import pytest

import htst

HTMX = {"HX-Request": "true"}


def app_of(project, **options):
    app = htst.create_app(write_app(project), **options)
    app.testing = True
    return app


def write_app(project):
    return project({
        "app.py": """
            import htst as st
            st.session_state.setdefault("visits", 0)
            st.session_state.visits += 1
            pg = st.navigation({"Main": [st.Page("home.py", title="Home", icon="🏠")], "More": [st.Page("pages_src/stats.py", title="Stats")]})
            pg.run()
        """,
        "home.py": """
            import htst as st
            st.header("Home page")
            st.page_link("pages_src/stats.py", label="See the stats", icon="📊")
            st.page_link("https://example.com/docs", label="Docs")
        """,
        "pages_src/stats.py": """
            import htst as st
            st.header("Stats page")
            st.write(f"visits={st.session_state.visits}")
        """,
    })


def token(html: str) -> str:
    return re.search(r'name="_htst_tab" value="([^"]+)"', html).group(1)


def nav(html: str) -> str:
    found = re.findall(r"<nav\b.*?</nav>", html, re.DOTALL)
    assert len(found) == 1, "exactly one <nav>"
    return found[0]


def test_each_page_url_answers_with_that_page_rendered(project):
    client = app_of(project).test_client()
    html = client.get("/").get_data(as_text=True)
    assert "Home page" in html and "Stats page" not in html
    html = client.get("/stats").get_data(as_text=True)
    assert "Stats page" in html and "Home page" not in html
    assert 'aria-current="page"' in nav(html) and re.search(r'aria-current="page"[^>]*><span>Stats', nav(html))


def test_page_urls_match_case_insensitively(project):
    html = app_of(project).test_client().get("/STATS").get_data(as_text=True)
    assert "Stats page" in html


def test_an_unknown_url_shows_page_not_found_and_the_default_page(project):
    response = app_of(project).test_client().get("/nowhere")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Page not found" in html and "/nowhere" in html
    assert "Home page" in html


def test_a_single_page_app_says_page_not_found_for_another_path(make_app):
    html = make_app("import htst as st\nst.write('only page')\n").test_client().get("/other").get_data(as_text=True)
    assert "Page not found" in html and "only page" in html


def test_the_menu_is_one_nav_of_real_links_in_navigation_order(project):
    html = app_of(project).test_client().get("/").get_data(as_text=True)
    menu = nav(html)
    links = re.findall(r'<a class="htst-nav-link" href="([^"]+)" data-htst-page="([^"]*)"', menu)
    assert [page for _, page in links] == ["", "stats"]
    assert all(href.split("?")[0] in ("/", "/stats") for href, _ in links)
    assert ">Main<" in menu and ">More<" in menu and "🏠" in menu


def test_a_page_switch_keeps_the_session(project):
    client = app_of(project).test_client()
    tab = token(client.get("/").get_data(as_text=True))
    response = client.post("/_htst/rerun", data={"_htst_tab": tab, "_htst_page": "stats"}, headers=HTMX)
    assert response.status_code == 200
    assert response.headers["HX-Push-Url"] == "/stats"  # a new history entry
    body = response.get_data(as_text=True)
    assert "Stats page" in body and "visits=2" in body
    state = client.post("/_htst/rerun?format=json", data={"_htst_tab": tab}).get_json()
    assert state["page"] == "stats"


def test_back_switches_without_a_new_history_entry(project):
    client = app_of(project).test_client()
    tab = token(client.get("/").get_data(as_text=True))
    client.post("/_htst/rerun", data={"_htst_tab": tab, "_htst_page": "stats"}, headers=HTMX)
    response = client.post("/_htst/rerun", data={"_htst_tab": tab, "_htst_page": "", "_htst_history": "1"}, headers=HTMX)
    assert "HX-Push-Url" not in response.headers
    assert "Home page" in response.get_data(as_text=True)


def test_typing_a_page_url_starts_a_new_session(project):
    client = app_of(project).test_client()
    client.get("/")
    html = client.get("/stats").get_data(as_text=True)
    assert "visits=1" in html


def test_without_javascript_a_menu_link_keeps_the_tab(project):
    client = app_of(project).test_client()
    html = client.get("/").get_data(as_text=True)
    href = re.search(r'href="(/stats\?[^"]+)" data-htst-page="stats"', nav(html)).group(1).replace("&amp;", "&")
    assert "_htst_tab=" in href
    html = client.get(href).get_data(as_text=True)
    assert "Stats page" in html and "visits=2" in html
    # Someone else's browser (no cookie) opening the same link gets a new session.
    assert "visits=1" in app_of(project).test_client().get(href).get_data(as_text=True)


def test_page_links_are_links_to_pages_and_to_external_urls(project):
    html = app_of(project).test_client().get("/").get_data(as_text=True)
    inner = re.search(r'<a class="htst-page-link-a" href="(/stats\?[^"]*)" data-htst-page="stats">(.*?)</a>', html)
    assert inner and "See the stats" in inner.group(2) and "📊" in inner.group(2)
    assert re.search(r'<a class="htst-page-link-a" href="https://example.com/docs" target="_blank" rel="noopener noreferrer">', html)


def test_pages_live_under_the_mount_point(project):
    from flask import Flask

    site = Flask("site")
    site.register_blueprint(htst.blueprint(write_app(project)), url_prefix="/dash")
    client = site.test_client()
    html = client.get("/dash/stats").get_data(as_text=True)
    assert "Stats page" in html
    assert re.search(r'href="/dash/stats\?', nav(html))
    tab = token(client.get("/dash/").get_data(as_text=True))
    response = client.post("/dash/_htst/rerun", data={"_htst_tab": tab, "_htst_page": "stats"}, headers=HTMX)
    assert response.headers["HX-Push-Url"] == "/dash/stats"


def test_hidden_sidebar_navigation_keeps_pages_reachable(project):
    client = app_of(project, **{"client.showSidebarNavigation": False}).test_client()
    html = client.get("/").get_data(as_text=True)
    assert "<nav" not in html
    assert "Stats page" in client.get("/stats").get_data(as_text=True)


def test_htst_routes_are_never_pages(project):
    client = app_of(project).test_client()
    assert client.get("/_htst/health").get_data(as_text=True) == "ok"
    assert client.get("/_htst/nothing-here").status_code == 404


def menu_paths(html: str) -> list[str]:
    return re.findall(r'data-htst-page="([^"]*)"', nav(html))


def test_pages_live_under_base_url_path(project):
    app = htst.create_app(write_app(project), **{"server.baseUrlPath": "tools"})
    client = app.test_client()
    html = client.get("/tools/stats").get_data(as_text=True)
    assert "Stats page" in html and re.search(r'href="/tools/stats\?', nav(html))


@pytest.mark.parametrize("position", ["hidden", "top"])
def test_menu_positions(project, position):
    entry = project({
        "app.py": f"import htst as st\nst.navigation([st.Page('a.py'), st.Page('b.py')], position={position!r}).run()\n",
        "a.py": "import htst as st\nst.header('A page')\n",
        "b.py": "import htst as st\nst.header('B page')\n",
    })
    client = htst.create_app(entry).test_client()
    html = client.get("/").get_data(as_text=True)
    if position == "hidden":
        assert "<nav" not in html
    else:
        assert 'class="htst-element htst-nav htst-nav--top"' in nav(html)
    assert "B page" in client.get("/b").get_data(as_text=True)  # reachable either way


def test_a_hidden_page_is_not_listed_but_reachable(project):
    entry = project({
        "app.py": "import htst as st\nst.navigation([st.Page('a.py'), st.Page('b.py', visibility='hidden')]).run()\n",
        "a.py": "import htst as st\nst.header('A page')\n",
        "b.py": "import htst as st\nst.header('B page')\n",
    })
    client = htst.create_app(entry).test_client()
    assert menu_paths(client.get("/").get_data(as_text=True)) == [""]
    assert "B page" in client.get("/b").get_data(as_text=True)


@pytest.mark.parametrize("expanded, shown", [(False, 10), (True, 12), (3, 3)])
def test_expanded_shows_so_many_pages_before_view_more(project, expanded, shown):
    files = {f"p{i:02d}.py": "import htst as st\n" for i in range(12)}
    pages = ", ".join(f"st.Page('p{i:02d}.py')" for i in range(12))
    entry = project({"app.py": f"import htst as st\nst.navigation([{pages}], expanded={expanded!r}).run()\n", **files})
    menu = nav(htst.create_app(entry).test_client().get("/").get_data(as_text=True))
    first_list = menu.split("<details")[0]
    assert first_list.count("data-htst-page=") == shown
    assert (f"View {12 - shown} more" in menu) == (shown < 12)


def test_two_pages_with_one_pathname_the_first_wins(project):
    entry = project({
        "app.py": "import htst as st\nst.navigation([st.Page('a.py'), st.Page('one.py', url_path='same'), st.Page('two.py', url_path='same')]).run()\n",
        "a.py": "import htst as st\nst.header('A page')\n",
        "one.py": "import htst as st\nst.header('First with the path')\n",
        "two.py": "import htst as st\nst.header('Second with the path')\n",
    })
    html = htst.create_app(entry).test_client().get("/same").get_data(as_text=True)
    assert "First with the path" in html and "Second with the path" not in html


def test_a_page_outside_the_current_navigation_is_not_found(project):
    entry = project({
        "app.py": """
            import htst as st
            st.session_state.setdefault("logged_in", False)
            def login():
                st.header("Please log in")
            pages = [st.Page("reports.py")] if st.session_state.logged_in else [st.Page(login)]
            st.navigation(pages).run()
        """,
        "reports.py": "import htst as st\nst.header('Reports')\n",
    })
    html = htst.create_app(entry).test_client().get("/reports").get_data(as_text=True)
    assert "Page not found" in html and "Please log in" in html and "Reports</span>" not in html


def test_material_icons_in_markdown_labels_and_the_menu(project):
    entry = project({
        "app.py": "import htst as st\nst.navigation([st.Page('a.py', icon=':material/home:')]).run()\n",
        "a.py": "import htst as st\nst.markdown('Done :material/check_circle:')\nst.button('Go :material/rocket_launch:')\n",
    })
    html = htst.create_app(entry).test_client().get("/").get_data(as_text=True)
    assert set(re.findall(r'data-icon="(\w+)"', html)) == {"home", "check_circle", "rocket_launch"}


def test_the_address_bar_is_told_the_url_of_the_page_shown(project):
    client = app_of(project).test_client()
    assert 'data-htst-address="/"' in client.get("/nowhere").get_data(as_text=True)
    assert "data-htst-address" not in client.get("/stats").get_data(as_text=True)


def test_page_link_disabled_width_and_icon_position(project):
    entry = project({
        "app.py": """
            import htst as st
            st.page_link("app.py", label="Off", disabled=True)
            st.page_link("app.py", label="Wide", use_container_width=True, icon="📊", icon_position="right")
            st.page_link("app.py", label="Query", query_params={"tab": "x"})
        """,
    })
    html = htst.create_app(entry).test_client().get("/").get_data(as_text=True)
    off = re.search(r'<div[^>]*class="htst-element htst-page-link"[^>]*>(?:(?!</div>).)*Off', html, re.DOTALL).group(0)
    assert 'aria-disabled="true"' in off and "href" not in off
    wide = re.search(r'<div[^>]*class="htst-element htst-page-link"([^>]*)>((?:(?!</div>).)*Wide(?:(?!</div>).)*)', html, re.DOTALL)
    assert 'data-width="stretch"' in wide.group(1) and wide.group(2).index("Wide") < wide.group(2).index("📊")
    assert re.search(r'href="/\?tab=x&amp;_htst_tab=[^"]+" data-htst-page="" data-htst-query="tab=x"', html)


def test_pages_do_not_send_their_address_to_other_sites(project):
    response = app_of(project).test_client().get("/stats")
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_material_icons_in_expanders_and_status(make_app):
    html = make_app("""
        import htst as st
        with st.expander("More", icon=":material/info:"):
            st.write("x")
        with st.status("Working", state="complete"):
            st.write("y")
    """).test_client().get("/").get_data(as_text=True)
    assert 'data-icon="info"' in html and ":material/" not in html
