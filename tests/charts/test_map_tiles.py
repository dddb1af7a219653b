"""Map tiles from config (`map.tileUrl`, `map.tileAttribution`): st.map and a pydeck
deck's point layers are laid on the deployment's raster tiles in the server's drawing
(their URLs, placed where web-Mercator puts them; the browser fetches them), with the
credit on the map; deck.gl gets the tile service for its live view. Without the option
no tile URL appears anywhere, and a template without {z}/{x}/{y} is explained."""

from __future__ import annotations

import json
import math
import re

import pytest

TILES = {"map.tileUrl": "https://tiles.example.org/{z}/{x}/{y}.png", "map.tileAttribution": "© Example contributors"}
POINTS = "import htst as st\nimport pandas as pd\ndf = pd.DataFrame({'lat': [51.50, 51.52], 'lon': [-0.13, -0.10]})\n"


def figure_of(html: str) -> str:
    return re.search(r"<figure.*?</figure>", html, re.DOTALL).group(0)


def tiles_in(svg: str) -> dict[tuple[int, int, int], tuple[float, float]]:
    """Tile (z, x, y) -> where the drawing puts its top-left corner."""
    found = {}
    for tag in re.findall(r"<image[^>]*>", svg):
        z, x, y = map(int, re.search(r"tiles\.example\.org/(\d+)/(\d+)/(\d+)\.png", tag).groups())
        dx, dy = map(float, re.search(r"translate\(([-\d.]+),([-\d.]+)\)", tag).groups())
        found[z, x, y] = (dx, dy)
    return found


def test_st_map_is_laid_on_the_configured_tiles(make_app, open_tab):
    html = open_tab(make_app(POINTS + "st.map(df, zoom=12, width=600, height=400)", **TILES).test_client()).response.get_data(as_text=True)
    figure = figure_of(html)
    tiles = tiles_in(figure)
    assert tiles and {z for z, _, _ in tiles} == {12}
    # London at zoom 12 is tile x 2046-2047, y 1361-1362: the view's tiles, edge to edge.
    xs, ys = {x for _, x, _ in tiles}, {y for _, _, y in tiles}
    assert min(xs) <= 2046 <= max(xs) and min(ys) <= 1361 <= max(ys)
    assert len(tiles) == len(xs) * len(ys)
    (x0, y0), (x1, _) = tiles[12, min(xs), min(ys)], tiles[12, min(xs) + 1, min(ys)]
    assert x1 - x0 == 256 and x0 <= 0 and y0 <= 0
    # The view's centre is the points' centre: where web-Mercator puts it on its tile.
    centre_lon, centre_lat = (-0.13 - 0.10) / 2, 51.51
    world = 256 * 2**12
    px = (centre_lon + 180) / 360 * world
    py = (1 - math.log(math.tan(math.radians(centre_lat)) + 1 / math.cos(math.radians(centre_lat))) / math.pi) / 2 * world
    tx, ty = int(px // 256), int(py // 256)
    assert tiles[12, tx, ty][0] + (px - tx * 256) == pytest.approx(300, abs=1.5)
    assert "© Example contributors" in figure


def test_tiles_replace_the_land_outlines_at_world_scale(make_app, open_tab):
    source = POINTS + "st.map(df, zoom=1)"
    plain = figure_of(open_tab(make_app(source).test_client()).response.get_data(as_text=True))
    tiled = figure_of(open_tab(make_app(source, **TILES).test_client()).response.get_data(as_text=True))
    assert "shape mark container" in plain and "shape mark container" not in tiled  # the land outlines
    assert set(tiles_in(tiled)) == {(1, x, y) for x in (0, 1) for y in (0, 1)}  # the whole world at zoom 1


def test_a_pydeck_deck_gets_the_tiles_too(make_app, open_tab):
    source = POINTS + (
        "import pydeck as pdk\n"
        "layer = pdk.Layer('ScatterplotLayer', data=df, get_position='[lon, lat]', get_radius=50)\n"
        "st.pydeck_chart(pdk.Deck(layers=[layer], map_style='mapbox://styles/mapbox/light-v9'), height=300)\n"
    )
    tab = open_tab(make_app(source, **TILES).test_client())
    html = tab.response.get_data(as_text=True)
    assert tiles_in(figure_of(html))
    url = re.search(r'data-htst-deck="([^"]+)"', html).group(1)
    deck = json.loads(tab.client.get("/" + url.lstrip("/")).data)
    assert deck["htstTiles"] == {"url": TILES["map.tileUrl"], "attribution": TILES["map.tileAttribution"]}
    assert "mapStyle" not in deck


def test_without_the_option_no_tile_is_named(make_app, open_tab):
    html = open_tab(make_app(POINTS + "st.map(df)").test_client()).response.get_data(as_text=True)
    assert "<image" not in figure_of(html) and "tiles.example" not in html


def test_a_template_without_its_placeholders_is_explained(make_app, open_tab):
    html = open_tab(make_app(POINTS + "st.map(df)", **{"map.tileUrl": "https://tiles.example.org/tile.png"}).test_client()).response.get_data(as_text=True)
    assert "must be an XYZ tile URL template" in html and "{z}, {x}, {y} missing" in html
