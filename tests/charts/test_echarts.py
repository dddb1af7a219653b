"""st.echarts_chart: the option for echarts (DataFrames as dataset rows, the theme, alt as
the accessible name), the dataset's rows without JS, and selections as Streamlit
returns them."""

from __future__ import annotations

import json
import re

import pytest
from chart_runs import runners

from htst.errors import InvalidWidgetValue

HEAD = "import htst as st\nimport pandas as pd\n"
BARS = '{"xAxis": {"type": "category", "data": ["A", "B", "C"]}, "yAxis": {"type": "value"}, "series": [{"type": "bar", "selectedMode": "multiple", "data": [5, 20, 36]}]}'
run, error_of = runners(HEAD)


def test_a_dataframe_source_becomes_rows_and_the_pages_table(make_app, open_tab):
    source = HEAD + (
        'df = pd.DataFrame({"product": ["Matcha", "Cocoa"], "2015": [43.3, 86.4], "day": pd.to_datetime(["2024-01-01", "2024-01-02"])})\n'
        'st.echarts_chart({"dataset": {"source": df}, "xAxis": {"type": "category"}, "yAxis": {}, "series": [{"type": "bar"}]}, alt="Sales by product", renderer="svg", height=300)\n'
    )
    tab = open_tab(make_app(source).test_client())
    html = tab.response.get_data(as_text=True)
    url = re.search(r'data-htst-echarts="([^"]+)" data-renderer="svg"', html).group(1)
    assert "<td>Matcha</td>" in html and "height:300px" in html
    option = json.loads(tab.client.get("/" + url.lstrip("/")).data)
    assert option["dataset"]["dimensions"] == ["product", "2015", "day"]
    assert option["dataset"]["source"] == [["Matcha", 43.3, "2024-01-01T00:00:00.000"], ["Cocoa", 86.4, "2024-01-02T00:00:00.000"]]
    assert option["aria"] == {"enabled": True, "label": {"description": "Sales by product"}}
    assert option["color"][0] == "#0068C9" and option["backgroundColor"] == "transparent"


def test_theme_none_leaves_the_option_alone_but_aria(make_app, open_tab):
    tab = open_tab(make_app(HEAD + f"st.echarts_chart({BARS}, theme=None)").test_client())
    url = re.search(r'data-htst-echarts="([^"]+)"', tab.response.get_data(as_text=True)).group(1)
    option = json.loads(tab.client.get("/" + url.lstrip("/")).data)
    assert option == {**json.loads(BARS), "aria": {"enabled": True}}


def test_json_text_and_pyecharts_like_objects():
    run(f"st.echarts_chart({BARS!r})")
    run(f"class Chart:\n    def dump_options(self):\n        return {BARS!r}\nst.echarts_chart(Chart())")


def test_selections_come_back_grouped_by_series():
    at = run(f"ev = st.echarts_chart({BARS}, on_select='rerun', key='e')\nst.text(repr(ev.selection.selected))\nst.text(repr(st.session_state.e.selection.areas))")
    assert [t.value for t in at.text] == ["[]", "[]"]
    at.get("echarts_chart")[0].set_value({"selection": {
        "selected": [{"series_index": 0, "series_id": None, "series_name": None, "data_type": "main", "data_indices": [2, 1, 2]},
                     {"series_index": 1, "data_indices": []}],
        "areas": [{"brush_index": 0, "brush_type": "lineX", "coord_range": [0.5, 2.5]}],
    }}).run()
    assert at.text[0].value == "[{'series_index': 0, 'series_id': None, 'series_name': None, 'data_type': 'main', 'data_indices': [1, 2]}]"
    assert at.text[1].value == "[{'brush_index': 0, 'brush_type': 'lineX', 'coord_range': [0.5, 2.5]}]"


def test_a_malformed_selection_is_refused():
    at = run(f"st.echarts_chart({BARS}, on_select='rerun')")
    chart = at.get("echarts_chart")[0]
    at._pending[chart.id] = (None, [(chart.id, '{"areas": [{"brush_type": "circle", "coord_range": []}]}')])
    with pytest.raises(InvalidWidgetValue, match="brush_type"):
        at.run()


@pytest.mark.parametrize(
    "call, message",
    [
        (f"st.echarts_chart({BARS}, theme='dark')", 'theme="dark"'),
        (f"st.echarts_chart({BARS}, renderer='webgl')", "Invalid `renderer`"),
        ("st.echarts_chart('{not json')", "not valid JSON"),
        ("st.echarts_chart({'series': [{'type': 'line', 'data': [float('nan')]}]})", "JSON-compatible"),
        ("st.echarts_chart(42)", "takes an ECharts option"),
    ],
)
def test_bad_input(call, message):
    assert message in error_of(call)
