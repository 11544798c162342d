"""Walking a graph: topological order without recursion, and a plain trace of it.

The trace is what diagrams and step-by-step explanations are drawn from: for
each node, the gate that made it, the nodes it came from, its value and its
gradient.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .value import Value

__all__ = ["Node", "topological_order", "trace"]


def topological_order(root: Value) -> list[Value]:
    """Every node ``root`` depends on, inputs first, ``root`` last.

    A depth-first walk, left input first, with an explicit stack instead of
    recursion, so graphs of any depth work: a node is emitted once all its
    inputs are.

    Examples:
        >>> from backprop_core import Value
        >>> x = Value(2.0, label="x")
        >>> [v.label or (v.op.name if v.op else v.data) for v in topological_order(x * x + 1)]
        ['x', 'mul', 1.0, 'add']
    """
    order: list[Value] = []
    seen = {root}
    visit, emit = seen.add, order.append
    # Each entry: a node whose inputs are being visited, and an iterator over them.
    stack = [(root, iter(root._prev))]
    push, pop = stack.append, stack.pop
    while stack:
        node, inputs = stack[-1]
        for child in inputs:
            if child not in seen:
                visit(child)
                if child._prev:
                    push((child, iter(child._prev)))  # visit its inputs before going on
                    break
                emit(child)  # an input: nothing to wait for
        else:  # every input of node is emitted
            pop()
            emit(node)
    return order


class Node(NamedTuple):
    """One node of a traced graph.

    Attributes:
        index: position in topological order (inputs come first).
        op: the gate's name (``"mul"``, ``"add"``, ...) or None for an input.
        symbol: how the gate is drawn (``"×"``, ``"+"``, ``"σ"``, ...), "" for an input.
        inputs: indices of the nodes this one was computed from.
        data: the forward value.
        grad: the gradient d(root)/d(node) from the last ``backward()``.
        label: the Value's label, or None.
    """

    index: int  # type: ignore[assignment]  # (shadows tuple.index, on purpose: it reads well)
    op: str | None
    symbol: str
    inputs: tuple[int, ...]
    data: float
    grad: float
    label: str | None


def trace(root: Value) -> list[Node]:
    """The nodes of ``root``'s graph in topological order, as plain records.

    Examples:
        >>> from backprop_core import Value
        >>> x, y = Value(3.0, label="x"), Value(-4.0, label="y")
        >>> f = x * y; f.label = "f"; f.backward()
        >>> for node in trace(f): print(node)
        Node(index=0, op=None, symbol='', inputs=(), data=3.0, grad=-4.0, label='x')
        Node(index=1, op=None, symbol='', inputs=(), data=-4.0, grad=3.0, label='y')
        Node(index=2, op='mul', symbol='×', inputs=(0, 1), data=-12.0, grad=1.0, label='f')
    """
    order = topological_order(root)
    index = {id(v): i for i, v in enumerate(order)}
    return [
        Node(
            index=i,
            op=v._op.name if v._op is not None else None,
            symbol=v._op.symbol if v._op is not None else "",
            inputs=tuple(index[id(p)] for p in v._prev),
            data=v.data,
            grad=v.grad,
            label=v.label,
        )
        for i, v in enumerate(order)
    ]
