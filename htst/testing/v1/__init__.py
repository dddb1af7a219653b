"""AppTest: run an app headlessly, drive its widgets, inspect what it drew."""

from __future__ import annotations

from .app_test import AppTest as AppTest

__all__ = ["AppTest"]
