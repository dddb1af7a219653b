"""`width` on every input widget (and chat_input's `height`), and `wrap` on checkbox,
toggle, pills, segmented_control and multiselect: what the page draws for them."""

from __future__ import annotations

import pytest

from htst.testing.v1 import AppTest

# (call drawing the widget labelled "W", its width default, whether it takes "content")
WIDTHS = {
    "checkbox": ('st.checkbox("W"{})', "content", True),
    "toggle": ('st.toggle("W"{})', "content", True),
    "radio": ('st.radio("W", ["a"]{})', "content", True),
    "pills": ('st.pills("W", ["a"]{})', "content", True),
    "segmented_control": ('st.segmented_control("W", ["a"]{})', "content", True),
    "feedback": ('st.feedback("thumbs"{})', "content", True),
    "color_picker": ('st.color_picker("W"{})', "content", True),
    "selectbox": ('st.selectbox("W", ["a"]{})', "stretch", False),
    "multiselect": ('st.multiselect("W", ["a"]{})', "stretch", False),
    "slider": ('st.slider("W"{})', "stretch", False),
    "select_slider": ('st.select_slider("W", ["a", "b"]{})', "stretch", False),
    "number_input": ('st.number_input("W"{})', "stretch", False),
    "text_input": ('st.text_input("W"{})', "stretch", False),
    "text_area": ('st.text_area("W"{})', "stretch", False),
    "date_input": ('st.date_input("W"{})', "stretch", False),
    "time_input": ('st.time_input("W"{})', "stretch", False),
    "file_uploader": ('st.file_uploader("W"{})', "stretch", False),
    "chat_input": ('st.chat_input("W"{})', "stretch", False),
}


def _root(page, kind: str):
    """The element's root: the page's only widget (feedback and chat_input have no label)."""
    (root,) = page.dom.find_all(cls="htst-widget")
    return root


def _script(kind: str, params: str = "") -> str:
    return "import htst as st\n" + WIDTHS[kind][0].format(", " + params if params else "") + "\n"


@pytest.mark.parametrize("kind", WIDTHS)
def test_width_default(serve, kind):
    assert _root(serve(_script(kind)), kind)["data-width"] == WIDTHS[kind][1]


@pytest.mark.parametrize("kind", WIDTHS)
def test_width_in_pixels_and_stretch(serve, kind):
    root = _root(serve(_script(kind, "width=321")), kind)
    assert (root["data-width"], root["style"]) == ("px", "--htst-w:321px;")
    assert _root(serve(_script(kind, "width='stretch'")), kind)["data-width"] == "stretch"


@pytest.mark.parametrize("kind", WIDTHS)
def test_width_content_where_streamlit_takes_it(serve, kind):
    if WIDTHS[kind][2]:
        assert _root(serve(_script(kind, "width='content'")), kind)["data-width"] == "content"
    else:
        at = AppTest.from_string(_script(kind, "width='content'")).run()
        assert at.exception[0].message == "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."


@pytest.mark.parametrize("kind", WIDTHS)
def test_width_errors(kind):
    at = AppTest.from_string(_script(kind, "width='auto'")).run()
    assert at.exception[0].message.startswith("Invalid width value: 'auto'. Width must be either a positive integer (pixels)")


@pytest.mark.parametrize(("given", "pixels"), [("10", 40), ("0", 40), ("-5", 40), ("True", 40), ("41", 41)])
def test_color_picker_width_is_at_least_40_pixels(serve, given, pixels):
    root = _root(serve(_script("color_picker", f"width={given}")), "color_picker")
    assert root["style"] == f"--htst-w:{pixels}px;"


@pytest.mark.parametrize(
    ("params", "fill", "min_height"),
    [("", False, None), ("height='content'", False, None), ("height='stretch'", True, None), ("height=90", False, "min-height:90px")],
)
def test_chat_input_height(serve, params, fill, min_height):
    root = _root(serve(_script("chat_input", params)), "chat_input")
    assert (root.get("data-height") == "stretch") is fill
    assert root.find("input").get("style") == min_height


def test_chat_input_height_errors():
    at = AppTest.from_string(_script("chat_input", "height=0")).run()
    assert at.exception[0].message == "Invalid height value: 0. Height must be either a positive integer (pixels), 'stretch', or 'content'."


# -- wrap ----------------------------------------------------------------------------------

WRAPS = {
    "checkbox": 'st.checkbox("W"{})',
    "toggle": 'st.toggle("W"{})',
    "pills": 'st.pills("W", ["a", "b"]{})',
    "segmented_control": 'st.segmented_control("W", ["a", "b"]{})',
    "multiselect": 'st.multiselect("W", ["a", "b"], default=["a"]{})',
}


def _one_line(root) -> bool:
    """Whether the widget keeps its label (checkbox/toggle), its options (pills) or its
    chosen options (multiselect) on one line."""
    if root.has("ul", cls="htst-chips"):
        return "data-nowrap" in root.find("ul", cls="htst-chips").attrs
    return "data-nowrap" in root.attrs


@pytest.mark.parametrize("kind", WRAPS)
@pytest.mark.parametrize(
    ("params", "in_column", "one_line"),
    [("", False, False), ("", True, True), ("wrap=True", True, False), ("wrap=False", False, True)],
)
def test_wrap(serve, kind, params, in_column, one_line):
    call = WRAPS[kind].format(", " + params if params else "")
    source = f"import htst as st\nwith st.columns(2)[0]:\n    {call}\n" if in_column else f"import htst as st\n{call}\n"
    page = serve(source)
    assert _one_line(page.widget("W")) is one_line


@pytest.mark.parametrize("kind", ["checkbox", "toggle"])
def test_a_one_line_label_shows_whole_on_hover_even_with_help(serve, kind):
    page = serve(f'import htst as st\nst.{kind}("A long label", wrap=False, help="Help")\n')
    assert page.widget("A long label").find("label")["title"] == "A long label"


@pytest.mark.parametrize("kind", WRAPS)
def test_wrap_refuses_what_is_not_a_bool(kind):
    at = AppTest.from_string("import htst as st\n" + WRAPS[kind].format(", wrap='no'") + "\n").run()
    assert at.exception[0].message == "Invalid `wrap` value: 'no'. Supported values: True, False, None."


# -- chat_input submit_mode -----------------------------------------------------------------


@pytest.mark.parametrize(("mode", "marked", "stop"), [("submit", None, False), ("disable", "disable", False), ("stop", "stop", True)])
def test_chat_input_submit_mode_is_drawn_for_the_browser(serve, mode, marked, stop):
    root = _root(serve(_script("chat_input", f"submit_mode={mode!r}")), "chat_input")
    assert root.get("data-submit-mode") == marked
    assert root.has("button", name="_htst_stop") is stop


@pytest.mark.parametrize("mode", ["'later'", "None"])
def test_chat_input_submit_mode_errors(mode):
    at = AppTest.from_string(_script("chat_input", f"submit_mode={mode}")).run()
    assert at.exception[0].message == "Invalid `submit_mode` value. Supported values: 'submit', 'disable', 'stop'."


def test_chat_input_audio_sample_rate_is_checked():
    at = AppTest.from_string(_script("chat_input", "audio_sample_rate=5")).run()
    assert at.exception[0].message == "Invalid `audio_sample_rate` value. Supported values: 8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000, None."
    assert not AppTest.from_string(_script("chat_input", "audio_sample_rate=None")).run().exception
