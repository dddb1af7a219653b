"""Caches are per process, as in Streamlit: every test starts with empty ones."""

from __future__ import annotations

import pytest

from htst.caching.cached import clear_all


@pytest.fixture(autouse=True)
def empty_caches():
    clear_all()
    yield
    clear_all()
