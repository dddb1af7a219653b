"""The options as people read them: `htst run --help` lists them as flags, `htst config
show` prints every one with its description, type, default, value and where the value
came from (as `streamlit config show`, in TOML a user can copy into config.toml)."""

from __future__ import annotations

import json
import textwrap
from itertools import groupby

from .config import OPTIONS, Config, Option

_TYPES = {bool: "boolean", int: "integer", float: "float", str: "string", tuple: "array of tables"}
_SECRET = frozenset({"server.cookieSecret"})  # never printed: it signs every session cookie


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, tuple):  # [[theme.fontFaces]] as an inline array of inline tables
        items = ("{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in t.items()) + " }" if isinstance(t, dict) else _toml(t) for t in value)
        return "[" + ", ".join(items) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _type_of(option: Option) -> str:
    kind = _TYPES[option.type]
    if option.choices:
        listed = ", ".join(json.dumps(c) for c in option.choices)
        return f"{kind}: one of {listed}" if option.type is str else f"{kind}, or one of {listed}"
    return kind


def flags_help() -> str:
    """Every option as a `--section.option` flag, grouped by section (for `run --help`)."""
    lines = ["config options (also in .htst/config.toml and HTST_SECTION_OPTION variables):"]
    for section, options in groupby(OPTIONS, key=lambda o: o.section):
        lines.append(f"\n  [{section}]")
        for option in options:
            lines.append(f"  --{option.key} {'JSON' if option.type is tuple else _TYPES[option.type].upper()}")
            text = f"{option.description} Default: {_toml(option.default)}."
            if option.choices and option.type is str:
                text += f" One of: {', '.join(option.choices)}."
            lines.extend(textwrap.wrap(text, width=88, initial_indent=" " * 8, subsequent_indent=" " * 8))
    return "\n".join(lines)


def config_show(config: Config) -> str:
    """Every option grouped by section: description, type, default, current value and
    where it came from; the value line is valid TOML."""
    out = ["# Below are all the sections and options you can have in ~/.htst/config.toml",
           "# or ./.htst/config.toml (./.streamlit/config.toml when ./.htst/ is absent)."]
    for section, rows in groupby(config.rows(), key=lambda row: row[0].section):
        out.append(f"\n[{section}]")
        for option, value, source in rows:
            out.append("")
            out.extend(f"# {line}" for line in textwrap.wrap(option.description, width=86))
            out.append(f"# Type: {_type_of(option)}")
            out.append(f"# Default: {_toml(option.default)}")
            if option.key in _SECRET and source != "default":
                out.append(f"# Set by: {source} (the value is not shown)")
                out.append(f"# {option.name} =")
                continue
            out.append(f"# Set by: {source}")
            out.append(f"{option.name} = {_toml(value)}")
    return "\n".join(out) + "\n"
