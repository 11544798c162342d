"""Run the reader's code again, at other inputs, with its output silenced.

The exercise names its inputs (``w``, ``x``). In the reader's code, the first
top-level line that sets an input is rewritten so that its numbers come from
the checker: ``w = [2, -3, -3]`` reads ``w = [_v[0], _v[1], _v[2]]``, and
``x, y = Value(3.0), Value(-2.0)`` keeps its ``Value(...)`` around the new
numbers. (If the line's numbers do not match the input, the input is set
right after that line instead.) The code is compiled once and run in a fresh
namespace per point; what it prints goes nowhere.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import copy
import io
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import CodeType
from typing import Any

from .circuit import flatten

__all__ = ["FILENAME", "Program", "ReaderError", "Run", "prepare"]

FILENAME = "<exercise>"
_VALUES = "__practice_values__"
_INPUTS = "__practice_inputs__"


class ReaderError(Exception):
    """The code cannot be checked at all: ``key`` (a table key) says why."""

    def __init__(self, key: str, **fields: str) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields


@dataclass
class Run:
    """The namespace after one run, or the exception that ended it."""

    namespace: dict[str, Any]
    error: str | None = None  # "ZeroDivisionError: float division by zero"
    line: int = 0


def _is_number(node: ast.expr) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, (int, float))
        and not isinstance(node.value, bool)
    )


def _bound_names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for item in target.elts for name in _bound_names(item)]
    return []


class _Numbers(ast.NodeTransformer):
    """Replaces number literals, in source order, by ``__practice_values__[i]``."""

    def __init__(self, first: int, literals: list[ast.expr]) -> None:
        self.index = {id(node): first + i for i, node in enumerate(literals)}

    def generic_visit(self, node: ast.AST) -> ast.AST:
        i = self.index.get(id(node))
        if i is not None:
            return ast.copy_location(
                ast.Subscript(ast.Name(_VALUES, ast.Load()), ast.Constant(i), ast.Load()), node
            )
        return super().generic_visit(node)


def _literals(node: ast.AST) -> list[ast.expr]:
    """The number literals in an expression (``-3`` is one), in source order."""
    if isinstance(node, ast.expr) and _is_number(node):
        return [node]
    found = [lit for child in ast.iter_child_nodes(node) for lit in _literals(child)]
    return sorted(found, key=lambda n: (n.lineno, n.col_offset))


@dataclass
class Program:
    """The reader's code, compiled with its inputs coming from the checker."""

    code: CodeType
    order: list[str]  # inputs in the order their numbers are read from the values list

    def run(self, point: Mapping[str, object]) -> Run:
        """Run at ``point`` (input name -> number or nested list) in a fresh namespace."""
        values = [float(v) for name in self.order for v in flatten(point[name])]  # type: ignore[arg-type]
        namespace: dict[str, Any] = {
            "__name__": "__main__",
            "__builtins__": builtins,
            "display": lambda *objs: None,
            _VALUES: values,
            _INPUTS: copy.deepcopy(dict(point)),
        }
        sink = io.StringIO()
        try:
            with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
                exec(self.code, namespace)
        except SystemExit as exc:
            if exc.code not in (None, 0):
                return Run(namespace, f"SystemExit: {exc.code}", _line(exc))
        except Exception as exc:  # the reader's mistake, reported as such (not KeyboardInterrupt)
            text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            return Run(namespace, text, _line(exc))
        return Run(namespace)


def _line(exc: BaseException) -> int:
    line = 0
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == FILENAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def prepare(source: str, inputs: Mapping[str, object]) -> Program:
    """Parse the reader's code and rewrite the lines that set the inputs.

    Raises:
        ReaderError: ``syntax-error``, or ``missing-input`` when an input is
            never set at the top level of the code.
    """
    try:
        tree = ast.parse(source, FILENAME)
    except SyntaxError as exc:
        raise ReaderError("syntax-error", detail=str(exc.msg), line=str(exc.lineno or 0)) from None
    sizes = {name: len(flatten(value)) for name, value in inputs.items()}
    pending = set(inputs)
    order: list[str] = []
    body: list[ast.stmt] = []
    for stmt in tree.body:
        body.append(stmt)
        if isinstance(stmt, ast.Assign):
            names = [n for target in stmt.targets for n in _bound_names(target)]
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            names = _bound_names(stmt.target)
        else:
            continue
        mine = [n for n in names if n in pending]
        if not mine:
            continue
        pending.difference_update(mine)
        assert stmt.value is not None
        literals = _literals(stmt.value)
        if (
            set(names) == set(mine)
            and len(names) == len(mine)
            and len(literals) == sum(sizes[n] for n in mine)
        ):
            stmt.value = _Numbers(sum(sizes[n] for n in order), literals).visit(stmt.value)
            order.extend(mine)
        else:  # set the inputs right after the reader's line
            for name in mine:
                body.append(_assign_input(name, stmt))
    if pending:
        raise ReaderError("missing-input", name=sorted(pending)[0])
    tree.body = body
    ast.fix_missing_locations(tree)
    return Program(compile(tree, FILENAME, "exec"), order)


def _assign_input(name: str, after: ast.stmt) -> ast.stmt:
    value = ast.Subscript(ast.Name(_INPUTS, ast.Load()), ast.Constant(name), ast.Load())
    return ast.copy_location(ast.Assign([ast.Name(name, ast.Store())], value), after)


def read_values(run: Run, names: Sequence[str]) -> dict[str, object]:
    """The reader's variables after a run (missing ones are left out)."""
    return {name: run.namespace[name] for name in names if name in run.namespace}
