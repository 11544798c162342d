"""The circuit diagram: its markup contract, its numbers, and that it stays readable.

Readability is checked geometrically, with the same text-size estimate the
layout uses (0.6 em a character, a line from 0.8 em above the baseline to
0.2 em below): no two texts overlap, and no wire passes through a node or a
text it does not belong to, on random graphs of up to 40 nodes.
"""

from __future__ import annotations

import math
import random
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator

import pytest

from backprop_core import Value, draw_svg, format_number, set_language, trace
from backprop_core.draw.svg import DRAW_LIMIT, GRAD_DY, local_gradients
from backprop_core.notebook import display_data

NS = "{http://www.w3.org/2000/svg}"
Rect = tuple[float, float, float, float]  # left, top, right, bottom


# --- graphs ---------------------------------------------------------------------


def chain_rule_example() -> Value:
    """(x + y) z at x = -2, y = 5, z = -4, as on the chain-rule page."""
    x, y, z = Value(-2.0, label="x"), Value(5.0, label="y"), Value(-4.0, label="z")
    q = x + y
    q.label = "q"
    f = q * z
    f.label = "f"
    f.backward()
    return f


def sigmoid_neuron() -> Value:
    """CS231n's 2-D neuron: σ(w0 x0 + w1 x1 + w2), w = [2, -3, -3], x = [-1, -2]."""
    w0, x0 = Value(2.0, label="w0"), Value(-1.0, label="x0")
    w1, x1 = Value(-3.0, label="w1"), Value(-2.0, label="x1")
    w2 = Value(-3.0, label="w2")
    f = (w0 * x0 + w1 * x1 + w2).sigmoid()
    f.label = "f"
    f.backward()
    return f


def random_graph(seed: int, size: int) -> Value:
    """A random graph of about ``size`` nodes: fan-out, long wires, constants, labels."""
    rng = random.Random(seed)
    values = [Value(round(rng.uniform(-2, 2), 2), label=f"x{i}") for i in range(rng.randint(1, 4))]
    while len(values[-1].trace()) < size:
        a = rng.choice(values[-3:]) if rng.random() < 0.7 else rng.choice(values)
        b = rng.choice(values)
        kind = rng.randrange(10)
        if kind == 0:
            v = a + b
        elif kind == 1:
            v = a * b
        elif kind == 2:
            v = a - round(rng.uniform(-2, 2), 1)  # a constant, placed next to its gate
        elif kind == 3:
            v = a.max(b)
        elif kind == 4:
            v = a.tanh()
        elif kind == 5:
            v = a.sigmoid()
        elif kind == 6:
            v = a / (b * b + 1)
        elif kind == 7:
            v = a.relu()
        elif kind == 8:
            v = a**2
        else:
            v = -a
        if rng.random() < 0.2:
            v.label = rng.choice(["q", "h", "out", "s2", "日本"])
        values.append(v)
    root = values[-1]
    root.backward()
    return root


# --- reading the SVG --------------------------------------------------------------


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def groups(root: ET.Element, cls: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{NS}g") if cls in (g.get("class") or "").split()]


def text_box(text: ET.Element, root: ET.Element) -> Rect:
    size = float(text.get("font-size") or root.get("font-size") or 12)
    x, y = float(text.get("x") or 0), float(text.get("y") or 0)
    width = 0.6 * size * len(text.text or "")
    anchor = text.get("text-anchor", "start")
    left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return left, y - 0.8 * size, left + width, y + 0.2 * size


def shape_box(g: ET.Element) -> Rect:
    circle, rect = g.find(f"{NS}circle"), g.find(f"{NS}rect")
    if circle is not None:
        cx, cy, r = (float(circle.get(k) or 0) for k in ("cx", "cy", "r"))
        return cx - r, cy - r, cx + r, cy + r
    assert rect is not None
    x, y, w, h = (float(rect.get(k) or 0) for k in ("x", "y", "width", "height"))
    return x, y, x + w, y + h


def node_boxes(root: ET.Element) -> dict[int, Rect]:
    """Each node's box: a gate's shape, an input's name."""
    boxes = {}
    for g in groups(root, "bp-gate"):
        boxes[int(g.get("data-node") or -1)] = shape_box(g)
    for g in groups(root, "bp-input"):
        text = g.find(f"{NS}text")
        assert text is not None
        boxes[int(g.get("data-node") or -1)] = text_box(text, root)
    return boxes


def path_points(d: str, steps: int = 24) -> Iterator[tuple[float, float]]:
    """Points along a path made of M, H and C commands (all the diagram uses)."""
    tokens = re.findall(r"[A-Za-z]|-?\d+(?:\.\d+)?(?:e-?\d+)?", d)
    assert set(t for t in tokens if t.isalpha()) <= {"M", "H", "C"}, d
    i, x, y = 0, 0.0, 0.0
    while i < len(tokens):
        cmd, i = tokens[i], i + 1
        if cmd == "M":
            x, y = float(tokens[i]), float(tokens[i + 1])
            i += 2
            yield x, y
        elif cmd == "H":
            nx = float(tokens[i])
            i += 1
            for k in range(1, steps + 1):
                yield x + (nx - x) * k / steps, y
            x = nx
        else:
            x1, y1, x2, y2, nx, ny = (float(t) for t in tokens[i : i + 6])
            i += 6
            for k in range(1, steps + 1):
                t = k / steps
                a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t**3
                yield a * x + b * x1 + c * x2 + e * nx, a * y + b * y1 + c * y2 + e * ny
            x, y = nx, ny


def inside(p: tuple[float, float], box: Rect, margin: float = 0.5) -> bool:
    """Strictly inside ``box`` shrunk by ``margin`` (coordinates are rounded to 0.1 px)."""
    return box[0] + margin < p[0] < box[2] - margin and box[1] + margin < p[1] < box[3] - margin


def overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def wire_groups(root: ET.Element) -> list[ET.Element]:
    return groups(root, "bp-wire") + groups(root, "bp-output")


# --- the contract -------------------------------------------------------------------


def test_root_element_follows_the_contract() -> None:
    svg = parse(draw_svg(chain_rule_example()))
    assert svg.tag == f"{NS}svg"
    assert svg.get("class") == "bp-circuit"
    assert svg.get("role") == "img"
    _, _, w, h = (float(v) for v in (svg.get("viewBox") or "").split())
    assert (float(svg.get("width") or 0), float(svg.get("height") or 0)) == (w, h)
    title, desc = svg[0], svg[1]
    assert (title.tag, desc.tag) == (f"{NS}title", f"{NS}desc")
    assert title.text == "Circuit of f = -12"
    assert desc.text and "2 gates and 3 inputs" in desc.text
    assert svg.get("data-order") == "4 2"  # the × gate first: backward's order


def test_chain_rule_numbers_by_hand() -> None:
    svg = parse(draw_svg(chain_rule_example()))
    gates = {g.get("data-symbol"): g for g in groups(svg, "bp-gate")}
    add, mul = gates["+"], gates["×"]
    assert add.attrib == add.attrib | {
        "data-node": "2",
        "data-op": "add",
        "data-label": "q",
        "data-out": "3.0",
        "data-upstream": "-4.0",
        "data-inputs": "0 1",
        "data-local": "1.0 1.0",
        "data-contrib": "-4.0 -4.0",
    }
    assert mul.attrib == mul.attrib | {
        "data-node": "4",
        "data-op": "mul",
        "data-label": "f",
        "data-out": "-12.0",
        "data-upstream": "1.0",
        "data-inputs": "2 3",
        "data-local": "-4.0 3.0",  # d(qz)/dq = z, d(qz)/dz = q
        "data-contrib": "-4.0 3.0",
    }
    inputs = {g.get("data-label"): g for g in groups(svg, "bp-input")}
    assert {k: (g.get("data-out"), g.get("data-grad")) for k, g in inputs.items()} == {
        "x": ("-2.0", "-4.0"),
        "y": ("5.0", "-4.0"),
        "z": ("-4.0", "3.0"),
    }


def test_sigmoid_gate_asks_the_gate_table() -> None:
    f = sigmoid_neuron()
    (gate,) = [g for g in groups(parse(draw_svg(f)), "bp-gate") if g.get("data-op") == "sigmoid"]
    (local,) = map(float, (gate.get("data-local") or "").split())
    assert local == f.data * (1 - f.data)
    assert gate.get("data-local") == " ".join(repr(g) for g in local_gradients(f))
    assert float(gate.get("data-contrib") or 0) == local * 1.0


@pytest.mark.parametrize("seed", range(12))
def test_every_node_and_wire_is_drawn(seed: int) -> None:
    root = random_graph(seed, 40)
    nodes = trace(root)
    svg = parse(draw_svg(root))
    gates, inputs = groups(svg, "bp-gate"), groups(svg, "bp-input")
    assert sorted(int(g.get("data-node") or -1) for g in gates + inputs) == list(range(len(nodes)))
    assert len(gates) == sum(n.op is not None for n in nodes)
    assert svg.get("data-order") == " ".join(str(n.index) for n in reversed(nodes) if n.op)
    expected = Counter((src, n.index, arg) for n in nodes for arg, src in enumerate(n.inputs))
    drawn = Counter(
        (int(g.get("data-from") or -1), int(g.get("data-to") or -1), int(g.get("data-arg") or -1))
        for g in groups(svg, "bp-wire")
    )
    assert drawn == expected
    (output,) = groups(svg, "bp-output")
    assert output.get("data-from") == str(len(nodes) - 1)
    for g in gates:
        node = nodes[int(g.get("data-node") or -1)]
        assert g.get("data-inputs") == " ".join(map(str, node.inputs))
        local = [float(v) for v in (g.get("data-local") or "").split()]
        contrib = [float(v) for v in (g.get("data-contrib") or "").split()]
        assert len(local) == len(node.inputs)
        assert contrib == [v * node.grad for v in local]
        assert g.get("data-upstream") == repr(node.grad)


def contributions(svg: ET.Element) -> dict[tuple[int, int], float]:
    """data-contrib of every gate, by (gate, input position)."""
    return {
        (int(g.get("data-node") or -1), k): float(c)
        for g in groups(svg, "bp-gate")
        for k, c in enumerate((g.get("data-contrib") or "").split())
    }


def grad_label(g: ET.Element) -> ET.Element:
    grad = g.find(f"{NS}text[@class='bp-grad']")
    assert grad is not None
    return grad


def shares_of(svg: ET.Element, source: int) -> dict[tuple[int, int], str]:
    """The gradient labels of ``source``'s wires, by (gate, input position)."""
    return {
        (int(g.get("data-to") or -1), int(g.get("data-arg") or -1)): grad_label(g).text or ""
        for g in groups(svg, "bp-wire")
        if g.get("data-from") == str(source)
    }


def totals(svg: ET.Element) -> dict[int, ET.Element]:
    """The total-gradient labels, by source node; each source has at most one."""
    found = [(int(g.get("data-from") or -1), g) for g in groups(svg, "bp-sum")]
    assert len({i for i, _ in found}) == len(found)
    return dict(found)


@pytest.mark.parametrize("seed", range(12))
def test_wire_labels_show_the_value_and_the_gradient_along_the_wire(seed: int) -> None:
    root = random_graph(seed, 30)
    nodes = trace(root)
    svg = parse(draw_svg(root))
    contrib = contributions(svg)
    for g in wire_groups(svg):
        source = nodes[int(g.get("data-from") or -1)]
        value = g.find(f"{NS}text[@class='bp-value']")
        grad = grad_label(g)
        assert value is not None
        shown = format_number(source.data)
        if source.op is not None and source.label:
            shown = f"{source.label} = {shown}"
        if "bp-output" in (g.get("class") or ""):
            share = root.grad
        else:  # local gradient × upstream gradient of the gate it feeds: data-contrib
            share = contrib[int(g.get("data-to") or -1), int(g.get("data-arg") or -1)]
        assert (value.text, grad.text) == (shown, format_number(share))
        uses = sum(src == source.index for n in nodes for src in n.inputs)
        if uses == 1:  # a value used once: its one wire carries all of its gradient
            assert grad.text == format_number(source.grad)
        # Value above the wire, gradient below it.
        assert float(value.get("y") or 0) < float(grad.get("y") or 0)


def test_inputs_show_labels_and_constants_show_values() -> None:
    x = Value(3.0, label="x")
    f = x * 2.5 + 1
    f.backward()
    names = sorted(
        (g.find(f"{NS}text").text or "")  # type: ignore[union-attr]
        for g in groups(parse(draw_svg(f)), "bp-input")
    )
    assert names == ["1", "2.5", "x"]


def test_format_number() -> None:
    assert format_number(-0.0) == "0"
    assert format_number(0.1 + 0.2) == "0.3"
    assert format_number(-12.0) == "-12"
    assert format_number(0.19661193324148185) == "0.1966"
    assert format_number(123456.0) == "1.235e+05"
    assert format_number(-1e-9) == "-1e-09"
    assert format_number(math.inf) == "inf"


# --- fan-out: shares on the wires, their sum once ------------------------------------


def staged_example() -> Value:
    """f = (x + σ(y)) / (σ(x) + (x + y)²) at x = 3, y = -4, one stage per line (staged page)."""
    x, y = Value(3.0, label="x"), Value(-4.0, label="y")
    sigy = y.sigmoid()
    sigy.label = "sigy"
    num = x + sigy
    num.label = "num"
    sigx = x.sigmoid()
    sigx.label = "sigx"
    xpy = x + y
    xpy.label = "xpy"
    xpysqr = xpy**2
    xpysqr.label = "xpysqr"
    den = sigx + xpysqr
    den.label = "den"
    invden = 1 / den
    invden.label = "invden"
    f = num * invden
    f.label = "f"
    f.backward()
    return f


def check_fan_out(root: Value) -> ET.Element:
    """Each wire shows its share, the shares add up, each fanning-out value shows its sum once."""
    nodes = trace(root)
    svg = parse(draw_svg(root))
    check_readable(svg)
    contrib = contributions(svg)
    sums = totals(svg)
    boxes = node_boxes(svg)
    for node in nodes:
        uses = [(m.index, k) for m in nodes for k, src in enumerate(m.inputs) if src == node.index]
        shown = shares_of(svg, node.index)
        assert shown == {use: format_number(contrib[use]) for use in uses}
        if len(uses) < 2:
            assert node.index not in sums
            continue
        # The gradients add up at a fork: the shares sum to the total, x.grad.
        assert math.fsum(contrib[use] for use in uses) == pytest.approx(node.grad, rel=1e-12)
        (text,) = sums[node.index].iter(f"{NS}text")
        assert text.get("class") == "bp-grad bp-total"
        assert text.text == f"Σ {format_number(node.grad)}"
        consumers = sorted({m for m, _ in uses})
        assert sums[node.index].get("data-consumers") == " ".join(map(str, consumers))
        # Near its source: right of it, left of every gate it feeds.
        left, _, right, _ = text_box(text, svg)
        assert boxes[node.index][2] < left
        assert all(right < boxes[m][0] for m in consumers)
    return svg


def test_staged_example_shows_each_branch_and_the_sum() -> None:
    f = staged_example()
    nodes = trace(f)
    svg = check_fan_out(f)
    x, y = (next(n for n in nodes if n.label == name) for name in "xy")
    gates = {n.label: n.index for n in nodes}
    # x feeds num, sigx and xpy: 0.5121 + (-0.03576) + 1.583 = 2.06, not 2.06 three times.
    assert sorted(shares_of(svg, x.index).items()) == sorted(
        {
            (gates["num"], 0): "0.5121",
            (gates["sigx"], 0): "-0.03576",
            (gates["xpy"], 0): "1.583",
        }.items()
    )
    assert sorted(shares_of(svg, y.index).values()) == ["0.009046", "1.583"]
    assert {i: next(g.itertext()) for i, g in totals(svg).items()} == {
        x.index: "Σ 2.06",
        y.index: "Σ 1.592",
    }
    desc = svg.find(f"{NS}desc")
    assert desc is not None and desc.text and "Σ" in desc.text


def test_a_times_a_shows_both_shares() -> None:
    a = Value(3.0, label="a")
    c = a * a + 1
    c.backward()
    svg = check_fan_out(c)
    # Each wire carries a.data · upstream = 3 · 1; together a.grad = 6.
    assert shares_of(svg, 0) == {(1, 0): "3", (1, 1): "3"}
    assert [next(g.itertext()) for g in totals(svg).values()] == ["Σ 6"]
    assert totals(svg)[0].get("data-consumers") == "1"


def test_a_value_used_by_two_gates() -> None:
    x, y = Value(3.0, label="x"), Value(-4.0, label="y")
    f = x * y + x
    f.backward()
    svg = check_fan_out(f)
    assert shares_of(svg, 0) == {(2, 0): "-4", (3, 1): "1"}
    assert [next(g.itertext()) for g in totals(svg).values()] == ["Σ -3"]


def test_an_inner_value_used_twice_and_a_shared_trunk() -> None:
    x, y = Value(3.0, label="x"), Value(-4.0, label="y")
    q = x * y
    q.label = "q"
    f = q * q + x  # q feeds one gate twice; x feeds two gates
    f.backward()
    check_fan_out(f)
    # x used only far away: all its wires share a trunk, which carries the total.
    w = Value(0.5, label="w")
    g = (y.tanh() * w).tanh() + w
    g.backward()
    svg = check_fan_out(g)
    (total,) = totals(svg).values()
    (text,) = total.iter(f"{NS}text")
    paths = [
        p
        for wire in groups(svg, "bp-wire")
        if wire.get("data-from") == total.get("data-from")
        for p in wire.iter(f"{NS}path")
    ]
    ys = {round(p[1], 1) for path in paths for p in path_points(path.get("d") or "")}
    assert round(float(text.get("y") or 0) - GRAD_DY, 1) in ys  # just below the trunk


def test_single_use_diagrams_have_no_totals() -> None:
    for root in (chain_rule_example(), sigmoid_neuron()):
        svg = parse(draw_svg(root))
        assert not totals(svg)
        desc = svg.find(f"{NS}desc")
        assert desc is not None and desc.text and "Σ" not in desc.text


def test_before_backward_every_share_is_zero() -> None:
    x = Value(0.0, label="x")
    f = x**0.5 + x  # the local gradient of the square root at 0 is undefined (NaN)
    svg = parse(draw_svg(f))
    assert set(shares_of(svg, 0).values()) == {"0"}
    assert [next(g.itertext()) for g in totals(svg).values()] == ["Σ 0"]


@pytest.mark.parametrize("seed", range(40))
def test_random_graphs_add_up_at_every_fork(seed: int) -> None:
    check_fan_out(random_graph(seed, random.Random(seed).randint(1, 40)))


# --- readable -------------------------------------------------------------------


def check_readable(svg: ET.Element) -> None:
    texts = [t for t in svg.iter(f"{NS}text")]
    boxes = [text_box(t, svg) for t in texts]
    for i, a in enumerate(boxes):
        for j in range(i):
            assert not overlap(a, boxes[j]), (texts[i].text, texts[j].text)
    nodes = node_boxes(svg)
    for g in wire_groups(svg):
        ends = {int(g.get("data-from") or -1), int(g.get("data-to") or -1)}
        path = g.find(f"{NS}path")
        assert path is not None
        points = list(path_points(path.get("d") or ""))
        for index, box in nodes.items():
            if index not in ends:
                assert not any(inside(p, box) for p in points), (g.attrib, index)
        for text, box in zip(texts, boxes, strict=True):
            assert not any(inside(p, box) for p in points), (g.attrib, text.text)


def test_textbook_examples_are_readable() -> None:
    check_readable(parse(draw_svg(chain_rule_example())))
    check_readable(parse(draw_svg(sigmoid_neuron())))


@pytest.mark.parametrize("seed", range(40))
def test_random_graphs_are_readable(seed: int) -> None:
    check_readable(parse(draw_svg(random_graph(seed, random.Random(seed).randint(1, 40)))))


def test_coordinates_are_rounded() -> None:
    svg = draw_svg(random_graph(7, 40))
    numbers = re.findall(r' (?:x|y|cx|cy|r|width|height|d|viewBox)="([^"]*)"', svg)
    assert len(numbers) > 100
    for value in numbers:
        for number in re.findall(r"-?\d+(?:\.\d+)?", value):
            assert len(number.partition(".")[2]) <= 1, number


# --- deterministic, safe, big ------------------------------------------------------


def test_same_graph_same_bytes() -> None:
    assert draw_svg(random_graph(3, 40)) == draw_svg(random_graph(3, 40))
    f = sigmoid_neuron()
    assert draw_svg(f) == draw_svg(f) == f._repr_svg_()


def test_notebook_displays_the_circuit() -> None:
    f = chain_rule_example()
    mime, data, _ = display_data(f)
    assert mime == "image/svg+xml"
    assert data == f._repr_svg_() == draw_svg(f)


def test_labels_are_escaped() -> None:
    x = Value(1.0, label="<script>alert(1)</script>")
    y = x * Value(2.0, label='a"b&c')
    y.label = "<b>"
    svg = draw_svg(y)
    assert "<script" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "&lt;b&gt; = 2" in svg
    root = parse(svg)  # still well-formed
    labels = {g.get("data-label") for g in groups(root, "bp-input") + groups(root, "bp-gate")}
    assert labels == {"<script>alert(1)</script>", 'a"b&c', "<b>"}


def test_no_scripts_events_or_links() -> None:
    root = parse(draw_svg(random_graph(5, 40)))
    allowed = {"svg", "title", "desc", "g", "path", "text", "circle", "rect"}  # no <style>
    for element in root.iter():
        assert element.tag.removeprefix(NS) in allowed
        for name in element.attrib:
            assert not name.startswith("on") and "href" not in name


def test_a_single_input_and_a_unary_chain() -> None:
    check_readable(parse(draw_svg(Value(3.0, label="x"))))
    v = Value(0.5)
    for _ in range(10):
        v = v.tanh()
    v.backward()
    svg = parse(draw_svg(v))
    check_readable(svg)
    assert len(groups(svg, "bp-gate")) == 10


def test_large_graph_is_drawn_quickly() -> None:
    root = random_graph(11, 300)
    start = time.perf_counter()
    svg = draw_svg(root)
    assert time.perf_counter() - start < 10
    assert len(groups(parse(svg), "bp-gate")) == sum(n.op is not None for n in trace(root))


def test_too_big_to_read_is_shown_as_text() -> None:
    v = Value(1.0, label="x")
    for _ in range(DRAW_LIMIT // 2):
        v = v * 1.0
    assert len(trace(v)) > DRAW_LIMIT
    assert v._repr_svg_() is None
    assert display_data(v) == ("text/plain", repr(v), {})
    assert draw_svg(v).startswith("<svg")  # asked for explicitly, it is still drawn


# --- the reader's language ----------------------------------------------------------


@pytest.fixture
def reset_language() -> Iterator[None]:
    yield
    set_language("en")


@pytest.mark.parametrize(
    ("lang", "title", "counts"),
    [
        ("en", "Circuit of f = -12", "2 gates and 3 inputs"),
        ("zh", "f = -12 的计算线路图", "2 个门和 3 个输入"),
        ("ja", "f = -12 の回路", "ゲート 2 個と入力 3 個"),
        ("de", "Schaltkreis für f = -12", "2 Gatter und 3 Eingänge"),
    ],
)
def test_title_and_description_in_the_readers_language(
    reset_language: None, lang: str, title: str, counts: str
) -> None:
    set_language(lang)
    svg = parse(draw_svg(chain_rule_example()))
    assert svg[0].text == title
    assert svg[1].text and counts in svg[1].text


@pytest.mark.parametrize(
    ("lang", "one"),
    [("en", "1 gate and 1 input"), ("de", "1 Gatter und 1 Eingang")],
)
def test_one_gate_and_one_input_are_singular(reset_language: None, lang: str, one: str) -> None:
    set_language(lang)
    desc = parse(draw_svg(Value(2.0).relu()))[1].text or ""
    assert desc.startswith(one + ","), desc


def test_the_fan_out_sentence_is_translated_too(reset_language: None) -> None:
    a = Value(3.0, label="a")
    f = a * a
    f.backward()
    set_language("de")
    desc = parse(draw_svg(f))[1].text or ""
    assert "mit Σ markiert" in desc and "wire" not in desc


def test_an_unknown_language_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="choose one of en, zh, ja, de"):
        set_language("fr")
