"""Charts in a real browser: the server's SVG shows at once; a pointer brings the live
view (tooltips, selections that rerun the script); add_rows grows a chart mid-run."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def go_live(page, index: int = 0):
    """Hover a chart and wait for its live view (vega loads on first pointer)."""
    chart = page.locator(".htst-chart").nth(index)
    chart.hover()
    page.wait_for_function(f"document.querySelectorAll('.htst-chart')[{index}].htstView")
    return chart


def test_a_line_charts_tooltip_appears_on_hover(serve_app, page):
    app = serve_app("""
        import htst as st
        import pandas as pd
        st.line_chart(pd.DataFrame({"temperature": [10, 30, 20, 25]}))
    """)
    scripts = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    page.goto(app.url)
    expect(page.locator(".htst-chart svg")).to_be_visible()  # the server's drawing, no vega yet
    assert not any("vega" in url for url in scripts)
    chart = go_live(page)
    box = chart.locator("svg").bounding_box()
    for dx in (0.30, 0.34, 0.38):  # move across the plot: the nearest point's tooltip shows
        page.mouse.move(box["x"] + box["width"] * dx, box["y"] + box["height"] * 0.5)
    tip = page.locator(".htst-chart-tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("temperature")
    assert any("vega-6.2.0.min.js" in url for url in scripts)


def test_an_altair_point_selection_reruns_with_the_selected_point(serve_app, page):
    app = serve_app("""
        import htst as st
        import pandas as pd
        import altair as alt
        df = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2], "name": ["a", "b", "c"]})
        chart = alt.Chart(df).mark_circle(size=400).encode(x="x", y="y").add_params(alt.selection_point(name="pick"))
        event = st.altair_chart(chart, on_select="rerun", key="c")
        st.text("selected: " + ",".join(p["name"] for p in event.selection.pick) if event.selection.pick else "selected: none")
    """)
    page.goto(app.url)
    expect(page.get_by_text("selected: none")).to_be_visible()
    chart = go_live(page)
    point = chart.locator(".mark-symbol path").nth(1)  # the second row: "b"
    point.click()
    expect(page.get_by_text("selected: b")).to_be_visible()
    # The live view stayed live through the rerun (its morph is skipped).
    assert page.evaluate("!!document.querySelector('.htst-chart').htstView && !document.querySelector('.htst-chart-view[data-htst-static]')")


def test_add_rows_grows_a_chart_while_the_script_runs(serve_app, page):
    app = serve_app("""
        import time
        import htst as st
        import pandas as pd
        chart = st.line_chart(pd.DataFrame({"v": [1, 2]}))
        for i in range(3):
            time.sleep(0.8)
            chart.add_rows(pd.DataFrame({"v": [i + 3]}))
        st.text("finished")
    """)
    # Each add_rows after the first paint sends its rows alone, not the chart again.
    page.add_init_script("""
        window.rowsSent = 0;
        new MutationObserver(function (records) {
            records.forEach(function (r) { r.addedNodes.forEach(function (n) { if (n.matches && n.matches("template[data-htst-rows]")) window.rowsSent++; }); });
        }).observe(document, { childList: true, subtree: true });
    """)
    page.goto(app.url)
    rows = page.locator(".htst-chart-data tbody tr")
    expect(rows).to_have_count(3, timeout=5000)  # shown before the run ends
    assert not page.get_by_text("finished").is_visible()
    expect(rows).to_have_count(5, timeout=8000)
    expect(page.get_by_text("finished")).to_be_visible()
    assert page.evaluate("window.rowsSent") >= 2
    # The chart went live from its spec, then took the later rows into its data.
    page.wait_for_function("(() => { const f = document.querySelector('.htst-chart'); return f.htstView && f.htstView.data('data').length === 5; })()", timeout=10000)


def test_a_plotly_chart_is_drawn_by_plotly_and_a_click_selects_a_point(serve_app, page):
    app = serve_app("""
        import htst as st
        import plotly.graph_objects as go
        fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2], mode="markers", marker={"size": 18}))
        event = st.plotly_chart(fig, on_select="rerun", selection_mode="points")
        st.text(f"selected {event.selection.point_indices}")
    """)
    page.goto(app.url)
    expect(page.locator(".htst-plotly svg").first).to_be_visible()  # the static drawing first
    expect(page.locator(".htst-plotly .js-plotly-plot")).to_be_visible(timeout=15000)
    page.locator(".htst-plotly .scatterlayer .point").nth(2).click(force=True)
    expect(page.get_by_text("selected [2]")).to_be_visible()
    # The drawn chart stays (the rerun's morph skips it).
    expect(page.locator(".htst-plotly .js-plotly-plot")).to_be_visible()


def test_a_pydeck_chart_is_drawn_by_deck_gl_and_a_click_selects_an_object(serve_app, page):
    app = serve_app("""
        import htst as st
        import pandas as pd
        import pydeck as pdk
        df = pd.DataFrame({"lat": [37.76, 37.77], "lon": [-122.40, -122.41]})
        layer = pdk.Layer("ScatterplotLayer", data=df, get_position="[lon, lat]", get_radius=300, pickable=True, id="pts")
        event = st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=37.765, longitude=-122.405, zoom=12)), on_select="rerun")
        st.text(f"picked {event.selection.indices}")
    """)
    page.goto(app.url)
    expect(page.locator(".htst-deck svg")).to_be_visible()  # the server's drawing first
    page.wait_for_function("document.querySelector('.htst-deck').htstDeck && document.querySelector('.htst-deck canvas')", timeout=15000)
    page.wait_for_timeout(500)
    box = page.locator(".htst-deck-view").bounding_box()
    x, y = page.evaluate("document.querySelector('.htst-deck').htstDeck.getViewports()[0].project([-122.41, 37.77])")
    page.mouse.click(box["x"] + x, box["y"] + y)
    expect(page.get_by_text("picked {'pts': [1]}")).to_be_visible()


def test_a_mermaid_diagram_is_drawn_in_place_of_its_definition(serve_app, page):
    app = serve_app("""
        import htst as st
        st.mermaid_chart("graph LR\\n  Build --> Test --> Ship")
    """)
    page.goto(app.url)
    figure = page.get_by_role("img", name="Mermaid flowchart")
    expect(figure).to_be_visible()
    expect(figure.locator(".htst-mermaid-drawing svg")).to_be_visible(timeout=15000)
    expect(figure.locator("svg").get_by_text("Ship")).to_be_visible()
    expect(figure.locator(".htst-mermaid-source")).to_be_hidden()


def test_an_echarts_bar_is_selected_by_a_click(serve_app, page):
    app = serve_app("""
        import htst as st
        option = {"xAxis": {"type": "category", "data": ["A", "B", "C"]}, "yAxis": {"type": "value"},
                  "series": [{"type": "bar", "selectedMode": "single", "data": [5, 20, 36]}]}
        event = st.echarts_chart(option, on_select="rerun", renderer="svg")
        st.text(f"selected {[g['data_indices'] for g in event.selection.selected]}")
    """)
    page.goto(app.url)
    expect(page.get_by_text("selected []")).to_be_visible()
    bars = page.locator(".htst-echarts svg path[fill]")
    page.wait_for_function("document.querySelector('.htst-echarts-view').htstChart", timeout=15000)
    page.wait_for_timeout(800)  # the entry animation
    chart = page.locator(".htst-echarts-view").bounding_box()
    x, y = page.evaluate("document.querySelector('.htst-echarts-view').htstChart.convertToPixel({seriesIndex: 0}, [1, 10])")
    page.mouse.click(chart["x"] + x, chart["y"] + y)
    expect(page.get_by_text("selected [[1]]")).to_be_visible()
    assert bars.count() > 0


def test_a_pydeck_deck_is_laid_on_the_configured_tiles(serve_app, page, tmp_path):
    import base64
    import io

    from PIL import Image

    tile = io.BytesIO()
    Image.new("RGB", (256, 256), (230, 40, 40)).save(tile, "PNG")
    url = "data:image/png;base64," + base64.b64encode(tile.getvalue()).decode() + "#{z}/{x}/{y}"
    (tmp_path / ".htst").mkdir()
    (tmp_path / ".htst" / "config.toml").write_text(f'[map]\ntileUrl = "{url}"\ntileAttribution = "Tiles by the test"\n')
    app = serve_app("""
        import htst as st
        import pandas as pd
        import pydeck as pdk
        df = pd.DataFrame({"lat": [37.76], "lon": [-122.40]})
        layer = pdk.Layer("ScatterplotLayer", data=df, get_position="[lon, lat]", get_radius=30)
        st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=37.76, longitude=-122.40, zoom=12)), height=300)
    """)
    page.goto(app.url)
    page.wait_for_function("document.querySelector('.htst-deck').htstDeck && document.querySelector('.htst-deck canvas')", timeout=15000)
    expect(page.get_by_text("Tiles by the test")).to_be_visible()
    view = page.locator(".htst-deck-view")

    def corner_colour():
        shot = Image.open(io.BytesIO(view.screenshot()))
        return shot.convert("RGB").getpixel((10, 10))

    for _ in range(50):  # deck.gl loads its tiles after its first frame
        red, green, blue = corner_colour()
        if red > 200 and green < 80:
            break
        page.wait_for_timeout(100)
    assert red > 200 and green < 80 and blue < 80, (red, green, blue)
