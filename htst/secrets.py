"""``st.secrets``: TOML secrets files, read lazily, with key and attribute access.

Files are ``~/.htst/secrets.toml`` then ``./.htst/secrets.toml`` (each falling back to
``.streamlit/``); the project file replaces the global file's root keys. As in Streamlit,
root-level scalar secrets are also exported to ``os.environ`` when the files are loaded.
A file that changes, appears or goes is read again on the next access (so on the next
rerun): the files are statted at most every ``RECHECK`` seconds, nothing runs in between.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any

from .config import settings_dir
from .files import Changes

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - pyproject pins tomli for 3.10
    import tomli as tomllib


RECHECK = 0.5  # seconds between two looks at the files' size and mtime, however many runs ask


def default_secret_paths(cwd: Path, home: Path) -> list[Path]:
    """Candidate secrets files, lowest precedence first (the project file wins)."""
    paths = [settings_dir(home) / "secrets.toml", settings_dir(cwd) / "secrets.toml"]
    return list(dict.fromkeys(paths))  # running from the home folder lists it once


def _missing(where: str, key: str) -> str:
    return (
        f'{where} has no key "{key}". Check with `"{key}" in {where}` before reading it, '
        "or add it to secrets.toml."
    )


def _freeze(value: Any, where: str) -> Any:
    if isinstance(value, Mapping):
        return SecretsSection(value, where)
    if isinstance(value, list):  # arrays of tables: st.secrets.servers[0].host
        return [_freeze(v, f"{where}[{i}]") for i, v in enumerate(value)]
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, _ReadOnlyAttrMapping):
        return value.to_dict()
    if isinstance(value, list):
        return [_thaw(v) for v in value]
    return value


class _ReadOnlyAttrMapping(Mapping[str, Any]):
    """Key and attribute access over ``_items()``. A Mapping, so ``**section`` unpacks it."""

    __slots__ = ("_where",)
    _where: str

    def _items(self) -> Mapping[str, Any]:
        raise NotImplementedError

    def __getitem__(self, key: str) -> Any:
        try:
            return self._items()[key]
        except KeyError:
            raise KeyError(_missing(self._where, key)) from None

    def __getattr__(self, name: str) -> Any:
        # Private names never map to secrets: copy/pickle probe them before __init__ ran.
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._items()[name]
        except KeyError:
            raise AttributeError(_missing(self._where, name)) from None

    def __setattr__(self, name: str, value: object) -> None:
        raise TypeError(f"{self._where} is read-only.")

    def __iter__(self) -> Iterator[str]:
        return iter(self._items())

    def __len__(self) -> int:
        return len(self._items())

    def to_dict(self) -> dict[str, Any]:
        """Plain nested dicts and lists, e.g. for a library that insists on ``dict``."""
        return {k: _thaw(v) for k, v in self._items().items()}

    def __repr__(self) -> str:
        # Values stay out of reprs so a stray print or log line shows no secret.
        return f"<{self._where} keys: {', '.join(self._items())}>"


class SecretsSection(_ReadOnlyAttrMapping):
    """A read-only TOML table of secrets, e.g. ``st.secrets.db_credentials``."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        object.__setattr__(self, "_where", where)
        object.__setattr__(self, "_data", {k: _freeze(v, f"{where}.{k}") for k, v in data.items()})

    def _items(self) -> Mapping[str, Any]:
        return self._data  # type: ignore[no-any-return]

    def __reduce__(self) -> tuple[Any, ...]:
        return (SecretsSection, (self.to_dict(), self._where))


class Secrets(_ReadOnlyAttrMapping):
    """All secrets of one app; files are read on first access, so an app without secrets
    never fails for lack of a file, and one that uses them fails where it reads them."""

    __slots__ = ("_paths", "_given", "_environ", "_loaded", "_lock", "_files")

    def __init__(
        self,
        paths: Iterable[Path] = (),
        given: Mapping[str, Any] | None = None,
        environ: MutableMapping[str, str] | None = None,
    ) -> None:
        """Prefer :meth:`from_paths` or :meth:`from_dict`."""
        object.__setattr__(self, "_where", "st.secrets")
        object.__setattr__(self, "_paths", list(paths))
        object.__setattr__(self, "_given", given)
        object.__setattr__(self, "_environ", environ)
        object.__setattr__(self, "_loaded", None)
        object.__setattr__(self, "_lock", threading.Lock())
        object.__setattr__(self, "_files", Changes(self._paths, RECHECK))

    @classmethod
    def from_paths(
        cls,
        paths: Iterable[Path],
        *,
        environ: MutableMapping[str, str] | None = os.environ,
    ) -> Secrets:
        """Secrets from TOML files, later ones replacing earlier ones' root keys.

        Root-level strings, numbers and bools are exported to ``environ`` on load
        (overwriting, as Streamlit does); pass ``environ=None`` to skip that.
        """
        return cls(paths=paths, environ=environ)

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], *, environ: MutableMapping[str, str] | None = None
    ) -> Secrets:
        """Secrets given in code (AppTest). ``"section.key"`` keys become nested sections,
        as in ``at.secrets["my_other_secrets.things_i_like"]``. Nothing is exported to the
        environment unless ``environ`` is given: tests must not leak into each other."""
        return cls(given=_expand_dotted(data), environ=environ)

    def has_key(self, key: str) -> bool:
        """Whether a root-level secret named ``key`` exists (as Streamlit's ``has_key``)."""
        return key in self._items()

    def _items(self) -> Mapping[str, Any]:
        if self._given is None and self._files.seen():
            self._forget()
        loaded: SecretsSection | None = self._loaded
        if loaded is None:
            with self._lock:
                loaded = self._loaded
                if loaded is None:
                    raw = self._given if self._given is not None else _read_files(self._paths)
                    loaded = SecretsSection(raw, self._where)
                    _export(raw, self._environ)
                    object.__setattr__(self, "_loaded", loaded)
        return loaded._items()

    def _forget(self) -> None:
        """A file changed: read them again next time (their variables leave os.environ too)."""
        with self._lock:
            if self._loaded is not None:
                _unexport(self._loaded._items(), self._environ)
                object.__setattr__(self, "_loaded", None)

    def __repr__(self) -> str:
        if self._loaded is None:  # repr must not read files or raise FileNotFoundError
            return "<st.secrets (not loaded yet)>"
        return super().__repr__()


def _read_files(paths: list[Path]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    found = False
    for path in paths:
        try:
            with path.open("rb") as f:
                data = tomllib.load(f)
        except FileNotFoundError:
            continue
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{path} is not valid TOML: {exc}") from exc
        found = True
        merged.update(data)  # root keys only: a project [section] replaces the global one
    if not found:
        searched = ", ".join(str(p) for p in paths) or "(none)"
        raise FileNotFoundError(
            f"No secrets found. Valid paths for a secrets.toml file are: {searched}"
        )
    return merged


def _export(raw: Mapping[str, Any], environ: MutableMapping[str, str] | None) -> None:
    if environ is None:
        return
    for key, value in raw.items():
        if isinstance(value, (str, int, float)):  # bool is an int
            environ[key] = str(value)


def _unexport(loaded: Mapping[str, Any], environ: MutableMapping[str, str] | None) -> None:
    """Take back what `_export` set, unless something else has changed it since."""
    if environ is None:
        return
    for key, value in loaded.items():
        if isinstance(value, (str, int, float)) and environ.get(key) == str(value):
            del environ[key]


def _expand_dotted(data: Mapping[str, Any]) -> dict[str, Any]:
    """Turn ``{"a.b": 1}`` into ``{"a": {"b": 1}}``, merging with an existing ``"a"``."""
    result: dict[str, Any] = {}
    for key, value in data.items():
        *parents, leaf = key.split(".")
        table = result
        for i, part in enumerate(parents):
            child = table.setdefault(part, {})
            if not isinstance(child, dict):
                where = ".".join(parents[: i + 1])
                raise ValueError(f"Secret {key!r} needs {where!r} to be a section, not a value.")
            table = child
        if isinstance(value, Mapping) and isinstance(table.get(leaf), dict):
            table[leaf].update(_plain(value))
        else:
            table[leaf] = _plain(value) if isinstance(value, Mapping) else value
    return result


def _plain(table: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of nested mappings, so merging never writes into the caller's dicts."""
    return {k: _plain(v) if isinstance(v, Mapping) else v for k, v in table.items()}


class SecretsProxy(Mapping[str, Any]):
    """What ``st.secrets`` is: forwards everything to the current app's :class:`Secrets`,
    so one module attribute serves every app mounted in the process."""

    __slots__ = ("_get",)

    def __init__(self, get_secrets: Callable[[], Secrets]) -> None:
        object.__setattr__(self, "_get", get_secrets)

    def __getitem__(self, key: str) -> Any:
        return self._get()[key]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._get(), name)

    def __setattr__(self, name: str, value: object) -> None:
        raise TypeError("st.secrets is read-only.")

    def __contains__(self, key: object) -> bool:
        return key in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    def __repr__(self) -> str:
        return repr(self._get())
