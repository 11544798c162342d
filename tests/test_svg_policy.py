"""The picture policy (web/svg-policy.json) is exactly what the site's own drawings emit.

The build (sitebuild/sanitize.py) and the browser (web/sanitize.js) both apply
the policy file; what they keep is checked against hostile pictures in
tests/test_sanitize.py and tests/browser/test_pictures.py. Here: every drawing
the engine makes (circuits of every gate, labelled and not, fanning out;
training plots of one and of two classes) passes the policy whole, and the
policy allows nothing none of them emits, so a new attribute in a drawing
shows up here rather than as a picture that lost its colours on the page.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator

import pytest

from backprop_core import Value, set_language
from backprop_core.draw import training_plot
from sitebuild.sanitize import POLICY_FILE, policy, sanitize_svg

SVG = "{http://www.w3.org/2000/svg}"


def circuits() -> Iterator[str]:
    x, y = Value(3.0, label="x"), Value(-4.0, label="y")
    f = (x * y + x).tanh()  # x fans out: a Σ total
    f.label = "f"
    f.backward()
    yield draw(f)
    a, b = Value(2.0), Value(-1.5)
    g = ((a - b) / (a + 1.0)) ** 2 + (-a).exp().log() + a.max(b).relu() + b.sigmoid()
    g = Value.sum([g, Value.dot([a, b], [b, a]), Value.logsumexp([a, b]), b.softplus()])
    g.backward()
    yield draw(g)  # no labels; words (max, exp, ReLU) in pills
    yield draw(Value(1.0, label="alone"))


def draw(v: Value) -> str:
    svg = v._repr_svg_()
    assert svg is not None
    return svg


def plots() -> Iterator[str]:
    points = [(0.0, 0.0), (1.0, 1.0), (0.5, -0.5), (-1.0, 0.25)]
    yield training_plot(points, [1, -1, 1, -1], lambda x, y: 1 - x - y, [1.0, 0.5, 0.25]).svg
    yield training_plot(
        points, [0, 1, 1, 0], lambda x, y: x * y, [float(i) for i in range(500)]
    ).svg
    yield training_plot(points[:2], [1, 1]).svg


def drawings() -> Iterator[str]:
    for lang in ("en", "zh", "ja", "de"):
        set_language(lang)
        try:
            yield from circuits()
            yield from plots()
        finally:
            set_language("en")


def tree(markup: str) -> list[tuple[str, dict[str, str]]]:
    return [(el.tag.removeprefix(SVG), dict(el.attrib)) for el in ET.fromstring(markup).iter()]


@pytest.mark.parametrize("svg", list(drawings()), ids=lambda svg: svg[50:70])
def test_every_drawing_passes_the_policy_whole(svg: str) -> None:
    assert tree(sanitize_svg(svg)) == tree(svg)


def test_the_policy_allows_only_what_the_drawings_emit() -> None:
    emitted: dict[str, set[str]] = defaultdict(set)
    classes: set[str] = set()
    for svg in drawings():
        for tag, attrs in tree(svg):
            emitted[tag] |= set(attrs)
            classes |= set(attrs.get("class", "").split())
        emitted["svg"].add("xmlns")  # (ElementTree reads it as the namespace)
    rules = policy()
    assert {tag: set(attrs) for tag, attrs in rules.elements.items()} == dict(emitted)
    assert set(rules.classes) == classes
    declared = json.loads(POLICY_FILE.read_text(encoding="utf-8"))
    used = {attr for attrs in rules.elements.values() for attr in attrs}
    assert set(declared["values"]) == used, "every attribute has a kind, and only those"
    assert set(declared["kinds"]) == set(declared["values"].values()), "no unused kind"


def test_the_page_own_names_are_not_in_the_policy() -> None:
    """A picture can carry no id, no reference and none of the page's data-* or classes."""
    rules = policy()
    attributes = {attr for attrs in rules.elements.values() for attr in attrs}
    assert not attributes & {"id", "href", "xlink:href", "style", "data-role", "data-action"}
    assert not attributes & {"data-state", "data-bp-steps", "clip-path", "mask", "filter"}
    assert all(name.startswith("bp-") for name in rules.classes)
    assert not rules.classes & {"bp-run", "bp-figure", "bp-current", "bp-pending", "bp-stepping"}
