"""Forms and fragments over HTTP: a plain form post, the submit button that applies it,
and a fragment rerun that answers only what lies inside the fragment."""

from __future__ import annotations

import re

FORM_APP = """
import htst as st

with st.form("profile"):
    name = st.text_input("Name")
    saved = st.form_submit_button("Save")
st.button("Other")
st.write(f"Saved name: {name or 'nobody'} (submitted={saved})")
"""

FRAGMENT_APP = """
from pathlib import Path

import htst as st

runs = Path(__file__).with_name("full_runs.txt")
runs.write_text(str(int(runs.read_text()) + 1) if runs.exists() else "1")
st.write(f"full runs: {runs.read_text()}")
outside = st.checkbox("Outside")

@st.fragment
def part():
    level = st.slider("Level", 0, 10, 2)
    st.write(f"level is {level}")
    with st.form("inner"):
        note = st.text_input("Note")
        st.form_submit_button("Keep")
    st.write(f"note is {note or 'empty'}")

part()
st.write("after the fragment")
"""


def _fields(tab, **values: str) -> list[tuple[str, str]]:
    """What a browser without JS posts: every field of the page, some typed over."""
    return [(name, values.get(name, value)) for name, value in tab.page.form_fields]


def _fragment_id(html: str) -> str:
    match = re.search(r'<div id="([^"]+)" class="[^"]*\bhtst-fragment\b', html)
    assert match, "the page has no fragment container"
    return match.group(1)


def _inside(target: str, container: str) -> bool:
    return target == container or target.startswith(container + "-")


def test_plain_form_post_with_its_submit_button_applies_the_value(make_app, open_tab):
    tab = open_tab(make_app(FORM_APP).test_client())
    name, save = tab.wid("Name"), tab.wid("Save")
    assert (name, "") in tab.page.form_fields
    response = tab.post(_fields(tab, **{name: "Jane"}) + [("_htst_click", save)])
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "<html" in html  # the whole page, not partials
    assert "Saved name: Jane (submitted=True)" in tab.page.text
    assert (name, "Jane") in tab.page.form_fields


def test_plain_post_by_enter_submits_the_field_s_form(make_app, open_tab):
    """Enter in a text field without JS posts the page's first button (the hidden, empty
    `_htst_click`): the changed field's form is submitted, as Enter does with JS."""
    tab = open_tab(make_app(FORM_APP).test_client())
    name = tab.wid("Name")
    tab.post(_fields(tab, **{name: "Enter"}) + [("_htst_click", "")])
    assert "Saved name: Enter (submitted=True)" in tab.page.text


def test_plain_post_by_enter_does_not_submit_when_enter_to_submit_is_off(make_app, open_tab):
    app = FORM_APP.replace('st.form("profile")', 'st.form("profile", enter_to_submit=False)')
    tab = open_tab(make_app(app).test_client())
    tab.post(_fields(tab, **{tab.wid("Name"): "Enter"}) + [("_htst_click", "")])
    assert "Saved name: nobody (submitted=False)" in tab.page.text


def test_plain_form_post_with_another_button_does_not_apply_the_value(make_app, open_tab):
    tab = open_tab(make_app(FORM_APP).test_client())
    name, other = tab.wid("Name"), tab.wid("Other")
    response = tab.post(_fields(tab, **{name: "Jane"}) + [("_htst_click", other)])
    assert response.status_code == 200
    assert "Saved name: nobody (submitted=False)" in tab.page.text
    assert (name, "Jane") in tab.page.form_fields  # what was typed is not lost
    # A later submit applies what is posted then.
    tab.post(_fields(tab, **{name: "Joan"}) + [("_htst_click", tab.wid("Save"))])
    assert "Saved name: Joan (submitted=True)" in tab.page.text


def test_plain_post_of_a_stepper_in_a_form_steps_the_field_but_not_the_script(make_app, open_tab):
    """Without JS a stepper reloads the page: the form shows the stepped value and what
    was typed, and the script sees them only when the form is submitted."""
    source = FORM_APP.replace('    name = st.text_input("Name")', '    name = st.text_input("Name")\n    n = st.number_input("N", value=1, max_value=3)')
    source += 'st.write(f"Saved n: {n}")\n'
    tab = open_tab(make_app(source).test_client())
    name, n = tab.wid("Name"), tab.wid("N")
    tab.post(_fields(tab, **{name: "Ann"}) + [("_htst_step", f"{n}:+1")])
    assert (n, "2") in tab.page.form_fields and (name, "Ann") in tab.page.form_fields
    assert "Saved n: 1" in tab.page.text and "Saved name: nobody" in tab.page.text
    tab.post(_fields(tab) + [("_htst_step", f"{n}:+1")])
    assert (n, "3") in tab.page.form_fields
    assert re.search(r'value="[^"]*:\+1"[^>]*disabled', tab.page.html), "+ is not disabled at max_value"
    tab.post(_fields(tab) + [("_htst_click", tab.wid("Save"))])
    assert "Saved n: 3" in tab.page.text and "Saved name: Ann (submitted=True)" in tab.page.text


def test_plain_form_post_without_any_button_does_not_apply_the_value(make_app, open_tab):
    tab = open_tab(make_app(FORM_APP).test_client())
    tab.post(_fields(tab, **{tab.wid("Name"): "Jane"}))
    assert "Saved name: nobody" in tab.page.text


def test_htmx_form_field_alone_changes_nothing(make_app, open_tab):
    tab = open_tab(make_app(FORM_APP).test_client())
    response = tab.post({tab.wid("Name"): "Jane"}, htmx=True)
    assert response.status_code == 204


def test_htmx_form_submit_sends_the_value(make_app, open_tab, read_partials):
    tab = open_tab(make_app(FORM_APP).test_client())
    response = tab.post({tab.wid("Name"): "Jane", "_htst_click": tab.wid("Save")}, htmx=True)
    assert response.status_code == 200
    parts = read_partials(response.get_data())
    assert any("Saved name: Jane (submitted=True)" in html for html in parts.values())


def test_form_node_carries_its_submit_settings(make_app, open_tab):
    source = FORM_APP.replace(
        'st.form("profile")', 'st.form("profile", enter_to_submit=False, border=False)'
    )
    tab = open_tab(make_app(source).test_client())
    form = re.search(r"<div [^>]*\bhtst-form\b[^>]*>", tab.page.html)
    assert form, "no form container on the page"
    assert "data-htst-enter-submits" not in form.group(0)
    assert "htst-block--border" not in form.group(0)
    default = open_tab(make_app(FORM_APP).test_client())
    form = re.search(r"<div [^>]*\bhtst-form\b[^>]*>", default.page.html)
    assert "data-htst-enter-submits" in form.group(0) and "htst-block--border" in form.group(0)


def _fragment_tab(make_app, open_tab, tmp_path):
    tab = open_tab(make_app(FRAGMENT_APP).test_client())
    runs = tmp_path / "full_runs.txt"
    assert runs.read_text() == "1"
    assert "full runs: 1" in tab.page.text
    return tab, runs, _fragment_id(tab.page.html)


def test_htmx_fragment_widget_change_answers_only_the_fragment(
    make_app, open_tab, read_partials, tmp_path
):
    tab, runs, fragment = _fragment_tab(make_app, open_tab, tmp_path)
    response = tab.post({tab.wid("Level"): "7"}, htmx=True)
    assert response.status_code == 200
    parts = read_partials(response.get_data())
    assert parts, "the fragment's change sent nothing"
    assert all(_inside(target, fragment) for target in parts), sorted(parts)
    assert any("level is 7" in html for html in parts.values())
    body = response.get_data(as_text=True)
    assert "full runs" not in body and "after the fragment" not in body
    assert runs.read_text() == "1"  # the code outside the fragment did not run


def test_htmx_form_submit_inside_a_fragment_reruns_only_the_fragment(
    make_app, open_tab, read_partials, tmp_path
):
    tab, runs, fragment = _fragment_tab(make_app, open_tab, tmp_path)
    assert tab.post({tab.wid("Note"): "hello"}, htmx=True).status_code == 204
    response = tab.post({tab.wid("Note"): "hello", "_htst_click": tab.wid("Keep")}, htmx=True)
    parts = read_partials(response.get_data())
    assert all(_inside(target, fragment) for target in parts), sorted(parts)
    assert any("note is hello" in html for html in parts.values())
    assert runs.read_text() == "1"


def test_htmx_widget_outside_the_fragment_reruns_the_app(
    make_app, open_tab, read_partials, tmp_path
):
    tab, runs, _ = _fragment_tab(make_app, open_tab, tmp_path)
    response = tab.post({tab.wid("Outside"): "on"}, htmx=True)
    assert response.status_code == 200
    parts = read_partials(response.get_data())
    assert any("full runs: 2" in html for html in parts.values())
    assert runs.read_text() == "2"


def test_plain_post_of_a_fragment_widget_answers_the_whole_page(make_app, open_tab, tmp_path):
    tab, runs, _ = _fragment_tab(make_app, open_tab, tmp_path)
    level = tab.wid("Level")
    response = tab.post(_fields(tab, **{level: "9"}))
    assert response.status_code == 200 and "<html" in response.get_data(as_text=True)
    assert "level is 9" in tab.page.text
    assert "full runs: 1" in tab.page.text  # the page still shows the last full run's line
    assert runs.read_text() == "1"


def test_htmx_fragment_error_is_answered_inside_the_fragment(
    make_app, open_tab, read_partials, tmp_path
):
    source = FRAGMENT_APP.replace(
        'st.write(f"level is {level}")',
        'st.write(f"level is {level}")\n    if level > 5:\n        raise ValueError("too high")',
    )
    tab = open_tab(make_app(source).test_client())
    fragment = _fragment_id(tab.page.html)
    for value, errors in (("7", 1), ("8", 0)):  # the same error again is no change
        response = tab.post({tab.wid("Level"): value}, htmx=True)
        parts = read_partials(response.get_data())
        assert all(_inside(target, fragment) for target in parts), sorted(parts)
        assert sum(html.count("htst-exception-message") for html in parts.values()) == errors
        assert any(f"level is {value}" in html for html in parts.values())
    assert (tmp_path / "full_runs.txt").read_text() == "1"


NESTED_APP = """
import htst as st

st.session_state.setdefault("outer_runs", 0)

@st.fragment
def outer():
    st.session_state.outer_runs += 1
    level = st.slider("Level", 0, 10, 1)
    st.write(f"outer ran {st.session_state.outer_runs} times, level {level}")
    inner(level)

@st.fragment
def inner(level):
    if level > 5 and not st.session_state.get("asked"):
        st.session_state.asked = True
        st.rerun(scope="fragment")
    st.write(f"inner sees {level}")

outer()
"""


def test_a_nested_fragment_rerunning_itself_still_sends_what_its_outer_fragment_drew(
    make_app, open_tab, read_partials
):
    tab = open_tab(make_app(NESTED_APP).test_client())
    response = tab.post({tab.wid("Level"): "7"}, htmx=True)
    parts = read_partials(response.get_data())
    sent = " ".join(parts.values())
    assert "outer ran 2 times, level 7" in sent  # drawn before the inner fragment's rerun
    assert "inner sees 7" in sent
