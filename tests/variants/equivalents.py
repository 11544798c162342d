"""Programs that compute the same gradients as the solution, written otherwise.

Each transform takes the solution (a marked :class:`~.program.Program`) and
returns rewritten copies a learner could have written: statements in another
order, inputs unpacked, a helper function, a loop, the whole thing through
``Value.backward()``, extra prints and variables, the forward value rounded
after the backward pass, everything under ``if __name__ == "__main__":``, the
computation repeated on fresh inputs. The oracle still decides (a transform
that happened to change a gradient would show up as a false "pass" expected).
"""

from __future__ import annotations

import ast
import copy
import random
from collections.abc import Callable, Iterator
from typing import Any

from .program import MARKER, Program, from_tree, is_print, marked, names_in

Variant = tuple[str, Program]


def _parse(text: str) -> list[ast.stmt]:
    return ast.parse(text).body


def _reads_writes(stmt: ast.stmt) -> tuple[set[str], set[str], bool]:
    """Names a top-level statement reads and writes, and whether it is a barrier
    (a call with effects we cannot see: ``f.backward()``)."""
    writes = names_in(stmt, ast.Store)
    reads = names_in(stmt, ast.Load)
    if isinstance(stmt, ast.AugAssign):
        reads |= names_in(stmt.target, ast.Store)
    if isinstance(stmt, (ast.FunctionDef, ast.ClassDef)):
        writes = {stmt.name}
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        writes = {(a.asname or a.name).split(".")[0] for a in stmt.names}
    barrier = isinstance(stmt, ast.Expr) and not is_print(stmt)
    # A method call or attribute store changes an object: a barrier too.
    barrier = barrier or any(
        isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store) for n in ast.walk(stmt)
    )
    return reads, writes, barrier


def _independent(a: ast.stmt, b: ast.stmt) -> bool:
    ra, wa, xa = _reads_writes(a)
    rb, wb, xb = _reads_writes(b)
    if xa or xb or marked(a) or marked(b):
        return False
    if is_print(a) and is_print(b):
        return False  # the output's order is not the gradients' business, but keep it
    return not (wa & (rb | wb)) and not (wb & ra)


def reorder(program: Program, rng: random.Random) -> Iterator[Variant]:
    """Independent neighbouring statements swapped, several times over."""
    for k in range(3):
        tree = program.tree()
        body = tree.body
        swaps = 0
        for _ in range(4 * len(body)):
            i = rng.randrange(len(body) - 1) if len(body) > 1 else 0
            if len(body) > 1 and _independent(body[i], body[i + 1]):
                body[i], body[i + 1] = body[i + 1], body[i]
                swaps += 1
        if swaps:
            yield f"reorder#{k}", from_tree(tree, f"reorder#{k}")


def unpack_inputs(program: Program, rng: random.Random) -> Iterator[Variant]:
    """``x, y = 3, -2`` on separate lines; ``w = [2, -3, -3]`` through ``w_0, w_1, w_2``."""
    tree = program.tree()
    changed = False
    for i, stmt in reversed(list(enumerate(tree.body))):
        if not marked(stmt) or not isinstance(stmt, ast.Assign):
            continue
        target, value = stmt.targets[0], stmt.value
        if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple):
            tree.body[i : i + 1] = [ast.Assign([t], v) for t, v in zip(target.elts, value.elts)]
            changed = True
        elif isinstance(target, ast.Name) and isinstance(value, ast.List):
            if any(isinstance(e, ast.List) for e in value.elts):
                continue
            names = [f"{target.id}_{k}" for k in range(len(value.elts))]
            code = f"{', '.join(names)} = {', '.join(ast.unparse(e) for e in value.elts)}\n"
            code += f"{target.id} = [{', '.join(names)}]"
            tree.body[i : i + 1] = _parse(code)
            changed = True
    if changed:
        yield "unpack-inputs", from_tree(tree, "unpack-inputs")


def _gradient_block(body: list[ast.stmt], gradients: set[str]) -> tuple[int, int] | None:
    """The longest run of statements that only assign gradients."""
    best: tuple[int, int] | None = None
    start = None
    for i, stmt in enumerate([*body, None]):
        sets_gradient = (
            stmt is not None
            and isinstance(stmt, (ast.Assign, ast.AugAssign))
            and names_in(stmt, ast.Store) <= gradients
            and names_in(stmt, ast.Store)
        )
        if sets_gradient and start is None:
            start = i
        elif not sets_gradient and start is not None:
            if best is None or i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    return best


def helper_backward(gradients: list[str]) -> Callable[[Program, random.Random], Iterator[Variant]]:
    def transform(program: Program, rng: random.Random) -> Iterator[Variant]:
        tree = program.tree()
        body = tree.body
        how = "helper-backward"
        block = _gradient_block(body, set(gradients))
        if block is None:
            return
        start, end = block
        stmts = body[start:end]
        assigned = []
        for stmt in stmts:
            for name in sorted(names_in(stmt, ast.Store)):
                if name not in assigned:
                    assigned.append(name)
        inner = "\n".join("    " + ast.unparse(s) for s in stmts)
        result = ", ".join(assigned)
        code = f"def backward_pass():\n{inner}\n    return {result},\n{result}, = backward_pass()"
        body[start:end] = _parse(code)
        yield how, from_tree(tree, how)

    return transform


def helper_local(gradients: list[str]) -> Callable[[Program, random.Random], Iterator[Variant]]:
    """One gradient's formula moved into a function of the names it reads."""

    def transform(program: Program, rng: random.Random) -> Iterator[Variant]:
        tree = program.tree()
        body = tree.body
        how = "helper-local"
        for i, stmt in enumerate(body):
            if (
                isinstance(stmt, ast.Assign)
                and isinstance(stmt.value, ast.BinOp)
                and names_in(stmt, ast.Store) & set(gradients)
            ):
                reads = sorted(names_in(stmt.value))
                params = ", ".join(reads)
                code = f"def local_rule({params}):\n    return {ast.unparse(stmt.value)}"
                call = _parse(f"{ast.unparse(stmt.targets[0])} = local_rule({params})")
                body[i : i + 1] = _parse(code) + call
                yield how, from_tree(tree, how)
                return

    return transform


def loops(gradients: list[str]) -> Callable[[Program, random.Random], Iterator[Variant]]:
    """A list of per-index formulas as a comprehension (or appended one by one)."""

    def transform(program: Program, rng: random.Random) -> Iterator[Variant]:
        tree = program.tree()
        how = "loop"
        changed = False
        body = tree.body
        for i, stmt in reversed(list(enumerate(body))):
            if not (
                isinstance(stmt, ast.Assign)
                and isinstance(stmt.value, ast.List)
                and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name)
                and stmt.targets[0].id in gradients
            ):
                continue
            name, elts = stmt.targets[0].id, stmt.value.elts
            generic = {_index_generic(e, k) for k, e in enumerate(elts)}
            if len(generic) == 1 and None not in generic:
                (text,) = generic
                body[i : i + 1] = _parse(f"{name} = [{text} for i in range({len(elts)})]")
            else:
                appends = "\n".join(f"{name}.append({ast.unparse(e)})" for e in elts)
                body[i : i + 1] = _parse(f"{name} = []\n{appends}")
            changed = True
        if changed:
            yield how, from_tree(tree, how)

    return transform


def _index_generic(expr: ast.expr, k: int) -> str | None:
    """``w[1] * ddot`` at position 1 -> ``w[i] * ddot``; None if no index equals ``k``."""
    expr = copy.deepcopy(expr)
    hit = False
    for node in ast.walk(expr):
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.slice, ast.Constant)
            and node.slice.value == k
        ):
            node.slice = ast.Name("i", ast.Load())
            hit = True
    return ast.unparse(expr) if hit else None


def prints_and_extras(names: list[str]) -> Callable[[Program, random.Random], Iterator[Variant]]:
    def transform(program: Program, rng: random.Random) -> Iterator[Variant]:
        tree = program.tree()
        body = tree.body
        how = "prints-and-extras"
        for i in sorted(rng.sample(range(1, len(body) + 1), min(4, len(body))), reverse=True):
            defined = set().union(*(_reads_writes(s)[1] for s in body[:i])) & set(names)
            if defined:
                name = rng.choice(sorted(defined))
                extra = f"print('checking', {name})\nscratch_{i} = {name}\nnote = 'a note'"
                body[i:i] = _parse(extra)
        yield how, from_tree(tree, how)

    return transform


def round_after(forward: list[str]) -> Callable[[Program, random.Random], Iterator[Variant]]:
    """Forward values rounded for display after the backward pass (the page's own habit)."""

    def transform(program: Program, rng: random.Random) -> Iterator[Variant]:
        tree = program.tree()
        how = "round-after"
        lines = [f"{n} = round({n}, 4) if isinstance({n}, (int, float)) else {n}" for n in forward]
        if lines:
            tree.body += _parse("\n".join(lines))
            yield how, from_tree(tree, how)

    return transform


def main_block(program: Program, rng: random.Random) -> Iterator[Variant]:
    tree = program.tree()
    body = tree.body
    how = "main-block"
    head = [s for s in body if isinstance(s, (ast.Import, ast.ImportFrom))]
    rest = [s for s in body if not isinstance(s, (ast.Import, ast.ImportFrom))]
    block = ast.If(
        ast.Compare(ast.Name("__name__", ast.Load()), [ast.Eq()], [ast.Constant("__main__")]),
        rest,
        [],
    )
    tree.body = [*head, block]
    yield how, from_tree(tree, how)


def fresh_again(program: Program, rng: random.Random) -> Iterator[Variant]:
    """Everything after the imports and definitions done once more, from fresh inputs."""
    tree = program.tree()
    body = tree.body
    how = "fresh-again"
    again = [
        copy.deepcopy(s)
        for s in body
        if not isinstance(s, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef))
    ]
    tree.body = body + again
    yield how, from_tree(tree, how)


def float_inputs(program: Program, rng: random.Random) -> Iterator[Variant]:
    tree = program.tree()
    how = "float-inputs"
    for stmt in tree.body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == MARKER:
                lit = node.args[0]
                lit = lit.operand if isinstance(lit, ast.UnaryOp) else lit
                assert isinstance(lit, ast.Constant)
                lit.value = float(lit.value)
    yield how, from_tree(tree, how)


def via_value(
    exercise: Any, check_source: str
) -> Callable[[Program, random.Random], Iterator[Variant]]:
    """The solution's inputs, then the exercise's own circuit run on Values and
    ``backward()``: the gradients read from ``.grad``."""
    tree = ast.parse(check_source)
    defs = [s for s in tree.body if isinstance(s, ast.FunctionDef)]
    circuit = exercise.circuit.__name__

    def transform(program: Program, rng: random.Random) -> Iterator[Variant]:
        tree = program.tree()
        body = tree.body
        how = "via-value"
        keep = [s for s in body if isinstance(s, (ast.Import, ast.ImportFrom)) or marked(s)]
        inputs = list(exercise.inputs)
        lines = [
            "from backprop_core import Value",
            "def _wrap(v):",
            "    if isinstance(v, list):",
            "        return [_wrap(x) for x in v]",
            "    return Value(float(getattr(v, 'data', v)))",
            "def _grads(v):",
            "    return [_grads(x) for x in v] if isinstance(v, list) else v.grad",
            *(ast.unparse(d) for d in defs),
            *(f"_{n} = _wrap({n})" for n in inputs),
            f"_named = {circuit}({', '.join(f'{n}=_{n}' for n in inputs)})",
            "_out = list(_named.values())[-1]",
            "_out.backward()",
        ]
        for var, of in exercise.gradients.items():
            source = f"_{of}" if of in exercise.inputs else f"_named[{of!r}]"
            lines.append(f"{var} = _grads({source})")
        for name in exercise.forward:
            lines.append(f"{name} = _named[{name!r}]")
        tree.body = keep + _parse("\n".join(lines))
        yield how, from_tree(tree, how)

    return transform


def equivalents(exercise: Any, program: Program, check_source: str, seed: int) -> list[Variant]:
    rng = random.Random(seed)
    gradients = list(exercise.gradients)
    names = gradients + list(exercise.forward) + list(exercise.inputs)
    transforms = [
        reorder,
        unpack_inputs,
        helper_backward(gradients),
        helper_local(gradients),
        loops(gradients),
        prints_and_extras(names),
        round_after(list(exercise.forward)),
        main_block,
        fresh_again,
        float_inputs,
        via_value(exercise, check_source),
    ]
    found = [v for t in transforms for v in t(program, rng)]
    # A few combinations: each variant once more through another transform.
    for how, variant in list(found)[:: max(1, len(found) // 4)]:
        other = rng.choice([reorder, unpack_inputs, prints_and_extras(names), main_block])
        for how2, again in other(variant, rng):
            found.append((f"{how}+{how2}", again))
    return found
