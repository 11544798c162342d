"""Gates with any number of inputs: sum, dot product, log-sum-exp (one node for a whole chain)."""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence

from .base import NaryOp

__all__ = ["DOT", "LOGSUMEXP", "SUM", "Dot", "LogSumExp", "Sum"]


class Sum(NaryOp):
    """x₁ + x₂ + … + xₙ in one gate: every local gradient is 1 (the add gate, n-fold)."""

    __slots__ = ()
    name = "sum"

    @property
    def symbol(self) -> str:
        return "Σ"

    def forward(self, xs: Sequence[float]) -> float:
        return float(sum(xs))

    def local_grads(self, xs: Sequence[float], out: float) -> tuple[float, ...]:
        return (1.0,) * len(xs)


class Dot(NaryOp):
    """w₁x₁ + w₂x₂ + … + wₙxₙ in one gate, inputs in pairs: (w₁, x₁, w₂, x₂, …).

    A sum of multiply gates, so each pair swaps: d/dwᵢ = xᵢ and d/dxᵢ = wᵢ.
    """

    __slots__ = ()
    name = "dot"

    @property
    def symbol(self) -> str:
        return "·"

    def forward(self, xs: Sequence[float]) -> float:
        if len(xs) % 2:
            raise ValueError(
                f"dot gate: got {len(xs)} inputs; it takes pairs (weight, input), "
                "so the number of inputs must be even"
            )
        return float(sum(map(operator.mul, xs[0::2], xs[1::2])))

    def local_grads(self, xs: Sequence[float], out: float) -> tuple[float, ...]:
        grads = [0.0] * len(xs)
        grads[0::2] = xs[1::2]  # d/dw = x
        grads[1::2] = xs[0::2]  # d/dx = w
        return tuple(grads)


class LogSumExp(NaryOp):
    """ln(e^x₁ + … + e^xₙ): the local gradients are the softmax, e^(xᵢ - out).

    Computed as m + ln Σ e^(xᵢ - m) with m = max xᵢ: every exponent is at most
    0, so no score is too large (``exp(1000)`` would overflow a float).
    """

    __slots__ = ()
    name = "logsumexp"

    @property
    def symbol(self) -> str:
        return "LSE"

    def forward(self, xs: Sequence[float]) -> float:
        if not xs:
            raise ValueError("logsumexp gate: needs at least one input, got none")
        m = max(xs)
        return m + math.log(sum(math.exp(x - m) for x in xs))

    def local_grads(self, xs: Sequence[float], out: float) -> tuple[float, ...]:
        # e^(xᵢ - out) = e^(xᵢ - m) / Σ e^(xⱼ - m); the right side avoids rounding out.
        m = max(xs)
        es = [math.exp(x - m) for x in xs]
        total = sum(es)
        return tuple(e / total for e in es)


SUM = Sum()
DOT = Dot()
LOGSUMEXP = LogSumExp()
