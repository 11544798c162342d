"""The marks of a training picture: shaded regions, the boundary line, points, legend, loss curve.

Everything here writes SVG markup for :func:`backprop_core.draw.plot.training_plot`;
coordinates are rounded to 0.1 px so the bytes are the same on every machine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from numbers import Real

from .plot_words import word

WIDTH = 340.0  # px: fits a phone's column (390 px minus margins) without shrinking
FONT_SIZE = 13.0  # px
PAD = 6.0  # px, around the panels
ROW = 22.0  # px, a line of text
MIN_HEIGHT, MAX_HEIGHT = 170.0, 300.0  # px, the data panel (its aspect follows the data)
LOSS_HEIGHT = 96.0  # px, the loss panel
AXIS_W = 46.0  # px, room for the loss panel's numbers on the left
MAX_CURVE_POINTS = 240  # a longer loss curve is thinned out
POINT_R = 4.0  # px, radius of a circle; a square is as wide as a circle

POS, NEG = "pos", "neg"  # the class drawn as circles (score > 0) and the one drawn as squares
REGION_FILL = {POS: "#d3e4f5", NEG: "#fbe0cc"}
POINT_FILL = {POS: "#1565c0", NEG: "#d84315"}
BOUNDARY = "#212121"


def coord(v: float) -> str:
    """A coordinate, rounded to 0.1 px so the output is the same on every machine."""
    text = f"{v:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def rect(x: float, y: float, w: float, h: float, cls: str, fill: str) -> str:
    return (
        f'<rect class="{cls}" x="{coord(x)}" y="{coord(y)}" width="{coord(w)}" height="{coord(h)}" '
        f'fill="{fill}"/>'
    )


def text_mark(x: float, y: float, text: str, cls: str, anchor: str = "start") -> str:
    a = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return (
        f'<text class="bp-plot-text {cls}" x="{coord(x)}" y="{coord(y)}"{a} fill="currentColor">'
        f"{escape(text)}</text>"
    )


def regions(values: list[list[float]], panel: tuple[float, ...], grid: int) -> list[str]:
    """The predicted classes as shaded rectangles: one per run of equal cells in a row."""
    x, y, w, h = panel
    cw, ch = w / grid, h / grid
    out = [rect(x, y, w, h, f"bp-plot-region bp-plot-{NEG}", REGION_FILL[NEG])]
    for j in range(grid):
        top, bottom = values[j], values[j + 1]
        runs: list[list[int]] = []
        for i in range(grid):
            if top[i] + top[i + 1] + bottom[i] + bottom[i + 1] > 0:
                if runs and runs[-1][1] == i:
                    runs[-1][1] = i + 1
                else:
                    runs.append([i, i + 1])
        for a, b in runs:
            out.append(
                rect(
                    x + a * cw,
                    y + j * ch,
                    (b - a) * cw,
                    ch,
                    f"bp-plot-region bp-plot-{POS}",
                    REGION_FILL[POS],
                )
            )
    return out


def boundary(values: list[list[float]], panel: tuple[float, ...], grid: int) -> str:
    """The line score = 0 (marching squares): a segment through each cell it crosses."""
    x, y, w, h = panel
    cw, ch = w / grid, h / grid

    def cross(p: tuple[float, float, float], q: tuple[float, float, float]) -> tuple[float, float]:
        t = p[2] / (p[2] - q[2])
        return p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])

    d = []
    for j in range(grid):
        for i in range(grid):
            a = (x + i * cw, y + j * ch, values[j][i])  # corners clockwise from top left
            b = (x + (i + 1) * cw, y + j * ch, values[j][i + 1])
            c = (x + (i + 1) * cw, y + (j + 1) * ch, values[j + 1][i + 1])
            e = (x + i * cw, y + (j + 1) * ch, values[j + 1][i])
            hits = [
                cross(p, q) for p, q in ((a, b), (b, c), (c, e), (e, a)) if (p[2] > 0) != (q[2] > 0)
            ]
            if len(hits) == 4 and (a[2] + b[2] + c[2] + e[2] > 0) == (a[2] > 0):
                hits = hits[1:] + hits[:1]  # a saddle: keep the centre's side connected
            for k in range(0, len(hits) - 1, 2):
                (px, py), (qx, qy) = hits[k], hits[k + 1]
                d.append(f"M{coord(px)} {coord(py)}L{coord(qx)} {coord(qy)}")
    return (
        f'<path class="bp-plot-boundary" d="{"".join(d)}" fill="none" stroke="{BOUNDARY}" '
        'stroke-width="2" stroke-linecap="round"/>'
    )


def points(
    pts: list[tuple[float, float]],
    classes: list[str],
    px: Callable[[float, float], tuple[float, float]],
) -> list[str]:
    circles, squares = [], []
    r = POINT_R
    for (x, y), c in zip(pts, classes):
        cx, cy = px(x, y)
        if c == POS:
            circles.append(f'<circle cx="{coord(cx)}" cy="{coord(cy)}" r="{coord(r)}"/>')
        else:
            side = coord(2 * r)
            squares.append(
                f'<rect x="{coord(cx - r)}" y="{coord(cy - r)}" width="{side}" height="{side}"/>'
            )
    out = []
    for cls, shapes in ((POS, circles), (NEG, squares)):
        if shapes:
            out.append(
                f'<g class="bp-plot-points bp-plot-{cls}" fill="{POINT_FILL[cls]}" '
                f'stroke="#fff" stroke-width="1">{"".join(shapes)}</g>'
            )
    return out


def legend(pos: str, neg: str, boundary: bool) -> tuple[list[str], float]:
    """Above the data: circle = one class, square = the other, then the line.

    The two classes share the first row, half the width each, and the line has
    a row of its own, so where everything goes does not depend on the words of
    the reader's language. Returns the markup and the height it takes.
    """
    half = (WIDTH - 2 * PAD) / 2
    slots = [(POS, pos, PAD, 0)]
    if neg:
        slots.append((NEG, neg, PAD + half, 0))
    if boundary:
        slots.append(("line", word("boundary"), PAD, 1))
    out: list[str] = []
    for kind, text, x, row in slots:
        y = PAD + ROW / 2 + row * ROW
        if kind == "line":
            out.append(
                f'<path class="bp-plot-boundary bp-plot-key" '
                f'd="M{coord(x)} {coord(y)}H{coord(x + 16)}" '
                f'fill="none" stroke="{BOUNDARY}" stroke-width="2" stroke-linecap="round"/>'
            )
        else:
            cx = x + POINT_R + 4
            shape = (
                f'<circle cx="{coord(cx)}" cy="{coord(y)}" r="{coord(POINT_R)}"/>'
                if kind == POS
                else f'<rect x="{coord(cx - POINT_R)}" y="{coord(y - POINT_R)}" '
                f'width="{coord(2 * POINT_R)}" height="{coord(2 * POINT_R)}"/>'
            )
            out.append(
                f'<g class="bp-plot-points bp-plot-{kind}" fill="{POINT_FILL[kind]}" '
                f'stroke="#fff" stroke-width="1">{shape}</g>'
            )
        out.append(text_mark(x + 22, y + 4.5, text, "bp-plot-legend"))
    return out, (max(row for *_, row in slots) + 1) * ROW


def fmt(v: float) -> str:
    return f"{v:.3g}".replace("-", "−")


def loss_panel(losses: Sequence[float], top: float) -> tuple[list[str], str]:
    values = [number(v) for v in losses]
    steps = len(values) - 1
    lo, hi = min(0.0, min(values)), max(values)
    if hi - lo < 1e-12:
        hi = lo + 1.0
    x, y, w, h = PAD + AXIS_W, top + ROW, WIDTH - 2 * PAD - AXIS_W, LOSS_HEIGHT
    last = fmt(values[-1])
    header = word("loss", value=last, steps=steps) if steps != 1 else word("loss_1", value=last)
    stride = max(1, -(-len(values) // MAX_CURVE_POINTS))
    keep = list(range(0, len(values), stride))
    if keep[-1] != len(values) - 1:
        keep.append(len(values) - 1)

    def at(k: int) -> str:
        across = x + (w * k / steps if steps else w / 2)
        return f"{coord(across)},{coord(y + h - (values[k] - lo) / (hi - lo) * h)}"

    coords = " ".join(at(k) for k in keep)
    out = [
        text_mark(PAD, top + ROW - 6, header, "bp-plot-loss-label"),
        f'<rect class="bp-plot-frame" x="{coord(x)}" y="{coord(y)}" '
        f'width="{coord(w)}" height="{coord(h)}" '
        'fill="none" stroke="currentColor" stroke-opacity="0.5"/>',
        text_mark(x - 4, y + 10, fmt(hi), "bp-plot-axis", "end"),
        text_mark(x - 4, y + h, fmt(lo), "bp-plot-axis", "end"),
        text_mark(x, y + h + ROW - 6, "0", "bp-plot-axis"),
        text_mark(x + w / 2, y + h + ROW - 6, word("step"), "bp-plot-axis", "middle"),
        text_mark(x + w, y + h + ROW - 6, str(steps), "bp-plot-axis", "end"),
        f'<polyline class="bp-plot-loss" points="{coords}" fill="none" stroke="#6a1b9a" '
        'stroke-width="2" stroke-linejoin="round"/>',
    ]
    return out, last


def number(v: object) -> float:
    data = getattr(v, "data", v)
    if isinstance(data, Real):
        return float(data)
    raise TypeError(
        f"training_plot: score(x, y) must return a number or a Value, got {type(v).__name__}"
    )
