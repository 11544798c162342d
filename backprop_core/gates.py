"""Gates you drive by hand: ``forward`` caches its inputs, ``backward`` applies the chain rule.

These are the circuit gates of CS231n and the Hacker's guide, with the
backward pass spelled out. They use the same rules as :class:`Value` (from
:mod:`backprop_core.ops`), so the two can never disagree:

>>> gate = MultiplyGate()
>>> gate.forward(-2.0, 3.0)
-6.0
>>> gate.local_grads()          # d(out)/dx = y, d(out)/dy = x
(3.0, -2.0)
>>> gate.backward(1.0)          # local gradient × upstream gradient
(3.0, -2.0)

A one-input gate's ``backward`` returns a single number:

>>> s = SigmoidGate()
>>> round(s.forward(1.0), 4), round(s.backward(1.0), 4)
(0.7311, 0.1966)

A gate with any number of inputs takes them all at once; the dot gate takes
them in pairs (w₁, x₁, w₂, x₂, …):

>>> d = DotGate()
>>> d.forward(2.0, -1.0, -3.0, -2.0), d.backward(1.0)
(4.0, (-1.0, 2.0, -2.0, -3.0))
"""

from __future__ import annotations

from typing import ClassVar

from . import ops

__all__ = [
    "AddGate",
    "DivideGate",
    "DotGate",
    "ExpGate",
    "Gate",
    "LogGate",
    "LogSumExpGate",
    "MaxGate",
    "MultiplyGate",
    "NegateGate",
    "PowerGate",
    "ReluGate",
    "SigmoidGate",
    "SoftplusGate",
    "SubtractGate",
    "SumGate",
    "TanhGate",
]


class Gate:
    """A gate with memory: ``forward`` computes and caches, ``backward`` uses the cache."""

    op: ClassVar[ops.Op]

    def __init__(self) -> None:
        self.inputs: tuple[float, ...] | None = None
        self.output: float | None = None

    def forward(self, *inputs: float) -> float:
        """Compute the output from the inputs and remember both for ``backward``."""
        op = self.op
        if op.arity and len(inputs) != op.arity:
            raise TypeError(
                f"{op.name} gate: forward() takes {op.arity} input(s), got {len(inputs)}"
            )
        if not inputs:
            raise TypeError(f"{op.name} gate: forward() needs at least one input, got none")
        xs = tuple(float(x) for x in inputs)
        # a gate with any number of inputs (arity 0) takes them as one sequence
        out = op.forward(*xs) if op.arity else op.forward(xs)  # type: ignore[attr-defined]
        self.inputs, self.output = xs, ops.check_finite(op, xs, out)
        return self.output

    def local_grads(self) -> tuple[float, ...]:
        """d(output)/d(input) for each input, at the cached forward values."""
        if self.inputs is None or self.output is None:
            raise RuntimeError(
                f"{self.op.name} gate: call forward() before local_grads() or backward(); "
                "the local gradient depends on the inputs"
            )
        if self.op.arity == 2:
            x, y = self.inputs
            return self.op.local_grads(x, y, self.output)  # type: ignore[attr-defined,no-any-return]
        if self.op.arity == 0:
            return self.op.local_grads(self.inputs, self.output)  # type: ignore[attr-defined,no-any-return]
        return (self.op.local_grad(self.inputs[0], self.output),)  # type: ignore[attr-defined]

    def backward(self, upstream: float = 1.0) -> tuple[float, ...] | float:
        """Chain rule: each input's gradient is its local gradient × ``upstream``.

        Returns a single number for a one-input gate and a tuple for any other.
        """
        grads = tuple(local * upstream for local in self.local_grads())
        return grads if self.op.arity != 1 else grads[0]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(inputs={self.inputs}, output={self.output})"


class AddGate(Gate):
    """x + y: passes the upstream gradient to both inputs unchanged."""

    op = ops.ADD


class SubtractGate(Gate):
    """x - y: passes the gradient to x and its negative to y."""

    op = ops.SUB


class MultiplyGate(Gate):
    """x · y: each input's gradient is the *other* input × upstream."""

    op = ops.MUL


class DivideGate(Gate):
    """x / y: gradients 1/y and -x/y², each × upstream."""

    op = ops.DIV


class MaxGate(Gate):
    """max(x, y): routes the whole gradient to the larger input (the first on a tie)."""

    op = ops.MAX


class NegateGate(Gate):
    """-x."""

    op = ops.NEG


class ExpGate(Gate):
    """e^x."""

    op = ops.EXP


class LogGate(Gate):
    """ln x."""

    op = ops.LOG


class TanhGate(Gate):
    """tanh x."""

    op = ops.TANH


class SigmoidGate(Gate):
    """σ(x): local gradient σ(x)·(1 - σ(x))."""

    op = ops.SIGMOID


class ReluGate(Gate):
    """max(0, x): passes the gradient where x > 0."""

    op = ops.RELU


class SoftplusGate(Gate):
    """ln(1 + e^x): local gradient σ(x)."""

    op = ops.SOFTPLUS


class SumGate(Gate):
    """x₁ + … + xₙ: passes the upstream gradient to every input unchanged."""

    op = ops.SUM


class DotGate(Gate):
    """w₁x₁ + … + wₙxₙ, inputs in pairs (w₁, x₁, w₂, x₂, …): each pair swaps, like a multiply."""

    op = ops.DOT


class LogSumExpGate(Gate):
    """ln Σ e^xᵢ: local gradients are the softmax of the inputs."""

    op = ops.LOGSUMEXP


class PowerGate(Gate):
    """x ** c for a constant c, e.g. ``PowerGate(-1)`` for 1/x.

    >>> g = PowerGate(-1); g.forward(2.0), g.backward(1.0)
    (0.5, -0.25)
    """

    def __init__(self, exponent: float) -> None:
        super().__init__()
        self.op = ops.power(exponent)  # type: ignore[misc]
