"""The layered layout behind the circuit diagrams: columns, order, heights, routes."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backprop_core import Node, Value, trace
from backprop_core.draw.columns import build_items
from backprop_core.draw.heights import spread
from backprop_core.draw.layout import SEP, Box, Layout, layout, text_width

TOTAL = (40.0, 30.0, 16.0)  # a total's box: width, height on a trunk, height off it


def fan_out(nodes: list[Node]) -> dict[int, int]:
    """How many gate inputs each node feeds, for those that feed several."""
    uses = Counter(src for n in nodes for src in n.inputs)
    return {i: k for i, k in uses.items() if k > 1}


def lay_out(root: Value, with_totals: bool = True) -> Layout:
    nodes = trace(root)
    sizes = [(10.0, 16.0) if n.op is None else (28.0, 28.0) for n in nodes]
    totals = {i: TOTAL for i in fan_out(nodes)} if with_totals else None
    return layout(nodes, sizes, [(30.0, 30.0)] * len(nodes), totals)


def all_boxes(result: Layout) -> list[Box]:
    """Every box of the picture: nodes, wire labels (30 × 30) and totals."""
    labels = [Box(r.label[0] - 15, r.label[1] - 15, 30, 30) for r in result.routes]
    totals = [
        Box(t.label[0] - TOTAL[0] / 2, t.label[1] - h / 2, TOTAL[0], h)
        for t in result.totals
        for h in [TOTAL[1] if t.on_trunk else TOTAL[2]]
    ]
    return [*result.boxes, *labels, *totals]


def test_text_width_counts_wide_characters_twice() -> None:
    assert text_width("abc") == pytest.approx(3 * 7.2)
    assert text_width("日本") == pytest.approx(4 * 7.2)
    assert text_width("x", font_size=20) == pytest.approx(12.0)


def test_an_empty_trace_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one node"):
        layout([], [], [])


def test_named_inputs_first_constants_beside_their_gate() -> None:
    x, y = Value(1.0, label="x"), Value(2.0, label="y")
    f = (x * y).tanh() + 3.0  # the constant 3 is used by the last gate only
    result = lay_out(f)
    boxes = result.boxes
    assert boxes[0].x == boxes[1].x  # x and y share the first column
    tanh, const, add = boxes[3], boxes[4], boxes[5]
    assert const.x > boxes[0].x + 40  # not in the first column
    assert abs(const.x + const.w - (tanh.x + tanh.w)) < 1e-9  # tanh's column, flush right
    assert add.x > tanh.x


def test_a_tree_keeps_its_inputs_in_depth_first_order() -> None:
    leaves = [Value(float(i), label=f"x{i}") for i in range(8)]
    level = leaves
    while len(level) > 1:
        pairs = zip(level[::2], level[1::2], strict=True)
        level = [a * b if i % 4 else a + b for i, (a, b) in enumerate(pairs)]
    boxes = lay_out(level[0]).boxes
    tops = [boxes[n.index].y for n in trace(level[0]) if n.op is None]
    assert tops == sorted(tops)


def boxes_overlap(a: Box, b: Box) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def fan_out_graph() -> Value:
    x = Value(0.5, label="x")
    v = x
    for i in range(12):
        v = (v * x + i).tanh() if i % 3 else v.max(x * 0.1)
    return v


@pytest.mark.parametrize(
    "root",
    [fan_out_graph(), (Value(1.0, label="a") * Value(2.0, label="b")).tanh()],
    ids=["fan-out", "tree"],
)
def test_boxes_do_not_overlap_and_fit_the_picture(root: Value) -> None:
    result = lay_out(root)
    assert len(result.totals) == len(fan_out(trace(root)))
    boxes = all_boxes(result)
    for i, a in enumerate(boxes):
        assert a.x >= 0 and a.x + a.w <= result.width
        assert a.y >= 0 and a.y + a.h <= result.height
        for b in boxes[:i]:
            assert not boxes_overlap(a, b), (a, b)


@pytest.mark.parametrize("seed", range(30))
def test_totals_overlap_nothing_and_sit_by_their_node(seed: int) -> None:
    rng = random.Random(seed)
    values = [Value(float(i), label=f"x{i}") for i in range(rng.randint(1, 3))]
    for _ in range(rng.randint(1, 25)):
        u, v, kind = rng.choice(values), rng.choice(values[-3:]), rng.randrange(4)
        values.append(u * v if kind == 0 else u + v if kind == 1 else u.tanh() - kind)
    result = lay_out(values[-1])
    boxes = all_boxes(result)
    for i, a in enumerate(boxes):
        for b in boxes[:i]:
            assert not boxes_overlap(a, b), (a, b)
    nodes = trace(values[-1])
    assert sorted(t.source for t in result.totals) == sorted(fan_out(nodes))
    for t in result.totals:
        src = result.boxes[t.source]
        consumers = [result.boxes[n.index] for n in nodes if t.source in n.inputs]
        assert src.x + src.w < t.label[0] - TOTAL[0] / 2
        assert all(t.label[0] + TOTAL[0] / 2 < c.x for c in consumers)


def test_routes_leave_from_the_source_and_enter_the_target() -> None:
    x, y = Value(1.0, label="x"), Value(2.0, label="y")
    f = (x * y + x) * y
    result = lay_out(f)
    assert [r.target for r in result.routes].count(None) == 1
    for route in result.routes:
        src = result.boxes[route.source]
        assert route.knots[0] == pytest.approx((src.x + src.w, src.cy))
        xs = [k[0] for k in route.knots]
        assert xs == sorted(xs)  # always left to right
        for a, b in zip(route.knots[::2], route.knots[1::2], strict=True):
            assert a[1] == b[1]  # the runs are horizontal
        if route.target is not None:
            tgt = result.boxes[route.target]
            end_x, end_y = route.knots[-1]
            assert tgt.y < end_y < tgt.y + tgt.h
            assert tgt.x <= end_x < tgt.cx
            # on the circle's edge
            assert (end_x - tgt.cx) ** 2 + (end_y - tgt.cy) ** 2 == pytest.approx((tgt.h / 2) ** 2)


def test_two_inputs_enter_a_gate_in_order() -> None:
    a, b = Value(1.0, label="a"), Value(2.0, label="b")
    result = lay_out(b - a)
    ends = {r.arg: r.knots[-1][1] for r in result.routes if r.target == 2}
    assert ends[0] < ends[1]


def test_fan_out_into_one_gate() -> None:
    a = Value(3.0, label="a")
    result = lay_out(a * a)
    wires = [r for r in result.routes if r.target == 1]
    assert sorted(r.arg for r in wires) == [0, 1]
    assert wires[0].label[1] != wires[1].label[1]  # two label boxes, one above the other
    # The total goes between the two wires, level with a, and no wire runs through it.
    (total,) = result.totals
    assert (total.source, total.on_trunk) == (0, False)
    assert total.label[1] == pytest.approx(result.boxes[0].cy)
    low, high = sorted(r.label[1] for r in wires)
    assert low < total.label[1] < high
    assert total.label[0] == pytest.approx(wires[0].label[0])  # in the wires' label column


def test_a_trunk_that_carries_every_wire_carries_the_total() -> None:
    w, y = Value(0.5, label="w"), Value(2.0, label="y")
    f = (y.tanh() * w).tanh() + w  # w feeds two gates, both far to the right
    result = lay_out(f)
    (total,) = result.totals
    w_index = next(n.index for n in trace(f) if n.label == "w")
    assert total.source == w_index and total.on_trunk
    # The trunk runs through the total's box, level with its middle.
    trunk = [r for r in result.routes if r.source == w_index and r.knots[0][0] < total.label[0]]
    assert any(
        a[1] == b[1] == pytest.approx(total.label[1]) and a[0] < total.label[0] < b[0]
        for r in trunk
        for a, b in zip(r.knots[::2], r.knots[1::2], strict=True)
    )


def test_a_value_used_near_and_far_keeps_its_total_off_the_trunk() -> None:
    x, y = Value(1.0, label="x"), Value(2.0, label="y")
    f = (x * y).tanh() + x  # the trunk carries only the wire to +, not the sum
    (total,) = lay_out(f).totals
    assert (total.source, total.on_trunk) == (0, False)


def test_totals_are_only_drawn_when_asked_for() -> None:
    a = Value(3.0, label="a")
    plain, with_totals = lay_out(a * a, with_totals=False), lay_out(a * a)
    assert plain.totals == ()
    assert plain.routes != with_totals.routes  # the total takes room between the wires


@given(st.lists(st.tuples(st.floats(-500, 500), st.floats(0, 40)), min_size=1, max_size=30))
def test_spread_keeps_order_and_spacing_and_the_mean(items: list[tuple[float, float]]) -> None:
    wanted = [w for w, _ in items]
    heights = [h for _, h in items]
    placed = spread(wanted, heights)
    for i in range(1, len(placed)):
        gap = placed[i] - placed[i - 1] - (heights[i] + heights[i - 1]) / 2
        assert gap >= SEP - 1e-6
    # least squares under "shift-only" constraints keeps the total displacement at zero
    assert sum(placed) == pytest.approx(sum(wanted), abs=1e-6)


def test_spread_leaves_well_spaced_items_alone() -> None:
    assert spread([0.0, 100.0, 300.0], [10.0, 10.0, 10.0]) == [0.0, 100.0, 300.0]


def test_wires_of_one_input_share_a_trunk() -> None:
    x = Value(0.5, label="x")
    v = x
    for _ in range(50):
        v = (v * x).tanh()  # x feeds a gate in every other column
    nodes = trace(v)
    items, _, _ = build_items(nodes, [(10.0, 16.0)] * len(nodes), [(30.0, 30.0)] * len(nodes))
    # nodes + a label per wire + one trunk through ~100 columns; unshared it would be ~2,600
    assert len(items.rank) < 5 * len(nodes)
    result = lay_out(v)
    from_x = [r for r in result.routes if r.source == 0]
    starts = [r.knots[0] for r in from_x]
    x_box = result.boxes[0]
    # x * x (two wires) starts at x, so does the wire to the last gate, which runs the
    # whole trunk; the others branch off the trunk further right.
    at_x = (x_box.x + x_box.w, x_box.cy)
    for start in (starts[0], starts[1], starts[-1]):
        assert start == pytest.approx(at_x)
    assert all(s[0] > at_x[0] for s in starts[2:-1])
