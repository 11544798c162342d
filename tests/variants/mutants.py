"""Mutants of a program: one small change of the kind a learner makes.

Each operator looks at every node of the statements it may change (not the
statements that set the inputs, not imports, not prints) and yields the
changed programs, named ``"<operator>@<line>: <what>"``. Whether a mutant is
really wrong is not decided here: the oracle runs it (swapping the operands of
``*`` is no mistake at all, and the checker must pass it).
"""

from __future__ import annotations

import ast
import random
from collections.abc import Callable, Iterator

from .program import Program, from_tree, is_number, is_print, marked, names_in, replace

Mutant = tuple[str, Program]


def _sites(tree: ast.Module, only: frozenset[str] = frozenset()) -> list[ast.AST]:
    """Every node inside the statements a mutant may change, in a fixed order
    (with ``only``: inside those functions only)."""
    found: list[ast.AST] = []

    def visit(stmts: list[ast.stmt]) -> None:
        for stmt in stmts:
            if marked(stmt) or is_print(stmt):
                continue
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                continue
            if isinstance(stmt, ast.FunctionDef) and only:
                if stmt.name in only:
                    found.extend(n for s in stmt.body for n in ast.walk(s))
                continue
            if isinstance(stmt, (ast.FunctionDef, ast.ClassDef, ast.If, ast.For, ast.While)):
                found.append(stmt)
                for field in ("body", "orelse"):
                    visit(getattr(stmt, field, []))
                continue
            if not only:
                found.extend(ast.walk(stmt))

    visit(tree.body)
    return found


Candidate = tuple[str, ast.AST, Callable[[ast.AST], object]]


def _changed(
    program: Program, how: str, node: ast.AST, make: Callable[[ast.AST], object]
) -> Candidate:
    """A mutant not made yet: ``node`` is to be replaced by ``make(node)``."""
    return how, node, make


def _make(program: Program, index: dict[int, int], candidate: Candidate) -> Mutant:
    how, node, make = candidate
    tree = program.tree()
    target = list(ast.walk(tree))[index[id(node)]]
    replace(tree, target, make(target))  # type: ignore[arg-type]
    return how, from_tree(tree, how)


def _line(node: ast.AST) -> int:
    return getattr(node, "lineno", 0)


def _text(node: ast.AST) -> str:
    return ast.unparse(node)


def swap_operands(program: Program, node: ast.AST) -> Iterator[Candidate]:
    if isinstance(node, ast.BinOp):
        yield _changed(
            program,
            f"swap-operands@{_line(node)}: {_text(node)}",
            node,
            lambda n: ast.BinOp(n.right, n.op, n.left),
        )


def drop_factor(program: Program, node: ast.AST) -> Iterator[Candidate]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Div)):
        for side in ("left", "right"):
            yield _changed(
                program,
                f"drop-factor@{_line(node)}: {_text(node)} -> {side}",
                node,
                lambda n, side=side: getattr(n, side),
            )


def repeat_factor(program: Program, node: ast.AST) -> Iterator[Candidate]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        yield _changed(
            program,
            f"repeat-factor@{_line(node)}: {_text(node)}",
            node,
            lambda n: ast.BinOp(n, ast.Mult(), n.right),
        )


def change_index(program: Program, node: ast.AST) -> Iterator[Candidate]:
    if (
        isinstance(node, ast.Subscript)
        and isinstance(node.slice, ast.Constant)
        and isinstance(node.slice.value, int)
        and isinstance(node.ctx, ast.Load)
    ):
        k = node.slice.value
        for other in (k - 1, k + 1):
            if other >= 0:
                yield _changed(
                    program,
                    f"change-index@{_line(node)}: {_text(node)} -> [{other}]",
                    node,
                    lambda n, o=other: ast.Subscript(n.value, ast.Constant(o), ast.Load()),
                )


def aug_assign(program: Program, node: ast.AST) -> Iterator[Candidate]:
    """``+=`` -> ``=`` (a share lost), ``+=`` -> ``-=`` / ``*=``, and ``=`` -> ``+=``."""
    if isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add):
        target = node.target
        yield _changed(
            program,
            f"aug-to-assign@{_line(node)}: {_text(node)}",
            node,
            lambda n: ast.Assign([n.target], n.value),
        )
        for op in (ast.Sub(), ast.Mult()):
            yield _changed(
                program,
                f"aug-op@{_line(node)}: {_text(target)} {type(op).__name__}=",
                node,
                lambda n, op=op: ast.AugAssign(n.target, op, n.value),
            )
    if (
        isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
    ):
        yield _changed(
            program,
            f"assign-to-aug@{_line(node)}: {node.targets[0].id} +=",
            node,
            lambda n: ast.AugAssign(n.targets[0], ast.Add(), n.value),
        )


def flip_sign(program: Program, node: ast.AST) -> Iterator[Candidate]:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and not is_number(node):
        yield _changed(
            program, f"flip-sign@{_line(node)}: {_text(node)}", node, lambda n: n.operand
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
        yield _changed(
            program,
            f"flip-sign@{_line(node)}: {_text(node)} ({type(op).__name__})",
            node,
            lambda n, op=op: ast.BinOp(n.left, op, n.right),
        )
    if isinstance(node, (ast.Assign, ast.AugAssign)) and not isinstance(node.value, ast.List):
        yield _changed(
            program,
            f"flip-sign@{_line(node)}: -({_text(node.value)})",
            node,
            lambda n: _with_value(n, ast.UnaryOp(ast.USub(), n.value)),
        )


def mul_to_add(program: Program, node: ast.AST) -> Iterator[Candidate]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Add)):
        op = ast.Add() if isinstance(node.op, ast.Mult) else ast.Mult()
        yield _changed(
            program,
            f"mul-add@{_line(node)}: {_text(node)} ({type(op).__name__})",
            node,
            lambda n, op=op: ast.BinOp(n.left, op, n.right),
        )


def change_constant(program: Program, node: ast.AST) -> Iterator[Candidate]:
    if isinstance(node, ast.Constant) and is_number(node) and node.value in (1, 1.0, 2, 2.0):
        for other in (0, 2) if node.value == 1 else (1, 3):
            yield _changed(
                program,
                f"constant@{_line(node)}: {node.value} -> {other}",
                node,
                lambda n, o=other: ast.Constant(o),
            )


def _with_value(stmt: ast.AST, value: ast.expr) -> ast.AST:
    assert isinstance(stmt, (ast.Assign, ast.AugAssign))
    stmt.value = value
    return stmt


class Names:
    """The program's names by role, for mutants that use the wrong variable."""

    def __init__(self, gradients: list[str], forward: list[str], inputs: list[str]) -> None:
        self.gradients, self.forward, self.inputs = gradients, forward, inputs

    def siblings(self, name: str) -> list[str]:
        for group in (self.gradients, self.forward, self.inputs):
            if name in group:
                return [n for n in group if n != name]
        return []


def sibling_variable(names: Names, rng: random.Random) -> Callable[..., Iterator[Candidate]]:
    def operator(program: Program, node: ast.AST) -> Iterator[Candidate]:
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            others = names.siblings(node.id)
            for other in rng.sample(others, min(2, len(others))):
                yield _changed(
                    program,
                    f"sibling@{_line(node)}: {node.id} -> {other}",
                    node,
                    lambda n, o=other: ast.Name(o, ast.Load()),
                )

    return operator


def forward_for_gradient(names: Names) -> Callable[..., Iterator[Candidate]]:
    """A gradient variable read where a forward value is used, and a local gradient
    replaced by the forward value it is computed from."""

    def operator(program: Program, node: ast.AST) -> Iterator[Candidate]:
        if (
            isinstance(node, ast.Name)
            and isinstance(node.ctx, ast.Load)
            and node.id in names.gradients
        ):
            for other in names.forward[-2:]:
                yield _changed(
                    program,
                    f"forward-for-gradient@{_line(node)}: {node.id} -> {other}",
                    node,
                    lambda n, o=other: ast.Name(o, ast.Load()),
                )
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.BinOp):
            used = names_in(node.value) & set(names.forward)
            for other in sorted(used):
                yield _changed(
                    program,
                    f"forward-for-gradient@{_line(node)}: {_text(node.value)} -> {other}",
                    node,
                    lambda n, o=other: _with_value(n, ast.Name(o, ast.Load())),
                )

    return operator


def untouched(names: Names) -> Callable[..., Iterator[Candidate]]:
    """A gradient's line not written: left at the starter's 0.0 (or a ``+=`` line dropped)."""

    def operator(program: Program, node: ast.AST) -> Iterator[Candidate]:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id in names.gradients
        ):
            zero: ast.expr = ast.Constant(0.0)
            if isinstance(node.value, ast.List):
                zero = ast.List([ast.Constant(0.0) for _ in node.value.elts], ast.Load())
            elif not isinstance(node.value, (ast.BinOp, ast.Name, ast.Constant, ast.UnaryOp)):
                return
            yield _changed(
                program,
                f"untouched@{_line(node)}: {node.targets[0].id} = 0.0",
                node,
                lambda n, z=zero: _with_value(n, z),
            )
        if isinstance(node, ast.AugAssign):
            yield _changed(
                program,
                f"untouched@{_line(node)}: {_text(node)} dropped",
                node,
                lambda n: ast.Pass(),
            )

    return operator


def drop_statement(program: Program, node: ast.AST) -> Iterator[Candidate]:
    """A call made for its effect (``f.zero_grad()``, ``seen.add(node)``) or an
    attribute set (``self.grad = 1.0``) left out."""
    effect = isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
    attribute = isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Attribute)
    if effect or attribute:
        yield _changed(
            program, f"drop-statement@{_line(node)}: {_text(node)}", node, lambda n: ast.Pass()
        )


def negate_condition(program: Program, node: ast.AST) -> Iterator[Candidate]:
    if isinstance(node, ast.If):
        yield _changed(
            program,
            f"negate-condition@{_line(node)}: {_text(node.test)}",
            node,
            lambda n: ast.If(ast.UnaryOp(ast.Not(), n.test), n.body, n.orelse),
        )
    if isinstance(node, ast.IfExp):
        yield _changed(
            program,
            f"negate-condition@{_line(node)}: {_text(node.test)}",
            node,
            lambda n: ast.IfExp(n.test, n.orelse, n.body),
        )


_COMPARE = {ast.GtE: ast.Gt, ast.Gt: ast.GtE, ast.LtE: ast.Lt, ast.Lt: ast.LtE}


def change_comparison(program: Program, node: ast.AST) -> Iterator[Candidate]:
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _COMPARE:
        other = _COMPARE[type(node.ops[0])]
        yield _changed(
            program,
            f"comparison@{_line(node)}: {_text(node)}",
            node,
            lambda n: ast.Compare(n.left, [other()], n.comparators),
        )
        yield _changed(
            program,
            f"comparison@{_line(node)}: {_text(node)} swapped sides",
            node,
            lambda n: ast.Compare(n.comparators[0], n.ops, [n.left]),
        )


def unreversed(program: Program, node: ast.AST) -> Iterator[Candidate]:
    """``reversed(order)`` walked forwards."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "reversed"
        and len(node.args) == 1
    ):
        yield _changed(
            program, f"unreversed@{_line(node)}: {_text(node)}", node, lambda n: n.args[0]
        )


def other_attribute_owner(program: Program, node: ast.AST) -> Iterator[Candidate]:
    """``node.grad`` read from another object in scope (``inp.grad``, ``self.grad``)."""
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.ctx, ast.Load)
        and node.attr in ("grad", "data")
        and isinstance(node.value, ast.Name)
    ):
        for other in ("node", "inp", "self"):
            if other != node.value.id:
                yield _changed(
                    program,
                    f"owner@{_line(node)}: {_text(node)} -> {other}.{node.attr}",
                    node,
                    lambda n, o=other: ast.Attribute(ast.Name(o, ast.Load()), n.attr, ast.Load()),
                )


BASIC = (
    swap_operands,
    drop_factor,
    repeat_factor,
    change_index,
    aug_assign,
    flip_sign,
    mul_to_add,
    change_constant,
    drop_statement,
    negate_condition,
    change_comparison,
    unreversed,
)


def mutants(
    program: Program,
    names: Names,
    seed: int,
    limit: int,
    only: frozenset[str] = frozenset(),
    extra: tuple[Callable[..., Iterator[Candidate]], ...] = (),
) -> list[Mutant]:
    """Every mutant the operators make, then a seeded sample of at most ``limit``."""
    rng = random.Random(seed)
    operators = [
        *BASIC,
        sibling_variable(names, rng),
        forward_for_gradient(names),
        untouched(names),
        *extra,
    ]
    found: list[Candidate] = []
    tree = program.tree()
    index = {id(n): i for i, n in enumerate(ast.walk(tree))}
    for node in _sites(tree, only):
        for operator in operators:
            found.extend(operator(program, node))
    rng.shuffle(found)
    unique: dict[str, Mutant] = {program.text: ("solution", program)}
    for candidate in found:
        if len(unique) > limit:
            break
        how, changed = _make(program, index, candidate)
        unique.setdefault(changed.text, (how, changed))
    return list(unique.values())[1:]
