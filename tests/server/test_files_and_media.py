"""HTTP: file uploads as multipart posts of the app form, and downloads from /_htst/media."""

from __future__ import annotations

import io
import re

import pytest
from werkzeug.datastructures import MultiDict

UPLOADS = """
import htst as st

one = st.file_uploader("Upload a CSV", type=["csv", "txt"], key="one")
many = st.file_uploader("Upload many", accept_multiple_files=True)
if one is not None:
    st.write(f"one: {one.name} {one.type} {one.size} {one.read().decode()!r}")
else:
    st.write("one: none")
st.write("many: " + (", ".join(f"{f.name}={f.getvalue().decode()}" for f in many) or "none"))
"""


def _upload(tab, fields, *, htmx=False):
    """A multipart post, as the browser's form (enctype multipart/form-data) sends it."""
    data = MultiDict(list(fields) + [("_htst_tab", tab.token)])
    headers = {"HX-Request": "true"} if htmx else {}
    response = tab.client.post("/_htst/rerun", data=data, content_type="multipart/form-data", headers=headers)
    if not htmx and response.status_code == 200 and response.mimetype == "text/html":
        tab.page = type(tab.page)(response.get_data(as_text=True))
        tab.token = tab.page.token or tab.token
    return response


def _file(content: bytes, name: str, mimetype: str = "text/csv"):
    return (io.BytesIO(content), name, mimetype)


@pytest.fixture
def tab(make_app, open_tab):
    return open_tab(make_app(UPLOADS).test_client())


def test_form_is_multipart_with_a_labelled_file_input(tab):
    html = tab.response.get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in html
    wid = tab.wid("Upload a CSV")
    assert re.search(rf'<input type="file" id="{wid}" name="{wid}"[^>]* accept=".csv,.txt"', html)
    assert "one: none" in tab.page.text and "many: none" in tab.page.text


def test_form_without_uploader_posts_urlencoded(make_app, open_tab):
    tab = open_tab(make_app("import htst as st\nst.button('Go')\n").test_client())
    html = tab.response.get_data(as_text=True)
    assert "enctype=" not in html  # a browser without JS posts the smaller urlencoded form
    assert 'hx-encoding="multipart/form-data"' in html  # htst.js picks per request


def test_upload_reaches_the_script(tab):
    response = _upload(tab, [(tab.wid("Upload a CSV"), _file(b"a,b\n1,2", "data.csv"))])
    assert response.status_code == 200
    assert "one: data.csv text/csv 7 'a,b\\n1,2'" in tab.page.text
    # The file stays in the widget's state: a later post without it still sees it.
    tab.post({"_htst_rerun": "1"})
    assert "one: data.csv text/csv 7" in tab.page.text
    assert "data.csv" in tab.page.text  # listed under the input


def test_upload_by_key_and_htmx_partials(tab, read_partials):
    response = _upload(tab, [("one", _file(b"x", "x.txt", "text/plain"))], htmx=True)
    assert response.status_code == 200
    parts = read_partials(response.data)
    assert any("one: x.txt text/plain 1" in html for html in parts.values())


def test_disallowed_type_is_a_400_and_changes_nothing(tab):
    response = _upload(tab, [(tab.wid("Upload a CSV"), _file(b"MZ", "evil.exe", "application/octet-stream"))])
    assert response.status_code == 400
    assert "'.exe' files are not allowed" in response.get_data(as_text=True)
    tab.post({"_htst_rerun": "1"})
    assert "one: none" in tab.page.text


def test_upload_over_max_upload_size_is_a_413(make_app, open_tab):
    tab = open_tab(make_app(UPLOADS, **{"server.maxUploadSize": 1}).test_client())
    # Built by hand: the test client spools a big multipart body to a file it never closes.
    body = (
        f'--B\r\nContent-Disposition: form-data; name="_htst_tab"\r\n\r\n{tab.token}\r\n'
        f'--B\r\nContent-Disposition: form-data; name="{tab.wid("Upload a CSV")}"; filename="big.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode() + b"x" * (1024 * 1024 + 1) + b"\r\n--B--\r\n"
    response = tab.client.post("/_htst/rerun", data=body, content_type="multipart/form-data; boundary=B")
    assert response.status_code == 413
    assert "server.maxUploadSize" in response.get_data(as_text=True)
    tab.post({"_htst_rerun": "1"})
    assert "one: none" in tab.page.text


def test_remove_button_clears_the_file(tab):
    wid = tab.wid("Upload a CSV")
    _upload(tab, [(wid, _file(b"1", "a.csv"))])
    remove = re.search(rf'name="_htst_remove" value="({wid}:[0-9a-f]+)"', tab.page.html)
    assert remove, "the uploaded file has a remove button"
    tab.post({"_htst_remove": remove.group(1)})
    assert "one: none" in tab.page.text
    assert "a.csv" not in tab.page.text and "_htst_remove" not in tab.page.html


def test_single_uploader_replaces_and_multi_uploader_appends(tab):
    one, many = tab.wid("Upload a CSV"), tab.wid("Upload many")
    _upload(tab, [(one, _file(b"1", "first.csv")), (many, _file(b"A", "a.txt")), (many, _file(b"B", "b.txt"))])
    assert "one: first.csv" in tab.page.text
    assert "many: a.txt=A, b.txt=B" in tab.page.text
    _upload(tab, [(one, _file(b"2", "second.csv")), (many, _file(b"C", "c.txt"))])
    assert "one: second.csv" in tab.page.text
    assert "many: a.txt=A, b.txt=B, c.txt=C" in tab.page.text
    # Remove the middle one of the many.
    b_id = re.search(rf'value="{many}:([0-9a-f]+)" class="htst-file-remove" aria-label="Remove b.txt"', tab.page.html)
    assert b_id
    tab.post({"_htst_remove": f"{many}:{b_id.group(1)}"})
    assert "many: a.txt=A, c.txt=C" in tab.page.text


def test_single_uploader_refuses_two_files(tab):
    one = tab.wid("Upload a CSV")
    response = _upload(tab, [(one, _file(b"1", "a.csv")), (one, _file(b"2", "b.csv"))])
    assert response.status_code == 400


def test_empty_file_field_is_no_change(tab):
    # A browser without JS posts an empty file input as a part with filename="".
    response = _upload(tab, [(tab.wid("Upload a CSV"), (io.BytesIO(b""), "", "application/octet-stream"))], htmx=True)
    assert response.status_code == 204


def test_bad_remove_request_is_a_400(tab):
    assert tab.post({"_htst_remove": "nonsense"}).status_code == 400


DOWNLOADS = """
import htst as st

st.session_state.setdefault("clicks", 0)

def clicked():
    st.session_state.clicks += 1

got = st.download_button("Get report", "0123456789" * 10, file_name="report.txt", on_click=clicked)
st.download_button("Quiet", b"\\x00\\x01", file_name="q.bin", on_click="ignore")
st.link_button("Docs", "https://example.org/docs")
st.write(f"clicks={st.session_state.clicks} got={got}")
"""


def _media_url(html: str, label: str) -> str:
    match = re.search(rf'data-htst-download="([^"]+)"[^>]*><span class="htst-button-label">{label}</span></button>', html)
    assert match, f"no download button {label!r}"
    return match.group(1)


@pytest.fixture
def dl_tab(make_app, open_tab):
    return open_tab(make_app(DOWNLOADS).test_client())


def test_download_served_with_headers(dl_tab):
    url = _media_url(dl_tab.page.html, "Get report")
    assert re.fullmatch(r"/_htst/media/[0-9a-f]{32}", url)
    response = dl_tab.client.get(url)
    assert response.status_code == 200
    assert response.data == b"0123456789" * 10
    assert response.mimetype == "text/plain"
    assert response.headers["Content-Disposition"] == "attachment; filename=report.txt"
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_download_range_request(dl_tab):
    url = _media_url(dl_tab.page.html, "Get report")
    response = dl_tab.client.get(url, headers={"Range": "bytes=10-14"})
    assert response.status_code == 206
    assert response.data == b"01234"
    assert response.headers["Content-Range"] == "bytes 10-14/100"


def test_unknown_media_id_is_a_404(dl_tab):
    assert dl_tab.client.get("/_htst/media/" + "0" * 32).status_code == 404


def test_download_click_with_htmx_reruns_with_the_callback(dl_tab, read_partials):
    response = dl_tab.post({"_htst_click": dl_tab.wid("Get report")}, htmx=True)
    assert any("clicks=1 got=True" in html for html in read_partials(response.data).values())
    assert dl_tab.post({"_htst_click": dl_tab.wid("Quiet")}, htmx=True).status_code == 204


def test_no_js_download_post_answers_with_the_file_after_the_click(dl_tab):
    # A browser without JS submits the form with the button: the answer is the file.
    response = dl_tab.post({"_htst_click": dl_tab.wid("Get report")})
    assert response.status_code == 200
    assert response.data == b"0123456789" * 10
    assert response.headers["Content-Disposition"] == "attachment; filename=report.txt"
    dl_tab.post({"_htst_rerun": "1"})
    assert "clicks=1 got=False" in dl_tab.page.text  # the click ran its callback


def test_no_js_download_with_on_click_ignore_does_not_rerun(dl_tab):
    response = dl_tab.post({"_htst_click": dl_tab.wid("Quiet")})
    assert response.data == b"\x00\x01"
    assert response.headers["Content-Disposition"] == "attachment; filename=q.bin"
    dl_tab.post({"_htst_rerun": "1"})
    assert "clicks=0" in dl_tab.page.text


def test_link_button_is_a_link_to_a_new_tab(dl_tab):
    assert re.search(
        r'<a href="https://example.org/docs" target="_blank" rel="noopener noreferrer" class="htst-button[^"]*"><span class="htst-button-label">Docs</span></a>',
        dl_tab.page.html,
    )


def test_media_urls_follow_the_mount_point(tmp_path):
    import textwrap

    from flask import Flask

    import htst

    script = tmp_path / "dl.py"
    script.write_text(textwrap.dedent(DOWNLOADS), encoding="utf-8")
    site = Flask("site")
    site.register_blueprint(htst.blueprint(script), url_prefix="/dash")
    client = site.test_client()
    html = client.get("/dash/").get_data(as_text=True)
    url = _media_url(html, "Get report")
    assert url.startswith("/dash/_htst/media/")
    assert client.get(url).data == b"0123456789" * 10


def test_chat_input_posts_a_message_once(make_app, open_tab):
    tab = open_tab(make_app("""
        import htst as st
        msg = st.chat_input("Ask")
        st.write(f"msg={msg!r}")
    """).test_client())
    html = tab.page.html
    wid = re.search(r'<input type="text" id="(w[0-9a-f]+)"[^>]*placeholder="Ask"', html).group(1)
    assert "htst-chat-input--pinned" in html
    tab.post({wid: "hello"})
    assert "msg='hello'" in tab.page.text
    tab.post({"_htst_rerun": "1"})
    assert "msg=None" in tab.page.text
    tab.post({wid: "hello"})  # the same message again is a new message
    assert "msg='hello'" in tab.page.text


def test_download_names_cannot_inject_headers(make_app, open_tab):
    tab = open_tab(make_app("""
        import htst as st
        st.download_button("Odd", b"x", file_name="a\\r\\nSet-Cookie: x=1.txt")
        st.download_button("Accents", b"y", file_name="résumé.txt")
    """).test_client())
    odd = tab.client.get(_media_url(tab.page.html, "Odd"))
    assert odd.status_code == 200 and "Set-Cookie" not in odd.headers
    assert "\\n" not in odd.headers["Content-Disposition"]
    accents = tab.client.get(_media_url(tab.page.html, "Accents"))
    assert "filename*=UTF-8''r%C3%A9sum%C3%A9.txt" in accents.headers["Content-Disposition"]
