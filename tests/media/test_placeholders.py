"""st.space and st.skeleton."""

from __future__ import annotations

import re

import pytest

from htst.testing.v1 import AppTest


def test_space_sizes_are_drawn(make_app):
    html = make_app("import htst as st\nst.space()\nst.space('xxlarge')\nst.space(40)\nst.space('stretch')\n").test_client().get("/").get_data(as_text=True)
    spaces = re.findall(r'<div id="[^"]+" class="htst-element htst-space" aria-hidden="true"([^>]*)>', html)
    assert spaces == [' data-space="small"', ' data-space="xxlarge"', ' data-space="px" style="--htst-space:40px"', ' data-space="stretch"']
    assert "data-htst-placeholders-css" in html  # its styles come with it


@pytest.mark.parametrize("size", ["'huge'", "0", "True", "-3"])
def test_space_refuses_other_sizes(size):
    at = AppTest.from_string(f"import htst as st\nst.space({size})\n").run()
    assert "Invalid `size` value" in at.exception[0].value


def test_a_skeleton_slot_is_replaced_by_what_is_drawn_in_it():
    at = AppTest.from_string("import htst as st\nslot = st.skeleton(120)\nst.write('below')\nslot.markdown('filled')\n").run()
    assert [e.type for e in at.main.children.values()] == ["markdown", "markdown"]
    assert [m.value for m in at.markdown] == ["filled", "below"]


def test_a_skeleton_with_block_shows_while_it_runs_and_clears(make_app):
    at = AppTest.from_string("import htst as st\nwith st.skeleton():\n    st.write('loaded')\nst.write('after')\n").run()
    assert [e.type for e in at.main.children.values()] == ["spacer", "markdown", "markdown"]
    html = make_app("import htst as st\nst.skeleton(height=80, width=300)\n").test_client().get("/").get_data(as_text=True)
    skeleton = re.search(r'<div id="[^"]+" class="htst-element htst-skeleton"[^>]*>', html).group(0)
    assert 'role="status"' in skeleton and "--htst-h:80px" in skeleton and "--htst-w:300px" in skeleton


def test_a_skeleton_in_a_with_block_is_delayed_while_the_block_runs():
    at = AppTest.from_string("""
        import htst as st
        with st.skeleton() as placeholder:
            st.session_state.delayed = placeholder._target().props["delayed"]
    """).run()
    assert at.session_state.delayed is True


def test_skeleton_refuses_a_bad_height():
    at = AppTest.from_string("import htst as st\nst.skeleton(height='content')\n").run()
    assert "Invalid height value" in at.exception[0].value


def test_bottom_holds_elements_under_the_main_area(make_app):
    html = make_app("import htst as st\nst.write('body')\nst.bottom.write('pinned')\nwith st.bottom:\n    st.button('Send')\n").test_client().get("/").get_data(as_text=True)
    bottom = re.search(r'<div class="htst-bottom"><div id="hb" class="htst-block htst-root">(.*?)</div></div></main>', html, re.DOTALL).group(1)
    assert "pinned" in bottom and "Send" in bottom and "body" not in bottom
    at = AppTest.from_string("import htst as st\nst.bottom.write('pinned')\n").run()
    assert [m.value for m in at.markdown] == ["pinned"]
