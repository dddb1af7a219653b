"""The in-memory tab store frees idle and closed tabs."""

from __future__ import annotations

import time

from htst.runtime.session import Session
from htst.script import app_script
from htst.server.tabs import Tab, TabStore


def _session() -> Tab:
    return Tab(Session(app_script(source="", name="empty.py")))


def test_idle_sessions_are_freed_after_the_timeout():
    store = TabStore(idle_timeout=60)
    idle, active = _session(), _session()
    store.add(idle)
    store.add(active)
    now = time.monotonic()
    idle.last_seen = now - 61
    active.last_seen = now - 5
    assert store.sweep(now) == 1
    assert store.get(idle.id) is None
    assert store.get(active.id) is active


def test_getting_a_session_keeps_it_alive():
    store = TabStore(idle_timeout=60)
    session = _session()
    store.add(session)
    session.last_seen = time.monotonic() - 59
    assert store.get(session.id) is session
    assert store.sweep(time.monotonic() + 30) == 0


def test_closed_sessions_are_removed_at_once():
    store = TabStore()
    session = _session()
    store.add(session)
    store.remove(session.id)
    assert store.get(session.id) is None
    assert len(store) == 0
