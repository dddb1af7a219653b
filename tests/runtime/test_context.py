"""`st.context` without a request (AppTest, outside a run): empty and None, as
Streamlit's AppTest gives; read-only everywhere."""

from __future__ import annotations

import pytest

import htst as st
from htst.runtime.request_info import Cookies, Headers, RequestInfo
from htst.testing.v1 import AppTest

SHOW = """
import htst as st
c = st.context
st.text(repr((dict(c.headers), dict(c.cookies), c.ip_address, c.is_embedded, c.locale,
              c.timezone, c.timezone_offset, c.theme.type, c.url)))
st.text(repr((c["timezone"], "timezone" in c, "nope" in c, dict(c.theme))))
"""


def test_app_test_gives_empty_headers_and_cookies_and_none_elsewhere():
    at = AppTest.from_string(SHOW).run()
    assert not at.exception
    assert at.text.values == [
        repr(({}, {}, None, None, None, None, None, None, None)),
        repr((None, True, False, {"type": None})),
    ]


def test_outside_a_run_the_values_are_empty_too():
    assert dict(st.context.headers) == {} and st.context.timezone is None and st.context.url is None


@pytest.mark.parametrize("name", ["timezone", "headers", "theme", "anything"])
def test_every_attribute_is_read_only_with_a_clear_error(name):
    at = AppTest.from_string(f"import htst as st\nst.context.{name} = 'x'\n").run()
    assert "st.context is read-only" in at.exception[0].message
    with pytest.raises(AttributeError, match="st.context is read-only"):
        setattr(st.context, name, "x")


def test_headers_cookies_and_theme_cannot_be_changed():
    info = RequestInfo(headers=(("Host", "x"),), cookies=(("a", "1"),))
    headers, cookies = Headers(info.headers), Cookies(info.cookies)
    with pytest.raises(TypeError):
        headers["Host"] = "y"  # type: ignore[index]
    with pytest.raises(TypeError):
        cookies["a"] = "2"  # type: ignore[index]
    with pytest.raises(AttributeError, match="read-only"):
        st.context.theme.type = "dark"  # type: ignore[misc]


def test_unknown_key_lists_the_valid_ones_and_context_is_not_iterable():
    with pytest.raises(KeyError, match="Valid keys are: cookies, headers"):
        st.context["nope"]
    with pytest.raises(TypeError):
        iter(st.context)


def test_headers_are_case_insensitive_and_keep_repeats():
    headers = Headers((("accept-language", "de"), ("X-Tag", "a"), ("x-tag", "b")))
    assert headers["Accept-Language"] == headers["ACCEPT-LANGUAGE"] == "de"
    assert list(headers) == ["Accept-Language", "X-Tag"]
    assert headers["x-tag"] == "a" and headers.get_all("X-TAG") == ["a", "b"]  # first, as Streamlit 1.67
    assert headers.get("missing") is None and headers.to_dict() == {"Accept-Language": "de", "X-Tag": "a"}
    assert Cookies((("a", "1"),)).to_dict() == {"a": "1"}


def test_browser_reports_replace_only_what_they_say():
    info = RequestInfo(locale="de", theme_type="light")
    new = info.from_browser("Asia/Tokyo", -540, None, "dark")
    assert (new.timezone, new.timezone_offset, new.locale, new.theme_type) == ("Asia/Tokyo", -540, "de", "dark")
    assert new.from_browser("Asia/Tokyo", -540, None, "purple") is new  # nothing new
