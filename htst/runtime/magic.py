"""Magic: a bare expression on its own line is written to the page, as with st.write.

The script's AST is rewritten once per compile: `expr` becomes `__htst_magic__(expr, root)`,
where `root` is the object the expression's call chain starts from, so that calls of
htst commands (`st.button(...)`, `col.text(...)`) are not written a second time.

As in Streamlit, some expressions are left alone: a bare call (`compute()`,
`df.head()`) is run for its effect, and docstrings, `yield` and `await` are not content.
`magic.displayLastExprIfNoSemicolon` makes an exception for the last statement of the
script's root body, as a notebook cell shows its last value: a call there is written
unless its line ends with a semicolon.
"""

from __future__ import annotations

import ast
from typing import Any, Callable

MAGIC_NAME = "__htst_magic__"


def add_magic(
    tree: ast.Module,
    display_root_docstring: bool = False,
    *,
    display_last_expr: bool = False,
    source: str = "",
) -> ast.Module:
    """Rewrite `tree` in place; `source` is its text (read only for the last line's `;`)."""
    last: ast.stmt | None = None
    if display_last_expr and tree.body and not _ends_with_semicolon(tree.body[-1], source):
        last = tree.body[-1]
    _Rewriter(display_root_docstring, last).visit(tree)
    return ast.fix_missing_locations(tree)


class _Rewriter(ast.NodeTransformer):
    def __init__(self, display_root_docstring: bool, last: ast.stmt | None):
        self.display_root_docstring = display_root_docstring
        self.last = last  # the root statement a call may be written from, if any

    def visit_Module(self, node: ast.Module) -> ast.Module:
        self._rewrite_body(node.body, docstring_allowed=self.display_root_docstring)
        return node

    def _rewrite_body(self, body: list[ast.stmt], docstring_allowed: bool = True) -> None:
        for index, stmt in enumerate(body):
            if isinstance(stmt, ast.Expr):
                if index == 0 and _is_docstring(stmt) and not docstring_allowed:
                    continue
                if isinstance(stmt.value, ast.Call) and stmt is not self.last:
                    continue  # a call is run for its effect, its result is not content
                body[index] = self._wrap(stmt)
            else:
                self._visit_children(stmt)

    def _visit_children(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            # Function and class docstrings are documentation, never page content.
            self._rewrite_body(stmt.body, docstring_allowed=False)
            return
        for field in ("body", "orelse", "finalbody"):
            block = getattr(stmt, field, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                self._rewrite_body(block)
        for handler in getattr(stmt, "handlers", []) or []:
            self._rewrite_body(handler.body)
        for case in getattr(stmt, "cases", []) or []:
            self._rewrite_body(case.body)

    def _wrap(self, stmt: ast.Expr) -> ast.stmt:
        value = stmt.value
        if isinstance(value, (ast.Yield, ast.YieldFrom, ast.Await)):
            return stmt
        root = _call_root(value)
        root_expr = ast.Name(root, ast.Load()) if root else ast.Constant(None)
        call = ast.Call(ast.Name(MAGIC_NAME, ast.Load()), [value, root_expr], [])
        return ast.copy_location(ast.Expr(call), stmt)


def _ends_with_semicolon(stmt: ast.stmt, source: str) -> bool:
    """Whether `;` follows the statement on its last line (`compute();  # quiet` counts)."""
    lines = source.splitlines()
    end_line, end_col = stmt.end_lineno, stmt.end_col_offset
    if end_line is None or end_col is None or end_line > len(lines):
        return False
    # Offsets count UTF-8 bytes, as the parser read them.
    rest = lines[end_line - 1].encode("utf-8")[end_col:].decode("utf-8", "replace")
    return rest.lstrip().startswith(";")


def _is_docstring(stmt: ast.Expr) -> bool:
    return isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)


def _call_root(value: ast.expr) -> str | None:
    """`st.sidebar.button(...)` -> "st"; `col.text(...)` -> "col"; other shapes -> None."""
    if not isinstance(value, ast.Call):
        return None
    func = value.func
    while isinstance(func, (ast.Attribute, ast.Call, ast.Subscript)):
        func = func.value if not isinstance(func, ast.Call) else func.func
    return func.id if isinstance(func, ast.Name) else None


def make_magic(write: Callable[..., Any], is_htst: Callable[[Any], bool]) -> Callable[[Any, Any], Any]:
    def magic(value: Any, root: Any) -> Any:
        if value is None or is_htst(root) or is_htst(value):
            return value
        write(value)
        return value

    return magic
