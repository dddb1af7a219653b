"""Large text values: accepted up to the limits, and a 413 that names the limit it hit.

htmx posts the form as multipart/form-data (`hx-encoding`), so a big text_area value
arrives as one multipart text part. Two options bound a request: `server.maxUploadSize`
the whole body, `server.maxMessageSize` one text field (both in MB, as in Streamlit).
"""

from __future__ import annotations

import hashlib

import pytest

from htst.config import Config

TEXT = """
import hashlib
import htst as st

text = st.text_area("Text", key="text")
digest = hashlib.sha256(text.encode()).hexdigest()[:16]
st.write(f"length={len(text)} digest={digest}")
"""

BOUNDARY = "----htstLargeFieldBoundary"


def _multipart(fields: list[tuple[str, str]]) -> bytes:
    """A multipart/form-data body as a browser builds it (built by hand: the test client
    spools big bodies to a temporary file it never closes)."""
    body = b""
    for name, value in fields:
        body += (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value.encode()
            + b"\r\n"
        )
    return body + f"--{BOUNDARY}--\r\n".encode()


def _open(app):
    client = app.test_client()
    tab = client.get("/?format=json").get_json()["tab"]
    return client, tab


def _post_text(client, tab: str, text: str, *, multipart: bool = True):
    headers = {"HX-Request": "true"}
    if multipart:
        body = _multipart([("_htst_tab", tab), ("text", text)])
        return client.post(
            "/_htst/rerun?format=json",
            data=body,
            content_type=f"multipart/form-data; boundary={BOUNDARY}",
            headers=headers,
        )
    return client.post(
        "/_htst/rerun?format=json", data={"_htst_tab": tab, "text": text}, headers=headers
    )


def _shown(response) -> str:
    main = response.get_json()["tree"]["main"]["children"]
    return next(n["props"]["body"] for n in main if n["type"] == "markdown")


def _expected(text: str) -> str:
    return f"length={len(text)} digest={hashlib.sha256(text.encode()).hexdigest()[:16]}"


def _big_text(nbytes: int) -> str:
    # Varied, multi-byte content, so a truncated or re-encoded value shows in the digest.
    line = "Zeile äöü € 0123456789 — the quick brown fox\n"
    return line * (nbytes // len(line.encode()) + 1)


def test_max_message_size_is_an_option_in_megabytes():
    assert Config.load()["server.maxMessageSize"] == 200


@pytest.mark.parametrize("multipart", [True, False], ids=["multipart", "urlencoded"])
def test_a_600_kb_text_area_value_is_accepted_whole(make_app, multipart):
    client, tab = _open(make_app(TEXT))
    text = _big_text(600 * 1024)
    assert len(text.encode()) > 600 * 1024
    response = _post_text(client, tab, text, multipart=multipart)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert _shown(response) == _expected(text)


def test_a_body_over_max_upload_size_is_a_413_naming_it(make_app):
    client, tab = _open(make_app(TEXT, **{"server.maxUploadSize": 1}))
    response = _post_text(client, tab, "x" * (1024 * 1024 + 1))
    assert response.status_code == 413
    assert response.mimetype == "text/plain"
    message = response.get_data(as_text=True)
    assert "server.maxUploadSize" in message
    assert "1 MB" in message
    assert "server.maxMessageSize" not in message
    # The session is untouched and keeps working.
    response = _post_text(client, tab, "small")
    assert response.status_code == 200
    assert _shown(response) == _expected("small")


def test_a_field_over_max_message_size_is_a_413_naming_it(make_app):
    app = make_app(TEXT, **{"server.maxMessageSize": 1, "server.maxUploadSize": 10})
    client, tab = _open(app)
    response = _post_text(client, tab, "x" * (1024 * 1024 + 1))
    assert response.status_code == 413
    assert response.mimetype == "text/plain"
    message = response.get_data(as_text=True)
    assert "server.maxMessageSize" in message
    assert "1 MB" in message
    assert "server.maxUploadSize" not in message
    # Just under the field limit is fine.
    text = "y" * (1024 * 1024 - 100)
    response = _post_text(client, tab, text)
    assert response.status_code == 200
    assert _shown(response) == _expected(text)


def test_max_message_size_does_not_limit_files(make_app, tmp_path):
    """A file part is spooled to disk, not held as a field: only maxUploadSize bounds it."""
    source = """
    import htst as st
    f = st.file_uploader("File", key="f")
    st.write(f"size={f.size if f else None}")
    """
    app = make_app(source, **{"server.maxMessageSize": 1, "server.maxUploadSize": 10})
    client, tab = _open(app)
    body = (
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="_htst_tab"\r\n\r\n{tab}\r\n'
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="f"; filename="big.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        + b"z" * (2 * 1024 * 1024)
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )
    response = client.post(
        "/_htst/rerun?format=json",
        data=body,
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert _shown(response) == f"size={2 * 1024 * 1024}"


def test_too_many_parts_is_a_413_that_says_so(make_app):
    client, tab = _open(make_app(TEXT))
    fields = [("_htst_tab", tab)] + [("text", "x")] * 1500
    response = client.post(
        "/_htst/rerun?format=json",
        data=_multipart(fields),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )
    assert response.status_code == 413
    message = response.get_data(as_text=True)
    assert "too many form fields" in message
    assert "server.maxUploadSize" not in message and "server.maxMessageSize" not in message
