"""Wrong local gradients: how one gate's rule looks when a typical mistake is made there.

Each function takes the reference trace and a gate (node) and returns the local
gradients the mistaken reader would use on that gate's wires; the hypotheses
(:mod:`~backprop_core.practice.hypotheses`) play them through the whole
backward pass.
"""

from __future__ import annotations

from .circuit import Edge, Trace

__all__ = [
    "divisor_precedence",
    "mixed_slope",
    "negated",
    "one_minus_square",
    "output_as_slope",
    "own_values",
    "passed_through",
    "routed_to",
    "routed_to_loser",
    "slope_from_input",
    "sum_divisor_precedence",
]


def output_as_slope(t: Trace, n: int) -> dict[Edge, float]:
    """``ddot = f``: the gate's output where its local gradient belongs."""
    return {(n, 0): t.data[n]}


def slope_from_input(t: Trace, n: int) -> dict[Edge, float]:
    """σ' or tanh' computed from the gate's input instead of its output."""
    x = t.data[t.inputs[n][0]]
    op = t.ops[n]
    return {(n, 0): (1 - x) * x if op is not None and op.name == "sigmoid" else 1 - x * x}


def one_minus_square(t: Trace, n: int) -> dict[Edge, float]:
    """``1 - s * s`` written for ``(1 - s) * s``."""
    return {(n, 0): 1 - t.data[n] * t.data[n]}


def divisor_precedence(t: Trace, n: int) -> dict[Edge, float]:
    """``-a / b * b`` written for ``-a / (b * b)``: the local gradient becomes ``-a``."""
    if len(t.inputs[n]) == 2:
        return {(n, 1): -t.data[t.inputs[n][0]]}
    return {(n, 0): -1.0}


def sum_divisor_precedence(t: Trace, n: int) -> dict[Edge, float]:
    """``1 / c + d`` written for ``1 / (c + d)``: the numerator's local gradient of a
    division by a sum."""
    p, q = (t.data[s] for s in t.inputs[t.inputs[n][1]])
    return {(n, 0): 1 / p + q if p != 0 else float("inf")}


def mixed_slope(use_input_first: bool, t: Trace, n: int) -> dict[Edge, float]:
    """``(1 - x) * f`` or ``(1 - f) * x``: the sigmoid's input where its output belongs,
    in one of the two factors."""
    x, f = t.data[t.inputs[n][0]], t.data[n]
    return {(n, 0): (1 - x) * f if use_input_first else (1 - f) * x}


def own_values(t: Trace, n: int) -> dict[Edge, float]:
    """A multiply gate that does not swap: each input times its own value."""
    return {(n, i): t.data[s] for i, s in enumerate(t.inputs[n])}


def routed_to_loser(t: Trace, n: int) -> dict[Edge, float]:
    a, b = t.local[n]
    return {(n, 0): b, (n, 1): a}


def routed_to(winner: int, t: Trace, n: int) -> dict[Edge, float]:
    return {(n, winner): 1.0, (n, 1 - winner): 0.0}


def passed_through(t: Trace, n: int) -> dict[Edge, float]:
    """The gate treated like an add gate: local gradient 1 on every input."""
    return {(n, i): 1.0 for i in range(len(t.inputs[n]))}


def negated(pos: int, t: Trace, n: int) -> dict[Edge, float]:
    return {(n, pos): -t.local[n][pos]}
