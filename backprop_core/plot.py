"""Pictures of a training run: the data, the decision boundary and the loss curve, as SVG.

:func:`training_plot` draws two panels, one above the other, so the picture
stays readable on a phone:

* the data: each point a circle or a square by its class, on a background
  shaded by what the model predicts there (``score(x, y) > 0`` for the class
  drawn as circles), with the decision boundary ``score = 0`` as a line;
* the loss curve, one value per step.

Like the circuit diagrams, the SVG carries no stylesheet: presentation
attributes give it a light look anywhere, and the site themes it for light and
dark through the classes (web/plot.css). Pure Python, the same bytes in
CPython and in Pyodide, so a page can redraw it while the reader's training
runs::

    display(training_plot(points, labels, score, losses), display_id="training")

>>> picture = training_plot([(0.0, 0.0), (1.0, 1.0)], [1, -1], lambda x, y: 1 - x - y)
>>> picture
<picture: 2 points, accuracy 2/2>
>>> picture._repr_svg_().startswith('<svg xmlns="http://www.w3.org/2000/svg" class="bp-plot"')
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from numbers import Real

from .language import get_language

__all__ = ["Picture", "training_plot"]

Score = Callable[[float, float], object]

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


# The words a picture shows, in the reader's language (backprop_core.set_language).
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Training: data, decision boundary and loss curve",
        "class": "class {label}",
        "boundary": "boundary",
        "accuracy": "accuracy {right}/{n}",
        "loss": "loss {value} after {steps} steps",
        "loss_1": "loss {value} after 1 step",
        "step": "step",
        "points": "{n} points: {pos} drawn as circles, {neg} as squares.",
        "points_1": "{n} points of {pos}, drawn as circles.",
        "model": " The shading shows the class the model predicts at each place, the line its "
        "decision boundary; {right} of {n} points are on the right side.",
        "curve": " Below, the loss over {steps} steps, from {first} to {last}.",
    },
    "zh": {
        "title": "训练：数据、决策边界与损失曲线",
        "class": "类别 {label}",
        "boundary": "决策边界",
        "accuracy": "准确率 {right}/{n}",
        "loss": "损失 {value}（{steps} 步后）",
        "loss_1": "损失 {value}（1 步后）",
        "step": "步数",
        "points": "{n} 个数据点：{pos}画成圆点，{neg}画成方块。",
        "points_1": "{n} 个{pos}的数据点，画成圆点。",
        "model": "底色表示模型在各处预测的类别，线是它的决策边界；"
        "有 {right} 个点落在正确的一侧（共 {n} 个）。",
        "curve": "下方是 {steps} 步中的损失，从 {first} 变为 {last}。",
    },
    "ja": {
        "title": "学習：データ、決定境界、損失の曲線",
        "class": "クラス {label}",
        "boundary": "決定境界",
        "accuracy": "正解率 {right}/{n}",
        "loss": "損失 {value}（{steps} ステップ後）",
        "loss_1": "損失 {value}（1 ステップ後）",
        "step": "ステップ",
        "points": "{n} 個のデータ点。{pos}を丸、{neg}を四角で描いています。",
        "points_1": "{pos}の {n} 個のデータ点を丸で描いています。",
        "model": "色分けはモデルが各場所で予測するクラス、線はその決定境界です。"
        "正しい側にある点は {right} 点です（全 {n} 点）。",
        "curve": "下は {steps} ステップの損失の曲線で、{first} から {last} になっています。",
    },
    "de": {
        "title": "Training: Daten, Entscheidungsgrenze und Verlustkurve",
        "class": "Klasse {label}",
        "boundary": "Entscheidungsgrenze",
        "accuracy": "Genauigkeit {right}/{n}",
        "loss": "Verlust {value} nach {steps} Schritten",
        "loss_1": "Verlust {value} nach 1 Schritt",
        "step": "Schritt",
        "points": "{n} Punkte: {pos} als Kreise, {neg} als Quadrate.",
        "points_1": "{n} Punkte der {pos}, als Kreise gezeichnet.",
        "model": " Die Färbung zeigt, welche Klasse das Modell an jeder Stelle vorhersagt, die "
        "Linie seine Entscheidungsgrenze; {right} von {n} Punkten liegen auf der richtigen Seite.",
        "curve": " Darunter der Verlust über {steps} Schritte, von {first} bis {last}.",
    },
}


def _word(key: str, **fields: object) -> str:
    return WORDS[get_language()][key].format(**fields)


class Picture:
    """An SVG picture with ``_repr_svg_``, so ``display()`` and notebooks draw it."""

    __slots__ = ("summary", "svg")

    def __init__(self, svg: str, summary: str) -> None:
        self.svg = svg
        self.summary = summary

    def _repr_svg_(self) -> str:
        return self.svg

    def __repr__(self) -> str:
        return f"<picture: {self.summary}>"


def training_plot(
    points: Sequence[tuple[float, float]],
    labels: Sequence[object],
    score: Score | None = None,
    losses: Sequence[float] = (),
    grid: int = 30,
) -> Picture:
    """The data, the model's decision boundary and the loss curve, as one picture.

    Args:
        points: the data, (x, y) pairs.
        labels: one per point, two different values. The larger one is the
            class the model predicts where ``score(x, y) > 0``; it is drawn as
            circles, the other as squares.
        score: the model as a function of a point, returning a number or a
            Value (its ``data`` is used). Without it only the data is drawn.
        losses: the loss after each step so far (the curve panel is left out
            if empty).
        grid: the decision regions are sampled on a grid this fine (the score
            is called (grid + 1)² times: use plain floats in it, it is fast).
    """
    pts, classes = _check(points, labels, grid)
    pos_label, neg_label = _class_names(labels)
    legend, legend_h = _legend(pos_label, neg_label, score is not None)
    x0, x1, y0, y1 = _extent(pts)
    panel_h = min(MAX_HEIGHT, max(MIN_HEIGHT, (WIDTH - 2 * PAD) * (y1 - y0) / (x1 - x0)))
    panel = (PAD, PAD + legend_h, WIDTH - 2 * PAD, panel_h)  # x, y, width, height
    x0, x1, y0, y1 = _fit(x0, x1, y0, y1, panel[2] / panel[3])

    def px(x: float, y: float) -> tuple[float, float]:
        return (
            panel[0] + (x - x0) / (x1 - x0) * panel[2],
            panel[1] + (y1 - y) / (y1 - y0) * panel[3],
        )

    out: list[str] = list(legend)
    correct = None
    if score is not None:
        values = _sample(score, x0, x1, y0, y1, grid)
        out += _regions(values, panel, grid)
        out.append(_boundary(values, panel, grid))
        correct = sum((_number(score(x, y)) > 0) == (c == POS) for (x, y), c in zip(pts, classes))
    else:
        out.append(_rect(*panel, "bp-plot-background", "#f5f5f5"))
    out.append(
        f'<rect class="bp-plot-frame" x="{_n(panel[0])}" y="{_n(panel[1])}" '
        f'width="{_n(panel[2])}" height="{_n(panel[3])}" fill="none" stroke="currentColor" '
        'stroke-opacity="0.5"/>'
    )
    out += _points(pts, classes, px)

    y = panel[1] + panel[3]
    summary = f"{len(pts)} points"
    if correct is not None:
        out.append(
            _text(
                PAD, y + ROW - 6, _word("accuracy", right=correct, n=len(pts)), "bp-plot-accuracy"
            )
        )
        summary += f", accuracy {correct}/{len(pts)}"
    y += ROW
    if losses:
        curve, text = _loss_panel(losses, y)
        out += curve
        y += ROW + LOSS_HEIGHT + ROW
        summary += f", loss {text}"
    height = y + PAD
    desc = _describe(len(pts), pos_label, neg_label, correct, losses)
    svg = "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="bp-plot" '
            f'viewBox="0 0 {_n(WIDTH)} {_n(height)}" width="{_n(WIDTH)}" height="{_n(height)}" '
            f'role="img" font-family="sans-serif" font-size="{_n(FONT_SIZE)}">',
            f"<title>{escape(_word('title'))}</title>",
            f"<desc>{escape(desc)}</desc>",
            *out,
            "</svg>",
        ]
    )
    return Picture(svg, summary)


# --- checking and scaling -----------------------------------------------------------------


def _check(
    points: Sequence[tuple[float, float]], labels: Sequence[object], grid: int
) -> tuple[list[tuple[float, float]], list[str]]:
    if len(points) != len(labels):
        raise ValueError(
            f"training_plot: got {len(points)} points and {len(labels)} labels; "
            "give one label per point"
        )
    if not points:
        raise ValueError("training_plot: there are no points to draw")
    if len(set(labels)) > 2:
        raise ValueError(
            f"training_plot: draws two classes, got {len(set(labels))} different labels "
            f"({sorted(set(map(repr, labels)))[:5]}); map them to two first"
        )
    if isinstance(grid, bool) or not isinstance(grid, int) or not 2 <= grid <= 200:
        raise ValueError(f"training_plot: grid must be an int from 2 to 200, got {grid!r}")
    pts = []
    for i, p in enumerate(points):
        try:
            x, y = p
            pts.append((float(x), float(y)))
        except (TypeError, ValueError):
            raise TypeError(
                f"training_plot: points[{i}] is {p!r}; each point must be a pair of numbers (x, y)"
            ) from None
    top = max(labels, key=_sort_key)
    return pts, [POS if c == top else NEG for c in labels]


def _sort_key(label: object) -> tuple[int, object]:
    return (0, label) if isinstance(label, Real) else (1, repr(label))


def _class_names(labels: Sequence[object]) -> tuple[str, str]:
    found = sorted(set(labels), key=_sort_key)
    neg, pos = (found[0], found[-1]) if len(found) == 2 else (None, found[0])
    signed = any(isinstance(c, Real) and c < 0 for c in found)  # +1 and −1, but 0 and 1
    return _label_text(pos, signed), ("" if neg is None else _label_text(neg, signed))


def _label_text(label: object, signed: bool) -> str:
    text = f"{label:+d}" if signed and isinstance(label, int) else str(label)
    return _word("class", label=text.replace("-", "−"))


def _number(v: object) -> float:
    data = getattr(v, "data", v)
    if isinstance(data, Real):
        return float(data)
    raise TypeError(
        f"training_plot: score(x, y) must return a number or a Value, got {type(v).__name__}"
    )


def _extent(pts: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    dx, dy = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
    size = max(dx, dy)
    dx, dy = max(dx, 0.25 * size), max(dy, 0.25 * size)  # a flat cloud still gets a panel
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - 0.55 * dx, cx + 0.55 * dx, cy - 0.55 * dy, cy + 0.55 * dy


def _fit(x0: float, x1: float, y0: float, y1: float, aspect: float) -> tuple[float, ...]:
    """Widen one range so one unit is as long across as it is up (circles stay round)."""
    w, h = x1 - x0, y1 - y0
    if w / h < aspect:
        grow = (h * aspect - w) / 2
        return x0 - grow, x1 + grow, y0, y1
    grow = (w / aspect - h) / 2
    return x0, x1, y0 - grow, y1 + grow


def _sample(
    score: Score, x0: float, x1: float, y0: float, y1: float, grid: int
) -> list[list[float]]:
    """The score on the grid's corners, row by row from the top."""
    xs = [x0 + (x1 - x0) * i / grid for i in range(grid + 1)]
    return [
        [_number(score(x, y)) for x in xs]
        for y in (y1 - (y1 - y0) * j / grid for j in range(grid + 1))
    ]


# --- markup ---------------------------------------------------------------------------------


def _n(v: float) -> str:
    """A coordinate, rounded to 0.1 px so the output is the same on every machine."""
    text = f"{v:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _rect(x: float, y: float, w: float, h: float, cls: str, fill: str) -> str:
    return (
        f'<rect class="{cls}" x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" '
        f'fill="{fill}"/>'
    )


def _text(x: float, y: float, text: str, cls: str, anchor: str = "start") -> str:
    a = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return (
        f'<text class="bp-plot-text {cls}" x="{_n(x)}" y="{_n(y)}"{a} fill="currentColor">'
        f"{escape(text)}</text>"
    )


def _regions(values: list[list[float]], panel: tuple[float, ...], grid: int) -> list[str]:
    """The predicted classes as shaded rectangles: one per run of equal cells in a row."""
    x, y, w, h = panel
    cw, ch = w / grid, h / grid
    out = [_rect(x, y, w, h, f"bp-plot-region bp-plot-{NEG}", REGION_FILL[NEG])]
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
                _rect(
                    x + a * cw,
                    y + j * ch,
                    (b - a) * cw,
                    ch,
                    f"bp-plot-region bp-plot-{POS}",
                    REGION_FILL[POS],
                )
            )
    return out


def _boundary(values: list[list[float]], panel: tuple[float, ...], grid: int) -> str:
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
                d.append(f"M{_n(px)} {_n(py)}L{_n(qx)} {_n(qy)}")
    return (
        f'<path class="bp-plot-boundary" d="{"".join(d)}" fill="none" stroke="{BOUNDARY}" '
        'stroke-width="2" stroke-linecap="round"/>'
    )


def _points(
    pts: list[tuple[float, float]],
    classes: list[str],
    px: Callable[[float, float], tuple[float, float]],
) -> list[str]:
    circles, squares = [], []
    r = POINT_R
    for (x, y), c in zip(pts, classes):
        cx, cy = px(x, y)
        if c == POS:
            circles.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}"/>')
        else:
            side = _n(2 * r)
            squares.append(
                f'<rect x="{_n(cx - r)}" y="{_n(cy - r)}" width="{side}" height="{side}"/>'
            )
    out = []
    for cls, shapes in ((POS, circles), (NEG, squares)):
        if shapes:
            out.append(
                f'<g class="bp-plot-points bp-plot-{cls}" fill="{POINT_FILL[cls]}" '
                f'stroke="#fff" stroke-width="1">{"".join(shapes)}</g>'
            )
    return out


def _legend(pos: str, neg: str, boundary: bool) -> tuple[list[str], float]:
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
        slots.append(("line", _word("boundary"), PAD, 1))
    out: list[str] = []
    for kind, text, x, row in slots:
        y = PAD + ROW / 2 + row * ROW
        if kind == "line":
            out.append(
                f'<path class="bp-plot-boundary bp-plot-key" d="M{_n(x)} {_n(y)}H{_n(x + 16)}" '
                f'fill="none" stroke="{BOUNDARY}" stroke-width="2" stroke-linecap="round"/>'
            )
        else:
            cx = x + POINT_R + 4
            shape = (
                f'<circle cx="{_n(cx)}" cy="{_n(y)}" r="{_n(POINT_R)}"/>'
                if kind == POS
                else f'<rect x="{_n(cx - POINT_R)}" y="{_n(y - POINT_R)}" '
                f'width="{_n(2 * POINT_R)}" height="{_n(2 * POINT_R)}"/>'
            )
            out.append(
                f'<g class="bp-plot-points bp-plot-{kind}" fill="{POINT_FILL[kind]}" '
                f'stroke="#fff" stroke-width="1">{shape}</g>'
            )
        out.append(_text(x + 22, y + 4.5, text, "bp-plot-legend"))
    return out, (max(row for *_, row in slots) + 1) * ROW


def _fmt(v: float) -> str:
    return f"{v:.3g}".replace("-", "−")


def _loss_panel(losses: Sequence[float], top: float) -> tuple[list[str], str]:
    values = [_number(v) for v in losses]
    steps = len(values) - 1
    lo, hi = min(0.0, min(values)), max(values)
    if hi - lo < 1e-12:
        hi = lo + 1.0
    x, y, w, h = PAD + AXIS_W, top + ROW, WIDTH - 2 * PAD - AXIS_W, LOSS_HEIGHT
    last = _fmt(values[-1])
    header = _word("loss", value=last, steps=steps) if steps != 1 else _word("loss_1", value=last)
    stride = max(1, -(-len(values) // MAX_CURVE_POINTS))
    keep = list(range(0, len(values), stride))
    if keep[-1] != len(values) - 1:
        keep.append(len(values) - 1)

    def at(k: int) -> str:
        across = x + (w * k / steps if steps else w / 2)
        return f"{_n(across)},{_n(y + h - (values[k] - lo) / (hi - lo) * h)}"

    coords = " ".join(at(k) for k in keep)
    out = [
        _text(PAD, top + ROW - 6, header, "bp-plot-loss-label"),
        f'<rect class="bp-plot-frame" x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" '
        'fill="none" stroke="currentColor" stroke-opacity="0.5"/>',
        _text(x - 4, y + 10, _fmt(hi), "bp-plot-axis", "end"),
        _text(x - 4, y + h, _fmt(lo), "bp-plot-axis", "end"),
        _text(x, y + h + ROW - 6, "0", "bp-plot-axis"),
        _text(x + w / 2, y + h + ROW - 6, _word("step"), "bp-plot-axis", "middle"),
        _text(x + w, y + h + ROW - 6, str(steps), "bp-plot-axis", "end"),
        f'<polyline class="bp-plot-loss" points="{coords}" fill="none" stroke="#6a1b9a" '
        'stroke-width="2" stroke-linejoin="round"/>',
    ]
    return out, last


def _describe(n: int, pos: str, neg: str, correct: int | None, losses: Sequence[float]) -> str:
    text = _word("points", n=n, pos=pos, neg=neg) if neg else _word("points_1", n=n, pos=pos)
    if correct is not None:
        text += _word("model", right=correct, n=n)
    if losses:
        first, last = _fmt(_number(losses[0])), _fmt(_number(losses[-1]))
        text += _word("curve", steps=len(losses) - 1, first=first, last=last)
    return text
