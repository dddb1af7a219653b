"""Every command htst shares with Streamlit takes Streamlit 1.67's parameters: the same
names, in the same order, of the same kind (positional or keyword-only), with the same
defaults. The list (`streamlit_1_67_signatures.json`) was taken from Streamlit 1.67.0's
own signatures. What is left out says why."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

import htst

SIGNATURES = json.loads(Path(__file__).with_name("streamlit_1_67_signatures.json").read_text())["commands"]

# Streamlit parameters that come with later issues, by command ("*": every command).
LATER = {
    "*": set(),
    "dataframe": {"selection_default", "lazy"},  # selections and lazy rows: dataframes at scale
    "spinner": {"_cache"},  # private to Streamlit's cache spinner
}
# Defaults that name the library itself: `st.help()` describes streamlit there, htst here.
OWN_MODULE = {("help", "obj")}
# htst's own documented extensions, appended after Streamlit's parameters.
HTST_EXTRAS = {
    "cache_data": ["validate", "experimental_allow_widgets"],
    "cache_resource": ["persist", "experimental_allow_widgets"],
}


def _shape(name: str) -> list[tuple[str, str, str | None]]:
    parameters = inspect.signature(getattr(htst, name)).parameters.values()
    return [(p.name, p.kind.name, None if p.default is p.empty else "<module htst>" if p.default is htst else repr(p.default)) for p in parameters]


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_signature_matches_streamlit_1_67(name):
    left_out = LATER["*"] | LATER.get(name, set())
    expected = [param for param in SIGNATURES[name] if param[0] not in left_out]
    expected = [[p[0], p[1], "<module htst>"] if (name, p[0]) in OWN_MODULE else p for p in expected]
    got = _shape(name)
    extras = [param[0] for param in got if param[0] in HTST_EXTRAS.get(name, ())]
    assert [param for param in got if param[0] not in extras] == [tuple(p) for p in expected]
    assert extras == HTST_EXTRAS.get(name, [])


def test_every_shared_command_is_listed():
    """The list covers htst's whole Streamlit-named API (so a new command gets checked)."""
    public = {
        name for name in dir(htst)
        if not name.startswith("_") and callable(getattr(htst, name)) and name not in ("blueprint", "create_app")
    }
    assert public - set(SIGNATURES) == set()
