"""Checks of backprop_core that run without pytest: under CPython and inside Pyodide.

Every ``check_*`` function here is a plain function that raises AssertionError
(or any other exception) when backprop_core misbehaves. The pytest files
(``test_ops.py``, ``test_value.py``, ...) run them by category; the Pyodide run
(``test_pyodide.py`` with ``tests/pyodide/run_in_pyodide.mjs``) copies this file
into the Pyodide file system and calls :func:`run_all`, which reports each
check's result as JSON. Only the standard library and backprop_core are used:
pytest and hypothesis do not exist inside Pyodide.

The expected numbers are computed by hand (and written as literals) or by an
independent formula, never by asking backprop_core the same question twice.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import json
import math
import pkgutil
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

import backprop_core
from backprop_core import (
    AddGate,
    DivideGate,
    DotGate,
    ExpGate,
    Gate,
    LogGate,
    LogSumExpGate,
    MaxGate,
    MultiplyGate,
    NegateGate,
    PowerGate,
    ReluGate,
    SigmoidGate,
    SoftplusGate,
    SubtractGate,
    SumGate,
    TanhGate,
    Value,
    grad_check,
    numerical_grad,
    topological_order,
    trace,
)
from backprop_core.notebook import display_data, run_cell

# --- registry ----------------------------------------------------------------

CATEGORIES = (
    "ops",
    "value",
    "gates",
    "gradcheck",
    "graph",
    "notebook",
    "worked",
    "errors",
    "doctest",
)

CHECKS: dict[str, tuple[str, Callable[[], None]]] = {}
"""name -> (category, function), in definition order."""


def check(category: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
    """Register a ``check_*`` function under ``category``."""
    assert category in CATEGORIES, category

    def register(fn: Callable[[], None]) -> Callable[[], None]:
        name = fn.__name__
        assert name.startswith("check_") and name not in CHECKS, name
        CHECKS[name] = (category, fn)
        return fn

    return register


def names(category: str | None = None) -> list[str]:
    """The names of the registered checks, optionally of one category only."""
    return [n for n, (cat, _) in CHECKS.items() if category is None or cat == category]


def checks(category: str) -> list[Callable[[], None]]:
    return [fn for cat, fn in CHECKS.values() if cat == category]


# --- small assertion helpers --------------------------------------------------


def close(actual: float, expected: float, rel: float = 1e-12, abs_: float = 0.0) -> bool:
    return math.isclose(actual, expected, rel_tol=rel, abs_tol=abs_)


def assert_close(actual: float, expected: float, what: str, rel: float = 1e-12) -> None:
    assert close(actual, expected, rel), f"{what}: got {actual!r}, expected {expected!r}"


def assert_all_close(
    actual: Sequence[float], expected: Sequence[float], what: str, rel: float = 1e-12
) -> None:
    assert len(actual) == len(expected), f"{what}: got {actual!r}, expected {expected!r}"
    for a, e in zip(actual, expected):
        assert close(a, e, rel), f"{what}: got {list(actual)!r}, expected {list(expected)!r}"


@contextlib.contextmanager
def raises(exc_type: type[BaseException], pattern: str) -> Iterator[None]:
    """Like ``pytest.raises(exc_type, match=pattern)``: the block must raise a matching error."""
    try:
        yield
    except exc_type as exc:
        if not re.search(pattern, str(exc)):
            raise AssertionError(
                f"{exc_type.__name__} was raised but its message {str(exc)!r} "
                f"does not match {pattern!r}"
            ) from exc
    else:
        raise AssertionError(f"expected {exc_type.__name__} matching {pattern!r}; nothing raised")


def captured(fn: Callable[[], object]) -> tuple[object, str, str]:
    """Run ``fn``; return its result and what it printed to stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        result = fn()
    return result, out.getvalue(), err.getvalue()


def stack_depth() -> int:
    """How many Python frames are on the stack here."""
    frame, depth = sys._getframe(), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth


@contextlib.contextmanager
def low_recursion_limit(room: int = 50) -> Iterator[None]:
    """Only ``room`` more Python frames allowed: any recursive walk of a deep graph fails."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(stack_depth() + room)
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)


# --- ops: each gate through Value and through its explicit gate object -------


def assert_op(
    f: Callable[..., Value],
    gate: Gate | None,
    inputs: Sequence[float],
    out: float,
    grads: Sequence[float],
    *,
    smooth: bool = True,
) -> None:
    """Check one op at one point, four ways.

    1. ``Value``: forward gives ``out``, ``backward()`` gives ``grads`` (hand-computed);
    2. ``grad_check`` agrees with backward (only where the op is ``smooth`` at the point:
       at a kink the centred difference averages the two one-sided slopes);
    3. the explicit gate object gives exactly the same forward value, local gradients,
       and ``backward(dout)`` = local gradient × dout for a few ``dout``.
    """
    xs = [Value(x) for x in inputs]
    y = f(*xs)
    assert isinstance(y, Value), y
    assert_close(y.data, out, f"forward at {list(inputs)}")
    y.backward()
    got = [x.grad for x in xs]
    assert_all_close(got, grads, f"backward at {list(inputs)}")
    if smooth:
        result = grad_check(f, list(inputs))
        assert result, f"grad_check failed at {list(inputs)}:\n{result!r}"
    if gate is not None:
        assert gate.forward(*inputs) == y.data, (gate, y)
        assert list(gate.local_grads()) == got, (gate.local_grads(), got)
        for dout in (1.0, -2.5, 0.125):
            back = gate.backward(dout)
            back = back if isinstance(back, tuple) else (back,)
            assert list(back) == [g * dout for g in got], (gate, dout, back)


E = math.e
LN2 = 0.6931471805599453


@check("ops")
def check_add() -> None:
    assert_op(lambda x, y: x + y, AddGate(), [2.0, -3.0], -1.0, [1.0, 1.0])
    assert_op(lambda x, y: x + y, AddGate(), [0.5, 0.25], 0.75, [1.0, 1.0])


@check("ops")
def check_sub() -> None:
    assert_op(lambda x, y: x - y, SubtractGate(), [2.0, -3.0], 5.0, [1.0, -1.0])


@check("ops")
def check_mul() -> None:
    # the multiply gate swaps its inputs: d/dx = y, d/dy = x
    assert_op(lambda x, y: x * y, MultiplyGate(), [-2.0, 3.0], -6.0, [3.0, -2.0])
    assert_op(lambda x, y: x * y, MultiplyGate(), [4.0, 0.0], 0.0, [0.0, 4.0])


@check("ops")
def check_div() -> None:
    # d/dx (x/y) = 1/y, d/dy (x/y) = -x/y²
    assert_op(lambda x, y: x / y, DivideGate(), [6.0, -3.0], -2.0, [-1.0 / 3.0, -6.0 / 9.0])
    assert_op(lambda x, y: x / y, DivideGate(), [1.0, 4.0], 0.25, [0.25, -1.0 / 16.0])


@check("ops")
def check_max() -> None:
    assert_op(lambda x, y: x.max(y), MaxGate(), [4.0, 2.0], 4.0, [1.0, 0.0])
    assert_op(lambda x, y: x.max(y), MaxGate(), [-1.0, 2.5], 2.5, [0.0, 1.0])
    # a tie routes the whole gradient to the first input (a subgradient, not smooth)
    assert_op(lambda x, y: x.max(y), MaxGate(), [3.0, 3.0], 3.0, [1.0, 0.0], smooth=False)
    assert_op(lambda x, y: y.max(x), None, [3.0, 3.0], 3.0, [0.0, 1.0], smooth=False)
    # max with a number, and max of a Value with itself (fan-out into one gate)
    a = Value(1.5)
    m = a.max(0.0)
    m.backward()
    assert (m.data, a.grad) == (1.5, 1.0), (m, a)
    a = Value(2.0)
    m = a.max(a)
    m.backward()
    assert (m.data, a.grad) == (2.0, 1.0), (m, a)


@check("ops")
def check_pow_constant() -> None:
    # x ** c: d/dx = c·x^(c-1)
    cases = [
        (2, 3.0, 9.0, 6.0),
        (3, -2.0, -8.0, 12.0),  # negative base, integer exponent
        (-1, 2.0, 0.5, -0.25),
        (-2, 2.0, 0.25, -0.25),
        (0.5, 4.0, 2.0, 0.25),
        (1.5, 4.0, 8.0, 3.0),
        (2.0, -3.0, 9.0, -6.0),  # a float exponent that is an integer
        (1, 0.0, 0.0, 1.0),
        (0, 5.0, 1.0, 0.0),
    ]
    for c, x, out, grad in cases:
        assert_op(lambda v, c=c: v**c, PowerGate(c), [x], out, [grad])
    # x ** 0 at x = 0 is the constant 1: its gradient is 0, not a division by zero
    assert_op(lambda v: v**0, PowerGate(0), [0.0], 1.0, [0.0], smooth=False)
    # (x ** 2 at 0: the gradient is 0)
    assert_op(lambda v: v**2, PowerGate(2), [0.0], 0.0, [0.0])


@check("ops")
def check_pow_value_value() -> None:
    # x ** y with both in the graph: d/dx = y·x^(y-1), d/dy = x^y·ln x
    assert_op(lambda x, y: x**y, None, [2.0, 3.0], 8.0, [12.0, 8.0 * LN2])
    assert_op(lambda x, y: x**y, None, [4.0, 0.5], 2.0, [0.25, 2.0 * 2 * LN2])
    x, y = Value(2.0), Value(3.0)
    z = x**y
    assert z.op is backprop_core.ops.POW and z.inputs == (x, y), z.op


@check("ops")
def check_pow_number_value() -> None:
    # number ** Value: d/dy c^y = c^y·ln c
    assert_op(lambda y: 2**y, None, [3.0], 8.0, [8.0 * LN2])
    assert_op(lambda y: 0.5**y, None, [2.0], 0.25, [-0.25 * LN2])
    assert_op(lambda y: E**y, None, [1.0], E, [E])


@check("ops")
def check_neg() -> None:
    assert_op(lambda x: -x, NegateGate(), [3.0], -3.0, [-1.0])
    assert_op(lambda x: -x, NegateGate(), [-0.5], 0.5, [-1.0])


@check("ops")
def check_exp() -> None:
    assert_op(lambda x: x.exp(), ExpGate(), [0.0], 1.0, [1.0])
    assert_op(lambda x: x.exp(), ExpGate(), [1.0], E, [E])
    assert_op(lambda x: x.exp(), ExpGate(), [-2.0], 0.1353352832366127, [0.1353352832366127])


@check("ops")
def check_log() -> None:
    assert_op(lambda x: x.log(), LogGate(), [2.0], LN2, [0.5])
    assert_op(lambda x: x.log(), LogGate(), [1.0], 0.0, [1.0])
    assert_op(lambda x: x.log(), LogGate(), [E], 1.0, [1.0 / E])


@check("ops")
def check_tanh() -> None:
    # tanh(0.5) = (e - 1)/(e + 1); d/dx = 1 - tanh² = 4e/(e + 1)²
    assert_op(lambda x: x.tanh(), TanhGate(), [0.0], 0.0, [1.0])
    assert_op(lambda x: x.tanh(), TanhGate(), [0.5], (E - 1) / (E + 1), [4 * E / (E + 1) ** 2])
    assert_op(lambda x: x.tanh(), TanhGate(), [-0.5], -(E - 1) / (E + 1), [4 * E / (E + 1) ** 2])


@check("ops")
def check_sigmoid() -> None:
    # σ(0) = 1/2, σ'(0) = 1/4; σ(1) = e/(1 + e), σ'(1) = e/(1 + e)²
    assert_op(lambda x: x.sigmoid(), SigmoidGate(), [0.0], 0.5, [0.25])
    assert_op(lambda x: x.sigmoid(), SigmoidGate(), [1.0], E / (1 + E), [E / (1 + E) ** 2])
    assert_op(lambda x: x.sigmoid(), SigmoidGate(), [-1.0], 1 / (1 + E), [E / (1 + E) ** 2])


@check("ops")
def check_sigmoid_saturates_without_overflow() -> None:
    for x, out in ((-1000.0, 0.0), (1000.0, 1.0), (-745.5, 0.0), (800.0, 1.0)):
        v = Value(x)
        s = v.sigmoid()
        s.backward()
        assert s.data == out, (x, s)
        assert v.grad == 0.0, (x, v.grad)
        gate = SigmoidGate()
        assert gate.forward(x) == out and gate.backward(1.0) == 0.0, gate
    # large but not saturated: σ(-30) is tiny and positive, computed accurately
    assert_close(Value(-30.0).sigmoid().data, 1 / (1 + math.exp(30.0)), "σ(-30)")


@check("ops")
def check_relu() -> None:
    assert_op(lambda x: x.relu(), ReluGate(), [2.0], 2.0, [1.0])
    assert_op(lambda x: x.relu(), ReluGate(), [-1.0], 0.0, [0.0])
    # at 0 the gate blocks the gradient (and is not smooth)
    assert_op(lambda x: x.relu(), ReluGate(), [0.0], 0.0, [0.0], smooth=False)
    assert Value(-0.0).relu().data == 0.0


@check("ops")
def check_softplus() -> None:
    # softplus(0) = ln 2, slope σ(0) = 1/2; softplus(1) = ln(1 + e), slope σ(1) = e/(1 + e)
    assert_op(lambda x: x.softplus(), SoftplusGate(), [0.0], LN2, [0.5])
    assert_op(lambda x: x.softplus(), SoftplusGate(), [1.0], math.log(1 + E), [E / (1 + E)])
    assert_op(lambda x: x.softplus(), SoftplusGate(), [-1.0], math.log(1 + 1 / E), [1 / (1 + E)])
    # far out it is exact and never overflows: ln(1 + e^1000) = 1000, slope 1
    for x, out, grad in ((1000.0, 1000.0, 1.0), (-1000.0, 0.0, 0.0), (40.0, 40.0, 1.0)):
        v = Value(x)
        y = v.softplus()
        y.backward()
        assert (y.data, v.grad) == (out, grad), (x, y, v.grad)
    # -40: e^-40 is far below 1, so softplus(-40) = e^-40 to full precision
    assert_close(Value(-40.0).softplus().data, math.exp(-40.0), "softplus(-40)")


@check("ops")
def check_sum() -> None:
    # the add gate n-fold: every input gets the upstream gradient unchanged
    assert_op(lambda x, y, z: Value.sum([x, y, z]), SumGate(), [1.0, -2.5, 4.0], 2.5, [1, 1, 1])
    assert_op(lambda x: Value.sum([x]), SumGate(), [3.0], 3.0, [1.0])
    # numbers mixed in, and a Value used twice in one gate (fan-out: its shares add up)
    a, b = Value(2.0), Value(-1.0)
    s = Value.sum([a, 3, b, a, 0.5])
    s.backward()
    assert (s.data, a.grad, b.grad) == (6.5, 2.0, 1.0), (s, a.grad, b.grad)
    assert s.op is backprop_core.ops.SUM and len(s.inputs) == 5
    # any iterable of Values: a generator too
    g = Value.sum(Value(float(k)) for k in range(4))
    assert g.data == 6.0 and len(g.inputs) == 4


@check("ops")
def check_dot() -> None:
    # a sum of multiply gates: each (weight, input) pair swaps
    assert_op(
        lambda w0, x0, w1, x1: Value.dot([w0, w1], [x0, x1]),
        DotGate(),
        [2.0, -1.0, -3.0, -2.0],
        4.0,
        [-1.0, 2.0, -2.0, -3.0],
    )
    # the inputs are stored in pairs, w1, x1, w2, x2, ...
    w, x = [Value(1.0), Value(2.0)], [Value(3.0), Value(4.0)]
    d = Value.dot(w, x)
    assert d.inputs == (w[0], x[0], w[1], x[1]) and d.data == 11.0, d.inputs
    # fan-out: dot([a, b], [a, a]) = a² + a·b, d/da = 2a + b, d/db = a
    a, b = Value(3.0), Value(-2.0)
    d = Value.dot([a, b], [a, a])
    d.backward()
    assert (d.data, a.grad, b.grad) == (3.0, 4.0, 3.0), (d, a.grad, b.grad)
    # plain numbers as inputs (a data point) become constants
    w0, w1 = Value(0.5), Value(-1.0)
    d = Value.dot([w0, w1], [2.0, 3.0])
    d.backward()
    assert (d.data, w0.grad, w1.grad) == (-2.0, 2.0, 3.0), (d, w0.grad, w1.grad)


@check("ops")
def check_logsumexp() -> None:
    # ln(e^0 + e^0) = ln 2 with local gradients 1/2, 1/2: the softmax of the inputs
    assert_op(lambda x, y: Value.logsumexp([x, y]), LogSumExpGate(), [0.0, 0.0], LN2, [0.5, 0.5])
    xs = [1.0, 2.0, 3.0]
    total = sum(math.exp(v) for v in xs)
    assert_op(
        lambda *vs: Value.logsumexp(vs),
        LogSumExpGate(),
        xs,
        math.log(total),
        [math.exp(v) / total for v in xs],
    )
    assert_op(lambda x: Value.logsumexp([x]), LogSumExpGate(), [5.0], 5.0, [1.0])
    # scores of any size: ln(e^1000 + e^1000) = 1000 + ln 2, where exp(1000) overflows
    big = [Value(1000.0), Value(1000.0)]
    lse = Value.logsumexp(big)
    lse.backward()
    assert_close(lse.data, 1000.0 + LN2, "logsumexp(1000, 1000)")
    assert [v.grad for v in big] == [0.5, 0.5], [v.grad for v in big]
    low = [Value(-1000.0), Value(0.0)]
    lse = Value.logsumexp(low)
    lse.backward()
    assert lse.data == 0.0 and [v.grad for v in low] == [0.0, 1.0], (lse, low)


@check("ops")
def check_softmax_and_cross_entropy_gradient() -> None:
    """Cross-entropy from the scores, logsumexp(s) - s[k]: its gradient is p - y."""
    scores = [2.0, -1.0, 0.5]
    exps = [math.exp(v) for v in scores]
    p = [e / sum(exps) for e in exps]
    assert_all_close([v.data for v in Value.softmax(scores)], p, "softmax", rel=1e-15)
    for k in range(3):
        s = [Value(v) for v in scores]
        loss = Value.logsumexp(s) - s[k]
        loss.backward()
        assert_close(loss.data, -math.log(p[k]), f"cross-entropy, class {k}")
        expected = [pj - (1.0 if j == k else 0.0) for j, pj in enumerate(p)]
        assert_all_close([v.grad for v in s], expected, f"p - y, class {k}", rel=1e-14)
    # the softmax itself is built from gates: a logsumexp, then sub and exp per class
    probs = Value.softmax([Value(1.0), Value(2.0)])
    assert [q.op.name for q in probs if q.op] == ["exp", "exp"]
    assert probs[0].inputs[0].op is backprop_core.ops.SUB


@check("ops")
def check_stable_losses_at_extreme_scores() -> None:
    """Binary cross-entropy from z (softplus) and multiclass from the scores (logsumexp).

    Written with log(σ(z)), the loss fails from z ≈ 37 on: σ(z) rounds to 1.0
    and log(1 - σ(z)) is log(0). From the score it is exact for any z, and its
    gradient is σ(z) - y.
    """
    assert ops_sigmoid(37.0) == 1.0, "σ(37) rounds to 1.0 in floating point"
    with raises(ValueError, r"^log gate: log\(0\.0\) is undefined"):
        p = Value(37.0).sigmoid()
        (1 - p).log()
    for z0, y, loss, grad in (
        (37.0, 0.0, 37.0, 1.0),
        (1000.0, 0.0, 1000.0, 1.0),
        (1000.0, 1.0, 0.0, 0.0),
        (-1000.0, 1.0, 1000.0, -1.0),
        (-1000.0, 0.0, 0.0, 0.0),
    ):
        z = Value(z0)
        bce = z.softplus() - y * z
        bce.backward()
        assert (bce.data, z.grad) == (loss, grad), (z0, y, bce, z.grad)
    # moderate z: the softplus form equals the textbook formula, and dL/dz = σ(z) - y
    for z0 in (-4.0, -0.5, 0.0, 2.5):
        for y in (0.0, 1.0):
            z = Value(z0)
            bce = z.softplus() - y * z
            bce.backward()
            p = 1 / (1 + math.exp(-z0))
            assert_close(bce.data, -(y * math.log(p) + (1 - y) * math.log(1 - p)), "bce", 1e-13)
            assert_close(z.grad, p - y, "dL/dz = p - y", 1e-13)
    # several classes: scores 1000 apart, the right one far behind
    s = [Value(1000.0), Value(0.0), Value(-1000.0)]
    loss = Value.logsumexp(s) - s[2]
    loss.backward()
    assert (loss.data, [v.grad for v in s]) == (2000.0, [1.0, 0.0, -1.0]), (loss, s)


def ops_sigmoid(x: float) -> float:
    return backprop_core.ops.SIGMOID.forward(x)


@check("ops")
def check_numbers_on_either_side() -> None:
    """Plain numbers mix with Values on both sides of every binary operator."""
    cases: list[tuple[Callable[[Value], Value], float, float]] = [
        (lambda x: x + 2, 5.0, 1.0),
        (lambda x: 2 + x, 5.0, 1.0),
        (lambda x: x - 2, 1.0, 1.0),
        (lambda x: 2 - x, -1.0, -1.0),
        (lambda x: x * 2, 6.0, 2.0),
        (lambda x: 2 * x, 6.0, 2.0),
        (lambda x: x / 2, 1.5, 0.5),
        (lambda x: 6 / x, 2.0, -6.0 / 9.0),
        (lambda x: x**2, 9.0, 6.0),
        (lambda x: 2**x, 8.0, 8.0 * LN2),
        (lambda x: x.max(4), 4.0, 0.0),
        (lambda x: x.max(1), 3.0, 1.0),
    ]
    for f, out, grad in cases:
        assert_op(f, None, [3.0], out, [grad])


@check("ops")
def check_op_table() -> None:
    """The gate table's names and symbols, used by diagrams and traces."""
    from backprop_core import ops

    table = {
        ops.ADD: ("add", "+", 2),
        ops.SUB: ("sub", "−", 2),
        ops.MUL: ("mul", "×", 2),
        ops.DIV: ("div", "÷", 2),
        ops.MAX: ("max", "max", 2),
        ops.POW: ("pow", "**", 2),
        ops.NEG: ("neg", "−x", 1),
        ops.EXP: ("exp", "exp", 1),
        ops.LOG: ("log", "log", 1),
        ops.TANH: ("tanh", "tanh", 1),
        ops.SIGMOID: ("sigmoid", "σ", 1),
        ops.RELU: ("relu", "ReLU", 1),
        ops.SOFTPLUS: ("softplus", "softplus", 1),
        ops.SUM: ("sum", "Σ", 0),
        ops.DOT: ("dot", "·", 0),
        ops.LOGSUMEXP: ("logsumexp", "LSE", 0),
    }
    for op, (name, symbol, arity) in table.items():
        assert (op.name, op.symbol, op.arity) == (name, symbol, arity), op
        assert repr(op) == f"<{name} gate>", repr(op)
    assert ops.power(2).symbol == "x^2" and ops.power(0.5).symbol == "x^0.5"
    assert ops.power(2) is ops.power(2), "power ops are shared"
    assert repr(ops.power(-1)) == "<pow gate, exponent -1>"
    # every Value op records its gate
    x, y = Value(2.0), Value(3.0)
    made = {
        "add": x + y,
        "sub": x - y,
        "mul": x * y,
        "div": x / y,
        "max": x.max(y),
        "pow": x**y,
        "neg": -x,
        "exp": x.exp(),
        "log": x.log(),
        "tanh": x.tanh(),
        "sigmoid": x.sigmoid(),
        "relu": x.relu(),
        "softplus": x.softplus(),
        "sum": Value.sum([x, y]),
        "dot": Value.dot([x], [y]),
        "logsumexp": Value.logsumexp([x, y]),
    }
    for name, v in made.items():
        assert v.op is not None and v.op.name == name, (name, v.op)
    assert (x**2).op is ops.power(2)


# --- Value: backward, accumulation, fan-out -----------------------------------

MICROGRAD_README = """\
from backprop_core import Value

a = Value(-4.0)
b = Value(2.0)
c = a + b
d = a * b + b**3
c += c + 1
c += 1 + c + (-a)
d += d * 2 + (b + a).relu()
d += 3 * d + (b - a).relu()
e = c - d
f = e**2
g = f / 2.0
g += 10.0 / f
print(f'{g.data:.4f}') # prints 24.7041, the outcome of this forward pass
g.backward()
print(f'{a.grad:.4f}') # prints 138.8338, i.e. the numerical value of dg/da
print(f'{b.grad:.4f}') # prints 645.5773, i.e. the numerical value of dg/db
"""
"""micrograd's README example, only the import changed."""

MICROGRAD_README_OUTPUT = "24.7041\n138.8338\n645.5773\n"


def run_readme_example(source: str = MICROGRAD_README) -> str:
    _, out, err = captured(lambda: exec(source, {"__name__": "__readme__"}))
    assert err == "", err
    return out


@check("value")
def check_micrograd_readme_example() -> None:
    out = run_readme_example()
    assert out == MICROGRAD_README_OUTPUT, out


@check("value")
def check_fan_out_square() -> None:
    # a*a: the multiply gate sends a's value to both of its inputs, which are both a
    a = Value(3.0)
    f = a * a
    f.backward()
    assert a.grad == 6.0, a.grad


@check("value")
def check_fan_out_several_gates() -> None:
    # a feeds four gates: f = a·b + a + exp(a) + a²  →  df/da = b + 1 + e^a + 2a
    a, b = Value(0.5), Value(-2.0)
    f = a * b + a + a.exp() + a**2
    f.backward()
    assert_close(a.grad, -2.0 + 1.0 + math.exp(0.5) + 1.0, "df/da")
    assert b.grad == 0.5, b.grad
    assert grad_check(lambda a, b: a * b + a + a.exp() + a**2, [0.5, -2.0])


@check("value")
def check_backward_twice_accumulates() -> None:
    # PyTorch-style: inputs accumulate, inner nodes are recomputed
    a = Value(3.0)
    sq = a * a
    c = sq + 1
    c.backward()
    assert a.grad == 6.0, a.grad
    c.backward()
    assert a.grad == 12.0, a.grad
    assert sq.grad == 1.0 and c.grad == 1.0, (sq, c)
    c.zero_grad()
    c.backward()
    assert a.grad == 6.0, a.grad


@check("value")
def check_zero_grad_resets_every_node() -> None:
    a, b = Value(2.0), Value(-1.5)
    f = (a * b + a.tanh()).sigmoid() * 3 - b
    f.backward()
    nodes = topological_order(f)
    assert len(nodes) == 9, len(nodes)
    assert any(n.grad != 0.0 for n in nodes if n.op is None), "inputs got gradients"
    f.zero_grad()
    assert [n.grad for n in nodes] == [0.0] * len(nodes), [n.grad for n in nodes]


@check("value")
def check_backward_of_an_input() -> None:
    x = Value(5.0)
    x.backward()
    assert x.grad == 1.0, x.grad


@check("value")
def check_unused_branch_gets_no_gradient() -> None:
    a, b = Value(1.0), Value(2.0)
    _ = a * b  # built but not part of f
    f = a + 1
    f.backward()
    assert (a.grad, b.grad) == (1.0, 0.0), (a.grad, b.grad)


CHAIN_LENGTH = 1_000_000


@check("value")
def check_backward_long_chain_is_iterative() -> None:
    """A chain of a million gates: no RecursionError, and every gradient is right."""
    x, one = Value(1.0), Value(1.0)
    out = x
    for _ in range(CHAIN_LENGTH):
        out = out + one
    with low_recursion_limit():  # a recursive walk would fail at once
        out.backward()
    assert out.data == CHAIN_LENGTH + 1.0, out.data
    assert x.grad == 1.0, x.grad
    assert one.grad == float(CHAIN_LENGTH), one.grad  # fan-out into a million gates
    del out  # freeing a million nested nodes must not overflow the C stack either


@check("value")
def check_value_accepts_numbers() -> None:
    assert Value(3).data == 3.0 and type(Value(3).data) is float
    assert Value(True).data == 1.0
    import fractions

    assert Value(fractions.Fraction(1, 4)).data == 0.25
    v = Value(2.0, label="w")
    assert v.label == "w" and v.grad == 0.0 and v.op is None and v.inputs == ()
    assert repr(v) == "Value(data=2.0, grad=0.0, label='w')", repr(v)
    assert repr(Value(-1.5)) == "Value(data=-1.5, grad=0.0)"
    assert f"{Value(2 / 3):.4f}" == "0.6667"
    assert f"{Value(1.0)}" == "Value(data=1.0, grad=0.0)"


@check("value")
def check_value_numerics() -> None:
    # tiny and huge but finite numbers are fine
    assert (Value(1e-300) * Value(1e-300)).data == 0.0
    assert (Value(1e154) * Value(1e154)).data == 1e308
    assert Value(709.0).exp().data == math.exp(709.0)
    assert Value(-1000.0).exp().data == 0.0
    assert Value(-1000.0).tanh().data == -1.0


# --- gates by hand -------------------------------------------------------------


@check("gates")
def check_gate_forward_caches_inputs() -> None:
    g = MultiplyGate()
    assert g.inputs is None and g.output is None
    assert g.forward(-2, 3) == -6.0
    assert g.inputs == (-2.0, 3.0) and g.output == -6.0
    assert repr(g) == "MultiplyGate(inputs=(-2.0, 3.0), output=-6.0)", repr(g)
    assert g.local_grads() == (3.0, -2.0)
    assert g.backward() == (3.0, -2.0)  # upstream defaults to 1
    assert g.backward(2.0) == (6.0, -4.0)
    # a second forward replaces the cache
    g.forward(5.0, 7.0)
    assert g.backward(1.0) == (7.0, 5.0)


@check("gates")
def check_one_input_gate_returns_a_number() -> None:
    g = SigmoidGate()
    s = g.forward(1.0)
    back = g.backward(1.0)
    assert isinstance(back, float), back
    assert_close(back, s * (1 - s), "σ'(1)")
    assert PowerGate(-1).forward(2.0) == 0.5 and PowerGate(-1).op.name == "pow"


@check("gates")
def check_gate_circuit_by_hand() -> None:
    """The Hacker's guide circuit f = (x + y)·z, gate by gate, agrees with Value."""
    q_gate, f_gate = AddGate(), MultiplyGate()
    q = q_gate.forward(-2.0, 5.0)
    f = f_gate.forward(q, -4.0)
    dq, dz = f_gate.backward(1.0)
    dx, dy = q_gate.backward(dq)
    assert (q, f, dx, dy, dz) == (3.0, -12.0, -4.0, -4.0, 3.0)
    x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
    out = (x + y) * z
    out.backward()
    assert (out.data, x.grad, y.grad, z.grad) == (f, dx, dy, dz)


GATE_CLASSES: list[tuple[type[Gate], Callable[..., Value], tuple[float, ...]]] = [
    (AddGate, lambda x, y: x + y, (1.5, -2.0)),
    (SubtractGate, lambda x, y: x - y, (1.5, -2.0)),
    (MultiplyGate, lambda x, y: x * y, (1.5, -2.0)),
    (DivideGate, lambda x, y: x / y, (1.5, -2.0)),
    (MaxGate, lambda x, y: x.max(y), (1.5, -2.0)),
    (NegateGate, lambda x: -x, (0.7,)),
    (ExpGate, lambda x: x.exp(), (0.7,)),
    (LogGate, lambda x: x.log(), (0.7,)),
    (TanhGate, lambda x: x.tanh(), (0.7,)),
    (SigmoidGate, lambda x: x.sigmoid(), (0.7,)),
    (ReluGate, lambda x: x.relu(), (0.7,)),
    (SoftplusGate, lambda x: x.softplus(), (0.7,)),
    (SumGate, lambda *xs: Value.sum(xs), (1.5, -2.0, 0.25)),
    (DotGate, lambda w0, x0, w1, x1: Value.dot([w0, w1], [x0, x1]), (1.5, -2.0, 0.25, 3.0)),
    (LogSumExpGate, lambda *xs: Value.logsumexp(xs), (1.5, -2.0, 0.25)),
]


@check("gates")
def check_every_gate_agrees_with_value() -> None:
    for cls, f, inputs in GATE_CLASSES:
        xs = [Value(x) for x in inputs]
        out = f(*xs)
        out.backward()
        gate = cls()
        assert gate.op is out.op, (cls, gate.op, out.op)
        assert gate.forward(*inputs) == out.data, cls
        back = gate.backward(1.0)
        back = back if isinstance(back, tuple) else (back,)
        assert list(back) == [x.grad for x in xs], (cls, back, [x.grad for x in xs])


# --- numerical gradient and gradient check -------------------------------------


@check("gradcheck")
def check_numerical_grad() -> None:
    g = numerical_grad(lambda x, y: x * y, [-2.0, 3.0])
    assert_all_close(g, [3.0, -2.0], "numerical d(xy)", rel=1e-9)
    # Values as inputs (only their data is used), a plain-number result, a custom h
    g = numerical_grad(lambda x: x.data**3, [Value(2.0)], h=1e-4)
    assert_all_close(g, [12.0], "numerical d(x³)", rel=1e-7)
    # centred difference: error of order h², exact for a quadratic
    g = numerical_grad(lambda x: x * x, [3.0], h=0.5)
    assert_close(g[0], 6.0, "centred difference of x² with h = 0.5")


@check("gradcheck")
def check_grad_check_passes_and_labels_rows() -> None:
    x, y = Value(-2.0, label="x"), Value(3.0, label="y")
    result = grad_check(lambda x, y: x * y, [x, y])
    assert result and result.passed and len(result.rows) == 2
    assert [r.name for r in result.rows] == ["x", "y"]
    assert repr(result) == (
        "grad_check passed (relative error tolerance 1e-05)\n"
        "input          value     analytic    numerical  result\n"
        "x                 -2            3            3  ok\n"
        "y                  3           -2           -2  ok"
    ), repr(result)


@check("gradcheck")
def check_grad_check_catches_a_wrong_gradient() -> None:
    # a classic bug: forgetting the factor 2 of d(x²)/dx
    result = grad_check(lambda x: x * x, [3.0], analytic=[3.0])
    assert not result and not result.passed
    (row,) = result.rows
    assert (row.name, row.value, row.analytic, row.passed) == ("x0", 3.0, 3.0, False)
    assert_close(row.numerical, 6.0, "numerical", rel=1e-9)
    assert_close(row.rel_error, 0.5, "relative error", rel=1e-9)
    assert repr(result) == (
        "grad_check FAILED (relative error tolerance 1e-05)\n"
        "input          value     analytic    numerical  result\n"
        "x0                 3            3            6  WRONG, rel. error 5.0e-01"
    ), repr(result)
    # one right and one wrong gradient: only the wrong row fails
    result = grad_check(lambda x, y: x * y, [-2.0, 3.0], analytic=[3.0, 2.0])
    assert [r.passed for r in result.rows] == [True, False], result
    # the right hand-written gradients pass, also for a function returning a number
    assert grad_check(lambda x, y: x.data * y.data, [-2.0, 3.0], analytic=[3.0, -2.0])


@check("gradcheck")
def check_grad_check_tolerance() -> None:
    # analytic 6.001 vs numerical 6: relative error about 1.7e-4
    assert not grad_check(lambda x: x * x, [3.0], analytic=[6.001])
    assert grad_check(lambda x: x * x, [3.0], analytic=[6.001], tolerance=1e-3)
    # both gradients zero: passes (no division by zero)
    assert grad_check(lambda x, y: x * 0 + y, [1.0, 2.0])


# --- graph walking ---------------------------------------------------------------


def assert_topological(root: Value, order: list[Value]) -> None:
    position = {id(v): i for i, v in enumerate(order)}
    assert len(position) == len(order), "a node appears twice"
    assert order[-1] is root, "the root comes last"
    reachable: set[int] = set()
    stack = [root]
    while stack:
        v = stack.pop()
        if id(v) not in reachable:
            reachable.add(id(v))
            stack.extend(v.inputs)
    assert reachable == set(position), "exactly the nodes the root depends on"
    for v in order:
        for p in v.inputs:
            assert position[id(p)] < position[id(v)], "an input after its consumer"


@check("graph")
def check_topological_order_fan_out() -> None:
    a, b = Value(1.0, label="a"), Value(2.0, label="b")
    c = a * b
    d = c + a
    e = d * c + b.exp()
    order = topological_order(e)
    assert_topological(e, order)
    assert len(order) == 7, order  # a, b, c, d, d*c, exp(b), e
    x = Value(2.0, label="x")
    assert [v.label or (v.op.name if v.op else v.data) for v in topological_order(x * x + 1)] == [
        "x",
        "mul",
        1.0,
        "add",
    ]


@check("graph")
def check_topological_order_diamonds() -> None:
    # a ladder of diamonds: every node is used twice, 2^30 paths, 61 nodes
    v = Value(1.0)
    for _ in range(30):
        v = (v * 0.5) + (v * 0.25)
    order = topological_order(v)
    assert_topological(v, order)
    assert len(order) == 1 + 30 * 5, len(order)


@check("graph")
def check_topological_order_deep_chain() -> None:
    v = Value(0.0)
    for _ in range(200_000):
        v = -v
    with low_recursion_limit():
        order = topological_order(v)
    assert len(order) == 200_001 and order[-1] is v
    assert all(order[i] is order[i + 1].inputs[0] for i in range(0, 200_000, 997))


@check("graph")
def check_trace() -> None:
    x, y = Value(3.0, label="x"), Value(-4.0, label="y")
    f = x * y + x
    f.label = "f"
    f.backward()
    nodes = trace(f)
    assert [tuple(n) for n in nodes] == [
        (0, None, "", (), 3.0, -3.0, "x"),
        (1, None, "", (), -4.0, 3.0, "y"),
        (2, "mul", "×", (0, 1), -12.0, 1.0, None),
        (3, "add", "+", (2, 0), -9.0, 1.0, "f"),
    ], nodes
    assert f.trace() == nodes
    assert nodes[3].op == "add" and nodes[3].inputs == (2, 0)


# --- notebook cells ----------------------------------------------------------------


def run(source: str, **kwargs: Any) -> tuple[bool, str, str]:
    ok, out, err = captured(lambda: run_cell(source, **kwargs))
    assert isinstance(ok, bool)
    return ok, out, err


@check("notebook")
def check_cell_displays_last_expression() -> None:
    assert run("x = 6\nx * 7") == (True, "42\n", "")
    assert run("'text'") == (True, "'text'\n", "")  # the repr, as in Jupyter
    assert run("[1, 2.5, None]") == (True, "[1, 2.5, None]\n", "")
    # only the last statement, and only if it is an expression
    assert run("1 + 1\n2 + 2") == (True, "4\n", "")
    assert run("y = 5") == (True, "", "")
    assert run("") == (True, "", "")
    assert run("# just a comment\n") == (True, "", "")


@check("notebook")
def check_cell_does_not_display_none() -> None:
    assert run("None") == (True, "", "")
    assert run("print('hi')") == (True, "hi\n", "")
    assert run("def f():\n    pass\nf()") == (True, "", "")


@check("notebook")
def check_cell_display_function() -> None:
    shown: list[tuple[str, str]] = []
    ok, out, err = run(
        "print('a')\ndisplay(1, 'b')\nprint('c')\n[1, 2]",
        display_hook=lambda mime, data, meta: shown.append((mime, data)),
    )
    assert (ok, out, err) == (True, "a\nc\n", ""), (ok, out, err)
    assert shown == [("text/plain", "1"), ("text/plain", "'b'"), ("text/plain", "[1, 2]")]
    # with the default hook, display prints in order with print
    assert run("print(1)\ndisplay(2)\nprint(3)") == (True, "1\n2\n3\n", "")


SVG_CELL = """\
class Picture:
    def _repr_svg_(self):
        return '<svg xmlns="http://www.w3.org/2000/svg"></svg>'
    def __repr__(self):
        return 'Picture()'

class NoPicture:
    def _repr_svg_(self):
        return None
    def __repr__(self):
        return 'NoPicture()'

display(NoPicture())
Picture()
"""


@check("notebook")
def check_cell_svg_display() -> None:
    shown: list[tuple[str, str]] = []
    ok, out, err = run(SVG_CELL, display_hook=lambda mime, data, meta: shown.append((mime, data)))
    assert (ok, out, err) == (True, "", ""), (ok, out, err)
    assert shown == [
        ("text/plain", "NoPicture()"),
        ("image/svg+xml", '<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    ], shown
    # the default hook prints a placeholder for a picture
    assert run(SVG_CELL) == (True, "NoPicture()\n[image/svg+xml]\n", "")
    assert display_data(3) == ("text/plain", "3", {})


@check("notebook")
def check_cell_displays_a_value_as_its_circuit() -> None:
    shown: list[tuple[str, str]] = []
    source = "from backprop_core import Value\nx = Value(2.0, label='x')\nx * 3"
    ok, out, err = run(source, display_hook=lambda mime, data, meta: shown.append((mime, data)))
    assert (ok, out, err) == (True, "", ""), (ok, out, err)
    ((mime, data),) = shown
    assert mime == "image/svg+xml" and data.startswith("<svg"), (mime, data[:80])
    assert run(source) == (True, "[image/svg+xml]\n", "")


@check("notebook")
def check_cell_namespace() -> None:
    ns: dict[str, Any] = {}
    assert run("a = 20", namespace=ns) == (True, "", "")
    assert run("a + 22", namespace=ns) == (True, "42\n", "")
    assert callable(ns["display"])
    assert run("__name__") == (True, "'__main__'\n", "")
    assert run("a")[0] is False  # a fresh namespace does not see ns


@check("notebook")
def check_cell_traceback_names_the_cell() -> None:
    source = "print('before')\ndef f(x):\n    return 1 / x\n\nf(0)\n"
    ok, out, err = run(source, filename="<snippet gates/div.py>")
    assert ok is False
    assert out == "before\n", out
    assert err.startswith("Traceback (most recent call last):\n"), err
    assert 'File "<snippet gates/div.py>", line 5' in err, err
    assert 'File "<snippet gates/div.py>", line 3, in f' in err, err
    assert "return 1 / x" in err, "the reader's source line is quoted:\n" + err
    assert err.rstrip().endswith("ZeroDivisionError: division by zero"), err
    assert "backprop_core/notebook" not in err and "run_cell" not in err, err


@check("notebook")
def check_cell_error_in_last_expression() -> None:
    ok, out, err = run("from backprop_core import Value\nValue(-1.0).log()", filename="cell.py")
    assert ok is False and out == ""
    assert 'File "cell.py", line 2' in err and "backprop_core/notebook" not in err, err
    assert "ValueError: log gate: log(-1.0) is undefined" in err, err
    # backprop_core's own frames stay: they are where the error was raised
    assert "one_input.py" in err, err


@check("notebook")
def check_cell_syntax_error() -> None:
    ok, out, err = run("x = (1,\n", filename="cell.py")
    assert ok is False and out == ""
    assert 'File "cell.py", line 1' in err, err
    assert "SyntaxError" in err and "backprop_core/notebook" not in err, err
    ok, out, err = run("print('never')\nif True\n    pass", filename="cell.py")
    assert (ok, out) == (False, ""), "nothing runs when the cell does not compile"
    assert 'File "cell.py", line 2' in err and "SyntaxError" in err, err


@check("notebook")
def check_cell_system_exit() -> None:
    assert run("import sys\nprint(1)\nsys.exit()\nprint(2)") == (True, "1\n", "")
    assert run("import sys\nsys.exit(0)") == (True, "", "")
    ok, _, err = run("import sys\nsys.exit(3)")
    assert ok is False and "SystemExit: 3" in err, err


def record(shown: list[tuple[str, str, dict[str, str]]]) -> Callable[..., None]:
    """A display hook that keeps (mime, data, meta) of everything displayed."""
    return lambda mime, data, meta: shown.append((mime, data, dict(meta)))


@check("notebook")
def check_cell_display_id_replaces_in_place() -> None:
    shown: list[tuple[str, str, dict[str, str]]] = []
    source = (
        "display(1, display_id='loss')\n"
        "display('other')\n"
        "display(2, display_id='loss')\n"
        "display(3, display_id='loss')"
    )
    ok, out, err = run(source, display_hook=record(shown))
    assert (ok, out, err) == (True, "", ""), (ok, out, err)
    assert shown == [
        ("text/plain", "1", {"display_id": "loss"}),
        ("text/plain", "'other'", {}),
        ("text/plain", "2", {"display_id": "loss"}),
        ("text/plain", "3", {"display_id": "loss"}),
    ], shown
    ok, _, err = run("display(1, display_id=5)")
    assert ok is False and "display_id must be a string, got int" in err, err


@check("notebook")
def check_cell_picture_too_large_falls_back_to_text() -> None:
    from backprop_core.notebook import SVG_MAX_CHARS, SVG_MAX_ELEMENTS

    shown: list[tuple[str, str, dict[str, str]]] = []
    source = (
        "class Many:\n"
        f"    def _repr_svg_(self): return '<svg>' + '<rect/>' * {SVG_MAX_ELEMENTS} + '</svg>'\n"
        "    def __repr__(self): return 'Many()'\n"
        "class Long:\n"
        f"    def _repr_svg_(self): return '<svg><desc>' + 'x' * {SVG_MAX_CHARS} + '</desc>'\n"
        "    def __repr__(self): return 'Long()'\n"
        "class Fits:\n"
        f"    def _repr_svg_(self): return '<svg>' + '<rect/>' * {SVG_MAX_ELEMENTS - 1}\n"
        "display(Many(), Long())\n"
        "Fits()"
    )
    ok, _, err = run(source, display_hook=record(shown))
    assert (ok, err) == (True, ""), err
    assert shown[:2] == [
        ("text/plain", "Many()", {"note": "picture_too_large"}),
        ("text/plain", "Long()", {"note": "picture_too_large"}),
    ], shown[:2]
    assert shown[2][0] == "image/svg+xml" and shown[2][2] == {}


@check("notebook")
def check_cell_pictures_past_the_budget_are_cut() -> None:
    """A flood of pictures is cut at the cell's budget with one note; the updates
    of a live picture (one display_id) are never counted."""
    from backprop_core.notebook import FIGURES_PER_RUN

    shown: list[tuple[str, str, dict[str, str]]] = []
    source = (
        "class Dot:\n"
        "    def _repr_svg_(self): return '<svg><circle/></svg>'\n"
        "for k in range(200):\n"
        "    display(Dot(), display_id='live')\n"
        f"for k in range({FIGURES_PER_RUN} + 100):\n"
        "    display(Dot())\n"
        "display(Dot(), display_id='live')\n"
    )
    ok, _, err = run(source, display_hook=record(shown))
    assert (ok, err) == (True, ""), err
    pictures = [meta for mime, _, meta in shown if mime == "image/svg+xml"]
    assert len(pictures) == 200 + (FIGURES_PER_RUN - 1) + 1, len(pictures)
    assert [meta for mime, _, meta in shown if mime == "text/plain"] == [
        {"note": "too_many_figures"}
    ]
    assert pictures[-1] == {"display_id": "live"}


@check("notebook")
def check_cell_input_explains_itself() -> None:
    ok, out, err = run("name = input('Your name? ')", filename="cell.py")
    assert ok is False and out == ""
    assert 'File "cell.py", line 1' in err, err
    assert err.rstrip().endswith(
        "EOFError: input() cannot read anything here: code on this page runs without a "
        "keyboard to answer it. Put the value in the code instead, e.g. x = 3.0"
    ), err


@check("notebook")
def check_cell_deep_traceback_shows_head_and_tail() -> None:
    from backprop_core.notebook import TB_KEEP

    source = (
        "import sys\n"
        "sys.setrecursionlimit(100_000)\n"
        "def down(n):\n"
        "    return down(n + 1)\n"
        "try:\n"
        "    down(0)\n"
        "finally:\n"
        "    sys.setrecursionlimit(1000)\n"
    )
    limit = sys.getrecursionlimit()
    try:
        started = time.perf_counter()
        ok, out, err = run(source, filename="deep.py")
        seconds = time.perf_counter() - started
    finally:
        sys.setrecursionlimit(limit)
    assert ok is False and out == ""
    lines = err.splitlines()
    assert lines[0] == "Traceback (most recent call last):", lines[:3]
    assert lines[1] == '  File "deep.py", line 6, in <module>', lines[:3]
    gap = [line for line in lines if "frames left out" in line]
    assert len(gap) == 1 and re.fullmatch(r"  \[… [\d,]+ frames left out …\]", gap[0]), gap
    left_out = int(re.sub(r"\D", "", gap[0]))
    assert left_out > 90_000, gap
    assert lines[-1] == "RecursionError: maximum recursion depth exceeded", lines[-3:]
    assert len(lines) < 4 * TB_KEEP, f"{len(lines)} lines: the middle was not left out"
    assert seconds < 30, f"formatting a deep traceback took {seconds:.1f} s"


@check("notebook")
def check_cell_chained_exceptions_keep_their_story() -> None:
    source = "try:\n    {}['k']\nexcept KeyError as e:\n    raise ValueError('no k') from e\n"
    ok, _, err = run(source, filename="c.py")
    assert ok is False
    assert "KeyError: 'k'" in err and "direct cause of the following exception" in err, err
    assert err.rstrip().endswith("ValueError: no k"), err
    ok, _, err = run("try:\n    1 / 0\nexcept ZeroDivisionError:\n    undefined_name\n")
    assert "During handling of the above exception, another exception occurred" in err, err
    assert "NameError: name 'undefined_name' is not defined" in err, err


# --- worked examples the pages print ------------------------------------------------


def sigma(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


@check("worked")
def check_cs231n_chain_rule() -> None:
    """CS231n: f(x, y, z) = (x + y)·z at x = -2, y = 5, z = -4."""
    x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
    q = x + y
    f = q * z
    f.backward()
    assert (q.data, f.data) == (3.0, -12.0)
    assert (x.grad, y.grad, z.grad, q.grad) == (-4.0, -4.0, 3.0, -4.0)
    assert grad_check(lambda x, y, z: (x + y) * z, [-2.0, 5.0, -4.0])


@check("worked")
def check_cs231n_sigmoid_neuron() -> None:
    """CS231n: the 2-D neuron σ(w0·x0 + w1·x1 + w2), w = [2, -3, -3], x = [-1, -2]."""
    w = [Value(2.0), Value(-3.0), Value(-3.0)]
    x = [Value(-1.0), Value(-2.0)]
    f = (w[0] * x[0] + w[1] * x[1] + w[2]).sigmoid()
    f.backward()
    # w·x + b = 1 exactly, so f = σ(1) and the local gradient is σ(1)(1 - σ(1))
    s = E / (1 + E)
    ds = s * (1 - s)
    assert_close(f.data, s, "f")
    assert_all_close([v.grad for v in x], [2 * ds, -3 * ds], "dx")
    assert_all_close([v.grad for v in w], [-1 * ds, -2 * ds, ds], "dw")
    # to the four decimals the page prints (the notes' figure rounds further)
    assert f"{f.data:.4f}" == "0.7311"
    assert [f"{v.grad:.4f}" for v in x] == ["0.3932", "-0.5898"]
    assert [f"{v.grad:.4f}" for v in w] == ["-0.1966", "-0.3932", "0.1966"]
    # the notes' hand-written backward pass: ddot = (1 - f)·f
    dot = 2.0 * -1.0 + -3.0 * -2.0 + -3.0
    fh = 1.0 / (1 + math.exp(-dot))
    ddot = (1 - fh) * fh
    assert_all_close([v.grad for v in x], [2.0 * ddot, -3.0 * ddot], "dx by hand")
    assert_all_close([v.grad for v in w], [-1.0 * ddot, -2.0 * ddot, 1.0 * ddot], "dw by hand")
    # and gate by gate, with explicit gate objects
    m0, m1, a0, a1, sg = MultiplyGate(), MultiplyGate(), AddGate(), AddGate(), SigmoidGate()
    out = sg.forward(a1.forward(a0.forward(m0.forward(2, -1), m1.forward(-3, -2)), -3))
    assert out == f.data
    dsum = sg.backward(1.0)
    dsum0, dw2 = a1.backward(dsum)
    dp0, dp1 = a0.backward(dsum0)
    dw0, dx0 = m0.backward(dp0)
    dw1, dx1 = m1.backward(dp1)
    assert [dw0, dw1, dw2] == [v.grad for v in w] and [dx0, dx1] == [v.grad for v in x]
    assert grad_check(lambda w0, w1, w2, x0, x1: (w0 * x0 + w1 * x1 + w2).sigmoid(),
                      [2.0, -3.0, -3.0, -1.0, -2.0])  # fmt: skip


def staged_by_hand(x: float, y: float) -> tuple[float, float, float]:
    """CS231n's staged forward and backward pass, transcribed from the notes."""
    sigy = 1.0 / (1 + math.exp(-y))  # (1)
    num = x + sigy  # (2)
    sigx = 1.0 / (1 + math.exp(-x))  # (3)
    xpy = x + y  # (4)
    xpysqr = xpy**2  # (5)
    den = sigx + xpysqr  # (6)
    invden = 1.0 / den  # (7)
    f = num * invden  # (8)
    dnum = invden  # (8)
    dinvden = num  # (8)
    dden = (-1.0 / (den**2)) * dinvden  # (7)
    dsigx = (1) * dden  # (6)
    dxpysqr = (1) * dden  # (6)
    dxpy = (2 * xpy) * dxpysqr  # (5)
    dx = (1) * dxpy  # (4)
    dy = (1) * dxpy  # (4)
    dx += ((1 - sigx) * sigx) * dsigx  # (3)  notice +=
    dx += (1) * dnum  # (2)
    dsigy = (1) * dnum  # (2)
    dy += ((1 - sigy) * sigy) * dsigy  # (1)
    return f, dx, dy


def staged(x: Value, y: Value) -> Value:
    return (x + y.sigmoid()) / (x.sigmoid() + (x + y) ** 2)


@check("worked")
def check_cs231n_staged_computation() -> None:
    """CS231n: f(x, y) = (x + σ(y)) / (σ(x) + (x + y)²) at x = 3, y = -4."""
    x, y = Value(3.0), Value(-4.0)
    f = staged(x, y)
    f.backward()
    hand_f, hand_dx, hand_dy = staged_by_hand(3.0, -4.0)
    assert_close(f.data, hand_f, "f")
    assert_close(x.grad, hand_dx, "df/dx", rel=1e-12)
    assert_close(y.grad, hand_dy, "df/dy", rel=1e-12)
    num_dx, num_dy = numerical_grad(staged, [3.0, -4.0])
    assert_close(num_dx, x.grad, "numerical df/dx", rel=1e-8)
    assert_close(num_dy, y.grad, "numerical df/dy", rel=1e-8)
    assert grad_check(staged, [3.0, -4.0], analytic=[hand_dx, hand_dy])
    assert [f"{v:.4f}" for v in (f.data, x.grad, y.grad)] == ["1.5456", "2.0596", "1.5922"]


@check("worked")
def check_hackers_guide_neuron() -> None:
    """Hacker's guide: f = σ(a·x + b·y + c), a=1, b=2, c=-3, x=-1, y=3; one step of ascent."""
    start = {"a": 1.0, "b": 2.0, "c": -3.0, "x": -1.0, "y": 3.0}
    v = {k: Value(d, label=k) for k, d in start.items()}

    def neuron(a: Value, b: Value, c: Value, x: Value, y: Value) -> Value:
        return (a * x + b * y + c).sigmoid()

    f = neuron(**v)
    f.backward()
    s = sigma(2.0)  # a·x + b·y + c = -1 + 6 - 3 = 2
    ds = s * (1 - s)
    assert_close(f.data, s, "f")
    assert f"{f.data:.4f}" == "0.8808"
    expected = {"a": -1.0 * ds, "b": 3.0 * ds, "c": ds, "x": 1.0 * ds, "y": 2.0 * ds}
    for k, g in expected.items():
        assert_close(v[k].grad, g, f"d f/d{k}")
    # the guide's values, to its three decimals
    assert [f"{v[k].grad:.3f}" for k in "abcxy"] == ["-0.105", "0.315", "0.105", "0.105", "0.210"]
    assert grad_check(neuron, list(v.values()))
    # one step of gradient ascent, step size 0.01: the output goes up
    step = 0.01
    for node in v.values():
        node.data += step * node.grad
    f2 = neuron(**v)
    moved = {k: start[k] + step * expected[k] for k in start}
    s2 = sigma(moved["a"] * moved["x"] + moved["b"] * moved["y"] + moved["c"])
    assert_close(f2.data, s2, "f after one step")
    assert f2.data > f.data
    assert f"{f2.data:.4f}" == "0.8826", f2.data


@check("worked")
def check_hackers_guide_multiply_gate() -> None:
    """Hacker's guide: f = x·y at (-2, 3); numerical gradient, then a step along it."""

    def forward_multiply_gate(x: float, y: float) -> float:
        return x * y

    x, y = -2.0, 3.0
    h = 0.0001  # the guide's forward difference
    x_derivative = (forward_multiply_gate(x + h, y) - forward_multiply_gate(x, y)) / h
    y_derivative = (forward_multiply_gate(x, y + h) - forward_multiply_gate(x, y)) / h
    assert_close(x_derivative, 3.0, "dx", rel=1e-9)
    assert_close(y_derivative, -2.0, "dy", rel=1e-9)
    assert_all_close(numerical_grad(lambda x, y: x * y, [x, y]), [3.0, -2.0], "", rel=1e-9)
    # the analytic gradient: the multiply gate swaps its inputs
    xv, yv = Value(x), Value(y)
    out = xv * yv
    out.backward()
    assert (out.data, xv.grad, yv.grad) == (-6.0, 3.0, -2.0)
    # step size 0.01: -6 becomes -5.87 (x = -1.97, y = 2.98)
    out_small = forward_multiply_gate(x + 0.01 * xv.grad, y + 0.01 * yv.grad)
    assert f"{out_small:.4f}" == "-5.8706", out_small
    # step size 1.0: x = -2 + 3 = 1, y = 3 - 2 = 1, so the output is +1 (not -1)
    out_big = forward_multiply_gate(x + 1.0 * xv.grad, y + 1.0 * yv.grad)
    assert out_big == 1.0, out_big


# --- errors: one table, run with pytest.raises by the pytest files ----------------


class ErrorCase(NamedTuple):
    name: str
    category: str  # which pytest file runs it: value, ops, gates, gradcheck
    thunk: Callable[[], object]
    exc: type[BaseException]
    pattern: str  # must name the gate (or function) and the offending value


def _backward(v: Value) -> None:
    v.backward()


ERROR_CASES: list[ErrorCase] = [
    # Value(...) itself
    ErrorCase(
        "value_from_str",
        "value",
        lambda: Value("abc"),  # type: ignore[arg-type]
        TypeError,
        r"^Value\(\) needs a real number \(int or float\), got str 'abc'",
    ),
    ErrorCase(
        "value_from_a_huge_int",
        "value",
        lambda: Value(10**400),
        OverflowError,
        r"^Value\(\) got an int with 401 digits: that is too large for a float",
    ),
    ErrorCase(
        "value_label_not_a_string",
        "value",
        lambda: Value(1.0, label=5),  # type: ignore[arg-type]
        TypeError,
        r"^Value\(\): a label must be a string \(or None\), got int 5",
    ),
    ErrorCase(
        "value_label_set_to_a_list",
        "value",
        lambda: setattr(Value(1.0), "label", ["x"]),
        TypeError,
        r"a label must be a string \(or None\), got list \['x'\]",
    ),
    ErrorCase(
        "add_a_string",
        "value",
        lambda: Value(1.0) + "x",  # type: ignore[operator]
        TypeError,
        r"^add gate: the other input must be a Value or a number \(int or float\), got str 'x'",
    ),
    ErrorCase(
        "string_times_value",
        "value",
        lambda: "x" * Value(2.0),  # type: ignore[operator]
        TypeError,
        r"^mul gate: the other input must be a Value or a number",
    ),
    ErrorCase(
        "max_with_a_list",
        "value",
        lambda: Value(1.0).max([2.0]),  # type: ignore[arg-type]
        TypeError,
        r"^max gate: the other input must be a Value or a number \(int or float\), got list",
    ),
    ErrorCase(
        "value_from_none",
        "value",
        lambda: Value(None),  # type: ignore[arg-type]
        TypeError,
        r"got NoneType None",
    ),
    ErrorCase(
        "value_from_complex",
        "value",
        lambda: Value(1j),  # type: ignore[arg-type]
        TypeError,
        r"got complex 1j",
    ),
    ErrorCase(
        "value_from_value",
        "value",
        lambda: Value(Value(1.0)),  # type: ignore[arg-type]
        TypeError,
        r"got a Value \(Value\(data=1\.0, grad=0\.0\)\); it is already a Value",
    ),
    ErrorCase(
        "value_nan",
        "value",
        lambda: Value(float("nan")),
        ValueError,
        r"^Value\(nan\): a Value must be a finite number",
    ),
    ErrorCase(
        "value_inf",
        "value",
        lambda: Value(float("inf")),
        ValueError,
        r"^Value\(inf\): a Value must be a finite number",
    ),
    ErrorCase(
        "value_minus_inf",
        "value",
        lambda: Value(-math.inf),
        ValueError,
        r"^Value\(-inf\)",
    ),
    ErrorCase(
        "value_plus_nan",
        "value",
        lambda: Value(1.0) + float("nan"),
        ValueError,
        r"^Value\(nan\)",
    ),
    # gates reached through Value
    ErrorCase(
        "exp_overflow",
        "ops",
        lambda: Value(1000.0).exp(),
        OverflowError,
        r"^exp gate: exp\(1000\.0\) overflows a float",
    ),
    ErrorCase(
        "log_negative",
        "ops",
        lambda: Value(-1.0).log(),
        ValueError,
        r"^log gate: log\(-1\.0\) is undefined; log needs a positive input",
    ),
    ErrorCase(
        "log_zero",
        "ops",
        lambda: Value(0.0).log(),
        ValueError,
        r"^log gate: log\(0\.0\) is undefined",
    ),
    ErrorCase(
        # the advice keeps the gradient: compute the loss from the scores, not log(p + 1e-12)
        "log_zero_advises_a_loss_from_the_scores",
        "ops",
        lambda: (1 - Value(37.0).sigmoid()).log(),
        ValueError,
        r"^log gate: log\(0\.0\) is undefined.*z\.softplus\(\) - y \* z.*"
        r"Value\.logsumexp\(scores\) - scores\[label\].*would cap the loss",
    ),
    ErrorCase(
        "sum_empty",
        "ops",
        lambda: Value.sum([]),
        ValueError,
        r"^sum gate: needs at least one input, got an empty list",
    ),
    ErrorCase(
        "sum_of_a_single_value",
        "ops",
        lambda: Value.sum(Value(1.0)),  # type: ignore[arg-type]
        TypeError,
        r"^sum gate: expects a list of Values or numbers, got Value Value\(data=1\.0",
    ),
    ErrorCase(
        "sum_item_not_a_number",
        "ops",
        lambda: Value.sum([Value(1.0), "2"]),  # type: ignore[list-item]
        TypeError,
        r"^sum gate: values\[1\] is str '2'; every item must be a Value or a number",
    ),
    ErrorCase(
        "dot_lengths_differ",
        "ops",
        lambda: Value.dot([Value(1.0), Value(2.0), Value(3.0)], [1.0, 2.0]),
        ValueError,
        r"^dot gate: got 3 weights and 2 inputs; give one weight per input",
    ),
    ErrorCase(
        "dot_input_not_a_number",
        "ops",
        lambda: Value.dot([Value(1.0)], [None]),  # type: ignore[list-item]
        TypeError,
        r"^dot gate: inputs\[0\] is NoneType None",
    ),
    ErrorCase(
        "dot_empty",
        "ops",
        lambda: Value.dot([], []),
        ValueError,
        r"^dot gate: needs at least one input, got an empty list",
    ),
    ErrorCase(
        "logsumexp_empty",
        "ops",
        lambda: Value.logsumexp([]),
        ValueError,
        r"^logsumexp gate: needs at least one input, got an empty list",
    ),
    ErrorCase(
        "softmax_of_a_number",
        "ops",
        lambda: Value.softmax(3.0),  # type: ignore[arg-type]
        TypeError,
        r"^logsumexp gate: expects a list of Values or numbers, got float 3\.0",
    ),
    ErrorCase(
        "div_by_zero_value",
        "ops",
        lambda: Value(1.0) / Value(0.0),
        ZeroDivisionError,
        r"^div gate: 1\.0 / 0\.0 divides by zero",
    ),
    ErrorCase(
        "div_by_zero_number",
        "ops",
        lambda: Value(2.5) / 0,
        ZeroDivisionError,
        r"^div gate: 2\.5 / 0\.0 divides by zero",
    ),
    ErrorCase(
        "rdiv_by_zero_value",
        "ops",
        lambda: 1 / Value(0.0),
        ZeroDivisionError,
        r"^div gate: 1\.0 / 0\.0 divides by zero",
    ),
    ErrorCase(
        "pow_negative_base_fractional_exponent",
        "ops",
        lambda: Value(-8.0) ** 0.5,
        ValueError,
        r"^pow gate: \(-8\.0\) \*\* 0\.5 is not a real number",
    ),
    ErrorCase(
        "pow_zero_to_negative_exponent",
        "ops",
        lambda: Value(0.0) ** -1,
        ZeroDivisionError,
        r"^pow gate: 0\.0 \*\* -1 divides by zero",
    ),
    ErrorCase(
        "pow_infinite_local_gradient",
        "ops",
        lambda: _backward(Value(0.0) ** 0.5),
        ZeroDivisionError,
        r"^pow gate: the local gradient of x \*\* 0\.5 at x = 0\.0 is infinite",
    ),
    ErrorCase(
        "pow_overflow",
        "ops",
        lambda: Value(10.0) ** 400,
        OverflowError,
        r"^pow gate: 10\.0 \*\* 400 overflows a float",
    ),
    ErrorCase(
        "pow_value_value_negative_base",
        "ops",
        lambda: Value(-2.0) ** Value(2.0),
        ValueError,
        r"^pow gate: -2\.0 \*\* 2\.0 with the exponent in the graph needs a positive base",
    ),
    ErrorCase(
        "rpow_zero_base",
        "ops",
        lambda: 0 ** Value(2.0),
        ValueError,
        r"^pow gate: 0\.0 \*\* 2\.0 with the exponent in the graph needs a positive base",
    ),
    ErrorCase(
        "pow_value_value_overflow",
        "ops",
        lambda: Value(10.0) ** Value(400.0),
        OverflowError,
        r"^pow gate: 10\.0 \*\* 400\.0 overflows a float",
    ),
    ErrorCase(
        "pow_exponent_not_a_number",
        "ops",
        lambda: Value(2.0) ** "2",  # type: ignore[operator]
        TypeError,
        r"^pow gate: the exponent must be a number or a Value, got str '2'",
    ),
    ErrorCase(
        "pow_exponent_bool",
        "ops",
        lambda: Value(2.0) ** True,
        TypeError,
        r"^pow gate: the exponent must be a number or a Value, got bool True",
    ),
    ErrorCase(
        "mul_overflow",
        "ops",
        lambda: Value(1e200) * Value(1e200),
        OverflowError,
        r"^mul gate: mul\(1e\+200, 1e\+200\) = inf is not a finite number",
    ),
    ErrorCase(
        "mul_overflow_negative",
        "ops",
        lambda: Value(-1e200) * 1e200,
        OverflowError,
        r"^mul gate: mul\(-1e\+200, 1e\+200\) = -inf",
    ),
    ErrorCase(
        "add_overflow",
        "ops",
        lambda: Value(1e308) + Value(1e308),
        OverflowError,
        r"^add gate: add\(1e\+308, 1e\+308\) = inf",
    ),
    ErrorCase(
        "sub_overflow",
        "ops",
        lambda: Value(-1e308) - 1e308,
        OverflowError,
        r"^sub gate: sub\(-1e\+308, 1e\+308\) = -inf",
    ),
    ErrorCase(
        "div_overflow",
        "ops",
        lambda: Value(1e300) / Value(1e-300),
        OverflowError,
        r"^div gate: div\(1e\+300, 1e-300\) = inf",
    ),
    # explicit gate objects
    ErrorCase(
        "gate_backward_before_forward",
        "gates",
        lambda: MultiplyGate().backward(1.0),
        RuntimeError,
        r"^mul gate: call forward\(\) before local_grads\(\) or backward\(\)",
    ),
    ErrorCase(
        "gate_wrong_number_of_inputs",
        "gates",
        lambda: MultiplyGate().forward(1.0),
        TypeError,
        r"^mul gate: forward\(\) takes 2 input\(s\), got 1",
    ),
    ErrorCase(
        "unary_gate_two_inputs",
        "gates",
        lambda: SigmoidGate().forward(1.0, 2.0),
        TypeError,
        r"^sigmoid gate: forward\(\) takes 1 input\(s\), got 2",
    ),
    ErrorCase(
        "gate_mul_overflow",
        "gates",
        lambda: MultiplyGate().forward(1e200, 1e200),
        OverflowError,
        r"^mul gate: mul\(1e\+200, 1e\+200\) = inf",
    ),
    ErrorCase(
        "gate_exp_overflow",
        "gates",
        lambda: ExpGate().forward(1000.0),
        OverflowError,
        r"^exp gate: exp\(1000\.0\) overflows",
    ),
    ErrorCase(
        "gate_log_zero",
        "gates",
        lambda: LogGate().forward(0.0),
        ValueError,
        r"^log gate: log\(0\.0\) is undefined",
    ),
    ErrorCase(
        "gate_dot_odd_number_of_inputs",
        "gates",
        lambda: DotGate().forward(1.0, 2.0, 3.0),
        ValueError,
        r"^dot gate: got 3 inputs; it takes pairs \(weight, input\)",
    ),
    ErrorCase(
        "gate_sum_no_input",
        "gates",
        lambda: SumGate().forward(),
        TypeError,
        r"^sum gate: forward\(\) needs at least one input, got none",
    ),
    ErrorCase(
        "gate_divide_by_zero",
        "gates",
        lambda: DivideGate().forward(3.0, 0.0),
        ZeroDivisionError,
        r"^div gate: 3\.0 / 0\.0 divides by zero",
    ),
    ErrorCase(
        "gate_power_negative_base",
        "gates",
        lambda: PowerGate(0.5).forward(-4.0),
        ValueError,
        r"^pow gate: \(-4\.0\) \*\* 0\.5 is not a real number",
    ),
    # numerical gradient and gradient check
    ErrorCase(
        "numerical_grad_step_not_positive",
        "gradcheck",
        lambda: numerical_grad(lambda x: x, [1.0], h=0),
        ValueError,
        r"^numerical_grad: the step h must be positive, got 0",
    ),
    ErrorCase(
        "grad_check_single_input_not_a_list",
        "gradcheck",
        lambda: grad_check(lambda x: x, Value(1.0)),  # type: ignore[arg-type]
        TypeError,
        r"got a single Value: write \[x\] instead of x",
    ),
    ErrorCase(
        "grad_check_analytic_count",
        "gradcheck",
        lambda: grad_check(lambda x, y: x * y, [1.0, 2.0], analytic=[1.0]),
        ValueError,
        r"^grad_check: got 1 analytic gradient\(s\) for 2 input\(s\)",
    ),
    ErrorCase(
        "grad_check_needs_a_value",
        "gradcheck",
        lambda: grad_check(lambda x: 3.0, [1.0]),
        TypeError,
        r"^grad_check: without `analytic=`, f must return a Value.*it returned float",
    ),
    ErrorCase(
        "numerical_grad_bad_return",
        "gradcheck",
        lambda: numerical_grad(lambda x: "x", [1.0]),
        TypeError,
        r"must return a Value or a number, got str",
    ),
    ErrorCase(
        "grad_check_input_not_a_number",
        "gradcheck",
        lambda: grad_check(lambda x: x, ["1.0"]),
        TypeError,
        r"Value\(\) needs a real number",
    ),
]

ERRORS = {case.name: case for case in ERROR_CASES}
assert len(ERRORS) == len(ERROR_CASES), "error case names must be unique"


def error_cases(category: str) -> list[ErrorCase]:
    return [case for case in ERROR_CASES if case.category == category]


def _error_check(case: ErrorCase) -> Callable[[], None]:
    def run_case() -> None:
        with raises(case.exc, case.pattern):
            case.thunk()

    run_case.__name__ = f"check_error_{case.name}"
    return run_case


for _case in ERROR_CASES:
    check("errors")(_error_check(_case))


# --- doctests of every backprop_core module ---------------------------------------------

MODULES = ["backprop_core"] + [
    f"backprop_core.{m.name}" for m in pkgutil.iter_modules(backprop_core.__path__)
]
"""Every module of the package, whose docstring examples are run."""


def run_doctests(tests: list[doctest.DocTest]) -> tuple[int, int, str]:
    """Run doctests; return (failed, attempted, the runner's report of the failures)."""
    report = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in tests:
        runner.run(test, out=report.write)
    result = runner.summarize(verbose=False)
    return result.failed, result.attempted, report.getvalue()


def module_doctests(module_name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(module_name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    return [t for t in finder.find(module) if t.examples]


def _doctest_check(module_name: str) -> Callable[[], None]:
    def run_module() -> None:
        tests = module_doctests(module_name)
        failed, attempted, report = run_doctests(tests)
        assert failed == 0, f"{failed} of {attempted} doctest examples failed:\n{report}"

    run_module.__name__ = "check_doctests_" + module_name.replace(".", "_")
    return run_module


for _module in MODULES:
    check("doctest")(_doctest_check(_module))


# --- the runner used inside Pyodide --------------------------------------------------------

PROTOCOL = "BP-CHECK"
"""Prefix of the lines :func:`main` prints: ``BP-CHECK <kind> <json>``."""


def run_check(name: str) -> dict[str, Any]:
    """Run one check; return its result as a JSON-ready dict."""
    category, fn = CHECKS[name]
    start = time.perf_counter()
    try:
        fn()
    except BaseException as exc:  # report everything, also SystemExit from a bad check
        error = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        ok = False
    else:
        error, ok = "", True
    seconds = round(time.perf_counter() - start, 3)
    return {"name": name, "category": category, "ok": ok, "error": error, "seconds": seconds}


def emit(kind: str, payload: dict[str, Any]) -> None:
    sys.stdout.write(f"{PROTOCOL} {kind} {json.dumps(payload)}\n")
    sys.stdout.flush()


def main(only: Sequence[str] = ()) -> None:
    """Run every check (or those in ``only``), printing one line per event.

    ``meta`` first (the runtime), then ``start`` and ``result`` for each check,
    then ``done``. A check that kills the runtime leaves a ``start`` without
    its ``result``, so the caller can tell which one it was.
    """
    emit(
        "meta",
        {
            "python": sys.version,
            "platform": sys.platform,
            "backprop_core": backprop_core.__file__,
            "checks": list(CHECKS),
        },
    )
    for name in CHECKS:
        if only and name not in only:
            continue
        emit("start", {"name": name})
        emit("result", run_check(name))
    emit("done", {})


if __name__ == "__main__":
    main(sys.argv[1:])
