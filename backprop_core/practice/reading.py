"""Read the reader's program: parse it, let the checker set its inputs, and cut it
into the statements that are run one at a time.

:func:`prepare` parses the code, rewrites the numbers that set the exercise's
inputs (:mod:`~backprop_core.practice.inputs`) and compiles each top-level
statement on its own, so that :mod:`~backprop_core.practice.running` can look
at the reader's variables between them (the forward values as the backward
pass used them, before a later ``f = round(f, 4)``). The body of ``if __name__
== "__main__":`` counts as top level (it always runs). It also notes, per
statement, the calls to ``backward()`` and ``zero_grad()`` and the reads of
``.grad``: their order is a mistake of its own.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import CodeType

from .inputs import INPUTS, VALUES, Placement, place_inputs

__all__ = ["FILENAME", "INPUTS", "VALUES", "Program", "ReaderError", "Statement", "prepare"]

FILENAME = "<exercise>"  # the reader's code, as tracebacks name it


class ReaderError(Exception):
    """The code cannot be checked at all: ``key`` (a table key) says why."""

    def __init__(self, key: str, **fields: str) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields


@dataclass
class Statement:
    """One top-level statement: its code, its line, and the calls in it that matter."""

    code: CodeType
    line: int
    calls: list[tuple[str, str]] = field(default_factory=list)  # ("backward", "f") in order
    reads_grad: bool = False  # reads some ``.grad``


@dataclass
class Program:
    """The reader's code, compiled with its inputs coming from the checker."""

    statements: list[Statement]
    inputs: list[str]  # the leaves of these, flattened, are __practice_values__
    placement: Placement = field(default_factory=Placement)

    @property
    def calls(self) -> list[tuple[str, str, int]]:
        """``(call, receiver, line)`` of every ``f.backward()`` / ``f.zero_grad()``, in order."""
        return [(c, r, s.line) for s in self.statements for c, r in s.calls]


def _is_main_block(stmt: ast.stmt) -> bool:
    test = stmt.test if isinstance(stmt, ast.If) else None
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Eq)
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value == "__main__"
    )


def _top_level(body: list[ast.stmt]) -> list[ast.stmt]:
    found: list[ast.stmt] = []
    for stmt in body:
        if _is_main_block(stmt):
            assert isinstance(stmt, ast.If)
            found += _top_level(stmt.body)
        else:
            found.append(stmt)
    return found


def _calls(stmt: ast.stmt) -> list[tuple[str, str]]:
    found = []
    nodes = [n for n in ast.walk(stmt) if isinstance(n, ast.Call)]
    for node in sorted(nodes, key=lambda n: (n.lineno, n.col_offset)):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("backward", "zero_grad"):
            receiver = func.value.id if isinstance(func.value, ast.Name) else ""
            found.append((func.attr, receiver))
    return found


def _reads_grad(stmt: ast.stmt) -> bool:
    return any(
        isinstance(n, ast.Attribute) and n.attr == "grad" and isinstance(n.ctx, ast.Load)
        for n in ast.walk(stmt)
    )


def prepare(source: str, inputs: Mapping[str, object]) -> Program:
    """Parse the reader's code and let the checker set its inputs.

    Raises:
        ReaderError: ``syntax-error``, or ``missing-input`` when an input is
            never set anywhere in the code.
    """
    try:
        tree = ast.parse(source, FILENAME)
    except SyntaxError as exc:
        raise ReaderError("syntax-error", detail=str(exc.msg), line=str(exc.lineno or 0)) from None
    except (ValueError, RecursionError, MemoryError) as exc:  # NUL bytes, absurd nesting
        raise ReaderError("syntax-error", detail=type(exc).__name__, line="0") from None
    placement = place_inputs(tree, inputs)
    if placement.missing:
        raise ReaderError("missing-input", name=placement.missing[0])
    statements = []
    for stmt in _top_level(tree.body):
        module = ast.Module(body=[stmt], type_ignores=[])
        try:
            code = compile(module, FILENAME, "exec")
        except SyntaxError as exc:  # "'return' outside function" and the like
            raise ReaderError(
                "syntax-error", detail=str(exc.msg), line=str(exc.lineno or stmt.lineno)
            ) from None
        statements.append(Statement(code, stmt.lineno, _calls(stmt), _reads_grad(stmt)))
    return Program(statements, list(inputs), placement)
