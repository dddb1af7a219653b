"""bind="query-params", persist_state and on_change="ignore" on every value widget (Streamlit
1.67's widget parameters): AppTest and HTTP."""

from __future__ import annotations

import datetime
import re

import pytest

from htst.testing.v1 import AppTest

HTMX = {"HX-Request": "true"}

# widget call (with {} for more parameters), its URL parameter (options widgets: their
# labels), the value that gives, and its default value
WIDGETS = {
    "slider": ("st.slider('W', 0, 10, 3, key='k'{})", ["7"], 7, 3),
    "range slider": ("st.slider('W', 0, 10, (2, 5), key='k'{})", ["1", "9"], (1, 9), (2, 5)),
    "select_slider": ("st.select_slider('W', ['lo', 'mid', 'hi'], key='k'{})", ["hi"], "hi", "lo"),
    "text_input": ("st.text_input('W', 'hi', key='k'{})", ["yo"], "yo", "hi"),
    "text_area": ("st.text_area('W', 'hi', key='k'{})", ["a long text"], "a long text", "hi"),
    "number_input": ("st.number_input('W', 0, 10, 2, key='k'{})", ["5"], 5, 2),
    "checkbox": ("st.checkbox('W', key='k'{})", ["1"], True, False),
    "toggle": ("st.toggle('W', key='k'{})", ["1"], True, False),
    "radio": ("st.radio('W', ['a', 'b', 'c'], key='k'{})", ["c"], "c", "a"),
    "selectbox": ("st.selectbox('W', ['a', 'b', 'c'], key='k'{})", ["b"], "b", "a"),
    "multiselect": ("st.multiselect('W', ['a', 'b', 'c'], key='k'{})", ["a", "c"], ["a", "c"], []),
    "pills": ("st.pills('W', ['x', 'y'], key='k'{})", ["y"], "y", None),
    "pills multi": ("st.pills('W', ['x', 'y'], selection_mode='multi', key='k'{})", ["x", "y"], ["x", "y"], []),
    "segmented_control": ("st.segmented_control('W', ['x', 'y'], key='k'{})", ["x"], "x", None),
    "feedback": ("st.feedback('thumbs', key='k'{})", ["1"], 1, None),
    "color_picker": ("st.color_picker('W', '#000000', key='k'{})", ["#ff0000"], "#ff0000", "#000000"),
    "date_input": ("st.date_input('W', datetime.date(2024, 1, 2), key='k'{})", ["2024-03-04"], datetime.date(2024, 3, 4), datetime.date(2024, 1, 2)),
    "time_input": ("st.time_input('W', datetime.time(3, 4), key='k'{})", ["05:06"], datetime.time(5, 6), datetime.time(3, 4)),
    "datetime_input": (
        "st.datetime_input('W', datetime.datetime(2024, 1, 2, 3, 4), key='k'{})",
        ["2024-05-06T07:08"], datetime.datetime(2024, 5, 6, 7, 8), datetime.datetime(2024, 1, 2, 3, 4),
    ),
}

# What the browser's form field holds for those values: options widgets post indices.
FIELD = {
    "select_slider": ["2"], "radio": ["2"], "selectbox": ["1"], "multiselect": ["0", "2"],
    "pills": ["1"], "pills multi": ["0", "1"], "segmented_control": ["0"],
}


def field_raw(kind: str) -> list[str]:
    return FIELD.get(kind, WIDGETS[kind][1])


def script(kind: str, params: str, tail: str = "") -> str:
    call = WIDGETS[kind][0].format(", " + params)
    return f"import htst as st\nimport datetime\nvalue = {call}\nst.write(repr(value))\n{tail}"


def shown(at) -> str:
    return at.markdown[-1].value


def same(a, b) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()
    return a == b or (isinstance(a, (list, tuple)) and list(a) == list(b))


@pytest.mark.parametrize("kind", WIDGETS)
def test_a_url_parameter_initialises_a_bound_widget(kind):
    _, raw, value, _ = WIDGETS[kind]
    at = AppTest.from_string(script(kind, "bind='query-params'"))
    at.query_params["k"] = raw if len(raw) > 1 else raw[0]
    at.run()
    assert not at.exception
    assert same(at.session_state["k"], value)
    assert at.query_params["k"] == (raw if len(raw) > 1 else raw[0])


@pytest.mark.parametrize("kind", WIDGETS)
def test_the_parameter_goes_at_the_default_and_follows_session_state(kind):
    _, raw, value, default = WIDGETS[kind]
    at = AppTest.from_string(script(kind, "bind='query-params'")).run()
    assert "k" not in at.query_params  # the default: a clean URL
    at.session_state["k"] = value  # a bound parameter changes through Session State
    at.run()
    assert at.query_params["k"] == (raw if len(raw) > 1 else raw[0])
    at.session_state["k"] = default
    at.run()
    assert "k" not in at.query_params


@pytest.mark.parametrize("kind", [kind for kind in WIDGETS if kind not in ("text_input", "text_area")])  # any text is a text
def test_a_bad_parameter_is_dropped(kind):
    _, _, _, default = WIDGETS[kind]
    at = AppTest.from_string(script(kind, "bind='query-params'"))
    at.query_params["k"] = "not-a-value-☃"
    at.run()
    assert not at.exception
    assert same(at.session_state["k"], default)
    assert "k" not in at.query_params


def test_a_bound_parameter_is_not_for_st_query_params():
    at = AppTest.from_string(script("slider", "bind='query-params'", "st.query_params['k'] = 9")).run()
    assert "bound to a widget" in at.exception[0].value
    at = AppTest.from_string(script("slider", "bind='query-params'", "st.query_params['other'] = 9")).run()
    assert not at.exception and at.query_params["other"] == "9"


@pytest.mark.parametrize(
    "params, message",
    [
        ("bind='url'", "Invalid `bind` value"),
        ("persist_state='forever'", "Invalid `persist_state` value"),
    ],
)
def test_bad_parameters_are_refused(params, message):
    at = AppTest.from_string(script("slider", params)).run()
    assert message in at.exception[0].value


@pytest.mark.parametrize("params, message", [("bind='query-params'", "requires a `key`"), ("persist_state='page'", "requires a `key`")])
def test_bind_and_persist_need_a_key(params, message):
    at = AppTest.from_string(f"import htst as st\nst.slider('S', {params})\n").run()
    assert message in at.exception[0].value


@pytest.mark.parametrize("kind", WIDGETS)
@pytest.mark.parametrize("persist, kept", [(None, False), ("'page'", True), ("'session'", True)])
def test_persist_state_keeps_a_hidden_widgets_value(kind, persist, kept):
    _, _, value, default = WIDGETS[kind]
    source = (
        "import htst as st\nimport datetime\n"
        "if st.checkbox('Show'):\n"
        f"    {WIDGETS[kind][0].format(', persist_state=' + str(persist))}\n"
    )
    at = AppTest.from_string(source).run()
    at.checkbox[0].check().run()
    at.session_state["k"] = value
    at.run()
    at.checkbox[0].uncheck().run()  # the widget is not drawn in this run
    at.checkbox[0].check().run()
    assert same(at.session_state["k"], value if kept else default)


@pytest.mark.parametrize("persist, kept", [("page", False), ("session", True)])
def test_persist_state_across_page_switches(project, persist, kept):
    entry = project({
        "app.py": "import htst as st\nst.navigation([st.Page('one.py'), st.Page('two.py')]).run()\n",
        "one.py": f"import htst as st\nst.slider('Level', 0, 10, 3, key='level', persist_state={persist!r})\n",
        "two.py": "import htst as st\nst.write('elsewhere')\n",
    })
    at = AppTest.from_file(entry).run()
    at.slider[0].set_value(8).run()
    at.switch_page("two.py").run()
    at.switch_page("one.py").run()
    assert at.slider[0].value == (8 if kept else 3)


@pytest.mark.parametrize("kind", WIDGETS)
def test_on_change_ignore_is_accepted_and_the_value_comes_with_the_next_run(kind):
    _, _, value, _ = WIDGETS[kind]
    at = AppTest.from_string(script(kind, "on_change='ignore'")).run()
    assert not at.exception
    at.session_state["k"] = value
    at.run()
    assert same(at.session_state["k"], value)


# -- over HTTP ---------------------------------------------------------------------------


def test_a_typed_url_initialises_the_widget_in_a_new_session(make_app):
    app = make_app(script("slider", "bind='query-params'"))
    html = app.test_client().get("/?k=7").get_data(as_text=True)
    assert "<p>7</p>" in html or ">7<" in html
    assert 'action="/_htst/rerun?k=7"' in html  # without JS the address keeps it


def test_a_change_updates_the_address_and_the_default_clears_it(make_app):
    client = make_app(script("slider", "bind='query-params'")).test_client()
    html = client.get("/").get_data(as_text=True)
    token = re.search(r'name="_htst_tab" value="([^"]+)"', html).group(1)
    wid = re.search(r'<input type="range" id="(w[0-9a-f]+)"', html).group(1)
    response = client.post("/_htst/rerun", data={"_htst_tab": token, wid: "9"}, headers=HTMX)
    assert response.headers["HX-Replace-Url"] == "/?k=9"
    response = client.post("/_htst/rerun", data={"_htst_tab": token, wid: "3"}, headers=HTMX)
    assert response.headers["HX-Replace-Url"] == "/"


def test_a_bad_url_value_is_dropped_over_http(make_app):
    client = make_app(script("selectbox", "bind='query-params'")).test_client()
    html = client.get("/?k=99").get_data(as_text=True)
    assert "'a'" in html and 'action="/_htst/rerun"' in html


def test_a_no_js_address_reloaded_comes_back_to_the_page(make_app):
    client = make_app(script("slider", "bind='query-params'")).test_client()
    response = client.get("/_htst/rerun?k=7")
    assert response.status_code == 303 and response.headers["Location"].endswith("/?k=7")


def test_ignored_and_bound_widgets_are_marked_for_the_browser(make_app):
    html = make_app(script("slider", "bind='query-params', on_change='ignore'")).test_client().get("/").get_data(as_text=True)
    root = re.search(r'<div id="[^"]+" class="htst-element htst-widget htst-slider[^>]*>', html).group(0)
    assert "data-htst-ignore" in root and 'data-htst-bind="k"' in root
    plain = make_app(script("slider", "")).test_client().get("/").get_data(as_text=True)
    assert "data-htst-ignore" not in plain and "data-htst-bind" not in plain


@pytest.mark.parametrize(
    "call, raw, value",
    [
        ("st.expander('More', key='k', bind='query-params')", "true", True),
        ("st.tabs(['One', 'Two'], key='k', bind='query-params')", "Two", "Two"),
        ("st.expander('More', key='k', bind='query-params', on_change='rerun')", "true", True),
        ("st.tabs(['One', 'Two'], key='k', bind='query-params', on_change='rerun')", "Two", "Two"),
    ],
)
def test_expanders_and_tabs_bind_their_state_to_the_url(call, raw, value):
    at = AppTest.from_string(f"import htst as st\n{call}\n")
    at.query_params["k"] = raw
    at.run()
    assert not at.exception and at.session_state["k"] == value
    at.session_state["k"] = False if value is True else "One"
    at.run()
    assert "k" not in at.query_params  # back at the default


def test_a_bound_expander_without_on_change_is_marked_to_wait(make_app):
    html = make_app("import htst as st\nwith st.expander('More', key='k', bind='query-params'):\n    st.write('inside')\n").test_client().get("/?k=true").get_data(as_text=True)
    details = re.search(r"<details[^>]*>", html).group(0)
    frame = re.search(r'<div[^>]*class="htst-expander-frame[^>]*>', html).group(0)  # its root
    assert " open" in details and "data-htst-ignore" in frame and 'data-htst-bind="k"' in frame


def _widget(tree: dict) -> dict:
    """The props of the widget with key "k" in a JSON answer's tree."""
    stack = list(tree["tree"].values())
    while stack:
        node = stack.pop()
        if node.get("props", {}).get("key") == "k":
            return node["props"]
        stack.extend(node.get("children", []))
    raise AssertionError("no widget with key 'k'")


def _query(raw: list[str]) -> str:
    from urllib.parse import urlencode

    return urlencode([("k", value) for value in raw])


def _json_value(value):
    """A value as the JSON answer shows it (dates and times as text, tuples as lists)."""
    if isinstance(value, (datetime.date, datetime.time)):
        return str(value)
    return list(value) if isinstance(value, tuple) else value


def _fields(wid: str, raw) -> list[tuple[str, str]]:
    """What a browser posts for a widget whose field holds `raw` (a list: one entry each;
    an empty list: the empty entry that keeps the field present)."""
    values = raw if isinstance(raw, list) else [raw]
    return [(wid, v) for v in values] or [(wid, "")]


def _post(client, fields, **kwargs):
    from werkzeug.datastructures import MultiDict

    return client.post("/_htst/rerun", data=MultiDict(fields), **kwargs)


@pytest.mark.parametrize("kind", WIDGETS)
def test_over_http_a_url_initialises_the_default_clears_and_a_bad_value_drops(make_app, kind):
    _, raw, value, default = WIDGETS[kind]
    client = make_app(script(kind, "bind='query-params'")).test_client()
    default_raw = _widget(client.get("/?format=json").get_json())["raw"]
    tree = client.get(f"/?format=json&{_query(raw)}").get_json()
    props = _widget(tree)
    assert same(props["value"], _json_value(value))  # a new session, from the URL
    response = _post(client, _fields(props["wid"], default_raw) + [("_htst_tab", tree["tab"])], headers=HTMX)
    assert response.headers.get("HX-Replace-Url") == "/"  # back at the default: a clean URL
    if kind not in ("text_input", "text_area"):  # any text is a text
        bad = client.get("/?format=json&k=not-a-value").get_json()
        assert same(_widget(bad)["value"], _json_value(default))
        action = re.search(r'<form id="htst-form" method="post" action="([^"]*)"', client.get("/?k=not-a-value").get_data(as_text=True)).group(1)
        assert action == "/_htst/rerun"  # dropped from the address too


@pytest.mark.parametrize("kind", WIDGETS)
def test_over_http_an_ignored_widget_is_marked_and_its_value_comes_with_the_next_post(make_app, kind):
    _, _, value, _ = WIDGETS[kind]
    client = make_app(script(kind, "on_change='ignore'") + "st.button('Apply')\n").test_client()
    html = client.get("/").get_data(as_text=True)
    assert re.search(r'class="htst-element htst-widget[^"]*"[^>]*data-htst-ignore', html)
    token = re.search(r'name="_htst_tab" value="([^"]+)"', html).group(1)
    wid = _widget(client.post("/_htst/rerun?format=json", data={"_htst_tab": token, "_htst_rerun": "1"}).get_json())["wid"]
    tree = _post(client, _fields(wid, field_raw(kind)) + [("_htst_tab", token)], query_string={"format": "json"}).get_json()
    assert same(_widget(tree)["value"], _json_value(value))


@pytest.mark.parametrize("kind", WIDGETS)
def test_over_http_a_persisted_widget_keeps_its_value_while_hidden(make_app, kind):
    _, _, value, _ = WIDGETS[kind]
    source = (
        "import htst as st\nimport datetime\n"
        "show = st.checkbox('Show', True, key='show')\n"
        f"if show:\n    {WIDGETS[kind][0].format(', persist_state=' + repr('session'))}\n"
    )
    client = make_app(source).test_client()
    tree = client.get("/?format=json").get_json()
    token, wid = tree["tab"], _widget(tree)["wid"]
    show = next(n for n in tree["tree"]["main"]["children"] if n["props"].get("key") == "show")["props"]["wid"]

    def post(fields):
        return _post(client, fields + [("_htst_tab", token)], query_string={"format": "json"}).get_json()

    post(_fields(wid, field_raw(kind)))
    post([(show, "0")])  # hidden for a run
    tree = post([(show, "1")])
    assert same(_widget(tree)["value"], _json_value(value))
