"""Sessions: one per tab, bound to a signed cookie; bad ids get a fresh session, never an error."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

COUNTER = """
import htst as st

if "count" not in st.session_state:
    st.session_state.count = 0

def add():
    st.session_state.count += 1

st.button("Add", on_click=add)
st.write(f"count={st.session_state.count}")
"""


HTMX = {"HX-Request": "true"}


def _count(text: str) -> int:
    return int(text.split("count=", 1)[1].split()[0])


def test_garbage_cookie_gets_fresh_session_and_full_page(make_app, parse_page):
    client = make_app(COUNTER).test_client()
    client.set_cookie("htst_session", "garbage!")
    response = client.get("/")
    assert response.status_code == 200
    assert "htst_session=" in response.headers["Set-Cookie"]
    assert client.get_cookie("htst_session").value != "garbage!"
    assert parse_page(response.get_data(as_text=True)).token


def test_tampered_cookie_on_post_gets_fresh_session(make_app, open_tab):
    client = make_app(COUNTER).test_client()
    tab = open_tab(client)
    tab.click("Add")
    good = client.get_cookie("htst_session").value
    client.set_cookie("htst_session", good[:-2] + ("AA" if not good.endswith("AA") else "BB"))
    response = tab.click("Add")
    assert response.status_code == 200
    assert "htst_session=" in response.headers["Set-Cookie"]
    assert "count=0" in tab.page.text  # a fresh session, not the old state and not an error


def test_tampered_cookie_on_htmx_post_swaps_in_a_fresh_app(make_app, open_tab):
    client = make_app(COUNTER).test_client()
    tab = open_tab(client)
    client.set_cookie("htst_session", "nonsense")
    response = tab.click("Add", htmx=True)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert body.startswith('<hx-partial hx-target="#htst-root"')
    assert "count=0" in body and 'name="_htst_tab"' in body


def test_token_from_another_cookie_is_refused_politely(make_app, open_tab):
    app = make_app(COUNTER)
    alice, mallory = app.test_client(), app.test_client()
    alice_tab = open_tab(alice)
    for _ in range(3):
        alice_tab.click("Add")
    assert "count=3" in alice_tab.page.text

    mallory_tab = open_tab(mallory)
    mallory_tab.token = alice_tab.token  # a stolen token, posted with Mallory's own cookie
    response = mallory_tab.click("Add")
    assert response.status_code == 200
    assert "count=0" in mallory_tab.page.text
    assert mallory_tab.token != alice_tab.token
    # Alice's session is untouched.
    alice_tab.click("Add")
    assert "count=4" in alice_tab.page.text


def test_post_without_cookie_cannot_use_a_token(make_app, open_tab):
    app = make_app(COUNTER)
    tab = open_tab(app.test_client())
    tab.click("Add")
    stranger = app.test_client()
    response = stranger.post(
        "/_htst/rerun", data={"_htst_tab": tab.token, "_htst_click": tab.wid("Add")}
    )
    assert response.status_code == 200
    assert "count=0" in response.get_data(as_text=True)
    tab.click("Add")
    assert "count=2" in tab.page.text


def test_two_tabs_with_one_cookie_keep_separate_state(make_app, open_tab):
    client = make_app(COUNTER).test_client()
    first, second = open_tab(client), open_tab(client)
    assert first.token != second.token
    first.click("Add")
    first.click("Add")
    second.click("Add")
    first.click("Add")
    assert "count=3" in first.page.text
    assert "count=1" in second.page.text


def test_close_frees_the_session(make_app, open_tab):
    app = make_app(COUNTER)
    store = next(iter(app.blueprints.values())).htst_site.tabs
    client = app.test_client()
    tab = open_tab(client)
    tab.click("Add")
    before = len(store)
    response = client.post("/_htst/close", data={"_htst_tab": tab.token})
    assert response.status_code == 204
    assert len(store) == before - 1
    old_token = tab.token
    tab.click("Add")
    assert "count=0" in tab.page.text  # a fresh session: the click had nothing to apply to
    assert tab.token != old_token


def test_close_with_a_bad_token_is_harmless(make_app, open_tab):
    client = make_app(COUNTER).test_client()
    tab = open_tab(client)
    tab.click("Add")
    assert client.post("/_htst/close", data={"_htst_tab": "junk"}).status_code == 204
    assert client.post("/_htst/close").status_code == 204
    tab.click("Add")
    assert "count=2" in tab.page.text


def test_concurrent_sessions_are_isolated(make_app, open_tab):
    app = make_app(COUNTER)
    threads, clicks = 10, 20
    start = threading.Barrier(threads, timeout=30)

    def user(n: int) -> list[int]:
        tab = open_tab(app.test_client())
        start.wait()
        seen = []
        for _ in range(clicks + n):  # each user ends at its own count
            tab.click("Add")
            seen.append(_count(tab.page.text))
        return seen

    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(user, range(threads), timeout=60))
    for n, seen in enumerate(results):
        assert seen == list(range(1, clicks + n + 1)), f"user {n} saw {seen}"


def test_concurrent_clicks_on_one_session_are_serialised(make_app, open_tab):
    app = make_app(COUNTER)
    owner = app.test_client()
    tab = open_tab(owner)
    cookie = owner.get_cookie("htst_session").value
    threads, clicks = 8, 15
    start = threading.Barrier(threads, timeout=30)
    click = {"_htst_tab": tab.token, "_htst_click": tab.wid("Add")}

    def clicker(_: int) -> list[int]:
        client = app.test_client()
        client.set_cookie("htst_session", cookie)
        start.wait()
        return [
            client.post("/_htst/rerun", data=click, headers=HTMX).status_code for _ in range(clicks)
        ]

    with ThreadPoolExecutor(threads) as pool:
        statuses = [
            code for codes in pool.map(clicker, range(threads), timeout=60) for code in codes
        ]
    # A click answered while a newer one was already queued gets 204: the newest run's
    # answer carries the page (a stale run never paints over a newer one).
    assert set(statuses) <= {200, 204} and 200 in statuses
    tab.post({"_htst_rerun": "1"})
    assert f"count={threads * clicks}" in tab.page.text  # no lost updates
