"""Every place each typical mistake could happen in an exercise's circuit.

:func:`hypotheses` builds, for the reference circuit, one
:class:`~backprop_core.practice.hypothesis.Hypothesis` per mistake and place:
``ddot = f`` at the sigmoid (the output where the local gradient belongs), a
share lost at a fork (``=`` instead of ``+=``), the upstream gradient forgotten
on one wire, the inputs of a multiply gate swapped, and so on. The checker
compares the reader's numbers with these predictions at every test point; a
hypothesis that matches everywhere is the diagnosis.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from itertools import combinations

from .. import ops
from . import rules
from .circuit import Trace, share_values
from .hypothesis import Entry, Hypothesis, Rule, before
from .numbers import close, fmt
from .predicted import stale, transposed

__all__ = ["ORDER", "hypotheses"]

# The table's order: when several mistakes give the reader's numbers, the first wins.
ORDER = (
    "activation-as-local-gradient",
    "preactivation-in-local-gradient",
    "precedence",
    "one-minus-square",
    "swapped-inputs",
    "max-routing",
    "max-fixed-route",
    "fork-overwrite",
    "fork-multiplied",
    "missing-upstream",
    "passed-through",
    "sign",
    "transposed",
    "stale-gradient",
)


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


def hypotheses(traces: Sequence[Trace], entries: Sequence[Entry]) -> list[Hypothesis]:
    """Every place each mistake of the table could happen in this circuit, in table order."""
    t0 = traces[0]
    grad_names = {e.node: e.name for e in entries if e.of}
    found: list[Hypothesis] = []

    def at_gate(key: str, site: int, rule: Rule, **fields: str) -> None:
        affected = frozenset().union(*(before(t0, s) for s in t0.inputs[site]))
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
            at_gate("activation-as-local-gradient", node, rules.output_as_slope, **about)
            at_gate("preactivation-in-local-gradient", node, rules.slope_from_input, **about)
            if op.name == "sigmoid":
                for first in (True, False):
                    rule = partial(rules.mixed_slope, first)
                    at_gate("preactivation-in-local-gradient", node, rule, **about)
        if op.name == "sigmoid":
            at_gate(  # `1 - f * f`: a precedence slip, or tanh's local gradient 1 - f**2
                "one-minus-square",
                node,
                rules.one_minus_square,
                out=out,
                right=f"(1 - {out}) * {out}",
            )
        if op.name == "div" or (isinstance(op, ops.Power) and op.exponent == -1):
            a, b = (args[0], args[1]) if op.name == "div" else ("1", args[0])
            at_gate(
                "precedence",
                node,
                rules.divisor_precedence,
                wrong=f"-{a} / {b} * {b}",
                parsed=f"(-{a} / {b}) * {b}",
                right=f"-{a} / ({b} * {b})",
            )
        divisor = t0.inputs[node][1] if op.name == "div" else None
        divisor_op = t0.ops[divisor] if divisor is not None else None
        if divisor is not None and divisor_op is not None and divisor_op.name == "add":
            p, q = (t0.operand(s) for s in t0.inputs[divisor])
            at_gate(
                "precedence",
                node,
                rules.sum_divisor_precedence,
                wrong=f"1 / {p} + {q}",
                parsed=f"(1 / {p}) + {q}",
                right=f"1 / ({p} + {q})",
            )
        if op.name == "mul" and t0.inputs[node][0] != t0.inputs[node][1]:
            at_gate("swapped-inputs", node, rules.own_values, node=gate)
        if op.name == "max":
            at_gate("max-routing", node, rules.routed_to_loser, node=gate)
            for winner in (0, 1):
                at_gate(
                    "max-fixed-route",
                    node,
                    partial(rules.routed_to, winner),
                    node=gate,
                    inp=args[winner],
                )
        if op.name not in ("add", "sub", "neg", "relu"):
            at_gate("passed-through", node, rules.passed_through, gate=op.name, node=gate)
            found[-1].more_fields = partial(_local_fields, traces, node)
        for pos, source in enumerate(t0.inputs[node]):
            if any(not close(t.truth[node], 1.0) for t in traces):
                found.append(
                    Hypothesis(
                        "missing-upstream",
                        before(t0, source),
                        node,
                        no_upstream=frozenset({(node, pos)}),
                        traces=traces,
                        more_fields=partial(_upstream_fields, traces, node, grad_names.get(node)),
                    )
                )
            negative = isinstance(op, ops.Power) and op.exponent < 0
            if op.name in ("div", "sub", "neg") or negative:
                at_gate("sign", node, partial(rules.negated, pos))

    for node in range(len(t0)):
        uses = t0.consumers[node]
        sizes = range(1, len(uses)) if len(uses) <= 4 else (1, len(uses) - 1)
        for size in sizes if len(uses) > 1 else ():
            for kept in combinations(uses, size):
                found.append(
                    Hypothesis(
                        "fork-overwrite",
                        before(t0, node),
                        node,
                        keep={node: frozenset(kept)},
                        more_fields=partial(_fork_fields, traces, node),
                        traces=traces,
                    )
                )
        if len(uses) > 1:
            found.append(
                Hypothesis(
                    "fork-multiplied",
                    before(t0, node),
                    node,
                    multiplied=frozenset({node}),
                    more_fields=partial(_fork_fields, traces, node),
                    traces=traces,
                )
            )
    found += transposed(traces, entries) + stale(traces, entries)
    return sorted(found, key=lambda h: ORDER.index(h.key))
