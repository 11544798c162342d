"""The numerical gradient, and the gradient check that compares it with backprop.

Nudge one input up by h and down by h, and see how much the output moves: the
centred difference (f(x + h) - f(x - h)) / 2h approximates df/dx with an error
of order h². It costs two forward passes per input, which is why nobody trains
networks this way — but it needs no calculus, so it is the perfect referee for
a backward pass, ours or the reader's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple, TypeAlias

from .language import text
from .text import ljust, rjust
from .value import Value

__all__ = ["GradCheck", "GradCheckRow", "grad_check", "numerical_grad"]

Function: TypeAlias = Callable[..., Value | float | int]


def _inputs_as_floats(inputs: Sequence[object]) -> list[float]:
    if isinstance(inputs, (Value, int, float)):
        raise TypeError(text("gc_single", kind=type(inputs).__name__))
    return [v.data if isinstance(v, Value) else Value(v).data for v in inputs]  # type: ignore[arg-type]


def _output(f: Function, args: list[Value]) -> float:
    out = f(*args)
    if isinstance(out, Value):
        return out.data
    if isinstance(out, (int, float)):
        return float(out)
    raise TypeError(text("gc_output", kind=type(out).__name__))


def numerical_grad(f: Function, inputs: Sequence[object], h: float = 1e-5) -> list[float]:
    """The centred-difference gradient of ``f`` at ``inputs``, one float per input.

    Args:
        f: takes one Value per input and returns a Value (or a number).
        inputs: the point, as numbers or Values (only their ``data`` is used).
        h: the nudge.

    Examples:
        >>> [round(g, 6) for g in numerical_grad(lambda x, y: x * y, [-2.0, 3.0])]
        [3.0, -2.0]
    """
    if not h > 0:
        raise ValueError(f"numerical_grad: the step h must be positive, got {h!r}")
    point = _inputs_as_floats(inputs)
    grads = []
    for i in range(len(point)):
        up = [Value(x + h if j == i else x) for j, x in enumerate(point)]
        down = [Value(x - h if j == i else x) for j, x in enumerate(point)]
        grads.append((_output(f, up) - _output(f, down)) / (2 * h))
    return grads


class GradCheckRow(NamedTuple):
    """The check of one input: analytic vs numerical gradient."""

    name: str
    value: float
    analytic: float
    numerical: float
    rel_error: float
    passed: bool


def _relative_error(a: float, n: float) -> float:
    scale = max(abs(a), abs(n))
    return 0.0 if scale < 1e-10 else abs(a - n) / scale


class GradCheck:
    """The result of :func:`grad_check`: truthy when every input passed.

    Its repr is a table that prints the same on every platform: gradients to six
    significant digits, and the relative error only where it fails.
    """

    def __init__(self, rows: list[GradCheckRow], tolerance: float) -> None:
        self.rows = rows
        self.tolerance = tolerance
        self.passed = all(row.passed for row in rows)

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        """The report in the language set by :func:`backprop_core.set_language`, its columns
        lined up by display width (a Chinese or Japanese heading is two columns a character).

        >>> from backprop_core import set_language
        >>> set_language("zh")
        >>> grad_check(lambda x: x * x, [3.0], analytic=[3.0])
        grad_check 未通过（相对误差容限 1e-05）
        输入              值     解析梯度     数值梯度  结果
        x0                 3            3            6  错误，相对误差 5.0e-01
        >>> set_language("en")
        """
        key = "gc_passed" if self.passed else "gc_failed"
        lines = [text(key, tolerance=f"{self.tolerance:.0e}")]
        name, value, analytic, numerical, result = text("gc_columns").split("|")
        lines.append(
            f"{ljust(name, 7)} {rjust(value, 12)} {rjust(analytic, 12)} "
            f"{rjust(numerical, 12)}  {result}"
        )
        for r in self.rows:
            verdict = text("gc_ok") if r.passed else text("gc_wrong", error=f"{r.rel_error:.1e}")
            lines.append(
                f"{ljust(r.name, 7)} {r.value:>12.6g} {r.analytic:>12.6g} "
                f"{r.numerical:>12.6g}  {verdict}"
            )
        return "\n".join(lines)


def grad_check(
    f: Function,
    inputs: Sequence[object],
    analytic: Sequence[float] | None = None,
    h: float = 1e-5,
    tolerance: float = 1e-5,
) -> GradCheck:
    """Compare analytic gradients with numerical ones, input by input.

    Args:
        f: takes one Value per input and returns a Value (or a number).
        inputs: the point, as numbers or Values; a Value's label names its row.
        analytic: your own gradients to check (from a hand-written backward
            pass). If omitted, ``backward()`` through ``f`` provides them.
        h: the nudge of the numerical gradient.
        tolerance: the largest relative error |a - n| / max(|a|, |n|) that passes.

    Examples:
        >>> grad_check(lambda x, y: x * y, [-2.0, 3.0])
        grad_check passed (relative error tolerance 1e-05)
        input          value     analytic    numerical  result
        x0                -2            3            3  ok
        x1                 3           -2           -2  ok
        >>> bool(grad_check(lambda x: x * x, [3.0], analytic=[3.0]))
        False
    """
    point = _inputs_as_floats(inputs)
    names = [v.label if isinstance(v, Value) and v.label else f"x{i}" for i, v in enumerate(inputs)]
    if analytic is None:
        args = [Value(x) for x in point]
        out = f(*args)
        if not isinstance(out, Value):
            raise TypeError(text("gc_not_value", kind=type(out).__name__))
        out.backward()
        analytic = [a.grad for a in args]
    elif len(analytic) != len(point):
        raise ValueError(text("gc_count", given=len(analytic), inputs=len(point)))
    numerical = numerical_grad(f, point, h)
    rows = []
    for name, x, a, n in zip(names, point, analytic, numerical):
        err = _relative_error(float(a), n)
        rows.append(GradCheckRow(name, x, float(a), n, err, err <= tolerance))
    return GradCheck(rows, tolerance)
