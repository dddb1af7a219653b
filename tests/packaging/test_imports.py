"""Import weight: `import htst` and AppTest load no web framework.

A script (and a test of it) needs only the runtime; Flask and Werkzeug are for serving.
Checked in a fresh interpreter, since this test process has imported them already.
"""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["flask", "werkzeug"])
def test_importing_htst_and_apptest_does_not_load(module):
    code = (
        "import htst, htst.testing.v1, sys; "
        f"loaded = sorted(m for m in sys.modules if m == {module!r} or m.startswith({module + '.'!r})); "
        "print(' '.join(loaded)); sys.exit(1 if loaded else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, (
        f"import htst, htst.testing.v1 loaded {result.stdout.strip() or result.stderr}"
    )
