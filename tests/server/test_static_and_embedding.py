"""Framework assets, page headers, mounting in a Flask site, and the URL's query string."""

from __future__ import annotations

import gzip
import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest
from flask import Flask

import htst

ROOT = Path(__file__).resolve().parents[2]
YEAR = 365 * 24 * 3600

COUNTER = """
import htst as st

if "count" not in st.session_state:
    st.session_state.count = 0

def add():
    st.session_state.count += 1

st.button("Add", on_click=add)
st.write(f"count={st.session_state.count}")
"""

LONG = 'import htst as st\nfor i in range(60):\n    st.write(f"Line number {i} of a page long enough to be worth compressing")\n'


def _max_age(response) -> int:
    match = re.search(r"max-age=(\d+)", response.headers.get("Cache-Control", ""))
    assert match, f"no max-age in {response.headers.get('Cache-Control')!r}"
    return int(match.group(1))


# -- framework assets --------------------------------------------------------------
@pytest.mark.parametrize("name", ["htmx-4.0.1.min.js", "htst.js"])
def test_asset_has_long_cache_etag_and_gzip(make_app, name):
    client = make_app(COUNTER).test_client()
    plain = client.get(f"/_htst/static/{name}")
    assert plain.status_code == 200
    assert plain.mimetype == "text/javascript"
    assert _max_age(plain) >= YEAR
    assert "Content-Encoding" not in plain.headers
    etag = plain.headers["ETag"]
    assert etag
    assert plain.headers["X-Content-Type-Options"] == "nosniff"

    again = client.get(f"/_htst/static/{name}", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.get_data() == b""
    assert (
        client.get(f"/_htst/static/{name}", headers={"If-None-Match": '"stale"'}).status_code == 200
    )

    zipped = client.get(f"/_htst/static/{name}", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert gzip.decompress(zipped.get_data()) == plain.get_data()
    assert len(zipped.get_data()) < len(plain.get_data())


@pytest.mark.parametrize("accept", ["gzip;q=0", "identity", "deflate, gzip;q=0.0", ""])
def test_a_client_that_refuses_gzip_gets_identity(make_app, accept):
    client = make_app(COUNTER + "st.write('x' * 3000)\n").test_client()
    for path in ("/_htst/static/htst.js", "/"):
        response = client.get(path, headers={"Accept-Encoding": accept})
        assert "Content-Encoding" not in response.headers, (path, accept)
        assert response.get_data()[:20].isascii()


def test_asset_urls_carry_a_digest_of_the_assets_contents(make_app, tmp_path):
    from htst.server.static_files import STATIC_DIR, assets_digest

    html = make_app(COUNTER).test_client().get("/").get_data(as_text=True)
    versions = set(re.findall(r'/_htst/static/htst(?:\.js|\.css)\?v=([^"]+)"', html))
    assert versions == {assets_digest()}
    same, changed = tmp_path / "same", tmp_path / "changed"  # digests are made once per folder
    for copy in (same, changed):
        shutil.copytree(STATIC_DIR, copy, ignore=shutil.ignore_patterns("*.min.js"))
    assert assets_digest(same) == assets_digest(tmp_path / "same")
    (changed / "htst.js").write_text((changed / "htst.js").read_text() + "\nwindow.changed = 1;\n")
    assert assets_digest(changed) != assets_digest(same)  # a new htst.js: a new URL, never a stale hit


def test_assets_are_read_and_gzipped_once_however_the_folder_is_named():
    from htst.server.static_files import STATIC_DIR, load_assets

    # `load_assets()` (the app) and `load_assets(STATIC_DIR)` (the digest) once made two
    # cache entries: every asset gzipped twice, half a second of a cold start.
    assert load_assets() is load_assets(STATIC_DIR)


@pytest.mark.parametrize(
    "path", ["nope.js", "../app_1.py", "..%2Fapp_1.py", "%2e%2e/app_1.py", "/etc/passwd"]
)
def test_unknown_asset_is_404(make_app, path):
    client = make_app(COUNTER).test_client()
    assert client.get(f"/_htst/static/{path}", follow_redirects=True).status_code == 404


def test_every_asset_the_page_links_is_served(make_app, parse_page):
    client = make_app(COUNTER).test_client()
    page = parse_page(client.get("/").get_data(as_text=True))
    assets = [url for url in page.urls if "/_htst/static/" in url]
    assert any("htmx-4.0.1.min.js" in url for url in assets)
    assert any("htst.js" in url for url in assets)
    for url in assets:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _max_age(response) >= YEAR, url


# -- page headers ------------------------------------------------------------------
def test_pages_and_answers_carry_nosniff_and_no_store(make_app, open_tab):
    client = make_app(COUNTER).test_client()
    tab = open_tab(client)
    for response in (
        tab.response,
        tab.click("Add"),
        tab.click("Add", htmx=True),
        client.get("/?format=json"),
    ):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Cache-Control"] == "no-store"


def test_page_is_gzipped_when_accepted(make_app):
    client = make_app(LONG).test_client()
    plain = client.get("/")
    assert "Content-Encoding" not in plain.headers
    assert len(plain.get_data()) > 1024
    zipped = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    html = gzip.decompress(zipped.get_data()).decode()
    assert "Line number 59" in html


def test_small_answers_are_not_gzipped(make_app, open_tab):
    client = make_app(COUNTER).test_client()
    tab = open_tab(client)
    response = tab.click("Add", htmx=True, headers={"Accept-Encoding": "gzip"})
    assert len(response.get_data()) < 1024
    assert "Content-Encoding" not in response.headers
    assert "count=1" in response.get_data(as_text=True)


# -- mounting ------------------------------------------------------------------------
def _site(tmp_path: Path) -> Flask:
    (tmp_path / "a.py").write_text(COUNTER, encoding="utf-8")
    (tmp_path / "b.py").write_text(COUNTER.replace("count=", "b-count="), encoding="utf-8")
    site = Flask("site")
    site.register_blueprint(htst.blueprint(tmp_path / "a.py"), url_prefix="/a")
    site.register_blueprint(htst.blueprint(tmp_path / "b.py"), url_prefix="/b")
    site.add_url_rule("/", "index", lambda: "the site's own page")
    return site


def test_two_mounted_apps_have_prefixed_urls(tmp_path, open_tab):
    client = _site(tmp_path).test_client()
    assert client.get("/").get_data(as_text=True) == "the site's own page"
    for prefix in ("/a", "/b"):
        tab = open_tab(client, prefix=prefix)
        own = [url for url in tab.page.urls if url.startswith("/") and "_htst" in url]
        assert own, tab.page.urls
        assert all(url.startswith(f"{prefix}/_htst/") for url in own), own
        for url in own:
            if "/static/" in url:
                assert client.get(url).status_code == 200, url
        assert client.get(f"{prefix}/_htst/health").get_data(as_text=True) == "ok"


def test_two_mounted_apps_keep_separate_state_in_one_browser(tmp_path, open_tab):
    client = _site(tmp_path).test_client()  # one cookie jar for both apps, as in a browser
    a = open_tab(client, prefix="/a")
    b = open_tab(client, prefix="/b")
    a.click("Add")
    b.click("Add")
    a.click("Add")
    a.click("Add")
    assert "count=3" in a.page.text
    assert "b-count=1" in b.page.text
    response = a.click("Add", htmx=True)
    assert response.status_code == 200
    assert "count=4" in response.get_data(as_text=True)
    # Each app's cookie is scoped to its own mount point.
    assert client.get_cookie("htst_session", path="/a") is not None
    assert client.get_cookie("htst_session", path="/b") is not None


def test_base_url_path_mounts_the_app_there(make_app, open_tab):
    app = make_app(COUNTER, **{"server.baseUrlPath": "/tools/counter/"})
    client = app.test_client()
    assert client.get("/").status_code == 404
    tab = open_tab(client, prefix="/tools/counter")
    assert any(url == "/tools/counter/_htst/rerun" for url in tab.page.urls), tab.page.urls
    tab.click("Add")
    tab.click("Add")
    assert "count=2" in tab.page.text
    assert client.get("/tools/counter/_htst/health").get_data(as_text=True) == "ok"
    assert client.get("/tools/counter/_htst/static/htst.js").status_code == 200


# -- query params ------------------------------------------------------------------
QUERY = """
import htst as st

st.write(f"x is {st.query_params.get('x', 'unset')}; tags {st.query_params.get_all('tag')}")
if st.button("Set"):
    st.query_params["x"] = "42"
if st.button("Same"):
    pass
"""


def test_url_query_params_reach_the_script(make_app, open_tab):
    tab = open_tab(make_app(QUERY).test_client(), url="/?x=hello&tag=a&tag=b")
    assert "x is hello; tags ['a', 'b']" in tab.page.text
    tab.click("Same")
    assert "x is hello" in tab.page.text  # kept by the session across reruns


def test_format_json_is_not_an_app_query_param(make_app):
    client = make_app(QUERY).test_client()
    tree = client.get("/?format=json&x=1").get_json()["tree"]
    bodies = [n["props"]["body"] for n in tree["main"]["children"] if n["type"] == "markdown"]
    assert bodies == ["x is 1; tags []"]
    source = 'import htst as st\nst.write(f"params {st.query_params.to_dict()}")\n'
    tree = make_app(source).test_client().get("/?format=json").get_json()["tree"]
    assert tree["main"]["children"][0]["props"]["body"] == "params {}"


def test_setting_query_params_sends_hx_replace_url(make_app, open_tab, read_partials):
    tab = open_tab(make_app(QUERY).test_client(), url="/?tag=a")
    response = tab.click("Same", htmx=True)
    assert "HX-Replace-Url" not in response.headers
    response = tab.click("Set", htmx=True)
    assert response.headers["HX-Replace-Url"] == "/?tag=a&x=42"
    response = tab.click("Same", htmx=True)
    assert "HX-Replace-Url" not in response.headers  # only when they change
    assert any("x is 42" in html for html in read_partials(response.get_data()).values())


def test_embed_is_hidden_from_query_params_and_kept_in_the_url(make_app, open_tab):
    source = QUERY + 'st.write(f"keys {sorted(st.query_params)}")\nif st.button("Clear"):\n    st.query_params.clear()\n'
    tab = open_tab(make_app(source).test_client(), url="/?embed=true&embed_options=show_toolbar&tag=a")
    assert "keys ['tag']" in tab.page.text
    response = tab.click("Set", htmx=True)
    assert response.headers["HX-Replace-Url"] == "/?tag=a&x=42&embed=true&embed_options=show_toolbar"
    response = tab.click("Clear", htmx=True)
    assert response.headers["HX-Replace-Url"] == "/?embed=true&embed_options=show_toolbar"


def test_hx_replace_url_carries_the_mount_prefix(make_app, open_tab):
    tab = open_tab(make_app(QUERY, **{"server.baseUrlPath": "sub"}).test_client(), prefix="/sub")
    response = tab.click("Set", htmx=True)
    assert response.headers["HX-Replace-Url"] == "/sub/?x=42"


# -- examples/embed_flask.py ---------------------------------------------------------
def _load_example():
    path = ROOT / "examples" / "embed_flask.py"
    spec = importlib.util.spec_from_file_location("htst_example_embed_flask", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.pop(spec.name, None)
    spec.loader.exec_module(module)  # must not start a server
    return module


def test_embed_flask_example_serves_both_apps(open_tab):
    site = _load_example().app
    assert isinstance(site, Flask)
    client = site.test_client()
    index = client.get("/").get_data(as_text=True)
    assert 'href="/counter/"' in index and 'href="/hello/"' in index

    counter = open_tab(client, prefix="/counter")
    plus = counter.wid("+1")
    for _ in range(3):
        assert counter.post({"_htst_click": plus}).status_code == 200
    assert "Count 3" in counter.page.text

    hello = open_tab(client, prefix="/hello")
    assert "Hello, htst" in hello.page.text
    hello.post({"name": "Jane"})
    assert "Hi, Jane!" in hello.page.text
    assert all(url.startswith("/hello/_htst/") for url in hello.page.urls if "_htst" in url)

    counter.post({"_htst_click": plus})
    assert "Count 4" in counter.page.text  # the hello app did not disturb the counter's session


def test_flasks_own_static_route_does_not_exist(make_app):
    client = make_app(COUNTER).test_client()
    response = client.get("/static/htst.js")  # htst's assets live under /_htst/static/ only
    assert response.content_type.startswith("text/html") and b"function" not in response.data[:200]
    assert client.get("/_htst/static/htst.js").content_type.startswith(("text/javascript", "application/javascript"))
