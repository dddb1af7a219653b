"""Fixtures shared by all tests, and a guard that no script-run context leaks between tests."""

from __future__ import annotations

import pytest

from htst.runtime.context import current_or_none


@pytest.fixture(autouse=True)
def _no_run_context_leaks():
    assert current_or_none() is None, "a script-run context was active before the test"
    yield
    assert current_or_none() is None, "the test left a script-run context active"
