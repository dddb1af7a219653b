"""AppTest behaves as streamlit.testing.v1 does, and its widget actions take the server's
road: the fields a browser would post go through the same `apply`."""

from __future__ import annotations

import pytest

from htst.testing.v1 import AppTest


# -- blocks: children by position, walked in display order ------------------------------
def _walk(block) -> list[str]:
    found = []
    for child in block.children.values():
        found.append(child.type)
        if hasattr(child, "children"):
            found.extend(_walk(child))
    return found


def test_main_and_sidebar_are_blocks_walked_in_display_order():
    def app():
        import htst as st

        st.title("Top")
        left, right = st.columns(2)
        left.button("In left")
        with right:
            st.markdown("In right")
        with st.expander("More"):
            st.text("inside")
        st.sidebar.checkbox("Side")

    at = AppTest.from_function(app).run()
    assert isinstance(at.main.children, dict)
    assert list(at.main.children) == [0, 1, 2]
    assert _walk(at.main) == ["title", "columns", "column", "button", "column", "markdown", "expander", "text"]
    assert _walk(at.sidebar) == ["checkbox"]
    assert at.main[1].children[0].button[0].label == "In left"
    assert len(at.main) == 3


def test_callback_output_comes_first_in_main():
    def app():
        import htst as st

        st.button("Go", on_click=lambda: st.write("from the callback"))
        st.write("page")

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert [child.value for child in at.main.children.values() if child.type == "markdown"] == ["from the callback", "page"]


# -- options by their displayed text ------------------------------------------------------
ENUM_APP = """
from enum import Enum
import htst as st

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

sb = st.selectbox("sb", Color)
rd = st.radio("rd", Color)
ms = st.multiselect("ms", Color)
ss = st.select_slider("ss", options=list(Color))
pl = st.pills("pl", list(Color))
sc = st.segmented_control("sc", list(Color), selection_mode="multi")
fmt = st.selectbox("fmt", [1, 2, 3], format_func=lambda n: f"#{n}")
st.write(repr((sb, rd, ms, ss, pl, sc, fmt)))
"""


def test_options_are_picked_by_their_displayed_text():
    at = AppTest.from_string(ENUM_APP).run()
    at.selectbox[0].select("Color.GREEN")
    at.radio[0].set_value("Color.BLUE")
    at.multiselect[0].select("Color.RED").select("Color.BLUE")
    at.select_slider[0].set_value("Color.GREEN")
    at.button_group[0].select("Color.RED")
    at.button_group[1].select("Color.GREEN").select("Color.BLUE")
    at.selectbox[1].select("#3")
    at.run()
    assert not at.exception
    assert at.markdown[0].value == (
        "(<Color.GREEN: 2>, <Color.BLUE: 3>, [<Color.RED: 1>, <Color.BLUE: 3>], <Color.GREEN: 2>, "
        "<Color.RED: 1>, [<Color.GREEN: 2>, <Color.BLUE: 3>], 3)"
    )
    # …and by the option itself, as before.
    Color = type(at.selectbox[0].value)
    at.selectbox[0].select(Color.RED).run()
    assert at.selectbox[0].value.name == "RED"


def test_an_unknown_option_text_is_an_error():
    at = AppTest.from_string(ENUM_APP).run()
    with pytest.raises(Exception, match="not one of the options"):
        at.selectbox[0].select("Color.PURPLE")


# -- element types ------------------------------------------------------------------------
def test_an_unknown_element_type_is_an_attribute_error():
    at = AppTest.from_string("import htst as st\nst.write('x')").run()
    with pytest.raises(AttributeError):
        at.line_chart_typo
    with pytest.raises(AttributeError):
        at.main.markdwn


@pytest.mark.parametrize(
    "name",
    ["markdown", "button", "button_group", "datetime_input", "expander", "status", "toast", "exception",
     "metric", "table", "dataframe", "json", "code", "chat_input", "chat_message", "color_picker",
     "text_area", "time_input", "date_input", "number_input", "select_slider", "feedback"],
)
def test_every_element_type_is_reachable(name):
    at = AppTest.from_string("import htst as st\nst.write('x')").run()
    assert len(getattr(at, name)) >= 0


# -- one road: AppTest takes the rules a browser post takes --------------------------------
DISABLED = """
import htst as st
name = st.text_input("Name", "Ann", key="name", disabled=True)
n = st.number_input("N", 0, 10, 5, key="n", disabled=True)
st.write(f"name={name} n={n}")
"""


def test_a_disabled_widgets_value_is_ignored_in_apptest():
    at = AppTest.from_string(DISABLED).run()
    at.text_input(key="name").input("Bob")
    at.number_input(key="n").increment()
    at.run()
    assert at.markdown[0].value == "name=Ann n=5"


def test_a_disabled_widgets_value_is_ignored_over_http(make_app, open_tab):
    tab = open_tab(make_app(DISABLED).test_client())
    tab.post({"name": "Bob", "_htst_step": f"{tab.wid('N')}:+1"})
    assert "name=Ann n=5" in tab.page.text


FORM = """
import htst as st
with st.form("f"):
    word = st.text_input("Word", key="word")
    sent = st.form_submit_button("Send")
st.write(f"word={word!r} sent={sent}")
"""


def test_a_form_value_waits_for_submit_in_apptest():
    at = AppTest.from_string(FORM).run()
    at.text_input(key="word").input("hi").run()
    assert at.markdown[0].value == "word='' sent=False"
    at.button[0].click().run()
    assert at.markdown[0].value == "word='hi' sent=True"


def test_a_form_value_waits_for_submit_over_http(make_app, open_tab):
    tab = open_tab(make_app(FORM).test_client())
    tab.post({"word": "hi"}, htmx=True)
    tab.post({"_htst_rerun": "1"})
    assert "word='' sent=False" in tab.page.text
    tab.post({"word": "hi", "_htst_click": tab.wid("Send")})
    assert "word='hi' sent=True" in tab.page.text
