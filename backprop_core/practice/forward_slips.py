"""Slips in the forward pass: what a value would be with the typical precedence slip
(``1 / 1 + math.exp(-x)``, ``a + b / c``)."""

from __future__ import annotations

import math

from .circuit import Trace

__all__ = ["forward_hypotheses"]


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
