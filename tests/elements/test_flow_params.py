"""Streamlit 1.67's parameters of st.dialog, st.fragment and st.rerun.

A fragment's `key` lets a widget callback rerun just that fragment (`st.rerun("<key>")`);
which code ran is counted in Session State.
"""

from __future__ import annotations

import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

import htst
from htst.testing.v1 import AppTest


def run(source: str) -> AppTest:
    at = AppTest.from_string(textwrap.dedent(source)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def error_of(source: str) -> str:
    at = AppTest.from_string(textwrap.dedent(source)).run()
    assert len(at.exception) == 1, at.exception
    return at.exception[0].message


class Tags(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def first(self, tag: str) -> dict[str, str]:
        return next(a for t, a in self.tags if t == tag)


def page(tmp_path: Path, source: str) -> Tags:
    path = tmp_path / "app.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    app = htst.create_app(path)
    app.testing = True
    return Tags(app.test_client().get("/").get_data(as_text=True))


def dialog_app(options: str) -> str:
    return f"""
        import htst as st

        @st.dialog("Settings", {options})
        def settings():
            st.write("inside")

        settings()
        """


# -- st.dialog ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("width", "css"), [("'small'", "htst-dialog--small"), ("'large'", "htst-dialog--large"), ("640", "htst-dialog--px")])
def test_dialog_width(tmp_path, width, css):
    dialog = page(tmp_path, dialog_app(f"width={width}")).first("dialog")
    assert css in dialog["class"].split()
    assert ("--htst-w:640px" in dialog.get("style", "")) is (width == "640")


@pytest.mark.parametrize("position", ["center", "left", "right"])
def test_dialog_position(tmp_path, position):
    dialog = page(tmp_path, dialog_app(f"position={position!r}")).first("dialog")
    assert f"htst-dialog--{position}" in dialog["class"].split()


def test_dialog_icon(tmp_path):
    tags = page(tmp_path, dialog_app("icon='⚙️'"))
    title = tags.html.split('class="htst-dialog-title">')[1].split("</h2>")[0]
    assert title == '<span class="htst-icon" aria-hidden="true">⚙️</span>Settings'
    plain = page(tmp_path, dialog_app("")).html.split('class="htst-dialog-title">')[1].split("</h2>")[0]
    assert plain == "Settings"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("width='huge'", "Invalid `width` value. Supported values: 'small', 'medium', 'large', a positive integer. Got 'huge'."),
        ("width=0", "Invalid `width` value. Supported values: 'small', 'medium', 'large', a positive integer. Got 0."),
        ("width=True", "Invalid `width` value. Supported values: 'small', 'medium', 'large', a positive integer. Got True."),
        ("position='top'", "Invalid `position` value. Supported values: 'left', 'center', 'right'."),
        ("icon='bad'", 'The value "bad" is not a valid icon. Please use a single emoji or a Material icon shortcode like `:material\u200b/thumb_up:`.'),
        ("on_dismiss=None", "Invalid `on_dismiss` value. Supported values: 'rerun', 'ignore', a callback function."),
    ],
)
def test_dialog_options_are_checked_when_it_opens(options, message):
    decorated_only = run(dialog_app(options).replace("settings()\n", "st.write('ok')\n"))
    assert decorated_only.markdown[0].value == "ok"
    assert error_of(dialog_app(options)) == message


def test_dialog_title_is_checked_when_decorating():
    assert error_of(dialog_app("").replace('"Settings", ', '""').replace("settings()\n", "")) == (
        'The `title` parameter is required. For example: `@st.dialog("Example Title")`.'
    )


# -- st.fragment(key=...) and st.rerun(scope) ----------------------------------------------------
KEYED = """
    import htst as st
    st.session_state.setdefault("ran", [])
    st.session_state.ran.append("app")

    @st.fragment(key="charts")
    def charts():
        st.session_state.ran.append("charts")

    @st.fragment(key=7)
    def table():
        st.session_state.ran.append("table")

    @st.fragment
    def other():
        st.session_state.ran.append("other")

    charts()
    table()
    other()
    st.button("Refresh charts", on_click=lambda: st.rerun("charts"))
    st.button("Refresh both", on_click=lambda: st.rerun(["charts", 7]))
    st.button("Refresh 7", on_click=st.rerun, args=(7,))
    st.button("Plain", on_click=lambda: None)
"""


def clicks(at: AppTest, *labels: str) -> list[str]:
    at.session_state["ran"] = []
    for label in labels:
        next(b for b in at.button if b.label == label).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at.session_state["ran"]


def test_a_callback_reruns_a_keyed_fragment_only():
    at = run(KEYED)
    assert clicks(at, "Refresh charts") == ["charts"]


def test_an_int_fragment_key_is_its_string():
    at = run(KEYED)
    assert clicks(at, "Refresh 7") == ["table"]


def test_several_keys_rerun_the_app_in_htst():
    # Streamlit reruns both fragments; htst reruns one scope at a time, so the whole app.
    at = run(KEYED)
    assert clicks(at, "Refresh both") == ["app", "charts", "table", "other"]


def test_a_sibling_callback_returning_normally_escalates_to_the_app():
    at = run(KEYED)
    assert clicks(at, "Refresh charts", "Plain") == ["app", "charts", "table", "other"]


def test_call_sites_of_one_keyed_fragment_share_the_key():
    at = run("""
        import htst as st
        st.session_state.setdefault("ran", [])

        @st.fragment(key="k")
        def part(n):
            st.session_state.ran.append(n)

        part(1)
        part(2)
        st.button("Go", on_click=lambda: st.rerun("k"))
        """)
    at.session_state["ran"] = []
    at.button[0].click().run()
    assert at.session_state.ran == [1, 2]  # two fragments: the app reruns them both


def test_two_fragment_functions_with_one_key_raise():
    assert error_of("""
        import htst as st

        @st.fragment(key="k")
        def a():
            pass

        @st.fragment(key="k")
        def b():
            pass

        a()
        b()
        """) == (
        "There are multiple elements with the same `key='k'`. To fix this, please make sure that "
        "the `key` argument is unique for each element you create."
    )


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("''", "Invalid `key` value. Supported values: a non-empty string."),
        ("'app'", "`app` is a reserved name and cannot be used as a fragment key, because `st.rerun(scope=...)` reads it as a rerun level. Choose a different key for `@st.fragment(key=...)`."),
        ("'fragment'", "`fragment` is a reserved name and cannot be used as a fragment key, because `st.rerun(scope=...)` reads it as a rerun level. Choose a different key for `@st.fragment(key=...)`."),
    ],
)
def test_bad_fragment_keys_raise_when_decorating(key, message):
    assert error_of(f"import htst as st\nst.fragment(key={key})") == message


def test_parallel_fragments_are_not_supported_yet():
    assert error_of("import htst as st\nst.fragment(parallel=True)").startswith(
        "`@st.fragment(parallel=True)` is not supported by htst yet"
    )
    run("import htst as st\n@st.fragment(parallel=False)\ndef f():\n    st.write('x')\nf()")


def test_rerun_scope_is_positional():
    at = run("""
        import htst as st
        st.session_state.n = st.session_state.get("n", 0) + 1
        if st.session_state.n == 1:
            st.rerun("app")
        st.write(f"run {st.session_state.n}")
        """)
    assert at.markdown[0].value == "run 2"


@pytest.mark.parametrize(
    ("scope", "message"),
    [
        ("''", "Invalid `scope` value. Supported values: 'app', 'fragment', a fragment key, a list of keys. Got an empty string."),
        ("[]", "Invalid `scope` value. Supported values: 'app', 'fragment', a fragment key, a list of keys. Got an empty list."),
        ("['app']", "Invalid `scope` value. Supported values: fragment keys. 'app' is a reserved scope name and cannot appear inside a list. Pass 'app' directly as a string."),
        ("['']", "Invalid `scope list items` value. Supported values: non-empty strings or ints. Found an empty string in the list."),
        ("[1.5]", "Invalid `scope list items` type. Expected one of: str, int. Provided type: float."),
        ("b'x'", "Invalid `scope` type. Expected one of: str, int, list[str | int]. Provided type: bytes."),
        ("1.5", "Invalid `scope` type. Expected one of: str, int, list[str | int]. Provided type: float."),
        ("'charts'", "Passing a fragment key to `st.rerun()` is only allowed from a widget callback (e.g. `on_change` / `on_click`). Calling it from the main script body or a fragment body would abort the current run. If you meant to rerun the whole app or the current fragment, use `scope='app'` or `scope='fragment'`."),
    ],
)
def test_rerun_bad_scopes(scope, message):
    assert error_of(f"import htst as st\nst.rerun({scope})") == message


def test_rerun_of_an_unknown_fragment_key_from_a_callback():
    at = run("import htst as st\nst.button('Go', on_click=lambda: st.rerun('nowhere'))")
    at.button[0].click().run()
    assert [e.message for e in at.exception] == [
        "No fragment found for target 'nowhere'. Pass the same `key` you set on "
        "`@st.fragment(key=...)`, and make sure that fragment has rendered at least once."
    ]
