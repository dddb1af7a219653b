"""Streamlit 1.67's parameters of st.expander, st.tabs and st.status.

Expanders and tabs open and switch in the browser by default; with `on_change` they are
widgets whose state (the expanded bool, the active tab's label) is in Session State, and
opening or switching reruns the app. AppTest drives them by posting the fields a browser
would; the Flask client checks the HTML and the posts a browser without JavaScript makes.
"""

from __future__ import annotations

import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
from werkzeug.datastructures import MultiDict

import htst
from htst.testing.v1 import AppTest


class Tags(HTMLParser):
    """A page's start tags with their attributes, in document order."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def by_id(self, id: str) -> dict[str, str]:
        (found,) = [a for _, a in self.tags if a.get("id") == id]
        return found

    def all(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]

    @property
    def token(self) -> str:
        (field,) = self.all("input", name="_htst_tab")
        return field["value"]


class Browser:
    """A browser without JavaScript: it loads the page and submits the app's form."""

    def __init__(self, tmp_path: Path, source: str):
        path = tmp_path / "app.py"
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        app = htst.create_app(path)
        app.testing = True
        self.client = app.test_client()
        self.page = Tags(self.client.get("/").get_data(as_text=True))

    def submit(self, name: str, value: str) -> Tags:
        """Press the submit button `name=value`: the form's fields go with it, as posted."""
        fields = [("_htst_tab", self.page.token)]
        fields += [(a["name"], a.get("value", "")) for a in self.page.all("input", type="hidden") if a["name"] != "_htst_tab"]
        fields.append((name, value))
        response = self.client.post("/_htst/rerun", data=MultiDict(fields))
        assert response.status_code == 200, response.get_data(as_text=True)
        self.page = Tags(response.get_data(as_text=True))
        return self.page


def run(source: str) -> AppTest:
    at = AppTest.from_string(textwrap.dedent(source)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def error_of(source: str) -> str:
    at = AppTest.from_string(textwrap.dedent(source)).run()
    assert len(at.exception) == 1, at.exception
    return at.exception[0].message


EXPANDER = """
    import htst as st
    st.session_state.setdefault("calls", [])

    def changed(tag, times=1):
        st.session_state.calls.append((tag * times, st.session_state.more))

    box = st.expander("More", key="more", on_change=changed, args=("x",), kwargs={"times": 2})
    box.write(f"open is {box.open}")
"""

TABS = """
    import htst as st
    st.session_state.setdefault("calls", [])

    def switched(tag):
        st.session_state.calls.append((tag, st.session_state.tab))

    one, two, three = st.tabs(["One", "Two", "Three"], key="tab", on_change=switched, args=("t",), default="Two")
    st.write(f"open: {[one.open, two.open, three.open]}")
"""


# -- expander: stateless (the default) -------------------------------------------------------
def test_expander_default_opens_in_the_browser_only(tmp_path):
    at = run("""
        import htst as st
        box = st.expander("Plain", key="plain")
        st.write(f"open is {box.open}")
        """)
    assert at.markdown[0].value == "open is None"
    assert "plain" not in at.session_state
    tags = Browser(tmp_path, "import htst as st\nst.expander('Plain', key='plain').write('x')").page
    details = tags.by_id("hm-0")
    assert "st-key-plain" in details["class"].split()
    assert "data-htst-expanded" not in details and not tags.all("input", type="hidden", **{"data-htst-open": ""})


@pytest.mark.parametrize("on_change", [None, "never", 3])
def test_expander_bad_on_change(on_change):
    assert error_of(f"import htst as st\nst.expander('x', on_change={on_change!r})") == (
        "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function."
    )


def test_expander_label_is_required():
    assert error_of("import htst as st\nst.expander(None)") == "The `label` parameter is required."


# -- expander: a widget (on_change) ------------------------------------------------------------
def test_expander_with_on_change_is_a_widget_whose_value_is_expanded():
    at = run(EXPANDER)
    assert at.expander[0].value is False and at.session_state.more is False
    assert at.markdown[0].value == "open is False"

    at.expander[0].set_value(True).run()
    assert at.session_state.more is True
    assert at.markdown[0].value == "open is True"
    assert at.session_state.calls == [("xx", True)]  # args and kwargs, state already new

    at.run()  # no change, no callback
    assert at.session_state.calls == [("xx", True)]


def test_expander_on_change_rerun_without_key():
    at = run("""
        import htst as st
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        box = st.expander("Open me", expanded=True, on_change="rerun")
        st.write(f"{box.open} {st.session_state.runs}")
        """)
    assert at.markdown[0].value == "True 1"
    at.expander[0].set_value(False).run()
    assert at.markdown[0].value == "False 2"


def test_expander_state_is_writable_before_it_is_drawn():
    at = run(EXPANDER)
    at.session_state["more"] = True
    at.run()
    assert at.markdown[0].value == "open is True"
    assert at.session_state.calls == []  # a value set in code calls no callback


def test_expander_callback_in_a_form_raises():
    message = error_of("""
        import htst as st
        with st.form("f"):
            st.expander("x", on_change=lambda: None)
            st.form_submit_button()
        """)
    assert message.startswith("With forms, callbacks can only be defined on the `st.form_submit_button`.")


def test_expander_widget_html_and_no_js_toggle(tmp_path):
    browser = Browser(tmp_path, EXPANDER)
    frame = browser.page.by_id("hm-0")  # a stateful expander's root holds its <details>
    assert "st-key-more" in frame["class"].split()
    (details,) = browser.page.all("details")
    assert details["data-htst-expanded"] == "false" and "open" not in details
    (field,) = browser.page.all("input", type="hidden", **{"data-htst-open": ""})
    assert field["value"] == "false"
    # Without JavaScript, a submit button covering the summary toggles it (in <noscript>,
    # beside the <details>: a button inside its summary would nest two controls).
    assert f'<noscript><button type="submit" name="{field["name"]}" value="true"' in browser.page.html

    page = browser.submit(field["name"], "true")
    (details,) = page.all("details")
    assert details["data-htst-expanded"] == "true" and "open" in details
    assert "open is True" in page.html
    assert f'name="{field["name"]}" value="false"' in page.html  # the button now closes it


@pytest.mark.parametrize("type", ["default", "compact", "step"])
def test_expander_type(tmp_path, type):
    details = Browser(tmp_path, f"import htst as st\nst.expander('x', type={type!r})").page.by_id("hm-0")
    assert f"htst-expander--{type}" in details["class"].split()


def test_expander_bad_type():
    assert error_of("import htst as st\nst.expander('x', type='big')") == (
        "Invalid `type` value. Supported values: 'default', 'compact', 'step'."
    )


@pytest.mark.parametrize("icon", ["🔥", ":material/thumb_up:", "spinner", "  ", None])
def test_expander_icon(tmp_path, icon):
    tags = Browser(tmp_path, f"import htst as st\nst.expander('x', icon={icon!r})").page
    shown = tags.html.split("<summary>")[1].split("</summary>")[0]
    if icon == "spinner":
        assert 'class="htst-spinner"' in shown
    elif icon and icon.startswith(":material/"):
        assert 'data-icon="thumb_up"' in shown and "<path d=" in shown  # the symbol, not its shortcode
    elif icon and icon.strip():
        assert f'<span class="htst-icon" aria-hidden="true">{icon}</span>' in shown
    else:
        assert "htst-icon" not in shown and "htst-spinner" not in shown


def test_expander_bad_icons():
    assert error_of("import htst as st\nst.expander('x', icon='bad')") == (
        'The value "bad" is not a valid icon. Please use a single emoji or a Material icon '
        "shortcode like `:material\u200b/thumb_up:`."
    )
    assert error_of("import htst as st\nst.expander('x', icon=5)") == (
        "Invalid `icon` type. Expected one of: str, None. Provided type: int."
    )


def test_expander_width(tmp_path):
    tags = Browser(tmp_path, "import htst as st\nst.expander('a')\nst.expander('b', width=320)").page
    assert tags.by_id("hm-0")["data-width"] == "stretch"
    assert tags.by_id("hm-1")["data-width"] == "px" and "--htst-w:320px" in tags.by_id("hm-1")["style"]
    assert error_of("import htst as st\nst.expander('x', width='content')") == (
        "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."
    )


# -- tabs: stateless ---------------------------------------------------------------------------
def test_tabs_default_switch_in_the_browser_and_return_a_tuple(tmp_path):
    at = run("""
        import htst as st
        tabs = st.tabs(["A", "B"], key="plain")
        st.write(f"{type(tabs).__name__} {[t.open for t in tabs]}")
        """)
    assert at.markdown[0].value == "tuple [None, None]"
    assert "plain" not in at.session_state
    tags = Browser(tmp_path, "import htst as st\nst.tabs(['A', 'B'], key='plain')").page
    assert "st-key-plain" in tags.by_id("hm-0")["class"].split()
    assert [b["type"] for b in tags.all("button", role="tab")] == ["button", "button"]


def test_tabs_default_label_is_shown_first(tmp_path):
    tags = Browser(tmp_path, "import htst as st\nst.tabs(['A', 'B', 'C'], default='C')").page
    assert [b["aria-selected"] for b in tags.all("button", role="tab")] == ["false", "false", "true"]
    assert ["hidden" in tags.by_id(f"hm-0-{i}") for i in range(3)] == [True, True, False]
    first = Browser(tmp_path, "import htst as st\nst.tabs(['A', 'B'], default='')").page
    assert [b["aria-selected"] for b in first.all("button", role="tab")] == ["true", "false"]


def test_tabs_errors():
    assert error_of("import htst as st\nst.tabs(['a'], default='z')") == (
        "Invalid `default` value. Supported values: a tab label from `tabs`. `z` is not in the list of tabs."
    )
    assert error_of("import htst as st\nst.tabs([])") == "The `tabs` parameter is required. Provide at least one tab label."
    assert error_of("import htst as st\nst.tabs(['a', 1])") == (
        "Invalid `tabs` type. Expected one of: a string for each tab label. Provided type: int."
    )
    assert error_of("import htst as st\nst.tabs(['a'], on_change=None)") == (
        "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function."
    )


def test_tabs_height_and_width(tmp_path):
    tags = Browser(tmp_path, """
        import htst as st
        st.tabs(["a"])
        st.tabs(["a"], height=240, width=500)
        st.tabs(["a"], height="stretch")
        """).page
    assert (tags.by_id("hm-0")["data-height"], tags.by_id("hm-0")["data-width"]) == ("content", "stretch")
    assert tags.by_id("hm-1")["data-height"] == "px" and tags.by_id("hm-1")["style"] == "--htst-w:500px;--htst-h:240px;"
    assert tags.by_id("hm-2")["data-height"] == "stretch"
    assert error_of("import htst as st\nst.tabs(['a'], height='auto')") == (
        "Invalid height value: 'auto'. Height must be either a positive integer (pixels), 'stretch', or 'content'."
    )
    assert error_of("import htst as st\nst.tabs(['a'], width='content')").startswith("Invalid width value: 'content'.")


# -- tabs: a widget (on_change) ----------------------------------------------------------------
def test_tabs_with_on_change_are_a_widget_whose_value_is_the_active_label():
    at = run(TABS)
    assert at.session_state.tab == "Two"
    assert at.markdown[0].value == "open: [False, True, False]"
    at.get("tabs")[0].set_value("Three").run()
    assert at.session_state.tab == "Three"
    assert at.markdown[0].value == "open: [False, False, True]"
    assert at.session_state.calls == [("t", "Three")]


def test_tabs_state_set_in_code_and_reset_when_not_a_label():
    at = run(TABS)
    at.session_state["tab"] = "One"
    at.run()
    assert at.markdown[0].value == "open: [True, False, False]"
    at.session_state["tab"] = "Nine"
    at.run()
    assert at.session_state.tab == "Two"  # back to the default label
    assert at.session_state.calls == []


def test_tabs_sharing_a_label_are_all_open_when_it_is_active():
    at = run("""
        import htst as st
        tabs = st.tabs(["a", "b", "a"], on_change="rerun")
        st.write(f"{[t.open for t in tabs]}")
        """)
    assert at.markdown[0].value == "[True, False, True]"


def test_tabs_widget_html_and_no_js_switch(tmp_path):
    browser = Browser(tmp_path, TABS)
    buttons = browser.page.all("button", role="tab")
    assert {b["type"] for b in buttons} == {"submit"} and len({b["name"] for b in buttons}) == 1
    assert [b["value"] for b in buttons] == ["One", "Two", "Three"]
    assert "data-htst-tabs-widget" in browser.page.by_id("hm-0")

    page = browser.submit(buttons[2]["name"], "Three")
    assert [b["aria-selected"] for b in page.all("button", role="tab")] == ["false", "false", "true"]
    assert "open: [False, False, True]" in page.html


def test_a_posted_label_that_is_no_tab_is_refused(tmp_path):
    browser = Browser(tmp_path, TABS)
    name = browser.page.all("button", role="tab")[0]["name"]
    response = browser.client.post("/_htst/rerun", data={"_htst_tab": browser.page.token, name: "Nine"})
    assert response.status_code == 400


# -- st.status ---------------------------------------------------------------------------------
@pytest.mark.parametrize("type", ["default", "compact", "step"])
def test_status_type(tmp_path, type):
    details = Browser(tmp_path, f"import htst as st\nst.status('Working', type={type!r})").page.by_id("hm-0")
    assert f"htst-expander--{type}" in details["class"].split()


def test_status_bad_type_and_width(tmp_path):
    assert error_of("import htst as st\nst.status('x', type='big')") == (
        "Invalid `type` value. Supported values: 'default', 'compact', 'step'."
    )
    assert error_of("import htst as st\nst.status('x', width='content')") == (
        "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."
    )
    tags = Browser(tmp_path, "import htst as st\nst.status('a')\nst.status('b', width=280)").page
    assert tags.by_id("hm-0")["data-width"] == "stretch"
    assert tags.by_id("hm-1")["data-width"] == "px" and "--htst-w:280px" in tags.by_id("hm-1")["style"]
