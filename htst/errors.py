"""Exceptions a user of htst can see, with Streamlit's names kept as aliases."""

from __future__ import annotations


class HtstAPIException(Exception):
    """A command was used in a way htst does not allow; the message says how to fix it."""


StreamlitAPIException = HtstAPIException


class DuplicateWidgetID(HtstAPIException):
    """Two widgets in one run computed the same id."""


class UnserializableSessionStateError(HtstAPIException):
    """A value put in Session State cannot be pickled while serialization is enforced."""


class NoSessionContext(RuntimeError):
    """An `st.*` command ran outside a script run (no app, no session)."""


class UnhashableParamError(HtstAPIException):
    """A cached function got an argument htst cannot hash."""


class InvalidWidgetValue(ValueError):
    """A value sent by a client does not fit the widget it targets.

    The HTTP layer turns this into a 400; the session is left as it was.
    """
