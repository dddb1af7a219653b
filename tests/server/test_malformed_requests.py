"""Malformed request bodies never crash the server, and the session survives them.

Whatever arrives at /_htst/rerun — multipart parts without a usable name, a missing
boundary, truncated or random bytes, odd urlencoded keys, a wrong content type — the
answer is a 2xx or a 4xx, never a 500; afterwards the tab's state is as it was and the
next click works. Targeted cases first, then a seeded random fuzz loop.
"""

from __future__ import annotations

import gc
import random
import time
import warnings
from urllib.parse import quote

import pytest

APP = """
import htst as st

if "count" not in st.session_state:
    st.session_state.count = 0

def add():
    st.session_state.count += 1

st.button("Add", on_click=add)
name = st.text_input("Name", key="name")
tags = st.multiselect("Tags", ["a", "b", "c"], key="tags")
upload = st.file_uploader("File", key="file")
st.write(f"count={st.session_state.count}")
"""

BOUNDARY = "----htstFuzzBoundary7MA4YWxkTrZu0gW"


@pytest.fixture
def tab(make_app, open_tab):
    tab = open_tab(make_app(APP).test_client())
    tab.click("Add")
    assert "count=1" in tab.page.text
    return tab


def _post(tab, body: bytes, content_type: str | None, *, htmx: bool = False):
    """POST raw bytes to /_htst/rerun with the tab's cookies; the app must not raise."""
    headers = {"HX-Request": "true"} if htmx else {}
    if content_type is not None:
        headers["Content-Type"] = content_type
    return tab.client.post("/_htst/rerun", data=body, headers=headers)


def _assert_survived(tab, response, count: int = 1) -> None:
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    # The tab's session is intact and keeps working: its count, then one more click.
    tab.post({"_htst_rerun": "1"})
    assert f"count={count}" in tab.page.text, tab.page.text
    tab.click("Add")
    assert f"count={count + 1}" in tab.page.text, tab.page.text


def _part(disposition: bytes, value: bytes, extra: bytes = b"") -> bytes:
    return b"Content-Disposition: " + disposition + b"\r\n" + extra + b"\r\n" + value


def _multipart(tab, *parts: bytes, boundary: str = BOUNDARY, with_token: bool = True) -> bytes:
    token = [_part(b'form-data; name="_htst_tab"', tab.token.encode())] if with_token else []
    body = b"".join(f"--{boundary}\r\n".encode() + p + b"\r\n" for p in [*token, *parts])
    return body + f"--{boundary}--\r\n".encode()


MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"

# Parts a browser never sends: each must be skipped or refused, never crash the reader.
ODD_PARTS = {
    "no name": _part(b"form-data", b"value"),
    "name without value": _part(b"form-data; name=", b"value"),
    "unterminated quoted name": _part(b'form-data; name="abc', b"value"),
    "empty name": _part(b'form-data; name=""', b"value"),
    "name of spaces": _part(b'form-data; name="   "', b"value"),
    "name with NUL": _part(b'form-data; name="na\x00me"', b"value"),
    "name not UTF-8": _part(b'form-data; name="\xff\xfe"', b"value"),
    "RFC 2231 name": _part(b"form-data; name*=UTF-8''%E2%82%AC", b"value"),
    "file without name": _part(
        b'form-data; filename="a.txt"', b"data", b"Content-Type: text/plain\r\n"
    ),
    "file with empty name": _part(b'form-data; name=""; filename="a.txt"', b"data"),
    "file name without value": _part(b'form-data; name=; filename="a.txt"', b"data"),
    "no Content-Disposition": b"Content-Type: text/plain\r\n\r\nvalue",
    "not form-data": _part(b'attachment; name="name"', b"value"),
    "header without colon": b"Content-Disposition form-data\r\n\r\nvalue",
    "folded header": b'Content-Disposition: form-data;\r\n name="name"\r\n\r\nfolded',
    "huge header": _part(b'form-data; name="' + b"n" * 100_000 + b'"', b"value"),
    "duplicate token part": _part(b'form-data; name="_htst_tab"', b"garbage"),
    "click without value": _part(b'form-data; name="_htst_click"', b""),
    "step garbage": _part(b'form-data; name="_htst_step"', b"\xff:+1"),
    "remove garbage": _part(b'form-data; name="_htst_remove"', b"file:"),
}


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
@pytest.mark.parametrize("part", list(ODD_PARTS.values()), ids=list(ODD_PARTS))
def test_odd_multipart_parts(tab, part, htmx):
    response = _post(tab, _multipart(tab, part), MULTIPART, htmx=htmx)
    _assert_survived(tab, response)


def test_a_nameless_part_beside_a_good_field_still_applies_the_field(tab):
    body = _multipart(tab, ODD_PARTS["no name"], _part(b'form-data; name="name"', b"Ada"))
    response = _post(tab, body, MULTIPART)
    assert response.status_code == 200
    tab.post({"_htst_rerun": "1"})
    assert tab.page.html.count('value="Ada"') == 1


def _broken_bodies(tab) -> dict[str, tuple[bytes, str | None]]:
    good = _multipart(tab, _part(b'form-data; name="name"', b"Bo"))
    return {
        "missing boundary parameter": (good, "multipart/form-data"),
        "empty boundary": (good, "multipart/form-data; boundary="),
        "other boundary": (good, "multipart/form-data; boundary=nope"),
        "boundary of spaces": (good, 'multipart/form-data; boundary="   "'),
        "no closing delimiter": (good[: good.rindex(b"--" + BOUNDARY.encode())], MULTIPART),
        "cut in the headers": (good[: good.index(b"Content-Disposition") + 25], MULTIPART),
        "cut in a value": (good[: good.index(b"Bo") + 1], MULTIPART),
        "only the delimiter": (f"--{BOUNDARY}".encode(), MULTIPART),
        "empty body": (b"", MULTIPART),
        "random bytes": (random.Random(1).randbytes(4096), MULTIPART),
        "LF instead of CRLF": (good.replace(b"\r\n", b"\n"), MULTIPART),
        "multipart/mixed": (good, f"multipart/mixed; boundary={BOUNDARY}"),
        "multipart as json": (good, "application/json"),
        "multipart as text": (good, "text/plain"),
        "multipart without type": (good, None),
        "garbage type": (good, "\x00/\x00; boundary=\x00"),
        "urlencoded utf-16": (
            b"n\x00a\x00m\x00e\x00=\x00x\x00",
            "application/x-www-form-urlencoded; charset=utf-16",
        ),
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing boundary parameter",
        "empty boundary",
        "other boundary",
        "boundary of spaces",
        "no closing delimiter",
        "cut in the headers",
        "cut in a value",
        "only the delimiter",
        "empty body",
        "random bytes",
        "LF instead of CRLF",
        "multipart/mixed",
        "multipart as json",
        "multipart as text",
        "multipart without type",
        "garbage type",
        "urlencoded utf-16",
    ],
)
def test_broken_bodies_and_wrong_content_types(tab, case):
    body, content_type = _broken_bodies(tab)[case]
    _assert_survived(tab, _post(tab, body, content_type))


URLENCODED = "application/x-www-form-urlencoded"

ODD_URLENCODED = {
    "empty key": "={value}",
    "only separators": "&&&=&",
    "NUL key": "%00=1",
    "NUL in a widget key": "na%00me=x",
    "bad escapes": "%zz=%g0&name=%",
    "not UTF-8": "%ff%fe=%ff&name=%c3%28",
    "very long key": "k" * 200_000 + "=1",
    "very long value of an unknown key": "nothing=" + "v" * 200_000,
    "repeated token, bad first": "_htst_tab=garbage&_htst_tab={token}",
    "repeated token, bad last": "_htst_tab={token}&_htst_tab=garbage",
    "empty token": "_htst_tab=",
    "token without value": "_htst_tab",
    "click on nothing": "_htst_click=",
    "click on a key": "_htst_click=name",
    "click on the token": "_htst_click=_htst_tab",
    "step on text": "_htst_step=name:+1",
    "remove without id": "_htst_remove=:",
    "fragment garbage": "_htst_fragment=%00",
    "multiselect garbage": "tags=%00&tags=zzz",
    "plus and spaces": "+=+&name=+",
}


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
@pytest.mark.parametrize("query", list(ODD_URLENCODED.values()), ids=list(ODD_URLENCODED))
def test_odd_urlencoded_keys(tab, query, htmx):
    fields = query.format(token=quote(tab.token), value="v")
    body = f"_htst_tab={quote(tab.token)}&{fields}".encode()
    _assert_survived(tab, _post(tab, body, URLENCODED, htmx=htmx))


# -- a seeded random fuzz loop -------------------------------------------------------------

FUZZ_REQUESTS = 300
FUZZ_SECONDS = 60  # far above the ~2 s it takes; only a hang would reach it

_NAMES = [
    b"name",
    b"tags",
    b"file",
    b"_htst_tab",
    b"_htst_click",
    b"_htst_step",
    b"_htst_remove",
    b"_htst_rerun",
    b"",
    b"\x00",
    b"\xff",
    b"%00",
    b"w0123456789abcd",
    b'"',
    b"\\",
    b";",
]
_VALUES = [
    b"",
    b"x",
    b"Ada",
    b"\x00",
    b"\xff\xfe",
    b"a" * 1000,
    b"name:+1",
    b":",
    b"file:abc",
    b"a\r\n--" + BOUNDARY.encode(),
    b"1",
    b"0",
    b"-1",
]
_DISPOSITIONS = [
    b'form-data; name="%s"',
    b"form-data; name=%s",
    b'form-data; name="%s',
    b"form-data",
    b'form-data; filename="%s"',
    b'form-data; name="%s"; filename="f.txt"',
    b"form-data; name=",
    b'form-data; name="%s"; name="x"',
    b"form-data; name*=UTF-8''%s",
    b"%s",
]


def _random_part(rng: random.Random) -> bytes:
    disposition = rng.choice(_DISPOSITIONS)
    if b"%s" in disposition:
        disposition = disposition.replace(b"%s", rng.choice(_NAMES))
    extra = rng.choice([b"", b"Content-Type: text/plain\r\n", b"Content-Type: \xff\r\n"])
    if rng.random() < 0.1:
        return extra + b"\r\n" + rng.choice(_VALUES)  # no Content-Disposition at all
    return _part(disposition, rng.choice(_VALUES), extra)


def _mutate(rng: random.Random, body: bytes) -> bytes:
    data = bytearray(body)
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        at = rng.randrange(len(data))
        kind = rng.randrange(5)
        if kind == 0:
            del data[at:]  # truncate
        elif kind == 1:
            data[at] = rng.randrange(256)  # flip a byte
        elif kind == 2:
            data[at:at] = rng.randbytes(rng.randint(1, 16))  # insert garbage
        elif kind == 3:
            del data[at : at + rng.randint(1, 32)]  # cut a piece out
        else:
            data[at:at] = rng.choice([b"\r\n", b"--", b'"', b";", BOUNDARY.encode()])
    return bytes(data)


def _random_request(rng: random.Random, tab) -> tuple[bytes, str | None]:
    kind = rng.randrange(4)
    if kind == 0:  # multipart with odd parts, maybe mutated
        parts = [_random_part(rng) for _ in range(rng.randint(0, 5))]
        body = _multipart(tab, *parts, with_token=rng.random() < 0.9)
        if rng.random() < 0.5:
            body = _mutate(rng, body)
        content_type = rng.choice([MULTIPART, MULTIPART, "multipart/form-data", None, URLENCODED])
    elif kind == 1:  # urlencoded with odd keys and values
        pairs = [
            (quote(rng.choice(_NAMES)), quote(rng.choice(_VALUES)))
            for _ in range(rng.randint(0, 6))
        ]
        fields = "&".join(f"{k}={v}" if rng.random() < 0.9 else k for k, v in pairs)
        body = f"_htst_tab={quote(tab.token)}&{fields}".encode()
        if rng.random() < 0.3:
            body = _mutate(rng, body)
        content_type = rng.choice([URLENCODED, URLENCODED, MULTIPART, "text/plain"])
    elif kind == 2:  # random bytes
        body = rng.randbytes(rng.randint(0, 2048))
        content_type = rng.choice([MULTIPART, URLENCODED, "application/octet-stream", None])
    else:  # a good multipart body, mutated
        good = _multipart(
            tab,
            _part(b'form-data; name="name"', b"Eve"),
            _part(
                b'form-data; name="file"; filename="a.txt"', b"abc", b"Content-Type: text/plain\r\n"
            ),
        )
        body, content_type = _mutate(rng, good), MULTIPART
    return body, content_type


def test_random_malformed_requests_never_crash(tab):
    rng = random.Random(20240611)
    failures: list[str] = []
    deadline = time.monotonic() + FUZZ_SECONDS
    with warnings.catch_warnings():
        # When a body ends inside a file part, Werkzeug drops the half-read part's
        # SpooledTemporaryFile without closing it (freed at once by refcounting): a
        # ResourceWarning that is Werkzeug's, not an htst failure.
        warnings.simplefilter("ignore", ResourceWarning)
        for number in range(FUZZ_REQUESTS):
            assert time.monotonic() < deadline, f"the fuzz loop hung after {number} requests"
            body, content_type = _random_request(rng, tab)
            htmx = rng.random() < 0.5
            try:
                status = _post(tab, body, content_type, htmx=htmx).status_code
            except Exception as exc:  # noqa: BLE001 - the test client raises what the app did not handle
                failures.append(f"#{number} {content_type!r} …{body[-200:]!r}: {exc!r}")
                continue
            if status >= 500:
                failures.append(f"#{number} {content_type!r} …{body[-200:]!r}: HTTP {status}")
        gc.collect()
    assert not failures, f"{len(failures)} of {FUZZ_REQUESTS} requests crashed:\n" + "\n".join(
        failures[:10]
    )
    # None of them clicked Add: the count is where it was, and the tab still works.
    tab.post({"_htst_rerun": "1"})
    assert "count=1" in tab.page.text
    tab.click("Add")
    assert "count=2" in tab.page.text


@pytest.mark.parametrize(
    "body",
    [
        b"a=1&b=2&a=3", b"a=%E2%9C%93&b=x+y", b"a=%FF%FE", b"a=%zz&b=%", b"=x&a&b=", b"a=1;b=2",
        b"\xff\xfe=1", b"a=caf\xc3\xa9", b"&&a=1&&", b"", b"a=" + b"x" * 5000, b"%41=%42",
    ],
)
def test_url_encoded_bodies_read_as_werkzeug_reads_them(body):
    # read_fields parses url-encoded bodies itself (htmx posts each interaction that way):
    # names, values, order and bad bytes come out as Werkzeug's own form parser has them.
    from flask import Flask, request

    from htst.server.posted import read_fields

    app = Flask(__name__)
    with app.test_request_context("/", method="POST", data=body, content_type="application/x-www-form-urlencoded"):
        ours = read_fields(request).values
    with app.test_request_context("/", method="POST", data=body, content_type="application/x-www-form-urlencoded"):
        theirs: dict[str, list[str]] = {}
        for name, value in request.form.items(multi=True):
            if name:
                theirs.setdefault(name, []).append(value)
    assert ours == theirs


def test_a_url_encoded_body_over_the_upload_limit_is_refused_by_name(make_app, open_tab):
    app = make_app(APP, **{"server.maxUploadSize": 1})
    tab = open_tab(app.test_client())
    response = tab.post({tab.wid("Name"): "x" * (2 * 1024 * 1024)})
    assert response.status_code == 413
    assert "server.maxUploadSize" in response.get_data(as_text=True)
