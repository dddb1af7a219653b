"""Stopping a script that never calls an st.* command: an exception raised in its thread.

A run stops at its next st.* call when it is cancelled; a loop without one
(`while True: pass`) would keep its thread and a core forever. CPython can raise an
exception in another thread, delivered at that thread's next bytecode: a thread that
is in C code (a long `time.sleep`, a blocking read) gets it only when it returns.
"""

from __future__ import annotations

import ctypes
import threading
from contextlib import contextmanager
from typing import Iterator

_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc


def _raise(thread: int, exception: type[BaseException]) -> int:
    return _set_async_exc(ctypes.c_ulong(thread), ctypes.py_object(exception))


def _clear(thread: int) -> None:
    _set_async_exc(ctypes.c_ulong(thread), None)  # None is NULL here: nothing pending


class ScriptThread:
    """Which thread runs a run's script code right now, so that it can be interrupted.

    `running()` brackets the script's own code (callbacks, the script, a fragment);
    `interrupt()` raises `exception` (a class taking no arguments) there, and only
    there: never in htst's code around it, never in a later run on the same thread.
    """

    __slots__ = ("_lock", "_thread", "_sent", "_exception")

    def __init__(self, exception: type[BaseException]) -> None:
        self._lock = threading.Lock()
        self._thread: int | None = None
        self._sent = False
        self._exception = exception

    @contextmanager
    def running(self) -> Iterator[None]:
        with self._lock:
            self._thread, self._sent = threading.get_ident(), False
        try:
            yield
        finally:
            self._leave()

    def _leave(self) -> None:
        # An interrupt may still be pending: it must not fire in htst's code after this.
        # Should it fire on the way out, it is cleared here and leaving is tried again.
        while True:
            try:
                with self._lock:
                    if self._sent and self._thread is not None:
                        _clear(self._thread)
                    self._thread, self._sent = None, False
                return
            except self._exception:
                continue

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def interrupt(self) -> bool:
        """Raise the exception in the script's thread; False when no script code runs."""
        with self._lock:
            if self._thread is None:
                return False
            if _raise(self._thread, self._exception) != 1:
                _clear(self._thread)
                return False
            self._sent = True
            return True

    def ident(self) -> int | None:
        return self._thread
