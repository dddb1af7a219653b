"""Stable digests of cached functions' arguments (docs: caching, "Excluding input parameters").

A cache key must be the same in every process and on every rerun, so nothing here uses
Python's `hash()` (salted per process for str and bytes) or `id()` (unless a user's
hash_func does). Every value is written into one blake2b stream as a self-delimiting
record: its type's fully-qualified name, then its payload, each length-prefixed. So `1`,
`1.0`, `True` and `"1"` differ, and `[1, 2]` differs from `(1, 2)`.

What htst knows how to hash is listed in `_Hasher._dispatch`; anything else, notably an
instance of a user's own class, raises `UnhashableType`, which `hash_arguments` turns into
the documented `UnhashableParamError`. Differences from Streamlit: functions, lambdas,
methods and partials hash by their code and captured values (Streamlit refuses them);
object-dtype NumPy arrays hash their items (Streamlit hashes their pointers, which is why
the docs' `df["str"].unique()` example misses the cache on every rerun); pydantic models
raise as the docs' Example 2 says (Streamlit 1.67 hashes their JSON); Mock objects raise
(Streamlit hashes them by id).
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import fractions
import functools
import hashlib
import io
import math
import pathlib
import re
import struct
import types
import uuid
from collections import deque
from collections.abc import Callable
from enum import Enum
from typing import Any

from ..errors import HtstAPIException, UnhashableParamError
from .hashing_data import DataHashing

HashFuncs = dict[Any, Callable[[Any], Any]]

_CYCLE = b"\x00cycle"
_NAN = struct.pack("<d", math.nan)


class UnhashableType(Exception):
    """The hasher met a value it cannot hash; `value` is that (possibly nested) value."""

    def __init__(self, value: Any, reason: str = "") -> None:
        super().__init__(reason or f"cannot hash a value of type {fqn_type(value)}")
        self.value = value
        self.reason = reason


class UserHashError(HtstAPIException):
    """A hash function given in `hash_funcs` raised while hashing a value."""


def fqn_type(value: Any) -> str:
    """The fully-qualified name of a value's type, e.g. `__main__.MyCustomClass`."""
    return _fqn(type(value))


def _fqn(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def hash_value(
    value: Any, hash_funcs: HashFuncs | None = None, *, function_name: str | None = None
) -> bytes:
    """The 16-byte digest of one value; raises `UnhashableType` for what cannot be hashed."""
    h = hashlib.blake2b(digest_size=16)
    _Hasher(hash_funcs, function_name).update(h, value)
    return h.digest()


def hash_arguments(
    function_name: str,
    arguments: list[tuple[str, Any]],
    hash_funcs: HashFuncs | None,
    *,
    decorator: str = "cache_data",
) -> str:
    """A stable hex digest of the (already filtered) named arguments of one call.

    Raises `UnhashableParamError` naming the argument, its type and the function, with the
    two documented ways out: an underscore prefix or `hash_funcs`. `decorator` is the
    command name shown in that advice (`cache_data` or `cache_resource`).
    """
    h = hashlib.blake2b(digest_size=16)
    hasher = _Hasher(hash_funcs, function_name)
    for name, value in arguments:
        # The name is written directly, so a hash_func for `str` cannot touch it.
        _Hasher._put(h, b"name:" + str(name).encode())
        try:
            hasher.update(h, value)
        except UnhashableType as exc:
            message = _unhashable_message(function_name, name, value, exc, decorator)
            raise UnhashableParamError(message) from exc
    return h.hexdigest()


def _unhashable_message(
    function_name: str, name: str | None, value: Any, exc: UnhashableType, decorator: str
) -> str:
    shown = name if name is not None else "(unnamed)"
    culprit = exc.value
    lines = [f"Cannot hash argument '{shown}' (of type {fqn_type(value)}) in '{function_name}'."]
    if exc.reason:
        lines.append(f"The {exc.reason}.")
    elif culprit is not value:
        lines.append(f"It contains a value of type {fqn_type(culprit)}, which htst cannot hash.")
    lines += [
        "",
        "To address this, tell htst not to hash this argument by adding a leading underscore",
        "to its name in the function signature:",
        "",
        f"    @st.{decorator}",
        f"    def {function_name}(_{name or 'arg'}, ...):",
        "        ...",
        "",
        "or tell htst how to hash that type with `hash_funcs`:",
        "",
        f'    @st.{decorator}(hash_funcs={{"{fqn_type(culprit)}": lambda obj: ...}})',
    ]
    return "\n".join(lines)


def _normalise_hash_funcs(hash_funcs: HashFuncs | None) -> dict[str, Callable[[Any], Any]]:
    # Keys become fully-qualified names: a rerun re-executes the script, so a class
    # defined there is a new type object each run, with the same name.
    if not hash_funcs:
        return {}
    return {key if isinstance(key, str) else _fqn(key): func for key, func in hash_funcs.items()}


class _Hasher(DataHashing):
    """Writes values into a hashlib object; tracks the containers being hashed for cycles."""

    def __init__(self, hash_funcs: HashFuncs | None, function_name: str | None) -> None:
        self._funcs = _normalise_hash_funcs(hash_funcs)
        self._function_name = function_name
        self._stack: dict[int, int] = {}  # id of a value being hashed -> its depth

    def update(self, h: Any, value: Any) -> None:
        try:
            self._value(h, value)
        except RecursionError as exc:
            raise UnhashableType(value, "the value is nested too deeply to hash") from exc

    # -- records ---------------------------------------------------------------------------

    @staticmethod
    def _put(h: Any, data: bytes) -> None:
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)

    def _value(self, h: Any, value: Any) -> None:
        cls = type(value)
        self._put(h, _fqn(cls).encode())
        if self._funcs:
            func = self._user_func(cls)
            if func is not None:
                self._nested(h, value, self._apply_user_func, func)
                return
        simple = _SIMPLE.get(cls)
        if simple is not None:
            self._put(h, simple(value))
            return
        self._nested(h, value, self._dispatch)

    def _nested(self, h: Any, value: Any, handler: Callable[..., None], *extra: Any) -> None:
        key = id(value)
        depth = self._stack.get(key)
        if depth is not None:
            self._put(h, _CYCLE + depth.to_bytes(8, "little"))
            return
        self._stack[key] = len(self._stack)
        try:
            handler(h, value, *extra)
        finally:
            del self._stack[key]

    def _user_func(self, cls: type) -> Callable[[Any], Any] | None:
        for base in cls.__mro__:
            func = self._funcs.get(_fqn(base))
            if func is not None:
                return func
        return None

    def _apply_user_func(self, h: Any, value: Any, func: Callable[[Any], Any]) -> None:
        try:
            output = func(value)
        except Exception as exc:
            raise UserHashError(self._user_error(func, value, exc)) from exc
        self._value(h, output)

    def _user_error(self, func: Callable[[Any], Any], value: Any, exc: Exception) -> str:
        func_name = getattr(func, "__qualname__", None) or repr(func)
        where = f" of `{self._function_name}()`" if self._function_name else ""
        return (
            f"{type(exc).__name__}: {exc}\n\n"
            f"This error is likely due to a bug in `{func_name}`, a hash function passed in "
            f"`hash_funcs` to the caching decorator{where}.\n"
            f"`{func_name}` failed when hashing an object of type `{fqn_type(value)}`."
        )

    # -- everything that is not a plain scalar ---------------------------------------------

    def _items(self, h: Any, items: Any) -> None:
        items = list(items)
        self._put(h, len(items).to_bytes(8, "little"))
        for item in items:
            self._value(h, item)

    def _unordered(self, h: Any, items: Any) -> None:
        digests = []
        for item in items:
            sub = hashlib.blake2b(digest_size=16)
            self._value(sub, item)
            digests.append(sub.digest())
        self._put(h, b"".join(sorted(digests)))

    def _dispatch(self, h: Any, value: Any) -> None:
        if isinstance(value, Enum):
            # A combination of Flag members may have no name; its value identifies it.
            self._items(h, (value.name,) if value.name is not None else (None, value.value))
        elif _module_root(value) in _LIBRARIES and self._library(h, value):
            pass
        elif isinstance(value, _SCALAR_BASES):
            self._scalar_subclass(h, value)
        elif isinstance(value, (list, tuple, deque)):
            self._items(h, value)
        elif isinstance(value, (dict, types.MappingProxyType)):
            self._items(h, value.items())
        elif isinstance(value, (set, frozenset)):
            self._unordered(h, value)
        elif isinstance(value, (bytearray, memoryview)):
            self._put(h, bytes(value))
        elif isinstance(value, (datetime.datetime, datetime.time)):
            self._put(h, f"{value.isoformat()}|{value.fold}".encode())
        elif isinstance(value, datetime.date):
            self._put(h, value.isoformat().encode())
        elif isinstance(value, datetime.tzinfo):
            self._put(h, str(value).encode())
        elif isinstance(value, datetime.timedelta):
            self._items(h, (value.days, value.seconds, value.microseconds))
        elif isinstance(value, (decimal.Decimal, pathlib.PurePath)):
            self._put(h, str(value).encode())
        elif isinstance(value, fractions.Fraction):
            self._items(h, (value.numerator, value.denominator))
        elif isinstance(value, uuid.UUID):
            self._put(h, value.bytes)
        elif isinstance(value, (range, slice)):
            self._items(h, (value.start, value.stop, value.step))
        elif isinstance(value, re.Pattern):
            self._items(h, (value.pattern, value.flags))
        elif isinstance(value, (io.BytesIO, io.StringIO)):
            self._items(h, (value.tell(), value.getvalue()))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = dataclasses.fields(value)
            self._items(h, [(f.name, getattr(value, f.name)) for f in fields])
        elif isinstance(value, type):
            self._put(h, _fqn(value).encode())
        elif isinstance(value, types.ModuleType):
            self._put(h, value.__name__.encode())
        else:
            self._callable(h, value)

    def _scalar_subclass(self, h: Any, value: Any) -> None:
        # A user's subclass of int, str...: its built-in value, then any instance state.
        base = next(b for b in _SCALAR_BASES if isinstance(value, b))
        self._put(h, _SIMPLE[base](value))
        self._items(h, getattr(value, "__dict__", {}).items())

    def _callable(self, h: Any, value: Any) -> None:
        if isinstance(value, types.FunctionType):
            self._function(h, value)
        elif isinstance(value, types.MethodType):
            self._items(h, (value.__func__, value.__self__))
        elif isinstance(value, functools.partial):
            self._items(h, (value.func, value.args, value.keywords))
        elif isinstance(value, types.CodeType):
            self._code(h, value)
        elif isinstance(value, _BUILTIN_CALLABLES):
            owner = getattr(value, "__self__", None)
            if owner is None or isinstance(owner, types.ModuleType):
                owner = getattr(value, "__objclass__", None)
            name = f"{getattr(value, '__module__', None)}.{value.__qualname__}"
            self._items(h, (name, owner))
        else:
            raise UnhashableType(value)

    def _function(self, h: Any, fn: types.FunctionType) -> None:
        cells = []
        for cell in fn.__closure__ or ():
            try:
                cells.append(cell.cell_contents)
            except ValueError:  # an empty cell: the variable is not bound yet
                cells.append(_CYCLE)
        self._items(
            h,
            (
                fn.__module__,
                fn.__qualname__,
                fn.__code__,
                fn.__defaults__,
                fn.__kwdefaults__,
                cells,
            ),
        )

    def _code(self, h: Any, code: types.CodeType) -> None:
        # The file name and line numbers are left out: moving a function does not change it.
        self._put(h, code.co_code)
        self._items(
            h,
            (
                code.co_consts,
                code.co_names,
                code.co_varnames,
                code.co_freevars,
                code.co_argcount,
                code.co_kwonlyargcount,
                code.co_flags,
            ),
        )


def _module_root(value: Any) -> str:
    return (type(value).__module__ or "").partition(".")[0]


def _float_bytes(value: float) -> bytes:
    return _NAN if math.isnan(value) else struct.pack("<d", value)


_SIMPLE: dict[type, Callable[[Any], bytes]] = {
    type(None): lambda _: b"",
    type(...): lambda _: b"",
    type(NotImplemented): lambda _: b"",
    bool: lambda v: b"\x01" if v else b"\x00",
    int: lambda v: v.to_bytes((v.bit_length() + 8) // 8, "little", signed=True),
    float: _float_bytes,
    complex: lambda v: _float_bytes(v.real) + _float_bytes(v.imag),
    str: lambda v: v.encode("utf-8", "surrogatepass"),
    bytes: bytes,
}

# Object-column contents that pandas' own row hashing handles deterministically.
_SCALAR_BASES = (int, float, complex, str, bytes)
_LIBRARIES = frozenset({"numpy", "pandas", "pyarrow"})

_BUILTIN_CALLABLES = (
    types.BuiltinFunctionType,
    types.MethodDescriptorType,
    types.WrapperDescriptorType,
    types.MethodWrapperType,
    types.ClassMethodDescriptorType,
)
