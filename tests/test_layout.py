"""The layered layout behind the circuit diagrams: columns, order, heights, routes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backprop_core import Value, trace
from backprop_core.layout import SEP, Box, Layout, _items, _spread, layout, text_width


def lay_out(root: Value) -> Layout:
    nodes = trace(root)
    sizes = [(10.0, 16.0) if n.op is None else (28.0, 28.0) for n in nodes]
    return layout(nodes, sizes, [(30.0, 30.0)] * len(nodes))


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


def test_boxes_do_not_overlap_and_fit_the_picture() -> None:
    x = Value(0.5, label="x")
    v = x
    for i in range(12):
        v = (v * x + i).tanh() if i % 3 else v.max(x * 0.1)
    result = lay_out(v)
    for i, a in enumerate(result.boxes):
        assert a.x >= 0 and a.x + a.w <= result.width
        assert a.y >= 0 and a.y + a.h <= result.height
        for b in result.boxes[:i]:
            assert not boxes_overlap(a, b)


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


@given(st.lists(st.tuples(st.floats(-500, 500), st.floats(0, 40)), min_size=1, max_size=30))
def test_spread_keeps_order_and_spacing_and_the_mean(items: list[tuple[float, float]]) -> None:
    wanted = [w for w, _ in items]
    heights = [h for _, h in items]
    placed = _spread(wanted, heights)
    for i in range(1, len(placed)):
        gap = placed[i] - placed[i - 1] - (heights[i] + heights[i - 1]) / 2
        assert gap >= SEP - 1e-6
    # least squares under "shift-only" constraints keeps the total displacement at zero
    assert sum(placed) == pytest.approx(sum(wanted), abs=1e-6)


def test_spread_leaves_well_spaced_items_alone() -> None:
    assert _spread([0.0, 100.0, 300.0], [10.0, 10.0, 10.0]) == [0.0, 100.0, 300.0]


def test_wires_of_one_input_share_a_trunk() -> None:
    x = Value(0.5, label="x")
    v = x
    for _ in range(50):
        v = (v * x).tanh()  # x feeds a gate in every other column
    nodes = trace(v)
    items, _, _ = _items(nodes, [(10.0, 16.0)] * len(nodes), [(30.0, 30.0)] * len(nodes))
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
