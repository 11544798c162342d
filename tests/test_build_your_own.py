"""The build-your-own page's 40-line Value agrees with backprop_core on random graphs.

The page says its test suite checks the reader-sized engine the way backprop_core
is checked: Hypothesis builds random expressions (with reused nodes, i.e. fan-out)
from the ops that engine has, in both engines, and compares the value and every
input's gradient. The engine is taken from the page's own snippets, run as the
page's session runs them, so what the page shows is what is tested.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any

import pytest
from hypothesis import assume, example, given, settings

from backprop_core import Value
from backprop_core.notebook import run_cell
from tests.pages import SNIPPETS
from tests.strategies import CI, Program, Step, programs

SESSION = ["build_your_own/value.py", "build_your_own/backward.py"]
OPS = (
    "add",
    "sub",
    "mul",
    "neg",
    "relu",
    "tanh",
    "pow_const",
    "add_const",
    "radd_const",
    "mul_const",
    "rmul_const",
)
"""What the page's Value has: + - * (numbers on either side of + and *), unary minus,
** with a number, tanh and relu."""


def page_engine() -> tuple[type, Any]:
    namespace: dict[str, Any] = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        for name in SESSION:
            source = (SNIPPETS / name).read_text(encoding="utf-8")
            assert run_cell(source, namespace, filename=name), name
    return namespace["Value"], namespace["topological_order"]


TinyValue, tiny_order = page_engine()


ZERO_TO_THE_ZERO = Program(inputs=(0.0,), steps=(Step("pow_const", (0,), 0),))
"""0 ** 0: the case Hypothesis found (the page's power rule divides by zero)."""


def page_engine_can_build(program: Program, core_nodes: list[Value]) -> bool:
    """x ** 0 at x = 0: the page's one-line power rule divides by zero (0 * 0**-1)
    when it builds the node; backprop_core treats it as the constant it is."""
    return not any(
        s.op == "pow_const" and s.const == 0 and core_nodes[s.args[0]].data == 0.0
        for s in program.steps
    )


def close(a: float, b: float, scale: float) -> bool:
    return abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b), scale)


@settings(CI, max_examples=400)
@given(programs(ops=OPS, max_steps=12))
@example(ZERO_TO_THE_ZERO)
def test_random_graphs_agree_with_backprop_core(program: Program) -> None:
    core = [Value(x) for x in program.inputs]
    core_nodes = program.nodes(core)
    assume(page_engine_can_build(program, core_nodes))
    ours = [TinyValue(x) for x in program.inputs]
    our_nodes = program.nodes(ours)
    our_nodes[-1].backward()
    core_nodes[-1].backward()
    scale = max(abs(v.data) for v in core_nodes)
    for a, b in zip(our_nodes, core_nodes, strict=True):
        assert close(a.data, b.data, scale), program
    grad_scale = max(abs(v.grad) for v in core) * max(1.0, scale)
    for a, b in zip(ours, core, strict=True):
        assert close(a.grad, b.grad, grad_scale), (a.grad, b.grad, program)


@settings(CI, max_examples=100)
@given(programs(ops=OPS, max_steps=10))
@example(ZERO_TO_THE_ZERO)
def test_the_order_puts_every_node_after_its_inputs(program: Program) -> None:
    assume(page_engine_can_build(program, program.nodes([Value(x) for x in program.inputs])))
    out = program(*(TinyValue(x) for x in program.inputs))
    order = tiny_order(out)
    position = {id(v): i for i, v in enumerate(order)}
    assert order[-1] is out and len(position) == len(order)
    for v in order:
        assert all(position[id(p)] < position[id(v)] for p in v.inputs)


def test_a_deep_chain_needs_no_recursion() -> None:
    x = TinyValue(0.5)
    out = x
    for _ in range(20_000):
        out = out * 1.0
    out.backward()
    assert x.grad == 1.0


@pytest.mark.parametrize(("steps", "expected"), [(1, 4.0), (2, 12.0)])
def test_inner_gradients_accumulate_as_the_page_says(steps: int, expected: float) -> None:
    a = TinyValue(3.0)
    b = a + a
    c = b + b
    for _ in range(steps):
        c.backward()
    assert a.grad == expected
