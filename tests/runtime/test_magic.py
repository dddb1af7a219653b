"""Magic: which bare expressions a script writes to the page, and which it leaves alone.

As in Streamlit: variables, literals, f-strings and other expressions on their own line
are written; the result of a bare call (`compute()`, `obj.method()`) is not, nor are
docstrings, `yield` and `await`. `magic.displayLastExprIfNoSemicolon` writes the root
body's last expression even when it is a call, unless its line ends with a semicolon.
"""

from __future__ import annotations

import json

import pytest

from htst.testing.v1 import AppTest

DEFINITIONS = """
import htst as st

def compute():
    return "computed value"

class Box:
    def method(self):
        return "method value"

box = Box()
"""


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """A working directory and home without any .htst/ or .streamlit/ folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    return tmp_path


@pytest.fixture
def config(isolated):
    """`config("[magic]\\nname = true")`: the app's .htst/config.toml."""

    def write(text: str) -> None:
        (isolated / ".htst").mkdir(exist_ok=True)
        (isolated / ".htst" / "config.toml").write_text(text, encoding="utf-8")

    return write


def _run(body: str) -> AppTest:
    at = AppTest.from_string(DEFINITIONS + body).run()
    assert len(at.exception) == 0, [e.value for e in at.exception]
    return at


# -- what magic writes ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, shown",
    [
        ("x = 42\nx", "`42`"),
        ("7", "`7`"),
        ("'a literal'", "a literal"),
        ("n = 3\nf'{n} apples'", "3 apples"),
        ("1 + 1", "`2`"),
        ("compute().upper()[:8]", "COMPUTED"),  # a subscript of a call is not a call
        ("compute() if True else None", "computed value"),
        ("box.method", "bound method"),  # an attribute, not a call
    ],
    ids=[
        "variable",
        "number",
        "string",
        "f-string",
        "arithmetic",
        "subscript",
        "ifexp",
        "attribute",
    ],
)
def test_expressions_on_their_own_line_are_written(isolated, line, shown):
    at = _run(line + "\n")
    assert len(at.markdown) == 1
    assert shown in at.markdown[0].value


def test_a_dict_literal_is_written_as_json(isolated):
    at = _run("{'a': 1}\n")
    assert [json.loads(j.value) for j in at.json] == [{"a": 1}]


def test_strings_inside_blocks_are_written(isolated):
    # The first string of an if/for body is not a docstring.
    at = _run("if True:\n    'in the branch'\nfor i in range(2):\n    f'item {i}'\n")
    assert at.markdown.values == ["in the branch", "item 0", "item 1"]


# -- what magic does not write ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "compute()",
        "box.method()",
        "Box().method()",
        "'abc'.upper()",
        "(compute())",
        "sorted([3, 1, 2])",
        "compute().strip()",
    ],
)
def test_the_result_of_a_bare_call_is_not_written(isolated, line):
    at = _run(f"{line}\nst.write('end')\n")
    assert at.markdown.values == ["end"]
    assert len(at.json) == 0


def test_a_bare_call_is_still_made(isolated):
    at = _run("calls = []\ncalls.append(1)\ncalls.append(2)\nst.write(f'calls={len(calls)}')\n")
    assert at.markdown.values == ["calls=2"]


def test_calls_inside_blocks_and_functions_are_not_written(isolated):
    body = """
if True:
    compute()
for _ in range(2):
    box.method()
def helper():
    compute()
helper()
with st.container():
    compute()
st.write("end")
"""
    assert _run(body).markdown.values == ["end"]


def test_the_module_docstring_is_not_written_by_default(isolated):
    at = AppTest.from_string('"""Module docstring."""\nimport htst as st\nst.write("end")\n').run()
    assert at.markdown.values == ["end"]


def test_the_module_docstring_is_written_with_display_root_doc_string(config):
    config("[magic]\ndisplayRootDocString = true\n")
    at = AppTest.from_string('"""Module docstring."""\nimport htst as st\nst.write("end")\n').run()
    assert at.markdown.values == ["Module docstring.", "end"]


@pytest.mark.parametrize("root_docstring", [False, True])
def test_function_and_class_docstrings_are_never_written(config, root_docstring):
    config(f"[magic]\ndisplayRootDocString = {str(root_docstring).lower()}\n")
    body = '''
def documented():
    """Function docstring."""

async def documented_async():
    """Async function docstring."""

class Documented:
    """Class docstring."""

    def method(self):
        """Method docstring."""

documented()
Documented().method()
documented_async().close()
st.write("end")
'''
    assert _run(body).markdown.values == ["end"]


def test_yield_is_not_written(isolated):
    # A yield expression's value is what the caller sends in; yield from's is the
    # inner generator's return value. Neither is page content.
    body = """
def inner():
    yield 1
    return "returned by inner"

def numbers():
    yield 0
    yield from inner()
    yield 2

gen = numbers()
first = next(gen)
second = gen.send("sent to yield")
third = next(gen)
st.write(f"got {first} {second} {third}")
"""
    assert _run(body).markdown.values == ["got 0 1 2"]


def test_await_is_not_written(isolated):
    # The coroutine is driven by hand: nothing in it suspends, and the test process may
    # already run an event loop on this thread (Playwright's), where asyncio.run() fails.
    body = """
async def five():
    return 5

async def main():
    await five()
    return await five()

try:
    main().send(None)
except StopIteration as finished:
    result = finished.value
st.write(f"result={result}")
"""
    assert _run(body).markdown.values == ["result=5"]


def test_htst_calls_and_their_objects_are_never_written(isolated):
    body = """
st.button("Click")
st.columns(2)
c = st.container()
c.write("in the container")
bar = st.progress(10)
bar.progress(20)
"""
    at = _run(body)
    assert len(at.button) == 1
    assert [m.value for m in at.markdown] == ["in the container"]
    assert len(at.json) == 0


# -- magic.displayLastExprIfNoSemicolon ---------------------------------------------------


def test_display_last_expr_is_an_option_off_by_default(isolated):
    from htst.config import Config

    assert Config.load()["magic.displayLastExprIfNoSemicolon"] is False
    at = _run("st.write('first')\ncompute()\n")
    assert at.markdown.values == ["first"]


def test_display_last_expr_writes_a_last_call(config):
    config("[magic]\ndisplayLastExprIfNoSemicolon = true\n")
    at = _run("st.write('first')\ncompute()\n")
    assert at.markdown.values == ["first", "computed value"]


def test_display_last_expr_writes_a_last_method_call_over_several_lines(config):
    config("[magic]\ndisplayLastExprIfNoSemicolon = true\n")
    at = _run("box.method(\n    # nothing to pass\n)\n")
    assert at.markdown.values == ["method value"]


@pytest.mark.parametrize(
    "ending", ["compute();", "compute() ;  ", "compute();  # quiet", "x = 1; compute();"]
)
def test_display_last_expr_is_silenced_by_a_semicolon(config, ending):
    config("[magic]\ndisplayLastExprIfNoSemicolon = true\n")
    at = _run(f"st.write('first')\n{ending}\n")
    assert at.markdown.values == ["first"]


def test_display_last_expr_writes_only_the_last_root_expression(config):
    config("[magic]\ndisplayLastExprIfNoSemicolon = true\n")
    body = """
compute()
box.method()
if True:
    compute()
def helper():
    compute()
helper()
st.write("end")
"""
    # The last statement is an st.* call: it is not written again; nothing else is.
    assert _run(body).markdown.values == ["end"]


def test_display_last_expr_skips_a_call_that_is_not_last(config):
    config("[magic]\ndisplayLastExprIfNoSemicolon = true\n")
    assert _run("compute()\nx = 1\n").markdown.values == []


def test_display_last_expr_never_writes_htst_calls(config):
    config("[magic]\ndisplayLastExprIfNoSemicolon = true\n")
    at = _run("c = st.container()\nc.button('Go')\n")
    assert len(at.button) == 1
    assert len(at.markdown) == 0
    at = _run("bar = st.progress(10)\nbar.progress(20)\n")
    assert len(at.markdown) == 0
    at = _run("st.columns(2)\n")
    assert len(at.markdown) == 0


def test_display_last_expr_is_off_with_magic(config):
    config("[runner]\nmagicEnabled = false\n[magic]\ndisplayLastExprIfNoSemicolon = true\n")
    assert _run("compute()\n").markdown.values == []
