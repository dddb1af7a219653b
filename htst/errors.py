"""Exceptions a user of htst can see, with Streamlit's names kept as aliases."""

from __future__ import annotations


class HtstAPIException(Exception):
    """A command was used in a way htst does not allow; the message says how to fix it."""


StreamlitAPIException = HtstAPIException


class DuplicateWidgetID(HtstAPIException):
    """Two widgets in one run computed the same id."""


class UnserializableSessionStateError(HtstAPIException):
    """A value put in Session State cannot be pickled while serialization is enforced."""


class ScriptMissing(FileNotFoundError):
    """The app's script (or a page's) is not on disk: deleted or moved while serving. The
    app recovers by itself when the file is back; its traceback says nothing useful."""

    show_traceback = False


class NoSessionContext(RuntimeError):
    """An `st.*` command ran outside a script run (no app, no session)."""


class UnhashableParamError(HtstAPIException):
    """A cached function got an argument htst cannot hash."""


class InvalidWidgetValue(ValueError):
    """A value sent by a client does not fit the widget it targets.

    The HTTP layer turns this into a 400; the session is left as it was.
    """
