"""What the runtime draws through element commands, handed to it when an app is built.

The runtime imports no element module (see `htst/runtime/README.md`); `htst.script`
passes these to every AppScript.
"""

from __future__ import annotations

from ..runtime.app import RunHooks
from ..runtime.magic import make_magic
from .alerts import error, exception_element, warning
from .navigation import draw_navigation
from .write import is_htst_object, write

RUN_HOOKS = RunHooks(
    exception=lambda exc, details: exception_element(exc, show_details=details),
    error=error,
    warning=warning,
    magic=make_magic(write, is_htst_object),
    navigation=draw_navigation,
)
