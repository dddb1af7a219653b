"""st.plotly_chart: the figure's JSON for plotly.js, a static drawing and the data for
pages without it, the theme, and selections as Streamlit returns them."""

from __future__ import annotations

import json
import re

import pytest
from chart_runs import runners

from htst.errors import InvalidWidgetValue

HEAD = "import htst as st\nimport plotly.express as px\nimport plotly.graph_objects as go\nimport pandas as pd\n"
DF = 'df = pd.DataFrame({"x": [1, 2, 3, 4], "y": [3, 1, 4, 1], "g": ["a", "a", "b", "b"]})\n'
run, error_of = runners(HEAD + DF)


def test_the_page_has_a_static_drawing_data_tables_and_the_figure_json(make_app, open_tab):
    tab = open_tab(make_app(HEAD + DF + 'st.plotly_chart(px.line(df, x="x", y="y", color="g", title="Trend"), config={"displayModeBar": False})').test_client())
    html = tab.response.get_data(as_text=True)
    figure = re.search(r'<figure id="[^"]+" class="htst-element htst-chart htst-plotly" data-htst-script="plotly" data-htst-plotly="([^"]+)"', html)
    assert figure
    static = html[figure.start():html.index("</figure>", figure.start())]
    assert "<svg" in static and ">Trend</text>" in static  # drawn by Vega on the server
    assert "<caption>a</caption>" in static and "<caption>b</caption>" in static
    answer = tab.client.get("/" + figure.group(1).lstrip("/"))
    assert answer.mimetype == "application/json"
    got = json.loads(answer.data)
    assert [t["name"] for t in got["data"]] == ["a", "b"] and got["config"] == {"displayModeBar": False}
    assert got["layout"]["height"] == 450 and "template" not in got["layout"]  # Streamlit's theme replaces it
    assert got["layout"]["paper_bgcolor"] == "rgba(0,0,0,0)"


def test_theme_none_keeps_plotlys_template_and_height_is_honoured():
    at = run('st.plotly_chart(px.scatter(df, x="x", y="y"), theme=None, height=300, width=500)')
    props = at.get("plotly_chart")[0]._node.props
    assert props["plot_height"] == 300 and props["width"] == 500


def test_traces_without_a_static_drawing_keep_their_data():
    at = run('st.plotly_chart(px.pie(df, names="g", values="y"))')
    props = at.get("plotly_chart")[0]._node.props
    assert props["svg"] is None and props["tables"][0][1] == ("labels", "values")


def test_bars_and_dicts_are_figures_too():
    at = run('st.plotly_chart({"data": [{"type": "bar", "x": ["p", "q"], "y": [2, 5]}]})')
    svg = str(at.get("plotly_chart")[0]._node.props["svg"])
    assert ">p</text>" in svg and ">q</text>" in svg


def test_selections_start_empty_and_come_back_as_plotly_state():
    at = run(
        'ev = st.plotly_chart(px.scatter(df, x="x", y="y"), on_select="rerun", key="pick")\n'
        "st.text(repr(ev.selection.point_indices))\nst.text(repr(st.session_state.pick.selection.box))"
    )
    assert at.get("plotly_chart")[0].value == {"selection": {"points": [], "point_indices": [], "box": [], "lasso": []}}
    at.get("plotly_chart")[0].select(
        points=[{"curve_number": 0, "point_number": 2, "point_index": 2, "x": 3, "y": 4}],
        box=[{"xref": "x", "yref": "y", "x": [2.5, 3.5], "y": [3, 5]}],
    ).run()
    assert [t.value for t in at.text] == ["[2]", "[{'x': [2.5, 3.5], 'xref': 'x', 'y': [3, 5], 'yref': 'y'}]"]


def test_selection_mode_limits_what_comes_back():
    at = run('ev = st.plotly_chart(px.scatter(df, x="x", y="y"), on_select="rerun", selection_mode="box")\nst.text(repr(ev.selection.lasso))')
    at.get("plotly_chart")[0].select(lasso=[{"x": [1, 2, 3], "y": [1, 2, 1]}]).run()
    assert at.text[0].value == "[]"


def test_a_malformed_selection_is_refused():
    at = run('st.plotly_chart(px.scatter(df, x="x", y="y"), on_select="rerun")')
    chart = at.get("plotly_chart")[0]
    at._pending[chart.id] = (None, [(chart.id, '{"points": "all"}')])
    with pytest.raises(InvalidWidgetValue, match="selected points are a list of objects"):
        at.run()


@pytest.mark.parametrize(
    "call, message",
    [
        ('st.plotly_chart(px.scatter(df, x="x", y="y"), theme="dark")', 'theme="dark"'),
        ('st.plotly_chart(px.scatter(df, x="x", y="y"), on_select="rerun", selection_mode="circle")', "Invalid selection mode"),
        ('st.plotly_chart(px.scatter(df, x="x", y="y"), config=[1])', "`config` must be a dict"),
        ('st.plotly_chart({"data": [{"type": "nonsense"}]})', "st.plotly_chart takes a Plotly figure"),
    ],
)
def test_bad_arguments(call, message):
    assert message in error_of(call)
