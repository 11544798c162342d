"""What one hypothesis is: a typical mistake at one place, and what it predicts.

A *hypothesis* predicts what a reader's variable would hold if they had made
one particular mistake at one particular place. Most change one gate's rule
(the wrong local gradients of that gate, :mod:`~backprop_core.practice.rules`)
and are played through the whole backward pass with
:func:`~backprop_core.practice.circuit.backward`, lazily and cached per point;
others predict the reader's numbers directly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .circuit import Edge, Trace, backward

__all__ = ["Entry", "Fields", "Hypothesis", "Rule", "before"]


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

    Either ``rule`` (a gate's wrong local gradients), ``no_upstream``,
    ``keep`` or ``multiplied`` change the backward pass, or ``values`` predicts entries directly.
    ``fields`` are the message's placeholders; a ``"gate"`` field holds an op
    name that the message translates.
    """

    key: str
    affected: frozenset[int]  # nodes whose gradient the mistake can change
    site: int = -1
    rule: Rule | None = None
    no_upstream: frozenset[Edge] = frozenset()
    keep: dict[int, frozenset[Edge]] | None = None
    multiplied: frozenset[int] = frozenset()
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
                t,
                local=local,
                no_upstream=self.no_upstream,
                keep=self.keep,
                multiplied=self.multiplied,
            )
        return self._cache[point][entry.node]

    def message_fields(self, point: int, entry: Entry) -> dict[str, str]:
        """The placeholders of this mistake's message, with the numbers at ``point``."""
        found = dict(self.fields)
        if self.more_fields is not None:
            found.update(self.more_fields(point, entry))
        return found


def before(trace: Trace, node: int) -> frozenset[int]:
    """``node`` and every node whose gradient flows through it (a change here reaches them)."""
    seen = {node}
    stack = [node]
    while stack:
        for source in trace.inputs[stack.pop()]:
            if source not in seen:
                seen.add(source)
                stack.append(source)
    return frozenset(seen)
