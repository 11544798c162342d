"""How long drawing a circuit takes: layout and the whole SVG, by graph size.

    python benchmarks/bench_svg.py             # CPython
    node benchmarks/pyodide_bench_svg.mjs      # the same script inside Pyodide

Prints a table (median of several runs); asserts nothing about time. The
last column hashes each SVG, and the SVG without its ``data-*`` attributes:
the drawing must be the same in CPython and Pyodide. (The full-precision
numbers in ``data-*`` can differ in the last digit where a gate calls the C
library's ``exp``/``tanh``/``log``, which differ between the two runtimes.) Three
kinds of graph: a neural net (wide: inputs fan out to many gates), a deep
chain that reuses one named input at every step (every use is a wire that
crosses all columns before it: the layout's worst case), and the textbook
sigmoid neuron. The script only needs ``backprop_core``, so Pyodide can run it
as it is.
"""

from __future__ import annotations

import hashlib
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from itertools import pairwise

import backprop_core.draw.svg as svg_module
from backprop_core import Value, draw_svg

REPEATS = 5


def neuron() -> Value:
    """CS231n's 2-D sigmoid neuron: 10 nodes."""
    w0, x0, w1, x1, w2 = (
        Value(v, label=n)
        for v, n in zip((2.0, -1.0, -3.0, -2.0, -3.0), ("w0", "x0", "w1", "x1", "w2"), strict=True)
    )
    return (w0 * x0 + w1 * x1 + w2).sigmoid()


def net(sizes: list[int]) -> Value:
    """A tanh net with the given layer sizes and a squared loss, every weight named."""
    rng = random.Random(0)
    xs = [Value(rng.uniform(-1, 1), label=f"x{i}") for i in range(sizes[0])]
    for k, (nin, nout) in enumerate(pairwise(sizes)):
        out = []
        for j in range(nout):
            ws = [Value(rng.uniform(-1, 1), label=f"w{k}{j}{i}") for i in range(nin)]
            act = sum((w * x for w, x in zip(ws, xs, strict=True)), Value(0.0, label=f"b{k}{j}"))
            out.append(act if k == len(sizes) - 2 else act.tanh())
        xs = out
    return (xs[0] - 1.0) ** 2


def chain(steps: int) -> Value:
    """v = tanh(v * x + c) again and again: x is used by a gate in every column."""
    x = Value(0.5, label="x")
    v = x
    for i in range(steps):
        v = (v * x + 0.1 * i).tanh()
    return v


CASES: list[tuple[str, Callable[[], Value]]] = [
    ("sigmoid neuron", neuron),
    ("net 2-3-1 + loss", lambda: net([2, 3, 1])),
    ("chain, x reused", lambda: chain(10)),
    ("net 2-6-6-1 + loss", lambda: net([2, 6, 6, 1])),
    ("chain, x reused", lambda: chain(50)),
    ("net 2-16-16-1 + loss", lambda: net([2, 16, 16, 1])),
    ("chain, x reused", lambda: chain(250)),
]


def measure(root: Value) -> tuple[float, float, str]:
    """Median seconds for the layout alone and for the whole drawing, and the SVG."""
    spent: list[float] = []
    original = svg_module.layout

    def timed_layout(*args):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = original(*args)
        spent.append(time.perf_counter() - start)
        return result

    svg_module.layout = timed_layout
    try:
        totals = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            svg = draw_svg(root)
            totals.append(time.perf_counter() - start)
    finally:
        svg_module.layout = original
    return statistics.median(spent), statistics.median(totals), svg


def main() -> None:
    print(f"Python {sys.version.split()[0]} on {sys.platform}; median of {REPEATS} runs")
    header = (
        f"{'graph':<22}{'nodes':>7}{'layout ms':>11}{'draw ms':>10}{'µs/node':>9}{'SVG KiB':>9}"
        "  sha256: SVG / without data-*"
    )
    print(header)
    print("-" * len(header))
    for name, build in CASES:
        root = build()
        root.backward()
        nodes = len(root.trace())
        lay, total, svg = measure(root)
        digest = hashlib.sha256(svg.encode()).hexdigest()[:12]
        drawing = re.sub(r' data-[a-z]+="[^"]*"', "", svg)
        digest += " / " + hashlib.sha256(drawing.encode()).hexdigest()[:12]
        print(
            f"{name:<22}{nodes:>7}{lay * 1e3:>11.2f}{total * 1e3:>10.2f}"
            f"{total / nodes * 1e6:>9.0f}{len(svg.encode()) / 1024:>9.1f}  {digest}"
        )


if __name__ == "__main__":
    main()
