"""Gates with two inputs: add, subtract, multiply, divide, max, and x ** y with y in the graph."""

from __future__ import annotations

import math

from ..language import gate_error
from .base import BinaryOp

__all__ = ["ADD", "DIV", "MAX", "MUL", "POW", "SUB", "Add", "Div", "Max", "Mul", "Pow", "Sub"]


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
            raise ZeroDivisionError(gate_error("div", "div_zero", x=repr(x), y=repr(y)))
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
            raise ValueError(gate_error("pow", "pow_base", x=repr(x), y=repr(y)))
        try:
            return float(x**y)
        except OverflowError:
            raise OverflowError(gate_error("pow", "pow_overflow", x=repr(x), y=repr(y))) from None

    def local_grads(self, x: float, y: float, out: float) -> tuple[float, float]:
        return y * x ** (y - 1.0), out * math.log(x)


ADD = Add()
SUB = Sub()
MUL = Mul()
DIV = Div()
MAX = Max()
POW = Pow()
