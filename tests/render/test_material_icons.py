"""Material icons inline with whole-unit coordinates: the same commands, every point
within a few units (of 960) of the vendored path, and fewer bytes."""

from __future__ import annotations

import re

import pytest

from htst.render import material

NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")


def points(path: str) -> list[tuple[float, float]]:
    """Absolute end points of a path of M/L/H/V/C/S/Q/T/Z commands (either case)."""
    x = y = 0.0
    out = []
    for command, args in re.findall(r"([A-Za-z])([^A-Za-z]*)", path):
        values = [float(v) for v in NUMBER.findall(args)]
        step = {"m": 2, "l": 2, "t": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "z": 0}[command.lower()]
        for i in range(0, len(values), step or 1):
            chunk = values[i:i + step]
            if command in "Hh":
                x = chunk[0] + (x if command == "h" else 0)
            elif command in "Vv":
                y = chunk[0] + (y if command == "v" else 0)
            elif step:
                ex, ey = chunk[-2], chunk[-1]
                x, y = (x + ex, y + ey) if command.islower() else (ex, ey)
            out.append((x, y))
    return out


@pytest.mark.parametrize("name", ["home", "star", "settings", "favorite", "bar_chart", "search", "delete"])
def test_rounded_icons_keep_their_shape(name):
    original = material._symbols()[name]
    rounded = material._path(name)
    assert re.findall(r"[A-Za-z]", rounded) == re.findall(r"[A-Za-z]", original)
    assert all("." not in n for n in NUMBER.findall(rounded))
    drift = max(abs(a - b) for p, q in zip(points(original), points(rounded), strict=True) for a, b in zip(p, q))
    assert drift <= 8  # units of a 960-unit box: under a fifth of a pixel at 20 px
    assert len(rounded) < len(original)
    assert f'd="{rounded}"' in material.svg(name)
