"""Gates with one input: negate, a constant power, exp, log, tanh, sigmoid, ReLU, softplus."""

from __future__ import annotations

import math

from ..language import gate_error
from .base import UnaryOp

__all__ = [
    "EXP",
    "LOG",
    "NEG",
    "RELU",
    "SIGMOID",
    "SOFTPLUS",
    "TANH",
    "Exp",
    "Log",
    "Neg",
    "Power",
    "Relu",
    "Sigmoid",
    "Softplus",
    "Tanh",
    "power",
]


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
            raise ValueError(gate_error("pow", "pow_negative", x=repr(x), y=repr(c)))
        if x == 0.0 and c < 0:
            raise ZeroDivisionError(gate_error("pow", "pow_zero", y=repr(c)))
        try:
            return float(x**c)
        except OverflowError:
            raise OverflowError(gate_error("pow", "pow_overflow", x=repr(x), y=repr(c))) from None

    def local_grad(self, x: float, out: float) -> float:
        c = self.exponent
        if c == 0:
            return 0.0  # x ** 0 is constant (and c * x ** -1 would divide by zero at x = 0)
        if x == 0.0 and c < 1:
            raise ZeroDivisionError(gate_error("pow", "pow_grad_zero", y=repr(c)))
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
            raise OverflowError(gate_error("exp", "exp_overflow", x=repr(x))) from None

    def local_grad(self, x: float, out: float) -> float:
        return out


class Log(UnaryOp):
    """ln x for x > 0: the local gradient is 1/x."""

    __slots__ = ()
    name = "log"

    def forward(self, x: float) -> float:
        if x <= 0.0:
            raise ValueError(gate_error("log", "log_domain", x=repr(x)))
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


NEG = Neg()
EXP = Exp()
LOG = Log()
TANH = Tanh()
SIGMOID = Sigmoid()
RELU = Relu()
SOFTPLUS = Softplus()
