"""Argument hashing for st.cache_data / st.cache_resource (docs: caching, hash_funcs)."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import fractions
import functools
import io
import math
import os
import pathlib
import re
import runpy
import subprocess
import sys
import uuid
import zoneinfo
from collections import OrderedDict, deque, namedtuple
from unittest import mock

import numpy as np
import pandas as pd
import pytest

from htst.caching.hashing import UnhashableType, UserHashError, hash_arguments, hash_value
from htst.errors import HtstAPIException, UnhashableParamError


class MyCustomClass:
    def __init__(self, initial_score: int) -> None:
        self.my_score = initial_score


# The docs' examples define the class in the script, i.e. in __main__.
MyCustomClass.__module__ = "__main__"


class Color(enum.Enum):
    RED = 1
    GREEN = 2


@dataclasses.dataclass
class Point:
    x: int
    y: list[int]


Pair = namedtuple("Pair", "a b")


def plain_function(x: int) -> int:
    return x + 1


def make_adder(k: int):
    return lambda x: x + k


def _key(*values, hash_funcs=None) -> str:
    return hash_arguments("f", [(f"a{i}", v) for i, v in enumerate(values)], hash_funcs)


# One example per supported type, each paired with an equal copy and a different value.
SAMPLES = {
    "none": (lambda: None, lambda: ...),
    "bool": (lambda: True, lambda: False),
    "int": (lambda: 10**30, lambda: 10**30 + 1),
    "float": (lambda: 1.5, lambda: 2.5),
    "nan": (lambda: float("nan"), lambda: math.inf),
    "neg_zero": (lambda: -0.0, lambda: 0.0),
    "complex": (lambda: 1 + 2j, lambda: 1 - 2j),
    "str": (lambda: "héllo", lambda: "hello"),
    "bytes": (lambda: b"ab", lambda: b"ba"),
    "bytearray": (lambda: bytearray(b"ab"), lambda: bytearray(b"b")),
    "memoryview": (lambda: memoryview(b"ab"), lambda: memoryview(b"a")),
    "list": (lambda: [1, [2, "x"]], lambda: [1, [2, "y"]]),
    "tuple": (lambda: (1, 2), lambda: (2, 1)),
    "namedtuple": (lambda: Pair(1, 2), lambda: Pair(1, 3)),
    "deque": (lambda: deque([1, 2]), lambda: deque([2])),
    "set": (lambda: {"a", "b", 3}, lambda: {"a", "c", 3}),
    "frozenset": (lambda: frozenset({1, 2}), lambda: frozenset({1})),
    "dict": (lambda: {"a": 1, "b": [2]}, lambda: {"a": 1, "b": [3]}),
    "ordereddict": (lambda: OrderedDict(a=1), lambda: OrderedDict(a=2)),
    "dataclass": (lambda: Point(1, [2]), lambda: Point(1, [3])),
    "enum": (lambda: Color.RED, lambda: Color.GREEN),
    "datetime": (
        lambda: datetime.datetime(2024, 1, 2, 3, 4, 5),
        lambda: datetime.datetime(2024, 1, 2, 3, 4, 6),
    ),
    "datetime_aware": (
        lambda: datetime.datetime(2024, 1, 2, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin")),
        lambda: datetime.datetime(2024, 1, 2, tzinfo=datetime.timezone.utc),
    ),
    "tzinfo": (lambda: zoneinfo.ZoneInfo("Europe/Berlin"), lambda: datetime.timezone.utc),
    "flag": (lambda: re.IGNORECASE | re.MULTILINE, lambda: re.IGNORECASE),
    "date": (lambda: datetime.date(2024, 1, 2), lambda: datetime.date(2024, 1, 3)),
    "time": (lambda: datetime.time(1, 2), lambda: datetime.time(1, 3)),
    "timedelta": (
        lambda: datetime.timedelta(days=1),
        lambda: datetime.timedelta(hours=24, seconds=1),
    ),
    "decimal": (lambda: decimal.Decimal("1.10"), lambda: decimal.Decimal("1.1")),
    "fraction": (lambda: fractions.Fraction(1, 3), lambda: fractions.Fraction(2, 3)),
    "uuid": (lambda: uuid.UUID(int=5), lambda: uuid.UUID(int=6)),
    "path": (lambda: pathlib.PurePosixPath("/a/b"), lambda: pathlib.PurePosixPath("/a/c")),
    "range": (lambda: range(1, 10, 2), lambda: range(1, 10)),
    "slice": (lambda: slice(1, None), lambda: slice(1, 2)),
    "pattern": (lambda: re.compile("a+"), lambda: re.compile("a+", re.IGNORECASE)),
    "bytesio": (lambda: io.BytesIO(b"abc"), lambda: io.BytesIO(b"abd")),
    "function": (lambda: plain_function, lambda: make_adder),
    "closure": (lambda: make_adder(1), lambda: make_adder(2)),
    "partial": (
        lambda: functools.partial(plain_function, 1),
        lambda: functools.partial(plain_function, 2),
    ),
    "method": (lambda: Point(1, [2]).__eq__, lambda: Point(1, [3]).__eq__),
    "builtin": (lambda: len, lambda: max),
    "class": (lambda: MyCustomClass, lambda: Point),
    "module": (lambda: math, lambda: re),
    "ndarray": (lambda: np.arange(6).reshape(2, 3), lambda: np.arange(6).reshape(3, 2)),
    "ndarray_strided": (lambda: np.arange(10)[::2], lambda: np.arange(10)[1::2]),
    "ndarray_object": (
        lambda: np.array(["be", "a"], dtype=object),
        lambda: np.array(["a", "be"], dtype=object),
    ),
    "ndarray_datetime": (
        lambda: np.array(["2024-01-01"], dtype="datetime64[ns]"),
        lambda: np.array(["2024-01-02"], dtype="datetime64[ns]"),
    ),
    "numpy_scalar": (lambda: np.int64(3), lambda: np.int32(3)),
    "dataframe": (
        lambda: pd.DataFrame({"num": [112, 2], "str": ["be", "a"]}),
        lambda: pd.DataFrame({"num": [112, 2], "str": ["be", "b"]}),
    ),
    "dataframe_index": (
        lambda: pd.DataFrame({"x": [1, 2]}, index=["a", "b"]),
        lambda: pd.DataFrame({"x": [1, 2]}, index=["a", "c"]),
    ),
    "dataframe_lists": (
        lambda: pd.DataFrame({"x": [[1], [2]]}),
        lambda: pd.DataFrame({"x": [[1], [3]]}),
    ),
    "series": (lambda: pd.Series([1.0, 2.0], name="s"), lambda: pd.Series([1.0, 2.0], name="t")),
    "index": (lambda: pd.Index(["a", "b"]), lambda: pd.Index(["a", "c"])),
    "timestamp": (lambda: pd.Timestamp("2024-01-01", tz="UTC"), lambda: pd.Timestamp("2024-01-01")),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_equal_values_give_equal_digests_and_different_values_differ(name):
    make, make_other = SAMPLES[name]
    first, second, other = make(), make(), make_other()
    assert hash_value(first) == hash_value(second)
    assert hash_value(first) != hash_value(other)
    assert len(hash_value(first)) == 16


def test_the_type_is_part_of_the_digest():
    digests = {hash_value(v) for v in (1, 1.0, "1", True, b"1", [1], (1,), {1}, np.int64(1))}
    assert len(digests) == 9
    assert hash_value([1, 2]) != hash_value((1, 2))
    assert hash_value(0) != hash_value(False) != hash_value(None)


def test_set_order_does_not_matter_but_dict_order_does_as_in_streamlit():
    assert hash_value({"a", "b", "c"}) == hash_value({"c", "b", "a"})
    assert hash_value({1: 2, 3: 4}) != hash_value({3: 4, 1: 2})


def test_nan_is_stable_and_naive_and_aware_datetimes_differ():
    assert hash_value(float("nan")) == hash_value(-float("nan"))
    naive = datetime.datetime(2024, 1, 2, 3, 4)
    aware = naive.replace(tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    assert hash_value(naive) != hash_value(aware)


def test_functions_hash_by_code_not_identity():
    def build():
        return lambda x: x * 2

    assert hash_value(build()) == hash_value(build())
    assert hash_value(make_adder(1)) != hash_value(make_adder(2))


def test_a_large_float_dataframe_sees_a_single_change():
    # Big enough to be summarised rather than hashed byte for byte (bench/cache.py times it).
    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.random((10_000_000, 4)), columns=list("abcd"))
    before = hash_value(df)
    df.iloc[5_000_123, 2] += 1.0
    edited = hash_value(df)
    assert edited != before
    df.iloc[[10, 9_000_000], 0] = df.iloc[[9_000_000, 10], 0].to_numpy()  # swap two rows
    assert hash_value(df) not in (before, edited)


@pytest.mark.parametrize("dtype", ["str", "string[pyarrow]"])
def test_arrow_backed_string_columns_see_every_change(dtype):
    pytest.importorskip("pyarrow")
    words = pd.Series([f"w{i % 1000:04d}" for i in range(1_000_000)], dtype=dtype)
    assert hasattr(words.array, "_pa_array")  # hashed from its Arrow buffers
    before = hash_value(words)
    assert hash_value(words.copy()) == before
    edited = words.copy()
    edited.iloc[777_777] = "w9999"
    assert hash_value(edited) != before
    missing = words.copy()
    missing.iloc[3] = None
    assert hash_value(missing) not in (before, hash_value(edited))
    empty = words.copy()
    empty.iloc[3] = ""
    assert hash_value(empty) != hash_value(missing)
    assert hash_value(pd.Series(["ab", "c"], dtype=dtype)) != hash_value(pd.Series(["a", "bc"], dtype=dtype))


SCRIPT = """
import datetime, decimal, sys, zoneinfo
import numpy as np, pandas as pd
sys.path.insert(0, {root!r})
from htst.caching.hashing import hash_arguments
value = [
    "text", b"bytes", 1, 2.5, None, True, {{"k": (1, 2)}}, {{"a", "b", "c"}},
    datetime.datetime(2024, 1, 2, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin")),
    decimal.Decimal("1.5"), np.arange(10), pd.DataFrame({{"s": ["x", "y"], "n": [1, 2]}}),
    np.array(["a", "b"], dtype=object), len,
]
print(hash_arguments("f", [("value", value)], None))
"""


def test_digests_are_stable_across_processes(tmp_path, capsys):
    script = tmp_path / "digest.py"
    script.write_text(SCRIPT.format(root=str(pathlib.Path(__file__).resolve().parents[2])))
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, str(script)], env=env, capture_output=True, text=True, check=True
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1
    runpy.run_path(str(script))
    assert digests == {capsys.readouterr().out.strip()}


def test_a_custom_class_raises_the_documented_error():
    with pytest.raises(UnhashableParamError) as info:
        hash_arguments("multiply_score", [("obj", MyCustomClass(15)), ("multiplier", 2)], None)
    message = str(info.value)
    assert message.startswith(
        "Cannot hash argument 'obj' (of type __main__.MyCustomClass) in 'multiply_score'."
    )
    assert "def multiply_score(_obj, ...):" in message
    assert "hash_funcs" in message
    assert isinstance(info.value, HtstAPIException)


def test_a_nested_unhashable_value_names_the_culprit():
    with pytest.raises(UnhashableParamError) as info:
        hash_arguments(
            "f", [("items", [1, {"k": MyCustomClass(1)}])], None, decorator="cache_resource"
        )
    message = str(info.value)
    assert "Cannot hash argument 'items' (of type builtins.list) in 'f'." in message
    assert "It contains a value of type __main__.MyCustomClass" in message
    assert "@st.cache_resource" in message


@pytest.mark.parametrize(
    "value",
    [
        object(),
        mock.Mock(),
        mock.MagicMock(),
        iter([1]),
        (x for x in "ab"),
        MyCustomClass(1).__dict__.keys(),
    ],
)
def test_unknown_objects_are_unhashable(value):
    with pytest.raises(UnhashableType):
        hash_value(value)


def test_hash_funcs_by_type_and_by_qualified_name():
    def hash_func(obj: MyCustomClass) -> int:
        return obj.my_score

    for funcs in (
        {MyCustomClass: hash_func},
        {"__main__.MyCustomClass": lambda x: hash(x.my_score)},
    ):
        same = _key(MyCustomClass(15), 2, hash_funcs=funcs)
        assert same == _key(MyCustomClass(15), 2, hash_funcs=funcs)
        assert same != _key(MyCustomClass(16), 2, hash_funcs=funcs)


def test_hash_funcs_with_id_distinguishes_instances():
    a, b = MyCustomClass(1), MyCustomClass(1)
    funcs = {"__main__.MyCustomClass": id}
    assert _key(a, hash_funcs=funcs) == _key(a, hash_funcs=funcs)
    assert _key(a, hash_funcs=funcs) != _key(b, hash_funcs=funcs)


def test_hash_funcs_follow_the_mro_and_may_return_any_hashable_value():
    class Sub(MyCustomClass):
        pass

    funcs = {MyCustomClass: lambda o: ("score", o.my_score, [o.my_score])}
    assert _key(Sub(3), hash_funcs=funcs) == _key(Sub(3), hash_funcs=funcs)
    assert _key([Sub(3)], hash_funcs=funcs) != _key([Sub(4)], hash_funcs=funcs)


def test_hash_funcs_do_not_apply_to_argument_names():
    funcs = {str: lambda s: "same"}
    assert hash_arguments("f", [("a", 1)], funcs) != hash_arguments("f", [("b", 1)], funcs)
    assert hash_arguments("f", [("a", "x")], funcs) == hash_arguments("f", [("a", "y")], funcs)


def test_a_hash_func_returning_its_input_does_not_loop():
    funcs = {MyCustomClass: lambda o: o}
    assert _key(MyCustomClass(1), hash_funcs=funcs) == _key(MyCustomClass(2), hash_funcs=funcs)


def test_a_failing_hash_func_raises_a_clear_api_exception():
    def broken(obj):
        raise ValueError("boom")

    with pytest.raises(UserHashError) as info:
        hash_arguments("multiply_score", [("obj", MyCustomClass(1))], {MyCustomClass: broken})
    message = str(info.value)
    assert isinstance(info.value, HtstAPIException)
    assert "ValueError: boom" in message
    assert "broken" in message and "multiply_score" in message
    assert "__main__.MyCustomClass" in message


def test_pydantic_model_raises_as_documented_and_hash_funcs_fix_it():
    pydantic = pytest.importorskip("pydantic")

    class Person(pydantic.BaseModel):
        name: str

    with pytest.raises(UnhashableParamError, match=r"Cannot hash argument 'person' \(of type "):
        hash_arguments("identity", [("person", Person(name="Lee"))], None)
    funcs = {Person: lambda p: p.name}
    assert _key(Person(name="Lee"), hash_funcs=funcs) == _key(Person(name="Lee"), hash_funcs=funcs)
    assert _key(Person(name="Lee"), hash_funcs=funcs) != _key(Person(name="Kim"), hash_funcs=funcs)


def test_datetime_override_from_the_docs():
    funcs = {datetime.datetime: lambda x: x.strftime("%a %d %b %Y, %I:%M%p")}
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    a = datetime.datetime(2024, 1, 2, 3, 4, 5)
    b = datetime.datetime(2024, 1, 2, 3, 4, 59, tzinfo=berlin)
    assert _key(a, hash_funcs=funcs) == _key(b, hash_funcs=funcs)
    assert _key(a) != _key(b)
    assert _key(b) == _key(b.replace())  # aware datetimes hash without an override


def test_numpy_override_from_the_docs():
    df = pd.DataFrame({"num": [112, 112, 2, 3], "str": ["be", "a", "be", "c"]})
    data = np.asarray(df["str"].unique(), dtype=object)
    funcs = {np.ndarray: str}
    assert _key(data, hash_funcs=funcs) == _key(data.copy(), hash_funcs=funcs)
    assert _key(data, hash_funcs=funcs) != _key(data[:2], hash_funcs=funcs)
    assert _key(data) == _key(data.copy())  # htst's default already hits the cache here


def test_self_referencing_containers_terminate():
    items: list = [1]
    items.append(items)
    mapping: dict = {"a": 1}
    mapping["self"] = mapping
    assert hash_value(items) == hash_value(items)
    assert hash_value(mapping) == hash_value(mapping)
    other: list = [2]
    other.append(other)
    assert hash_value(items) != hash_value(other)


def test_excessive_nesting_raises_unhashable_param_error():
    nested: list = []
    for _ in range(100_000):
        nested = [nested]
    with pytest.raises(UnhashableParamError, match="nested too deeply"):
        hash_arguments("f", [("nested", nested)], None)


def test_unnamed_arguments_and_argument_names_are_part_of_the_key():
    assert hash_arguments("f", [("a", 1)], None) != hash_arguments("f", [("b", 1)], None)
    assert hash_arguments("f", [("a", 1), ("b", 2)], None) != hash_arguments(
        "f", [("a", 2), ("b", 1)], None
    )
