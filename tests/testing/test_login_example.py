"""App testing example: the login page, tested with dummy secrets."""

from __future__ import annotations

from htst.testing.v1 import AppTest

APP = "apps/login.py"


def test_no_interaction():
    at = AppTest.from_file(APP)
    at.secrets["password"] = "streamlit"
    at.run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


def test_incorrect_password():
    at = AppTest.from_file(APP)
    at.secrets["password"] = "streamlit"
    at.run()
    at.text_input[0].input("balloon").run()
    assert at.session_state["status"] == "incorrect"
    assert len(at.text_input) == 1
    assert len(at.warning) == 1
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""
    assert "Incorrect password" in at.warning[0].value


def test_correct_password():
    at = AppTest.from_file(APP)
    at.secrets["password"] = "streamlit"
    at.run()
    at.text_input[0].input("streamlit").run()
    assert at.session_state["status"] == "verified"
    assert len(at.text_input) == 0
    assert len(at.warning) == 0
    assert len(at.success) == 1
    assert len(at.button) == 1
    assert "Login successful" in at.success[0].value
    assert at.button[0].label == "Log out"


def test_log_out():
    at = AppTest.from_file(APP)
    at.secrets["password"] = "streamlit"
    at.session_state["status"] = "verified"
    at.run()
    at.button[0].click().run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


def test_incorrect_then_correct_password():
    at = AppTest.from_file(APP)
    at.secrets["password"] = "streamlit"
    at.run()
    at.text_input[0].input("balloon").run()
    assert at.session_state["status"] == "incorrect"
    at.text_input[0].input("streamlit").run()
    assert at.session_state["status"] == "verified"
    assert at.title[0].value == "My login page"
    assert len(at.exception) == 0


def test_without_the_secret_the_check_fails_visibly():
    at = AppTest.from_file(APP)
    at.secrets["other"] = "x"  # a secret exists, but not "password"
    at.run()
    at.text_input[0].input("streamlit").run()
    assert len(at.exception) == 1
    assert "password" in at.exception[0].value
    assert at.session_state["status"] == "unverified"
