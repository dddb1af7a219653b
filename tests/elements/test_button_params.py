"""Streamlit 1.67's button parameters: icon_position, shortcut, wrap, width (and the
deprecated use_container_width), and link_button's key / on_click / args / kwargs."""

from __future__ import annotations

import logging

import pytest

from htst.elements import shortcuts
from htst.elements.shortcuts import shortcut
from htst.errors import HtstAPIException
from htst.testing.v1 import AppTest

# One call per button-like command, drawing the button labelled "Go"; `{}` takes parameters.
BUTTONS = {
    "button": 'st.button("Go"{})',
    "download_button": 'st.download_button("Go", "data"{})',
    "link_button": 'st.link_button("Go", "https://example.org"{})',
    "form_submit_button": 'with st.form("f"):\n    st.form_submit_button("Go"{})',
}


def _script(kind: str, params: str = "", before: str = "") -> str:
    call = BUTTONS[kind].format(", " + params if params else "")
    return f"import htst as st\n{before}{call}\n"


def _button(page):
    """The <button> (or the link) a button-like command drew."""
    row = page.dom.find(cls="htst-button-row")
    return row, row.find(cls="htst-button")


def _error(kind: str, params: str) -> str:
    at = AppTest.from_string(_script(kind, params)).run()
    assert at.exception, f"{kind}({params}) raised nothing"
    return at.exception[0].message


# -- icon_position ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", BUTTONS)
@pytest.mark.parametrize(("given", "icon_first"), [("", True), ("icon_position='left'", True), ("icon_position=None", True), ("icon_position='right'", False)])
def test_icon_position_puts_the_icon_on_its_side(serve, kind, given, icon_first):
    params = ", ".join(p for p in ("icon='🚀'", given) if p)
    _, button = _button(serve(_script(kind, params)))
    parts = [c for c in button.children if {"htst-icon", "htst-button-label"} & set(c.classes)]
    assert ["htst-icon" in c.classes for c in parts] == [icon_first, not icon_first]
    assert parts[0 if icon_first else 1].text == "🚀"


@pytest.mark.parametrize("kind", BUTTONS)
def test_icon_position_refuses_other_values(kind):
    assert _error(kind, "icon_position='top'") == "Invalid `icon_position` value. Supported values: 'left', 'right'."


def test_a_material_icon_is_drawn_as_the_symbol_itself(serve):
    _, button = _button(serve(_script("button", "icon=':material/send:'")))
    icon = button.find(cls="htst-icon")
    assert icon.tag == "svg" and icon["data-icon"] == "send" and icon["aria-hidden"] == "true"
    assert icon.find("path")["d"]


# -- shortcut -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "normal", "match", "shown", "aria"),
    [
        ("K", "k", "k", "K", "K"),
        ("ctrl + k", "ctrl+k", "ctrl+k", "Ctrl+K", "Control+K"),
        ("Mod+K", "ctrl+k", "ctrl+k", "Ctrl+K", "Control+K"),
        ("Meta+K", "cmd+k", "ctrl+k", "⌘+K", "Meta+K"),
        ("Shift+Ctrl+a", "ctrl+shift+a", "ctrl+shift+a", "Ctrl+Shift+A", "Control+Shift+A"),
        ("Option+Command+Ctrl+ctrl+1", "ctrl+cmd+alt+1", "ctrl+alt+1", "Ctrl+⌘+Alt+1", "Control+Meta+Alt+1"),
        ("Esc", "escape", "escape", "Esc", "Escape"),
        ("ArrowUp", "up", "up", "↑", "ArrowUp"),
        ("return", "enter", "enter", "Enter", "Enter"),
        ("spacebar", "space", "space", "Space", "Space"),
        ("F13", "f13", "f13", "F13", "F13"),
    ],
)
def test_shortcut_is_normalised_as_in_streamlit(given, normal, match, shown, aria):
    assert tuple(shortcut(given)) == (normal, match, shown, aria)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (5, "Invalid `shortcut` type. Expected one of: str. Provided type: int."),
        ("", "The `shortcut` must contain at least one key or modifier."),
        ("+", "The `shortcut` must contain at least one key or modifier."),
        ("Ctrl", "The `shortcut` must include a non-modifier key such as 'K' or 'Ctrl+K'."),
        ("Ctrl+K+J", "The `shortcut` may only specify a single non-modifier key."),
        ("c", "The `shortcut` cannot use the keys 'C' or 'R', with or without modifiers."),
        ("Shift+R", "The `shortcut` cannot use the keys 'C' or 'R', with or without modifiers."),
        (".", "shortcut must include a single character or one of the supported keys (e.g. Enter, Space, Tab, Escape)."),
        ("Ctrl+,", "shortcut must include a single character or one of the supported keys (e.g. Enter, Space, Tab, Escape)."),
    ],
)
def test_shortcut_errors_are_streamlits(given, message):
    with pytest.raises(HtstAPIException) as raised:
        shortcut(given)
    assert str(raised.value) == message


def test_a_browser_reserved_shortcut_is_kept_with_one_warning(caplog, monkeypatch):
    monkeypatch.setattr(shortcuts, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="htst"):
        assert shortcut("Ctrl+T").normal == "ctrl+t"
        assert shortcut("control+t").normal == "ctrl+t"
        assert shortcut("Ctrl+K").normal == "ctrl+k"
    assert [r.getMessage() for r in caplog.records] == [
        "The shortcut 'ctrl+t' is usually taken by the browser, so it may never reach the app."
    ]
    assert shortcut(None) is None


@pytest.mark.parametrize("kind", BUTTONS)
def test_shortcut_is_drawn_for_the_browser_and_for_assistive_tech(serve, kind):
    _, button = _button(serve(_script(kind, "shortcut='Ctrl+Shift+K'")))
    assert button["data-htst-shortcut"] == "ctrl+shift+k"
    assert button["aria-keyshortcuts"] == "Control+Shift+K"
    assert button.find("kbd").text == "Ctrl+Shift+K"


@pytest.mark.parametrize("kind", BUTTONS)
def test_no_shortcut_by_default_and_errors_raise_from_every_button(serve, kind):
    _, button = _button(serve(_script(kind)))
    assert "data-htst-shortcut" not in button.attrs and not button.has("kbd")
    assert _error(kind, "shortcut='r'") == "The `shortcut` cannot use the keys 'C' or 'R', with or without modifiers."


# -- wrap -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", BUTTONS)
@pytest.mark.parametrize(
    ("params", "in_column", "one_line"),
    [
        ("", False, False),  # None: the layout decides; wraps in the main area…
        ("", True, True),  # …and keeps one line directly in a column
        ("wrap=True", True, False),
        ("wrap=False", False, True),
    ],
)
def test_wrap_keeps_the_label_on_one_line_or_not(serve, kind, params, in_column, one_line):
    script = _script(kind, params)
    if in_column:  # the button directly in a column (a form's button: in a column of the form)
        call = BUTTONS[kind].format(", " + params if params else "").splitlines()[-1].strip()
        form = 'with st.form("f"):\n' if kind == "form_submit_button" else "if True:\n"
        script = f"import htst as st\n{form}    with st.columns(2)[0]:\n        {call}\n"
    _, button = _button(serve(script))
    assert ("data-nowrap" in button.attrs) is one_line
    # A label kept on one line shows whole on hover (help, when given, is the tooltip).
    assert (button.get("title") == "Go") is one_line


def test_wrap_refuses_what_is_not_a_bool():
    assert _error("button", "wrap='yes'") == "Invalid `wrap` value: 'yes'. Supported values: True, False, None."


def test_a_one_line_label_keeps_help_as_its_tooltip(serve):
    page = serve(_script("button", "wrap=False, help='Does it'"))
    _, button = _button(page)
    tip = page.dom.find(id=button["aria-describedby"])
    assert tip["role"] == "tooltip" and tip.text == "Does it"
    assert "title" not in button.attrs and "data-nowrap" in button.attrs


# -- width, use_container_width ----------------------------------------------------------


@pytest.mark.parametrize("kind", BUTTONS)
@pytest.mark.parametrize(
    ("params", "data_width", "style"),
    [
        ("", "content", None),
        ("width='stretch'", "stretch", None),
        ("width='content'", "content", None),
        ("width=240", "px", "--htst-w:240px;"),
        ("use_container_width=True", "stretch", None),
        ("use_container_width=False, width='stretch'", "content", None),  # the old spelling wins
    ],
)
def test_width_sizes_the_button(serve, kind, params, data_width, style):
    row, _ = _button(serve(_script(kind, params)))
    assert row["data-width"] == data_width
    assert row.get("style") == style


@pytest.mark.parametrize("kind", BUTTONS)
def test_width_errors_are_streamlits(kind):
    assert _error(kind, "width='auto'") == "Invalid width value: 'auto'. Width must be either a positive integer (pixels), 'stretch', or 'content'."
    assert _error(kind, "width=0") == "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'."
    assert _error(kind, "width=2**32") == "The `width` parameter, set to 4294967296, is outside the required range [1, 4294967295]."


# -- on_click modes of st.button / st.form_submit_button -----------------------------------


@pytest.mark.parametrize("kind", ["button", "form_submit_button"])
@pytest.mark.parametrize("mode", ["rerun", "ignore"])
def test_button_on_click_takes_only_a_callback(kind, mode):
    assert _error(kind, f"on_click={mode!r}") == f'`on_click="{mode}"` is not supported on this widget. Pass a callback, or omit `on_click`.'
    assert _error(kind, "on_click=5") == "Invalid `on_click` value. Supported values: a callback function."


def test_download_button_on_click_modes():
    assert _error("download_button", "on_click='bogus'") == "Invalid `on_click` value. Supported values: 'rerun', 'ignore', a callback function."
    at = AppTest.from_string(_script("download_button", "on_click=None")).run()
    assert not at.exception
    at.get("download_button")[0].click().run()
    assert at.get("download_button")[0].value is True  # None reruns, as "rerun" does
    assert at.run().get("download_button")[0].value is False


# -- link_button: key, on_click, args, kwargs -------------------------------------------------


LINKS = """
import htst as st

st.session_state.setdefault("calls", [])

def opened(*args, **kwargs):
    st.session_state.calls.append((args, kwargs))

plain = st.link_button("Plain", "https://example.org/plain", key="plain")
rerun = st.link_button("Rerun", "https://example.org/rerun", on_click="rerun", key="rr")
none = st.link_button("None", "https://example.org/none", on_click=None)
called = st.link_button("Called", "https://example.org/cb", on_click=opened, args=(1,), kwargs={"to": "docs"})
st.write(f"plain={type(plain).__name__} rerun={rerun} none={none} called={called} calls={st.session_state.calls}")
"""


def test_link_button_ignore_is_a_plain_link_returning_its_element(serve):
    page = serve(LINKS)
    row = page.dom.find(cls="st-key-plain")
    link = row.find("a", href="https://example.org/plain")
    assert link["target"] == "_blank" and "noopener" in link["rel"]
    assert not row.has(name="_htst_click")  # nothing reaches the app
    assert "plain=Block" in page.dom.text


def test_link_button_rerun_modes_return_a_click_like_st_button():
    at = AppTest.from_string(LINKS).run()
    assert "rerun=False none=False called=False calls=[]" in at.markdown[0].value
    at.get("link_button")[1].click().run()
    assert "rerun=True none=False called=False" in at.markdown[0].value
    at.run()
    assert "rerun=False" in at.markdown[0].value  # True only in the run its click caused
    at.get("link_button")[2].click().run()
    assert "none=True" in at.markdown[0].value
    at.get("link_button")[3].click().run()
    assert "called=True calls=[((1,), {'to': 'docs'})]" in at.markdown[0].value
    assert at.session_state["rr"] is False


def test_link_button_rerun_draws_a_button_that_opens_the_link_in_a_new_tab(serve):
    page = serve(LINKS)
    button = page.widget("Rerun").find("button")
    assert button["name"] == "_htst_click" and button["formtarget"] == "_blank"
    assert button["data-htst-href"] == "https://example.org/rerun" and button["role"] == "link"


def test_link_button_click_with_javascript_reruns(serve):
    page = serve(LINKS)
    response = page.post({"_htst_click": page.wid("Called")}, htmx=True)
    assert response.status_code == 200
    assert "called=True calls=[((1,), {'to': 'docs'})]" in response.get_data(as_text=True)


def test_link_button_click_without_javascript_reruns_then_opens_the_link(serve):
    page = serve(LINKS)
    response = page.post(page.fields() + [("_htst_click", page.wid("Called"))])
    assert response.status_code == 303 and response.headers["Location"] == "https://example.org/cb"
    page.post({"_htst_rerun": "1"})
    assert "calls=[((1,), {'to': 'docs'})]" in page.dom.text


def test_link_button_key_is_read_only_in_rerun_mode():
    def app():
        import htst as st

        st.session_state.rr = True
        st.link_button("Rerun", "https://example.org", on_click="rerun", key="rr")

    at = AppTest.from_function(app).run()
    assert "cannot be set using st.session_state" in at.exception[0].message


def test_link_button_keys_are_unique():
    def app():
        import htst as st

        st.link_button("A", "https://example.org/a", key="same")
        st.link_button("B", "https://example.org/b", key="same")

    at = AppTest.from_function(app).run()
    assert "multiple elements with the same `key='same'`" in at.exception[0].message


def test_link_button_on_click_errors():
    assert _error("link_button", "on_click='bogus'") == "Invalid `on_click` value. Supported values: 'rerun', 'ignore', a callback function."
    at = AppTest.from_string(
        'import htst as st\nwith st.form("f"):\n    st.link_button("Go", "https://example.org", on_click="rerun")\n    st.form_submit_button()\n'
    ).run()
    assert "`st.link_button()` can't be used in an `st.form()`" in at.exception[0].message


def test_link_button_refuses_script_urls_in_both_modes(serve):
    page = serve('import htst as st\nst.link_button("A", "javascript:alert(1)")\nst.link_button("B", " JavaScript:x", on_click="rerun")\n')
    assert page.dom.find("a")["href"] == "about:blank"
    assert page.widget("B").find("button")["data-htst-href"] == "about:blank"
