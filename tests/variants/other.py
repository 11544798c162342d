"""Generated answers for the two exercises whose reader writes a function, not
gradients: the engine's ``backward()`` (build-your-own) and ``init_weights``
(deep-networks), with their oracles."""

from __future__ import annotations

import contextlib
import math
import random
from collections.abc import Iterator
from typing import Any

from backprop_core import Value
from tests.exercise_cases import checker, read

from .equivalents import main_block, prints_and_extras, reorder
from .mutants import Names, mutants
from .oracle import TooSlow, run, time_limit
from .program import Program, from_tree

# --- the engine ------------------------------------------------------------------

_KAHN = """
def topological_order(root):
    nodes, stack, seen = [], [root], {id(root)}
    while stack:
        node = stack.pop()
        nodes.append(node)
        for inp in node.inputs:
            if id(inp) not in seen:
                seen.add(id(inp))
                stack.append(inp)
    waiting = {id(n): 0 for n in nodes}
    for n in nodes:
        for inp in n.inputs:
            waiting[id(inp)] += 1
    ready, order = [root], []
    while ready:
        node = ready.pop()
        order.append(node)
        for inp in node.inputs:
            waiting[id(inp)] -= 1
            if waiting[id(inp)] == 0:
                ready.append(inp)
    return order[::-1]
"""

_TWO_STACKS = """
def topological_order(root):
    visited, order = set(), []
    stack = [root]
    post = []
    while stack:
        node = stack.pop()
        if node in visited:
            continue
        visited.add(node)
        post.append(node)
        stack.extend(node.inputs)
    # post is a pre-order; a node's inputs may come after it, so sort by depth instead
    depth = {}
    for node in reversed(post):
        depth[node] = 1 + max((depth.get(i, 0) for i in node.inputs), default=0)
    return sorted(post, key=lambda n: depth[n])
"""

_BACKWARD_ITER = """
def backward(self):
    order = topological_order(self)
    self.grad = 1.0
    for node in order[::-1]:
        g = node.grad
        for k in range(len(node.inputs)):
            node.inputs[k].grad = node.inputs[k].grad + node.local_grads[k] * g
"""

# The review's case: a pre-order walk with a seen set, inputs pushed in order.
_PREORDER_SEEN = """
def topological_order(root):
    order, seen, stack = [], set(), [root]
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            order.append(node)
            stack.extend(node.inputs)
    return order[::-1]
"""

_PREORDER_SEEN_REVERSED = _PREORDER_SEEN.replace(
    "stack.extend(node.inputs)", "stack.extend(reversed(node.inputs))"
)

_OWN_GRAD = """
def backward(self):
    order = topological_order(self)
    self.grad = 1.0
    for node in reversed(order):
        for inp, local in zip(node.inputs, node.local_grads):
            inp.grad += local * inp.grad
"""

_NAN = """
def backward(self):
    order = topological_order(self)
    self.grad = 1.0
    for node in reversed(order):
        for inp, local in zip(node.inputs, node.local_grads):
            inp.grad += local * node.grad
    order[0].grad = float("nan")
"""

_INF_SEED = """
def backward(self):
    order = topological_order(self)
    self.grad = float("inf")
    for node in reversed(order):
        for inp, local in zip(node.inputs, node.local_grads):
            inp.grad += local * node.grad
"""


def _replace_function(source: str, name: str, new: str) -> str:
    import ast

    tree = ast.parse(source)
    replacement = ast.parse(new).body[0]
    tree.body = [replacement if getattr(s, "name", None) == name else s for s in tree.body]
    return ast.unparse(tree) + "\n"


ENGINE_EQUIVALENT = {
    "kahn-order": ("topological_order", _KAHN),
    "depth-sorted-order": ("topological_order", _TWO_STACKS),
    "backward-by-index": ("backward", _BACKWARD_ITER),
}
ENGINE_WRONG = {
    "preorder-with-seen-set": ("topological_order", _PREORDER_SEEN),
    "preorder-with-seen-set-reversed": ("topological_order", _PREORDER_SEEN_REVERSED),
    "input-own-grad": ("backward", _OWN_GRAD),
    "nan-gradient": ("backward", _NAN),
    "infinite-seed": ("backward", _INF_SEED),
}


def _cut(root: Any) -> None:
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.extend(getattr(node, "inputs", ()) or ())
        with contextlib.suppress(Exception):
            node.inputs = ()


def engine_expected(exercise: Any, program: Program) -> str | None:
    """Run the reader's Value on every case of the checker; compare with backprop_core."""
    try:
        namespace = run(program.source())
    except TooSlow:
        return None
    except Exception:
        return "fail"
    V = namespace.get("Value")
    if not isinstance(V, type) or not callable(getattr(V, "backward", None)):
        return "fail"
    for case in exercise.cases:
        out, named = case.build(Value)
        out.backward()
        want = {n: v.grad for n, v in named.items()}
        try:
            with time_limit(5.0):
                out, named = case.build(V)
                try:
                    out.backward()
                finally:
                    if case.deep:
                        _cut(out)
        except TooSlow:
            return None
        except Exception:  # a RecursionError on the deep chain too
            return "fail"
        for name, v in named.items():
            got = getattr(v, "grad", None)
            if isinstance(got, bool) or not isinstance(got, (int, float)):
                return "fail"
            if not math.isfinite(got) or abs(got - want[name]) > 1e-6 * max(1, abs(want[name])):
                return "fail"
    return "pass"


def engine_variants(exercise: Any, seed: int, limit: int) -> Iterator[tuple[str, str, Program]]:
    solution = Program(read("build-your-own/backward", "solution.py"))
    rng = random.Random(seed)
    for how, program in [*reorder(solution, rng), *main_block(solution, rng)]:
        yield "equivalent", how, program
    for how, (name, code) in ENGINE_EQUIVALENT.items():
        yield "equivalent", how, Program(_replace_function(solution.text, name, code), how)
    for how, (name, code) in ENGINE_WRONG.items():
        yield "mutant", how, Program(_replace_function(solution.text, name, code), how)
    names = Names([], [], [])
    only = frozenset({"topological_order", "backward"})
    for how, program in mutants(solution, names, seed, limit, only=only):
        yield "mutant", how, program


# --- initialization ---------------------------------------------------------------

# The layers the oracle asks for: the page's own networks (the exercise's 2-4-1
# network, the 20 layers of 16 of the initialization section) and larger fan-ins.
LAYERS = ((2, 4), (4, 1), (3, 3), (16, 16), (64, 6))
DRAWS = 20  # calls per layer: the spread is judged on all their weights together
LOW, HIGH = 0.5, 2.0  # spread × √n_in allowed (the page's own words)
MARGIN = 0.1  # closer than this (relative) to LOW or HIGH: too close to call
SAME = 1e-3  # rows closer than this × the layer's spread are one neuron


def init_expected(program: Program) -> str | None:
    try:
        namespace = run(program.source())
    except TooSlow:
        return None
    except Exception:
        return "fail"
    function = namespace.get("init_weights")
    if not callable(function):
        return "fail"
    close_call = False
    try:
        with time_limit(10.0):
            for n_in, n_out in LAYERS:
                weights: list[float] = []
                for k in range(DRAWS):
                    W = function(n_in, n_out, random.Random(1000 + k))
                    rows = [list(r) for r in W] if isinstance(W, (list, tuple)) else None
                    if rows is None or len(rows) != n_out or any(len(r) != n_in for r in rows):
                        return "fail"
                    flat = [getattr(w, "data", w) for r in rows for w in r]
                    if not all(
                        isinstance(w, (int, float)) and not isinstance(w, bool) for w in flat
                    ):
                        return "fail"
                    if not all(math.isfinite(w) for w in flat):
                        return "fail"
                    weights += flat
                    spread = _std(flat) if len(flat) > 1 else 1.0
                    for i in range(n_out):
                        for j in range(i + 1, n_out):
                            gap = max(abs(a - b) for a, b in zip(rows[i], rows[j]))
                            if gap <= SAME * max(spread, 1e-300):
                                return "fail"
                ratio = _std(weights) * math.sqrt(n_in)
                mean = abs(sum(weights) / len(weights))
                if not (LOW <= ratio <= HIGH) or mean > 0.5 * _std(weights):
                    if min(abs(ratio / LOW - 1), abs(ratio / HIGH - 1)) < MARGIN:
                        close_call = True
                        continue
                    return "fail"
                if min(abs(ratio / LOW - 1), abs(ratio / HIGH - 1)) < MARGIN:
                    close_call = True
    except TooSlow:
        return None
    except Exception:
        return "fail"
    return None if close_call else "pass"


def _std(values: list[float]) -> float:
    mean = sum(values) / len(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


# The bodies of init_weights(n_in, n_out, rng), right and wrong ways.
INIT_EQUIVALENT = {
    "xavier-normal": """
    return [[rng.gauss(0, 1 / math.sqrt(n_in)) for _ in range(n_in)] for _ in range(n_out)]
""",
    "he-uniform": """
    s = math.sqrt(6 / n_in)
    return [[rng.uniform(-s, s) for _ in range(n_in)] for _ in range(n_out)]
""",
    "loops": """
    W = []
    for i in range(n_out):
        row = []
        for j in range(n_in):
            row.append((2 * rng.random() - 1) * math.sqrt(3 / n_in))
        W.append(row)
    return W
""",
    "glorot-both-fans": """
    s = math.sqrt(6 / (n_in + n_out))
    return [[rng.uniform(-s, s) for _ in range(n_in)] for _ in range(n_out)]
""",
    "tuples": """
    s = (3 / n_in) ** 0.5
    return tuple(tuple(rng.uniform(-s, s) for _ in range(n_in)) for _ in range(n_out))
""",
}
INIT_WRONG = {
    "fixed-gauss-0.1": """
    return [[rng.gauss(0, 0.1) for _ in range(n_in)] for _ in range(n_out)]
""",
    "fixed-uniform-0.3": """
    return [[rng.uniform(-0.3, 0.3) for _ in range(n_in)] for _ in range(n_out)]
""",
    "near-symmetric-jitter": """
    s = math.sqrt(3 / n_in)
    row = [rng.uniform(-s, s) for _ in range(n_in)]
    return [[w + rng.uniform(-1e-6, 1e-6) for w in row] for _ in range(n_out)]
""",
    "half-normal-positive": """
    return [[abs(rng.gauss(0, 1 / math.sqrt(n_in))) for _ in range(n_in)] for _ in range(n_out)]
""",
    "unit-gauss": """
    return [[rng.gauss(0, 1) for _ in range(n_in)] for _ in range(n_out)]
""",
    "variance-not-std": """
    return [[rng.gauss(0, 1 / n_in) for _ in range(n_in)] for _ in range(n_out)]
""",
    "same-seed-each-row": """
    s = math.sqrt(3 / n_in)
    rows = []
    for _ in range(n_out):
        r = random.Random(42)
        rows.append([r.uniform(-s, s) for _ in range(n_in)])
    return rows
""",
    "fan-out-scale": """
    s = math.sqrt(3 / n_out)
    return [[rng.uniform(-s, s) for _ in range(n_in)] for _ in range(n_out)]
""",
    "nan-weights": """
    return [[float('nan') for _ in range(n_in)] for _ in range(n_out)]
""",
}


def init_variants(seed: int, limit: int) -> Iterator[tuple[str, str, Program]]:
    solution = Program(read("deep-networks/symmetry", "solution.py"))
    rng = random.Random(seed)
    for how, program in [*reorder(solution, rng), *main_block(solution, rng)]:
        yield "equivalent", how, program
    names = ["n_in", "n_out", "s"]
    for how, program in prints_and_extras(names)(solution, rng):
        yield "equivalent", how, program
    for how, body in INIT_EQUIVALENT.items():
        code = "def init_weights(n_in, n_out, rng):\n" + body
        text = _replace_function(solution.text, "init_weights", code)
        yield "equivalent", how, Program(text, how)
    for how, body in INIT_WRONG.items():
        code = "def init_weights(n_in, n_out, rng):\n" + body
        text = _replace_function(solution.text, "init_weights", code)
        yield "mutant", how, Program(text, how)
    for how, program in mutants(
        solution, Names([], ["n_in", "n_out"], []), seed, limit, only=frozenset({"init_weights"})
    ):
        yield "mutant", how, program


# The capstone trains a network for every answer (about a second each): fewer sampled mutants.
CAPSTONE_MUTANTS = 14


def generated_other(exercise: str, kind: str, seed: int, limit: int) -> list[Any]:
    from . import Generated

    found = []
    if kind == "engine":
        ex = checker(exercise).__self__
        for k, how, program in engine_variants(ex, seed, limit):
            found.append(
                Generated(exercise, k, how, program.source(), engine_expected(ex, program))
            )
    elif kind == "capstone":
        from .capstone import capstone_expected, capstone_variants

        ex = checker(exercise).__self__
        for k, how, program in capstone_variants(seed, CAPSTONE_MUTANTS):
            found.append(
                Generated(exercise, k, how, program.source(), capstone_expected(ex, program))
            )
    else:
        for k, how, program in init_variants(seed, limit):
            found.append(Generated(exercise, k, how, program.source(), init_expected(program)))
    return found


__all__ = ["from_tree", "generated_other"]
