"""st.metric's Streamlit 1.67 parameters: chart_data/chart_type (an inline SVG sparkline),
format (on the server), icon, delta_description, delta_arrow, delta_color's palette,
height, width, border and label_visibility."""

from __future__ import annotations

import inspect

import pytest
from text_dom import main

import htst as st
from htst.elements.number_format import format_number
from htst.testing.v1 import AppTest


def run(source: str) -> AppTest:
    return AppTest.from_string("import htst as st\n" + source).run()


def error_of(source: str) -> str:
    at = run(source)
    assert at.exception, f"{source!r} raised nothing"
    return at.exception[0].message


def test_no_catch_all_keyword_arguments():
    assert not any(
        p.kind is p.VAR_KEYWORD for p in inspect.signature(st.metric).parameters.values()
    )
    assert "unexpected keyword argument" in error_of("st.metric('a', 1, colour='red')")


# -- chart_data and chart_type -----------------------------------------------------------


def test_chart_data_draws_a_line_sparkline(tmp_path):
    (el,) = main(tmp_path, "st.metric('Users', 10, chart_data=[1, 3, 2])")
    svg = el.find("svg", "htst-metric-chart")
    assert svg["role"] == "img" and svg["aria-label"] == "Trend of 3 values, from 1 to 2"
    line = svg.find("polyline")
    xs_ys = [tuple(map(float, p.split(","))) for p in line["points"].split()]
    assert [x for x, _ in xs_ys] == [0.0, 50.0, 100.0]
    # SVG y grows downwards: the highest value is at the top.
    ys = [y for _, y in xs_ys]
    assert ys[1] < ys[2] < ys[0]
    assert not svg.has("polygon") and not svg.has("rect")


def test_chart_aria_label_names_the_trend(tmp_path):
    (el,) = main(tmp_path, "st.metric('Users', 10, chart_data=[1.5, 3, 2])")
    assert el.find("svg")["aria-label"] == "Trend of 3 values, from 1.5 to 2"


def test_chart_type_area_and_bar(tmp_path):
    area, bar = main(
        tmp_path,
        "st.metric('a', 1, chart_data=[1, 2], chart_type='area')\n"
        "st.metric('b', 1, chart_data=[1, -2, 3], chart_type='bar')",
    )
    assert area.find("svg").has("polygon") and area.find("svg").has("polyline")
    rects = bar.find("svg").find_all("rect")
    assert len(rects) == 3
    # Bars start at zero: the negative one hangs below the line where the others stand.
    zero = float(rects[0]["y"]) + float(rects[0]["height"])
    assert float(rects[1]["y"]) == pytest.approx(zero)
    assert float(rects[2]["height"]) > float(rects[0]["height"])


def test_unknown_chart_type_falls_back_to_line(tmp_path):
    (el,) = main(tmp_path, "st.metric('a', 1, chart_data=[1, 2], chart_type='pie')")
    assert el.find("svg").has("polyline")
    assert "htst-metric-chart--line" in el.find("svg").classes


def test_chart_data_forms():
    at = run(
        "import numpy as np, pandas as pd\n"
        "st.metric('a', 1, chart_data=[5])\n"
        "st.metric('b', 1, chart_data=np.array([1, 2]))\n"
        "st.metric('c', 1, chart_data=pd.DataFrame({'x': [3, 4], 'y': [9, 9]}))\n"
        "st.metric('d', 1, chart_data=pd.Series([7.5]))\n"
        "st.metric('e', 1, chart_data=[])\n"
        "st.metric('f', 1)"
    )
    assert [m.chart_data for m in at.metric] == [
        (5.0, 5.0),
        (1.0, 2.0),
        (3.0, 4.0),
        (7.5, 7.5),
        (),
        (),
    ]
    assert [m.chart_type for m in at.metric] == ["line", "line", "line", "line", None, None]


def test_no_chart_without_data(tmp_path):
    empty, default = main(tmp_path, "st.metric('a', 1, chart_data=[])\nst.metric('b', 1)")
    assert not empty.has("svg") and not default.has("svg")


def test_chart_data_must_be_numbers():
    assert error_of("st.metric('a', 1, chart_data=[1, 'a'])") == (
        "Only numeric values are supported for chart data sequence. The value 'a' is of type "
        "<class 'str'> and cannot be converted to float."
    )


def test_chart_takes_the_delta_colour(tmp_path):
    up, down, none, fixed = main(
        tmp_path,
        "st.metric('a', 1, 2, chart_data=[1, 2])\nst.metric('b', 1, -2, chart_data=[1, 2])\n"
        "st.metric('c', 1, chart_data=[1, 2])\nst.metric('d', 1, 2, 'violet', chart_data=[1, 2])",
    )
    assert [el.find("svg").classes[-1] for el in (up, down, none, fixed)] == [
        "htst-metric-chart--green",
        "htst-metric-chart--red",
        "htst-metric-chart--gray",
        "htst-metric-chart--violet",
    ]


# -- format -----------------------------------------------------------------------------


def test_format_applies_to_value_and_delta_on_the_server(tmp_path):
    (el,) = main(tmp_path, "st.metric('Revenue', 1234.567, -3, format='dollar')")
    assert el.find(cls="htst-metric-value").text == "$1,234.57"
    assert el.find(cls="htst-metric-delta").text.endswith("-$3.00")


def test_format_keeps_the_raw_values_for_apptest():
    at = run("st.metric('Revenue', 1234.567, -3, format='dollar')")
    assert at.metric[0].value == "1234.567" and at.metric[0].delta == "-3"
    assert at.metric[0].shown_value == "$1,234.57"


@pytest.mark.parametrize(
    ("fmt", "value", "shown"),
    [
        (None, "1234.567", "1234.567"),
        ("", "1234.567", "1234.567"),
        ("plain", "1e+20", "100000000000000000000"),
        ("localized", "1234.567", "1,234.567"),
        ("percent", "1234.567", "123,456.7%"),
        ("dollar", "-1234.567", "-$1,234.57"),
        ("euro", "1234.567", "€1,234.57"),
        ("yen", "1234.567", "¥1,235"),
        ("accounting", "1234", "1,234.00"),
        ("accounting", "-1234", "(1,234.00)"),
        ("bytes", "1234", "1.2KB"),
        ("bytes", "1000000000", "1GB"),
        ("compact", "1234", "1.2K"),
        ("compact", "123456", "123K"),
        ("compact", "999999", "1M"),
        ("scientific", "1234.567", "1.235E3"),
        ("engineering", "12345", "12.345E3"),
        ("engineering", "0.00012", "120E-6"),
        ("%d", "1234.567", "1234"),
        ("%.2f", "1234.567", "1234.57"),
        ("%,d", "1234.567", "1,234"),
        ("%+.1f%%", "5", "+5.0%"),
        ("weird", "1234.567", "1234.567"),
        ("dollar", "70 °F", "70 °F"),
        ("dollar", "", ""),
        ("localized", "1.0005", "1.001"),
    ],
)
def test_format_values(fmt, value, shown):
    assert format_number(value, fmt) == shown


def test_format_leaves_non_numbers_alone(tmp_path):
    (el,) = main(tmp_path, "st.metric('Temp', '70 °F', '1.2 °F', format='dollar')")
    assert el.find(cls="htst-metric-value").text == "70 °F"
    assert el.find(cls="htst-metric-delta").text.endswith("1.2 °F")


# -- icon, delta_description ------------------------------------------------------------


def test_icon_is_shown_before_the_label(tmp_path):
    emoji, material = main(
        tmp_path,
        "st.metric('Heat', 30, icon='🔥')\nst.metric('Heat', 30, icon=':material/thermostat:')",
    )
    label = emoji.find(cls="htst-metric-label")
    assert label.children[0].text == "🔥" and label.children[0]["aria-hidden"] == "true"
    assert label.text == "🔥 Heat"
    assert material.find(cls="htst-icon")["data-icon"] == "thermostat"


def test_icon_error():
    assert 'The value "hot" is not a valid icon.' in error_of("st.metric('a', 1, icon='hot')")


def test_delta_description_is_muted_text_next_to_the_delta(tmp_path):
    described, plain, no_delta = main(
        tmp_path,
        "st.metric('a', 1, 2, delta_description='month over month')\nst.metric('b', 1, 2)\n"
        "st.metric('c', 1, delta_description='ignored')",
    )
    foot = described.find(cls="htst-metric-foot")
    assert foot.find(cls="htst-metric-desc").text == "month over month"
    assert not plain.has(cls="htst-metric-desc")
    assert not no_delta.has(cls="htst-metric-desc")


# -- delta_arrow and delta_color ----------------------------------------------------------


def arrow(el) -> str | None:
    delta = el.find(cls="htst-metric-delta")
    hidden = [c for c in delta.children if c.get("aria-hidden") == "true"]
    return hidden[0].text if hidden else None


def test_delta_arrow(tmp_path):
    auto, up, down, off = main(
        tmp_path,
        "st.metric('a', 1, -2)\nst.metric('b', 1, -2, delta_arrow='up')\n"
        "st.metric('c', 1, 2, delta_arrow='down')\nst.metric('d', 1, 2, delta_arrow='off')",
    )
    assert [arrow(el) for el in (auto, up, down, off)] == ["↓", "↑", "↓", None]
    # The colour still follows the sign; "off" keeps the delta's text.
    assert "htst-metric-delta--red" in up.find(cls="htst-metric-delta").classes
    assert "htst-metric-delta--green" in down.find(cls="htst-metric-delta").classes
    assert off.find(cls="htst-metric-delta").text == "2"


def test_delta_arrow_error():
    assert error_of("st.metric('a', 1, 2, delta_arrow='left')") == (
        "Invalid `delta_arrow` value. Supported values: 'auto', 'up', 'down', 'off'."
    )


def test_zero_delta_has_no_arrow_and_is_gray():
    at = run(
        "st.metric('a', 1, 0)\nst.metric('b', 1, '0')\nst.metric('c', 1, '0%')\nst.metric('d', 1, ' -5')"
    )
    assert [m.direction for m in at.metric] == ["none", "none", "up", "down"]
    assert [m.color for m in at.metric] == ["gray", "gray", "green", "red"]
    assert at.metric[3].delta == "-5"


def test_delta_color_palette():
    at = run(
        "st.metric('a', 1, -2, 'inverse')\nst.metric('b', 1, -2, 'off')\nst.metric('c', 1, -2, 'blue')\n"
        "st.metric('d', 1, 0, 'red')\nst.metric('e', 1, 2, 'grey')\nst.metric('f', 1, 2, 'primary')"
    )
    assert [m.color for m in at.metric] == ["green", "gray", "blue", "red", "gray", "primary"]
    assert at.metric[3].direction == "none"


def test_delta_color_error():
    assert error_of("st.metric('a', 1, 2, 'pink')") == (
        "Invalid `delta_color` value. Supported values: 'normal', 'inverse', 'off', 'red', "
        "'orange', 'yellow', 'green', 'blue', 'violet', 'gray', 'grey', 'primary'."
    )


def test_value_and_delta_types():
    at = run(
        "from decimal import Decimal\nimport numpy as np\n"
        "st.metric('a', Decimal('1.10'), np.int64(-3))\nst.metric('b', None, '')\nst.metric('c', 0.1 + 0.2)"
    )
    assert [(m.value, m.delta) for m in at.metric] == [
        ("1.10", "-3"),
        ("—", ""),
        ("0.30000000000000004", ""),
    ]
    assert error_of("st.metric('a', [1])") == (
        "Invalid `value` type. Expected one of: int, float, Decimal, NumPy number. Provided type: "
        "list. Convert the value to a number type."
    )
    assert error_of("st.metric('a', 1, [1])").startswith("Invalid `delta` type.")


# -- height, width, border, label_visibility ----------------------------------------------


def test_height(tmp_path):
    default, stretch, pixels = main(
        tmp_path,
        "st.metric('a', 1)\nst.metric('b', 1, height='stretch')\nst.metric('c', 1, height=150)",
    )
    assert default["data-height"] == "content"
    assert stretch["data-height"] == "stretch"
    assert pixels["data-height"] == "px" and "--htst-h:150px" in pixels["style"]
    assert error_of("st.metric('a', 1, height='auto')") == (
        "Invalid height value: 'auto'. Height must be either a positive integer (pixels), 'stretch', or 'content'."
    )


def test_width(tmp_path):
    default, content, pixels = main(
        tmp_path,
        "st.metric('a', 1)\nst.metric('b', 1, width='content')\nst.metric('c', 1, width=180)",
    )
    assert default["data-width"] == "stretch"
    assert content["data-width"] == "content"
    assert pixels["data-width"] == "px" and "--htst-w:180px" in pixels["style"]
    assert error_of("st.metric('a', 1, width='wide')").startswith("Invalid width value: 'wide'.")


def test_border(tmp_path):
    bordered, default = main(tmp_path, "st.metric('a', 1, border=True)\nst.metric('b', 1)")
    assert "htst-block--border" in bordered.classes
    assert "htst-block--border" not in default.classes


def test_label_visibility(tmp_path):
    visible, hidden, collapsed = main(
        tmp_path,
        "st.metric('a', 1)\nst.metric('b', 1, label_visibility='hidden')\n"
        "st.metric('c', 1, label_visibility='collapsed')",
    )
    assert visible.find(cls="htst-metric-label").classes == ["htst-metric-label"]
    assert "htst-label--hidden" in hidden.find(cls="htst-metric-label").classes
    assert "htst-label--collapsed" in collapsed.find(cls="htst-metric-label").classes
    assert error_of("st.metric('a', 1, label_visibility='gone')") == (
        "Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'."
    )
