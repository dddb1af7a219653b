"""An app script wired to htst's element commands: what the server and AppTest run."""

from __future__ import annotations

import os
from typing import Any

from .elements.run_hooks import RUN_HOOKS
from .runtime.app import AppScript


def app_script(path: str | os.PathLike | None = None, **options: Any) -> AppScript:
    """`AppScript(path, source=, config=, secrets=, name=)` with the element commands as
    its run hooks (exceptions, form errors, warnings, magic)."""
    return AppScript(path, hooks=RUN_HOOKS, **options)
