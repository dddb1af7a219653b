"""Page labels, URL pathnames and sort order from file and callable names (docs 7.1, 7.3)."""

from __future__ import annotations

import pytest

from htst.runtime.pages import name_of_callable, name_of_file


@pytest.mark.parametrize(
    "stem", ["Awesome page", "Awesome_page", "02Awesome_page", "--Awesome_page", "1_Awesome_page", "33 - Awesome page"]
)
def test_every_documented_file_name_shows_as_awesome_page(stem):
    name = name_of_file(stem)
    assert name.label == "Awesome page"
    assert name.url_path == "Awesome_page"


@pytest.mark.parametrize("name", ["Awesome_page", "_Awesome_page", "__Awesome_page__"])
def test_callables_show_the_same_label_but_keep_their_name_as_url(name):
    page = name_of_callable(name)
    assert page.label == "Awesome page"
    assert page.url_path == name  # "the pathname would include the leading and trailing underscores"


@pytest.mark.parametrize(
    "stem, label, url",
    [
        ("1 - first page", "first page", "first_page"),
        ("12 monkeys", "monkeys", "monkeys"),
        ("123", "123", "123"),
        ("123_hello_dear_world", "hello dear world", "hello_dear_world"),
        ("_12 monkeys", "12 monkeys", "12_monkeys"),
        ("007", "007", "007"),  # leading zeros kept
        ("🏠_Home", "🏠 Home", "🏠_Home"),
        ("a__b  c", "a b  c", "a_b_c"),  # runs of underscores: one space; of spaces/underscores: one "_"
    ],
)
def test_the_docs_table_of_labels_and_pathnames(stem, label, url):
    name = name_of_file(stem)
    assert (name.label, name.url_path) == (label, url)


@pytest.mark.parametrize("stem", ["_", "__", "-", " - ", "_-_"])
def test_a_name_that_is_only_a_separator_is_not_listed(stem):
    assert name_of_file(stem).label == ""


def test_sorted_as_the_docs_table():
    """Numbered files first, by number as a number (03 == 3), then by label."""
    stems = ["_12 monkeys", "123_hello_dear_world", "12 monkeys", "1 - first page", "123", "apple", "Banana"]
    ordered = sorted(stems, key=lambda stem: name_of_file(stem).sort_key)
    assert [name_of_file(s).label for s in ordered] == [
        "first page", "monkeys", "123", "hello dear world", "12 monkeys", "Banana", "apple",
    ]
    assert name_of_file("03_x").sort_key < name_of_file("4_a").sort_key
