"""`htst.runtime.exists()`: True inside a running app script, False in a plain interpreter."""

from __future__ import annotations

import subprocess
import sys

import htst
import htst.runtime
from htst.testing.v1 import AppTest

SCRIPT = """
import htst as st
import htst.runtime

def on_click():
    st.session_state.in_callback = htst.runtime.exists()

st.button("Go", on_click=on_click)
st.write(f"exists={htst.runtime.exists()}")
st.write(f"in_callback={st.session_state.get('in_callback')}")
"""


def test_false_in_a_plain_interpreter():
    assert htst.runtime.exists() is False


def test_false_in_a_fresh_interpreter():
    code = "import htst.runtime, sys; sys.exit(0 if htst.runtime.exists() is False else 1)"
    assert subprocess.run([sys.executable, "-c", code], check=False, timeout=60).returncode == 0


def test_true_in_an_app_test_run_and_its_callbacks():
    at = AppTest.from_string(SCRIPT).run()
    assert at.markdown.values == ["exists=True", "in_callback=None"]
    at.button[0].click().run()
    assert at.markdown.values == ["exists=True", "in_callback=True"]
    assert htst.runtime.exists() is False  # the run is over


def test_true_in_a_served_script(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    script = tmp_path / "app.py"
    script.write_text(SCRIPT, encoding="utf-8")
    client = htst.create_app(script).test_client()
    data = client.get("/?format=json").get_json()
    assert _markdown(data) == ["exists=True", "in_callback=None"]
    button = next(n for n in data["tree"]["main"]["children"] if n["type"] == "button")
    click = {"_htst_tab": data["tab"], "_htst_click": button["props"]["wid"]}
    data = client.post("/_htst/rerun?format=json", data=click).get_json()
    assert _markdown(data) == ["exists=True", "in_callback=True"]
    assert htst.runtime.exists() is False


def _markdown(data: dict) -> list[str]:
    return [n["props"]["body"] for n in data["tree"]["main"]["children"] if n["type"] == "markdown"]
