"""`help=`: a focusable "?" button named "Help for <label>", described by a role="tooltip"
element that holds the help as markdown (WAI-ARIA tooltip pattern); a button is its own
trigger. The widget's own accessible name stays its label."""

from __future__ import annotations

import pytest

# Every command that takes `help`, with the label its help button is named after (None: a
# button, described by the tooltip itself).
COMMANDS = {
    "text_input": ("st.text_input('Name', help={h})", "Name"),
    "text_area": ("st.text_area('Notes', help={h})", "Notes"),
    "number_input": ("st.number_input('Count', help={h})", "Count"),
    "selectbox": ("st.selectbox('Unit', ['a', 'b'], help={h})", "Unit"),
    "multiselect": ("st.multiselect('Tags', ['a', 'b'], help={h})", "Tags"),
    "slider": ("st.slider('Size', 0, 9, help={h})", "Size"),
    "select_slider": ("st.select_slider('Level', ['a', 'b'], help={h})", "Level"),
    "radio": ("st.radio('Mood', ['a', 'b'], help={h})", "Mood"),
    "pills": ("st.pills('Pick', ['a', 'b'], help={h})", "Pick"),
    "segmented_control": ("st.segmented_control('Mode', ['a', 'b'], help={h})", "Mode"),
    "checkbox": ("st.checkbox('Agree', help={h})", "Agree"),
    "toggle": ("st.toggle('On', help={h})", "On"),
    "date_input": ("st.date_input('Day', help={h})", "Day"),
    "time_input": ("st.time_input('Time', help={h})", "Time"),
    "color_picker": ("st.color_picker('Colour', help={h})", "Colour"),
    "file_uploader": ("st.file_uploader('File', help={h})", "File"),
    "metric": ("st.metric('Speed', 3, help={h})", "Speed"),
    "badge": ("st.badge('New', help={h})", "New"),
    "title": ("st.title('Big', help={h})", "Big"),
    "header": ("st.header('Part', help={h})", "Part"),
    "subheader": ("st.subheader('Sub', help={h})", "Sub"),
    "markdown": ("st.markdown('Some *text*', help={h})", "Some text"),
    "caption": ("st.caption('Small', help={h})", "Small"),
    "text": ("st.text('Plain', help={h})", "Plain"),
    "button": ("st.button('Go', help={h})", None),
    "download_button": ("st.download_button('Save', b'x', help={h})", None),
    "link_button": ("st.link_button('Open', 'https://example.com', help={h})", None),
    "form_submit_button": ("with st.form('f'):\n    st.form_submit_button('Send', help={h})", None),
    "popover": ("with st.popover('More', help={h}):\n    st.write('x')", None),
}

HELP = "Use **bold** <b>not HTML</b>"


def _tooltip(page, trigger):
    tip = page.dom.find(id=trigger["aria-describedby"])
    assert tip["role"] == "tooltip" and "htst-tooltip" in tip.classes
    return tip


@pytest.mark.parametrize("command", COMMANDS)
def test_help_is_a_button_described_by_its_tooltip(serve, command):
    line, label = COMMANDS[command]
    page = serve("import htst as st\n" + line.format(h=repr(HELP)) + "\n")
    main = page.dom.find(id="hm")
    if label is None:
        (trigger,) = main.find_all(aria_describedby=True)
        assert trigger.tag in ("button", "a", "summary") and "title" not in trigger.attrs
    else:
        (trigger,) = main.find_all("button", cls="htst-help-button")
        assert trigger["aria-label"] == f"Help for {label}" and trigger["type"] == "button"
        assert trigger.text == "?"
    tip = _tooltip(page, trigger)
    # Markdown rendered; the user's HTML escaped.
    assert tip.find("strong").text == "bold"
    assert not tip.find_all("b") and "<b>not HTML</b>" in tip.text
    # One tooltip per help.
    assert len(page.dom.find_all(role="tooltip")) == 1


@pytest.mark.parametrize("command", ["text_input", "selectbox", "slider", "color_picker", "checkbox"])
def test_a_widget_keeps_its_label_as_its_name(serve, command):
    line, label = COMMANDS[command]
    page = serve("import htst as st\n" + line.format(h=repr(HELP)) + "\n")
    (el,) = page.dom.find(id="hm").find_all("label", cls="htst-label")
    # The label holds its text and nothing that could join the control's name.
    assert el.text == label and not el.children[1:] and not el.find_all("button")


@pytest.mark.parametrize("command", ["radio", "pills"])
def test_a_fieldset_takes_its_name_from_the_legend_text_alone(serve, command):
    line, label = COMMANDS[command]
    page = serve("import htst as st\n" + line.format(h=repr(HELP)) + "\n")
    fieldset = page.dom.find("fieldset")
    assert page.dom.find(id=fieldset["aria-labelledby"]).text == label
    # The help stays in the legend: a disabled fieldset does not disable it there.
    assert fieldset.find("legend").find_all("button", cls="htst-help-button")


def test_a_popover_is_named_by_its_label_not_its_tooltip(serve):
    page = serve("import htst as st\nwith st.popover('More', help='Tip'):\n    st.write('x')\n")
    summary = page.dom.find("summary")
    assert page.dom.find(id=summary["aria-labelledby"]).text == "More"


def test_without_help_there_is_no_button_no_tooltip_and_no_tooltip_sheet(serve):
    page = serve("import htst as st\nst.text_input('Name')\nst.button('Go')\n")
    assert not page.dom.find_all(role="tooltip") and not page.dom.find_all(cls="htst-help")
    assert not page.dom.find_all(aria_describedby=True)
    assert "data-htst-tooltip-css" not in page.html


def test_the_tooltip_sheet_comes_with_the_first_help(serve):
    assert "data-htst-tooltip-css" in serve("import htst as st\nst.checkbox('A', help='x')\n").html


@pytest.mark.parametrize("visibility", ["hidden", "collapsed"])
def test_a_label_not_shown_shows_no_help(serve, visibility):
    page = serve(f"import htst as st\nst.text_input('Name', help='x', label_visibility={visibility!r})\n")
    assert not page.dom.find_all(role="tooltip") and not page.dom.find_all("button", cls="htst-help-button")
