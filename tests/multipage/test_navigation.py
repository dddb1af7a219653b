"""st.Page and st.navigation in AppTest (docs 7.2, 7.4; AppTest's switch_page)."""

from __future__ import annotations

import pytest

from htst.testing.v1 import AppTest

PAGE = """
import htst as st
st.header("{name}")
st.slider("Level", 0, 10, 3)
"""


def two_pages(project, frame: str = "", run: str = "pg.run()"):
    return project({
        "streamlit_app.py": f"""
            import htst as st
            pg = st.navigation([st.Page("page_1.py"), st.Page("page_2.py")])
            {frame}
            {run}
        """,
        "page_1.py": PAGE.format(name="One"),
        "page_2.py": PAGE.format(name="Two"),
    })


def headers(at):
    return [h.value for h in at.header]


def test_the_docs_two_page_app_shows_its_first_page_then_switches(project):
    at = AppTest.from_file(two_pages(project)).run()
    assert not at.exception
    assert headers(at) == ["One"]
    at.switch_page("page_2.py").run()
    assert headers(at) == ["Two"]


def test_navigation_returns_the_page_and_it_runs_inside_the_entrypoint(project):
    entry = project({
        "app.py": """
            import htst as st
            st.title("Frame top")
            pg = st.navigation([st.Page("a.py", title="Alpha", icon="🅰️"), st.Page("b.py")])
            st.caption(f"{pg.title} at /{pg.url_path}")
            pg.run()
            st.caption("Frame bottom")
        """,
        "a.py": "import htst as st\nst.header('A body')\n",
        "b.py": "import htst as st\nst.header('B body')\n",
    })
    at = AppTest.from_file(entry).run()
    assert [c.value for c in at.caption] == ["Alpha at /", "Frame bottom"]
    assert [e.type for e in at.main.children.values()] == ["title", "caption", "header", "caption"]
    at.switch_page("b.py").run()
    assert [c.value for c in at.caption] == ["b at /b", "Frame bottom"]
    assert headers(at) == ["B body"]


def test_the_default_page_is_the_one_marked_default(project):
    entry = project({
        "app.py": """
            import htst as st
            st.navigation([st.Page("a.py"), st.Page("b.py", default=True)]).run()
        """,
        "a.py": "import htst as st\nst.header('A')\n",
        "b.py": "import htst as st\nst.header('B')\n",
    })
    assert headers(AppTest.from_file(entry).run()) == ["B"]


def test_pages_from_callables_and_from_sub_and_super_directories(project):
    entry = project({
        "app/main.py": """
            import htst as st
            def settings():
                st.header("Settings page")
            st.navigation([st.Page("../shared.py"), st.Page("sub/deep.py"), st.Page(settings)]).run()
        """,
        "shared.py": "import htst as st\nst.header('Shared')\n",
        "app/sub/deep.py": "import htst as st\nst.header('Deep')\n",
    })
    at = AppTest.from_file(entry).run()
    assert headers(at) == ["Shared"]
    at.switch_page("sub/deep.py").run()
    assert headers(at) == ["Deep"]


def test_the_docs_login_example_changes_the_pages_from_run_to_run(project):
    """Logged out, only "Log in" exists; after logging in the dashboard is the default page
    and the sections are there; logging out takes them away again."""
    entry = project({
        "streamlit_app.py": """
            import htst as st
            if "logged_in" not in st.session_state:
                st.session_state.logged_in = False
            def login():
                if st.button("Log in"):
                    st.session_state.logged_in = True
                    st.rerun()
            def logout():
                if st.button("Log out"):
                    st.session_state.logged_in = False
                    st.rerun()
            login_page = st.Page(login, title="Log in", icon=":material/login:")
            logout_page = st.Page(logout, title="Log out", icon=":material/logout:")
            dashboard = st.Page("reports/dashboard.py", title="Dashboard", icon=":material/dashboard:", default=True)
            bugs = st.Page("reports/bugs.py", title="Bug reports", icon=":material/bug_report:")
            alerts = st.Page("reports/alerts.py", title="System alerts", icon=":material/notification_important:")
            search = st.Page("tools/search.py", title="Search", icon=":material/search:")
            history = st.Page("tools/history.py", title="History", icon=":material/history:")
            if st.session_state.logged_in:
                pg = st.navigation({"Account": [logout_page], "Reports": [dashboard, bugs, alerts], "Tools": [search, history]})
            else:
                pg = st.navigation([login_page])
            pg.run()
        """,
        **{f"{name}.py": f"import htst as st\nst.header({name!r})\n" for name in
           ("reports/alerts", "reports/bugs", "reports/dashboard", "tools/history", "tools/search")},
    })
    at = AppTest.from_file(entry).run()
    assert [b.label for b in at.button] == ["Log in"]
    at.switch_page("reports/bugs.py").run()  # not a page while logged out: the default one runs
    assert [b.label for b in at.button] == ["Log in"]
    at.button[0].click().run()
    assert headers(at) == ["reports/dashboard"]
    at.switch_page("tools/search.py").run()
    assert headers(at) == ["tools/search"]


def test_entrypoint_widgets_keep_their_state_across_pages(project):
    """Docs 7.4, option 1: widgets in the entrypoint belong to no page."""
    entry = two_pages(project, frame='st.sidebar.selectbox("Group", ["A", "B", "C"], key="group")\n            st.sidebar.slider("Size", 1, 5, key="size")')
    at = AppTest.from_file(entry).run()
    at.sidebar.selectbox[0].select("C")
    at.sidebar.slider[0].set_value(4).run()
    at.switch_page("page_2.py").run()
    assert (at.session_state.group, at.session_state.size) == ("C", 4)
    assert at.sidebar.selectbox[0].value == "C"
    assert at.sidebar.slider[0].value == 4


def test_the_same_widget_on_two_pages_is_two_widgets(project):
    """Docs 7.4: an identical widget on two pages resets to its default on a page switch."""
    at = AppTest.from_file(two_pages(project)).run()
    at.slider[0].set_value(9).run()
    assert at.slider[0].value == 9
    at.switch_page("page_2.py").run()
    assert at.slider[0].value == 3
    at.switch_page("page_1.py").run()
    assert at.slider[0].value == 3  # cleaned up while its page was not shown


def test_option_3_re_saving_the_key_keeps_a_page_widget_value(project):
    entry = project({
        "app.py": """
            import htst as st
            if "my_key" in st.session_state:
                st.session_state.my_key = st.session_state.my_key
            st.navigation([st.Page("one.py"), st.Page("two.py")]).run()
        """,
        "one.py": "import htst as st\nst.number_input('Number of filters', key='my_key')\n",
        "two.py": "import htst as st\nst.write('elsewhere')\n",
    })
    at = AppTest.from_file(entry).run()
    at.number_input[0].set_value(5).run()
    at.switch_page("two.py").run()
    at.switch_page("one.py").run()
    assert at.number_input[0].value == 5


def test_option_2_a_dummy_key_keeps_the_value(project):
    entry = project({
        "app.py": """
            import htst as st
            st.navigation([st.Page("one.py"), st.Page("two.py")]).run()
        """,
        "one.py": """
            import htst as st
            def store_value(key):
                st.session_state[key] = st.session_state["_" + key]
            def load_value(key):
                st.session_state["_" + key] = st.session_state[key]
            if "my_key" in st.session_state:
                load_value("my_key")
            st.number_input("Number of filters", key="_my_key", on_change=store_value, args=["my_key"])
        """,
        "two.py": "import htst as st\nst.write('elsewhere')\n",
    })
    at = AppTest.from_file(entry).run()
    at.number_input[0].set_value(7).run()
    at.switch_page("two.py").run()
    at.switch_page("one.py").run()
    assert at.number_input[0].value == 7


def test_session_state_is_shared_by_the_pages(project):
    entry = project({
        "app.py": "import htst as st\nst.navigation([st.Page('one.py'), st.Page('two.py')]).run()\n",
        "one.py": "import htst as st\nst.session_state.setdefault('shared', True)\n",
        "two.py": "import htst as st\nst.write(st.session_state['shared'])\n",
    })
    at = AppTest.from_file(entry).run()
    at.switch_page("two.py").run()
    assert not at.exception
    assert at.markdown[0].value == "`True`" or at.markdown[0].value == "True"


def test_the_docs_apptest_example_sets_state_before_switching(project):
    entry = project({
        "app.py": "import htst as st\nst.navigation([st.Page('first.py'), st.Page('second.py')]).run()\n",
        "first.py": "import htst as st\nst.session_state.magic_word = st.session_state.get('magic_word', 'Streamlit')\n",
        "second.py": "import htst as st\nst.header(st.session_state.get('magic_word', 'none'))\n",
    })
    at = AppTest.from_file(entry)
    at.session_state.magic_word = "Balloons"
    at.switch_page("second.py").run()
    assert headers(at) == ["Balloons"]


def test_switch_page_goes_to_the_page_in_the_same_session(project):
    entry = project({
        "app.py": "import htst as st\nst.navigation([st.Page('home.py'), st.Page('other.py')]).run()\n",
        "home.py": """
            import htst as st
            st.session_state.count = st.session_state.get("count", 0) + 1
            if st.button("Go"):
                st.switch_page("other.py")
        """,
        "other.py": "import htst as st\nst.header(f'Other {st.session_state.count}')\n",
    })
    at = AppTest.from_file(entry).run()
    at.button[0].click().run()
    assert headers(at) == ["Other 2"]
    assert at.query_params == {}


def test_switch_page_takes_a_page_object_and_query_params(project):
    entry = project({
        "app.py": """
            import htst as st
            home, other = st.Page("home.py"), st.Page("other.py")
            pg = st.navigation([home, other])
            st.session_state.other = other
            pg.run()
        """,
        "home.py": """
            import htst as st
            if st.button("Go"):
                st.switch_page(st.session_state.other, query_params={"tab": "x", "ids": [1, 2]})
        """,
        "other.py": "import htst as st\nst.header('Other')\n",
    })
    at = AppTest.from_file(entry).run()
    at.button[0].click().run()
    assert headers(at) == ["Other"]
    assert at.query_params == {"tab": "x", "ids": ["1", "2"]}


@pytest.mark.parametrize(
    "script, message",
    [
        ("st.navigation([st.Page('a.py')])\nst.navigation([st.Page('a.py')])", "once per app run"),
        ("st.navigation([])", "at least one"),
        ("st.navigation([st.Page('a.py', default=True), st.Page('b.py', default=True)])", "Multiple Pages"),
        ("st.navigation([st.Page('a.py')], position='left')", "position"),
        ("st.Page('missing.py')", "could not be found"),
        ("st.Page('a.py', url_path='x/y')", "nested path"),
        ("st.Page('a.py', url_path='')", "empty string"),
        ("st.Page(lambda: None)", "lambda"),
        ("st.Page('a.py', icon=':rocket:')", "not a valid icon"),
        ("pg = st.navigation([st.Page('a.py'), st.Page('b.py')])\nst.Page('b.py').run()", "only the page returned"),
        ("st.navigation([st.Page('a.py')]).run()\nst.switch_page('nowhere.py')", "Could not find page"),
    ],
)
def test_documented_errors(project, script, message):
    entry = project({
        "app.py": "import htst as st\n" + script + "\n",
        "a.py": "import htst as st\n",
        "b.py": "import htst as st\n",
    })
    at = AppTest.from_file(entry).run()
    assert at.exception and message in at.exception[0].value


def test_navigation_only_from_the_entrypoint(project):
    entry = project({
        "app.py": "import htst as st\nst.navigation([st.Page('a.py')]).run()\n",
        "a.py": "import htst as st\nst.navigation([st.Page('a.py')])\n",
    })
    at = AppTest.from_file(entry).run()
    assert "only be called from the entrypoint" in at.exception[0].value


def test_page_config_of_a_page_object():
    import pathlib

    from htst.runtime.pages import Page
    here = pathlib.Path(__file__)
    page = Page(here, title="T", url_path="/t/", default=False, visibility="hidden", help="h")
    assert (page.title, page.url_path, page.hidden, page.help) == ("T", "t", True, "h")
    assert Page(here, default=True).url_path == ""
    assert Page(here) == Page(str(here))


def test_a_fragment_on_a_page_reruns_with_its_widgets(project):
    entry = project({
        "app.py": "import htst as st\nst.navigation([st.Page('home.py'), st.Page('panel.py')]).run()\n",
        "home.py": "import htst as st\nst.write('home')\n",
        "panel.py": """
            import htst as st
            st.session_state.setdefault("full_runs", 0)
            st.session_state.full_runs += 1
            @st.fragment
            def panel():
                level = st.slider("Level", 0, 10, 2, key="level", persist_state="page")
                st.write(f"Level {level}")
            panel()
        """,
    })
    at = AppTest.from_file(entry)
    at.switch_page("panel.py").run()
    at.slider[0].set_value(6).run()  # only the fragment reruns
    assert not at.exception
    assert at.session_state.full_runs == 1
    assert at.slider[0].value == 6 and "Level 6" in [m.value for m in at.markdown]
    at.slider[0].set_value(7).run()
    assert at.slider[0].value == 7 and at.session_state.full_runs == 1


def test_a_script_that_stops_declaring_pages_shows_no_page_not_found(project):
    entry = project({
        "app.py": """
            import htst as st
            if st.session_state.get("pages", True):
                st.navigation([st.Page("a.py"), st.Page("b.py")]).run()
            else:
                st.write("single page now")
        """,
        "a.py": "import htst as st\nst.header('A')\n",
        "b.py": "import htst as st\nst.header('B')\n",
    })
    at = AppTest.from_file(entry).run()
    at.switch_page("b.py").run()
    at.session_state.pages = False
    at.run()
    assert [m.value for m in at.markdown] == ["single page now"]
    assert not at.error
