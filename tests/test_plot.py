"""backprop_core.draw.plot: the training picture (data, decision boundary, loss curve).

Checked on the parsed SVG: every part present, only what the site's picture
policy allows, text boxes inside the picture and apart from each other, a
phone-sized width with legible text, and a boundary that really lies where
the score changes sign. (How it looks in Chromium, light and dark, at 390 px:
tests/browser/test_training_live.py.)
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest

from backprop_core import Value, set_language
from backprop_core.datasets import circles, moons
from backprop_core.draw.layout import text_width
from backprop_core.draw.plot import FONT_SIZE, WIDTH, training_plot
from backprop_core.notebook import display_data
from sitebuild.sanitize import policy, sanitize_svg

NS = {"s": "http://www.w3.org/2000/svg"}
PHONE_COLUMN = 390 - 2 * 16  # a 390 px phone, minus the page's margins


def wavy(x: float, y: float) -> float:
    return 0.25 + 0.5 * math.sin(2.5 * x) - y


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def picture(**kw: object) -> ET.Element:
    points, labels = moons(60, seed=3)
    args: dict[str, object] = {"score": wavy, "losses": [1 / (1 + k) for k in range(50)]}
    args.update(kw)
    return parse(training_plot(points, labels, **args)._repr_svg_())  # type: ignore[arg-type]


def texts(root: ET.Element) -> list[ET.Element]:
    return root.findall(".//s:text", NS)


def text_box(t: ET.Element) -> tuple[float, float, float, float]:
    """An estimate of a text's box: left, top, right, bottom (as layout.text_width measures)."""
    w = text_width(t.text or "", FONT_SIZE)
    x, y = float(t.get("x", 0)), float(t.get("y", 0))
    anchor = t.get("text-anchor", "start")
    left = x - (w if anchor == "end" else w / 2 if anchor == "middle" else 0)
    return left, y - 0.8 * FONT_SIZE, left + w, y + 0.2 * FONT_SIZE


def test_every_part_is_drawn() -> None:
    root = picture()
    assert root.get("class") == "bp-plot" and root.get("role") == "img"
    assert root.find("s:title", NS) is not None and root.find("s:desc", NS) is not None
    classes = " ".join(e.get("class", "") for e in root.iter())
    for part in ("bp-plot-region", "bp-plot-boundary", "bp-plot-points", "bp-plot-loss"):
        assert part in classes, part
    shown = [t.text for t in texts(root)]
    assert "accuracy" in " ".join(s or "" for s in shown)
    assert any(s and s.startswith("loss ") for s in shown)
    # 60 points (30 circles, 30 squares) plus one of each in the legend
    assert len(root.findall(".//s:g[@class='bp-plot-points bp-plot-pos']/s:circle", NS)) == 31
    assert len(root.findall(".//s:g[@class='bp-plot-points bp-plot-neg']/s:rect", NS)) == 31


def test_only_what_the_picture_policy_allows() -> None:
    svg = training_plot(*moons(40), score=wavy, losses=[1.0, 0.5])._repr_svg_()
    rules = policy()
    for element in parse(svg).iter():
        tag = element.tag.split("}")[1]
        assert tag in rules.elements, element.tag
        assert set(element.attrib) <= set(rules.elements[tag]), element.attrib
        assert set(element.get("class", "").split()) <= set(rules.classes), element.attrib
    assert "<style" not in svg and "style=" not in svg
    # what the build's sanitizer keeps is the whole picture, element for element
    kept = parse(sanitize_svg(svg))
    assert len(list(kept.iter())) == len(list(parse(svg).iter()))


def test_fits_a_phone_column_with_legible_text() -> None:
    root = picture()
    assert float(root.get("width", 0)) == WIDTH <= PHONE_COLUMN
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    # no text is drawn smaller than the picture's own font size (13 px, not scaled on a phone)
    assert all("font-size" not in t.attrib for t in texts(root))
    assert float(root.get("font-size", 0)) >= 12


@pytest.fixture(params=["en", "zh", "ja", "de"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each language's words (backprop_core.set_language), reset to English afterwards."""
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.mark.parametrize("seed", range(5))
def test_text_stays_inside_and_apart(seed: int, lang: str) -> None:
    labels = [("a", "b"), (0, 1), (-1, 1), (1000, -1000), ("yes", "no")][seed]
    points, _ = moons(30, seed=seed)
    names = [labels[i % 2] for i in range(30)]
    losses = [10.0 ** (3 - k) for k in range(seed * 40 + 2)]
    root = parse(training_plot(points, names, wavy, losses)._repr_svg_())
    width, height = float(root.get("width", 0)), float(root.get("height", 0))
    boxes = [text_box(t) for t in texts(root)]
    for left, top, right, bottom in boxes:
        assert left >= 0 and right <= width and top >= 0 and bottom <= height, (boxes, width)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, (a, b)


def test_words_follow_the_language(lang: str) -> None:
    points, labels = moons(20, seed=0)
    svg = training_plot(points, labels, wavy, [0.5, 0.25])._repr_svg_()
    shown = " ".join(re.findall(r">([^<]+)<", svg))  # what a reader sees or hears
    words = {
        "en": ("Training: data", "boundary", "accuracy", "after 1 step"),
        "zh": ("训练：数据", "决策边界", "准确率", "（1 步后）"),
        "ja": ("学習：データ", "決定境界", "正解率", "（1 ステップ後）"),
        "de": ("Training: Daten", "Entscheidungsgrenze", "Genauigkeit", "nach 1 Schritt"),
    }[lang]
    for word in words:
        assert word in shown, word
    others = {"en": "accuracy", "zh": "准确率", "ja": "正解率", "de": "Genauigkeit"}
    assert all(w not in shown for k, w in others.items() if k != lang), shown


def test_the_boundary_lies_where_the_score_changes_sign() -> None:
    points, labels = circles(80, noise=0.05, seed=1)

    def ring(x: float, y: float) -> float:
        return 0.75 - math.hypot(x, y)  # the circle of radius 0.75 around the origin

    root = parse(training_plot(points, labels, ring)._repr_svg_())
    frame = root.find(".//s:rect[@class='bp-plot-frame']", NS)
    assert frame is not None
    fx, fy, fw, fh = (float(frame.get(k, 0)) for k in ("x", "y", "width", "height"))
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    # map pixels back to data: the panel keeps one unit as long across as up
    scale = fw / (max(xs) - min(xs)) if fw / fh > 1 else fh / (max(ys) - min(ys))
    boundary = root.find(".//s:path[@class='bp-plot-boundary']", NS)
    assert boundary is not None
    coords = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", boundary.get("d", ""))]
    pairs = list(zip(coords[0::2], coords[1::2]))
    assert len(pairs) > 20
    cx, cy = fx + fw / 2, fy + fh / 2
    radii = [math.hypot(x - cx, y - cy) for x, y in pairs]
    # every boundary vertex is ~0.75 units from the centre (grid and rounding error only)
    mean = sum(radii) / len(radii)
    assert all(abs(r - mean) < 0.05 * mean for r in radii), (min(radii), max(radii))
    assert 0.5 * scale < mean < 1.0 * scale
    accuracy = next(t.text for t in texts(root) if t.text and t.text.startswith("accuracy"))
    assert accuracy == "accuracy 80/80"


def test_regions_follow_the_score() -> None:
    points, labels = moons(20, seed=0)
    everywhere = parse(training_plot(points, labels, lambda x, y: 1.0)._repr_svg_())
    nowhere = parse(training_plot(points, labels, lambda x, y: -1.0)._repr_svg_())
    pos = ".//s:rect[@class='bp-plot-region bp-plot-pos']"
    assert len(everywhere.findall(pos, NS)) == 30  # one run per row of the grid
    assert not nowhere.findall(pos, NS)
    assert everywhere.find(".//s:path[@class='bp-plot-boundary']", NS).get("d") == ""  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("labels", "shown"),
    [
        ((1, -1), ["class +1", "class −1"]),
        ((1, 0), ["class 1", "class 0"]),
        (("a", "b"), ["class b", "class a"]),
    ],
)
def test_legend_names_the_classes(labels: tuple[object, object], shown: list[str]) -> None:
    points, _ = moons(10, seed=0)
    names = [labels[i % 2] for i in range(10)]
    legend = [t.text for t in texts(parse(training_plot(points, names)._repr_svg_()))]
    assert legend[:2] == shown


def test_score_may_return_a_value_and_data_only_has_no_regions() -> None:
    points, labels = moons(10, seed=0)
    a = training_plot(points, labels, lambda x, y: Value(x) - 0.5)
    b = training_plot(points, labels, lambda x, y: x - 0.5)
    assert a.svg == b.svg
    bare = parse(training_plot(points, labels)._repr_svg_())
    assert bare.find(".//s:path[@class='bp-plot-boundary']", NS) is None
    assert "accuracy" not in "".join(t.text or "" for t in texts(bare))


def test_same_data_same_bytes_and_displayed_as_a_picture() -> None:
    points, labels = moons(50, seed=7)
    one = training_plot(points, labels, wavy, [0.7, 0.5, 0.2])
    two = training_plot(points, labels, wavy, [0.7, 0.5, 0.2])
    assert one.svg == two.svg
    mime, data, _ = display_data(one)
    assert mime == "image/svg+xml" and data == one.svg
    right = sum((wavy(x, y) > 0) == (c == 1) for (x, y), c in zip(points, labels))
    assert 0 < right < 50
    assert repr(one) == f"<picture: 50 points, accuracy {right}/50, loss 0.2>"


def test_a_long_loss_curve_is_thinned_out() -> None:
    root = picture(losses=[math.exp(-k / 1000) for k in range(10_000)])
    line = root.find(".//s:polyline", NS)
    assert line is not None and len(line.get("points", "").split()) <= 241


@pytest.mark.parametrize(
    ("kwargs", "exc", "pattern"),
    [
        ({"points": [(0, 0)], "labels": [1, 2]}, ValueError, r"got 1 points and 2 labels"),
        ({"points": [], "labels": []}, ValueError, r"no points to draw"),
        ({"points": [(0, 0)] * 3, "labels": [1, 2, 3]}, ValueError, r"two classes, got 3"),
        ({"points": [(0, 0), "ab"], "labels": [1, 2]}, TypeError, r"points\[1\] is 'ab'"),
        ({"points": [(0, 0)], "labels": [1], "grid": 1}, ValueError, r"grid must be an int"),
        (
            {"points": [(0, 0)], "labels": [1], "score": lambda x, y: "up"},
            TypeError,
            r"score\(x, y\) must return a number or a Value, got str",
        ),
    ],
)
def test_bad_input_is_explained(kwargs: dict[str, object], exc: type, pattern: str) -> None:
    with pytest.raises(exc, match="^training_plot: .*" + pattern):
        training_plot(**kwargs)  # type: ignore[arg-type]
