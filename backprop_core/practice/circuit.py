"""The exercise's reference circuit, traced into plain numbers at one point.

An exercise describes its function once, with :class:`~backprop_core.Value`s;
calling it at a point builds the graph, and :func:`trace_circuit` copies that
graph into a :class:`Trace`: for every node its gate, its inputs, its value and
its local gradients. Everything the checker does afterwards is arithmetic on
these floats — the truth (an ordinary backward pass) and the *mutants*: the
same backward pass with one typical mistake built in (see
:mod:`backprop_core.practice.hypotheses`). Tracing happens before the reader's
code runs, so nothing that code does to ``Value`` can change the truth.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeAlias

from .. import ops
from ..graph import topological_order
from ..text import format_number
from ..value import Value
from .nested import Nested, flatten, paths, shape_of

__all__ = [
    "Edge",
    "Nested",
    "Trace",
    "backward",
    "flatten",
    "paths",
    "shape_of",
    "trace_circuit",
]

# (node, position of the input): one wire into a gate, seen from the gate.
Edge: TypeAlias = tuple[int, int]
Circuit: TypeAlias = Callable[..., Mapping[str, object]]


def _wrap(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return [_wrap(item) for item in value]
    return Value(float(value))  # type: ignore[arg-type]


def _map_nested(value: object, leaf: Callable[[object], int]) -> object:
    if isinstance(value, (list, tuple)):
        return [_map_nested(item, leaf) for item in value]
    return leaf(value)


@dataclass
class Trace:
    """The reference circuit at one point, as plain data (inputs before the gates using them)."""

    ops: list[ops.Op | None]
    inputs: list[tuple[int, ...]]
    data: list[float]
    local: list[tuple[float, ...]]
    output: int
    named: dict[str, object]  # name -> node index, or nested list of indices
    consumers: list[list[Edge]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.consumers = [[] for _ in self.data]
        for node, wires in enumerate(self.inputs):
            for pos, source in enumerate(wires):
                self.consumers[source].append((node, pos))
        self._truth: list[float] | None = None
        self._names = {
            node: name
            for name, value in self.named.items()
            for node, name in zip(flatten(value), _indexed(name, value))
            if isinstance(node, int)
        }

    def __len__(self) -> int:
        return len(self.data)

    @property
    def truth(self) -> list[float]:
        """d(output)/d(node) for every node: the backward pass without mistakes."""
        if self._truth is None:
            self._truth = backward(self)
        return self._truth

    def signature(self) -> tuple[tuple[str | None, tuple[int, ...]], ...]:
        """The graph's structure without numbers: the same at every point, or the
        exercise's circuit branches on its inputs (which the checker cannot follow)."""
        return tuple(
            (op.name if op is not None else None, wires) for op, wires in zip(self.ops, self.inputs)
        )

    def name(self, node: int) -> str | None:
        """The exercise's name for a node (``"dot"``, ``"w[0]"``), if it has one."""
        return self._names.get(node)

    def gate_text(self, node: int) -> str:
        """A gate for messages: ``q = x * y`` if the node has a name, else ``x * y``."""
        name = self.name(node)
        formula = self.expression(node, named=False)
        return f"{name} = {formula}" if name is not None else formula

    def expression(self, node: int, depth: int = 3, named: bool = True) -> str:
        """Python-like text of how a node was computed, for messages: ``w[0] * x[0]``."""
        name = self.name(node)
        if name is not None and named:
            return name
        op = self.ops[node]
        if op is None:
            return format_number(self.data[node])
        if depth == 0:
            return "…"
        args = [self.expression(source, depth - 1) for source in self.inputs[node]]
        args = [
            f"({a})"
            if self.ops[s] is not None and self.name(s) is None and len(self.inputs[s]) == 2
            else a
            for a, s in zip(args, self.inputs[node])
        ]
        symbol = _CODE.get(op.name)
        if len(args) == 2 and symbol:
            return f"{args[0]} {symbol} {args[1]}"
        if op.name == "neg":
            return f"-{args[0]}"
        if isinstance(op, ops.Power):
            return f"{args[0]}**{format_number(op.exponent)}"
        return f"{op.name}({', '.join(args)})"

    def operand(self, node: int) -> str:
        """The expression of ``node`` as an operand: in parentheses if it is a sum or product."""
        text = self.expression(node)
        op = self.ops[node]
        plain = self.name(node) is not None or op is None or len(self.inputs[node]) < 2
        return text if plain else f"({text})"

    def upstream_of(self, node: int) -> Iterator[int]:
        """Every node whose gradient ``node``'s gradient depends on, ``node`` included:
        the nodes on its paths to the output."""
        seen = {node}
        stack = [node]
        while stack:
            for consumer, _ in self.consumers[stack.pop()]:
                if consumer not in seen:
                    seen.add(consumer)
                    stack.append(consumer)
        return iter(seen)


_CODE = {"add": "+", "sub": "-", "mul": "*", "div": "/", "pow": "**"}


def _indexed(name: str, value: object) -> list[str]:
    return [name + suffix for suffix in paths(value)]


def trace_circuit(circuit: Circuit, point: Mapping[str, object]) -> Trace:
    """Call ``circuit`` on Values made from ``point`` and trace the graph it builds.

    The circuit returns a dict of named Values (its forward values, in order);
    the last one is the output. Inputs keep their names: ``w[0]``, ``w[1]`` …
    """
    inputs = {name: _wrap(value) for name, value in point.items()}
    named_values = dict(circuit(**inputs))
    if not named_values:
        raise ValueError("an exercise's circuit must return a dict of named Values")
    out = list(named_values.values())[-1]
    if not isinstance(out, Value):
        raise TypeError(f"the circuit's last named value must be a Value, got {out!r}")
    order = topological_order(out)
    index = {id(v): i for i, v in enumerate(order)}
    for value in [*inputs.values(), *named_values.values()]:
        for leaf in flatten(value):
            if isinstance(leaf, Value) and id(leaf) not in index:
                # Not on any path to the output (its gradient is 0): traced after it.
                for v in topological_order(leaf):
                    if id(v) not in index:
                        index[id(v)] = len(order)
                        order.append(v)

    def node_of(leaf: object) -> int:
        if not isinstance(leaf, Value):
            raise TypeError(f"the circuit's named values must be Values, got {leaf!r}")
        return index[id(leaf)]

    named = {name: _map_nested(value, node_of) for name, value in inputs.items()}
    named.update({name: _map_nested(value, node_of) for name, value in named_values.items()})
    local: list[tuple[float, ...]] = []
    for v in order:
        op = v.op
        if isinstance(op, ops.BinaryOp):
            a, b = v.inputs
            local.append(op.local_grads(a.data, b.data, v.data))
        elif isinstance(op, ops.UnaryOp):
            local.append((op.local_grad(v.inputs[0].data, v.data),))
        else:
            local.append(())
    return Trace(
        ops=[v.op for v in order],
        inputs=[tuple(index[id(p)] for p in v.inputs) for v in order],
        data=[v.data for v in order],
        local=local,
        output=index[id(out)],
        named=named,
    )


def backward(
    trace: Trace,
    *,
    start: int | None = None,
    local: Mapping[Edge, float] | None = None,
    no_upstream: frozenset[Edge] = frozenset(),
    keep: Mapping[int, frozenset[Edge]] | None = None,
    multiplied: frozenset[int] = frozenset(),
) -> list[float]:
    """A backward pass over the trace, optionally with mistakes built in.

    Args:
        start: the node whose gradient is seeded with 1 (default: the output).
        local: local gradients to use instead of the right ones, per wire.
        no_upstream: wires whose share is the local gradient alone, not
            local × upstream (a forgotten upstream gradient).
        keep: for a node, the wires whose shares it keeps; the others are
            lost (``=`` where ``+=`` belongs).
        multiplied: nodes whose shares are multiplied together instead of
            added up (``*=`` where ``+=`` belongs).

    Returns:
        d(start)/d(node) for every node, as this (possibly mistaken) pass computes it.
    """
    start = trace.output if start is None else start
    local = local or {}
    n = len(trace.data)
    if not keep and not multiplied:
        return _backward_plain(trace, start, local, no_upstream)
    keep = keep or {}
    grad = [0.0] * n
    shares: list[list[tuple[Edge, float]]] = [[] for _ in range(n)]
    for node in range(n - 1, -1, -1):
        if node == start:
            g = 1.0
        elif not shares[node]:
            continue  # not on a path from start: no gradient, nothing to send
        elif node in multiplied:
            g = math.prod(s for _, s in shares[node])
        else:
            kept = keep.get(node)
            g = sum(s for edge, s in shares[node] if kept is None or edge in kept)
        grad[node] = g
        for pos, source in enumerate(trace.inputs[node]):
            edge = (node, pos)
            slope = local.get(edge, trace.local[node][pos])
            shares[source].append((edge, slope if edge in no_upstream else slope * g))
    return grad


def _backward_plain(
    trace: Trace, start: int, local: Mapping[Edge, float], no_upstream: frozenset[Edge]
) -> list[float]:
    """:func:`backward` without lost shares: gradients add up as they arrive."""
    grad = [0.0] * len(trace.data)
    reached = [False] * len(trace.data)
    grad[start] = 1.0
    reached[start] = True
    inputs, slopes = trace.inputs, trace.local
    for node in range(start, -1, -1):
        if not reached[node]:
            continue
        g = grad[node]
        for pos, source in enumerate(inputs[node]):
            edge = (node, pos)
            slope = local.get(edge, slopes[node][pos]) if local else slopes[node][pos]
            grad[source] += slope if edge in no_upstream else slope * g
            reached[source] = True
    return grad


def share_values(trace: Trace, node: int) -> list[float]:
    """What each use of ``node`` sends back to it (they add up to its gradient)."""
    truth = trace.truth
    return [trace.local[c][pos] * truth[c] for c, pos in trace.consumers[node]]
