"""AppTest runs the chart tests share: a script (after the module's imports) that must
run cleanly, or one whose exception message is what the test checks."""

from __future__ import annotations

from collections.abc import Callable

from htst.testing.v1 import AppTest


def runners(head: str) -> tuple[Callable[[str], AppTest], Callable[[str], str]]:
    """`run(source)` and `error_of(source)` for scripts that start with `head`."""

    def run(source: str) -> AppTest:
        at = AppTest.from_string(head + source).run(timeout=60)
        assert not at.exception, at.exception[0].message if at.exception else ""
        return at

    def error_of(source: str) -> str:
        at = AppTest.from_string(head + source).run(timeout=60)
        assert at.exception, "the script ran without an error"
        return at.exception[0].message

    return run, error_of
