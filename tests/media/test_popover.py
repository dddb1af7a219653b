"""st.popover: a button that opens a container, in the browser or as a widget."""

from __future__ import annotations

import re

import pytest

from htst.testing.v1 import AppTest

HTMX = {"HX-Request": "true"}


def test_a_popover_is_a_details_whose_summary_is_a_button(make_app):
    html = make_app("""
        import htst as st
        with st.popover("Settings", icon=":material/settings:", type="primary", help="Change things"):
            st.checkbox("Dark mode")
    """).test_client().get("/").get_data(as_text=True)
    popover = re.search(r'<details id="[^"]+" class="htst-popover".*?</details>', html, re.DOTALL).group(0)
    assert '<summary class="htst-button htst-button--primary"' in popover
    assert 'aria-describedby="hm-0-help"' in popover and 'role="tooltip" id="hm-0-help"' in popover and "Change things" in popover
    assert 'data-icon="settings"' in popover and "Dark mode" in popover
    assert " open" not in popover.split(">")[0]  # closed until clicked
    assert "data-htst-popover-css" in html


def test_with_on_change_whether_it_is_open_is_a_widget_value(make_app):
    client = make_app("""
        import htst as st
        p = st.popover("Tracked", key="pop", on_change="rerun")
        p.write(f"inside, open={p.open}")
        st.write(f"state={st.session_state['pop']}")
    """).test_client()
    tree = client.get("/?format=json").get_json()
    popover = tree["tree"]["main"]["children"][0]["props"]
    assert popover["value"] is False
    answer = client.post("/_htst/rerun", data={"_htst_tab": tree["tab"], popover["wid"]: "true"}).get_data(as_text=True)
    assert "state=True" in answer and "open=True" in answer
    assert re.search(r'<details id="[^"]+" class="htst-popover[^"]*"[^>]* open', answer)


def test_a_disabled_popover_does_not_open(make_app):
    html = make_app("import htst as st\nwith st.popover('Off', disabled=True):\n    st.write('hidden')\n").test_client().get("/").get_data(as_text=True)
    assert 'aria-disabled="true"' in html and "<details" not in html


@pytest.mark.parametrize(
    "call, message",
    [("st.popover('x', type='big')", "must be \"primary\", \"secondary\", or \"tertiary\""), ("st.popover('x', on_change='later')", "Invalid `on_change` value")],
)
def test_bad_values(call, message):
    at = AppTest.from_string(f"import htst as st\n{call}\n").run()
    assert message in at.exception[0].value
