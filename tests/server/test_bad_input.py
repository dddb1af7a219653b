"""Malformed input gets a clear 4xx (or is ignored); the session keeps working, unchanged."""

from __future__ import annotations

import pytest

WIDGETS = """
import htst as st

if "count" not in st.session_state:
    st.session_state.count = 0

def add():
    st.session_state.count += 1

st.button("Add", on_click=add)
n = st.number_input("Count of things", 0, 10, 5)
s = st.slider("Level", 0, 100, 50)
f = st.slider("Ratio", 0.0, 1.0, 0.5)
c = st.checkbox("Agree")
pick = st.selectbox("Fruit", ["apple", "pear"])
r = st.radio("Size", ["S", "M", "L"])
t = st.text_input("Code", max_chars=4)
st.write(f"state: count={st.session_state.count} n={n} s={s} f={f} c={c} pick={pick} r={r} t={t!r}")
"""

START = "state: count=1 n=5 s=50 f=0.5 c=False pick=apple r=S t=''"


@pytest.fixture
def tab(make_app, open_tab):
    tab = open_tab(make_app(WIDGETS).test_client())
    tab.click("Add")  # some state that must survive the bad requests
    assert START in tab.page.text
    return tab


def _assert_unchanged_and_working(tab) -> None:
    tab.post({"_htst_rerun": "1"})
    assert START in tab.page.text, tab.page.text
    tab.click("Add")
    assert START.replace("count=1", "count=2") in tab.page.text


BAD_VALUES = [
    ("Count of things", "five", "expected a number"),
    ("Count of things", "2.5", "whole number"),
    ("Count of things", "11", "out of range"),
    ("Count of things", "-1", "out of range"),
    ("Count of things", "nan", "finite"),
    ("Count of things", "", "a number is required"),
    ("Level", "high", "expected a number"),
    ("Level", "101", "out of range"),
    ("Level", "1e9", "out of range"),
    ("Ratio", "1.5", "out of range"),
    ("Ratio", "inf", "finite"),
    ("Agree", "maybe", "expected a boolean"),
    ("Fruit", "2", "out of range"),
    ("Fruit", "-1", "out of range"),
    ("Fruit", "pear", "expected an option index"),
    ("Size", "3", "out of range"),
    ("Size", "M", "expected an option index"),
    ("Code", "ABCDE", "max_chars=4"),
]


@pytest.mark.parametrize(
    "label, raw, message", BAD_VALUES, ids=[f"{lbl}={raw}" for lbl, raw, _ in BAD_VALUES]
)
@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
def test_bad_value_is_400_with_plain_message(tab, label, raw, message, htmx):
    response = tab.post({tab.wid(label): raw}, htmx=htmx)
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert message in text
    assert "<" not in text  # plain text, not an HTML error page
    _assert_unchanged_and_working(tab)


def test_bad_value_rejects_the_whole_request(tab):
    # A good value next to a bad one is not applied either: all or nothing.
    response = tab.post({tab.wid("Level"): "70", tab.wid("Agree"): "maybe"})
    assert response.status_code == 400
    assert "checkbox" in response.get_data(as_text=True)
    _assert_unchanged_and_working(tab)


def test_bad_value_by_user_key_names_the_key(make_app, open_tab):
    tab = open_tab(
        make_app('import htst as st\nst.slider("Level", 0, 10, key="level")\n').test_client()
    )
    response = tab.post({"level": "eleven"})
    assert response.status_code == 400
    assert "level" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "spec", ["{wid}:+2", "{wid}", "{wid}:up", "nosuchwidget:+1", "{slider}:+1", ":"]
)
def test_bad_step_spec_is_400(tab, spec):
    response = tab.post(
        {"_htst_step": spec.format(wid=tab.wid("Count of things"), slider=tab.wid("Level"))}
    )
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    assert "step" in response.get_data(as_text=True).lower()
    _assert_unchanged_and_working(tab)


def test_step_stops_at_the_bounds(tab):
    wid = tab.wid("Count of things")
    for _ in range(8):
        response = tab.post({"_htst_step": f"{wid}:+1"})
        assert response.status_code == 200
    assert "n=10" in tab.page.text


def test_unknown_widget_ids_and_clicks_are_ignored(tab):
    response = tab.post(
        {"w0123456789abcd": "1", "not_a_key": "x", "_htst_click": "w0000000000000"}, htmx=True
    )
    assert response.status_code == 204
    _assert_unchanged_and_working(tab)


def test_a_field_for_a_button_is_ignored(tab):
    response = tab.post({tab.wid("Add"): "1"})
    assert response.status_code == 200
    assert START in tab.page.text


def test_oversized_body_is_413(make_app, open_tab):
    app = make_app(WIDGETS, **{"server.maxUploadSize": 1})  # in MB, an int as in Streamlit
    tab = open_tab(app.test_client())
    tab.click("Add")
    for htmx in (False, True):
        response = tab.post({tab.wid("Code"): "A" * (1024 * 1024 + 1)}, htmx=htmx)
        assert response.status_code == 413
        assert response.mimetype == "text/plain"
        assert "too large" in response.get_data(as_text=True)
        assert "server.maxUploadSize" in response.get_data(as_text=True)
    _assert_unchanged_and_working(tab)


def test_missing_token_gets_a_fresh_page(tab):
    response = tab.post({"_htst_click": tab.wid("Add")}, token=False)
    assert response.status_code == 200
    assert "count=0" in tab.page.text
    assert tab.page.token


def test_garbage_token_gets_a_fresh_page(tab):
    tab.token = "not-a-token"
    response = tab.click("Add")
    assert response.status_code == 200
    assert "count=0" in tab.page.text
    assert tab.page.token and tab.page.token != "not-a-token"


def test_markup_in_a_value_is_escaped(tab):
    tab.post({tab.wid("Code"): "<b>"})
    assert "t='<b>'" in tab.page.text
    assert "<b>" not in tab.response.get_data(as_text=True) + tab.page.html


def test_max_chars_counts_characters_not_bytes(tab):
    response = tab.post({tab.wid("Code"): "ÄÖÜß"})
    assert response.status_code == 200
    assert "t='ÄÖÜß'" in tab.page.text


def test_values_for_disabled_widgets_are_ignored(make_app, open_tab):
    source = """
    import htst as st
    d = st.text_input("Locked", "fixed", disabled=True)
    s = st.slider("Level", 0, 10, 3, disabled=True)
    n = st.number_input("N", 0, 10, 5, disabled=True)
    st.write(f"d={d} s={s} n={n}")
    """
    tab = open_tab(make_app(source).test_client())
    response = tab.post(
        {tab.wid("Locked"): "hacked", tab.wid("Level"): "9", "_htst_step": f"{tab.wid('N')}:+1"},
        htmx=True,
    )
    assert response.status_code == 204
    tab.post({"_htst_rerun": "1"})
    assert "d=fixed s=3 n=5" in tab.page.text


def test_a_mounted_blueprint_enforces_its_own_upload_limit(tmp_path):
    """htst.blueprint() in a host site limits bodies by server.maxUploadSize on its own routes."""
    import re

    from flask import Flask

    import htst

    script = tmp_path / "app.py"
    script.write_text("import htst as st\nst.text_input('t', key='t')\n")
    site = Flask(__name__)
    site.register_blueprint(htst.blueprint(script, **{"server.maxUploadSize": 1}), url_prefix="/a")
    client = site.test_client()
    token = re.search(r'name="_htst_tab" value="([^"]+)"', client.get("/a/").get_data(as_text=True)).group(1)
    too_big = client.post("/a/_htst/rerun", data={"_htst_tab": token, "t": "x" * (1024 * 1024 + 1)})
    assert too_big.status_code == 413
    assert "server.maxUploadSize" in too_big.get_data(as_text=True)
    assert client.post("/a/_htst/rerun", data={"_htst_tab": token, "t": "ok"}).status_code == 200
