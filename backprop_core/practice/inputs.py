"""Find where the reader's program sets the exercise's inputs, so the checker can move them.

The checker runs the reader's program at other points by changing the
numbers that set the inputs (``w``, ``x``). They are found wherever the
program writes them: on any line and at any depth (inside ``if __name__ ==
"__main__":``, a loop, a function), by unpacking (``x, y, z = -2, 5, -4``),
wrapped in ``Value(...)`` or ``float(...)``, through another name
(``w0, w1, w2 = 2, -3, -3`` then ``w = [w0, w1, w2]``), a comprehension
(``[Value(v) for v in [2, -3, -3]]``) or one entry at a time (``w[0] = 2``).
Every such literal is replaced by the checker's number for its leaf;
``Value(3.0)`` keeps its ``Value(...)``.

An input whose numbers cannot be found this way (``w = list(map(float,
"2 -3 -3".split()))``) is set by the checker right after the first line that
assigns it, and :class:`Placement` remembers that line, so a message can say
precisely what the checker moved and what it could not.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

__all__ = ["INPUTS", "VALUES", "Placement", "place_inputs"]

VALUES = "__practice_values__"  # the checker's numbers, one per leaf of every input
INPUTS = "__practice_inputs__"  # the inputs themselves, for the lines set after the fact

Structure = "ast.expr | list[Structure]"  # literal nodes, nested like the input
_WRAPPERS = {"Value", "float", "int"}
_DEPTH = 4  # how many names deep a number is followed


@dataclass
class Placement:
    """How the checker sets each input: literals replaced (their lines), or set after a line."""

    rewritten: dict[str, list[int]] = field(default_factory=dict)  # input -> lines
    after: dict[str, int] = field(default_factory=dict)  # input -> line it is set after
    missing: list[str] = field(default_factory=list)


def _is_number(node: ast.AST) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, (int, float))
        and not isinstance(node.value, bool)
    )


def _bindings(
    target: ast.expr, value: ast.expr | None, path: tuple[int, ...] = ()
) -> Iterator[tuple[str, tuple[int, ...], ast.expr | None]]:
    """(name, index path, the expression assigned to that part) for each name a target binds.

    ``x, y = 1, 2`` binds x to ``1``; ``x, y = point`` binds both to None (not literal);
    ``w[0] = 2`` binds ``w`` at path (0,).
    """
    if isinstance(target, ast.Name):
        yield target.id, path, value
    elif isinstance(target, (ast.Tuple, ast.List)):
        parts = value.elts if isinstance(value, (ast.Tuple, ast.List)) else None
        if parts is not None and len(parts) != len(target.elts):
            parts = None
        for i, item in enumerate(target.elts):
            yield from _bindings(item, parts[i] if parts is not None else None, path)
    elif (
        isinstance(target, ast.Subscript)
        and isinstance(target.value, ast.Name)
        and isinstance(target.slice, ast.Constant)
        and isinstance(target.slice.value, int)
    ):
        yield target.value.id, (*path, target.slice.value), value


def _assignments(tree: ast.AST) -> Iterator[tuple[ast.stmt, str, tuple[int, ...], ast.expr | None]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                for name, path, value in _bindings(target, node.value):
                    yield node, name, path, value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            for name, path, value in _bindings(node.target, node.value):
                yield node, name, path, value
        elif isinstance(node, (ast.AugAssign, ast.For)) and isinstance(node.target, ast.Name):
            yield node, node.target.id, (), None  # bound, not by a literal


class _Resolver:
    """Follows an expression down to the number literals it is made of."""

    def __init__(self, tree: ast.AST) -> None:
        self.bound: dict[str, list[tuple[tuple[int, ...], ast.expr | None]]] = {}
        for _, name, path, value in _assignments(tree):
            self.bound.setdefault(name, []).append((path, value))

    def resolve(self, node: ast.expr | None, depth: int = 0) -> object:
        """Literal nodes, nested like the value (lists), or None if not all literal."""
        if node is None or depth > _DEPTH:
            return None
        if _is_number(node):
            return node
        if isinstance(node, (ast.List, ast.Tuple)):
            parts = [self.resolve(e, depth) for e in node.elts]
            return None if any(p is None for p in parts) else parts
        if isinstance(node, ast.Call) and node.args and _called(node) in _WRAPPERS:
            inner = self.resolve(node.args[0], depth)
            return inner if isinstance(inner, ast.expr) else None
        if isinstance(node, ast.Name):
            bound = self.bound.get(node.id, [])
            if len(bound) == 1 and bound[0][0] == ():
                return self.resolve(bound[0][1], depth + 1)
            return None
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, int)
        ):
            whole = self.resolve(node.value, depth)
            k = node.slice.value
            return whole[k] if isinstance(whole, list) and -len(whole) <= k < len(whole) else None
        if isinstance(node, ast.ListComp) and len(node.generators) == 1:
            gen = node.generators[0]
            if gen.ifs or not isinstance(gen.target, ast.Name):
                return None
            items = self.resolve(gen.iter, depth)
            elt = node.elt
            if isinstance(elt, ast.Call) and _called(elt) in _WRAPPERS and elt.args:
                elt = elt.args[0]
            if isinstance(items, list) and isinstance(elt, ast.Name) and elt.id == gen.target.id:
                return items
        return None


def _called(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _leaves(structure: object, template: object) -> list[ast.expr] | None:
    """The literal nodes of ``structure`` in reading order, if it has ``template``'s shape."""
    if isinstance(template, list):
        if not isinstance(structure, list) or len(structure) != len(template):
            return None
        found: list[ast.expr] = []
        for s, t in zip(structure, template):
            part = _leaves(s, t)
            if part is None:
                return None
            found += part
        return found
    return [structure] if isinstance(structure, ast.expr) else None


def _at(template: object, path: tuple[int, ...]) -> tuple[object, int] | None:
    """The part of a nested input at ``path``, and the index of its first leaf."""
    offset = 0
    for k in path:
        if not isinstance(template, list) or not 0 <= k < len(template):
            return None
        offset += sum(_count(t) for t in template[:k])
        template = template[k]
    return template, offset


def _count(template: object) -> int:
    return sum(_count(t) for t in template) if isinstance(template, list) else 1


class _Replace(ast.NodeTransformer):
    def __init__(self, index: dict[int, int]) -> None:
        self.index = index

    def visit(self, node: ast.AST) -> ast.AST:
        i = self.index.get(id(node))
        if i is not None:
            new = ast.Subscript(ast.Name(VALUES, ast.Load()), ast.Constant(i), ast.Load())
            return ast.copy_location(new, node)
        return self.generic_visit(node)


def place_inputs(tree: ast.Module, inputs: Mapping[str, object]) -> Placement:
    """Rewrite ``tree`` in place so that the checker sets every input; say how.

    ``inputs`` maps each input to its given value (a number or nested list); the
    checker's numbers are read from ``__practice_values__``, the inputs' leaves
    flattened one after another in the order of ``inputs``.
    """
    resolver = _Resolver(tree)
    first: dict[str, int] = {}
    offsets, start = {}, 0
    for name, value in inputs.items():
        offsets[name] = start
        start += _count(value)
    claimed: dict[int, int] = {}  # id(literal) -> leaf index
    placement = Placement()
    first_line: dict[str, ast.stmt] = {}
    for stmt, name, path, value in _assignments(tree):
        if name not in inputs:
            continue
        first_line.setdefault(name, stmt)
        part = _at(inputs[name], path)
        if part is None:
            continue
        template, offset = part
        leaves = _leaves(resolver.resolve(value), template)
        if leaves is None:
            continue
        index = {id(lit): offsets[name] + offset + i for i, lit in enumerate(leaves)}
        if any(claimed.get(k, v) != v for k, v in index.items()):
            continue  # the same number sets two inputs (x = y = 3): set one after the line
        claimed.update(index)
        if path == ():
            first.setdefault(name, stmt.lineno)
        lines = placement.rewritten.setdefault(name, [])
        for lit in leaves:
            if lit.lineno not in lines:
                lines.append(lit.lineno)
    whole = {name for name in inputs if name in first}
    _Replace(claimed).visit(tree)
    for name in inputs:
        if name in whole:
            continue
        placement.rewritten.pop(name, None)
        if name not in first_line:
            placement.missing.append(name)
            continue
        line = first_line[name]
        placement.after[name] = line.lineno
        _insert_after(tree, line, _assign_input(name, line))
    ast.fix_missing_locations(tree)
    return placement


def _assign_input(name: str, after: ast.stmt) -> ast.stmt:
    value = ast.Subscript(ast.Name(INPUTS, ast.Load()), ast.Constant(name), ast.Load())
    return ast.copy_location(ast.Assign([ast.Name(name, ast.Store())], value), after)


def _insert_after(tree: ast.AST, stmt: ast.stmt, new: ast.stmt) -> None:
    for node in ast.walk(tree):
        for field_name in ("body", "orelse", "finalbody", "handlers"):
            block = getattr(node, field_name, None)
            if isinstance(block, list) and any(s is stmt for s in block):
                i = next(k for k, s in enumerate(block) if s is stmt)
                block.insert(i + 1, new)
                return
