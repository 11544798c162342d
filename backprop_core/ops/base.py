"""What every gate is: a name, a symbol, a forward rule and the local derivative of each input.

Also the one check that runs after every gate: is its output a finite number?
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from ..language import gate_error

__all__ = ["BinaryOp", "NaryOp", "Op", "UnaryOp", "check_finite"]


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
    call = f"{op.name}({args})"
    raise OverflowError(gate_error(op.name, "not_finite", call=call, out=repr(out)))
