"""Step 3 of the circuit layout: order each column so that few wires cross.

See :mod:`backprop_core.draw.layout` for the whole method.
"""

from __future__ import annotations

import bisect

__all__ = ["SWEEPS", "crossings", "order_columns"]

SWEEPS = 6  # barycenter sweep pairs (down + up)


def order_columns(
    columns: list[list[int]],
    ups: list[list[tuple[int, float]]],
    downs: list[list[tuple[int, float]]],
) -> list[list[int]]:
    """Reorder each column by the barycenter of its neighbours; keep the fewest crossings."""
    pos = [0.0] * len(ups)

    def place(cols: list[list[int]]) -> None:
        for col in cols:
            for p, item in enumerate(col):
                pos[item] = p

    def sweep(cols: list[list[int]], todo: range, nbrs: list[list[tuple[int, float]]]) -> None:
        for r in todo:
            # A port offset breaks ties, so two wires into one gate keep their order.
            keys = {
                i: sum(pos[j] + off / 1000 for j, off in nbrs[i]) / len(nbrs[i])
                if nbrs[i]
                else pos[i]
                for i in cols[r]
            }
            cols[r].sort(key=lambda i: (keys[i], pos[i]))
            for p, item in enumerate(cols[r]):
                pos[item] = p

    best, cols = [list(c) for c in columns], [list(c) for c in columns]
    place(cols)
    fewest = crossings(cols, downs, pos)
    for _ in range(SWEEPS):
        if fewest == 0:
            break
        sweep(cols, range(1, len(cols)), [[(j, -off) for j, off in u] for u in ups])
        sweep(cols, range(len(cols) - 2, -1, -1), downs)
        count = crossings(cols, downs, pos)
        if count < fewest:
            best, fewest = [list(c) for c in cols], count
    return best


def crossings(cols: list[list[int]], downs: list[list[tuple[int, float]]], pos: list[float]) -> int:
    """How many pairs of wires cross between neighbouring columns (inversions, by bisection)."""
    total = 0
    for col in cols:
        ends = sorted((pos[i], pos[j] + off / 1000) for i in col for j, off in downs[i])
        seen: list[float] = []
        for _, end in ends:
            total += len(seen) - bisect.bisect_right(seen, end)
            bisect.insort(seen, end)
    return total
