"""The first view's weight is a budget: the plain counter page, HTML and every asset it
references, stays within 30 KB gzipped in at most 5 requests; code colours load only
with code."""

from __future__ import annotations

import gzip
import re

from htst.server.static_files import strip_css, strip_js

COUNTER = """
import htst as st
if st.button("Increment"):
    pass
st.write("Count = 0")
"""


def _first_view(client) -> tuple[int, int, str]:
    html = client.get("/", headers={"Accept-Encoding": "identity"}).data
    refs = re.findall(rb'<script[^>]+src="([^"]+)"', html) + re.findall(rb'<link[^>]+href="([^"]+)"', html)
    total, requests = len(gzip.compress(html, 9)), 1
    for ref in refs:
        if not ref.startswith(b"data:"):
            body = client.get(ref.decode(), headers={"Accept-Encoding": "identity"}).data
            total += len(gzip.compress(body, 9))
            requests += 1
    return total, requests, html.decode()


def test_the_counter_page_stays_within_its_budget(make_app):
    total, requests, html = _first_view(make_app(COUNTER).test_client())
    assert requests <= 5
    assert total <= 30 * 1024, f"{total / 1024:.1f} KB gzipped"
    assert "htst-code.css" not in html


def test_code_colours_load_with_code(make_app):
    client = make_app("import htst as st\nst.code('x = 1')\n").test_client()
    html = client.get("/").get_data(as_text=True)
    href = re.search(r'<link rel="stylesheet" href="([^"]+htst-code\.css[^"]*)"', html).group(1)
    css = client.get(href).get_data(as_text=True)
    assert ".htst-code" in css and "color" in css


def test_served_js_and_css_drop_comments_but_keep_strings():
    js = "(function () {\n  // a comment\n  var a = '//not a comment';\n\n  return a; /* gone */\n})();\n"
    assert strip_js(js) == "(function(){var a='//not a comment';return a;})();"
    assert strip_css("/* x */\na{color:red}\n\n/* y\n z */b{x:1}\n") == "a{color:red}\nb{x:1}\n"


def test_a_multipage_first_view_stays_within_the_budget(tmp_path):
    import htst

    (tmp_path / "home.py").write_text("import htst as st\nst.header('Home')\nst.page_link('other.py', icon=':material/star:')\n")
    (tmp_path / "other.py").write_text("import htst as st\nst.header('Other')\n")
    (tmp_path / "app.py").write_text(
        "import htst as st\n"
        "st.navigation({'Main': [st.Page('home.py', icon=':material/home:')], 'More': [st.Page('other.py', icon='📊')]}).run()\n"
    )
    total, requests, html = _first_view(htst.create_app(tmp_path / "app.py").test_client())
    assert requests <= 5
    assert total <= 30 * 1024, f"{total / 1024:.1f} KB gzipped"
    # Material icons are inline SVG of just the symbols used: no icon font, no symbol set.
    assert sorted(re.findall(r'data-icon="(\w+)"', html)) == ["home", "star"]
    assert "woff" not in html and "material_symbols" not in html


def test_widget_and_layout_styles_come_only_with_those_elements(make_app):
    plain = make_app(COUNTER).test_client().get("/").get_data(as_text=True)
    assert "data-htst-widgets-css" not in plain and "data-htst-layout-css" not in plain
    assert ".htst-slider" not in plain

    page = make_app("import htst as st\nst.slider('x')\nwith st.expander('More'):\n    st.write('hi')\n").test_client().get("/").get_data(as_text=True)
    widgets = re.search(r"<style data-htst-widgets-css>(.*?)</style>", page, re.DOTALL).group(1)
    layout = re.search(r"<style data-htst-layout-css>(.*?)</style>", page, re.DOTALL).group(1)
    assert ".htst-slider{" in widgets and ".htst-expander{" in layout
