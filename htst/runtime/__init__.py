"""The script runtime: runs a script for a session and records what it drew. No Flask here.

Public: `exists()`, as `streamlit.runtime.exists()`. Everything else is internal.
"""

from __future__ import annotations

from .context import current_or_none


def exists() -> bool:
    """True while an app script runs (served, or under AppTest); False in a plain interpreter.

    Libraries call it to tell whether they are inside an app. Streamlit answers for the
    whole process once its server has started; htst has no process-wide runtime, so the
    answer is whether this thread is running a script (its callbacks included) — a
    thread the script starts itself answers False.
    """
    return current_or_none() is not None
