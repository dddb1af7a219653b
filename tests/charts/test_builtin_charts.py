"""st.line_chart, st.area_chart, st.bar_chart, st.scatter_chart: data read as Streamlit
reads it, specs AppTest can inspect, an SVG drawn on the server, and add_rows."""

from __future__ import annotations

import pytest
from chart_runs import runners

from htst.testing.v1 import AppTest

HEAD = "import htst as st\nimport pandas as pd\nimport numpy as np\n"
run, error_of = runners(HEAD)


def chart(source: str, index: int = 0):
    return run(source).get("arrow_vega_lite_chart")[index]


def layer(spec: dict) -> dict:
    """The layer that draws the data (a line chart's first layer)."""
    return spec["layer"][0] if "layer" in spec else spec


def test_wide_data_is_one_series_per_column_with_the_index_as_x():
    c = chart('st.line_chart(pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]}))')
    enc = layer(c.spec)["encoding"]
    assert enc["x"]["field"] == "index" and enc["x"]["type"] == "quantitative" and enc["x"]["title"] == ""
    assert enc["y"]["field"] == "value" and enc["color"]["field"] == "series"
    assert c.data.to_dict("list") == {"index": [0, 1, 2, 0, 1, 2], "series": ["a"] * 3 + ["b"] * 3, "value": [1, 2, 3, 4, 5, 6]}
    assert c.svg.startswith("<svg") and "<path" in c.svg
    # The legend names the two series in the drawing itself.
    assert ">a</text>" in c.svg and ">b</text>" in c.svg


def test_one_column_needs_no_legend_and_keeps_its_name():
    c = chart('st.line_chart(pd.DataFrame({"a": [1, 2, 3]}))')
    enc = layer(c.spec)["encoding"]
    assert "color" not in enc and enc["y"]["field"] == "a"


def test_x_y_and_a_color_column_for_long_data():
    c = chart(
        'df = pd.DataFrame({"t": [1, 2, 3, 1, 2, 3], "v": [1, 2, 3, 4, 5, 6], "g": list("aaabbb")})\n'
        'st.line_chart(df, x="t", y="v", color="g", x_label="Time", y_label="Value")'
    )
    enc = layer(c.spec)["encoding"]
    assert (enc["x"]["field"], enc["x"]["title"], enc["y"]["field"], enc["y"]["title"]) == ("t", "Time", "v", "Value")
    assert enc["color"]["field"] == "g" and enc["color"]["type"] == "nominal"


def test_colors_given_per_column_paint_the_series():
    c = chart('st.area_chart(pd.DataFrame({"a": [1, 2], "b": [3, 4]}), color=["#ff0000", (0, 128, 0)])')
    scale = layer(c.spec)["encoding"]["color"]["scale"]
    assert scale == {"domain": ["a", "b"], "range": ["#ff0000", "rgb(0, 128, 0)"]}
    assert 'fill="#ff0000"' in c.svg


@pytest.mark.parametrize(
    "call, message",
    [
        ('st.line_chart(pd.DataFrame({"a": [1], "b": [2]}), color=["#f00"])', "1 colours for 2 y columns"),
        ('st.line_chart(pd.DataFrame({"a": [1]}), y="nope")', "'nope' is not in the chart's data"),
        ('st.line_chart(pd.DataFrame({"a": [1]}), color="not a colour")', "neither a column"),
        ('st.bar_chart(pd.DataFrame({"a": [1]}), stack="sideways")', "Invalid `stack` value"),
        ('st.line_chart(pd.DataFrame({"a": [1]}), width="wide")', "Invalid width value"),
    ],
)
def test_bad_arguments_say_what_is_wrong(call, message):
    at = AppTest.from_string(HEAD + call).run(timeout=60)
    assert at.exception and message in at.exception[0].message


def test_a_horizontal_bar_chart_sorted_descending():
    c = chart('st.bar_chart(pd.DataFrame({"k": ["x", "y", "z"], "v": [3, 1, 2]}), x="k", y="v", horizontal=True, sort="-v")')
    enc = c.spec["encoding"]
    assert enc["y"]["field"] == "k" and enc["y"]["type"] == "ordinal"
    assert enc["y"]["sort"] == {"field": "v", "order": "descending"}
    assert enc["x"]["field"] == "v"
    # Drawn in that order, top to bottom: x (3), z (2), y (1).
    labels = [t for t in ("x", "y", "z")]
    positions = {label: c.svg.index(f">{label}</text>") for label in labels}
    assert positions["x"] < positions["z"] < positions["y"]


@pytest.mark.parametrize(
    "stack, expect",
    [("normalize", {"stack": "normalize"}), ("center", {"stack": "center"}), (True, {"stack": "zero"}),
     ("layered", {"stack": None}), (None, {})],
)
def test_bar_stacking(stack, expect):
    c = chart(f'st.bar_chart(pd.DataFrame({{"a": [1, 2], "b": [3, 4]}}), stack={stack!r})')
    y = c.spec["encoding"]["y"]
    assert {k: y[k] for k in ("stack",) if k in y} == expect


def test_unstacked_bars_stand_side_by_side_and_unstacked_areas_overlap():
    bars = chart('st.bar_chart(pd.DataFrame({"a": [1, 2], "b": [3, 4]}), stack=False)')
    assert bars.spec["encoding"]["xOffset"] == {"field": "series"}
    area = chart('st.area_chart(pd.DataFrame({"a": [1, 2], "b": [3, 4]}), stack=False)')
    assert area.spec["encoding"]["y"]["stack"] is None and area.spec["encoding"]["opacity"] == {"value": 0.7}


def test_bar_sort_false_keeps_the_data_order():
    c = chart('st.bar_chart(pd.DataFrame({"k": ["b", "a"], "v": [1, 2]}), x="k", y="v", sort=False)')
    assert c.spec["encoding"]["x"]["sort"] is None
    assert c.svg.index(">b</text>") < c.svg.index(">a</text>")


def test_scatter_sizes_and_a_column_of_colours():
    c = chart(
        'df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6], "s": [1, 2, 3], "c": ["#ff0000", "#00ff00", "#0000ff"]})\n'
        'st.scatter_chart(df, x="a", y="b", size="s", color="c")'
    )
    enc = c.spec["encoding"]
    assert enc["size"]["field"] == "s" and enc["color"]["scale"] is None
    for colour in ("#ff0000", "#00ff00", "#0000ff"):
        assert colour in c.svg
    fixed = chart('st.scatter_chart(pd.DataFrame({"a": [1], "b": [2]}), x="a", y="b", size=120)')
    assert fixed.spec["mark"]["size"] == 120


def test_dates_make_a_time_axis():
    c = chart('st.line_chart(pd.DataFrame({"a": [1, 2, 3]}, index=pd.date_range("2024-01-01", periods=3)))')
    assert layer(c.spec)["encoding"]["x"]["type"] == "temporal"
    assert c.data["index"].tolist()[0] == pd_timestamp("2024-01-01")


def pd_timestamp(text):
    import pandas as pd

    return pd.Timestamp(text)


def test_size_is_honoured():
    c = chart('st.line_chart(pd.DataFrame({"a": [1, 2]}), width=300, height=200)')
    assert (c.spec["width"], c.spec["height"]) == (300, 200)
    assert 'width="300" height="200"' in c.svg
    default = chart('st.line_chart(pd.DataFrame({"a": [1, 2]}))')
    assert (default.spec["width"], default.spec["height"]) == (704, 350)


def test_add_rows_grows_the_chart_and_its_drawing():
    at = run(
        'c = st.line_chart(pd.DataFrame({"a": [1, 2, 3]}))\n'
        'c.add_rows(pd.DataFrame({"a": [9, 8]}))\n'
    )
    c = at.get("arrow_vega_lite_chart")[0]
    assert c.data["a"].tolist() == [1, 2, 3, 9, 8]
    assert c.data["index"].tolist() == [0, 1, 2, 3, 4]  # row numbers keep counting


def test_add_rows_with_other_columns_is_refused():
    at = AppTest.from_string(HEAD + 'c = st.line_chart(pd.DataFrame({"a": [1]}))\nc.add_rows(pd.DataFrame({"z": [1]}))').run(timeout=60)
    assert at.exception and "same columns" in at.exception[0].message


def test_the_same_chart_in_a_rerun_is_the_same_drawing():
    at = run('st.bar_chart(pd.DataFrame({"a": [1, 2, 3]}))')
    first = at.get("arrow_vega_lite_chart")[0]
    at.run()
    again = at.get("arrow_vega_lite_chart")[0]
    assert first._node.props is again._node.props  # shared props: the diff sends nothing


def test_chart_data_a_list_a_dict_and_numpy():
    assert chart("st.line_chart([1, 2, 3])").data["value"].tolist() == [1, 2, 3]
    assert set(chart('st.bar_chart({"a": [1, 2], "b": [3, 4]})').data["series"]) == {"a", "b"}
    assert len(chart("st.area_chart(np.zeros((4, 3)))").data) == 12
