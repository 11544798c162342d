"""Step 4 of the circuit layout: heights that keep the order, leave room, and straighten wires.

See :mod:`backprop_core.draw.layout` for the whole method.
"""

from __future__ import annotations

import math
from itertools import pairwise

from .columns import Chain, Items

__all__ = ["PASSES", "SEP", "assign_heights", "spread", "straighten"]

SEP = 8.0  # px, vertical space between two items of a column
PASSES = 6  # height-assignment sweep pairs


def assign_heights(columns: list[list[int]], items: Items) -> list[float]:
    """Centre heights: each item near its neighbours, in order, ``SEP`` apart.

    Sweeps alternate right and left. A wire's virtual items follow the
    neighbour on the side the sweep comes from, so a long wire runs straight
    and bends once; nodes first do the same, then balance both sides.
    """
    height, is_node, ups, downs = items.height, items.is_node, items.ups, items.downs
    y = [0.0] * len(height)
    for col in columns:
        at = 0.0
        for p, item in enumerate(col):
            if p:
                at += (height[col[p - 1]] + height[item]) / 2 + SEP
            y[item] = at

    def pull(col: list[int], rightwards: bool, balance: bool) -> None:
        wanted = []
        for item in col:
            both = balance and is_node[item]
            # A wire from a to b leaves a at y[a] and enters b at y[b] + offset.
            targets = [y[a] - off for a, off in ups[item]] if rightwards or both else []
            if not rightwards or both:
                targets += [y[b] + off for b, off in downs[item]]
            wanted.append(sum(targets) / len(targets) if targets else y[item])
        for item, v in zip(col, spread(wanted, [height[i] for i in col]), strict=True):
            y[item] = v

    for p in range(PASSES):
        balance = p >= PASSES // 2
        for col in reversed(columns[:-1]):
            pull(col, False, balance)
        for col in columns[1:]:
            pull(col, True, balance)
    return y


def straighten(
    chains: list[Chain],
    trunks: dict[int, list[int]],
    columns: list[list[int]],
    items: Items,
    y: list[float],
) -> None:
    """Where there is room, run a wire level with its source or its target.

    Items may move between their column neighbours (keeping ``SEP``). A loose
    total box goes level with its node (or an input to it); a trunk moves as
    a whole, then each label joins its trunk (or its target).
    """
    height, ups, downs = items.height, items.ups, items.downs
    above: dict[int, int] = {}
    below: dict[int, int] = {}
    for col in columns:
        for a, b in pairwise(col):
            below[a], above[b] = b, a

    def room(group: list[int]) -> tuple[float, float]:
        """How far ``group`` may move together without crowding its column neighbours."""
        low, high = -math.inf, math.inf
        for i in group:
            if i in above:
                low = max(low, y[above[i]] + (height[above[i]] + height[i]) / 2 + SEP)
            if i in below:
                high = min(high, y[below[i]] - (height[below[i]] + height[i]) / 2 - SEP)
        return low, high

    def settle(group: list[int], levels: list[float]) -> None:
        low, high = room(group)
        for level in levels:
            if low <= level <= high:
                for i in group:
                    y[i] = level
                return

    for src, t in sorted(items.total.items()):
        if t in items.loose:  # a total between its node's wires: level with the node
            settle([t], [y[src]])
            if not ups[src]:  # or an input comes to it
                settle([src], [y[t]])
    for src, _, _, passes in chains:
        *trunk, label = passes
        (after, offset), *_ = downs[label] or [(label, 0.0)]
        if trunk and trunk[-1] == trunks[src][-1]:  # once per trunk: by a wire to its end
            # A trunk used by this wire alone may also run level with the target.
            alone = all(len(downs[i]) == 1 for i in trunk)
            settle(trunk, [y[src]] + ([y[after] + offset] if alone else []))
        settle([label], [y[trunk[-1] if trunk else src], y[after] + offset])
        # An input used once can also come to its wire.
        if not ups[src] and len(downs[src]) == 1:
            settle([src], [y[passes[0]]])


def spread(wanted: list[float], heights: list[float]) -> list[float]:
    """Heights as close as possible (least squares) to ``wanted``, in order, ``SEP`` apart.

    Subtracting each item's minimum offset from the first turns the spacing
    into "non-decreasing", which pool-adjacent-violators solves in one pass.

    >>> spread([0.0, 0.0, 30.0], [10.0, 10.0, 10.0])
    [-9.0, 9.0, 30.0]
    """
    offsets = [0.0]
    for a, b in pairwise(heights):
        offsets.append(offsets[-1] + (a + b) / 2 + SEP)
    blocks: list[list[float]] = []  # [sum, count]
    for v, off in zip(wanted, offsets, strict=True):
        blocks.append([v - off, 1.0])
        while len(blocks) > 1 and blocks[-2][0] * blocks[-1][1] > blocks[-1][0] * blocks[-2][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    out = []
    for s, c in blocks:
        out += [s / c] * int(c)
    return [v + off for v, off in zip(out, offsets, strict=True)]
