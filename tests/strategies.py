"""Hypothesis strategies: random expression graphs built from every op, with fan-out.

A :class:`Program` is a straight-line program over Values::

    v2 = v0 * v1
    v3 = v2.sigmoid()
    v4 = v3 + v0        # v0 feeds two gates: fan-out

Calling it with input Values (of any engine: backprop_core's or micrograd's)
builds the graph and returns the last node. The generator evaluates each
candidate op on the actual numbers while drawing, and only picks ops that are
defined and smooth there with a margin: away from the kinks of relu and max,
from the poles of division and negative powers, from ln of small numbers, and
from overflow. So a centred difference with h = 1e-5 sees a smooth function
and must agree with backprop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from backprop_core import Value

BOUND = 50.0
"""Every intermediate value stays within ±BOUND (no overflow, moderate gradients)."""

MARGIN = 0.25
"""Distance kept from kinks (relu at 0, max at a tie)."""

MIN_DENOMINATOR = 0.5
"""|divisor| (and |base| of a negative power) at least this."""

CI = settings(
    derandomize=True,  # the same examples on every run and machine
    database=None,
    deadline=None,
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow],
)
"""Deterministic settings for CI; use ``@CI`` or ``settings(CI, max_examples=...)``."""


@dataclass(frozen=True)
class OpSpec:
    """One op of the generator: how to apply it and where it is safe."""

    name: str
    arity: int
    apply: Callable[..., Any]  # (const, *values) -> value, for any Value-like class
    safe: Callable[..., bool]  # (const, *floats) -> bool: defined and smooth with margin
    consts: Sequence[float] = (0.0,)  # constants to choose from (ignored by most ops)
    text: str = ""  # how a step prints, e.g. "{0} * {1}"


def _spec(
    name: str,
    arity: int,
    apply: Callable[..., Any],
    text: str,
    safe: Callable[..., bool] = lambda c, *xs: True,
    consts: Sequence[float] = (0.0,),
) -> OpSpec:
    return OpSpec(name, arity, apply, safe, consts, text)


def _is_int(c: float) -> bool:
    return float(c).is_integer()


def _is_ours(*xs: Any) -> bool:
    return any(isinstance(x, Value) for x in xs)


def _sum(*xs: Any) -> Any:
    """The n-ary sum gate for backprop_core's Value; a chain of adds for any other engine."""
    if _is_ours(*xs):
        return Value.sum(list(xs))
    total = xs[0]
    for x in xs[1:]:
        total = total + x
    return total


def _dot(ws: Sequence[Any], xs: Sequence[Any]) -> Any:
    """The n-ary dot gate for backprop_core's Value; multiplies and adds for any other engine."""
    if _is_ours(*ws, *xs):
        return Value.dot(ws, xs)
    return _sum(*(w * x for w, x in zip(ws, xs, strict=True)))


def _power_safe(c: float, x: float) -> bool:
    if not _is_int(c) and x < MIN_DENOMINATOR:
        return False  # fractional power: positive base, away from the infinite slope at 0
    return not (c < 0 and abs(x) < MIN_DENOMINATOR)


OP_SPECS: dict[str, OpSpec] = {
    spec.name: spec
    for spec in [
        _spec("add", 2, lambda c, a, b: a + b, "{0} + {1}"),
        _spec("sub", 2, lambda c, a, b: a - b, "{0} - {1}"),
        _spec("mul", 2, lambda c, a, b: a * b, "{0} * {1}"),
        _spec(
            "div",
            2,
            lambda c, a, b: a / b,
            "{0} / {1}",
            lambda c, a, b: abs(b) >= MIN_DENOMINATOR,
        ),
        _spec(
            "max", 2, lambda c, a, b: a.max(b), "{0}.max({1})", lambda c, a, b: abs(a - b) >= MARGIN
        ),
        _spec(
            "pow",
            2,
            lambda c, a, b: a**b,
            "{0} ** {1}",
            lambda c, a, b: a >= MIN_DENOMINATOR and abs(b) <= 3.0,
        ),
        _spec("neg", 1, lambda c, a: -a, "-{0}"),
        _spec("exp", 1, lambda c, a: a.exp(), "{0}.exp()", lambda c, a: a <= 3.5),
        _spec("log", 1, lambda c, a: a.log(), "{0}.log()", lambda c, a: a >= MIN_DENOMINATOR),
        _spec("tanh", 1, lambda c, a: a.tanh(), "{0}.tanh()"),
        _spec("sigmoid", 1, lambda c, a: a.sigmoid(), "{0}.sigmoid()"),
        _spec("relu", 1, lambda c, a: a.relu(), "{0}.relu()", lambda c, a: abs(a) >= MARGIN),
        _spec("softplus", 1, lambda c, a: a.softplus(), "{0}.softplus()"),
        # gates with any number of inputs; reusing an operand is fan-out into one gate
        _spec(
            "sum",
            2,
            lambda c, a, b: _sum(a, b, a, c),
            "Value.sum([{0}, {1}, {0}, {c!r}])",
            consts=(0.5, -2.0),
        ),
        _spec(
            "dot",
            2,
            lambda c, a, b: _dot([a, b, c], [b, a, a]),
            "Value.dot([{0}, {1}, {c!r}], [{1}, {0}, {0}])",
            consts=(1.5, -0.5),
        ),
        _spec(
            "logsumexp",
            2,
            lambda c, a, b: Value.logsumexp([a, b, a, c]),
            "Value.logsumexp([{0}, {1}, {0}, {c!r}])",
            consts=(0.0, 2.0),
        ),
        # a Value and a plain number
        _spec(
            "pow_const",
            1,
            lambda c, a: a**c,
            "{0} ** {c!r}",
            _power_safe,
            consts=(2, 3, -1, -2, 0.5, 1.5, 2.0, 0),
        ),
        _spec(
            "number_pow",
            1,
            lambda c, a: c**a,
            "{c!r} ** {0}",
            lambda c, a: abs(a) <= 3.0,
            consts=(0.5, 2.0, 3.0),
        ),
        _spec("add_const", 1, lambda c, a: a + c, "{0} + {c!r}", consts=(1, -2.5, 0.75)),
        _spec("radd_const", 1, lambda c, a: c + a, "{c!r} + {0}", consts=(1, -2.5)),
        _spec("rsub_const", 1, lambda c, a: c - a, "{c!r} - {0}", consts=(1, 0.5)),
        _spec("mul_const", 1, lambda c, a: a * c, "{0} * {c!r}", consts=(2, -0.5, 3.0)),
        _spec("rmul_const", 1, lambda c, a: c * a, "{c!r} * {0}", consts=(2, -1.5)),
        _spec("div_const", 1, lambda c, a: a / c, "{0} / {c!r}", consts=(2, -4.0, 0.5)),
        _spec(
            "rdiv_const",
            1,
            lambda c, a: c / a,
            "{c!r} / {0}",
            lambda c, a: abs(a) >= MIN_DENOMINATOR,
            consts=(1, -3.0),
        ),
    ]
}

ALL_OPS: tuple[str, ...] = tuple(OP_SPECS)

MICROGRAD_OPS: tuple[str, ...] = (
    "add",
    "sub",
    "mul",
    "div",
    "neg",
    "relu",
    "pow_const",
    "add_const",
    "radd_const",
    "rsub_const",
    "mul_const",
    "rmul_const",
    "div_const",
    "rdiv_const",
    "sum",
    "dot",
)
"""The ops micrograd 0.1.0's Value has: +, -, *, / (also with numbers on either side),
** with a number as exponent, unary minus and relu. No exp, log, tanh, sigmoid, max,
and no Value ** Value or number ** Value. ``sum`` and ``dot`` are backprop_core's
many-input gates, which micrograd builds as a chain of adds and multiplies: the oracle
checks that one gate gives what the chain gives."""


@dataclass(frozen=True)
class Step:
    op: str
    args: tuple[int, ...]
    const: float


@dataclass(frozen=True)
class Program:
    """A straight-line program: ``inputs`` (the point) and the ``steps`` after them."""

    inputs: tuple[float, ...]
    steps: tuple[Step, ...]

    def __call__(self, *values: Any) -> Any:
        """Build the graph from ``values`` (one per input) and return its last node."""
        return self.nodes(values)[-1]

    def nodes(self, values: Sequence[Any]) -> list[Any]:
        """Every node of the program built from ``values``, inputs first."""
        nodes = list(values)
        for step in self.steps:
            spec = OP_SPECS[step.op]
            nodes.append(spec.apply(step.const, *(nodes[i] for i in step.args)))
        return nodes

    def __repr__(self) -> str:
        lines = [f"v{i} = {x!r}" for i, x in enumerate(self.inputs)]
        for k, step in enumerate(self.steps, start=len(self.inputs)):
            spec = OP_SPECS[step.op]
            expr = spec.text.format(*(f"v{i}" for i in step.args), c=step.const)
            lines.append(f"v{k} = {expr}")
        return "Program:\n    " + "\n    ".join(lines)


def _try(spec: OpSpec, const: float, args: Sequence[float]) -> float | None:
    """The op's output at ``args`` if it is safe there and stays within BOUND, else None."""
    if not spec.safe(const, *args):
        return None
    try:
        out = spec.apply(const, *(Value(x) for x in args)).data
    except (ArithmeticError, ValueError):
        return None
    return out if abs(out) <= BOUND else None


@st.composite
def programs(
    draw: st.DrawFn,
    ops: Sequence[str] = ALL_OPS,
    max_inputs: int = 4,
    max_steps: int = 10,
    input_range: float = 3.0,
) -> Program:
    """A random Program over ``ops``; operands are drawn from every earlier node (fan-out)."""
    n_inputs = draw(st.integers(1, max_inputs))
    inputs = draw(
        st.lists(
            st.floats(-input_range, input_range, allow_nan=False, allow_subnormal=False),
            min_size=n_inputs,
            max_size=n_inputs,
        )
    )
    values = list(inputs)
    steps = []
    for _ in range(draw(st.integers(1, max_steps))):
        # operands first (any earlier node: reuse is fan-out), then an op safe on them
        a = draw(st.integers(0, len(values) - 1))
        b = draw(st.integers(0, len(values) - 1))
        choices = []
        for name in ops:
            spec = OP_SPECS[name]
            args = (a, b)[: spec.arity]
            for const in spec.consts:
                out = _try(spec, const, [values[i] for i in args])
                if out is not None:
                    choices.append((name, args, const, out))
        if not choices:  # cannot happen with neg in ops, but keep the program valid
            continue
        name, args, const, out = draw(st.sampled_from(choices))
        steps.append(Step(name, args, const))
        values.append(out)
    if not steps:
        steps.append(Step("neg", (0,), 0.0))
    return Program(tuple(inputs), tuple(steps))
