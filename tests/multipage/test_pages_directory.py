"""The pages/ directory (docs 7.3): every .py file beside the entrypoint is a page."""

from __future__ import annotations

from htst.testing.v1 import AppTest

HOME = """
import htst as st
st.header("Home")
"""


def nav_labels(at):
    """(label, pathname) of each menu entry, from the tree AppTest ran (the menu has no
    AppTest element of its own in Streamlit either)."""
    return [(item[1], item[4]) for item in at._session.roots["nav"].children[0].props["items"]]


def directory_app(project, extra: dict[str, str] | None = None):
    return project({
        "your_homepage.py": HOME,
        "pages/a_page.py": "import htst as st\nst.header('A page')\n",
        "pages/another_page.py": "import htst as st\nst.header('Another page')\n",
        **(extra or {}),
    })


def test_the_entrypoint_is_the_home_page_and_each_file_a_page(project):
    at = AppTest.from_file(directory_app(project)).run()
    assert [h.value for h in at.header] == ["Home"]
    assert nav_labels(at) == [("your homepage", ""), ("a page", "a_page"), ("another page", "another_page")]
    at.switch_page("pages/another_page.py").run()
    assert [h.value for h in at.header] == ["Another page"]


def test_pages_are_sorted_as_the_docs_table(project):
    names = ["_12 monkeys", "123_hello_dear_world", "12 monkeys", "1 - first page", "123"]
    entry = project({"home.py": HOME, **{f"pages/{n}.py": "import htst as st\n" for n in names}})
    at = AppTest.from_file(entry).run()
    assert [label for label, _ in nav_labels(at)] == ["home", "first page", "monkeys", "123", "hello dear world", "12 monkeys"]


def test_only_py_files_directly_in_pages_are_pages_and_separator_names_are_hidden(project):
    entry = directory_app(project, {
        "pages/notes.txt": "not a page",
        "pages/sub/deeper.py": "import htst as st\n",
        "pages/__.py": "import htst as st\nst.header('Only a separator')\n",
    })
    at = AppTest.from_file(entry).run()
    assert [label for label, _ in nav_labels(at)] == ["your homepage", "a page", "another page"]


def test_a_page_added_while_the_app_runs_shows_at_the_next_run(project):
    entry = directory_app(project)
    at = AppTest.from_file(entry).run()
    (entry.parent / "pages" / "0_new.py").write_text("import htst as st\nst.header('New')\n")
    at.run()
    assert nav_labels(at)[1] == ("new", "new")


def test_the_entrypoint_widgets_are_a_page_of_their_own(project):
    """With pages/ the entrypoint is not a frame: its widgets are on the home page only."""
    entry = project({
        "app.py": "import htst as st\nst.slider('Home level', 0, 10, 2)\n",
        "pages/other.py": "import htst as st\nst.header('Other')\n",
    })
    at = AppTest.from_file(entry).run()
    at.slider[0].set_value(8).run()
    at.switch_page("pages/other.py").run()
    assert not at.slider
    at.switch_page("app.py").run()
    assert at.slider[0].value == 2


def test_calling_navigation_switches_the_app_to_it_for_good(project):
    """Docs 7.3: once st.navigation is called the pages/ directory is ignored."""
    entry = project({
        "app.py": """
            import htst as st
            if st.session_state.get("use_nav"):
                st.navigation([st.Page("other.py", title="Only page")]).run()
            else:
                st.header("Directory home")
        """,
        "other.py": "import htst as st\nst.header('Other')\n",
        "pages/listed.py": "import htst as st\nst.header('Listed')\n",
    })
    at = AppTest.from_file(entry).run()
    assert [label for label, _ in nav_labels(at)] == ["app", "listed"]
    at.session_state.use_nav = True
    at.run()
    assert [label for label, _ in nav_labels(at)] == ["Only page"]
    assert [h.value for h in at.header] == ["Other"]
    at.session_state.use_nav = False
    at.run()
    assert at._session.roots["nav"].children == []  # no navigation now, pages/ stays ignored
