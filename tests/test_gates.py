"""backprop_core.gates: the explicit gates (forward caches, backward applies the chain rule).

The checks live in tests/core_checks.py (they also run inside Pyodide); the
property that every gate agrees with Value at random points is in
tests/test_properties.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backprop_core import AddGate, Gate, MultiplyGate, PowerGate, SigmoidGate, gates, ops
from tests import core_checks
from tests.core_checks import ErrorCase


@pytest.mark.parametrize("check", core_checks.checks("gates"), ids=lambda fn: fn.__name__)
def test_gates(check: Callable[[], None]) -> None:
    check()


@pytest.mark.parametrize("case", core_checks.error_cases("gates"), ids=lambda c: c.name)
def test_gate_error(case: ErrorCase) -> None:
    with pytest.raises(case.exc, match=case.pattern):
        case.thunk()


def test_every_gate_class_is_checked() -> None:
    exported = {getattr(gates, name) for name in gates.__all__} - {Gate, PowerGate}
    assert exported == {cls for cls, _, _ in core_checks.GATE_CLASSES}


def test_gates_share_the_op_table() -> None:
    assert MultiplyGate.op is ops.MUL and SigmoidGate.op is ops.SIGMOID
    assert PowerGate(3).op is ops.power(3)
    # a gate object per use: two gates keep separate caches
    g1, g2 = AddGate(), AddGate()
    g1.forward(1.0, 2.0)
    assert g2.inputs is None


def test_multiply_gate_as_on_the_page() -> None:
    gate = MultiplyGate()
    assert gate.forward(-2.0, 3.0) == -6.0
    assert gate.local_grads() == (3.0, -2.0)
    assert gate.backward(1.0) == (3.0, -2.0)
    assert gate.backward(-2.0) == (-6.0, 4.0)
