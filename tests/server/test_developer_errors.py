"""Errors a developer sees: a SyntaxError points at the user's line with a caret (not at
htst's compiler call), a script deleted while serving says so in the page and the log,
and the app recovers when the file is back."""

from __future__ import annotations

import logging
import re

import htst


def page_text(client) -> str:
    html = client.get("/").get_data(as_text=True)
    return re.sub(r"<[^>]+>", "", html).replace("&#34;", '"').replace("&#39;", "'")


def test_a_syntax_error_shows_the_users_line_and_caret(tmp_path):
    script = tmp_path / "app.py"
    script.write_text('import htst as st\nst.write("a")\nst.write("b"\n')
    text = page_text(htst.create_app(script).test_client())
    assert "SyntaxError: '(' was never closed (app.py, line 3)" in text
    trace = text[text.index("Traceback"):]
    assert f'File "{script}", line 3\n    st.write("b"\n            ^' in trace
    assert "ast.py" not in trace and "htst/runtime" not in trace


def test_a_missing_script_is_explained_and_the_app_recovers(tmp_path, caplog):
    script = tmp_path / "app.py"
    script.write_text('import htst as st\nst.write("hello")\n')
    client = htst.create_app(script).test_client()
    assert "hello" in page_text(client)
    moved = script.rename(tmp_path / "moved.py")
    with caplog.at_level(logging.ERROR, logger="htst"):
        text = page_text(client)
    assert f"The script {script} does not exist" in text and "Traceback" not in text
    assert [r.getMessage() for r in caplog.records if r.name == "htst.script"] == [
        f"The script {script} does not exist (deleted or moved while the app runs). "
        "Put it back and the app runs it again: rerun or reload the page."
    ]
    moved.rename(script)
    assert "hello" in page_text(client)
