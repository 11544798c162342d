"""backprop_core.gradcheck: the numerical gradient and the gradient check.

The checks live in tests/core_checks.py (they also run inside Pyodide).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backprop_core import GradCheck, GradCheckRow, Value, grad_check, numerical_grad
from tests import core_checks
from tests.core_checks import ErrorCase


@pytest.mark.parametrize("check", core_checks.checks("gradcheck"), ids=lambda fn: fn.__name__)
def test_gradcheck(check: Callable[[], None]) -> None:
    check()


@pytest.mark.parametrize("case", core_checks.error_cases("gradcheck"), ids=lambda c: c.name)
def test_gradcheck_error(case: ErrorCase) -> None:
    with pytest.raises(case.exc, match=case.pattern):
        case.thunk()


def test_repr_is_a_stable_table() -> None:
    rows = [
        GradCheckRow("w", 0.123456789, 1234567.0, 1234560.0, 5.67e-6, True),
        GradCheckRow("bias", -1e-7, 0.5, 0.25, 0.5, False),
    ]
    assert repr(GradCheck(rows, 1e-5)) == (
        "grad_check FAILED (relative error tolerance 1e-05)\n"
        "input          value     analytic    numerical  result\n"
        "w           0.123457  1.23457e+06  1.23456e+06  ok\n"
        "bias          -1e-07          0.5         0.25  WRONG, rel. error 5.0e-01"
    )


def test_a_bug_in_a_hand_written_backward_pass_is_caught() -> None:
    """The typical mistake: `=` instead of `+=` where x is used twice."""

    def f(x: Value, y: Value) -> Value:
        return x * y + x.sigmoid()

    def backward_with_bug(x: float, y: float) -> list[float]:
        s = 1 / (1 + 2.718281828459045**-x)
        dx = y  # from x * y ...
        dx = s * (1 - s)  # ... overwritten instead of added
        return [dx, x]

    point = [0.5, -1.5]
    assert not grad_check(f, point, analytic=backward_with_bug(*point))
    s = 1 / (1 + 2.718281828459045**-0.5)
    assert grad_check(f, point, analytic=[-1.5 + s * (1 - s), 0.5])


def test_numerical_grad_leaves_the_inputs_alone() -> None:
    x = Value(2.0)
    numerical_grad(lambda v: v * v, [x])
    assert (x.data, x.grad) == (2.0, 0.0)


def test_grad_check_does_not_touch_the_callers_values() -> None:
    x = Value(3.0, label="x")
    assert grad_check(lambda v: v**2, [x])
    assert (x.data, x.grad) == (3.0, 0.0)
