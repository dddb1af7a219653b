"""Configuration: the registry's options (`config_options`) from four layered sources, and
where each value came from.

Precedence, lowest to highest: option defaults, ``~/.htst/config.toml``,
``./.htst/config.toml``, ``HTST_SECTION_OPTION`` environment variables, command-line flags.
Each ``.htst/`` folder falls back to ``.streamlit/`` when absent, and a project without
``./.htst/`` also reads ``STREAMLIT_SECTION_OPTION`` variables (below ``HTST_`` ones), so
an existing Streamlit project runs unchanged. Plain Python: the server reads a :class:`Config`, it never builds one.
"""

from __future__ import annotations

import difflib
import json
import logging
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - pyproject pins tomli for 3.10
    import tomli as tomllib

from .config_options import OPTIONS, STREAMLIT_THEME_NAMES, Option

_log = logging.getLogger(__name__)


class ConfigError(ValueError):
    """An option value or name that cannot be used; the message says which and from where."""


_BY_KEY: Mapping[str, Option] = MappingProxyType({o.key: o for o in OPTIONS})
_TRUE = frozenset({"true", "1", "yes"})
_FALSE = frozenset({"false", "0", "no"})
_EXPECTED = {bool: "true or false", int: "an integer", float: "a number", str: "a string", tuple: "a list of tables"}
_FLAG = "command-line flag"
_OVERRIDE = "override"


def settings_dir(base: Path) -> Path:
    """The folder under ``base`` holding config.toml and secrets.toml: ``.htst/``, or
    ``.streamlit/`` when ``.htst/`` is absent so Streamlit projects need no change."""
    htst = base / ".htst"
    return htst if htst.is_dir() else base / ".streamlit"


def default_config_paths(cwd: Path, home: Path) -> list[Path]:
    """Candidate config files, lowest precedence first; missing ones are skipped on load."""
    return [settings_dir(home) / "config.toml", settings_dir(cwd) / "config.toml"]


def _unknown(key: str, origin: str) -> str:
    if key.startswith("theme.") and key.rpartition(".")[2] in STREAMLIT_THEME_NAMES:
        return f"theme option {key!r} from {origin}: a Streamlit option htst does not support."
    lowered = {k.lower(): k for k in _BY_KEY}
    close = [lowered[m] for m in difflib.get_close_matches(key.lower(), lowered, n=3)]
    hint = f" Did you mean {' or '.join(close)}?" if close else ""
    return f"Unknown option {key!r} from {origin}.{hint}"


def _coerce(option: Option, value: object, origin: str, *, from_text: bool) -> object:
    """Return ``value`` as the option's type; ``from_text`` parses env/flag strings."""
    if isinstance(value, str) and value in option.choices:
        return value
    expected = option.type
    result: object = None
    if expected is tuple:
        result = _table_list(value, from_text)
    elif from_text and isinstance(value, str) and expected is not str:
        text = value.strip()
        if expected is bool:
            result = True if text.lower() in _TRUE else False if text.lower() in _FALSE else None
        else:
            try:
                result = expected(text)
            except ValueError:
                result = None
    elif expected is float and type(value) is int:
        result = float(value)
    elif type(value) is expected:  # exact: a TOML bool is not an int option's value
        result = value
    if result is None or (expected is str and option.choices and result not in option.choices):
        what = _EXPECTED[expected]
        if option.choices:
            listed = ", ".join(repr(c) for c in option.choices)
            what = f"one of {listed}" if expected is str else f"{what}, or one of {listed}"
        raise ConfigError(
            f"Invalid value {value!r} for option {option.key} from {origin}: expected {what}."
        )
    return result


def _table_list(value: object, from_text: bool) -> tuple[object, ...] | None:
    """An array of tables ([[theme.fontFaces]]); from an env var or flag, as JSON (as Streamlit)."""
    if from_text and isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return tuple(value) if isinstance(value, (list, tuple)) else None


def _flatten(table: Mapping[str, object], prefix: str) -> Iterable[tuple[str, object]]:
    """("section.option", value) pairs; a nested table is a nested section ([theme.sidebar])."""
    for name, value in table.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def _read_file(path: Path, section: str | None = None) -> dict[str, tuple[object, str]]:
    """The options a file sets; `section`: only that one and its nested sections."""
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from exc
    origin = str(path)
    found: dict[str, tuple[object, str]] = {}
    for top, table in data.items():
        if section is not None and top != section:
            continue
        if not isinstance(table, dict):
            _log.warning("Ignoring %r in %s: options belong in a [section] table.", top, path)
            continue
        for key, value in _flatten(table, f"{top}."):
            option = _BY_KEY.get(key)
            if option is None:
                # Streamlit projects carry options htst has no use for ([browser] ...).
                _log.warning("Ignoring %s", _unknown(key, str(path)))
                continue
            found[option.key] = (_coerce(option, value, origin, from_text=False), origin)
    return found


def _read_environ(environ: Mapping[str, str], prefix: str = "HTST_") -> dict[str, tuple[object, str]]:
    """Options from `HTST_SECTION_OPTION` variables (or `STREAMLIT_…`, read the same way
    for a project without `.htst/`); a variable that names no option gets a warning."""
    found: dict[str, tuple[object, str]] = {}
    by_name = {prefix + o.env_var.removeprefix("HTST_"): o for o in OPTIONS}
    for name, option in by_name.items():
        raw = environ.get(name)
        if raw is not None:
            origin = f"environment variable {name}"
            found[option.key] = (_coerce(option, raw, origin, from_text=True), origin)
    prefixes = tuple({f"{prefix}{o.section.upper().replace('.', '_')}_" for o in OPTIONS})
    for name in environ:
        if name.startswith(prefixes) and name not in by_name:
            close = difflib.get_close_matches(name, list(by_name), n=1)
            hint = f" Did you mean {close[0]}?" if close else ""
            _log.warning("Ignoring environment variable %s: no such htst option.%s", name, hint)
    return found


def _read_settings(settings: Mapping[str, object], origin: str) -> dict[str, tuple[object, str]]:
    found: dict[str, tuple[object, str]] = {}
    for key, value in settings.items():
        option = _BY_KEY.get(key)
        if option is None:
            raise ConfigError(_unknown(key, origin))
        from_text = isinstance(value, str)
        found[key] = (_coerce(option, value, origin, from_text=from_text), origin)
    return found


class Config:
    """Resolved option values and where each came from. Immutable, so threads can share it."""

    __slots__ = ("_sources", "_values", "files")

    def __init__(self) -> None:
        """All options at their defaults; use :meth:`load` for the layered configuration."""
        self._values: Mapping[str, object] = MappingProxyType({o.key: o.default for o in OPTIONS})
        self._sources: Mapping[str, str] = MappingProxyType({o.key: "default" for o in OPTIONS})
        self.files: tuple[Path, ...] = ()  # the config files `load` looked at (some may not exist)

    @classmethod
    def load(
        cls,
        cwd: Path | None = None,
        home: Path | None = None,
        environ: Mapping[str, str] | None = None,
        flags: Mapping[str, str | object] | None = None,
    ) -> Config:
        """Apply defaults, global file, project file, environment, flags (last wins)."""
        cwd = Path.cwd() if cwd is None else cwd
        home = Path.home() if home is None else home
        layered: dict[str, tuple[object, str]] = {}
        for path in default_config_paths(cwd, home):
            layered.update(_read_file(path))
        environ = os.environ if environ is None else environ
        if not (cwd / ".htst").is_dir():
            layered.update(_read_environ(environ, "STREAMLIT_"))  # a Streamlit project, as it is
        layered.update(_read_environ(environ))
        layered.update(_read_settings(flags or {}, _FLAG))
        if "server.headless" not in layered and not _has_display(environ):
            layered["server.headless"] = (True, "default (no display to open a browser on)")
        config = cls()._layer(layered)
        config.files = tuple(default_config_paths(cwd, home))
        return config

    def reread(self, section: str) -> Config:
        """A copy with one section's options (nested sections too) read again from the
        config files; values set by the environment, flags or overrides stay, as they
        outrank the files. For the theme, which applies without a restart (docs 4.2)."""
        read: dict[str, tuple[object, str]] = {}
        for path in self.files:
            read.update(_read_file(path, section))
        files = {str(path) for path in self.files}
        layered = {
            o.key: read.get(o.key, (o.default, "default"))
            for o in OPTIONS
            if o.section.split(".")[0] == section and (self._sources[o.key] == "default" or self._sources[o.key] in files)
        }
        return self._layer(layered)

    def with_overrides(self, overrides: Mapping[str, object]) -> Config:
        """A copy with some options replaced (source ``"override"``); strings are parsed."""
        return self._layer(_read_settings(overrides, _OVERRIDE))

    def _layer(self, layered: Mapping[str, tuple[object, str]]) -> Config:
        values, sources = dict(self._values), dict(self._sources)
        for key, (value, source) in layered.items():
            values[key], sources[key] = value, source
        new = Config.__new__(Config)
        new._values, new._sources = MappingProxyType(values), MappingProxyType(sources)
        new.files = self.files
        return new

    def get(self, key: str) -> Any:
        """The value of ``"section.option"``; unlike ``dict.get`` an unknown key raises."""
        try:
            return self._values[key]
        except KeyError:
            raise KeyError(_unknown(key, "Config.get")) from None

    __getitem__ = get

    def source(self, key: str) -> str:
        """Where the value came from: ``"default"``, a file path, ``"environment variable
        HTST_…"``, ``"command-line flag"`` or ``"override"``."""
        try:
            return self._sources[key]
        except KeyError:
            raise KeyError(_unknown(key, "Config.source")) from None

    def rows(self) -> list[tuple[Option, object, str]]:
        """(option, value, source) for every option, in registry order: ``htst config show``."""
        return [(o, self._values[o.key], self._sources[o.key]) for o in OPTIONS]

    def __repr__(self) -> str:
        # Values stay out: server.cookieSecret would end up in logs.
        changed = [k for k, s in self._sources.items() if s != "default"]
        return f"<Config changed: {', '.join(changed) or 'nothing'}>"


def _has_display(environ: Mapping[str, str]) -> bool:
    """Whether a browser window could open here (as Streamlit: headless on a Linux box
    without X or Wayland)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def parse_flag_args(argv: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """Split ``--section.option value`` / ``--section.option=value`` flags from the rest.

    Everything after ``--`` and every other argument goes to the rest, in order, for the
    CLI to use as script path and script arguments. A bool flag given without a value
    means true, so ``--server.headless app.py`` works.
    """
    args = list(argv)
    flags: dict[str, str] = {}
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            rest.extend(args[i:])
            break
        key, has_value, value = arg[2:].partition("=")
        if not arg.startswith("--") or "." not in key:
            rest.append(arg)
            continue
        option = _BY_KEY.get(key)
        if option is None:
            raise ConfigError(_unknown(key, _FLAG))
        if not has_value:
            following = args[i] if i < len(args) else None
            if option.type is bool and (
                following is None
                or (following.lower() not in _TRUE | _FALSE and following not in option.choices)
            ):
                value = "true"
            elif following is None or following.startswith("--"):
                raise ConfigError(f"Flag --{key} needs a value, e.g. --{key}=VALUE.")
            else:
                value = following
                i += 1
        flags[key] = value
    return flags, rest
