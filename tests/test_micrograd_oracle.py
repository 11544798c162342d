"""micrograd as an oracle: the same code, run with either Value class, agrees.

micrograd 0.1.0 (Karpathy's reference engine, pure Python) has +, -, *, /
(also with a number on either side), ``**`` with a number as exponent, unary
minus and relu — no exp, log, tanh, sigmoid or max. Its division is x·y⁻¹ and
it adds up a fan-out's gradients in the order of a Python set, so results may
differ from ours in the last bits: compare with a relative tolerance of 1e-12.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, given, settings
from micrograd.engine import Value as MicroValue

from backprop_core import Value, topological_order
from tests.core_checks import MICROGRAD_README, MICROGRAD_README_OUTPUT, run_readme_example
from tests.strategies import CI, MICROGRAD_OPS, OP_SPECS, Program, programs

REL = 1e-12


def approx(expected: Any, scale: float = 0.0) -> Any:
    """pytest.approx with rel=1e-12, and an absolute floor for values that cancel to ~0."""
    return pytest.approx(expected, rel=REL, abs=REL * scale)


def test_readme_example_prints_the_same_in_both_engines() -> None:
    ours = run_readme_example()
    theirs = run_readme_example(
        MICROGRAD_README.replace(
            "from backprop_core import Value", "from micrograd.engine import Value"
        )
    )
    assert ours == theirs == MICROGRAD_README_OUTPUT


def test_readme_example_gradients_agree() -> None:
    def readme(V: type) -> tuple[Any, Any, Any]:
        a = V(-4.0)
        b = V(2.0)
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
        g.backward()
        return g, a, b

    ours, theirs = readme(Value), readme(MicroValue)
    assert [v.data for v in ours] == approx([v.data for v in theirs])
    assert [v.grad for v in ours] == approx([v.grad for v in theirs])
    assert (round(ours[0].data, 4), round(ours[1].grad, 4), round(ours[2].grad, 4)) == (
        24.7041,
        138.8338,
        645.5773,
    )


def mlp(V: type, seed: int = 0) -> tuple[Any, list[Any]]:
    """A 2-8-8-1 MLP with relu, hinge loss on 20 points and L2: micrograd's demo, smaller."""
    rng = random.Random(seed)
    sizes = [2, 8, 8, 1]
    layers = [
        [
            ([V(rng.uniform(-1, 1)) for _ in range(n_in)], V(rng.uniform(-0.1, 0.1)))
            for _ in range(n_out)
        ]
        for n_in, n_out in itertools.pairwise(sizes)
    ]
    params = [p for layer in layers for w, b in layer for p in (*w, b)]
    points = [(rng.uniform(-2, 2), rng.uniform(-2, 2)) for _ in range(20)]
    labels = [1.0 if x * y > 0 else -1.0 for x, y in points]

    def score(x: list[Any]) -> Any:
        for k, layer in enumerate(layers):
            out = []
            for w, b in layer:
                act = sum((wi * xi for wi, xi in zip(w, x, strict=True)), b)
                out.append(act if k == len(layers) - 1 else act.relu())
            x = out
        return x[0]

    losses = [
        (1 + -y * score([V(a), V(b)])).relu() for (a, b), y in zip(points, labels, strict=True)
    ]
    loss = sum(losses) * (1.0 / len(losses)) + 1e-4 * sum(p * p for p in params)
    loss.backward()
    return loss, params


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_mlp_loss_and_gradients_agree(seed: int) -> None:
    ours, our_params = mlp(Value, seed)
    theirs, their_params = mlp(MicroValue, seed)
    assert ours.data == approx(theirs.data)
    assert [p.data for p in our_params] == [p.data for p in their_params]
    scale = max(abs(p.grad) for p in their_params)
    assert [p.grad for p in our_params] == approx([p.grad for p in their_params], scale)
    assert any(p.grad != 0 for p in our_params)


def mlp_with_many_input_gates(seed: int = 0) -> tuple[Any, list[Any]]:
    """The same MLP as :func:`mlp`, built with backprop_core's dot and sum gates."""
    rng = random.Random(seed)
    sizes = [2, 8, 8, 1]
    layers = [
        [
            ([Value(rng.uniform(-1, 1)) for _ in range(n_in)], Value(rng.uniform(-0.1, 0.1)))
            for _ in range(n_out)
        ]
        for n_in, n_out in itertools.pairwise(sizes)
    ]
    params = [p for layer in layers for w, b in layer for p in (*w, b)]
    points = [(rng.uniform(-2, 2), rng.uniform(-2, 2)) for _ in range(20)]
    labels = [1.0 if x * y > 0 else -1.0 for x, y in points]

    def score(x: list[Any]) -> Any:
        for k, layer in enumerate(layers):
            out = [Value.dot(w, x) + b for w, b in layer]
            x = out if k == len(layers) - 1 else [v.relu() for v in out]
        return x[0]

    losses = [(1 + -y * score([a, b])).relu() for (a, b), y in zip(points, labels, strict=True)]
    loss = Value.sum(losses) * (1.0 / len(losses)) + 1e-4 * Value.dot(params, params)
    loss.backward()
    return loss, params


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_mlp_with_dot_and_sum_gates_agrees_with_micrograd(seed: int) -> None:
    """One dot gate per neuron and one sum gate for the loss: micrograd's chain, fewer nodes."""
    ours, our_params = mlp_with_many_input_gates(seed)
    theirs, their_params = mlp(MicroValue, seed)
    assert ours.data == approx(theirs.data)
    scale = max(abs(p.grad) for p in their_params)
    assert [p.grad for p in our_params] == approx([p.grad for p in their_params], scale)
    assert len(topological_order(ours)) < len(topological_order(mlp(Value, seed)[0])) / 2


@settings(CI, max_examples=500)
@given(programs(ops=MICROGRAD_OPS, max_steps=12))
def test_random_graphs_agree(program: Program) -> None:
    ours = [Value(x) for x in program.inputs]
    theirs = [MicroValue(x) for x in program.inputs]
    our_nodes = program.nodes(ours)
    their_nodes = program.nodes(theirs)
    # micrograd differentiates x ** 0 at x = 0 as 0 · 0⁻¹ and raises ZeroDivisionError
    # (backprop_core had the same bug; its gradient is now 0): leave that case out.
    assume(
        not any(
            s.op == "pow_const" and s.const == 0 and our_nodes[s.args[0]].data == 0.0
            for s in program.steps
        )
    )
    our_nodes[-1].backward()
    their_nodes[-1].backward()
    # Last-bit differences (x/y vs x·y⁻¹, summation order) grow when nearly equal
    # numbers are subtracted (v/v has gradient 1/v - v/v² = 0, or -1e-16): bound
    # them by the largest value, and the largest gradient, anywhere in the graph.
    data_scale = max(abs(v.data) for v in their_nodes)
    assert [v.data for v in our_nodes] == approx([v.data for v in their_nodes], data_scale), program
    grad_scale = max(abs(v.grad) for v in their_nodes) * max(1.0, data_scale)
    assert [v.grad for v in ours] == approx([v.grad for v in theirs], grad_scale), program


def _ops_of(cls: type) -> set[str]:
    names = {"__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__"}
    names |= {"__truediv__", "__rtruediv__", "__pow__", "__rpow__", "__neg__"}
    names |= {"relu", "exp", "log", "tanh", "sigmoid", "max"}
    return {n for n in names if callable(getattr(cls, n, None))}


def test_the_oracle_covers_every_op_micrograd_has() -> None:
    """If micrograd grows an op, the oracle's op list must grow too."""
    covered = {
        "add": {"__add__"},
        "sub": {"__sub__"},
        "mul": {"__mul__"},
        "div": {"__truediv__"},
        "neg": {"__neg__"},
        "relu": {"relu"},
        "pow_const": {"__pow__"},
        "add_const": {"__add__"},
        "radd_const": {"__radd__"},
        "rsub_const": {"__rsub__"},
        "mul_const": {"__mul__"},
        "rmul_const": {"__rmul__"},
        "div_const": {"__truediv__"},
        "rdiv_const": {"__rtruediv__"},
        "sum": {"__add__"},  # our sum gate against micrograd's chain of adds
        "dot": {"__mul__", "__add__"},
    }
    assert set(MICROGRAD_OPS) <= set(OP_SPECS)
    assert set().union(*(covered[op] for op in MICROGRAD_OPS)) == _ops_of(MicroValue)
    assert _ops_of(MicroValue) < _ops_of(Value)


def _run_both(build: Callable[[type], Any]) -> tuple[Any, Any]:
    return build(Value), build(MicroValue)


def test_fan_out_into_one_gate() -> None:
    """a*a and a+a: micrograd stores inputs in a set, {a}, and still counts both uses."""

    def build(V: type) -> tuple[Any, Any]:
        a = V(3.0)
        f = a * a + (a + a) * a
        f.backward()
        return f.data, a.grad

    ours, theirs = _run_both(build)
    assert ours == theirs == (27.0, 18.0)
