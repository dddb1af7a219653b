"""st.dataframe and st.table as HTML: table structure, missing values, sizes, the row cap."""

from __future__ import annotations

import textwrap
from html.parser import HTMLParser

import pytest

pytest.importorskip("pandas")

import htst
from htst.elements import dataframe as dataframe_module
from htst.render.html import Renderer
from htst.testing.v1 import AppTest


class Table(HTMLParser):
    """The cells of every <table>, as (tag, scope, class, text), row by row; plus root attrs."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root: dict[str, str | None] | None = None
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.head: list[list[tuple[str, str | None, str, str]]] = []
        self.body: list[list[tuple[str, str | None, str, str]]] = []
        self.notes: list[str] = []
        self._section = ""
        self._cell: list | None = None
        self._note: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self.root is None:
            self.root = a
        self.tags.append((tag, a))
        if tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr":
            (self.head if self._section == "thead" else self.body).append([])
        elif tag in ("th", "td"):
            self._cell = [tag, a.get("scope"), a.get("class") or "", ""]
        elif tag == "p":
            self._note = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            rows = self.head if self._section == "thead" else self.body
            rows[-1].append(tuple(self._cell))
            self._cell = None
        elif tag == "p" and self._note is not None:
            self.notes.append("".join(self._note).strip())
            self._note = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell[3] += data
        if self._note is not None:
            self._note.append(data)

    def texts(self, rows) -> list[list[str]]:
        return [[cell[3] for cell in row] for row in rows]


def draw(source: str, element: str = "dataframe", index: int = 0) -> Table:
    at = AppTest.from_string(
        "import htst as st\nimport pandas as pd\nimport numpy as np\nimport datetime as dt\n"
        + textwrap.dedent(source)
    ).run()
    assert not at.exception, at.exception
    node = at.get(element)[index]._node
    return Table(Renderer().node(node))


def test_header_cells_are_column_headers_and_index_cells_row_headers():
    t = draw("st.dataframe(pd.DataFrame({'name': ['a', 'b'], 'n': [1, 2]}))")
    assert [(c[0], c[1]) for c in t.head[0]] == [("th", "col")] * 3
    assert t.texts(t.head) == [["", "name", "n"]]
    assert [(c[0], c[1], c[3]) for c in t.body[0]] == [
        ("th", "row", "0"),
        ("td", None, "a"),
        ("td", None, "1"),
    ]
    assert t.texts(t.body) == [["0", "a", "1"], ["1", "b", "2"]]


def test_hide_index_drops_the_row_headers():
    t = draw("st.dataframe(pd.DataFrame({'n': [1, 2]}), hide_index=True)")
    assert t.texts(t.head) == [["n"]]
    assert all(cell[0] == "td" for row in t.body for cell in row)


def test_named_and_multi_level_index_and_column_names_as_strings():
    t = draw(
        "df = pd.DataFrame({1: [5, 6], ('x', 'y'): [7, 8]},"
        " index=pd.MultiIndex.from_tuples([('k', 1), ('k', 2)], names=['key', None]))\n"
        "st.dataframe(df)"
    )
    assert t.texts(t.head) == [["key", "", "1", "x / y"]]
    assert t.texts(t.body)[1] == ["k", "2", "6", "8"]
    assert [c[1] for c in t.body[1]] == ["row", "row", None, None]


def test_numbers_are_right_aligned_and_text_is_not():
    t = draw("st.dataframe({'i': [1], 'f': [1.5], 's': ['x'], 'b': [True]}, hide_index=True)")
    numeric = ["htst-df-num" in cell[2] for cell in t.head[0]]
    assert numeric == [True, True, False, False]
    assert ["htst-df-num" in cell[2] for cell in t.body[0]] == numeric
    assert t.texts(t.body) == [["1", "1.5", "x", "true"]]


def test_missing_values_show_as_muted_none():
    t = draw(
        "st.dataframe({'f': [1.0, None], 's': ['a', None], 't': [pd.Timestamp('2020-01-10'), None]},"
        " hide_index=True)"
    )
    assert t.texts(t.body)[1] == ["None", "None", "None"]
    assert all("htst-df-null" in cell[2] for cell in t.body[1])
    assert not any("htst-df-null" in cell[2] for cell in t.body[0])


def test_floats_and_datetimes_display_like_streamlit():
    t = draw(
        "data = {'f': [0.123456, 2.0], 'when': [dt.datetime(2020, 1, 10, 10, 30), dt.datetime(2021, 2, 3)],"
        " 'day': [dt.date(2020, 1, 10), dt.date(2020, 1, 11)]}\n"
        "st.dataframe(data, hide_index=True)\nst.table(data)"
    )
    # st.dataframe trims to at most four decimals; naive datetimes have no timezone.
    assert t.texts(t.body) == [
        ["0.1235", "2020-01-10 10:30:00", "2020-01-10"],
        ["2", "2021-02-03 00:00:00", "2020-01-11"],
    ]
    table = draw("st.table({'f': [0.123456, 2.0]}, hide_index=False)", element="table")
    # st.table keeps four decimals.
    assert table.texts(table.body) == [["0", "0.1235"], ["1", "2.0000"]]


def test_dataframe_is_a_scrolling_box_sized_by_width_and_height():
    t = draw("st.dataframe([1, 2])")
    assert "htst-df--stretch" in t.root["class"]
    scroll = next(a for tag, a in t.tags if "htst-df-scroll" in (a.get("class") or ""))
    assert "htst-df-scroll--auto" in scroll["class"]  # about ten rows, then it scrolls
    assert scroll["tabindex"] == "0"  # keyboard users can scroll it

    t = draw("st.dataframe([1, 2], width=300, height=200)")
    assert t.root["style"] == "width:300px"
    scroll = next(a for tag, a in t.tags if "htst-df-scroll" in (a.get("class") or ""))
    assert scroll["style"] == "max-height:200px" and "--auto" not in scroll["class"]

    t = draw("st.dataframe([1, 2], use_container_width=False, height='content')")
    assert "htst-df--content" in t.root["class"]
    scroll = next(a for tag, a in t.tags if "htst-df-scroll" in (a.get("class") or ""))
    assert "style" not in scroll and "--auto" not in scroll["class"]


@pytest.mark.parametrize(
    ("border", "css"), [(True, "all"), (False, "none"), ("'horizontal'", "horizontal")]
)
def test_table_borders(border, css):
    t = draw(f"st.table([1], border={border})", element="table")
    assert f"htst-table--border-{css}" in t.root["class"]
    assert not any("htst-df-scroll" in (a.get("class") or "") for _, a in t.tags)


@pytest.mark.parametrize("element", ["dataframe", "table"])
def test_large_frames_are_capped_with_a_note_but_value_is_whole(element):
    rows = dataframe_module.MAX_ROWS + 5
    at = AppTest.from_string(f"import htst as st\nst.{element}(list(range({rows})))").run()
    got = at.get(element)[0]
    t = Table(Renderer().node(got._node))
    assert len(t.body) == dataframe_module.MAX_ROWS == 10_000
    assert t.notes == [f"Showing the first 10,000 of {rows:,} rows."]
    assert len(got.value) == rows


def test_no_note_when_every_row_is_shown():
    t = draw("st.dataframe(list(range(20)))")
    assert len(t.body) == 20 and t.notes == []


def test_add_rows_html_is_not_stale_in_the_leaf_cache():
    # The renderer caches leaf HTML by public props: add_rows must change them.
    renderer = Renderer()
    at = AppTest.from_string(
        "import htst as st\ne = st.table({'a': [1]}, hide_index=False)\nif st.session_state.get('more'):\n"
        "    e.add_rows({'a': [2]})\n"
    ).run()
    before = Table(renderer.node(at.table[0]._node))
    at.session_state["more"] = True
    at.run()
    after = Table(renderer.node(at.table[0]._node))
    assert before.texts(before.body) == [["0", "1"]]
    assert after.texts(after.body) == [["0", "1"], ["1", "2"]]


def test_served_page_holds_the_table(tmp_path):
    script = tmp_path / "app.py"
    script.write_text(
        "import htst as st\nimport pandas as pd\n"
        "st.write(pd.DataFrame({'city': ['Oslo <x>'], 'pop': [709000]}))\n",
        encoding="utf-8",
    )
    app = htst.create_app(script)
    app.testing = True
    html = app.test_client().get("/").get_data(as_text=True)
    start = html.index('class="htst-element htst-dataframe')
    fragment = html[html.rindex("<div", 0, start) : html.index("</table>", start) + len("</table>")]
    t = Table(fragment)
    assert t.texts(t.head) == [["", "city", "pop"]]
    assert t.texts(t.body) == [["0", "Oslo <x>", "709000"]]
    assert "Oslo &lt;x&gt;" in fragment
