"""backprop_core.datasets: seeded 2-D data sets that a straight line cannot separate."""

from __future__ import annotations

import math

import pytest

from backprop_core.datasets import circles, moons


@pytest.mark.parametrize("make", [moons, circles])
def test_seeded_balanced_and_shuffled(make) -> None:  # type: ignore[no-untyped-def]
    points, labels = make(101, seed=4)
    assert len(points) == len(labels) == 101
    assert sorted(set(labels)) == [-1, 1] and abs(labels.count(1) - labels.count(-1)) == 1
    assert make(101, seed=4) == (points, labels)
    assert make(101, seed=5) != (points, labels)
    assert labels[:10] != sorted(labels[:10]) or labels[10:20] != sorted(labels[10:20])


def test_moons_without_noise_lie_on_their_half_circles() -> None:
    points, labels = moons(40, noise=0.0, labels=("up", "down"))
    for (x, y), c in zip(points, labels):
        if c == "up":
            assert math.isclose(math.hypot(x, y), 1.0) and y >= -1e-12
        else:
            assert math.isclose(math.hypot(x - 1, y - 0.5), 1.0) and y <= 0.5 + 1e-12


def test_circles_without_noise_have_two_radii() -> None:
    points, labels = circles(30, noise=0.0, factor=0.3)
    for (x, y), c in zip(points, labels):
        assert math.isclose(math.hypot(x, y), 0.3 if c == 1 else 1.0)


def test_no_straight_line_separates_the_moons() -> None:
    """The best of many lines through the data still misclassifies some points."""
    points, labels = moons(100, noise=0.1, seed=0)
    best = 0
    for k in range(180):
        a, b = math.cos(math.pi * k / 180), math.sin(math.pi * k / 180)
        projections = sorted((a * x + b * y, c) for (x, y), c in zip(points, labels))
        for i in range(len(projections) + 1):
            left = [c for _, c in projections[:i]]
            right = [c for _, c in projections[i:]]
            for sign in (1, -1):
                best = max(best, left.count(-sign) + right.count(sign))
    assert 80 <= best < 100


@pytest.mark.parametrize(
    ("call", "pattern"),
    [
        (lambda: moons(1), r"^moons\(\): n is the number of points, an int of at least 2; got 1"),
        (lambda: moons(10.5), r"^moons\(\): n .* got 10\.5"),  # type: ignore[arg-type]
        (lambda: moons(10, noise=-1), r"^moons\(\): noise .* got -1"),
        (lambda: circles(10, labels=(1, 1)), r"^circles\(\): labels must be two different"),
        (lambda: circles(10, factor=1.5), r"^circles\(\): factor is the inner radius"),
    ],
)
def test_bad_input_is_explained(call, pattern: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=pattern):
        call()
