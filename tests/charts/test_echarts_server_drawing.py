"""st.echarts_chart drawn on the server: the plain HTML answer holds echarts' own SVG of
the option (bars where the data puts them, text in the page's colour), named by the
chart's title; an option echarts cannot draw, or a server without the JavaScript engine,
leaves the drawing to the browser with a note and loses nothing else."""

from __future__ import annotations

import re

import pytest

from htst.charts import echarts_svg

HEAD = "import htst as st\n"
BARS = '{"title": {"text": "Cups sold"}, "xAxis": {"type": "category", "data": ["Mon", "Tue"]}, "yAxis": {"type": "value", "max": 10}, "series": [{"type": "bar", "data": [2, 8]}]}'


def page_of(make_app, open_tab, source: str) -> str:
    return open_tab(make_app(HEAD + source).test_client()).response.get_data(as_text=True)


def bar_heights(svg: str) -> list[float]:
    """Heights of the bars (rectangles drawn as paths, `M x y l w 0 l 0 -h …`) in series colour."""
    paths = re.findall(r'<path d="([^"]+)"[^>]*fill="#0068C9"', svg)
    return [abs(float(re.search(r"l0 (-?[\d.]+)", d).group(1))) for d in paths]


def test_the_html_answer_holds_the_drawn_chart(make_app, open_tab):
    html = page_of(make_app, open_tab, f"st.echarts_chart({BARS}, height=300)")
    figure = re.search(r'<figure[^>]*class="[^"]*htst-echarts.*?</figure>', html, re.DOTALL).group(0)
    assert 'aria-label="Cups sold"' in figure
    svg = re.search(r"<svg.*?</svg>", figure, re.DOTALL).group(0)
    assert 'viewBox="0 0 700 300"' in svg and 'aria-hidden="true"' in svg
    labels = re.findall(r'<text[^>]*fill="currentColor"[^>]*>([^<]+)', svg)
    assert {"Mon", "Tue", "Cups sold"} <= set(labels)
    low, high = bar_heights(svg)
    assert high == pytest.approx(4 * low, rel=0.02)  # 8 against 2
    assert "is drawn in the browser" not in figure


def test_the_drawing_follows_the_data_and_size(make_app, open_tab):
    first = page_of(make_app, open_tab, f"st.echarts_chart({BARS}, width=500)")
    changed = page_of(make_app, open_tab, f"st.echarts_chart({BARS.replace('[2, 8]', '[8, 2]')}, width=500)")
    assert 'viewBox="0 0 500 350"' in first
    (a_low, a_high), (b_high, b_low) = bar_heights(first), bar_heights(changed)
    assert a_low < a_high and b_high > b_low and a_high == pytest.approx(b_high)


def test_alt_names_the_chart_and_a_drawing_is_shared(make_app, open_tab):
    html = page_of(make_app, open_tab, f"st.echarts_chart({BARS}, alt='Cups per day')\nst.echarts_chart({BARS}, alt='Cups per day')")
    assert html.count('aria-label="Cups per day"') == 2 and html.count("<svg") >= 2
    assert echarts_svg.draw(echarts_svg.option_text({"series": []}), 10, 10) is echarts_svg.draw(echarts_svg.option_text({"series": []}), 10, 10)


def test_an_option_echarts_cannot_draw_is_left_to_the_browser(make_app, open_tab):
    html = page_of(make_app, open_tab, "st.echarts_chart({'series': [{'type': 'bar', 'data': [1]}], 'xAxis': {'type': 'nosuch'}, 'yAxis': {}}, alt='Broken')")
    assert "Broken is drawn in the browser." in html
    assert 'data-htst-echarts="' in html  # the browser still gets the option


def test_without_the_engine_the_browser_draws_it(make_app, open_tab, monkeypatch):
    monkeypatch.setattr(echarts_svg, "_engine", None)
    monkeypatch.setattr(echarts_svg, "_engine_missing", "the server has no JavaScript engine")
    echarts_svg.clear()
    html = page_of(make_app, open_tab, f"st.echarts_chart({BARS})")
    assert "This chart is drawn in the browser." in html and "<svg" not in html.split("htst-echarts", 1)[1].split("</figure>")[0]
    echarts_svg.clear()
