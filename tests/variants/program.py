"""A program the generator changes: the text of an exercise's solution in which
every number that sets an input is marked, so that the oracle can run any
variant at any point without asking the checker how it finds inputs.

A marked number reads ``__point__(-3, 'w', 1)``: the literal ``-3`` sets leaf 1
of the input ``w`` (flattened). :meth:`Program.source` shows the plain
literal (what the checker gets); :meth:`Program.at` the point's number.
Programs are kept as text and parsed when changed (parsing is much faster than
copying a syntax tree).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass

MARKER = "__point__"
_MARKED = re.compile(rf"{MARKER}\((?P<lit>[^,()]+), '(?P<name>\w+)', (?P<index>\d+)\)")


def flat(value: object) -> list[float]:
    if isinstance(value, (list, tuple)):
        return [x for item in value for x in flat(item)]
    return [float(value)]  # type: ignore[arg-type]


def is_number(node: ast.AST) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, (int, float))
        and not isinstance(node.value, bool)
    )


def literals(node: ast.AST) -> list[ast.expr]:
    """The number literals in a statement or expression (``-3`` is one), in source order."""
    if isinstance(node, ast.expr) and is_number(node):
        return [node]
    found = [lit for child in ast.iter_child_nodes(node) for lit in literals(child)]
    return sorted(found, key=lambda n: (n.lineno, n.col_offset))


def marked(node: ast.AST) -> bool:
    """Does this statement or expression set an input?"""
    return any(
        isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == MARKER
        for n in ast.walk(node)
    )


def mark(literal: str, name: str, index: int) -> str:
    return f"{MARKER}({literal}, {name!r}, {index})"


def _number_text(value: float) -> str:
    return repr(value)


@dataclass(frozen=True)
class Program:
    """A variant: its text (with marked inputs) and how it came about."""

    text: str
    how: str = "solution"

    def tree(self) -> ast.Module:
        return ast.parse(self.text)

    def source(self) -> str:
        """What the checker gets: the marks replaced by the reader's literals."""
        return _MARKED.sub(lambda m: m["lit"].strip(), self.text)

    def at(self, point: Mapping[str, object]) -> str:
        """The program run at ``point``: every marked number is the point's."""
        return _MARKED.sub(
            lambda m: f"({_number_text(flat(point[m['name']])[int(m['index'])])})", self.text
        )


def from_tree(tree: ast.Module, how: str) -> Program:
    return Program(ast.unparse(ast.fix_missing_locations(tree)) + "\n", how)


def bound_names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for item in target.elts for n in bound_names(item)]
    return []


def mark_inputs(source: str, inputs: Mapping[str, object]) -> Program:
    """The solution with its input numbers marked: every top-level assignment of
    inputs whose literals are as many as the inputs' leaves, in the same order
    (how every solution writes them: ``w = [2, -3, -3]``, ``x, y = Value(3.0), Value(-2.0)``)."""
    tree = ast.parse(source)
    for stmt in tree.body:
        if not isinstance(stmt, ast.Assign):
            continue
        names = [n for t in stmt.targets for n in bound_names(t)]
        if not names or not all(n in inputs for n in names):
            continue
        leaves = [(n, i) for n in names for i in range(len(flat(inputs[n])))]
        found = literals(stmt.value)
        if len(found) != len(leaves):
            continue
        swap = {
            id(lit): ast.parse(mark(ast.unparse(lit), n, i), mode="eval").body
            for lit, (n, i) in zip(found, leaves)
        }
        stmt.value = _Swap(swap).visit(stmt.value)
    return from_tree(tree, "solution")


class _Swap(ast.NodeTransformer):
    def __init__(self, swap: dict[int, ast.expr]) -> None:
        self.swap = swap

    def visit(self, node: ast.AST) -> ast.AST:
        new = self.swap.get(id(node))
        return new if new is not None else self.generic_visit(node)


def parents(tree: ast.AST) -> dict[int, ast.AST]:
    return {id(c): p for p in ast.walk(tree) for c in ast.iter_child_nodes(p)}


def replace(tree: ast.AST, old: ast.AST, new: ast.AST | list[ast.stmt] | None) -> None:
    """Put ``new`` where ``old`` is (a list of statements, or None to delete a statement)."""
    parent = parents(tree)[id(old)]
    for name, value in ast.iter_fields(parent):
        if value is old:
            assert not isinstance(new, list) and new is not None
            setattr(parent, name, new)
            return
        if isinstance(value, list) and any(v is old for v in value):
            i = next(k for k, v in enumerate(value) if v is old)
            value[i : i + 1] = new if isinstance(new, list) else ([] if new is None else [new])
            return
    raise ValueError("not a child")


def names_in(node: ast.AST, ctx: type = ast.Load) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ctx)}


def is_print(stmt: ast.stmt) -> bool:
    return (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Call)
        and isinstance(stmt.value.func, ast.Name)
        and stmt.value.func.id == "print"
    )
