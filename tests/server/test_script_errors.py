"""Exceptions in user code render in the page with HTTP 200; the app keeps working."""

from __future__ import annotations

FAILING = """
import htst as st

if "count" not in st.session_state:
    st.session_state.count = 0

def add():
    st.session_state.count += 1

st.button("Add", on_click=add)
st.write(f"count={st.session_state.count}")
if st.session_state.count % 2 == 1:
    raise ValueError("odd counts are not allowed <b>here</b>")
st.write("reached the end")
"""

CALLBACK_FAILS = """
import htst as st

if "count" not in st.session_state:
    st.session_state.count = 0

def add():
    st.session_state.count += 1

def broken():
    raise KeyError("callback went wrong")

st.button("Add", on_click=add)
st.button("Break", on_click=broken)
st.write(f"count={st.session_state.count}")
"""


def test_exception_renders_in_page_and_next_interaction_works(make_app, open_tab):
    tab = open_tab(make_app(FAILING).test_client())
    assert "reached the end" in tab.page.text
    response = tab.click("Add")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'role="alert"' in html
    assert "ValueError" in tab.page.text
    assert "odd counts are not allowed <b>here</b>" in tab.page.text  # the message, escaped
    assert "<b>here</b>" not in html
    assert "count=1" in tab.page.text and "reached the end" not in tab.page.text

    response = tab.click("Add")
    assert response.status_code == 200
    assert "count=2" in tab.page.text and "reached the end" in tab.page.text
    assert "ValueError" not in tab.page.text


def test_exception_on_first_load_is_200(make_app, parse_page):
    client = make_app('import htst as st\nst.write("before")\n1 / 0\n').test_client()
    response = client.get("/")
    assert response.status_code == 200
    page = parse_page(response.get_data(as_text=True))
    assert (
        "before" in page.text
        and "ZeroDivisionError" in page.text
        and "division by zero" in page.text
    )
    assert page.token


def test_exception_in_htmx_answer(make_app, open_tab, read_partials):
    tab = open_tab(make_app(FAILING).test_client())
    response = tab.click("Add", htmx=True)
    assert response.status_code == 200
    parts = read_partials(response.get_data())
    assert any("ValueError" in html and "htst-exception" in html for html in parts.values())
    response = tab.click("Add", htmx=True)
    assert response.status_code == 200
    parts = read_partials(response.get_data())
    assert not any("ValueError" in html for html in parts.values())
    assert any("reached the end" in html for html in parts.values())


def test_show_error_details_false_hides_the_message(make_app, open_tab):
    tab = open_tab(make_app(FAILING, **{"client.showErrorDetails": False}).test_client())
    response = tab.click("Add")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'role="alert"' in html
    assert "odd counts are not allowed" not in html
    assert "Traceback" not in html
    assert "redacted" in tab.page.text


def test_show_error_details_true_has_the_traceback(make_app, open_tab):
    tab = open_tab(make_app(FAILING, **{"client.showErrorDetails": True}).test_client())
    tab.click("Add")
    assert "Traceback" in tab.page.text
    assert "raise ValueError" in tab.page.text


def test_exception_in_callback_renders_with_200(make_app, open_tab):
    tab = open_tab(make_app(CALLBACK_FAILS).test_client())
    tab.click("Add")
    response = tab.click("Break")
    assert response.status_code == 200
    assert "KeyError" in tab.page.text and "callback went wrong" in tab.page.text
    assert "count=1" in tab.page.text  # the script still ran after the callback failed
    tab.click("Add")
    assert "count=2" in tab.page.text
    assert "callback went wrong" not in tab.page.text


def test_exception_in_callback_over_htmx(make_app, open_tab, read_partials):
    tab = open_tab(make_app(CALLBACK_FAILS).test_client())
    response = tab.click("Break", htmx=True)
    assert response.status_code == 200
    parts = read_partials(response.get_data())
    assert any("callback went wrong" in html for html in parts.values())


def test_st_stop_and_syntax_error_are_not_500(make_app, parse_page):
    client = make_app(
        'import htst as st\nst.write("shown")\nst.stop()\nst.write("hidden")\n'
    ).test_client()
    page = parse_page(client.get("/").get_data(as_text=True))
    assert "shown" in page.text and "hidden" not in page.text

    client = make_app('import htst as st\nst.write("x"\n').test_client()
    response = client.get("/")
    assert response.status_code == 200
    assert "SyntaxError" in parse_page(response.get_data(as_text=True)).text
