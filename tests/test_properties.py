"""Property tests (hypothesis): backprop agrees with the numerical gradient on random graphs.

The graphs use every op, reuse nodes (fan-out), and stay where the ops are
smooth (see tests/strategies.py). Settings are deterministic (derandomized),
so CI sees the same examples on every run.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    numerical_grad,
    topological_order,
)
from tests.strategies import ALL_OPS, CI, OP_SPECS, Program, programs

REL = 1e-5
"""Relative tolerance between backprop and the centred difference (h = 1e-5)."""


def assert_gradients_match(program: Program) -> None:
    xs = [Value(x) for x in program.inputs]
    nodes = program.nodes(xs)
    out = nodes[-1]
    out.backward()
    analytic = [x.grad for x in xs]
    numerical = numerical_grad(program, program.inputs)
    # Round-off of the centred difference: about eps·(largest value in the graph)/h.
    scale = max(abs(v.data) for v in nodes)
    abs_tol = 1e-9 * (1.0 + scale)
    for i, (a, n) in enumerate(zip(analytic, numerical, strict=True)):
        assert math.isclose(a, n, rel_tol=REL, abs_tol=abs_tol), (
            f"d out / d v{i}: backprop {a!r}, numerical {n!r}\n{program!r}"
        )


@settings(CI, max_examples=500)
@given(programs())
def test_backprop_matches_numerical_gradient(program: Program) -> None:
    assert_gradients_match(program)


@settings(CI, max_examples=30)
@given(st.data())
@pytest.mark.parametrize("op", ALL_OPS)
def test_backprop_matches_numerical_gradient_per_op(op: str, data: st.DataObject) -> None:
    """Graphs where ``op`` is always available (with neg and add to combine results)."""
    program = data.draw(programs(ops=(op, "neg", "add"), max_steps=6))
    assert_gradients_match(program)


def test_the_generator_covers_every_op_and_fan_out() -> None:
    """The strategy is not vacuous: over many examples every op and fan-out occur."""
    seen: set[str] = set()
    fan_out = 0

    @settings(CI, max_examples=300)
    @given(programs())
    def collect(program: Program) -> None:
        nonlocal fan_out
        seen.update(step.op for step in program.steps)
        used = [i for step in program.steps for i in step.args]
        fan_out += len(used) != len(set(used))

    collect()
    assert seen == set(ALL_OPS), set(ALL_OPS) - seen
    assert fan_out > 50, fan_out


# --- the explicit gates agree with Value everywhere --------------------------------

finite = st.floats(-20, 20, allow_nan=False, allow_subnormal=False)
positive = st.floats(1e-3, 20, allow_nan=False)
upstream = st.floats(-10, 10, allow_nan=False, allow_subnormal=False)

GATES: list[tuple[str, type[Gate] | None, object]] = [
    ("add", AddGate, st.tuples(finite, finite)),
    ("sub", SubtractGate, st.tuples(finite, finite)),
    ("mul", MultiplyGate, st.tuples(finite, finite)),
    ("div", DivideGate, st.tuples(finite, finite.filter(lambda y: y != 0))),
    ("max", MaxGate, st.tuples(finite, finite)),
    ("neg", NegateGate, st.tuples(finite)),
    ("exp", ExpGate, st.tuples(finite)),
    ("log", LogGate, st.tuples(positive)),
    ("tanh", TanhGate, st.tuples(finite)),
    ("sigmoid", SigmoidGate, st.tuples(finite)),
    ("relu", ReluGate, st.tuples(finite)),
    ("softplus", SoftplusGate, st.tuples(finite)),
    ("sum", SumGate, st.tuples(finite, finite, finite)),
    ("dot", DotGate, st.tuples(finite, finite, finite, finite)),
    ("logsumexp", LogSumExpGate, st.tuples(finite, finite, finite)),
]

VALUE_OPS = {
    "add": lambda x, y: x + y,
    "sub": lambda x, y: x - y,
    "mul": lambda x, y: x * y,
    "div": lambda x, y: x / y,
    "max": lambda x, y: x.max(y),
    "neg": lambda x: -x,
    "exp": lambda x: x.exp(),
    "log": lambda x: x.log(),
    "tanh": lambda x: x.tanh(),
    "sigmoid": lambda x: x.sigmoid(),
    "relu": lambda x: x.relu(),
    "softplus": lambda x: x.softplus(),
    "sum": lambda *xs: Value.sum(xs),
    "dot": lambda w0, x0, w1, x1: Value.dot([w0, w1], [x0, x1]),  # the gate takes pairs
    "logsumexp": lambda *xs: Value.logsumexp(xs),
}


def assert_gate_agrees(gate: Gate, f: object, inputs: tuple[float, ...], dout: float) -> None:
    xs = [Value(x) for x in inputs]
    out = f(*xs)  # type: ignore[operator]
    out.backward()
    assert gate.forward(*inputs) == out.data
    back = gate.backward(dout)
    back = back if isinstance(back, tuple) else (back,)
    assert list(back) == [x.grad * dout for x in xs]


@pytest.mark.parametrize(("name", "gate", "inputs"), GATES, ids=[g[0] for g in GATES])
@settings(CI, max_examples=50)
@given(data=st.data(), dout=upstream)
def test_gate_agrees_with_value(
    name: str, gate: type[Gate], inputs: st.SearchStrategy[tuple[float, ...]], data, dout: float
) -> None:
    assert_gate_agrees(gate(), VALUE_OPS[name], data.draw(inputs), dout)


@settings(CI, max_examples=50)
@given(
    c=st.sampled_from([2, 3, -1, -2, 0.5, 1.5, 0, 1]),
    x=st.floats(0.1, 10, allow_nan=False),
    sign=st.sampled_from([1.0, -1.0]),
    dout=upstream,
)
def test_power_gate_agrees_with_value(c: float, x: float, sign: float, dout: float) -> None:
    if float(c).is_integer():
        x *= sign  # integer powers take negative bases too
    assert_gate_agrees(PowerGate(c), lambda v: v**c, (x,), dout)


# --- backward's bookkeeping --------------------------------------------------------


@settings(CI, max_examples=100)
@given(programs())
def test_second_backward_doubles_input_gradients(program: Program) -> None:
    xs = [Value(x) for x in program.inputs]
    out = program(*xs)
    out.backward()
    first = [x.grad for x in xs]
    inner = [(v, v.grad) for v in topological_order(out) if v.op is not None]
    out.backward()
    assert [x.grad for x in xs] == [2 * g for g in first]  # doubling is exact in binary
    assert [v.grad for v, _ in inner] == [g for _, g in inner]  # recomputed, not summed
    out.zero_grad()
    assert all(v.grad == 0.0 for v in topological_order(out))


@settings(CI, max_examples=100)
@given(programs())
def test_topological_order(program: Program) -> None:
    out = program(*(Value(x) for x in program.inputs))
    order = topological_order(out)
    position = {id(v): i for i, v in enumerate(order)}
    assert len(position) == len(order) and order[-1] is out
    for v in order:
        assert all(position[id(p)] < position[id(v)] for p in v.inputs)


def test_op_specs_are_consistent() -> None:
    """Every op of the generator is an op of Value, applied as its name says."""
    x, y = Value(2.0), Value(1.5)
    for name, spec in OP_SPECS.items():
        out = spec.apply(spec.consts[0], *(x, y)[: spec.arity])
        assert isinstance(out, Value), name
        expected = name.split("_")[0].replace("rdiv", "div").replace("rsub", "sub")
        expected = {"radd": "add", "rmul": "mul", "number": "pow"}.get(expected, expected)
        assert out.op is not None and out.op.name == expected, (name, out.op)
