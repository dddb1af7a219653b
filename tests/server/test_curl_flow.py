"""The curl flow: load a page with a cookie jar, post widget values, read the answer."""

from __future__ import annotations

import json

COUNTER = """
import htst as st

if "count" not in st.session_state:
    st.session_state.count = 0

def add():
    st.session_state.count += 1

st.button("Add", on_click=add)
st.write(f"count={st.session_state.count}")
name = st.text_input("Name", key="name")
st.write(f"hello {name}!")
n = st.number_input("N", 0, 10, 5)
st.write(f"n={n}")
"""


def test_get_sets_httponly_lax_cookie_and_page_has_token(make_app, parse_page):
    client = make_app(COUNTER).test_client()
    response = client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("htst_session=")
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain HTTP here
    page = parse_page(response.get_data(as_text=True))
    assert page.token
    assert {"Add", "Name", "N"} <= set(page.widgets)


def test_cookie_is_secure_under_https(make_app):
    client = make_app(COUNTER).test_client()
    response = client.get("/", base_url="https://localhost")
    assert "Secure" in response.headers["Set-Cookie"]


def test_known_cookie_is_not_reset(make_app):
    client = make_app(COUNTER).test_client()
    client.get("/")
    assert "Set-Cookie" not in client.get("/").headers


def test_three_clicks_reach_three(make_app, open_tab):
    tab = open_tab(make_app(COUNTER).test_client())
    wid = tab.wid("Add")
    for expected in (1, 2, 3):
        response = tab.post({"_htst_click": wid})
        assert response.status_code == 200
        assert f"count={expected}" in tab.page.text
    assert "count=3" in tab.page.text


def test_text_field_by_widget_id_and_by_user_key(make_app, open_tab):
    tab = open_tab(make_app(COUNTER).test_client())
    tab.post({tab.wid("Name"): "Ada"})
    assert "hello Ada!" in tab.page.text
    tab.post({"name": "Jane"})  # curl: -d name=Jane
    assert "hello Jane!" in tab.page.text


def test_number_stepper(make_app, open_tab):
    tab = open_tab(make_app(COUNTER).test_client())
    wid = tab.wid("N")
    tab.post({"_htst_step": f"{wid}:+1"})
    assert "n=6" in tab.page.text
    tab.post({"_htst_step": f"{wid}:-1"})
    tab.post({"_htst_step": f"{wid}:-1"})
    assert "n=4" in tab.page.text


def test_plain_post_answers_the_whole_page(make_app, open_tab, parse_page):
    tab = open_tab(make_app(COUNTER).test_client())
    response = tab.click("Add")
    body = response.get_data(as_text=True)
    assert body.lstrip().lower().startswith("<!doctype html>")
    assert "<hx-partial" not in body
    page = parse_page(body)
    assert "count=1" in page.text
    assert page.token == tab.token
    assert {"Add", "Name", "N"} <= set(page.widgets)


def test_htmx_post_answers_only_partials(make_app, open_tab, read_partials):
    tab = open_tab(make_app(COUNTER).test_client())
    response = tab.click("Add", htmx=True)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "<html" not in body and "_htst_tab" not in body
    parts = read_partials(body)
    assert parts, "a click that changes the count must send a fragment"
    assert any("count=1" in html for html in parts.values())
    for target in parts:
        assert f'hx-target="#{target}" hx-swap="outerMorph"' in body
    # The text input and its line did not change: not sent.
    assert not any("hello" in html for html in parts.values())


def test_json_on_get_and_post(make_app):
    client = make_app(COUNTER).test_client()
    response = client.get("/?format=json")
    assert response.mimetype == "application/json"
    data = response.get_json()
    token = data["tab"]
    assert token
    main = data["tree"]["main"]["children"]
    by_label = {n["props"]["label"]: n for n in main if "label" in n.get("props", {})}
    assert by_label["N"]["props"]["value"] == 5
    assert by_label["Name"]["props"]["value"] == ""

    response = client.post(
        "/_htst/rerun?format=json",
        data={"_htst_tab": token, "name": "Jane", "_htst_click": by_label["Add"]["props"]["wid"]},
    )
    assert response.mimetype == "application/json"
    data = response.get_json()
    assert data["tab"] == token
    main = data["tree"]["main"]["children"]
    bodies = [n["props"].get("body") for n in main if n["type"] == "markdown"]
    assert "count=1" in bodies and "hello Jane!" in bodies
    text_input = next(n for n in main if n["type"] == "text_input")
    assert text_input["props"]["value"] == "Jane"
    json.dumps(data)  # round-trips


def test_json_post_with_no_change_still_answers_the_tree(make_app):
    client = make_app(COUNTER).test_client()
    token = client.get("/?format=json").get_json()["tab"]
    response = client.post(
        "/_htst/rerun?format=json", data={"_htst_tab": token}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response.get_json()["tab"] == token


def test_health(make_app):
    client = make_app(COUNTER).test_client()
    response = client.get("/_htst/health")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok"


NO_JS = """
import htst as st

if "count" not in st.session_state:
    st.session_state.count = 0

def add():
    st.session_state.count += 1

st.button("Add", on_click=add)
name = st.text_input("Name", "world")
agree = st.checkbox("Agree", True)
fruit = st.selectbox("Fruit", ["apple", "pear", "plum"], index=1)
size = st.radio("Size", ["S", "M", "L"])
level = st.slider("Level", 0, 10, 3)
n = st.number_input("N", 0.0, 5.0, 1.5, step=0.5)
st.write(f"state: count={st.session_state.count} name={name} agree={agree} fruit={fruit} size={size} level={level} n={n}")
"""


def test_form_post_without_javascript_sends_every_field(make_app, open_tab):
    """A browser without JS posts every field plus the clicked button; only real changes apply."""
    tab = open_tab(make_app(NO_JS).test_client())
    start = "count=0 name=world agree=True fruit=pear size=S level=3 n=1.5"
    assert start in tab.page.text
    fields = [f for f in tab.page.form_fields if f[0] != "_htst_tab"]
    assert {name for name, _ in fields} >= {
        tab.wid(label) for label in ("Name", "Agree", "Fruit", "Size", "Level", "N")
    }

    tab.post(fields + [("_htst_click", tab.wid("Add"))])
    assert start.replace("count=0", "count=1") in tab.page.text

    # The user edits the form and unticks Agree, then presses "+" on N: every field is sent again.
    edits = {
        tab.wid("Name"): "Ada",
        tab.wid("Fruit"): "2",
        tab.wid("Size"): "1",
        tab.wid("Level"): "9",
    }
    agree = tab.wid("Agree")
    fields = [
        (k, edits.get(k, v)) for k, v in tab.page.form_fields if k not in ("_htst_tab", agree)
    ]
    fields.append((agree, "0"))  # unticked: only its hidden field is posted
    tab.post(fields + [("_htst_step", f"{tab.wid('N')}:+1")])
    assert "count=1 name=Ada agree=False fruit=plum size=M level=9 n=2.0" in tab.page.text
