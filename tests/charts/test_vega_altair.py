"""st.vega_lite_chart and st.altair_chart: any spec, data from anywhere, the theme, and
selections returned as Streamlit returns them."""

from __future__ import annotations

import json

import pytest
from chart_runs import runners

from htst.errors import InvalidWidgetValue

HEAD = "import htst as st\nimport pandas as pd\nimport altair as alt\n"
SPEC = '{"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}}}'
DF = 'df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6], "g": ["u", "v", "u"]})\n'
run, error_of = runners(HEAD + DF)


def test_data_and_spec():
    c = run(f"st.vega_lite_chart(df, {SPEC})").get("arrow_vega_lite_chart")[0]
    assert c.spec["data"] == {"name": "data"} and c.data["a"].tolist() == [1, 2, 3]
    assert c.svg.count("<path") >= 3


def test_a_spec_alone_with_inline_values_or_as_json_text():
    spec = {"data": {"values": [{"a": 1, "b": 2}]}, **json.loads(SPEC)}
    at = run(f"st.vega_lite_chart({spec!r})\nst.vega_lite_chart(None, {json.dumps(spec)!r})")
    first, second = at.get("arrow_vega_lite_chart")
    assert first.spec["data"] == {"values": [{"a": 1, "b": 2}]} and first.svg == second.svg


def test_layers_facets_and_concat_draw():
    spec = {
        "hconcat": [
            {"layer": [{"mark": "line", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}}},
                       {"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}}}]},
            {"facet": {"field": "g", "type": "nominal"}, "spec": {"mark": "bar", "encoding": {"y": {"field": "b", "type": "quantitative"}}}},
        ]
    }
    c = run(f"st.vega_lite_chart(df, {spec!r})").get("arrow_vega_lite_chart")[0]
    assert "width" not in c.spec  # a composite chart keeps its own size
    assert ">u</text>" in c.svg and ">v</text>" in c.svg  # the facet headers


def test_theme_none_is_vegas_own_look():
    at = run(f"st.vega_lite_chart(df, {SPEC})\nst.vega_lite_chart(df, {SPEC}, theme=None)")
    themed, plain = at.get("arrow_vega_lite_chart")
    assert "currentColor" in themed.svg and "currentColor" not in plain.svg
    assert 'fill="white"' in plain.svg  # Vega's default white background
    assert "theme=\"nope\"" in error_of(f"st.vega_lite_chart(df, {SPEC}, theme='nope')")


def test_an_invalid_spec_is_a_clear_error():
    assert "could not be compiled" in error_of('st.vega_lite_chart(df, {"mark": "nonsense"})')


def test_altair_charts_keep_their_frames_without_a_row_limit():
    at = run(
        'big = pd.DataFrame({"x": range(6000), "y": range(6000)})\n'
        'st.altair_chart(alt.Chart(big).mark_line().encode(x="x", y="y"))\n'
    )
    c = at.get("arrow_vega_lite_chart")[0]
    assert len(c.data) == 6000 and c.spec["data"]["name"].startswith("data-")


def test_altair_width_and_height():
    c = run('st.altair_chart(alt.Chart(df).mark_bar().encode(x="g", y="b"), width=250, height=150)').get("arrow_vega_lite_chart")[0]
    assert (c.spec["width"], c.spec["height"]) == (250, 150)


SELECTABLE = (
    'ch = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(alt.selection_point(name="p"), alt.selection_interval(name="iv"))\n'
)


def test_selections_start_empty_for_every_parameter():
    at = run(SELECTABLE + 'ev = st.altair_chart(ch, on_select="rerun", key="k")\nst.write(str(ev.selection.p == {}), str(ev.selection.iv == {}))\nst.text(repr(st.session_state.k))')
    assert at.get("arrow_vega_lite_chart")[0].value == {"selection": {"p": {}, "iv": {}}}
    assert at.text[0].value == "{'selection': {'p': {}, 'iv': {}}}"


def test_a_posted_selection_reaches_the_script_and_its_callback():
    at = run(
        SELECTABLE
        + 'def changed():\n    st.session_state.seen = st.session_state.k.selection.p\n'
        'ev = st.altair_chart(ch, on_select=changed, key="k")\n'
        'st.text(repr(ev.selection.p))\nst.text(repr(ev.selection.iv))\nst.text(repr(st.session_state.get("seen")))'
    )
    at.get("arrow_vega_lite_chart")[0].select(p=[{"a": 2, "b": 5}], iv={"a": [1, 2.5]}).run()
    assert [t.value for t in at.text] == ["[{'a': 2, 'b': 5}]", "{'a': [1, 2.5]}", "[{'a': 2, 'b': 5}]"]


def test_selection_mode_limits_what_is_reported():
    at = run(SELECTABLE + 'ev = st.altair_chart(ch, on_select="rerun", selection_mode="iv")\nst.text(repr(ev))')
    assert at.text[0].value == "{'selection': {'iv': {}}}"
    assert "not in the chart spec" in error_of(SELECTABLE + 'st.altair_chart(ch, on_select="rerun", selection_mode="zz")')


def test_on_select_without_selections_is_refused():
    message = error_of('st.altair_chart(alt.Chart(df).mark_point().encode(x="a"), on_select="rerun")')
    assert "does not have any selections" in message


def test_a_malformed_selection_post_changes_nothing():
    at = run(SELECTABLE + 'ev = st.altair_chart(ch, on_select="rerun", key="k")\nst.text(repr(ev))')
    chart = at.get("arrow_vega_lite_chart")[0]
    at._pending[chart.id] = (None, [(chart.id, '{"p": "not a list"}')])
    with pytest.raises(InvalidWidgetValue, match="a point selection is a list of objects"):
        at.run()
    at._pending.clear()
    at.run()
    assert at.text[0].value == "{'selection': {'p': {}, 'iv': {}}}"


@pytest.mark.parametrize("source", ['st.altair_chart("not a chart")', "st.vega_lite_chart(df, 42)"])
def test_wrong_types_are_refused(source):
    assert error_of(source)
