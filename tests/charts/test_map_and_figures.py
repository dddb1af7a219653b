"""st.map (points on a Mercator projection, no tile server), st.pyplot and
st.graphviz_chart (the libraries' own SVG, inline)."""

from __future__ import annotations

import math
import re

import pytest
from chart_runs import runners

HEAD = "import htst as st\nimport pandas as pd\n"
run, error_of = runners(HEAD)


def test_a_map_finds_its_columns_and_fits_the_points():
    at = run('st.map(pd.DataFrame({"LAT": [37.76, 37.80], "lon": [-122.4, -122.45]}))')
    c = at.get("arrow_vega_lite_chart")[0]
    points = c.spec["layer"][-1]
    assert points["encoding"]["latitude"]["field"] == "LAT" and points["encoding"]["longitude"]["field"] == "lon"
    center = c.spec["projection"]["center"]
    assert center[0] == pytest.approx(-122.425) and center[1] == pytest.approx(37.78, abs=0.01)
    assert len(c.spec["layer"]) == 1  # city scale: no world coastline under the points
    assert c.svg.count("<path") >= 2 and 'fill="rgba(200, 30, 0, 0.63)"' in c.svg


def test_world_scale_draws_land_and_sizes_in_metres():
    at = run(
        'df = pd.DataFrame({"lat": [48.85, 40.7, -33.9], "lon": [2.35, -74.0, 151.2], "m": [1_000_000, 2_000_000, 1_500_000]})\n'
        'st.map(df, size="m", color="#0044ff", zoom=1)'
    )
    c = at.get("arrow_vega_lite_chart")[0]
    assert c.spec["layer"][0]["mark"]["type"] == "geoshape"
    assert c.spec["projection"]["scale"] == pytest.approx(256 * 2 / (2 * math.pi))
    areas = c.data["(size px²)"].tolist()
    assert areas[1] == pytest.approx(4 * areas[0])  # area grows with the radius squared
    assert "#0044ff" in c.svg


@pytest.mark.parametrize(
    "call, message",
    [
        ('st.map(pd.DataFrame({"x": [1], "y": [2]}))', "latitude column named"),
        ('st.map(pd.DataFrame({"lat": [91], "lon": [0]}))', "outside [-90, 90]"),
        ('st.map(pd.DataFrame({"lat": ["a"], "lon": [0]}))', "must hold numbers"),
        ('st.map(pd.DataFrame({"lat": [1], "lon": [0]}), zoom=99)', "`zoom`"),
        ('st.map(pd.DataFrame({"lat": [1], "lon": [0]}), size=-1)', "`size`"),
    ],
)
def test_bad_map_data_is_explained(call, message):
    assert message in error_of(call)


def test_pyplot_draws_svg_with_text_as_text_and_clears_when_asked():
    at = run(
        "import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
        "fig, ax = plt.subplots()\nax.set_title('Hello plot')\nax.plot([1, 2], [3, 4])\n"
        "st.pyplot(fig)\nst.text(len(fig.axes))\nst.pyplot(fig, clear_figure=True)\nst.text(len(fig.axes))\n"
    )
    svg = str(at.get("pyplot")[0]._node.props["svg"])
    assert svg.startswith("<svg") and ">Hello plot<" in svg
    assert [t.value for t in at.text] == ["1", "0"]


def test_two_figures_on_a_page_do_not_share_clip_path_ids():
    at = run(
        "import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
        "for i in range(2):\n    fig, ax = plt.subplots()\n    ax.plot([1, 2], [i, 3])\n    st.pyplot(fig)\n"
    )
    ids = [set(re.findall(r'id="(clip\\w*|p[0-9a-f]{8,})"', str(p._node.props["svg"]))) for p in at.get("pyplot")]
    assert ids[0] and not ids[0] & ids[1]


def test_graphviz_from_an_object_and_from_dot_text():
    at = run(
        "import graphviz\ng = graphviz.Digraph()\ng.edge('run', 'stop')\nst.graphviz_chart(g)\n"
        "st.graphviz_chart('digraph { a -> b }')\n"
    )
    first, second = (str(c._node.props["svg"]) for c in at.get("graphviz_chart"))
    assert ">run</text>" in first and ">stop</text>" in first
    assert ">a</text>" in second and not second.startswith("<?xml")


def test_graphviz_syntax_errors_are_reported():
    assert "Graphviz could not draw" in error_of("st.graphviz_chart('digraph { a -> }')")


def test_write_draws_charts_figures_and_helps_with_functions():
    at = run(
        "import altair as alt\nimport matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\nimport graphviz\n"
        "df = pd.DataFrame({'a': [1, 2]})\n"
        "st.write(alt.Chart(df).mark_bar().encode(y='a'))\n"
        "fig, ax = plt.subplots()\nst.write(fig)\n"
        "g = graphviz.Graph()\ng.edge('x', 'y')\nst.write(g)\n"
        "def documented(a, b=2):\n    '''Adds things.'''\nst.write(documented)\n"
    )
    assert len(at.get("arrow_vega_lite_chart")) == 1 and len(at.get("pyplot")) == 1 and len(at.get("graphviz_chart")) == 1
    helped = at.get("help")[0]._node.props
    assert "documented" in str(helped) and "Adds things." in str(helped)
