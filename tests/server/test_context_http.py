"""`st.context` over HTTP: taken from the request that opened the tab, then updated by
the browser's `_htst_ctx` field (time zone, offset, locale, theme)."""

from __future__ import annotations

import json

SCRIPT = """
import json
import htst as st
c = st.context
st.text("CTX=" + json.dumps({
    "host": c.headers.get("host"), "agent": c.headers["USER-AGENT"], "tags": c.headers.get_all("x-tag"),
    "cookies": {k: v for k, v in c.cookies.items() if k == "flavour"}, "ip": c.ip_address,
    "url": c.url, "embedded": c.is_embedded, "locale": c.locale, "tz": c.timezone,
    "offset": c.timezone_offset, "theme": c.theme.type,
}))
st.button("Go")
"""


def context_of(page) -> dict:
    text = page.text
    return json.JSONDecoder().raw_decode(text, text.index("CTX=") + 4)[0]


def test_the_opening_request_fills_the_context(make_app, open_tab):
    client = make_app(SCRIPT).test_client()
    client.set_cookie("flavour", "oat")
    tab = open_tab(client, "/?embed=true&x=1")
    ctx = context_of(tab.page)
    assert ctx["host"] == "localhost" and ctx["agent"].startswith("Werkzeug")
    assert ctx["cookies"] == {"flavour": "oat"}
    assert ctx["ip"] is None  # the test client is 127.0.0.1: loopback, as Streamlit
    assert ctx["url"] == "http://localhost"  # no query, no trailing slash
    assert ctx["embedded"] is True
    assert ctx["locale"] is None and ctx["tz"] is None and ctx["offset"] is None
    assert ctx["theme"] == "light"  # config theme.base until the browser says


def test_headers_ip_locale_and_url_under_a_base_path(make_app, parse_page):
    client = make_app(SCRIPT, **{"server.baseUrlPath": "tools", "theme.base": "dark"}).test_client()
    page = parse_page(client.get(
        "/tools/?embed=false",
        headers=[("Accept-Language", "fr-CA;q=0.5,de-DE,de;q=0.9"), ("X-Tag", "a")],
        environ_base={"REMOTE_ADDR": "203.0.113.7"},
    ).get_data(as_text=True))
    ctx = context_of(page)
    assert ctx["locale"] == "de-DE"  # the first language by preference
    assert ctx["ip"] == "203.0.113.7" and ctx["tags"] == ["a"]
    assert ctx["url"] == "http://localhost/tools" and ctx["embedded"] is False
    assert ctx["theme"] == "dark"


def test_posted_browser_fields_update_the_context(make_app, open_tab):
    client = make_app(SCRIPT).test_client()
    tab = open_tab(client, "/")
    browser = json.dumps(["Asia/Tokyo", -540, "de-DE", "dark"])
    tab.post({"_htst_click": tab.wid("Go"), "_htst_ctx": browser})
    ctx = context_of(tab.page)
    assert (ctx["tz"], ctx["offset"], ctx["locale"], ctx["theme"]) == ("Asia/Tokyo", -540, "de-DE", "dark")
    # Headers stay those of the request that opened the tab; a later post without the
    # field keeps what the browser said.
    tab.post({"_htst_click": tab.wid("Go")}, headers={"X-Tag": "later"})
    ctx = context_of(tab.page)
    assert ctx["tags"] == [] and ctx["tz"] == "Asia/Tokyo"


def test_malformed_browser_fields_are_ignored(make_app, open_tab):
    client = make_app(SCRIPT).test_client()
    tab = open_tab(client)
    for bad in ("not json", "[1, 2]", json.dumps(["x" * 500, 10**9, 5, "purple"]), json.dumps([None, True, None, None])):
        response = tab.post({"_htst_click": tab.wid("Go"), "_htst_ctx": bad})
        assert response.status_code == 200
    ctx = context_of(tab.page)
    assert (ctx["tz"], ctx["offset"], ctx["locale"], ctx["theme"]) == (None, None, None, "light")


def test_the_url_names_the_page_of_a_multipage_app(make_app, open_tab):
    client = make_app("""
        import htst as st
        def other():
            st.text("URL=" + st.context.url)
        def home():
            st.text("URL=" + st.context.url)
        st.navigation([st.Page(home, title="Home"), st.Page(other, title="Other", url_path="other")]).run()
    """).test_client()
    assert "URL=http://localhost " in open_tab(client, "/").page.text + " "
    assert "URL=http://localhost/other" in open_tab(client, "/other?a=1").page.text
