"""The worked examples the pages print: CS231n's notes and Karpathy's Hacker's guide.

The checks live in tests/core_checks.py (they also run inside Pyodide). Each
recomputes the example with Value, compares with the numbers the page shows,
with a hand-written backward pass where the source has one, and with the
numerical gradient.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backprop_core import Value
from tests import core_checks


@pytest.mark.parametrize("check", core_checks.checks("worked"), ids=lambda fn: fn.__name__)
def test_worked_example(check: Callable[[], None]) -> None:
    check()


def test_staged_example_needs_every_accumulation() -> None:
    """The referee is sharp: dropping the `+=` of stage (3) (x also feeds σ(x)) shows."""
    _, dx, dy = core_checks.staged_by_hand(3.0, -4.0)
    x, y = Value(3.0), Value(-4.0)
    core_checks.staged(x, y).backward()
    assert (dx, dy) == pytest.approx((x.grad, y.grad), rel=1e-12)
    sigx = 1 / (1 + 2.718281828459045**-3.0)
    xpy = -1.0
    den = sigx + xpy**2
    num = 3.0 + 1 / (1 + 2.718281828459045**4.0)
    dden = -num / den**2
    dx_without_sigx = 2 * xpy * dden + 1 / den
    assert dx_without_sigx != pytest.approx(x.grad, rel=1e-3)


def test_printed_numbers() -> None:
    """What the pages print, in the format they print it."""
    x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
    f = (x + y) * z
    f.backward()
    assert f"{f.data} {x.grad} {y.grad} {z.grad}" == "-12.0 -4.0 -4.0 3.0"
