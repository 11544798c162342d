"""``Value``: a scalar that remembers how it was computed, so it can be differentiated.

Every arithmetic operation on Values builds a node of a computational graph:
the node stores its result (``data``), the op that made it and its inputs. No
closures are stored, so a graph has no reference cycles and is freed as soon as
the last reference to it goes, without waiting for Python's cyclic garbage
collector. ``backward()`` walks the graph once in reverse topological order and
applies the chain rule at each gate: gradient = local gradient × upstream gradient.

Longer than 300 lines: it is the whole class, one method per gate, each with
its example (a doctest), so the concept reads top to bottom in one file. The
rules themselves are in :mod:`backprop_core.ops`; bad input is explained by
:mod:`backprop_core.errors`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from numbers import Real
from typing import TYPE_CHECKING, TypeAlias

from . import ops
from .deep_graphs import free_deep_graphs_in_pyodide
from .errors import as_float, check_label, not_an_operand, operand, sequence_of_operands
from .graph import topological_order, trace
from .language import gate_error

if TYPE_CHECKING:
    from .graph import Node

__all__ = ["Value"]

Number: TypeAlias = int | float
Operand: TypeAlias = "Value | int | float"

_MUL, _ADD, _SUB, _DIV, _MAX, _POW = ops.MUL, ops.ADD, ops.SUB, ops.DIV, ops.MAX, ops.POW
_SUM, _DOT, _LOGSUMEXP = ops.SUM, ops.DOT, ops.LOGSUMEXP
_NEG, _EXP, _LOG, _TANH = ops.NEG, ops.EXP, ops.LOG, ops.TANH
_SIGMOID, _RELU, _SOFTPLUS = ops.SIGMOID, ops.RELU, ops.SOFTPLUS


@free_deep_graphs_in_pyodide
class Value:
    """A scalar node of a computational graph, with its value and its gradient.

    Args:
        data: the number this node holds (any finite int or float).
        label: an optional name, shown in diagrams and traces.

    Values combine with each other and with plain numbers on either side:

    >>> x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
    >>> f = (x + y) * z
    >>> f
    Value(data=-12.0, grad=0.0)
    >>> f.backward()
    >>> x.grad, y.grad, z.grad
    (-4.0, -4.0, 3.0)

    ``backward()`` accumulates like PyTorch: a second call adds the new
    gradients of the inputs to the old ones (inner nodes are recomputed, not
    counted twice). ``zero_grad()`` resets them.

    >>> a = Value(3.0)
    >>> c = a * a + 1
    >>> c.backward(); c.backward()
    >>> a.grad
    12.0
    >>> c.zero_grad(); c.backward(); a.grad
    6.0

    NaN and infinity are refused: ``Value(float("nan"))`` raises ValueError, and
    a gate whose result would overflow raises an error naming the gate.
    """

    __slots__ = ("_label", "_op", "_prev", "data", "grad")

    data: float
    grad: float
    _label: str | None
    _prev: tuple[Value, ...]
    _op: ops.Op | None

    def __init__(
        self,
        data: Number,
        label: str | None = None,
        _prev: tuple[Value, ...] = (),
        _op: ops.Op | None = None,
    ) -> None:
        if type(data) is not float or data - data != 0.0:
            if _op is None:
                data = as_float(data)
            else:
                ops.check_finite(_op, tuple(p.data for p in _prev), float(data))
        if label is not None:
            check_label(label)
        self.data = data
        self.grad = 0.0
        self._label = label
        self._prev = _prev
        self._op = _op

    @property
    def label(self) -> str | None:
        """An optional name, shown in diagrams and traces (a string, or None)."""
        return self._label

    @label.setter
    def label(self, label: str | None) -> None:
        check_label(label)
        self._label = label

    # --- graph structure ---------------------------------------------------

    @property
    def op(self) -> ops.Op | None:
        """The gate that computed this Value, or None for an input."""
        return self._op

    @property
    def inputs(self) -> tuple[Value, ...]:
        """The Values this one was computed from (empty for an input)."""
        return self._prev

    # --- binary gates ------------------------------------------------------

    def __add__(self, other: Operand) -> Value:
        if not isinstance(other, Value):
            other = Value(operand(other, _ADD))
        return Value(self.data + other.data, None, (self, other), _ADD)

    def __radd__(self, other: Number) -> Value:
        return Value(operand(other, _ADD)) + self

    def __sub__(self, other: Operand) -> Value:
        if not isinstance(other, Value):
            other = Value(operand(other, _SUB))
        return Value(self.data - other.data, None, (self, other), _SUB)

    def __rsub__(self, other: Number) -> Value:
        return Value(operand(other, _SUB)) - self

    def __mul__(self, other: Operand) -> Value:
        if not isinstance(other, Value):
            other = Value(operand(other, _MUL))
        return Value(self.data * other.data, None, (self, other), _MUL)

    def __rmul__(self, other: Number) -> Value:
        return Value(operand(other, _MUL)) * self

    def __truediv__(self, other: Operand) -> Value:
        if not isinstance(other, Value):
            other = Value(operand(other, _DIV))
        return Value(_DIV.forward(self.data, other.data), None, (self, other), _DIV)

    def __rtruediv__(self, other: Number) -> Value:
        return Value(operand(other, _DIV)) / self

    def __pow__(self, other: Operand) -> Value:
        if isinstance(other, Value):
            return Value(_POW.forward(self.data, other.data), None, (self, other), _POW)
        if not isinstance(other, Real) or isinstance(other, bool):
            kind = type(other).__name__
            raise TypeError(gate_error("pow", "pow_exponent", kind=kind, other=repr(other)))
        op = ops.power(other)
        return Value(op.forward(self.data), None, (self,), op)

    def __rpow__(self, other: Number) -> Value:
        return Value(operand(other, _POW)) ** self

    def max(self, other: Operand) -> Value:
        """The max gate: the larger of the two; its gradient goes to the larger input.

        On a tie the first input (``self``) gets the whole gradient.

        >>> x, y = Value(4.0), Value(2.0)
        >>> m = x.max(y); m.backward(); (m.data, x.grad, y.grad)
        (4.0, 1.0, 0.0)
        """
        if not isinstance(other, Value):
            other = Value(operand(other, _MAX))
        return Value(_MAX.forward(self.data, other.data), None, (self, other), _MAX)

    # --- unary gates -------------------------------------------------------

    def __neg__(self) -> Value:
        return Value(_NEG.forward(self.data), None, (self,), _NEG)

    def exp(self) -> Value:
        """e ** self. Raises OverflowError above about 709.78."""
        return Value(_EXP.forward(self.data), None, (self,), _EXP)

    def log(self) -> Value:
        """Natural logarithm; the input must be positive."""
        return Value(_LOG.forward(self.data), None, (self,), _LOG)

    def tanh(self) -> Value:
        """Hyperbolic tangent."""
        return Value(_TANH.forward(self.data), None, (self,), _TANH)

    def sigmoid(self) -> Value:
        """σ(self) = 1 / (1 + e^-self), without overflow for any input.

        >>> Value(-1000.0).sigmoid().data, Value(1000.0).sigmoid().data
        (0.0, 1.0)
        """
        return Value(_SIGMOID.forward(self.data), None, (self,), _SIGMOID)

    def relu(self) -> Value:
        """max(0, self); the gradient at 0 is 0."""
        return Value(_RELU.forward(self.data), None, (self,), _RELU)

    def softplus(self) -> Value:
        """ln(1 + e^self), without overflow; its local gradient is σ(self).

        The binary cross-entropy of a score z with label y in {0, 1} is
        ``z.softplus() - y * z``: exact for any z, where ``-log(σ(z))`` fails
        once σ(z) rounds to 1.0 (from z ≈ 37 on).

        >>> z = Value(40.0); loss = z.softplus() - 0.0 * z; loss.backward()
        >>> loss.data, z.grad
        (40.0, 1.0)
        """
        return Value(_SOFTPLUS.forward(self.data), None, (self,), _SOFTPLUS)

    # --- gates with any number of inputs --------------------------------------

    @staticmethod
    def sum(values: Iterable[Operand]) -> Value:
        """x₁ + … + xₙ as one gate (one node, not n - 1); each input's local gradient is 1.

        >>> xs = [Value(1.0), Value(2.0), Value(3.5)]
        >>> s = Value.sum(xs); s.backward()
        >>> s.data, [x.grad for x in xs]
        (6.5, [1.0, 1.0, 1.0])
        """
        prev = _values(values, _SUM)
        return Value(_SUM.forward([v.data for v in prev]), None, prev, _SUM)

    @staticmethod
    def dot(weights: Iterable[Operand], inputs: Iterable[Operand]) -> Value:
        """w₁x₁ + … + wₙxₙ as one gate; d/dwᵢ = xᵢ and d/dxᵢ = wᵢ, as for a multiply gate.

        >>> w, x = [Value(2.0), Value(-3.0)], [Value(-1.0), Value(-2.0)]
        >>> d = Value.dot(w, x); d.backward()
        >>> d.data, [v.grad for v in w], [v.grad for v in x]
        (4.0, [-1.0, -2.0], [2.0, -3.0])
        """
        ws = _values(weights, _DOT, "weights")
        xs = _values(inputs, _DOT, "inputs")
        if len(ws) != len(xs):
            raise ValueError(gate_error("dot", "dot_count", weights=len(ws), inputs=len(xs)))
        prev = list(ws + xs)
        prev[0::2], prev[1::2] = ws, xs  # in pairs: w₁, x₁, w₂, x₂, …
        return Value(_DOT.forward([v.data for v in prev]), None, tuple(prev), _DOT)

    @staticmethod
    def logsumexp(values: Iterable[Operand]) -> Value:
        """ln(e^x₁ + … + e^xₙ) as one gate, stable for any scores; its local gradients are
        the softmax.

        The cross-entropy of scores s with the right class k is
        ``Value.logsumexp(s) - s[k]``.

        >>> s = [Value(1000.0), Value(1000.0)]
        >>> lse = Value.logsumexp(s); lse.backward()
        >>> round(lse.data - 1000.0, 4), [v.grad for v in s]
        (0.6931, [0.5, 0.5])
        """
        prev = _values(values, _LOGSUMEXP)
        return Value(_LOGSUMEXP.forward([v.data for v in prev]), None, prev, _LOGSUMEXP)

    @staticmethod
    def softmax(values: Iterable[Operand]) -> list[Value]:
        """The probabilities e^xᵢ / Σ e^xⱼ, as e^(xᵢ - logsumexp(x)): no new gate, no overflow.

        >>> tuple(round(p.data, 4) for p in Value.softmax([1.0, 2.0, 3.0]))
        (0.09, 0.2447, 0.6652)
        """
        xs = _values(values, _LOGSUMEXP)
        lse = Value(_LOGSUMEXP.forward([v.data for v in xs]), None, xs, _LOGSUMEXP)
        return [(x - lse).exp() for x in xs]

    # --- backpropagation ---------------------------------------------------

    def backward(self) -> None:
        """Fill in ``grad`` of every node of this Value's graph: d(self)/d(node).

        Starts from d(self)/d(self) = 1 and visits the gates in reverse
        topological order (built without recursion, so a chain of a million
        gates works). Where a Value feeds several gates, its gradients add up.

        Inner nodes are recomputed on every call; input Values (those not
        computed from others) accumulate across calls, as in PyTorch.
        """
        order = topological_order(self)
        for node in order:
            if node._op is not None:
                node.grad = 0.0
        self.grad += 1.0
        for node in reversed(order):
            op = node._op
            g = node.grad
            if op is None or g == 0.0:
                continue
            prev = node._prev
            arity = op.arity
            if arity == 2:
                a, b = prev
                da, db = op.local_grads(a.data, b.data, node.data)  # type: ignore[attr-defined]
                a.grad += da * g
                b.grad += db * g
            elif arity == 1:
                a = prev[0]
                a.grad += op.local_grad(a.data, node.data) * g  # type: ignore[attr-defined]
            else:  # a gate with any number of inputs
                local = op.local_grads([p.data for p in prev], node.data)  # type: ignore[attr-defined]
                for p, d in zip(prev, local):
                    p.grad += d * g

    def zero_grad(self) -> None:
        """Set ``grad`` to 0 on every node of this Value's graph, inputs included."""
        for node in topological_order(self):
            node.grad = 0.0

    def trace(self) -> list[Node]:
        """The graph's nodes in topological order (see :func:`backprop_core.graph.trace`)."""
        return trace(self)

    # --- display -------------------------------------------------------------

    def __repr__(self) -> str:
        extra = f", label={self.label!r}" if self.label is not None else ""
        return f"Value(data={self.data!r}, grad={self.grad!r}{extra})"

    def __format__(self, spec: str) -> str:
        """``f"{v:.4f}"`` formats ``v.data``; an empty spec gives the repr."""
        return format(self.data, spec) if spec else repr(self)

    def _repr_svg_(self) -> str | None:
        """The circuit that computed this Value, as SVG (how notebooks and the site show it).

        See :func:`backprop_core.draw.draw_svg`; call ``backward()`` first to see
        gradients. None for a graph too big to read (more than
        ``draw.DRAW_LIMIT`` nodes), so the text repr is shown instead.
        """
        drawing = importlib.import_module("backprop_core.draw")  # the engine imports no drawing
        return drawing.repr_svg(self)  # type: ignore[no-any-return]


def _values(values: object, op: ops.NaryOp, what: str = "values") -> tuple[Value, ...]:
    """The inputs of a many-input gate as Values (numbers become constants), or a clear error."""
    items = sequence_of_operands(values, op)
    for v in items:
        if not isinstance(v, Value):
            break
    else:
        return items  # type: ignore[return-value]  # the usual case: Values only
    out = []
    for i, v in enumerate(items):
        if isinstance(v, Value):
            out.append(v)
        elif type(v) is float:  # a data point's coordinate: the common case, checked fast
            out.append(Value(v))
        elif isinstance(v, Real) and not isinstance(v, bool):
            out.append(Value(float(v)))
        else:
            raise not_an_operand(v, op, what, i)
    return tuple(out)
