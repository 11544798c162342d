"""Draw a Value's circuit as an inline SVG, the way CS231n's notes draw circuits.

Inputs are named wire starts on the left, gates are circles with their symbol,
the output leaves on the right. Every wire shows its forward value above it
(green) and below it (red) the gradient that flows back along *that wire*:
local gradient × upstream gradient of the gate it feeds. A value used once has
one wire, which carries its whole gradient. A value that fans out into several
gate inputs gets one share per wire, and its total gradient, the sum of the
shares, is shown once more, in bold, right after the value, marked "Σ".
Positions come from :mod:`backprop_core.draw.layout`; this module only writes the
markup (no stylesheet: the site themes it with web/circuit.css).

The markup is a contract (DESIGN.md, "Circuit diagram contract"): the page's
script walks the backward pass gate by gate from the ``data-*`` attributes,
which hold full-precision numbers (``repr``); the visible text is rounded by
:func:`format_number`. Same graph, same bytes: in CPython and in Pyodide.
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING

from .. import language, ops
from ..graph import Node, topological_order, trace
from ..text import format_number
from .layout import FONT_SIZE, Box, Route, Total, layout, text_width

if TYPE_CHECKING:
    from ..value import Value

__all__ = ["DRAW_LIMIT", "draw_svg", "format_number", "local_gradients", "repr_svg"]

DRAW_LIMIT = 1000  # nodes; Value._repr_svg_ shows bigger graphs as text
GATE_H = 28.0  # px, diameter of a gate's circle
SYMBOL_SIZE = 15.0  # px, one-character symbols such as × + σ
WORD_SIZE = 12.0  # px, symbols that are words (max, exp, ReLU) in a wider pill
LABEL_H = 30.0  # px, a wire's label box: value above the wire, gradient below
VALUE_DY, GRAD_DY = -4.0, 12.5  # baselines of the two labels, from the wire
TOTAL_H = 24.0  # px, a total gradient's box between wires: one line, with room around it


def local_gradients(v: Value) -> tuple[float, ...]:
    """d(v)/d(input) for each input of ``v``, from its gate's rule in :mod:`~backprop_core.ops`.

    NaN where the rule has no finite answer (e.g. the slope of ``x ** 0.5`` at 0).

    >>> from backprop_core import Value
    >>> x, y = Value(3.0), Value(-4.0)
    >>> local_gradients(x * y)
    (-4.0, 3.0)
    """
    op, inputs = v.op, v.inputs
    try:
        if isinstance(op, ops.BinaryOp):
            a, b = inputs
            return op.local_grads(a.data, b.data, v.data)
        if isinstance(op, ops.UnaryOp):
            return (op.local_grad(inputs[0].data, v.data),)
        if isinstance(op, ops.NaryOp):
            return op.local_grads([p.data for p in inputs], v.data)
    except (ArithmeticError, ValueError):
        return (math.nan,) * len(inputs)
    return ()


def draw_svg(root: Value) -> str:
    """The circuit that computed ``root``, as an ``<svg class="bp-circuit">`` string.

    Call ``root.backward()`` first to see gradients (otherwise they are 0).

    >>> from backprop_core import Value
    >>> x, y = Value(3.0, label="x"), Value(-4.0, label="y")
    >>> f = x * y; f.label = "f"; f.backward()
    >>> svg = draw_svg(f)
    >>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="bp-circuit"')
    True
    >>> 'data-local="-4.0 3.0"' in svg and '>f = -12</text>' in svg
    True
    """
    values = topological_order(root)
    nodes = trace(root)
    names = [_name(node) for node in nodes]
    locals_ = [local_gradients(value) for value in values]
    values_shown = [_value_text(node) for node in nodes]
    # The gradient on a wire into input k of gate m: what backward() adds along it.
    shares = {
        (m.index, k): format_number(_share(g, m.grad))
        for m, local in zip(nodes, locals_, strict=True)
        for k, g in enumerate(local)
    }
    widths = [text_width(v) for v in values_shown]
    widths[-1] = max(widths[-1], text_width(format_number(root.grad)))  # the output wire
    uses: list[list[int]] = [[] for _ in nodes]  # the gates each node feeds, once per input
    for m in nodes:
        for k, src in enumerate(m.inputs):
            widths[src] = max(widths[src], text_width(shares[m.index, k]))
            uses[src].append(m.index)
    totals = {i: _total_text(nodes[i]) for i, used in enumerate(uses) if len(used) > 1}
    sizes = [_node_size(node, name) for node, name in zip(nodes, names, strict=True)]
    label_sizes = [(w + 8, LABEL_H) for w in widths]
    total_sizes = {i: (text_width(t) + 8, LABEL_H, TOTAL_H) for i, t in totals.items()}
    where = layout(nodes, sizes, label_sizes, total_sizes)

    gates = [node for node in nodes if node.op is not None]
    result = format_number(root.data)
    # Title and description in the reader's language (backprop_core.set_language).
    if root.label:
        title = language.text("title", label=root.label, result=result)
    else:
        title = language.text("title_unnamed", result=result)
    desc = language.text("desc", counts=language.counts(len(gates), len(nodes) - len(gates)))
    if totals:
        desc += language.text("desc_fan_out")
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bp-circuit" '
        f'viewBox="0 0 {_n(where.width)} {_n(where.height)}" width="{_n(where.width)}" '
        f'height="{_n(where.height)}" role="img" '
        f'data-order="{" ".join(str(g.index) for g in reversed(gates))}" '
        f'font-family="sans-serif" font-size="{_n(FONT_SIZE)}">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(desc)}</desc>",
    ]
    for route in where.routes:
        grad = format_number(root.grad) if route.target is None else shares[route.target, route.arg]
        out.append(_wire(route, values_shown[route.source], grad))
    for total in where.totals:
        out.append(_total(total, totals[total.source], sorted(set(uses[total.source]))))
    for node, local, box, text in zip(nodes, locals_, where.boxes, names, strict=True):
        out.append(_gate(node, local, box) if node.op is not None else _input(node, box, text))
    out.append("</svg>")
    return "\n".join(out)


def repr_svg(root: Value) -> str | None:
    """:func:`draw_svg`, or None if the graph has more than ``DRAW_LIMIT`` nodes.

    This is ``Value._repr_svg_``: displaying a big graph (a training loss over
    a data set has tens of thousands of nodes) would take long and show nothing
    readable, so notebooks fall back to the text repr.

    >>> from backprop_core import Value
    >>> v = Value(1.0)
    >>> for _ in range(DRAW_LIMIT): v = v * 1.0
    >>> repr_svg(v) is None, repr_svg(Value(1.0)) is not None
    (True, True)
    """
    if len(topological_order(root)) > DRAW_LIMIT:
        return None
    return draw_svg(root)


# --- what is written where ------------------------------------------------------


def _name(node: Node) -> str:
    """What a node's box shows: a gate's symbol, an input's label, or a constant's value."""
    if node.op is not None:
        return node.symbol
    return node.label or format_number(node.data)


def _value_text(node: Node) -> str:
    """The value label of a node's output wires (named if an inner node has a label)."""
    value = format_number(node.data)
    if node.op is not None and node.label:
        value = f"{node.label} = {value}"
    return value


def _share(local: float, upstream: float) -> float:
    """What ``backward()`` adds to an input along one wire: local × upstream (data-contrib).

    A gate whose upstream gradient is 0 sends nothing back (``backward()``
    skips it), even where its local gradient is undefined (NaN).
    """
    return local * upstream if upstream != 0.0 else 0.0


def _total_text(node: Node) -> str:
    """The label of a fanning-out node's total gradient: Σ, then the sum of its wires' shares."""
    return f"Σ {format_number(node.grad)}"


def _symbol_size(symbol: str) -> float:
    return SYMBOL_SIZE if text_width(symbol, SYMBOL_SIZE) <= 18 else WORD_SIZE


def _node_size(node: Node, name: str) -> tuple[float, float]:
    if node.op is None:
        return text_width(name) + 4, FONT_SIZE + 4
    size = _symbol_size(name)
    return (GATE_H if size == SYMBOL_SIZE else text_width(name, size) + 14), GATE_H


# --- markup ---------------------------------------------------------------------


def _n(v: float) -> str:
    """A coordinate, rounded to 0.1 px so the output is the same on every machine."""
    text = f"{v:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _attr(name: str, value: object) -> str:
    return f' {name}="{escape(str(value))}"'


def _floats(xs: tuple[float, ...] | list[float]) -> str:
    return " ".join(repr(float(x)) for x in xs)


def _path(route: Route) -> str:
    """M, then horizontal runs (H) and S-curves (C) in turn.

    A curve that would rise less than a pixel is drawn as a run at the same
    height, so near-level wires look straight, not wobbly.
    """
    (x, y), *rest = route.knots
    d = [f"M{_n(x)} {_n(y)}"]
    for k, (nx, ny) in enumerate(rest):
        if k % 2 == 0 or abs(ny - y) < 1.0:
            if d[-1].startswith("H"):
                d.pop()
            d.append(f"H{_n(nx)}")
            x = nx
        else:
            mx = _n((x + nx) / 2)
            d.append(f"C{mx} {_n(y)} {mx} {_n(ny)} {_n(nx)} {_n(ny)}")
            x, y = nx, ny
    return "".join(d)


def _wire(route: Route, value: str, grad: str) -> str:
    lx, ly = route.label
    if route.target is None:
        head = f'<g class="bp-output" data-from="{route.source}">'
    else:
        head = (
            f'<g class="bp-wire" data-from="{route.source}" data-to="{route.target}" '
            f'data-arg="{route.arg}">'
        )
    return (
        f'{head}<path d="{_path(route)}" fill="none" stroke="currentColor" stroke-width="1.25"/>'
        f'<text class="bp-value" x="{_n(lx)}" y="{_n(ly + VALUE_DY)}" text-anchor="middle" '
        f'fill="#2e7d32">{escape(value)}</text>'
        f'<text class="bp-grad" x="{_n(lx)}" y="{_n(ly + GRAD_DY)}" text-anchor="middle" '
        f'fill="#c62828">{escape(grad)}</text></g>'
    )


def _total(total: Total, text: str, consumers: list[int]) -> str:
    """A fanning-out node's total gradient; the stepper shows it once all its gates are visited."""
    x, y = total.label
    y += GRAD_DY if total.on_trunk else 0.35 * FONT_SIZE
    return (
        f'<g class="bp-sum" data-from="{total.source}" '
        f'data-consumers="{" ".join(map(str, consumers))}">'
        f'<text class="bp-grad bp-total" x="{_n(x)}" y="{_n(y)}" text-anchor="middle" '
        f'fill="#c62828" font-weight="700">{escape(text)}</text></g>'
    )


def _input(node: Node, box: Box, name: str) -> str:
    label = _attr("data-label", node.label) if node.label else ""
    return (
        f'<g class="bp-input" data-node="{node.index}"{label}'
        f"{_attr('data-out', repr(node.data))}{_attr('data-grad', repr(node.grad))}>"
        f'<text x="{_n(box.x + box.w - 2)}" y="{_n(box.cy + 0.35 * FONT_SIZE)}" '
        f'text-anchor="end">{escape(name)}</text></g>'
    )


def _gate(node: Node, local: tuple[float, ...], box: Box) -> str:
    attrs = (
        _attr("data-op", node.op)
        + _attr("data-symbol", node.symbol)
        + (_attr("data-label", node.label) if node.label else "")
        + _attr("data-out", repr(node.data))
        + _attr("data-grad", repr(node.grad))
        + _attr("data-upstream", repr(node.grad))
        + _attr("data-inputs", " ".join(map(str, node.inputs)))
        + _attr("data-local", _floats(local))
        + _attr("data-contrib", _floats([g * node.grad for g in local]))
    )
    if box.w == box.h:
        shape = f'<circle cx="{_n(box.cx)}" cy="{_n(box.cy)}" r="{_n(box.h / 2)}"'
    else:
        shape = (
            f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.w)}" height="{_n(box.h)}" '
            f'rx="{_n(box.h / 2)}"'
        )
    size = _symbol_size(node.symbol)
    return (
        f'<g class="bp-gate" data-node="{node.index}"{attrs}>'
        f'{shape} fill="#fff" stroke="currentColor" stroke-width="1.5"/>'
        f'<text x="{_n(box.cx)}" y="{_n(box.cy + 0.33 * size)}" text-anchor="middle" '
        f'font-size="{_n(size)}">{escape(node.symbol)}</text></g>'
    )
