"""Clear errors for bad input to a Value or a gate: they say what was wrong and what to do.

The engine calls these only off its hot path: a gate checks the common case
(the other input is already a Value) inline and comes here for anything else.

>>> operand("3", ops.ADD)
Traceback (most recent call last):
...
TypeError: add gate: the other input must be a Value or a number (int or float), got str '3'; \
convert it first, for example float(text)
"""

from __future__ import annotations

from collections.abc import Iterable
from numbers import Real
from typing import TypeAlias

from . import ops
from .language import gate_error, text

__all__ = [
    "as_float",
    "check_label",
    "not_an_operand",
    "operand",
    "sequence_of_operands",
]

Number: TypeAlias = int | float


def as_float(data: object) -> float:
    """``data`` as a finite float, for ``Value(data)``; or an error that says what was wrong.

    >>> as_float(3), as_float(2.5)
    (3.0, 2.5)
    >>> as_float(float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: Value(nan): a Value must be a finite number; NaN and infinity cannot take part \
in a gradient computation
    """
    if not isinstance(data, Real):
        if hasattr(data, "backward") and isinstance(getattr(data, "data", None), float):
            raise TypeError(text("value_of_value", data=repr(data)))
        raise TypeError(text("value_not_number", kind=type(data).__name__, data=repr(data)))
    try:
        x = float(data)
    except OverflowError:
        digits = len(str(abs(int(data)))) if isinstance(data, int) else None
        shown = text("int_digits", digits=digits) if digits else repr(data)
        raise OverflowError(text("value_too_large", shown=shown)) from None
    if x - x != 0.0:
        raise ValueError(text("value_not_finite", x=repr(x)))
    return x


def operand(other: object, op: ops.Op) -> Number:
    """A binary gate's other input that is not a Value: a number, or an error naming the gate."""
    if not isinstance(other, Real):
        kind = type(other).__name__
        raise TypeError(gate_error(op.name, "operand", kind=kind, other=repr(other)))
    return other  # type: ignore[return-value]  # a Real: Value() makes it a float


def sequence_of_operands(values: object, op: ops.NaryOp) -> tuple[object, ...]:
    """The inputs of a many-input gate as a tuple, or an error naming the gate."""
    if type(values) is tuple:
        items: tuple[object, ...] = values
    elif type(values) is list:
        items = tuple(values)
    elif isinstance(values, (Real, str)) or not isinstance(values, Iterable):
        kind = type(values).__name__
        raise TypeError(
            gate_error(op.name, "operands_not_list", kind=kind, values=repr(values), name=op.name)
        )
    else:
        items = tuple(values)
    if not items:
        raise ValueError(gate_error(op.name, "operands_empty"))
    return items


def not_an_operand(item: object, op: ops.NaryOp, what: str, index: int) -> TypeError:
    """The error for an item of a many-input gate that is neither a Value nor a number."""
    kind = type(item).__name__
    return TypeError(
        gate_error(op.name, "operand_item", what=what, index=index, kind=kind, item=repr(item))
    )


def check_label(label: object) -> None:
    """A label is a string or None; anything else gets an error with an example."""
    if label is not None and not isinstance(label, str):
        raise TypeError(text("label", kind=type(label).__name__, label=repr(label)))
