"""Commands Streamlit has removed: an old script learns what replaces them, and they stay
absent (hasattr is False) as in Streamlit 1.67."""

from __future__ import annotations

import pytest

import htst as st
from htst.testing.v1 import AppTest


@pytest.mark.parametrize(
    "name, hint",
    [("bokeh_chart", "st.html(bokeh.embed.file_html"), ("experimental_rerun", "st.rerun()"), ("cache", "st.cache_data")],
)
def test_a_removed_command_names_its_replacement(name, hint):
    assert not hasattr(st, name)
    at = AppTest.from_string(f"import htst as st\nst.{name}()").run()
    assert hint in at.exception[0].message


def test_an_unknown_name_is_a_plain_attribute_error():
    with pytest.raises(AttributeError, match="module 'htst' has no attribute 'line_chrat'"):
        st.line_chrat  # noqa: B018
