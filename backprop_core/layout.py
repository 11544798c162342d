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

Everything is O(items) per sweep, with a fixed number of sweeps.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .graph import Node

__all__ = ["FONT_SIZE", "Box", "Layout", "Route", "Total", "layout", "text_width"]

FONT_SIZE = 12.0  # px, wire labels and input names
SEP = 8.0  # px, vertical space between two items of a column
MIN_GAP, MAX_GAP = 16.0, 64.0  # px, horizontal space between columns
MARGIN = 6.0
TAIL = 10.0  # px, how far the output wire runs past its label
SWEEPS = 6  # barycenter sweep pairs (down + up)
PASSES = 6  # height-assignment sweep pairs

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


class _Items:
    """The boxes of all columns: nodes, wire labels and dummies, and the wires between them.

    Items are numbers; node ``i`` of the trace is item ``i``. A link ``a -> b``
    joins neighbouring columns: it leaves ``a`` at its centre and enters ``b``
    at ``offset`` from b's centre (a gate's input port).
    """

    def __init__(self) -> None:
        self.rank: list[int] = []
        self.width: list[float] = []
        self.height: list[float] = []
        self.is_node: list[bool] = []
        self.key: list[tuple[int, int, int]] = []  # initial order within a column
        self.ups: list[list[tuple[int, float]]] = []  # (item to the left, offset here)
        self.downs: list[list[tuple[int, float]]] = []  # (item to the right, offset there)
        # source node -> the box of its total gradient: the first item of its trunk, or
        # an item of its own ("loose"), placed in the column once the others are ordered.
        self.total: dict[int, int] = {}
        self.loose: set[int] = set()

    def add(
        self, rank: int, size: tuple[float, float], node: bool, key: tuple[int, int, int]
    ) -> int:
        self.rank.append(rank)
        self.width.append(size[0])
        self.height.append(size[1])
        self.is_node.append(node)
        self.key.append(key)
        self.ups.append([])
        self.downs.append([])
        return len(self.rank) - 1

    def link(self, a: int, b: int, offset: float = 0.0) -> None:
        self.downs[a].append((b, offset))
        self.ups[b].append((a, offset))


Chain = tuple[int, "int | None", int, list[int]]  # source, target, arg, items it passes


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
    items, chains, trunks = _items(nodes, sizes, label_sizes, total_sizes or {})
    columns: list[list[int]] = [[] for _ in range(max(items.rank) + 1)]
    for item in sorted(range(len(items.rank)), key=items.key.__getitem__):
        if item not in items.loose:
            columns[items.rank[item]].append(item)
    columns = _order(columns, items.ups, items.downs)
    _place_loose_totals(columns, items)
    y = _heights(columns, items)
    _straighten(chains, trunks, columns, items, y)

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
            py = t.cy + _port_offset(arg, len(nodes[tgt].inputs), t.h)
            knots += [(left[rank[tgt]], py), (_pill_left(t, py), py)]
        routes.append(Route(src, tgt, arg, tuple(knots), label_at))

    totals = tuple(
        Total(src, (left[rank[t]] + col_w[rank[t]] / 2, y[t]), t not in items.loose)
        for src, t in sorted(items.total.items())
    )
    total_h = max(v + h / 2 for v, h in zip(y, height, strict=True)) + MARGIN
    return Layout(right[-1] + TAIL + MARGIN, total_h, tuple(boxes), tuple(routes), totals)


def _items(
    nodes: Sequence[Node],
    sizes: Sequence[tuple[float, float]],
    label_sizes: Sequence[tuple[float, float]],
    total_sizes: Mapping[int, tuple[float, float, float]] | None = None,
) -> tuple[_Items, list[Chain], dict[int, list[int]]]:
    """The items of every column, and for each wire the items it passes through.

    A node's wires to later columns share one trunk of dummies and branch off
    one column before their labels, so a value used in many columns costs one
    item per column, not one per use. A total-gradient box is the first item
    of the trunk, sized to fit, if all the node's wires start along the trunk
    (so it carries their sum); otherwise the node gets a loose item.
    """
    layer = _layers(nodes)
    items = _Items()
    for node in nodes:
        items.add(2 * layer[node.index], sizes[node.index], True, (node.index, -1, -1))
    chains: list[Chain] = []
    trunks: dict[int, list[int]] = {}
    for node in nodes:
        for arg, src in enumerate(node.inputs):
            first, label_rank = 2 * layer[src] + 1, 2 * layer[node.index] - 1
            trunk = trunks.setdefault(src, [])
            for r in range(first + len(trunk), label_rank):
                trunk.append(items.add(r, (0.0, 0.0), False, (src, node.index, arg)))
                items.link(trunk[-2] if len(trunk) > 1 else src, trunk[-1])
            passes = trunk[: label_rank - first]
            label = items.add(label_rank, label_sizes[src], False, (src, node.index, arg))
            items.link(passes[-1] if passes else src, label)
            offset = _port_offset(arg, len(node.inputs), sizes[node.index][1])
            items.link(label, node.index, offset)
            chains.append((src, node.index, arg, [*passes, label]))
    root = len(nodes) - 1
    out = items.add(2 * layer[root] + 1, label_sizes[root], False, (root, len(nodes), 0))
    items.link(root, out)
    chains.append((root, None, 0, [out]))
    for src, (width, on_trunk, off_trunk) in sorted((total_sizes or {}).items()):
        if not items.downs[src]:
            continue  # feeds no gate: nothing to sum
        if len(items.downs[src]) == 1 and trunks.get(src):
            # Every wire of src runs along its trunk at first: the trunk carries the total.
            t = trunks[src][0]
            items.width[t], items.height[t] = width, on_trunk
        else:
            t = items.add(2 * layer[src] + 1, (width, off_trunk), False, (src, -1, -1))
            items.loose.add(t)
        items.total[src] = t
    return items, chains, trunks


def _layers(nodes: Sequence[Node]) -> list[int]:
    """Longest path from the inputs; an unnamed constant moves next to its first consumer."""
    layer = [0] * len(nodes)
    first_use: dict[int, int] = {}
    for node in nodes:
        if node.inputs:
            layer[node.index] = 1 + max(layer[j] for j in node.inputs)
            for j in node.inputs:
                first_use[j] = min(first_use.get(j, layer[node.index]), layer[node.index])
    for node in nodes:
        if not node.inputs and not node.label and node.index in first_use:
            layer[node.index] = first_use[node.index] - 1
    return layer


def _place_loose_totals(columns: list[list[int]], items: _Items) -> None:
    """Put each loose total box among its node's wires, after the middle one, and link it.

    Kept out of the ordering (it has no wire to the right to sort it by), it
    goes where it is pulled to its node's height and crosses nothing.
    """
    for src, t in sorted(items.total.items()):
        if t not in items.loose:
            continue
        col = columns[items.rank[t]]
        mine = {b for b, _ in items.downs[src]}
        at = [p for p, item in enumerate(col) if item in mine]
        col.insert(at[(len(at) - 1) // 2] + 1, t)
        items.link(src, t)


def _port_offset(arg: int, count: int, h: float) -> float:
    """Where input ``arg`` of ``count`` enters a gate of height ``h``, from its centre."""
    return 0.0 if count < 2 else (arg - (count - 1) / 2) * min(14.0, h / 2) / (count - 1)


def _pill_left(box: Box, y: float) -> float:
    """The x where height ``y`` meets the rounded left end of a pill-shaped ``box``."""
    r = box.h / 2
    dy = min(abs(y - box.cy), r)
    return box.x + r - math.sqrt(r * r - dy * dy)


def _order(
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
    fewest = _crossings(cols, downs, pos)
    for _ in range(SWEEPS):
        if fewest == 0:
            break
        sweep(cols, range(1, len(cols)), [[(j, -off) for j, off in u] for u in ups])
        sweep(cols, range(len(cols) - 2, -1, -1), downs)
        count = _crossings(cols, downs, pos)
        if count < fewest:
            best, fewest = [list(c) for c in cols], count
    return best


def _crossings(
    cols: list[list[int]], downs: list[list[tuple[int, float]]], pos: list[float]
) -> int:
    """How many pairs of wires cross between neighbouring columns (inversions, by bisection)."""
    total = 0
    for col in cols:
        ends = sorted((pos[i], pos[j] + off / 1000) for i in col for j, off in downs[i])
        seen: list[float] = []
        for _, end in ends:
            total += len(seen) - bisect.bisect_right(seen, end)
            bisect.insort(seen, end)
    return total


def _heights(columns: list[list[int]], items: _Items) -> list[float]:
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
        for item, v in zip(col, _spread(wanted, [height[i] for i in col]), strict=True):
            y[item] = v

    for p in range(PASSES):
        balance = p >= PASSES // 2
        for col in reversed(columns[:-1]):
            pull(col, False, balance)
        for col in columns[1:]:
            pull(col, True, balance)
    return y


def _straighten(
    chains: list[Chain],
    trunks: dict[int, list[int]],
    columns: list[list[int]],
    items: _Items,
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


def _spread(wanted: list[float], heights: list[float]) -> list[float]:
    """Heights as close as possible (least squares) to ``wanted``, in order, ``SEP`` apart.

    Subtracting each item's minimum offset from the first turns the spacing
    into "non-decreasing", which pool-adjacent-violators solves in one pass.

    >>> _spread([0.0, 0.0, 30.0], [10.0, 10.0, 10.0])
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
