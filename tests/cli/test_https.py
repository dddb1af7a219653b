"""HTTPS (docs 4.1): server.sslCertFile + server.sslKeyFile serve https with Secure cookies;
one without the other, or files that are not a certificate and its key, stop with an
error naming the option. Behind a TLS-terminating proxy, server.trustedProxies makes the
forwarded scheme the request's."""

from __future__ import annotations

import http.client
import shutil
import ssl
import subprocess
import sys
import time

import pytest

from htst.cli import main

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")


@pytest.fixture(scope="module")
def cert_pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def script(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "argv", list(sys.argv))  # `htst run` gives the script its own argv
    path = tmp_path / "app.py"
    path.write_text("import htst as st\nst.write('over tls')\n")
    return path


@pytest.mark.parametrize("given, missing", [("sslCertFile", "sslKeyFile"), ("sslKeyFile", "sslCertFile")])
def test_one_file_without_the_other_is_an_error(capsys, script, cert_pair, given, missing):
    assert main(["run", str(script), "--server.headless", "true", f"--server.{given}", str(cert_pair[0])]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"htst: server.{given} is set but server.{missing} is not: HTTPS needs both (or neither, for plain HTTP)."


def test_a_missing_or_unusable_file_is_a_clear_error(capsys, script, cert_pair, tmp_path):
    cert, key = cert_pair
    args = ["run", str(script), "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", "0"]
    assert main([*args, "--server.sslCertFile", str(cert), "--server.sslKeyFile", str(tmp_path / "nope.key")]) == 1
    assert f"server.sslKeyFile: no such file: {tmp_path / 'nope.key'}" in capsys.readouterr().err
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("not a certificate")
    assert main([*args, "--server.sslCertFile", str(garbage), "--server.sslKeyFile", str(key)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"htst: cannot use {garbage} and {key} for HTTPS") and "PEM certificate chain" in err


def test_the_app_is_served_over_https_with_secure_cookies(tmp_path, cert_pair):
    cert, key = cert_pair
    (tmp_path / "app.py").write_text("import htst as st\nst.write('over tls')\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "htst", "run", "app.py", "--server.address", "127.0.0.1", "--server.port", "0",
         "--server.headless", "true", "--server.sslCertFile", str(cert), "--server.sslKeyFile", str(key)],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        port = None
        deadline = time.monotonic() + 20
        while port is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if "Local URL: https://localhost:" in line:
                port = int(line.rsplit(":", 1)[1].strip("/\n"))
        assert port, "no https Local URL printed"
        context = ssl.create_default_context(cafile=str(cert))
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)
        connection.request("GET", "/")
        response = connection.getresponse()
        body = response.read().decode()
        assert response.status == 200 and "over tls" in body
        cookie = response.getheader("Set-Cookie")
        assert "Secure" in cookie and "HttpOnly" in cookie
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


@pytest.mark.parametrize("proxies, secure", [(1, True), (0, False)])
def test_behind_a_tls_proxy_the_forwarded_scheme_counts_when_trusted(make_app, proxies, secure):
    app = make_app("import htst as st\nst.write('x')\n", **{"server.trustedProxies": proxies})
    response = app.test_client().get("/", headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"})
    assert response.status_code == 200
    assert ("Secure" in response.headers["Set-Cookie"]) is secure
