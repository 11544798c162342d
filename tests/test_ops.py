"""backprop_core.ops: every gate's forward rule, local gradient and error messages.

The checks themselves live in tests/core_checks.py (plain functions, so the same
checks also run inside Pyodide, see tests/test_pyodide.py): each op at points
computed by hand, through ``Value`` and through its explicit gate object, with a
gradient check where the op is smooth.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from backprop_core import ops
from tests import core_checks
from tests.core_checks import ErrorCase


@pytest.mark.parametrize("check", core_checks.checks("ops"), ids=lambda fn: fn.__name__)
def test_op(check: Callable[[], None]) -> None:
    check()


@pytest.mark.parametrize("case", core_checks.error_cases("ops"), ids=lambda c: c.name)
def test_op_error_names_the_gate_and_the_value(case: ErrorCase) -> None:
    with pytest.raises(case.exc, match=case.pattern):
        case.thunk()


# The gate table itself, without Value: forward(inputs) and the local gradients.
BINARY = [
    (ops.ADD, 2.0, -3.0, -1.0, (1.0, 1.0)),
    (ops.SUB, 2.0, -3.0, 5.0, (1.0, -1.0)),
    (ops.MUL, -2.0, 3.0, -6.0, (3.0, -2.0)),
    (ops.DIV, 6.0, -3.0, -2.0, (-1 / 3, -2 / 3)),
    (ops.MAX, 1.0, 2.0, 2.0, (0.0, 1.0)),
    (ops.MAX, 2.0, 2.0, 2.0, (1.0, 0.0)),  # a tie: the first input
    (ops.POW, 2.0, 3.0, 8.0, (12.0, 8.0 * math.log(2.0))),
]
UNARY = [
    (ops.NEG, 3.0, -3.0, -1.0),
    (ops.EXP, 0.0, 1.0, 1.0),
    (ops.LOG, 4.0, math.log(4.0), 0.25),
    (ops.TANH, 0.0, 0.0, 1.0),
    (ops.SIGMOID, 0.0, 0.5, 0.25),
    (ops.RELU, 0.0, 0.0, 0.0),  # at 0 the gradient is blocked
    (ops.RELU, 1e-300, 1e-300, 1.0),
    (ops.RELU, -2.0, 0.0, 0.0),
    (ops.power(2), -3.0, 9.0, -6.0),
    (ops.power(-1), 4.0, 0.25, -1 / 16),
    (ops.power(0.5), 9.0, 3.0, 1 / 6),
    (ops.power(0), 0.0, 1.0, 0.0),
]


@pytest.mark.parametrize(("op", "x", "y", "out", "local"), BINARY, ids=lambda v: repr(v))
def test_binary_op_table(
    op: ops.BinaryOp, x: float, y: float, out: float, local: tuple[float, float]
) -> None:
    assert op.forward(x, y) == pytest.approx(out, rel=1e-15)
    assert op.local_grads(x, y, op.forward(x, y)) == pytest.approx(local, rel=1e-15)


@pytest.mark.parametrize(("op", "x", "out", "local"), UNARY, ids=lambda v: repr(v))
def test_unary_op_table(op: ops.UnaryOp, x: float, out: float, local: float) -> None:
    assert op.forward(x) == pytest.approx(out, rel=1e-15)
    assert op.local_grad(x, op.forward(x)) == pytest.approx(local, rel=1e-15)


def test_check_finite() -> None:
    assert ops.check_finite(ops.MUL, (2.0, 3.0), 6.0) == 6.0
    assert ops.check_finite(ops.MUL, (0.0, 0.0), -0.0) == 0.0
    with pytest.raises(OverflowError, match=r"^mul gate: mul\(1e\+200, 1e\+200\) = inf "):
        ops.check_finite(ops.MUL, (1e200, 1e200), math.inf)
    with pytest.raises(OverflowError, match=r"^exp gate: exp\(1\.0\) = nan is not a finite"):
        ops.check_finite(ops.EXP, (1.0,), math.nan)


def test_sigmoid_is_accurate_in_both_tails() -> None:
    # the two branches of the stable formula meet at 0 and stay accurate far out
    for x in (-700.0, -30.0, -1e-8, 0.0, 1e-8, 30.0, 700.0):
        assert ops.SIGMOID.forward(x) == pytest.approx(1 / (1 + math.exp(-x)), rel=1e-15)
    assert ops.SIGMOID.forward(-800.0) == 0.0 and ops.SIGMOID.forward(800.0) == 1.0


def test_base_classes_are_abstract() -> None:
    with pytest.raises(NotImplementedError):
        ops.UnaryOp().forward(1.0)
    with pytest.raises(NotImplementedError):
        ops.BinaryOp().local_grads(1.0, 2.0, 3.0)
    assert ops.Op().symbol == "op" and repr(ops.Op()) == "<op gate>"
