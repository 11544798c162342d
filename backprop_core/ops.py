"""The gate table: every operation's forward rule and local derivative, once.

Each op is a tiny object with two methods side by side, so the calculus can be
read straight off the code:

* ``forward(x)`` / ``forward(x, y)`` computes the gate's output from its inputs;
* ``local_grad(x, out)`` / ``local_grads(x, y, out)`` returns d(out)/d(input)
  for each input, given the inputs and the output the forward pass produced.

A few gates take any number of inputs (``forward(xs)``, ``local_grads(xs,
out)``): the sum, the dot product and log-sum-exp. One such gate stands for a
whole chain of two-input gates, with the same gradients and far fewer nodes,
which is what makes training a network on a page fast enough to watch.

Both :class:`~backprop_core.value.Value` (the automatic graph) and the explicit
gate objects in :mod:`backprop_core.gates` (the "by hand" version the pages
show) call these rules. The chain rule itself — multiply the local gradient by
the upstream gradient — is applied by those callers, never here.

Errors name the gate and the value that broke it, and say what to do.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from typing import ClassVar

__all__ = [
    "ADD",
    "DIV",
    "DOT",
    "EXP",
    "LOG",
    "LOGSUMEXP",
    "MAX",
    "MUL",
    "NEG",
    "POW",
    "RELU",
    "SIGMOID",
    "SOFTPLUS",
    "SUB",
    "SUM",
    "TANH",
    "BinaryOp",
    "NaryOp",
    "Op",
    "Power",
    "UnaryOp",
    "check_finite",
    "power",
]


class Op:
    """Common part of every op: a short ``name`` and the ``symbol`` drawn in diagrams."""

    __slots__ = ()
    name: ClassVar[str] = "op"
    arity: ClassVar[int] = 0

    @property
    def symbol(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<{self.name} gate>"


class UnaryOp(Op):
    """A gate with one input."""

    __slots__ = ()
    arity: ClassVar[int] = 1

    def forward(self, x: float) -> float:
        raise NotImplementedError

    def local_grad(self, x: float, out: float) -> float:
        raise NotImplementedError


class BinaryOp(Op):
    """A gate with two inputs."""

    __slots__ = ()
    arity: ClassVar[int] = 2

    def forward(self, x: float, y: float) -> float:
        raise NotImplementedError

    def local_grads(self, x: float, y: float, out: float) -> tuple[float, float]:
        raise NotImplementedError


class NaryOp(Op):
    """A gate with any number of inputs (``arity`` 0: as many as it is given)."""

    __slots__ = ()
    arity: ClassVar[int] = 0

    def forward(self, xs: Sequence[float]) -> float:
        raise NotImplementedError

    def local_grads(self, xs: Sequence[float], out: float) -> tuple[float, ...]:
        raise NotImplementedError


def check_finite(op: Op, inputs: tuple[float, ...], out: float) -> float:
    """Return ``out`` if it is a finite float, else raise an error naming ``op``.

    ``out - out`` is 0.0 for every finite float and NaN for inf and NaN, which
    makes this check cheap enough to run after every gate.
    """
    if out - out == 0.0:
        return out
    args = ", ".join(repr(x) for x in inputs)
    raise OverflowError(
        f"{op.name} gate: {op.name}({args}) = {out!r} is not a finite number; "
        "scale the inputs down (or use a smaller learning rate) so values stay finite"
    )


# --- binary gates ---------------------------------------------------------


class Add(BinaryOp):
    """x + y. The add gate distributes: both local gradients are 1."""

    __slots__ = ()
    name = "add"

    @property
    def symbol(self) -> str:
        return "+"

    def forward(self, x: float, y: float) -> float:
        return x + y

    def local_grads(self, x: float, y: float, out: float) -> tuple[float, float]:
        return 1.0, 1.0


class Sub(BinaryOp):
    """x - y: d/dx = 1, d/dy = -1."""

    __slots__ = ()
    name = "sub"

    @property
    def symbol(self) -> str:
        return "−"

    def forward(self, x: float, y: float) -> float:
        return x - y

    def local_grads(self, x: float, y: float, out: float) -> tuple[float, float]:
        return 1.0, -1.0


class Mul(BinaryOp):
    """x · y. The multiply gate swaps its inputs: d/dx = y, d/dy = x."""

    __slots__ = ()
    name = "mul"

    @property
    def symbol(self) -> str:
        return "×"

    def forward(self, x: float, y: float) -> float:
        return x * y

    def local_grads(self, x: float, y: float, out: float) -> tuple[float, float]:
        return y, x


class Div(BinaryOp):
    """x / y: d/dx = 1/y, d/dy = -x/y²."""

    __slots__ = ()
    name = "div"

    @property
    def symbol(self) -> str:
        return "÷"

    def forward(self, x: float, y: float) -> float:
        if y == 0.0:
            raise ZeroDivisionError(
                f"div gate: {x!r} / {y!r} divides by zero; make sure the divisor is never 0 "
                "(for example add a small constant to it)"
            )
        return x / y

    def local_grads(self, x: float, y: float, out: float) -> tuple[float, float]:
        return 1.0 / y, -out / y


class Max(BinaryOp):
    """max(x, y). The max gate routes: the whole gradient goes to the larger input.

    On a tie (x == y) the gradient goes to the first input, x, and the second
    gets 0 — one valid choice of subgradient, made explicit.
    """

    __slots__ = ()
    name = "max"

    def forward(self, x: float, y: float) -> float:
        return x if x >= y else y

    def local_grads(self, x: float, y: float, out: float) -> tuple[float, float]:
        return (1.0, 0.0) if x >= y else (0.0, 1.0)


class Pow(BinaryOp):
    """x ** y with both x and y in the graph: d/dx = y·x^(y-1), d/dy = x^y·ln x.

    The base must be positive, because ln x is needed for d/dy. For a negative
    base, use a plain number as exponent (``x ** 2``), which uses :class:`Power`.
    """

    __slots__ = ()
    name = "pow"

    @property
    def symbol(self) -> str:
        return "**"

    def forward(self, x: float, y: float) -> float:
        if x <= 0.0:
            raise ValueError(
                f"pow gate: {x!r} ** {y!r} with the exponent in the graph needs a positive base "
                "(its gradient uses ln(base)); use a plain number as exponent for other bases"
            )
        try:
            return float(x**y)
        except OverflowError:
            raise OverflowError(
                f"pow gate: {x!r} ** {y!r} overflows a float; use smaller inputs"
            ) from None

    def local_grads(self, x: float, y: float, out: float) -> tuple[float, float]:
        return y * x ** (y - 1.0), out * math.log(x)


# --- unary gates ----------------------------------------------------------


class Neg(UnaryOp):
    """-x: the local gradient is -1."""

    __slots__ = ()
    name = "neg"

    @property
    def symbol(self) -> str:
        return "−x"

    def forward(self, x: float) -> float:
        return -x

    def local_grad(self, x: float, out: float) -> float:
        return -1.0


class Power(UnaryOp):
    """x ** c for a constant c: d/dx = c·x^(c-1).

    ``Power(2)`` squares, ``Power(-1)`` is 1/x, ``Power(0.5)`` is the square root.
    """

    __slots__ = ("exponent",)
    name = "pow"

    def __init__(self, exponent: float) -> None:
        self.exponent = exponent

    @property
    def symbol(self) -> str:
        c = self.exponent
        return f"x^{int(c)}" if float(c).is_integer() else f"x^{c:g}"

    def forward(self, x: float) -> float:
        c = self.exponent
        if x < 0.0 and not float(c).is_integer():
            raise ValueError(
                f"pow gate: ({x!r}) ** {c!r} is not a real number (a negative base needs an "
                "integer exponent); make the base positive, e.g. with abs() or x**2 first"
            )
        if x == 0.0 and c < 0:
            raise ZeroDivisionError(
                f"pow gate: 0.0 ** {c!r} divides by zero; keep the base away from 0"
            )
        try:
            return float(x**c)
        except OverflowError:
            raise OverflowError(
                f"pow gate: {x!r} ** {c!r} overflows a float; use smaller inputs"
            ) from None

    def local_grad(self, x: float, out: float) -> float:
        c = self.exponent
        if c == 0:
            return 0.0  # x ** 0 is constant (and c * x ** -1 would divide by zero at x = 0)
        if x == 0.0 and c < 1:
            raise ZeroDivisionError(
                f"pow gate: the local gradient of x ** {c!r} at x = 0.0 is infinite; "
                "keep the base away from 0 (for example add a small constant)"
            )
        return float(c * x ** (c - 1))

    def __repr__(self) -> str:
        return f"<pow gate, exponent {self.exponent!r}>"


_POWERS: dict[float, Power] = {}


def power(exponent: float) -> Power:
    """The :class:`Power` op for ``exponent``, shared between all nodes that use it."""
    op = _POWERS.get(exponent)
    if op is None:
        op = _POWERS[exponent] = Power(exponent)
    return op


class Exp(UnaryOp):
    """e^x: its own derivative, so the local gradient is the output."""

    __slots__ = ()
    name = "exp"

    def forward(self, x: float) -> float:
        try:
            return math.exp(x)
        except OverflowError:
            raise OverflowError(
                f"exp gate: exp({x!r}) overflows a float (the largest input is about 709.78); "
                "scale the input down (for a softmax, subtract the largest score first, as "
                "Value.logsumexp does)"
            ) from None

    def local_grad(self, x: float, out: float) -> float:
        return out


class Log(UnaryOp):
    """ln x for x > 0: the local gradient is 1/x."""

    __slots__ = ()
    name = "log"

    def forward(self, x: float) -> float:
        if x <= 0.0:
            raise ValueError(
                f"log gate: log({x!r}) is undefined; log needs a positive input "
                "(if it is the log of a probability that rounded to 0, compute the loss from "
                "the scores instead: z.softplus() - y * z for two classes, "
                "Value.logsumexp(scores) - scores[label] for several; adding a tiny constant "
                "such as 1e-12 would cap the loss and wipe out its gradient)"
            )
        return math.log(x)

    def local_grad(self, x: float, out: float) -> float:
        return 1.0 / x


class Tanh(UnaryOp):
    """tanh x: the local gradient is 1 - tanh²x."""

    __slots__ = ()
    name = "tanh"

    def forward(self, x: float) -> float:
        return math.tanh(x)

    def local_grad(self, x: float, out: float) -> float:
        return 1.0 - out * out


class Sigmoid(UnaryOp):
    """σ(x) = 1 / (1 + e^-x): the local gradient is σ(x)·(1 - σ(x)).

    Computed without overflow for any finite x: for x < 0 it uses the
    equivalent e^x / (1 + e^x), so ``σ(-1000)`` is 0.0 and ``σ(1000)`` is 1.0.
    """

    __slots__ = ()
    name = "sigmoid"

    @property
    def symbol(self) -> str:
        return "σ"

    def forward(self, x: float) -> float:
        if x >= 0.0:
            return 1.0 / (1.0 + math.exp(-x))
        e = math.exp(x)
        return e / (1.0 + e)

    def local_grad(self, x: float, out: float) -> float:
        return out * (1.0 - out)


class Relu(UnaryOp):
    """max(0, x): passes the gradient where x > 0 and blocks it elsewhere (also at 0)."""

    __slots__ = ()
    name = "relu"

    @property
    def symbol(self) -> str:
        return "ReLU"

    def forward(self, x: float) -> float:
        return x if x > 0.0 else 0.0

    def local_grad(self, x: float, out: float) -> float:
        return 1.0 if x > 0.0 else 0.0


class Softplus(UnaryOp):
    """softplus(x) = ln(1 + e^x): the local gradient is σ(x).

    The smooth version of ReLU, and the binary cross-entropy written from the
    score: -ln σ(z) = softplus(-z) and -ln(1 - σ(z)) = softplus(z). Computed
    as max(x, 0) + ln(1 + e^-|x|), which never overflows and stays exact where
    ln(σ(z)) would take the log of a probability that rounded to 0 or 1.
    """

    __slots__ = ()
    name = "softplus"

    def forward(self, x: float) -> float:
        if x > 0.0:
            return x + math.log1p(math.exp(-x))
        return math.log1p(math.exp(x))

    def local_grad(self, x: float, out: float) -> float:
        return SIGMOID.forward(x)


# --- gates with any number of inputs -----------------------------------------


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


ADD = Add()
SUB = Sub()
MUL = Mul()
DIV = Div()
MAX = Max()
POW = Pow()
NEG = Neg()
EXP = Exp()
LOG = Log()
TANH = Tanh()
SIGMOID = Sigmoid()
RELU = Relu()
SOFTPLUS = Softplus()
SUM = Sum()
DOT = Dot()
LOGSUMEXP = LogSumExp()
