"""The layers stay honest: `runtime/` imports nothing from `elements/`, `render/` or
`server/` (its README), and `server/` never imports an element module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import htst

PACKAGE = Path(htst.__file__).parent


def imported(module: Path) -> set[str]:
    """Every htst module a file imports, as a dotted name, at any depth in the file."""
    package = "htst." + ".".join(module.relative_to(PACKAGE).parent.parts)
    names = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rstrip(".").split(".")
                base = base[: len(base) - node.level + 1]
                prefix = ".".join(base)
                source = f"{prefix}.{node.module}" if node.module else prefix
            else:
                source = node.module or ""
            # `from x import y`: y may be a module or a name; both are under x.
            names.add(source)
            names.update(f"{source}.{alias.name}" for alias in node.names)
    return {name for name in names if name == "htst" or name.startswith("htst.")}


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("runtime", ("htst.elements", "htst.render", "htst.server", "htst.script", "htst.embedding")),
        ("server", ("htst.elements",)),
    ],
)
def test_a_layer_does_not_import_what_it_must_not(layer, forbidden):
    wrong = {
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in (PACKAGE / layer).rglob("*.py")
        for name in imported(path)
        if name == "htst" or name.startswith(forbidden)
    }
    assert not wrong, sorted(wrong)


def test_the_reader_sees_relative_imports():
    """The check above would pass on a reader that finds nothing: it must see these."""
    names = imported(PACKAGE / "server" / "app.py")
    assert {"htst.runtime.apply", "htst.render.page", "htst.script"} <= names
