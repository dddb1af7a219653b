"""Width of st.progress and st.spinner, and st.toast's icon rules (Streamlit 1.67)."""

from __future__ import annotations

import pytest
from text_dom import main, page_html, parse

from htst.testing.v1 import AppTest


def run(source: str) -> AppTest:
    return AppTest.from_string("import htst as st\n" + source).run()


def test_progress_width(tmp_path):
    default, pixels = main(tmp_path, "st.progress(10)\nst.progress(20, 'Loading', 240)")
    assert default["data-width"] == "stretch"
    assert pixels["data-width"] == "px" and "--htst-w:240px" in pixels["style"]
    assert pixels.find("progress")["value"] == "20"


def test_progress_width_is_stretch_or_pixels():
    assert run("st.progress(10, width='content')").exception[0].message == (
        "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."
    )


@pytest.mark.parametrize(
    ("width", "shown", "style"),
    [("content", "content", None), ("stretch", "stretch", None), (300, "px", "--htst-w:300px")],
)
def test_spinner_width(tmp_path, width, shown, style):
    # A spinner is only on the page while its block runs: the block renders the page.
    source = (
        "from htst.render.html import Renderer\n"
        "from htst.runtime.context import current\n"
        f"with st.spinner('Working', width={width!r}):\n"
        "    node = current().roots['main'].children[-1]\n"
        "    st.session_state['html'] = Renderer().node(node)\n"
    )
    at = run(source)
    assert not at.exception
    (el,) = parse(at.session_state["html"]).children
    assert "htst-spinner-el" in el.classes
    assert el["data-width"] == shown
    assert (el.get("style") or "").rstrip(";") == (style or "")


def test_spinner_width_default_is_content():
    at = run(
        "from htst.runtime.context import current\n"
        "with st.spinner():\n"
        "    st.session_state['width'] = current().roots['main'].children[-1].props['width']\n"
    )
    assert at.session_state["width"] == "content"


def test_spinner_width_error():
    assert run("st.spinner(width='auto')").exception[0].message == (
        "Invalid width value: 'auto'. Width must be either a positive integer (pixels), 'stretch', or 'content'."
    )


def test_toast_icon_rules():
    at = run(
        "st.toast('Saved', icon='✅')\nst.toast('Saved', icon=':material/check:')\nst.toast('x', icon=' ')"
    )
    assert [t.icon for t in at.toast] == ["✅", ":material/check:", None]
    assert (
        'The value "bad" is not a valid icon.'
        in run("st.toast('x', icon='bad')").exception[0].message
    )


def test_toast_material_icon_is_drawn(tmp_path):
    root = parse(page_html(tmp_path, "st.toast('Saved', icon=':material/check:')"))
    icon = root.find(cls="htst-toast").find(cls="htst-icon")
    assert icon["data-icon"] == "check" and icon["aria-hidden"] == "true"
