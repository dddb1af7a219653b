"""st.dataframe and st.table under AppTest: conversions, `.value`, add_rows, st.write."""

from __future__ import annotations

import sys

import pytest

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

from htst.elements import dataframe as dataframe_module
from htst.errors import HtstAPIException
from htst.render.html import Renderer
from htst.testing.v1 import AppTest


def run(source: str) -> AppTest:
    at = AppTest.from_string(
        "import htst as st\nimport pandas as pd\nimport numpy as np\n" + source
    )
    return at.run()


def html_of(element) -> str:
    return Renderer().node(element._node)


def test_cheat_sheet_dataframe_and_table_values():
    at = run("st.dataframe(pd.DataFrame([1, 2, 3]))\nst.table(pd.DataFrame([1, 2, 3]))")
    assert not at.exception
    expected_df = pd.DataFrame([1, 2, 3])
    assert at.dataframe[0].value.equals(expected_df)
    table_df = pd.DataFrame([1, 2, 3])
    assert at.table[0].value.equals(table_df)


def test_value_is_a_copy_the_test_cannot_corrupt():
    at = run("st.dataframe(pd.DataFrame({'a': [1, 2]}))")
    value = at.dataframe[0].value
    value.loc[0, "a"] = 99
    assert at.dataframe[0].value["a"].tolist() == [1, 2]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # A list of scalars is one column, named "value" as Streamlit names it.
        ("[1, 2, 3]", pd.DataFrame({"value": [1, 2, 3]})),
        ("(1, 2)", pd.DataFrame({"value": [1, 2]})),
        ("{3}", pd.DataFrame({"value": [3]})),
        ("np.array([1, 2])", pd.DataFrame({"value": [1, 2]})),
        # Records: missing keys become NaN, columns in order of appearance.
        (
            "[{'a': 1, 'b': 2}, {'a': 3, 'c': 4}]",
            pd.DataFrame({"a": [1, 3], "b": [2.0, np.nan], "c": [np.nan, 4.0]}),
        ),
        ("{'a': [1, 2], 'b': [3, 4]}", pd.DataFrame({"a": [1, 2], "b": [3, 4]})),
        # A dict of scalars: keys are the index, values one "value" column.
        (
            "{'x': 1, 'y': 'two'}",
            pd.DataFrame({"value": [1, "two"]}, index=["x", "y"], dtype=object),
        ),
        # 2-D data without names: columns 0..n-1, kept as integers.
        ("np.array([[1, 2, 3], [4, 5, 6]])", pd.DataFrame([[1, 2, 3], [4, 5, 6]])),
        ("[[1, 'a'], [2, 'b']]", pd.DataFrame([[1, "a"], [2, "b"]])),
        ("pd.Series([1, 2], name='s')", pd.DataFrame({"s": [1, 2]})),
        ("pd.Series([1, 2])", pd.DataFrame({0: [1, 2]})),
        ("pd.DataFrame({'a': [1]}).style", pd.DataFrame({"a": [1]})),
    ],
)
def test_inputs_convert_like_streamlit(expression, expected):
    at = run(f"st.dataframe({expression})\nst.table({expression})")
    assert not at.exception
    for element in (at.dataframe[0], at.table[0]):
        got = element.value
        assert list(got.columns) == list(expected.columns)
        assert list(got.index) == list(expected.index)
        assert got.astype(object).equals(expected.astype(object)), got


@pytest.mark.parametrize("expression", ["None", "[]", "{}", "np.array(5)"])
def test_nothing_is_an_empty_table(expression):
    at = run(f"st.dataframe({expression})")
    assert not at.exception
    assert at.dataframe[0].value.shape == (0, 0)
    assert "<tbody>" in html_of(at.dataframe[0])


@pytest.mark.parametrize("expression", ["5", "'text'", "object()", "b'raw'"])
def test_unsupported_data_is_a_clear_error(expression):
    at = run(f"st.dataframe({expression})")
    assert at.exception[0].type == "HtstAPIException"
    assert "cannot show an object of type" in at.exception[0].message
    assert not at.dataframe


def test_bad_width_and_height_are_errors():
    at = run("st.dataframe([1], height=-3)")
    assert "height must be" in at.exception[0].message
    at = run("st.dataframe([1], width='wide')")
    assert "width must be" in at.exception[0].message
    at = run("st.table([1], border='dotted')")
    assert "Invalid `border` value" in at.exception[0].message


def test_accepted_but_ignored_parameters():
    at = run(
        "st.dataframe([1], use_container_width=True, column_config={'value': None}, key='k',"
        " on_select='ignore', selection_mode='single-row', row_height=40)"
    )
    assert not at.exception
    assert at.dataframe[0].value["value"].tolist() == [1]


def test_hide_index_hides_the_index_in_html():
    at = run(
        "df = pd.DataFrame({'n': [10, 20]}, index=['row-a', 'row-b'])\n"
        "st.dataframe(df)\nst.dataframe(df, hide_index=True)"
    )
    shown, hidden = html_of(at.dataframe[0]), html_of(at.dataframe[1])
    assert '<th scope="row" class="htst-df-index">row-a</th>' in shown
    assert "row-a" not in hidden and 'scope="row"' not in hidden
    # The data keeps its index either way.
    assert list(at.dataframe[1].value.index) == ["row-a", "row-b"]


def test_cells_are_escaped():
    at = run("st.dataframe({'<b>col</b>': ['<script>alert(1)</script>']})\nst.table(['<i>x</i>'])")
    html = html_of(at.dataframe[0])
    assert "<script>" not in html and "<b>col" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;col&lt;/b&gt;" in html
    assert "&lt;i&gt;x&lt;/i&gt;" in html_of(at.table[0])


def test_add_rows_appends_to_value_and_html():
    at = run(
        "df = pd.DataFrame({'a': [1, 2], 'b': ['x', 'y']})\n"
        "table = st.table(df, hide_index=False)\n"
        "table.add_rows(pd.DataFrame({'a': [3], 'b': ['z']}))\n"
        "st.markdown('after')"
    )
    assert not at.exception
    value = at.table[0].value
    assert value.equals(pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"]}))
    html = html_of(at.table[0])
    assert html.count("<tr>") == 4  # header + 3 rows
    assert (
        '<th scope="row" class="htst-df-index">2</th><td class="htst-df-num">3</td><td>z</td>'
        in html
    )
    # Appended in place: still one table, and the markdown drawn after it follows it.
    assert len(at.table) == 1
    assert [e.type for e in at.main.get("table")] == ["table"]
    assert at.markdown[0].value == "after"


def test_add_rows_in_a_loop_keeps_counting_rows():
    at = run(
        "element = st.dataframe(pd.DataFrame(np.zeros((2, 3)), columns=['A', 'B', 'C']))\n"
        "for tick in range(5):\n"
        "    element.add_rows(pd.DataFrame([[tick, tick, tick]], columns=['A', 'B', 'C']))\n"
    )
    assert not at.exception
    value = at.dataframe[0].value
    assert len(value) == 7
    assert list(value.index) == list(range(7))
    assert value["A"].tolist() == [0, 0, 0, 1, 2, 3, 4]
    assert len(at.dataframe) == 1
    assert '<th scope="row" class="htst-df-index">6</th>' in html_of(at.dataframe[0])


def test_add_rows_takes_any_supported_data_and_a_named_dataset():
    at = run(
        "element = st.dataframe({'a': [1], 'b': [2]})\n"
        "element.add_rows([{'b': 4, 'a': 3}])\n"  # same columns, other order
        "element.add_rows([[5, 6]])\n"  # positional columns take the shown names
        "element.add_rows(more=pd.DataFrame({'a': [7], 'b': [8]}))\n"
    )
    assert not at.exception
    assert at.dataframe[0].value.equals(pd.DataFrame({"a": [1, 3, 5, 7], "b": [2, 4, 6, 8]}))


def test_add_rows_to_an_empty_dataframe_replaces_it():
    at = run("element = st.dataframe()\nelement.add_rows({'a': [1, 2]})")
    assert at.dataframe[0].value.equals(pd.DataFrame({"a": [1, 2]}))


def test_add_rows_with_other_columns_is_a_clear_error():
    at = run(
        "element = st.dataframe({'a': [1], 'b': [2]})\n"
        "element.add_rows(pd.DataFrame({'a': [3], 'c': [4]}))"
    )
    assert at.exception[0].type == "HtstAPIException"
    assert "same columns" in at.exception[0].message
    assert "'c'" in at.exception[0].message
    # The shown data is untouched.
    assert at.dataframe[0].value.equals(pd.DataFrame({"a": [1], "b": [2]}))


def test_add_rows_is_a_locked_command():
    # Methods that change the tree hold the run's tree lock (see runtime.context.command).
    assert getattr(dataframe_module.DataElement.add_rows, "__htst_command__", False)


def test_write_shows_dataframes_series_and_arrays():
    at = run(
        "st.write(pd.DataFrame({'w': [1]}))\n"
        "st.write(pd.Series([1, 2]))\n"
        "st.write(np.array([1, 2]))\n"
        "st.write({'still': 'json'})\n"
        "st.write([1, 2])\n"
    )
    assert not at.exception
    assert [e.value.to_dict("list") for e in at.dataframe] == [
        {"w": [1]},
        {0: [1, 2]},
        {"value": [1, 2]},
    ]
    assert len(at.json) == 2  # dicts and lists still go to st.json


def test_column_order_selects_and_reorders_columns():
    at = run("st.dataframe({'a': [1], 'b': [2], 'c': [3]}, column_order=['c', 'a'])")
    html = html_of(at.dataframe[0])
    assert html.index(">c</th>") < html.index(">a</th>")
    assert ">b</th>" not in html
    assert list(at.dataframe[0].value.columns) == ["a", "b", "c"]


def test_missing_pandas_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now fails
    with pytest.raises(HtstAPIException, match=r'pip install "htst\[data\]"'):
        dataframe_module.to_dataframe([1, 2])
