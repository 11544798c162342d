"""backprop_core.graph: topological order without recursion, and the trace.

The checks live in tests/core_checks.py (they also run inside Pyodide); a
property test of the order over random graphs is in tests/test_properties.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backprop_core import Node, Value, topological_order, trace
from tests import core_checks


@pytest.mark.parametrize("check", core_checks.checks("graph"), ids=lambda fn: fn.__name__)
def test_graph(check: Callable[[], None]) -> None:
    check()


def test_a_single_input() -> None:
    x = Value(1.0, label="x")
    assert topological_order(x) == [x]
    assert trace(x) == [Node(0, None, "", (), 1.0, 0.0, "x")]


def test_trace_of_a_shared_constant_and_power() -> None:
    x = Value(3.0, label="x")
    f = x**2 - x.relu()
    f.backward()
    nodes = trace(f)
    assert [(n.op, n.symbol, n.inputs) for n in nodes] == [
        (None, "", ()),
        ("pow", "x^2", (0,)),
        ("relu", "ReLU", (0,)),
        ("sub", "−", (1, 2)),
    ]
    assert nodes[0].grad == 2 * 3.0 - 1.0


def test_order_is_deterministic() -> None:
    def build() -> list[float]:
        a, b = Value(1.0), Value(2.0)
        c = (a * b + b.exp()) * (a - b)
        return [v.data for v in topological_order(c)]

    assert build() == build()
