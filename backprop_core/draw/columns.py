"""Steps 1 and 2 of the circuit layout: columns, and the items every wire passes through.

See :mod:`backprop_core.draw.layout` for the whole method.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..graph import Node

__all__ = ["Chain", "Items", "build_items", "layers", "place_loose_totals", "port_offset"]


class Items:
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


def build_items(
    nodes: Sequence[Node],
    sizes: Sequence[tuple[float, float]],
    label_sizes: Sequence[tuple[float, float]],
    total_sizes: Mapping[int, tuple[float, float, float]] | None = None,
) -> tuple[Items, list[Chain], dict[int, list[int]]]:
    """The items of every column, and for each wire the items it passes through.

    A node's wires to later columns share one trunk of dummies and branch off
    one column before their labels, so a value used in many columns costs one
    item per column, not one per use. A total-gradient box is the first item
    of the trunk, sized to fit, if all the node's wires start along the trunk
    (so it carries their sum); otherwise the node gets a loose item.
    """
    layer = layers(nodes)
    items = Items()
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
            offset = port_offset(arg, len(node.inputs), sizes[node.index][1])
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


def layers(nodes: Sequence[Node]) -> list[int]:
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


def place_loose_totals(columns: list[list[int]], items: Items) -> None:
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


def port_offset(arg: int, count: int, h: float) -> float:
    """Where input ``arg`` of ``count`` enters a gate of height ``h``, from its centre."""
    return 0.0 if count < 2 else (arg - (count - 1) / 2) * min(14.0, h / 2) / (count - 1)
