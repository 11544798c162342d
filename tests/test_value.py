"""backprop_core.value: Value's arithmetic, backward(), accumulation, errors and freeing.

Most checks live in tests/core_checks.py (they also run inside Pyodide).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from backprop_core import Value
from backprop_core import value as value_module
from tests import core_checks
from tests.core_checks import ErrorCase


@pytest.mark.parametrize("check", core_checks.checks("value"), ids=lambda fn: fn.__name__)
def test_value(check: Callable[[], None]) -> None:
    check()


@pytest.mark.parametrize("case", core_checks.error_cases("value"), ids=lambda c: c.name)
def test_value_error(case: ErrorCase) -> None:
    with pytest.raises(case.exc, match=case.pattern):
        case.thunk()


def test_sigmoid_at_minus_1000() -> None:
    x = Value(-1000.0)
    s = x.sigmoid()
    s.backward()
    assert (s.data, x.grad) == (0.0, 0.0)
    assert Value(1000.0).sigmoid().data == 1.0


def test_gate_errors_leave_no_half_built_node() -> None:
    a = Value(1e200)
    with pytest.raises(OverflowError, match=r"mul gate"):
        a * a
    assert a.grad == 0.0 and a.data == 1e200  # the operands are untouched


def _stack_depth() -> int:
    frame, depth = sys._getframe(), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth


def test_freeing_a_deep_graph_does_not_recurse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Freeing a chain must not free node by node recursively.

    Pyodide dies of a fatal stack overflow when a chain of about 2,500 nodes is
    freed recursively (the Pyodide run of check_backward_long_chain_is_iterative
    shows it for real); here we watch the Python stack depth of every __del__.
    """
    release = value_module.Value.__del__
    depths: list[int] = []

    def watched(self: Value) -> None:
        depths.append(_stack_depth())
        release(self)

    monkeypatch.setattr(Value, "__del__", watched)
    x = Value(1.0)
    out = x
    for _ in range(10_000):
        out = (out * 1.0).tanh()
    base = _stack_depth()
    del out
    assert len(depths) == 10_000 + 20_000  # every Value but x: the gates and the 1.0s
    assert max(depths) <= base + 4, max(depths) - base
    assert value_module._ORPHANS == [] and value_module._RELEASING == [False]


def test_failed_construction_is_freed_quietly() -> None:
    # __init__ raises before the node is complete; __del__ must cope (no "Exception ignored")
    unraisable: list[object] = []
    hook, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        for bad in ("abc", float("nan")):
            with pytest.raises((TypeError, ValueError)):
                Value(bad)  # type: ignore[arg-type]
        with pytest.raises(OverflowError):
            Value(1e300) * 1e300
    finally:
        sys.unraisablehook = hook
    assert unraisable == []
