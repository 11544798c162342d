"""backprop_core.value: Value's arithmetic, backward(), accumulation, errors and freeing.

Most checks live in tests/core_checks.py (they also run inside Pyodide).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from backprop_core import Value, deep_graphs
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


def test_freeing_a_deep_graph_does_not_recurse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Freeing a chain must not free node by node recursively.

    Pyodide dies of a fatal stack overflow when a chain of about 2,500 nodes is
    freed recursively (the Pyodide run of check_backward_long_chain_is_iterative
    shows it for real). There, every SEGMENT-th node of a chain becomes a
    checkpoint whose __del__ releases its inputs in a loop; here we make the
    same class (deep_graphs.with_checkpoints) and watch the Python stack depth
    of every __del__.
    """
    release = deep_graphs._release
    depths: list[int] = []

    def watched(self: Value) -> None:
        depths.append(core_checks.stack_depth())
        release(self)

    monkeypatch.setattr(deep_graphs, "_release", watched)
    checked = deep_graphs.with_checkpoints(Value)
    monkeypatch.setattr(value_module, "Value", checked)  # every gate now makes checked nodes
    x = checked(1.0)
    out = x
    for _ in range(10_000):
        out = (out * 1.0).tanh()
    checkpoints = 20_000 // deep_graphs.SEGMENT
    assert isinstance(out, checked) and out.data == pytest.approx(0.0, abs=0.1)
    base = core_checks.stack_depth()
    del out
    assert len(depths) == checkpoints
    assert max(depths) <= base + 4, max(depths) - base
    assert deep_graphs._ORPHANS == [] and deep_graphs._RELEASING == [False]


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
