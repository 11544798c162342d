"""backprop_core against micrograd: time and peak memory on three graphs.

    python benchmarks/bench_core.py            # CPython
    node benchmarks/pyodide_bench.mjs          # the same script inside Pyodide

Prints a table; asserts nothing about time. Both engines build the same graph
from the same numbers through the same code (only the Value class differs), so
results must agree exactly; the script checks that and reports it.

(a) forward + backward of an MLP 2-16-16-1 on 100 points with micrograd's
    max-margin loss (micrograd's demo size);
(b) a chain of 100,000 gates (alternating add and multiply);
(c) a sum of 100,000 products.
"""

from __future__ import annotations

import gc
import itertools
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable

from micrograd.engine import Value as MicroValue

from backprop_core import Value as CoreValue

ENGINES = {"backprop_core": CoreValue, "micrograd": MicroValue}
REPEATS = 5


def mlp_loss(V: type) -> tuple[object, list[object]]:
    """micrograd's demo: an MLP 2-16-16-1, 100 points, hinge loss + L2."""
    rng = random.Random(0)
    sizes = [2, 16, 16, 1]
    layers = []
    for nin, nout in itertools.pairwise(sizes):
        layers.append([([V(rng.uniform(-1, 1)) for _ in range(nin)], V(0.0)) for _ in range(nout)])
    params = [p for layer in layers for w, b in layer for p in (*w, b)]
    points = [(rng.uniform(-2, 2), rng.uniform(-2, 2)) for _ in range(100)]
    labels = [1.0 if x * y > 0 else -1.0 for x, y in points]

    def score(x: list[object]) -> object:
        for k, layer in enumerate(layers):
            last = k == len(layers) - 1
            out = []
            for w, b in layer:
                act = sum((wi * xi for wi, xi in zip(w, x)), b)
                out.append(act if last else act.relu())
            x = out
        return x[0]

    scores = [score([V(a), V(b)]) for a, b in points]
    losses = [(1 + -yi * si).relu() for yi, si in zip(labels, scores)]
    data_loss = sum(losses) * (1.0 / len(losses))
    reg_loss = 1e-4 * sum(p * p for p in params)
    return data_loss + reg_loss, params


def chain(V: type, n: int = 100_000) -> tuple[object, list[object]]:
    x = V(0.5)
    out = x
    for _ in range(n // 2):
        out = out * 0.999999 + 0.000001
    return out, [x]


def sum_of_products(V: type, n: int = 100_000) -> tuple[object, list[object]]:
    rng = random.Random(1)
    xs = [V(rng.uniform(-1, 1)) for _ in range(n)]
    ws = [V(rng.uniform(-1, 1)) for _ in range(n)]
    total = xs[0] * ws[0]
    for x, w in zip(xs[1:], ws[1:]):
        total = total + x * w
    return total, xs[:3] + ws[:3]


CASES: dict[str, Callable[[type], tuple[object, list[object]]]] = {
    "(a) MLP 2-16-16-1, 100 points": mlp_loss,
    "(b) chain of 100,000 gates": chain,
    "(c) sum of 100,000 products": sum_of_products,
}


def count_nodes(root: object) -> int:
    seen, stack = set(), [root]
    while stack:
        v = stack.pop()
        if id(v) in seen:
            continue
        seen.add(id(v))
        stack.extend(getattr(v, "_prev", ()))
    return len(seen)


def run_once(case: Callable, V: type) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    out, params = case(V)
    out.backward()
    elapsed = time.perf_counter() - start
    return elapsed, (out.data, [p.grad for p in params])


def measure(case: Callable, V: type) -> dict[str, object]:
    try:
        times, result = [], None
        for _ in range(REPEATS):
            t, result = run_once(case, V)
            times.append(t)
    except RecursionError:
        return {"error": "RecursionError"}
    gc.collect()
    tracemalloc.start()
    out, _ = case(V)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    nodes = count_nodes(out)
    del out
    return {"time": statistics.median(times), "peak": peak, "nodes": nodes, "result": result}


def agreement(ours: object, theirs: object) -> str:
    """'identical', or the largest relative difference of output and gradients.

    Gradients of a value used by many gates are sums; micrograd adds them up in
    the order of a Python set, so the last bits may differ.
    """
    if ours == theirs:
        return "identical"
    (o_out, o_grads), (t_out, t_grads) = ours, theirs  # type: ignore[misc]
    worst = max(
        abs(a - b) / max(abs(a), abs(b), 1e-300)
        for a, b in zip([o_out, *o_grads], [t_out, *t_grads])
    )
    return f"output {'identical' if o_out == t_out else 'differs'}, max rel. diff {worst:.0e}"


def main() -> None:
    if sys.platform != "emscripten":
        sys.setrecursionlimit(10_000)  # micrograd's recursive sort gets the usual room
    # In Pyodide keep the default: freeing the traceback of a RecursionError 10,000
    # frames deep overflows the JavaScript stack, a fatal error that ends the runtime.
    print(
        f"Python {sys.version.split()[0]} on {sys.platform}; median of {REPEATS} runs, "
        f"gc.collect() before each; recursion limit {sys.getrecursionlimit()}"
    )
    header = (
        f"{'case':<32}{'engine':<15}{'time (ms)':>11}{'peak MiB':>10}"
        f"{'bytes/node':>12}{'speed-up':>10}  results"
    )
    print(header)
    print("-" * len(header))
    for name, case in CASES.items():
        rows = {engine: measure(case, V) for engine, V in ENGINES.items()}
        ours, theirs = rows["backprop_core"], rows["micrograd"]
        same = "n/a" if "error" in theirs else agreement(ours["result"], theirs["result"])
        for engine, r in rows.items():
            if "error" in r:
                print(f"{name:<32}{engine:<15}{'fails: ' + r['error']:>33}")
                continue
            speed = (
                ""
                if engine != "backprop_core" or "error" in theirs
                else f"{theirs['time'] / r['time']:.1f}x"
            )
            print(
                f"{name:<32}{engine:<15}{r['time'] * 1000:>11.1f}{r['peak'] / 2**20:>10.1f}"
                f"{r['peak'] / r['nodes']:>12.0f}{speed:>10}  "
                f"{same if engine == 'backprop_core' else ''}"
            )


if __name__ == "__main__":
    main()
