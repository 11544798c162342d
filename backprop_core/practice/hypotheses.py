"""Typical mistakes, each built into the reference backward pass where it could happen.

A *hypothesis* predicts what a reader's variable would hold if they had made
one particular mistake at one particular gate: ``ddot = f`` at the sigmoid
(the output where the local gradient belongs), a share lost at a fork (``=``
instead of ``+=``), the upstream gradient forgotten on one wire, the inputs
of a multiply gate swapped, and so on. The checker compares the reader's
numbers with these predictions at every test point; a hypothesis that matches
everywhere is the diagnosis.

Most mistakes change one gate's rule (a *rule*: the wrong local gradients of
that gate) and are played through the whole backward pass with
:func:`~backprop_core.practice.circuit.backward`, lazily and cached per point.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import combinations

from .. import ops
from .circuit import Edge, Trace, backward, share_values

__all__ = ["Entry", "Hypothesis", "close", "fmt", "forward_hypotheses", "hypotheses"]

# The largest relative difference that still counts as equal (float noise of a
# hand-written pass against the engine's is around 1e-15).
RELATIVE = 1e-6
ABSOLUTE = 1e-9

# The table's order: when several mistakes give the reader's numbers, the first wins.
ORDER = (
    "activation-as-local-gradient",
    "preactivation-in-local-gradient",
    "precedence",
    "swapped-inputs",
    "max-routing",
    "max-fixed-route",
    "fork-overwrite",
    "missing-upstream",
    "passed-through",
    "sign",
    "transposed",
    "stale-gradient",
)


def close(a: float, b: float) -> bool:
    return abs(a - b) <= ABSOLUTE + RELATIVE * max(abs(a), abs(b))


def fmt(x: float, other: float | None = None) -> str:
    """A number for messages, like the pages print them: 4 decimals (2.0596, -0.0358),
    trailing zeros dropped; more digits when needed to tell it from ``other``."""

    def text(value: float, digits: int) -> str:
        if value != 0 and abs(value) < 0.01:
            t = f"{value:.{digits - 1}g}"
        elif abs(value) >= 1e6:
            t = f"{value:.{digits}g}"
        else:
            t = f"{value:.{digits}f}".rstrip("0").rstrip(".")
        return "0" if t in ("-0", "") else t

    for digits in (4, 6, 8, 12, 17):
        shown = text(x, digits)
        if other is None or shown != text(other, digits):
            break
    return shown


@dataclass(frozen=True)
class Entry:
    """One number the reader must compute: ``dw[2]`` is the gradient of ``w[2]`` (node 4)."""

    name: str  # as the reader writes it: "dw[2]"
    var: str  # the reader's variable: "dw"
    of: str  # the circuit's name of what it is the gradient of ("" for a forward value)
    node: int


Rule = Callable[[Trace, int], dict[Edge, float]]  # (trace, gate) -> wrong local gradients
Fields = Callable[[int, Entry], dict[str, str]]  # (point, entry) -> message placeholders


@dataclass
class Hypothesis:
    """One mistake at one place.

    Either ``rule`` (a gate's wrong local gradients), ``no_upstream`` or
    ``keep`` change the backward pass, or ``values`` predicts entries directly.
    ``fields`` are the message's placeholders; a ``"gate"`` field holds an op
    name that the message translates.
    """

    key: str
    affected: frozenset[int]  # nodes whose gradient the mistake can change
    site: int = -1
    rule: Rule | None = None
    no_upstream: frozenset[Edge] = frozenset()
    keep: dict[int, frozenset[Edge]] | None = None
    values: Callable[[int, Entry], float | None] | None = None
    fields: dict[str, str] = field(default_factory=dict)
    more_fields: Fields | None = None
    traces: Sequence[Trace] = ()
    _cache: dict[int, list[float]] = field(default_factory=dict)

    def affects(self, entry: Entry) -> bool:
        return entry.node in self.affected

    def predict(self, point: int, entry: Entry) -> float | None:
        """What ``entry`` holds at ``point`` if the reader made this mistake."""
        if self.values is not None:
            return self.values(point, entry)
        if point not in self._cache:
            t = self.traces[point]
            local = self.rule(t, self.site) if self.rule is not None else None
            self._cache[point] = backward(
                t, local=local, no_upstream=self.no_upstream, keep=self.keep
            )
        return self._cache[point][entry.node]

    def message_fields(self, point: int, entry: Entry) -> dict[str, str]:
        """The placeholders of this mistake's message, with the numbers at ``point``."""
        found = dict(self.fields)
        if self.more_fields is not None:
            found.update(self.more_fields(point, entry))
        return found


# --- wrong local gradients, one function per mistake --------------------------------


def _output_as_slope(t: Trace, n: int) -> dict[Edge, float]:
    """``ddot = f``: the gate's output where its local gradient belongs."""
    return {(n, 0): t.data[n]}


def _slope_from_input(t: Trace, n: int) -> dict[Edge, float]:
    """σ' or tanh' computed from the gate's input instead of its output."""
    x = t.data[t.inputs[n][0]]
    op = t.ops[n]
    return {(n, 0): (1 - x) * x if op is not None and op.name == "sigmoid" else 1 - x * x}


def _one_minus_square(t: Trace, n: int) -> dict[Edge, float]:
    """``1 - s * s`` written for ``(1 - s) * s``."""
    return {(n, 0): 1 - t.data[n] * t.data[n]}


def _divisor_precedence(t: Trace, n: int) -> dict[Edge, float]:
    """``-a / b * b`` written for ``-a / (b * b)``: the local gradient becomes ``-a``."""
    if len(t.inputs[n]) == 2:
        return {(n, 1): -t.data[t.inputs[n][0]]}
    return {(n, 0): -1.0}


def _own_values(t: Trace, n: int) -> dict[Edge, float]:
    """A multiply gate that does not swap: each input times its own value."""
    return {(n, i): t.data[s] for i, s in enumerate(t.inputs[n])}


def _routed_to_loser(t: Trace, n: int) -> dict[Edge, float]:
    a, b = t.local[n]
    return {(n, 0): b, (n, 1): a}


def _routed_to(winner: int, t: Trace, n: int) -> dict[Edge, float]:
    return {(n, winner): 1.0, (n, 1 - winner): 0.0}


def _passed_through(t: Trace, n: int) -> dict[Edge, float]:
    """The gate treated like an add gate: local gradient 1 on every input."""
    return {(n, i): 1.0 for i in range(len(t.inputs[n]))}


def _negated(pos: int, t: Trace, n: int) -> dict[Edge, float]:
    return {(n, pos): -t.local[n][pos]}


# --- message fields that depend on the point --------------------------------------------


def _local_fields(traces: Sequence[Trace], n: int, point: int, entry: Entry) -> dict[str, str]:
    return {"local": ", ".join(fmt(x) for x in traces[point].local[n])}


def _upstream_fields(
    traces: Sequence[Trace], n: int, name: str | None, point: int, entry: Entry
) -> dict[str, str]:
    g = fmt(traces[point].truth[n])
    return {"upstream": f"`{name}` = {g}" if name else g}


def _fork_fields(traces: Sequence[Trace], n: int, point: int, entry: Entry) -> dict[str, str]:
    shares = share_values(traces[point], n)
    return {
        "name": traces[point].expression(n),
        "count": str(len(shares)),
        "shares": ", ".join(fmt(s) for s in shares),
    }


def _before(trace: Trace, node: int) -> frozenset[int]:
    """``node`` and every node whose gradient flows through it (a change here reaches them)."""
    seen = {node}
    stack = [node]
    while stack:
        for source in trace.inputs[stack.pop()]:
            if source not in seen:
                seen.add(source)
                stack.append(source)
    return frozenset(seen)


def hypotheses(traces: Sequence[Trace], entries: Sequence[Entry]) -> list[Hypothesis]:
    """Every place each mistake of the table could happen in this circuit, in table order."""
    t0 = traces[0]
    grad_names = {e.node: e.name for e in entries if e.of}
    found: list[Hypothesis] = []

    def at_gate(key: str, site: int, rule: Rule, **fields: str) -> None:
        affected = frozenset().union(*(_before(t0, s) for s in t0.inputs[site]))
        found.append(Hypothesis(key, affected, site, rule, fields=fields, traces=traces))

    for node, op in enumerate(t0.ops):
        if op is None:
            continue
        out = t0.expression(node)
        gate = t0.gate_text(node)
        args = [t0.expression(w) for w in t0.inputs[node]]
        if op.name in ("sigmoid", "tanh"):
            formula = f"`(1 - {out}) * {out}`" if op.name == "sigmoid" else f"`1 - {out}**2`"
            about = {"gate": op.name, "out": out, "inp": args[0], "formula": formula}
            at_gate("activation-as-local-gradient", node, _output_as_slope, **about)
            at_gate("preactivation-in-local-gradient", node, _slope_from_input, **about)
        if op.name == "sigmoid":
            at_gate(
                "precedence",
                node,
                _one_minus_square,
                wrong=f"1 - {out} * {out}",
                parsed=f"1 - ({out} * {out})",
                right=f"(1 - {out}) * {out}",
            )
        if op.name == "div" or (isinstance(op, ops.Power) and op.exponent == -1):
            a, b = (args[0], args[1]) if op.name == "div" else ("1", args[0])
            at_gate(
                "precedence",
                node,
                _divisor_precedence,
                wrong=f"-{a} / {b} * {b}",
                parsed=f"(-{a} / {b}) * {b}",
                right=f"-{a} / ({b} * {b})",
            )
        if op.name == "mul" and t0.inputs[node][0] != t0.inputs[node][1]:
            at_gate("swapped-inputs", node, _own_values, node=gate)
        if op.name == "max":
            at_gate("max-routing", node, _routed_to_loser, node=gate)
            for winner in (0, 1):
                at_gate(
                    "max-fixed-route",
                    node,
                    partial(_routed_to, winner),
                    node=gate,
                    inp=args[winner],
                )
        if op.name not in ("add", "sub", "neg", "relu"):
            at_gate("passed-through", node, _passed_through, gate=op.name, node=gate)
            found[-1].more_fields = partial(_local_fields, traces, node)
        for pos, source in enumerate(t0.inputs[node]):
            if any(not close(t.truth[node], 1.0) for t in traces):
                found.append(
                    Hypothesis(
                        "missing-upstream",
                        _before(t0, source),
                        node,
                        no_upstream=frozenset({(node, pos)}),
                        traces=traces,
                        more_fields=partial(_upstream_fields, traces, node, grad_names.get(node)),
                    )
                )
            negative = isinstance(op, ops.Power) and op.exponent < 0
            if op.name in ("div", "sub", "neg") or negative:
                at_gate("sign", node, partial(_negated, pos))

    for node in range(len(t0)):
        uses = t0.consumers[node]
        sizes = range(1, len(uses)) if len(uses) <= 4 else (1, len(uses) - 1)
        for size in sizes if len(uses) > 1 else ():
            for kept in combinations(uses, size):
                found.append(
                    Hypothesis(
                        "fork-overwrite",
                        _before(t0, node),
                        node,
                        keep={node: frozenset(kept)},
                        more_fields=partial(_fork_fields, traces, node),
                        traces=traces,
                    )
                )
    found += _transposed(traces, entries) + _stale(traces, entries)
    return sorted(found, key=lambda h: ORDER.index(h.key))


def _matrix_position(entry: Entry) -> tuple[int, ...]:
    return tuple(int(i) for i in entry.name[len(entry.var) :].strip("[]").split("]["))


def _transposed_value(
    traces: Sequence[Trace], grid: dict[tuple[int, ...], Entry], point: int, entry: Entry
) -> float | None:
    i, j = _matrix_position(entry)
    return traces[point].truth[grid[(j, i)].node]


def _transposed(traces: Sequence[Trace], entries: Sequence[Entry]) -> list[Hypothesis]:
    """A square gradient matrix with its rows and columns swapped."""
    found = []
    by_var: dict[str, list[Entry]] = {}
    for e in entries:
        if e.of and e.name.count("[") == 2:
            by_var.setdefault(e.var, []).append(e)
    for var, group in by_var.items():
        grid = {_matrix_position(e): e for e in group}
        size = max(i for i, _ in grid) + 1
        if size < 2 or set(grid) != {(i, j) for i in range(size) for j in range(size)}:
            continue
        found.append(
            Hypothesis(
                "transposed",
                frozenset(e.node for e in group),
                values=partial(_transposed_value, traces, grid),
                fields={"matrix": var, "of": group[0].of.split("[")[0]},
            )
        )
    return found


@dataclass
class _Earlier:
    """The gradients a ``backward()`` started at ``start`` leaves in the inputs."""

    traces: Sequence[Trace]
    start: int
    cache: dict[int, list[float]] = field(default_factory=dict)

    def grads(self, point: int) -> list[float]:
        if point not in self.cache:
            self.cache[point] = backward(self.traces[point], start=self.start)
        return self.cache[point]

    def stale(self, point: int, entry: Entry) -> float | None:
        return self.traces[point].truth[entry.node] + self.grads(point)[entry.node]

    def extra(self, point: int, entry: Entry) -> dict[str, str]:
        return {"extra": fmt(self.grads(point)[entry.node])}


def _stale(traces: Sequence[Trace], entries: Sequence[Entry]) -> list[Hypothesis]:
    """A gradient that still holds what an earlier ``backward()`` from some node left in it."""
    t0 = traces[0]
    leaves = frozenset(e.node for e in entries if e.of and t0.ops[e.node] is None)
    found = []
    for start in range(len(t0)) if leaves else ():
        if t0.ops[start] is not None:
            earlier = _Earlier(traces, start)
            found.append(
                Hypothesis(
                    "stale-gradient",
                    leaves & _before(t0, start),
                    values=earlier.stale,
                    more_fields=earlier.extra,
                )
            )
    return found


def forward_hypotheses(trace: Trace, node: int) -> list[tuple[float, dict[str, str]]]:
    """What a forward value would be with a precedence slip: ``1 / 1 + exp(-x)`` and the like."""
    op = trace.ops[node]
    found: list[tuple[float, dict[str, str]]] = []
    if op is None:
        return found
    wires = trace.inputs[node]
    args = [trace.expression(w) for w in wires]
    data = [trace.data[w] for w in wires]
    if op.name == "sigmoid":
        x = args[0]
        slip = 1.0 + math.exp(-data[0]) if data[0] > -700 else math.inf
        found.append(
            (
                slip,
                {
                    "wrong": f"1 / 1 + math.exp(-{x})",
                    "parsed": f"(1 / 1) + math.exp(-{x})",
                    "right": f"1 / (1 + math.exp(-{x}))",
                },
            )
        )
    for side in (0, 1) if op.name == "div" else ():
        total = wires[side]
        total_op = trace.ops[total]
        if total_op is None or total_op.name != "add" or trace.name(total) is not None:
            continue
        p, q = (trace.data[w] for w in trace.inputs[total])
        ep, eq = (trace.operand(w) for w in trace.inputs[total])
        other, eo = data[1 - side], trace.operand(wires[1 - side])
        if side == 0 and other != 0:
            wrong, parsed, right = (
                f"{ep} + {eq} / {eo}",
                f"{ep} + ({eq} / {eo})",
                f"({ep} + {eq}) / {eo}",
            )
            found.append((p + q / other, {"wrong": wrong, "parsed": parsed, "right": right}))
        elif side == 1 and p != 0:
            wrong, parsed, right = (
                f"{eo} / {ep} + {eq}",
                f"({eo} / {ep}) + {eq}",
                f"{eo} / ({ep} + {eq})",
            )
            found.append((other / p + q, {"wrong": wrong, "parsed": parsed, "right": right}))
    return found
