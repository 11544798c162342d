"""The expressions the engine exercise backpropagates through, and one run's result.

Each :class:`Case` builds its expression with any Value class (the reader's
and backprop_core's): the page's examples, reused inner nodes, random
expressions with reuse, and a chain :data:`DEPTH` gates deep.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..value import Value
from .numbers import GRID, fmt

__all__ = ["DEPTH", "STEP", "Case", "Graph", "default_cases", "inputs_of", "topological"]

DEPTH = 5000  # gates in the deep chain: far beyond Python's recursion limit
STEP = 1.0001  # the chain's factor: its gradient 1.0001 ** 5000 = 1.6487

Graph = tuple[Any, dict[str, Any]]  # (the output, the named nodes to check)


@dataclass(frozen=True)
class Case:
    """An expression the checker builds with any Value class (the reader's and the core's)."""

    text: str  # how messages show it: "a = 3; b = a + a; c = b + b"
    build: Callable[[Any], Graph]
    deep: bool = False


def _chain_rule(V: Any) -> Graph:
    x, y, z = V(-2.0), V(5.0), V(-4.0)
    return (x + y) * z, {"x": x, "y": y, "z": z}


def _reused(V: Any) -> Graph:
    a = V(3.0)
    b = a + a
    return b + b, {"a": a, "b": b}


def _reused_unevenly(V: Any) -> Graph:
    a = V(1.5)
    b = a + a
    return b + b * 2, {"a": a, "b": b}


def _reused_mirrored(V: Any) -> Graph:
    a = V(1.5)
    b = a + a
    return b * 2 + b, {"a": a, "b": b}


def _tanh_fork(V: Any) -> Graph:
    x, w = V(0.5), V(-1.5)
    h = (x * w).tanh()
    return h * h + x, {"x": x, "w": w, "h": h}


def _deep(V: Any) -> Graph:
    x = V(0.5)
    out = x
    for _ in range(DEPTH):
        out = out * STEP
    return out, {"x": x}


_OPS: dict[str, tuple[str, Callable[[Any, Any], Any]]] = {
    "add": ("{a} + {b}", lambda a, b: a + b),
    "mul": ("{a} * {b}", lambda a, b: a * b),
    "sub": ("{a} - {b}", lambda a, b: a - b),
    "neg": ("-{a}", lambda a, b: -a),
    "square": ("{a} ** 2", lambda a, b: a**2),
    "tanh": ("{a}.tanh()", lambda a, b: a.tanh()),
    "relu": ("{a}.relu()", lambda a, b: a.relu()),
}


def _random_case(seed: int, inputs: int = 3, steps: int = 6) -> Case:
    """A random expression with reused nodes (each step may pick any earlier node)."""
    rng = random.Random(seed)
    values = [rng.choice(GRID) for _ in range(inputs)]
    plan = []
    for k in range(inputs, inputs + steps):
        plan.append((rng.choice(sorted(_OPS)), rng.randrange(k), rng.randrange(k)))
    lines = [f"n{i} = {fmt(v)}" for i, v in enumerate(values)]
    lines += [
        f"n{k} = " + _OPS[op][0].format(a=f"n{i}", b=f"n{j}")
        for k, (op, i, j) in enumerate(plan, inputs)
    ]

    def build(V: Any) -> Graph:
        nodes = [V(v) for v in values]
        for op, i, j in plan:
            nodes.append(_OPS[op][1](nodes[i], nodes[j]))
        return nodes[-1], {f"n{k}": n for k, n in enumerate(nodes[:-1])}

    return Case("; ".join(lines), build)


def _tame(case: Case) -> bool:
    """No ReLU at its kink (0) and no huge numbers: the gradient is unambiguous there."""
    out, _ = case.build(Value)
    nodes = topological(out)
    if any(abs(n.data) > 1e4 for n in nodes):
        return False
    return not any(
        n.op is not None and n.op.name == "relu" and n.inputs[0].data == 0 for n in nodes
    )


def default_cases(random_cases: int = 4) -> list[Case]:
    """The page's examples, reused inner nodes, random expressions, then the deep chain."""
    cases = [
        Case("x = -2; y = 5; z = -4; f = (x + y) * z", _chain_rule),
        Case("a = 3; b = a + a; c = b + b", _reused),
        Case("a = 1.5; b = a + a; d = b + b * 2", _reused_unevenly),
        Case("a = 1.5; b = a + a; d = b * 2 + b", _reused_mirrored),
        Case("x = 0.5; w = -1.5; h = (x * w).tanh(); f = h * h + x", _tanh_fork),
    ]
    seed = 0
    while len(cases) < 5 + random_cases:
        case = _random_case(seed)
        seed += 1
        if _tame(case):
            cases.append(case)
    cases.append(Case(f"x = 0.5; out = x * {STEP} * {STEP} * … ({DEPTH}×)", _deep, deep=True))
    return cases


def inputs_of(node: Any) -> tuple[Any, ...]:
    """The Values ``node`` was computed from (none for a leaf or a foreign object)."""
    return tuple(getattr(node, "inputs", ()) or ())


def topological(root: Any, flip: bool = False) -> list[Any]:
    """Every node after its inputs (inputs visited in order, or in reverse with ``flip``)."""
    order: list[Any] = []
    seen: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            inputs = inputs_of(node)
            stack.extend((inp, False) for inp in (inputs if flip else reversed(inputs)))
    return order
