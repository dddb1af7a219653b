"""An HTMX rerun answers only the fragments whose HTML changed; nothing at all is a 204."""

from __future__ import annotations

BIG_PAGE = """
import htst as st

value = st.slider("Size", 0, 100, 10)
st.write(f"The slider is at {value}.")
for i in range(99):
    st.markdown(f"Line **{i}** in markdown")
    st.text(f"Plain line {i}")
"""

CONTAINER = """
import htst as st

show = st.checkbox("Show more")
box = st.container()
with box:
    st.write("always here")
    if show:
        st.write("the extra line")
st.write("after the box")
"""


def _big_tab(make_app, open_tab):
    tab = open_tab(make_app(BIG_PAGE).test_client())
    assert len([i for i in tab.page.element_ids if i.startswith("hm-")]) == 200
    return tab


def test_slider_change_sends_only_slider_and_its_value_line(make_app, open_tab, read_partials):
    tab = _big_tab(make_app, open_tab)
    response = tab.post({tab.wid("Size"): "42"}, htmx=True)
    assert response.status_code == 200
    body = response.get_data()
    parts = read_partials(body)
    assert set(parts) == {"hm-0", "hm-1"}
    assert 'value="42"' in parts["hm-0"]
    assert "The slider is at 42." in parts["hm-1"]
    assert "Line <strong>" not in body.decode() and "Plain line" not in body.decode()
    assert len(body) < 2048, f"{len(body)} bytes for one slider change"


def test_slider_change_as_user_key_field_is_same_answer(make_app, open_tab, read_partials):
    source = BIG_PAGE.replace(
        'st.slider("Size", 0, 100, 10)', 'st.slider("Size", 0, 100, 10, key="size")'
    )
    tab = open_tab(make_app(source).test_client())
    parts = read_partials(tab.post({"size": "7"}, htmx=True).get_data())
    assert set(parts) == {"hm-0", "hm-1"}


def test_posting_the_drawn_value_is_204(make_app, open_tab, read_partials):
    tab = _big_tab(make_app, open_tab)
    wid = tab.wid("Size")
    response = tab.post({wid: "10"}, htmx=True)  # what the page shows already
    assert response.status_code == 204
    assert response.get_data() == b""
    assert read_partials(tab.post({wid: "55"}, htmx=True).get_data())
    again = tab.post({wid: "55"}, htmx=True)
    assert again.status_code == 204


def test_rerun_that_changes_nothing_is_204(make_app, open_tab, read_partials):
    tab = _big_tab(make_app, open_tab)
    response = tab.post({"_htst_rerun": "1"}, htmx=True)
    # 204, or (when the machine is slow enough for the run to stream) a stream with no partial.
    assert response.status_code == 204 or read_partials(response.get_data()) == {}


def test_container_whose_children_change_is_sent_whole(
    make_app, open_tab, read_partials, parse_page
):
    tab = open_tab(make_app(CONTAINER).test_client())
    box_id = "hm-1"
    assert "always here" in tab.page.text and "the extra line" not in tab.page.text
    parts = read_partials(tab.post({tab.wid("Show more"): "1"}, htmx=True).get_data())
    assert box_id in parts, f"the container must be sent whole; got {sorted(parts)}"
    inner = parse_page(parts[box_id])
    assert "always here" in inner.text and "the extra line" in inner.text
    assert f"{box_id}-1" in inner.element_ids
    # Nothing inside the container is sent on its own, and the line after it is not sent.
    assert not any(target.startswith(f"{box_id}-") for target in parts)
    assert "hm-2" not in parts

    parts = read_partials(tab.post({tab.wid("Show more"): "0"}, htmx=True).get_data())
    assert box_id in parts
    assert "the extra line" not in parts[box_id]


def test_partials_follow_the_previous_answer_not_the_first_page(make_app, open_tab, read_partials):
    tab = _big_tab(make_app, open_tab)
    wid = tab.wid("Size")
    read_partials(tab.post({wid: "20"}, htmx=True).get_data())
    parts = read_partials(tab.post({wid: "30"}, htmx=True).get_data())
    assert "The slider is at 30." in parts["hm-1"]
    back = read_partials(tab.post({wid: "10"}, htmx=True).get_data())
    assert "The slider is at 10." in back["hm-1"]
