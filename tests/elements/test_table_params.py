"""st.table's Streamlit 1.67 parameters (width, height, hide_index, hide_header, alt,
border) and st.dataframe's placeholder and alt."""

from __future__ import annotations

import logging

import pytest
from text_dom import main

from htst.testing.v1 import AppTest

pytest.importorskip("pandas")


def run(source: str) -> AppTest:
    return AppTest.from_string("import htst as st\nimport pandas as pd\n" + source).run()


def header(el) -> list[str]:
    return [th.text for th in el.find("thead").find_all("th")] if el.has("thead") else []


def first_row(el) -> list[str]:
    return [cell.text for cell in el.find("tbody").find("tr").children]


# -- hide_index / hide_header defaults (None) ---------------------------------------------


@pytest.mark.parametrize(
    ("data", "index_shown", "header_shown"),
    [
        ("pd.DataFrame({'a': [1, 2]})", False, True),
        ("pd.DataFrame({'a': [1, 2]}, index=['x', 'y'])", True, True),
        ("{'a': [1, 2]}", False, True),
        ("{'a': 1, 'b': 2}", True, False),
        ("[[1, 2], [3, 4]]", False, False),
        ("[1, 2, 3]", False, False),
        ("(1, 2)", False, False),
        ("{1, 2}", False, False),
        ("np.array([[1, 2], [3, 4]])", False, False),
        ("[{'a': 1}, {'a': 2}]", False, True),
        ("pd.Series([1, 2], name='s')", False, True),
    ],
)
def test_default_index_and_header_follow_the_data(tmp_path, data, index_shown, header_shown):
    (el,) = main(tmp_path, f"import numpy as np, pandas as pd\nst.table({data})")
    assert el.has("th", "htst-df-index") == index_shown
    assert el.has("thead") == header_shown


def test_hide_index_true_and_false(tmp_path):
    hidden, shown = main(
        tmp_path,
        "import pandas as pd\ndf = pd.DataFrame({'a': [1]}, index=['row'])\n"
        "st.table(df, hide_index=True)\nst.table(pd.DataFrame({'a': [1]}), hide_index=False)",
    )
    assert not hidden.has("th", "htst-df-index") and first_row(hidden) == ["1"]
    assert first_row(shown) == ["0", "1"]


def test_hide_header_true_and_false(tmp_path):
    hidden, shown = main(
        tmp_path, "st.table({'a': [1]}, hide_header=True)\nst.table([[1, 2]], hide_header=False)"
    )
    assert not hidden.has("thead") and first_row(hidden) == ["1"]
    assert header(shown) == ["0", "1"]


def test_add_rows_keeps_the_hidden_index():
    at = run("t = st.table(pd.DataFrame({'a': [1]}))\nt.add_rows(pd.DataFrame({'a': [2]}))")
    assert at.table[0].index_rows == ()
    assert at.table[0].value["a"].tolist() == [1, 2]


# -- width and height -------------------------------------------------------------------


def test_width(tmp_path):
    default, content, pixels = main(
        tmp_path, "st.table([1])\nst.table([1], width='content')\nst.table([1], width=250)"
    )
    assert default["data-width"] == "stretch"
    assert content["data-width"] == "content"
    assert pixels["data-width"] == "px" and "--htst-w:250px" in pixels["style"]


def test_height(tmp_path):
    default, stretch, pixels = main(
        tmp_path, "st.table([1])\nst.table([1], height='stretch')\nst.table([1], height=120)"
    )
    assert default["data-height"] == "content" and "role" not in default
    assert stretch["data-height"] == "stretch"
    assert pixels["data-height"] == "px" and "--htst-h:120px" in pixels["style"]
    # A box that scrolls can be scrolled with the keyboard, and has a name.
    assert (
        pixels["tabindex"] == "0" and pixels["role"] == "region" and pixels["aria-label"] == "Table"
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "st.table([1], width='auto')",
            "Invalid width value: 'auto'. Width must be either a positive integer (pixels), 'stretch', or 'content'.",
        ),
        (
            "st.table([1], height='auto')",
            "Invalid height value: 'auto'. Height must be either a positive integer (pixels), 'stretch', or 'content'.",
        ),
        (
            "st.table([1], height=0)",  # as Streamlit 1.67 words it
            "Invalid height value: 0. Height must be either a positive integer (pixels), 'stretch', or 'content'.",
        ),
        (
            "st.table([1], border='dotted')",
            "Invalid `border` value. Supported values: True, False, 'horizontal'.",
        ),
    ],
)
def test_size_and_border_errors(call, message):
    assert run(call).exception[0].message == message


# -- alt ---------------------------------------------------------------------------------


def test_table_alt_names_the_table(tmp_path):
    named, default = main(tmp_path, "st.table([1], alt='Monthly sales')\nst.table([1])")
    assert named.find("table")["aria-label"] == "Monthly sales"
    assert "aria-label" not in default.find("table")


def test_dataframe_alt_names_its_region(tmp_path):
    named, default = main(tmp_path, "st.dataframe([1, 2], alt='Sales')\nst.dataframe([1, 2])")
    assert named.find(cls="htst-df-scroll")["aria-label"] == "Sales"
    assert default.find(cls="htst-df-scroll")["aria-label"] == "Dataframe, 2 rows"


def test_blank_alt_is_ignored_with_a_warning(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="htst"):
        (el,) = main(tmp_path, "st.table([1], alt='  ')")
    assert "aria-label" not in el.find("table")
    assert any("alt" in record.getMessage() for record in caplog.records)


# -- dataframe placeholder ----------------------------------------------------------------


def test_dataframe_placeholder_fills_missing_cells(tmp_path):
    custom, default = main(
        tmp_path,
        "data = {'a': [1.0, None], 'b': ['x', None]}\n"
        "st.dataframe(data, placeholder='—')\nst.dataframe(data)",
    )
    custom_cells = custom.find_all("td", "htst-df-null")
    assert [c.text for c in custom_cells] == ["—", "—"]
    assert [c.text for c in default.find_all("td", "htst-df-null")] == ["None", "None"]


def test_dataframe_placeholder_must_be_text():
    assert run("st.dataframe([1], placeholder=5)").exception[0].message == (
        "Invalid `placeholder` type. Expected one of: str, None. Provided type: int."
    )
