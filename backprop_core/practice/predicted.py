"""Mistakes whose numbers are predicted directly, not played through one gate:
a square gradient matrix transposed, a gradient that still holds what an
earlier ``backward()`` left in it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

from .circuit import Trace, backward
from .hypothesis import Entry, Hypothesis, before
from .numbers import fmt

__all__ = ["stale", "transposed"]


def _matrix_position(entry: Entry) -> tuple[int, ...]:
    return tuple(int(i) for i in entry.name[len(entry.var) :].strip("[]").split("]["))


def _transposed_value(
    traces: Sequence[Trace], grid: dict[tuple[int, ...], Entry], point: int, entry: Entry
) -> float | None:
    i, j = _matrix_position(entry)
    return traces[point].truth[grid[(j, i)].node]


def transposed(traces: Sequence[Trace], entries: Sequence[Entry]) -> list[Hypothesis]:
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


def stale(traces: Sequence[Trace], entries: Sequence[Entry]) -> list[Hypothesis]:
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
                    leaves & before(t0, start),
                    values=earlier.stale,
                    more_fields=earlier.extra,
                )
            )
    return found
