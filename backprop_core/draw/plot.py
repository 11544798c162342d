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

from . import plot_marks as marks
from .plot_marks import (
    FONT_SIZE,
    LOSS_HEIGHT,
    MAX_HEIGHT,
    MIN_HEIGHT,
    NEG,
    PAD,
    POS,
    ROW,
    WIDTH,
)
from .plot_words import word

_n = marks.coord

__all__ = ["Picture", "training_plot"]

Score = Callable[[float, float], object]


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
    legend, legend_h = marks.legend(pos_label, neg_label, score is not None)
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
        out += marks.regions(values, panel, grid)
        out.append(marks.boundary(values, panel, grid))
        correct = sum(
            (marks.number(score(x, y)) > 0) == (c == POS) for (x, y), c in zip(pts, classes)
        )
    else:
        out.append(marks.rect(*panel, "bp-plot-background", "#f5f5f5"))
    out.append(
        f'<rect class="bp-plot-frame" x="{_n(panel[0])}" y="{_n(panel[1])}" '
        f'width="{_n(panel[2])}" height="{_n(panel[3])}" fill="none" stroke="currentColor" '
        'stroke-opacity="0.5"/>'
    )
    out += marks.points(pts, classes, px)

    y = panel[1] + panel[3]
    summary = f"{len(pts)} points"
    if correct is not None:
        out.append(
            marks.text_mark(
                PAD, y + ROW - 6, word("accuracy", right=correct, n=len(pts)), "bp-plot-accuracy"
            )
        )
        summary += f", accuracy {correct}/{len(pts)}"
    y += ROW
    if losses:
        curve, text = marks.loss_panel(losses, y)
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
            f"<title>{escape(word('title'))}</title>",
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
    return word("class", label=text.replace("-", "−"))


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
        [marks.number(score(x, y)) for x in xs]
        for y in (y1 - (y1 - y0) * j / grid for j in range(grid + 1))
    ]


def _describe(n: int, pos: str, neg: str, correct: int | None, losses: Sequence[float]) -> str:
    text = word("points", n=n, pos=pos, neg=neg) if neg else word("points_1", n=n, pos=pos)
    if correct is not None:
        text += word("model", right=correct, n=n)
    if losses:
        first, last = marks.fmt(marks.number(losses[0])), marks.fmt(marks.number(losses[-1]))
        text += word("curve", steps=len(losses) - 1, first=first, last=last)
    return text
