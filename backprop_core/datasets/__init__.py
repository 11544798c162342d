"""Small 2-D data sets for the training pages, in plain Python and seeded.

Neither can be separated by a straight line, which is the point: a linear
classifier gets part of the way, a hidden layer bends the boundary the rest.

>>> points, labels = moons(6, seed=0)
>>> len(points), sorted(set(labels))
(6, [-1, 1])
>>> points == moons(6, seed=0)[0]   # the same seed gives the same points
True
"""

from __future__ import annotations

import math
import random
from numbers import Real

__all__ = ["circles", "moons"]

Point = tuple[float, float]


def _check(name: str, n: object, noise: object, labels: object) -> tuple[int, float]:
    if isinstance(n, bool) or not isinstance(n, int) or n < 2:
        raise ValueError(f"{name}(): n is the number of points, an int of at least 2; got {n!r}")
    if isinstance(noise, bool) or not isinstance(noise, Real) or not 0 <= float(noise) < 10:
        raise ValueError(
            f"{name}(): noise is the spread of each point, a number from 0 to 10; got {noise!r}"
        )
    if not isinstance(labels, tuple) or len(labels) != 2 or labels[0] == labels[1]:
        raise ValueError(f"{name}(): labels must be two different values, got {labels!r}")
    return n, float(noise)


def moons(
    n: int = 100, noise: float = 0.1, seed: int = 0, labels: tuple[int, int] = (1, -1)
) -> tuple[list[Point], list[int]]:
    """Two interleaving half circles: ``n`` points and their labels, in a random order.

    The upper moon (centre (0, 0), radius 1) gets ``labels[0]``; the lower one
    (centre (1, 0.5), opening upwards) gets ``labels[1]``. Each point is moved
    by Gaussian noise with standard deviation ``noise``.

    >>> points, labels = moons(4, noise=0.0, seed=1)
    >>> for (x, y), label in sorted(zip(points, labels)):
    ...     print(round(x, 2), round(y, 2), label)
    -1.0 0.0 1
    0.0 0.5 -1
    1.0 0.0 1
    2.0 0.5 -1
    """
    n, noise = _check("moons", n, noise, labels)
    rng = random.Random(seed)
    upper = n - n // 2
    data = []
    for k in range(upper):  # evenly along each half circle, like scikit-learn's make_moons
        t = math.pi * k / max(1, upper - 1)
        data.append(((math.cos(t), math.sin(t)), labels[0]))
    for k in range(n // 2):
        t = math.pi * k / max(1, n // 2 - 1)
        data.append(((1.0 - math.cos(t), 0.5 - math.sin(t)), labels[1]))
    return _shuffle_with_noise(data, noise, rng)


def circles(
    n: int = 100,
    noise: float = 0.1,
    seed: int = 0,
    labels: tuple[int, int] = (1, -1),
    factor: float = 0.5,
) -> tuple[list[Point], list[int]]:
    """A small circle inside a big one: ``n`` points and their labels, in a random order.

    The inner circle (radius ``factor``) gets ``labels[0]``, the outer one
    (radius 1) ``labels[1]``.

    >>> points, labels = circles(4, noise=0.0, seed=1)
    >>> sorted(round(math.hypot(x, y), 2) for x, y in points)
    [0.5, 0.5, 1.0, 1.0]
    """
    n, noise = _check("circles", n, noise, labels)
    if not 0 < factor < 1:
        raise ValueError(f"circles(): factor is the inner radius, between 0 and 1; got {factor!r}")
    rng = random.Random(seed)
    inner = n - n // 2
    data = []
    for k in range(inner):
        t = 2 * math.pi * k / inner
        data.append(((factor * math.cos(t), factor * math.sin(t)), labels[0]))
    for k in range(n // 2):
        t = 2 * math.pi * k / (n // 2)
        data.append(((math.cos(t), math.sin(t)), labels[1]))
    return _shuffle_with_noise(data, noise, rng)


def _shuffle_with_noise(
    data: list[tuple[Point, int]], noise: float, rng: random.Random
) -> tuple[list[Point], list[int]]:
    rng.shuffle(data)
    points = [(x + rng.gauss(0.0, noise), y + rng.gauss(0.0, noise)) for (x, y), _ in data]
    return points, [label for _, label in data]
