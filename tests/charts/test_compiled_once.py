"""A chart whose rows change is compiled once and its rows spliced into the compiled
spec: every drawing must still show its own rows, exactly as a whole compile would."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from htst.charts import render
from htst.charts.builtin import builtin_spec
from htst.charts.vegalite import Prepared, sized


def prepared_line(values: list[float]) -> Prepared:
    spec, frame = builtin_spec("line", pd.DataFrame({"v": values}))
    spec, _ = sized(spec, "stretch", "content", builtin=True)
    return Prepared(spec, {"data": frame}, {})


def draw(prepared: Prepared, theme: str | None = "streamlit") -> render.Drawing:
    shape, datasets = prepared.parts()
    return render.draw(shape, theme, datasets)


def whole_compile(prepared: Prepared, theme: str | None) -> dict:
    """What the engine compiles from the spec with its rows inline."""
    import vl_convert

    config = render.STREAMLIT_THEME if theme == "streamlit" else None
    return vl_convert.vegalite_to_vega(prepared.json(), config=config)


def rows_of(vega: dict, name: str) -> list:
    return next(d["values"] for d in vega["data"] if d.get("name") == name)


def test_each_drawing_shows_its_own_rows():
    first, second = prepared_line([1.0, 2.0, 3.0]), prepared_line([7.5, 8.5, 9.5, 10.5])
    a, b = draw(first), draw(second)
    assert [r["v"] for r in rows_of(json.loads(a.vega), "data")] == [1, 2, 3]
    assert [r["v"] for r in rows_of(json.loads(b.vega), "data")] == [7.5, 8.5, 9.5, 10.5]
    # The y axis of each drawing follows its own data.
    assert ">10</text>" in b.svg and ">10</text>" not in a.svg


@pytest.mark.parametrize("theme", ["streamlit", None])
def test_spliced_rows_equal_a_whole_compile(theme):
    spec = {
        "datasets": {"odd \"name\"": [{"k": "x", "n": 1}, {"k": "y", "n": 2}]},
        "vconcat": [
            {"data": {"name": "odd \"name\""}, "mark": "bar",
             "encoding": {"x": {"field": "k", "type": "nominal"}, "y": {"field": "n", "type": "quantitative"}}},
            {"data": {"name": "frame"}, "mark": "line",
             "encoding": {"x": {"field": "t", "type": "temporal"}, "y": {"field": "n", "type": "quantitative"}}},
        ],
    }
    frame = pd.DataFrame({"t": pd.date_range("2026-01-01", periods=3), "n": [3, 1, 2]})
    prepared = Prepared(spec, {"frame": frame}, {})
    assert set(prepared.parts()[1]) == {'odd "name"', "frame"}
    drawn = json.loads(draw(prepared, theme).vega)
    whole = whole_compile(prepared, theme)
    assert drawn == whole
    assert rows_of(drawn, 'odd "name"') == [{"k": "x", "n": 1}, {"k": "y", "n": 2}]


def test_a_second_chart_of_the_same_shape_is_not_the_first():
    # Same spec, new rows: a cached compile must not bring the old rows back.
    old, new = prepared_line([5.0, 5.0]), prepared_line([0.25, 99.0])
    assert old.parts()[0] == new.parts()[0]
    assert ">100</text>" not in draw(old).svg
    drawing = draw(new)
    assert [r["v"] for r in rows_of(json.loads(drawing.vega), "data")] == [0.25, 99.0]
    assert ">100</text>" in drawing.svg
