"""Where each part of a circuit diagram goes: a small layered layout, pure Python.

The drawing reads left to right like the circuits in CS231n's notes: inputs in
the first column, every gate one column right of its furthest input, the
output last. Between two node columns sits a column of wire labels, so each
wire's value and gradient get their own box and never cover anything.

The steps are the classic ones (Sugiyama et al., 1981):

1. *Columns.* A gate's layer is the longest path from the inputs. Named inputs
   stay in layer 0; an unnamed constant sits just left of its first consumer.
   Node ``i`` goes in column ``2 * layer``; odd columns hold wire labels.
2. *Virtual items.* A wire from column ``a`` to column ``b`` gets one item in
   every column between: a label box just before its target, zero-height
   "dummies" elsewhere (shared by all wires of one source: a trunk). So every
   wire only joins neighbouring columns, and one that skips layers passes
   *through* the columns in its own slot. A node's total-gradient label (asked
   for where a value fans out) is one more item, right after the node.
3. *Order.* Start from the trace's order (a depth-first walk from the output,
   which draws a tree without crossings), then sweep the columns with the
   barycenter heuristic and keep the order with the fewest crossings.
4. *Heights.* Pull each item towards the mean height of its neighbours, keeping
   the order and a minimum spacing (an isotonic regression, solved exactly
   by pool-adjacent-violators), sweeping right and left. Then, where there is
   room, level each wire with its source or its target, so it bends once.

A wire is then a list of knots: horizontal runs inside columns alternate with
S-curves across the gaps between columns. Nothing but wires lives in a gap and
items in a column never overlap, so no wire crosses a node or a label.

Everything is O(items) per sweep, with a fixed number of sweeps. Steps 1 and 2
are in :mod:`.columns`, step 3 in :mod:`.ordering`, step 4 in :mod:`.heights`;
this module puts them together and turns heights into boxes and wires.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..graph import Node
from .columns import build_items, place_loose_totals, port_offset
from .heights import SEP, assign_heights, straighten
from .ordering import order_columns

__all__ = ["FONT_SIZE", "SEP", "Box", "Layout", "Route", "Total", "layout", "text_width"]

FONT_SIZE = 12.0  # px, wire labels and input names
MIN_GAP, MAX_GAP = 16.0, 64.0  # px, horizontal space between columns
MARGIN = 6.0
TAIL = 10.0  # px, how far the output wire runs past its label

Point = tuple[float, float]


def text_width(text: str, font_size: float = FONT_SIZE) -> float:
    """An estimate of how wide ``text`` is drawn: 0.6 em a character, 1.2 em if East Asian wide.

    >>> text_width("-12")
    21.6
    """
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
    return round(0.6 * font_size * (len(text) + wide), 6)


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle: left ``x``, top ``y``, width ``w``, height ``h``."""

    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


@dataclass(frozen=True, slots=True)
class Route:
    """One wire, from node ``source`` into input ``arg`` of node ``target``.

    ``target`` is None for the output wire that leaves the root. ``knots``
    pairs up: ``knots[2k] -> knots[2k+1]`` is a horizontal run, and
    ``knots[2k+1] -> knots[2k+2]`` an S-curve across a gap. The labels go
    above and below the point ``label`` (the middle of the wire's label box).

    Wires of one source to far columns share a trunk, which only the first
    wire to its end draws; the others start where they branch off it.
    """

    source: int
    target: int | None
    arg: int
    knots: tuple[Point, ...]
    label: Point


@dataclass(frozen=True, slots=True)
class Total:
    """Where the label of a fanning-out node's total gradient goes.

    ``label`` is the middle of its box, in the column just right of ``source``.
    If ``on_trunk``, the shared trunk of the node's wires runs level through
    that point (so the label goes below it, like a wire's gradient); otherwise
    no wire passes through the box and the label is centred in it.
    """

    source: int
    label: Point
    on_trunk: bool


@dataclass(frozen=True, slots=True)
class Layout:
    """Boxes of the nodes (by trace index), the wires, and the size of the picture.

    ``totals`` places the total-gradient labels asked for (see :func:`layout`).
    """

    width: float
    height: float
    boxes: tuple[Box, ...]
    routes: tuple[Route, ...]
    totals: tuple[Total, ...] = ()


def layout(
    nodes: Sequence[Node],
    sizes: Sequence[tuple[float, float]],
    label_sizes: Sequence[tuple[float, float]],
    total_sizes: Mapping[int, tuple[float, float, float]] | None = None,
) -> Layout:
    """Place the nodes of a trace and route its wires.

    Args:
        nodes: ``graph.trace(root)``: topological order, the root last.
        sizes: ``(width, height)`` of each node's box. A gate is drawn as a
            pill (a circle if width == height), so wires end on its rounded edge.
        label_sizes: ``(width, height)`` of the labels of each node's output wire.
        total_sizes: for some nodes that feed gates (meant for those that
            feed several), ``(width, height on a trunk, height off it)`` of a
            box for the node's total gradient. It goes in the column right
            after the node: on the trunk, if all the node's wires run along one
            at first (the trunk passes through the box's middle), or else
            between the node's wires, with no wire through it.

    >>> from backprop_core import Value
    >>> x, y = Value(2.0, label="x"), Value(3.0, label="y")
    >>> nodes = (x * y).trace()
    >>> result = layout(nodes, [(10, 14), (10, 14), (28, 28)], [(20, 30)] * 3)
    >>> [(r.source, r.target) for r in result.routes]
    [(0, 2), (1, 2), (2, None)]
    >>> result.boxes[2].cx > result.boxes[0].cx
    True
    """
    if not nodes:
        raise ValueError("layout() needs at least one node")
    items, chains, trunks = build_items(nodes, sizes, label_sizes, total_sizes or {})
    columns: list[list[int]] = [[] for _ in range(max(items.rank) + 1)]
    for item in sorted(range(len(items.rank)), key=items.key.__getitem__):
        if item not in items.loose:
            columns[items.rank[item]].append(item)
    columns = order_columns(columns, items.ups, items.downs)
    place_loose_totals(columns, items)
    y = assign_heights(columns, items)
    straighten(chains, trunks, columns, items, y)

    # x: column widths, and gaps that grow with the steepest wire across them.
    height, rank = items.height, items.rank
    col_w = [max((items.width[i] for i in col), default=0.0) for col in columns]
    left = [MARGIN]
    for col, w in zip(columns[:-1], col_w, strict=False):  # no gap after the last column
        dy = max((abs(y[i] - y[j] - off) for i in col for j, off in items.downs[i]), default=0)
        left.append(left[-1] + w + min(MAX_GAP, max(MIN_GAP, 0.4 * dy)))
    right = [x + w for x, w in zip(left, col_w, strict=True)]
    top = min(v - h / 2 for v, h in zip(y, height, strict=True))
    y = [v - top + MARGIN for v in y]

    boxes = []
    for node in nodes:
        i, r = node.index, rank[node.index]
        # Inputs end where their wire starts (flush right); gates are centred.
        x = (
            right[r] - items.width[i]
            if not node.inputs
            else left[r] + (col_w[r] - items.width[i]) / 2
        )
        boxes.append(Box(x, y[i] - height[i] / 2, items.width[i], height[i]))

    routes = []
    full_trunk_drawn: set[int] = set()
    for src, tgt, arg, passes in chains:
        b = boxes[src]
        knots: list[Point] = [(b.x + b.w, y[src]), (right[rank[src]], y[src])]
        shared = len(passes) - 1
        if shared and (shared < len(trunks[src]) or src in full_trunk_drawn):
            # Another wire draws the trunk; this one starts where it branches off.
            fork = passes[shared - 1]
            knots = [(right[rank[fork]], y[fork])] * 2
            passes = passes[shared:]
        elif shared:
            full_trunk_drawn.add(src)
        for item in passes:
            knots += [(left[rank[item]], y[item]), (right[rank[item]], y[item])]
        r = rank[passes[-1]]  # the label box is the wire's last item
        label_at = (left[r] + col_w[r] / 2, y[passes[-1]])
        if tgt is None:
            knots[-1] = (knots[-1][0] + TAIL, knots[-1][1])
        else:
            t = boxes[tgt]
            py = t.cy + port_offset(arg, len(nodes[tgt].inputs), t.h)
            knots += [(left[rank[tgt]], py), (_pill_left(t, py), py)]
        routes.append(Route(src, tgt, arg, tuple(knots), label_at))

    totals = tuple(
        Total(src, (left[rank[t]] + col_w[rank[t]] / 2, y[t]), t not in items.loose)
        for src, t in sorted(items.total.items())
    )
    total_h = max(v + h / 2 for v, h in zip(y, height, strict=True)) + MARGIN
    return Layout(right[-1] + TAIL + MARGIN, total_h, tuple(boxes), tuple(routes), totals)


def _pill_left(box: Box, y: float) -> float:
    """The x where height ``y`` meets the rounded left end of a pill-shaped ``box``."""
    r = box.h / 2
    dy = min(abs(y - box.cy), r)
    return box.x + r - math.sqrt(r * r - dy * dy)
