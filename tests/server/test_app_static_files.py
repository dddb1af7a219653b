"""Static file serving (docs 4.3): `./static/` beside the app at `app/static/<file>` when
`server.enableStaticServing` is on; images with their types, everything else text/plain,
nosniff on every answer, and never a byte from outside the folder."""

from __future__ import annotations

import os

import pytest
from flask import Flask

import htst

PNG = b"\x89PNG\r\n\x1a\n fake"
ON = {"server.enableStaticServing": True}


@pytest.fixture
def app_dir(tmp_path):
    (tmp_path / "app.py").write_text("import htst as st\nst.write('page')\n")
    static = tmp_path / "static"
    (static / "img").mkdir(parents=True)
    (static / "cat.png").write_bytes(PNG)
    (static / "photo.JPEG").write_bytes(b"jpeg")
    (static / "anim.gif").write_bytes(b"GIF89a")
    (static / "img" / "dog.jpg").write_bytes(b"jpg")
    (static / "page.html").write_text("<script>alert(1)</script>")
    (static / "data.json").write_text('{"a": 1}')
    (tmp_path / "secret.txt").write_text("outside the folder")
    os.symlink(tmp_path / "secret.txt", static / "link_out.txt")
    os.symlink(static / "cat.png", static / "link_in.png")
    return tmp_path


def client(app_dir, **options):
    return htst.create_app(app_dir / "app.py", **options).test_client()


@pytest.mark.parametrize(
    "path, content_type, body",
    [
        ("cat.png", "image/png", PNG),
        ("photo.JPEG", "image/jpeg", b"jpeg"),
        ("anim.gif", "image/gif", b"GIF89a"),
        ("img/dog.jpg", "image/jpeg", b"jpg"),
        ("page.html", "text/plain; charset=utf-8", b"<script>alert(1)</script>"),
        ("data.json", "text/plain; charset=utf-8", b'{"a": 1}'),
        ("link_in.png", "image/png", PNG),  # a symlink that stays inside is fine
    ],
)
def test_files_are_served_with_their_types_and_nosniff(app_dir, path, content_type, body):
    with client(app_dir, **ON).get(f"/app/static/{path}") as response:  # streamed from the file
        assert response.status_code == 200
        assert response.headers["Content-Type"] == content_type
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.data == body


def test_a_file_not_changed_is_not_sent_again(app_dir):
    web = client(app_dir, **ON)
    with web.get("/app/static/cat.png") as first, web.get("/app/static/cat.png", headers={"If-None-Match": first.headers["ETag"]}) as again:
        assert again.status_code == 304 and again.data == b""


@pytest.mark.parametrize(
    "path",
    [
        "../secret.txt", "%2e%2e/secret.txt", "..%2fsecret.txt", "%2e%2e%2fsecret.txt",
        "%252e%252e/secret.txt", "%252e%252e%252fsecret.txt", "img/../../secret.txt",
        "..%5csecret.txt", "img%5c..%5c..%5csecret.txt", "/etc/passwd", "%2fetc%2fpasswd",
        "link_out.txt", "img", "nope.png", "cat.png%00.txt", ".%2e/secret.txt",
    ],
)
def test_nothing_outside_the_folder_is_ever_served(app_dir, path):
    response = client(app_dir, **ON).get(f"/app/static/{path}")
    assert response.status_code in (400, 404), path
    assert b"outside the folder" not in response.data and b"root:" not in response.data
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_off_by_default(app_dir):
    response = client(app_dir).get("/app/static/cat.png")
    assert response.status_code == 404 and PNG not in response.data


def test_under_the_base_url_path_and_a_blueprint_prefix(app_dir):
    based = client(app_dir, **ON, **{"server.baseUrlPath": "tools"})
    with based.get("/tools/app/static/cat.png") as response:
        assert response.data == PNG
    site = Flask("site")
    site.register_blueprint(htst.blueprint(app_dir / "app.py", **ON), url_prefix="/dash")
    with site.test_client().get("/dash/app/static/img/dog.jpg") as response:
        assert response.data == b"jpg"
