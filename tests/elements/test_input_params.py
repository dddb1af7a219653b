"""Streamlit 1.67's input-widget parameters: on_change modes, text_input's required /
validate / live / type, `required` on the other fields, time_input's format, selectbox's
icon, and selectbox / multiselect filter_mode and multiselect select_all."""

from __future__ import annotations

import datetime
import io

import pytest

from htst.testing.v1 import AppTest

REQUIRED = "This field is required."


def _error(source: str) -> str:
    at = AppTest.from_string("import htst as st\nimport datetime\n" + source).run()
    assert at.exception, f"{source} raised nothing"
    return at.exception[0].message


# -- on_change: "rerun" by default, as in 1.67 ----------------------------------------------

WIDGETS = {
    "checkbox": 'st.checkbox("W", key="w"{})',
    "toggle": 'st.toggle("W", key="w"{})',
    "radio": 'st.radio("W", ["a", "b"], key="w"{})',
    "selectbox": 'st.selectbox("W", ["a", "b"], key="w"{})',
    "multiselect": 'st.multiselect("W", ["a", "b"], key="w"{})',
    "slider": 'st.slider("W", key="w"{})',
    "select_slider": 'st.select_slider("W", ["a", "b"], key="w"{})',
    "number_input": 'st.number_input("W", key="w"{})',
    "text_input": 'st.text_input("W", key="w"{})',
    "text_area": 'st.text_area("W", key="w"{})',
    "date_input": 'st.date_input("W", datetime.date(2024, 1, 2), key="w"{})',
    "time_input": 'st.time_input("W", datetime.time(8, 0), key="w"{})',
    "color_picker": 'st.color_picker("W", key="w"{})',
    "file_uploader": 'st.file_uploader("W", key="w"{})',
    "pills": 'st.pills("W", ["a", "b"], key="w"{})',
    "segmented_control": 'st.segmented_control("W", ["a", "b"], key="w"{})',
    "feedback": 'st.feedback(key="w"{})',
}


def _call(kind: str, params: str = "") -> str:
    return WIDGETS[kind].format(", " + params if params else "")


@pytest.mark.parametrize("kind", WIDGETS)
@pytest.mark.parametrize("mode", ["'rerun'", "None", "'ignore'"])
def test_on_change_rerun_and_none_are_accepted(kind, mode):
    at = AppTest.from_string(f"import htst as st\nimport datetime\n{_call(kind, 'on_change=' + mode)}\n").run()
    assert not at.exception


@pytest.mark.parametrize("kind", WIDGETS)
def test_other_on_change_values_are_refused(kind):
    assert _error(_call(kind, "on_change='later'")) == "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function."


def test_a_callback_still_runs_on_change():
    def app():
        import htst as st

        st.session_state.setdefault("seen", [])
        st.checkbox("W", key="w", on_change=lambda: st.session_state.seen.append(st.session_state.w))
        st.write(st.session_state.seen)

    at = AppTest.from_function(app).run()
    at.checkbox[0].check().run()
    assert at.session_state["seen"] == [True]


def test_chat_input_on_submit_takes_only_a_callback():
    assert _error("st.chat_input(on_submit='rerun')") == '`on_submit="rerun"` is not supported on this widget. Pass a callback, or omit `on_submit`.'


# -- text_input required -------------------------------------------------------------------


def _named(source: str) -> AppTest:
    return AppTest.from_string("import htst as st\nimport datetime\n" + source).run()


@pytest.mark.parametrize("blank", ["", "   "])
def test_required_text_keeps_its_last_value_and_says_why(blank):
    at = _named('v = st.text_input("Name", key="n", required=True)\nst.write(f"[{v}]")\n')
    at.text_input("n").input("Ada").run()
    assert at.markdown[0].value == "[Ada]"
    at.text_input("n").input(blank).run()
    assert at.markdown[0].value == "[Ada]"  # not committed
    assert at.text_input("n").value == "Ada"
    assert at.text_input("n").props["invalid"] == REQUIRED
    assert at.text_input("n").props["raw"] == blank  # the field shows what was typed
    at.text_input("n").input("Bo").run()
    assert at.markdown[0].value == "[Bo]" and "invalid" not in at.text_input("n").props


def test_text_is_not_required_by_default():
    at = _named('v = st.text_input("Name", "x", key="n")\nst.write(f"[{v}]")\n')
    at.text_input("n").input("").run()
    assert at.markdown[0].value == "[]"


def test_required_does_not_change_the_default():
    at = _named('a = st.text_input("A", required=True)\nb = st.text_input("B", None, required=True)\nst.write(repr((a, b)))\n')
    assert at.markdown[0].value == "('', None)"


def test_required_is_marked_for_assistive_tech_and_never_as_html_required(serve):
    page = serve('import htst as st\nst.text_input("Name", required=True)\nst.text_input("Other")\n')
    root = page.widget("Name")
    assert "data-htst-required" in root.attrs
    field = root.find("input", id=page.wid("Name"))
    assert field["aria-required"] == "true" and "required" not in field.attrs
    assert "data-htst-required" not in page.widget("Other").attrs


REQUIRED_PAGE = """
import htst as st

name = st.text_input("Name", key="name", required=True)
with st.form("f"):
    email = st.text_input("Email", key="email", required=True)
    note = st.text_input("Note", key="note")
    sent = st.form_submit_button("Send")
clicked = st.button("Other")
st.write(f"name=[{name}] email=[{email}] note=[{note}] sent={sent} clicked={clicked}")
"""


def test_without_javascript_an_empty_required_field_never_blocks_other_buttons(serve):
    page = serve(REQUIRED_PAGE)
    page.submit(**{page.wid("Name"): "Ada"})
    assert "name=[Ada]" in page.dom.text
    page.submit("Other", **{page.wid("Name"): ""})
    assert "name=[Ada] email=[] note=[] sent=False clicked=True" in page.dom.text
    root = page.widget("Name")
    assert root.find(cls="htst-field-error").text == REQUIRED
    assert root.find("input", id=page.wid("Name"))["aria-invalid"] == "true"


def test_without_javascript_a_form_with_an_empty_required_field_is_not_submitted(serve):
    page = serve(REQUIRED_PAGE)
    page.submit("Send", **{page.wid("Note"): "hello"})
    assert "sent=False" in page.dom.text and "note=[]" in page.dom.text
    email = page.widget("Email")
    assert email.find(cls="htst-field-error")["role"] == "alert"
    assert email.find(cls="htst-field-error").text == REQUIRED
    # What was typed in the form stays on the page, to be sent with the next submit.
    assert page.widget("Note").find("input", id=page.wid("Note"))["value"] == "hello"
    page.submit("Send", **{page.wid("Email"): "a@b.c"})
    assert "email=[a@b.c] note=[hello] sent=True" in page.dom.text
    assert not page.dom.has(cls="htst-field-error")


def test_without_javascript_enter_in_an_emptied_required_field_says_why(serve):
    page = serve(REQUIRED_PAGE)
    page.submit("Send", **{page.wid("Email"): "a@b.c"})
    assert "email=[a@b.c]" in page.dom.text
    # Enter in a text field submits the page with its first (empty) button.
    page.post(page.fields(**{page.wid("Email"): ""}) + [("_htst_click", "")])
    assert "email=[a@b.c]" in page.dom.text and "sent=False" in page.dom.text
    assert page.widget("Email").find(cls="htst-field-error").text == REQUIRED


def test_a_form_posting_a_file_checks_its_required_fields_too(serve):
    page = serve("""
import htst as st
with st.form("f"):
    name = st.text_input("Name", required=True)
    upload = st.file_uploader("File")
    sent = st.form_submit_button("Send")
st.write(f"sent={sent} name={name} file={upload.name if upload else None}")
""")
    def upload():
        return (page.wid("File"), (io.BytesIO(b"data"), "a.txt"))

    page.post(page.fields() + [upload(), ("_htst_click", page.wid("Send"))])
    assert "sent=False" in page.dom.text
    page.post(page.fields(**{page.wid("Name"): "Ada"}) + [upload(), ("_htst_click", page.wid("Send"))])
    assert "sent=True name=Ada file=a.txt" in page.dom.text


def test_a_disabled_required_field_does_not_hold_its_form(serve):
    page = serve('import htst as st\nwith st.form("f"):\n    st.text_input("Locked", required=True, disabled=True)\n    sent = st.form_submit_button("Send")\nst.write(f"sent={sent}")\n')
    page.submit("Send")
    assert "sent=True" in page.dom.text


def test_an_unsubmitted_form_does_not_check_its_fields(serve):
    page = serve(REQUIRED_PAGE)
    page.submit("Other")
    assert "clicked=True" in page.dom.text and not page.widget("Email").has(cls="htst-field-error")


def test_apptest_submit_of_a_form_with_an_empty_required_field_is_refused():
    at = AppTest.from_string(REQUIRED_PAGE).run()
    at.text_input("note").input("hi")
    at.button[0].click().run()
    assert "sent=False" in at.markdown[0].value
    assert at.text_input("email").props["invalid"] == REQUIRED
    at.text_input("email").input("e@x.io")
    at.button[0].click().run()
    assert "email=[e@x.io] note=[hi] sent=True" in at.markdown[0].value


# -- text_input validate ------------------------------------------------------------------


def test_validate_refuses_a_text_that_does_not_match():
    at = _named('v = st.text_input("Code", key="c", validate=r"^\\d+$")\nst.write(f"[{v}]")\n')
    at.text_input("c").input("12").run()
    at.text_input("c").input("1a").run()
    assert at.markdown[0].value == "[12]"
    assert at.text_input("c").props["invalid"] == "Invalid input. Must match pattern: /^\\d+$/su"
    at.text_input("c").input("").run()  # an empty text skips the pattern
    assert at.markdown[0].value == "[]"


def test_validate_is_not_anchored_and_takes_a_message():
    at = _named('v = st.text_input("Code", key="c", validate=(r"\\d", "Put a digit in it"))\nst.write(f"[{v}]")\n')
    at.text_input("c").input("a1b").run()
    assert at.markdown[0].value == "[a1b]"
    at.text_input("c").input("abc").run()
    assert at.markdown[0].value == "[a1b]" and at.text_input("c").props["invalid"] == "Put a digit in it"


def test_a_blank_required_field_fails_required_before_validate():
    at = _named('st.text_input("Code", "1", key="c", required=True, validate=r"^\\d+$")\n')
    at.text_input("c").input(" ").run()
    assert at.text_input("c").props["invalid"] == REQUIRED


def test_email_and_url_check_by_default_and_empty_validate_turns_it_off():
    at = _named(
        'st.text_input("E", key="e", type="email")\nst.text_input("U", key="u", type="url")\n'
        'st.text_input("Off", key="off", type="email", validate="")\n'
    )
    at.text_input("e").input("not an email")
    at.text_input("u").input("nope")
    at.text_input("off").input("not an email").run()
    assert at.text_input("e").props["invalid"] == "Enter a valid email address." and at.text_input("e").value == ""
    assert at.text_input("u").props["invalid"] == "Enter a valid URL."
    assert at.text_input("off").value == "not an email"
    at.text_input("e").input("ada@example.org")
    at.text_input("u").input("example.org/x").run()
    assert at.text_input("e").value == "ada@example.org" and at.text_input("u").value == "example.org/x"


def test_validate_is_drawn_for_the_browser(serve):
    page = serve('import htst as st\nst.text_input("Code", validate=("^[a-z/]+$", "Lower case"))\nst.text_input("Plain", validate="a/b")\n')
    root = page.widget("Code")
    assert root["data-htst-pattern"] == "^[a-z/]+$" and root["data-htst-message"] == "Lower case"
    assert page.widget("Plain")["data-htst-message"] == "Invalid input. Must match pattern: /a\\/b/su"
    field = root.find("input", id=page.wid("Code"))
    assert "pattern" not in field.attrs  # checked by htst.js and the server, never by the form


def test_a_pattern_python_cannot_read_is_left_to_the_browser():
    at = _named('st.text_input("Code", key="c", validate="(?<word>x)")\n')
    at.text_input("c").input("y").run()
    assert at.text_input("c").value == "y" and "invalid" not in at.text_input("c").props
    assert at.text_input("c").props["pattern"] == "(?<word>x)"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ('["a"]', "Invalid `validate` type. Expected one of: None, str, tuple. Provided type: list."),
        ("5", "Invalid `validate` type. Expected one of: None, str, tuple. Provided type: int."),
        ('("a",)', "Invalid `validate` value. Supported values: a regex string, a (regex, message) tuple of strings."),
        ('("a", 1)', "Invalid `validate` value. Supported values: a regex string, a (regex, message) tuple of strings."),
    ],
)
def test_validate_errors_are_streamlits(given, message):
    assert _error(f'st.text_input("x", validate={given})') == message


# -- text_input live -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "ms"),
    [("False", None), ("True", "250"), ('"300ms"', "300"), ('"0.5s"', "500"), ('"1m"', "60000"), ('"0"', "0"), ('"0ms"', "0"), ('"0.0001s"', "1")],
)
def test_live_sets_the_pause_after_which_typing_is_sent(serve, given, ms):
    page = serve(f'import htst as st\nst.text_input("T", live={given})\n')
    assert page.widget("T").find("input", id=page.wid("T")).get("data-htst-live") == ms


def test_live_does_nothing_in_a_form(serve):
    page = serve('import htst as st\nwith st.form("f"):\n    st.text_input("T", live=True)\n    st.form_submit_button()\n')
    assert "data-htst-live" not in page.widget("T").find("input", id=page.wid("T")).attrs


def test_live_true_and_250ms_are_the_same_widget():
    assert "multiple `text_input` widgets with the same generated key" in _error('st.text_input("T", live=True)\nst.text_input("T", live="250ms")\n')


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("300", "Invalid `live` type. Expected one of: bool, str. Provided type: int. A number or `datetime.timedelta` is not accepted. Use `True` for a 250ms pause, or a duration string like `'300ms'` or `'0.5s'`. `live=300` is not milliseconds (and `live=0.3` is not seconds); duration units must be explicit."),
        ("datetime.timedelta(seconds=1)", "Invalid `live` type. Expected one of: bool, str. Provided type: timedelta. A number or `datetime.timedelta` is not accepted. Use `True` for a 250ms pause, or a duration string like `'300ms'` or `'0.5s'`. `live=300` is not milliseconds (and `live=0.3` is not seconds); duration units must be explicit."),
        ("None", "Invalid `live` type. Expected one of: bool, str. Provided type: NoneType."),
        ('"61s"', "The `live` parameter, set to 61s, is outside the required range [0ms, 1m]. Use `True` for the 250ms default, `'0ms'` to commit on every change, or a duration string up to `'1m'`."),
        ('"-1s"', "The `live` parameter, set to -1s, is outside the required range [0ms, 1m]. Use `True` for the 250ms default, `'0ms'` to commit on every change, or a duration string up to `'1m'`."),
        ('"abc"', "Time string doesn't look right. It should be formatted as `'1d2h34m'` or `2 days`, for example. Got: abc"),
    ],
)
def test_live_errors_are_streamlits(given, message):
    assert _error(f'st.text_input("x", live={given})') == message


# -- text_input type ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "html_type", "icon", "placeholder", "autocomplete"),
    [
        ("default", "text", None, None, None),
        ("password", "password", None, None, "new-password"),
        ("email", "email", "mail", "you@example.com", "email"),
        ("url", "url", "link", "https://example.com", "url"),
        ("phone", "tel", "call", "+1 234 567 8900", "tel"),
        ("search", "search", "search", "Search", "off"),
    ],
)
def test_type_sets_the_field_and_its_defaults(serve, kind, html_type, icon, placeholder, autocomplete):
    page = serve(f'import htst as st\nst.text_input("T", type="{kind}")\n')
    root = page.widget("T")
    field = root.find("input", id=page.wid("T"))
    assert (field["type"], field.get("placeholder"), field.get("autocomplete")) == (html_type, placeholder, autocomplete)
    icons = root.find_all(cls="htst-icon")
    assert [i["data-icon"] for i in icons] == ([icon] if icon else [])


def test_type_defaults_give_way_to_given_values_and_empty_strings(serve):
    page = serve('import htst as st\nst.text_input("T", type="email", icon="📧", placeholder="", autocomplete="")\nst.text_input("U", type="search", icon="")\n')
    root = page.widget("T")
    field = root.find("input", id=page.wid("T"))
    assert root.find(cls="htst-icon").text == "📧"
    assert "placeholder" not in field.attrs and "autocomplete" not in field.attrs
    assert not page.widget("U").has(cls="htst-icon")


def test_type_errors_are_streamlits():
    assert _error('st.text_input("x", type="number")') == "Invalid `type` value. Supported values: 'default', 'password', 'email', 'url', 'phone', 'search'."
    assert _error('st.text_input("x", icon=5)') == "Invalid `icon` type. Expected one of: str, None. Provided type: int."


# -- required on number_input, text_area, date_input, time_input, selectbox ------------------


@pytest.mark.parametrize(
    ("call", "cls", "first", "empty"),
    [
        ('st.number_input("W", value=None, key="w", required=True)', "number_input", 5.0, None),
        ('st.text_area("W", None, key="w", required=True)', "text_area", "notes", " \n "),
        ('st.date_input("W", value=None, key="w", required=True)', "date_input", datetime.date(2024, 5, 1), None),
        ('st.time_input("W", value=None, key="w", required=True)', "time_input", datetime.time(9, 30), None),
    ],
)
def test_required_fields_keep_their_value_when_emptied(call, cls, first, empty):
    at = _named(f"v = {call}\nst.write(repr(v))\n")
    assert at.markdown[0].value == "None"  # required does not change the default
    widget = at.get(cls)[0]
    widget.set_value(first).run()
    assert at.markdown[0].value == repr(first)
    at.get(cls)[0].set_value(empty).run()
    assert at.markdown[0].value == repr(first)
    assert at.get(cls)[0].props["invalid"] == REQUIRED


def test_required_date_range_needs_both_ends():
    at = _named('v = st.date_input("W", value=[], key="w", required=True)\nst.write(repr(v))\n')
    assert at.markdown[0].value == "()"
    at.get("date_input")[0].set_value((datetime.date(2024, 1, 1),)).run()
    assert at.markdown[0].value == "()" and at.get("date_input")[0].props["invalid"] == REQUIRED
    at.get("date_input")[0].set_value((datetime.date(2024, 1, 1), datetime.date(2024, 1, 3))).run()
    assert at.markdown[0].value == "(datetime.date(2024, 1, 1), datetime.date(2024, 1, 3))"


def test_required_selectbox_cannot_be_cleared():
    at = _named('v = st.selectbox("W", ["a", "b"], index=None, key="w", required=True)\nst.write(repr(v))\n')
    assert at.markdown[0].value == "None"
    at.selectbox[0].select("b").run()
    assert at.markdown[0].value == "'b'"
    at.selectbox[0].select_index(None).run()
    assert at.markdown[0].value == "'b'" and at.selectbox[0].props["invalid"] == REQUIRED


@pytest.mark.parametrize(
    ("call", "label"),
    [
        ('st.number_input("W", value=None, required=True)', "W"),
        ('st.text_area("W", required=True)', "W"),
        ('st.date_input("W", value=None, required=True)', "W"),
        ('st.time_input("W", value=None, required=True)', "W"),
        ('st.selectbox("W", ["a"], index=None, required=True)', "W"),
    ],
)
def test_required_fields_are_marked_and_refused_in_a_form_without_javascript(serve, call, label):
    page = serve(f'import htst as st\nwith st.form("f"):\n    v = {call}\n    sent = st.form_submit_button("Send")\nst.write(f"sent={{sent}}")\n')
    root = page.widget(label)
    assert "data-htst-required" in root.attrs
    assert root.find(aria_required="true")
    page.submit("Send")
    assert "sent=False" in page.dom.text
    assert page.widget(label).find(cls="htst-field-error").text == REQUIRED


def test_required_only_counts_in_the_identity_of_widgets_without_a_key():
    # Without a key, required=True makes another widget…
    assert not AppTest.from_string('import htst as st\nst.text_input("T", required=True)\nst.text_input("T")\n').run().exception

    # …with a key, turning required on keeps the widget and its value.
    def app():
        import htst as st

        st.text_input("T", key="t", required=st.session_state.get("must", False))

    at = AppTest.from_function(app).run()
    at.text_input("t").input("kept").run()
    at.session_state["must"] = True
    assert at.run().text_input("t").value == "kept"


# -- time_input format ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "shown"),
    [("", "15:45"), ('format="24h"', "15:45"), ('format="12h"', "3:45 PM"), ('format="12h", step=30', "3:45:30 PM"), ('format="localized"', None)],
)
def test_time_format_writes_the_time_under_the_field(serve, params, shown):
    extra = ", " + params if params else ""
    page = serve(f'import htst as st\nimport datetime\nv = st.time_input("T", datetime.time(15, 45, 30){extra})\nst.write(repr(v))\n')
    root = page.widget("T")
    out = root.find_all("output")
    assert (out[0].text if out else None) == shown
    assert "datetime.time(15, 45" in page.dom.text  # the value is a time whatever the format


def test_time_format_errors_and_identity():
    assert _error('st.time_input("T", format="am/pm")') == "Invalid `format` value. Supported values: '12h', '24h', 'localized'."
    assert _error('st.time_input("T", format=None)') == "Invalid `format` value. Supported values: '12h', '24h', 'localized'."

    def app():
        import datetime

        import htst as st

        fmt = st.session_state.get("fmt", "24h")
        st.time_input("T", datetime.time(8, 0), format=fmt)

    at = AppTest.from_function(app).run()
    at.time_input[0].set_value(datetime.time(9, 15)).run()
    at.session_state["fmt"] = "12h"
    assert at.run().time_input[0].value == datetime.time(9, 15)  # not part of the widget's id


# -- selectbox icon ------------------------------------------------------------------------------


@pytest.mark.parametrize(("icon", "shown"), [("'🎨'", "🎨"), ("':material/palette:'", "palette"), ("':material/search:'", "search"), ("''", None), ("None", None)])
def test_selectbox_icon_is_drawn_in_the_field(serve, icon, shown):
    page = serve(f'import htst as st\nst.selectbox("S", ["a", "b"], icon={icon})\n')
    row = page.widget("S").find(cls="htst-field-row")
    icons = row.find_all(cls="htst-icon")
    assert [i.get("data-icon") or i.text for i in icons] == ([shown] if shown else [])
    if shown:
        assert row.children[0] is icons[0] and row.children[1].tag == "select"


def test_selectbox_icon_errors_are_streamlits():
    assert _error('st.selectbox("S", ["a"], icon="bad")') == 'The value "bad" is not a valid icon. Please use a single emoji or a Material icon shortcode like `:material\u200b/thumb_up:`.'
    assert _error('st.selectbox("S", ["a"], icon=5)') == "Invalid `icon` type. Expected one of: str, None. Provided type: int."



@pytest.mark.parametrize(
    ("call", "element"),
    [
        ('st.button("B", icon={})', "button"),
        ('with st.form("f"):\n    st.form_submit_button("B", icon={})', "form_submit_button"),
        ('st.download_button("B", "data", icon={})', "download_button"),
        ('st.link_button("B", "https://example.com", icon={})', "link_button"),
    ],
)
def test_button_icons_are_checked_like_every_other_icon(call, element):
    assert _error(call.format('"bad"')).startswith('The value "bad" is not a valid icon.')
    for given, kept in (('"  :material/home:  "', ":material/home:"), ('"   "', None)):
        at = AppTest.from_string("import htst as st\n" + call.format(given)).run()
        assert not at.exception
        assert at.get(element)[0].props["icon"] == kept

# -- selectbox accept_new_options ----------------------------------------------------------------


def test_selectbox_takes_a_new_option_typed_by_the_user():
    at = _named('v = st.selectbox("S", ["Apple", "Pear"], key="s", accept_new_options=True)\nst.write(repr(v))\n')
    at.selectbox("s").set_value("Kiwi").run()
    assert at.markdown[0].value == "'Kiwi'"
    at.selectbox("s").set_value("pear").run()  # an option's label, in any case, is that option
    assert at.markdown[0].value == "'Pear'"


def test_selectbox_refuses_new_options_unless_accepted():
    at = _named('st.selectbox("S", ["Apple", "Pear"], key="s")\n')
    with pytest.raises(Exception, match="not one of the options"):
        at.selectbox("s").set_value("Kiwi")


def test_selectbox_new_option_field_without_javascript(serve):
    page = serve('import htst as st\nv = st.selectbox("S", ["Apple", "Pear"], accept_new_options=True)\nst.write(repr(v))\n')
    root = page.widget("S")
    typed = root.find("input", cls="htst-select-new")
    assert typed["name"] == page.wid("S") and typed["aria-label"] == "S: type a new option"
    page.submit()  # the empty text field leaves the list's choice alone
    assert "'Apple'" in page.dom.text
    fields = [(n, v) for n, v in page.fields() if n != page.wid("S")]
    page.post(fields + [(page.wid("S"), "1"), (page.wid("S"), " Kiwi ")])
    assert "'Kiwi'" in page.dom.text
    select = page.widget("S").find("select")
    assert [o.text for o in select.find_all("option", selected=True)] == ["Kiwi"]
    page.post([(n, v) for n, v in page.fields() if n != page.wid("S")] + [(page.wid("S"), "1"), (page.wid("S"), "")])
    assert "'Pear'" in page.dom.text


# -- filter_mode (selectbox, multiselect) ------------------------------------------------------

SEVEN = '["apple", "banana", "cherry", "date", "elder", "fig", "grape"]'


@pytest.mark.parametrize("kind", ["selectbox", "multiselect"])
@pytest.mark.parametrize(("params", "mode"), [("", "fuzzy"), ('filter_mode="contains"', "contains"), ('filter_mode="prefix"', "prefix"), ("filter_mode=None", None)])
def test_filter_mode_adds_a_filter_box_for_the_browser(serve, kind, params, mode):
    extra = ", " + params if params else ""
    page = serve(f'import htst as st\nst.{kind}("S", {SEVEN}{extra})\n')
    root = page.widget("S")
    boxes = root.find_all("input", data_htst_filter=True)
    assert [b["data-htst-filter"] for b in boxes] == ([mode] if mode else [])
    if mode:
        assert boxes[0]["aria-controls"] == page.wid("S") and "name" not in boxes[0].attrs  # never posted


@pytest.mark.parametrize("kind", ["selectbox", "multiselect"])
def test_few_options_need_no_filter_box(serve, kind):
    page = serve(f'import htst as st\nst.{kind}("S", ["a", "b", "c"])\n')
    assert not page.widget("S").has(data_htst_filter=True)


@pytest.mark.parametrize("kind", ["selectbox", "multiselect"])
def test_filter_mode_errors_are_streamlits(kind):
    assert _error(f'st.{kind}("S", ["a"], filter_mode="exact")') == "Invalid `filter_mode` value. Supported values: fuzzy, contains, prefix, None."
    assert _error(f'st.{kind}("S", ["a"], filter_mode=None, accept_new_options=True)') == (
        "`filter_mode=None` and `accept_new_options=True` cannot be used together. `filter_mode` cannot be "
        "`None` when `accept_new_options=True`. Set `filter_mode` to `fuzzy`, `contains`, or `prefix`."
    )


# -- multiselect select_all --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ("", True),  # 1000: shown while 2..1000 options are left to select
        ("select_all=True", True),
        ("select_all=False", False),
        ("select_all=0", False),
        ("select_all=1", False),
        ("select_all=2", False),  # 3 options left
        ("select_all=3", True),
        ('default=["a", "b"]', False),  # one option left
        ("max_selections=2", False),  # "all" would be more than allowed
        ("max_selections=3", True),
    ],
)
def test_select_all_is_offered_when_it_can_select_two_or_more(serve, params, shown):
    extra = ", " + params if params else ""
    page = serve(f'import htst as st\nst.multiselect("M", ["a", "b", "c"]{extra})\n')
    assert page.widget("M").has("button", data_htst_select_all=True) is shown


def test_select_all_without_javascript_selects_every_option(serve):
    page = serve('import htst as st\nv = st.multiselect("M", ["a", "b", "c"], default=["b"])\nst.write(repr(v))\n')
    page.post(page.fields() + [("_htst_click", page.wid("M"))])
    assert "['a', 'b', 'c']" in page.dom.text
    assert not page.widget("M").has(data_htst_select_all=True)  # nothing left to select


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("-1", "Invalid `select_all` value. Supported values: True, False, a non-negative integer. When using an int, `select_all` must be a non-negative integer."),
        ('"a"', "Invalid `select_all` type. Expected one of: bool, int. Provided type: str."),
        ("None", "Invalid `select_all` type. Expected one of: bool, int. Provided type: NoneType."),
        ("1.5", "Invalid `select_all` type. Expected one of: bool, int. Provided type: float."),
    ],
)
def test_select_all_errors_are_streamlits(given, message):
    assert _error(f'st.multiselect("M", ["a"], select_all={given})') == message
