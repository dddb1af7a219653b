"""The buttons and input widgets take Streamlit 1.67's parameters: same names, kinds and
defaults (`streamlit_1_67_signatures.json`), minus the ones that come with later work."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

import htst as st

SIGNATURES = json.loads((Path(__file__).with_name("streamlit_1_67_signatures.json")).read_text())["commands"]
COMMANDS = [
    "button", "download_button", "form_submit_button", "link_button",
    "checkbox", "toggle", "radio", "selectbox", "multiselect", "slider", "select_slider",
    "number_input", "text_input", "text_area", "date_input", "time_input", "color_picker",
    "file_uploader", "chat_input", "pills", "segmented_control", "feedback",
]
LATER = {"bind", "persist_state"}  # out of scope for this work (brief: later issues)


@pytest.mark.parametrize("name", COMMANDS)
def test_signature_matches_streamlit_1_67(name):
    expected = [(p, kind, default) for p, kind, default in SIGNATURES[name] if p not in LATER]
    params = inspect.signature(getattr(st, name)).parameters.values()
    got = [
        (p.name, p.kind.name, None if p.default is inspect.Parameter.empty else repr(p.default))
        for p in params
    ]
    assert got == expected
