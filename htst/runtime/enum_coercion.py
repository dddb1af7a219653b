"""Enum coercion: map a widget value of a redefined Enum class to the current run's class.

Options widgets return objects from the options of the run that drew them (docs: custom
classes). An Enum class defined in the script is a new class on every rerun, so its
members from the last run are never equal to this run's. When every option is a member
of one Enum class, a returned member of a class with the same qualified name is swapped
for this run's member of the same name — if `runner.enumCoercion` allows it:

- "off": never;
- "nameOnly" (default): when both classes have the same member names;
- "nameAndValue": when both classes have the same member names with the same values.
"""

from __future__ import annotations

from enum import Enum, EnumMeta
from typing import Any

MODES = ("off", "nameOnly", "nameAndValue")


def options_enum_class(options: Any) -> type[Enum] | None:
    """The Enum class all options belong to (an Enum class given as options counts), or None."""
    if isinstance(options, EnumMeta):
        return options  # type: ignore[return-value]
    classes = {type(option) for option in options}
    if len(classes) != 1:
        return None
    (cls,) = classes
    return cls if issubclass(cls, Enum) else None


def coerce_member(value: Any, to_class: type[Enum], mode: str) -> Any:
    """`value` as a member of `to_class` when `mode` says the two classes match, else unchanged."""
    if mode not in MODES:
        raise ValueError(f"runner.enumCoercion must be one of {', '.join(MODES)}, got {mode!r}.")
    if mode == "off" or not isinstance(value, Enum) or isinstance(value, to_class):
        return value
    from_class = type(value)
    if from_class.__qualname__ != to_class.__qualname__:
        return value
    # __members__ includes aliases; a dict compares values without needing them hashable.
    if mode == "nameOnly":
        matches = set(from_class.__members__) == set(to_class.__members__)
    else:
        matches = _names_and_values(from_class) == _names_and_values(to_class)
    # `_name_`, not `.name`: a subclass may override the `name` property.
    return to_class[value._name_] if matches else value


def coerce(value: Any, options: Any, mode: str) -> Any:
    """A widget's value, a member or a list/tuple of members, coerced to the options' class."""
    if mode == "off":
        return value
    to_class = options_enum_class(options)
    if to_class is None:
        return value
    if isinstance(value, (list, tuple)):
        coerced = [coerce_member(v, to_class, mode) for v in value]
        if all(a is b for a, b in zip(coerced, value)):
            return value
        return type(value)(coerced)
    return coerce_member(value, to_class, mode)


def _names_and_values(cls: type[Enum]) -> dict[str, Any]:
    return {name: member.value for name, member in cls.__members__.items()}
