"""st.pydeck_chart: the Deck's JSON for deck.gl (no tile service), point layers drawn on
the server, and object selections as Streamlit returns them."""

from __future__ import annotations

import json
import re

import pytest
from chart_runs import runners

from htst.errors import InvalidWidgetValue
from htst.testing.v1 import AppTest

HEAD = """
import htst as st
import pandas as pd
import pydeck as pdk
df = pd.DataFrame({"lat": [37.76, 37.77, 37.75], "lon": [-122.40, -122.41, -122.43], "n": [1, 2, 3]})
points = pdk.Layer("ScatterplotLayer", data=df, get_position="[lon, lat]", get_radius=200, pickable=True, id="pts")
view = pdk.ViewState(latitude=37.76, longitude=-122.41, zoom=11)
"""
run, error_of = runners(HEAD)


def test_the_deck_json_and_a_server_drawing_of_its_points(make_app, open_tab):
    tab = open_tab(make_app(HEAD + "st.pydeck_chart(pdk.Deck(layers=[points], initial_view_state=view, tooltip={'text': '{n}'}), height=400)").test_client())
    html = tab.response.get_data(as_text=True)
    url = re.search(r'data-htst-deck="([^"]+)"', html).group(1)
    figure = html[html.index('data-htst-deck="'):html.index("</figure>")]
    assert "<svg" in figure and 'style="height:400px"' in figure
    deck = json.loads(tab.client.get("/" + url.lstrip("/")).data)
    assert "mapStyle" not in deck and deck["layers"][0]["@@type"] == "ScatterplotLayer"
    assert deck["htstTooltip"] == {"text": "{n}"} and len(deck["layers"][0]["data"]) == 3


def test_layers_that_are_not_points_are_drawn_in_the_browser_only():
    at = run(
        'paths = pd.DataFrame({"path": [[[-122.4, 37.7], [-122.5, 37.8]]]})\n'
        'st.pydeck_chart(pdk.Deck(layers=[pdk.Layer("PathLayer", data=paths, get_path="path")]))\n'
        'st.pydeck_chart(pdk.Deck(layers=[pdk.Layer("HexagonLayer", data=df, get_position="[lon, lat]")]))\n'
        "st.pydeck_chart()"
    )
    path, hexagons, empty = at.get("pydeck_chart")
    assert path._node.props["svg"] is None and empty._node.props["svg"] is None
    assert "<svg" in str(hexagons._node.props["svg"])  # its points, as a stand-in


def test_single_object_selection_keeps_the_last_click():
    at = run('ev = st.pydeck_chart(pdk.Deck(layers=[points]), on_select="rerun", key="d")\nst.text(repr(ev.selection.indices))\nst.text(repr(st.session_state.d.selection.objects))')
    assert [t.value for t in at.text] == ["{}", "{}"]
    chart = at.get("pydeck_chart")[0]
    chart.set_value({"selection": {"indices": {"pts": [0, 2]}, "objects": {"pts": [{"n": 1}, {"n": 3}]}}}).run()
    assert [t.value for t in at.text] == ["{'pts': [2]}", "{'pts': [{'n': 3}]}"]


def test_multi_object_selection_keeps_them_all():
    at = run('ev = st.pydeck_chart(pdk.Deck(layers=[points]), on_select="rerun", selection_mode="multi-object")\nst.text(repr(ev.selection.indices))')
    at.get("pydeck_chart")[0].set_value({"selection": {"indices": {"pts": [0, 2]}, "objects": {}}}).run()
    assert at.text[0].value == "{'pts': [0, 2]}"


def test_bad_input():
    at = AppTest.from_string(HEAD + 'st.pydeck_chart(pdk.Deck(layers=[points]), selection_mode="all")').run(timeout=60)
    assert at.exception and "Invalid selection mode" in at.exception[0].message
    at = run('st.pydeck_chart(pdk.Deck(layers=[points]), on_select="rerun")')
    chart = at.get("pydeck_chart")[0]
    at._pending[chart.id] = (None, [(chart.id, '{"indices": {"pts": ["x"]}}')])
    with pytest.raises(InvalidWidgetValue, match="lists of integers"):
        at.run()
