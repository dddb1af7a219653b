"""Charts over HTTP: the SVG is in the plain HTML answer, the live view's spec and the
data's CSV come from the media route, and a rerun that does not change a chart sends
none of it again."""

from __future__ import annotations

import json
import re

PAGE = """
import htst as st
import pandas as pd
import altair as alt

n = st.slider("Rows", 1, 300, 3)
st.line_chart(pd.DataFrame({"a": range(n)}))
st.button("Again")
df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]})
ch = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(alt.selection_point(name="p"))
ev = st.altair_chart(ch, on_select="rerun", key="pick")
st.text("picked " + repr(ev.selection.p))
"""


def charts(html: str) -> list[str]:
    return re.findall(r'<figure id="[^"]+" class="htst-element htst-chart".*?</figure>', html, re.DOTALL)


def test_the_page_holds_each_charts_svg_and_an_accessible_data_table(make_app, open_tab):
    tab = open_tab(make_app(PAGE).test_client())
    html = tab.response.get_data(as_text=True)
    found = charts(html)
    assert len(found) == 2
    for figure in found:
        assert "<svg" in figure and 'aria-label="Chart"' in figure
        assert "<summary>Data</summary>" in figure and "<th scope=\"col\">" in figure


def test_the_live_views_spec_is_compiled_vega_with_its_data(make_app, open_tab):
    tab = open_tab(make_app(PAGE).test_client())
    url = re.search(r'data-htst-chart="([^"]+)"', tab.response.get_data(as_text=True)).group(1)
    response = tab.client.get("/" + url.lstrip("/"))
    assert response.status_code == 200 and response.mimetype == "application/json"
    vega = json.loads(response.data)
    assert "vega/v6" in vega["$schema"]
    values = next(d["values"] for d in vega["data"] if "values" in d)
    assert [row["a"] for row in values] == [0, 1, 2]
    assert tab.client.get("/_htst/media/" + "0" * 32).status_code == 404


def test_a_rerun_that_does_not_change_a_chart_sends_no_chart(make_app, open_tab, read_partials):
    tab = open_tab(make_app(PAGE).test_client())
    response = tab.click("Again", htmx=True)
    assert response.status_code in (200, 204)
    assert b"<svg" not in response.data and b"data-htst-chart" not in response.data


def test_a_changed_chart_is_sent_again_with_more_rows_as_csv(make_app, open_tab, read_partials):
    tab = open_tab(make_app(PAGE).test_client())
    response = tab.post({tab.wid("Rows"): "250"}, htmx=True)
    body = response.get_data(as_text=True)
    assert body.count("<svg") == 1 and "The first 100 of 250 rows." in body
    csv = re.search(r'<a href="([^"]+)" download="chart-data.csv"', body).group(1)
    got = tab.client.get("/" + csv.lstrip("/"))
    assert got.mimetype == "text/csv" and got.data.decode().splitlines()[:3] == ["index,a", "0,0", "1,1"]


def test_a_selection_posted_reaches_the_script_and_a_bad_one_is_400(make_app, open_tab):
    tab = open_tab(make_app(PAGE).test_client())
    wid = re.search(r'<input type="hidden" name="(w[0-9a-f]+)" value="\{', tab.response.get_data(as_text=True)).group(1)
    ok = tab.post({wid: json.dumps({"p": [{"a": 2, "b": 5}]})})
    assert "picked [{&#39;a&#39;: 2, &#39;b&#39;: 5}]" in ok.get_data(as_text=True)
    bad = tab.post({wid: "{not json"}, htmx=True)
    assert bad.status_code == 400 and b"chart selection is JSON" in bad.data
    again = tab.click("Again")
    assert "picked [{&#39;a&#39;: 2, &#39;b&#39;: 5}]" in again.get_data(as_text=True)


def test_figures_are_inline_svg_in_the_html(make_app, open_tab):
    source = (
        "import htst as st\nimport matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
        "fig, ax = plt.subplots()\nax.set_title('Inline title')\nst.pyplot(fig)\n"
        "st.graphviz_chart('digraph { left -> right }')\n"
    )
    html = open_tab(make_app(source).test_client()).response.get_data(as_text=True)
    assert ">Inline title<" in html and ">left</text>" in html
    assert html.count('class="htst-element htst-chart htst-figure-svg"') == 2


def test_add_rows_sends_a_page_that_shows_the_chart_only_the_new_rows():
    from htst.render import page
    from htst.render.html import Renderer
    from htst.runtime.session import Session
    from htst.script import app_script

    head = "import htst as st\nimport pandas as pd\nc = st.line_chart(pd.DataFrame({'v': range(500)}))\n"
    before = app_script(None, source=head)
    view = page.view_of(before.run(Session(before), {}).roots)
    after = app_script(None, source=head + "c.add_rows(pd.DataFrame({'v': [7, 8]}))\n")
    answer = page.partials(Renderer(), after.run(Session(after), {}).roots, view)
    assert "<svg" not in answer and answer.count("<template data-htst-rows") == 1
    rows = json.loads(re.search(r"<template data-htst-rows[^>]*>(.*?)</template>", answer).group(1).replace("&#34;", '"'))
    assert rows == [{"index": 500, "v": 7}, {"index": 501, "v": 8}]
    assert "The first 100 of 502 rows." in answer  # the data table follows
    # A page that did not show the chart before gets it whole.
    assert "<svg" in page.partials(Renderer(), after.run(Session(after), {}).roots, {})
