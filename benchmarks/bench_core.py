"""backprop_core against micrograd and a minimal engine: time and peak memory.

    python benchmarks/bench_core.py            # CPython
    python benchmarks/bench_core.py --baseline 9178dda   # also the engine at a git commit
    node benchmarks/pyodide_bench.mjs          # the same script inside Pyodide

Prints two tables; asserts nothing about time. Engines that build the same graph
from the same numbers through the same code (only the Value class differs) must
agree; the script checks that and reports it.

Engines:

* backprop_core: the site's engine (gate table, error checks, no closures);
* micrograd: Karpathy's reference engine (a closure per node, recursive sort);
* minimal: the least one Python object per scalar can cost, for scale: a
  slotted node that stores its local gradients when it is made (no closure,
  no checks) and an iterative topological sort. It is defined below.

Graphs:

(a) forward + backward of an MLP 2-16-16-1 on 100 points with micrograd's
    max-margin loss (micrograd's demo size);
(b) a chain of 100,000 gates (alternating add and multiply);
(c) a sum of 100,000 products;
(d) one training step of the moons network on the neural-net page
    (2-8-8-1 and 2-16-16-1, 100 points, hinge loss + L2): forward, backward and
    the update, with backprop_core's dot and sum gates (one node per neuron)
    and with scalar gates only, in every engine.
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
from typing import Any

from micrograd.engine import Value as MicroValue

from backprop_core import Value as CoreValue
from backprop_core.datasets import moons

REPEATS = 7
# Six agents share two cores here: the median is noisy, the best of REPEATS runs is the
# engine's own cost. Both are printed; ratios use the best.


class MinimalValue:
    """The smallest engine that does the job: local gradients stored at creation, no closure."""

    __slots__ = ("_local", "_prev", "data", "grad")

    def __init__(self, data: float, prev: tuple[Any, ...] = (), local: tuple[float, ...] = ()):
        self.data = data
        self.grad = 0.0
        self._prev = prev
        self._local = local

    def __add__(self, other: Any) -> MinimalValue:
        other = other if isinstance(other, MinimalValue) else MinimalValue(other)
        return MinimalValue(self.data + other.data, (self, other), (1.0, 1.0))

    def __mul__(self, other: Any) -> MinimalValue:
        other = other if isinstance(other, MinimalValue) else MinimalValue(other)
        return MinimalValue(self.data * other.data, (self, other), (other.data, self.data))

    __radd__ = __add__
    __rmul__ = __mul__

    def relu(self) -> MinimalValue:
        return MinimalValue(
            self.data if self.data > 0 else 0.0, (self,), (1.0 if self.data > 0 else 0.0,)
        )

    def backward(self) -> None:
        order, seen, stack = [], set(), [(self, False)]
        while stack:
            node, done = stack.pop()
            if done:
                order.append(node)
            elif node not in seen:
                seen.add(node)
                stack.append((node, True))
                stack.extend((p, False) for p in node._prev)
        self.grad = 1.0
        for node in reversed(order):
            g = node.grad
            for p, local in zip(node._prev, node._local):
                p.grad += local * g


ENGINES: dict[str, type] = {
    "backprop_core": CoreValue,
    "micrograd": MicroValue,
    "minimal": MinimalValue,
}


def mlp_loss(V: type) -> tuple[Any, list[Any]]:
    """micrograd's demo: an MLP 2-16-16-1, 100 points, hinge loss + L2."""
    rng = random.Random(0)
    sizes = [2, 16, 16, 1]
    layers = []
    for nin, nout in itertools.pairwise(sizes):
        layers.append([([V(rng.uniform(-1, 1)) for _ in range(nin)], V(0.0)) for _ in range(nout)])
    params = [p for layer in layers for w, b in layer for p in (*w, b)]
    points = [(rng.uniform(-2, 2), rng.uniform(-2, 2)) for _ in range(100)]
    labels = [1.0 if x * y > 0 else -1.0 for x, y in points]

    def score(x: list[Any]) -> Any:
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


def chain(V: type, n: int = 100_000) -> tuple[Any, list[Any]]:
    x = V(0.5)
    out = x
    for _ in range(n // 2):
        out = out * 0.999999 + 0.000001
    return out, [x]


def sum_of_products(V: type, n: int = 100_000) -> tuple[Any, list[Any]]:
    rng = random.Random(1)
    xs = [V(rng.uniform(-1, 1)) for _ in range(n)]
    ws = [V(rng.uniform(-1, 1)) for _ in range(n)]
    total = xs[0] * ws[0]
    for x, w in zip(xs[1:], ws[1:]):
        total = total + x * w
    return total, xs[:3] + ws[:3]


def moons_step(hidden: int, many_input_gates: bool) -> Callable[[type], tuple[Any, list[Any]]]:
    """One step of the neural-net page's moons network (training/neural_net_moons.py)."""

    def step(V: type) -> tuple[Any, list[Any]]:
        points, labels = moons(100, noise=0.1, seed=0)
        rng = random.Random(0)
        sizes = [2, hidden, hidden, 1]
        layers = [
            [([V(rng.uniform(-1, 1)) for _ in range(n_in)], V(0.0)) for _ in range(n_out)]
            for n_in, n_out in itertools.pairwise(sizes)
        ]
        params = [p for lay in layers for w, b in lay for p in (*w, b)]

        def score(x: float, y: float) -> Any:
            h: list[Any] = [x, y]
            for k, lay in enumerate(layers):
                if many_input_gates:
                    h = [V.dot(w, h) + b for w, b in lay]
                else:
                    h = [sum((wi * hi for wi, hi in zip(w, h)), b) for w, b in lay]
                if k < len(layers) - 1:
                    h = [v.relu() for v in h]
            return h[0]

        hinge_terms = [(1 + (-label) * score(x, y)).relu() for (x, y), label in zip(points, labels)]
        if many_input_gates:
            loss = V.sum(hinge_terms) * (1 / len(points)) + 1e-4 * V.dot(params, params)
        else:
            loss = sum(hinge_terms) * (1 / len(points)) + 1e-4 * sum(p * p for p in params)
        for p in params:
            p.grad = 0.0
        return loss, params

    return step


# In Pyodide, freeing a 100,000-deep chain of plain objects recurses in C until the
# browser's stack runs out: a fatal error that ends the runtime (backprop_core
# frees its graphs in a loop there; the minimal engine and micrograd do not).
DEEP_ENGINES = ("backprop_core", "micrograd", "minimal")
if sys.platform == "emscripten":
    DEEP_ENGINES = ("backprop_core", "micrograd")
CASES: dict[str, tuple[Callable[[type], tuple[Any, list[Any]]], tuple[str, ...]]] = {
    "(a) MLP 2-16-16-1, 100 points": (mlp_loss, ("backprop_core", "micrograd", "minimal")),
    "(b) chain of 100,000 gates": (chain, DEEP_ENGINES),
    "(c) sum of 100,000 products": (sum_of_products, DEEP_ENGINES),
}
STEPS: dict[str, Callable[[type], tuple[Any, list[Any]]]] = {
    "2-8-8-1, dot and sum gates": moons_step(8, True),
    "2-8-8-1, scalar gates": moons_step(8, False),
    "2-16-16-1, dot and sum gates": moons_step(16, True),
    "2-16-16-1, scalar gates": moons_step(16, False),
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


def run_once(case: Callable[[type], tuple[Any, list[Any]]], V: type) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    out, params = case(V)
    out.backward()
    for p in params:  # the update (a training step); the gradients are read first
        p.data -= 0.0 * p.grad
    elapsed = time.perf_counter() - start
    return elapsed, (out.data, [p.grad for p in params])


def measure(case: Callable[[type], tuple[Any, list[Any]]], V: type) -> dict[str, Any]:
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
    return {
        "time": min(times),
        "median": statistics.median(times),
        "peak": peak,
        "nodes": nodes,
        "result": result,
    }


def agreement(ours: Any, theirs: Any) -> str:
    """'identical', or the largest relative difference of output and gradients.

    Gradients of a value used by many gates are sums; micrograd adds them up in
    the order of a Python set, so the last bits may differ.
    """
    if ours == theirs:
        return "identical"
    (o_out, o_grads), (t_out, t_grads) = ours, theirs
    worst = max(
        abs(a - b) / max(abs(a), abs(b), 1e-300)
        for a, b in zip([o_out, *o_grads], [t_out, *t_grads])
    )
    return f"max rel. diff {worst:.0e}"


def load_baseline(ref: str) -> type:
    """``Value`` of backprop_core as it was at git commit ``ref``, measured in the same run.

    The package is extracted into a temporary folder under another name
    (``backprop_core_at_<ref>``), so both versions can be imported side by side.
    """
    import re
    import subprocess
    import tempfile
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    name = "backprop_core_at_" + re.sub(r"\W", "_", ref)
    folder = Path(tempfile.mkdtemp(prefix="bench-baseline-"))
    archive = subprocess.run(
        ["git", "archive", ref, "backprop_core"], cwd=root, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    (folder / "backprop_core").rename(folder / name)
    for path in (folder / name).rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\bbackprop_core\b", name, text), encoding="utf-8")
    sys.path.insert(0, str(folder))
    module = __import__(name)
    return module.Value  # type: ignore[no-any-return]


def main() -> None:
    if "--baseline" in sys.argv:
        ref = sys.argv[sys.argv.index("--baseline") + 1]
        engine = f"backprop_core@{ref[:10]}"
        ENGINES[engine] = load_baseline(ref)
        for name, (case, engines) in CASES.items():
            CASES[name] = (case, (*engines[:1], engine, *engines[1:]))
    if sys.platform != "emscripten":
        sys.setrecursionlimit(10_000)  # micrograd's recursive sort gets the usual room
    # In Pyodide keep the default: freeing the traceback of a RecursionError 10,000
    # frames deep overflows the JavaScript stack, a fatal error that ends the runtime.
    print(
        f"Python {sys.version.split()[0]} on {sys.platform}; best and median of {REPEATS} runs, "
        f"gc.collect() before each; recursion limit {sys.getrecursionlimit()}"
    )
    header = (
        f"{'graph':<32}{'engine':<15}{'best ms':>9}{'median':>9}{'nodes':>9}{'peak MiB':>10}"
        f"{'bytes/node':>12}  vs backprop_core"
    )
    print(header)
    print("-" * len(header))
    for name, (case, engines) in CASES.items():
        rows = {engine: measure(case, ENGINES[engine]) for engine in engines}
        if "minimal" not in engines:
            rows["minimal"] = {"error": "not run: freeing the deep graph kills Pyodide"}
        ours = rows["backprop_core"]
        for engine, r in rows.items():
            if "error" in r:
                print(
                    f"{name:<32}{engine:<15}{'fails: ' + r['error']:>30}"
                    if r["error"] == "RecursionError"
                    else f"{name:<32}{engine:<15}  {r['error']}"
                )
                continue
            note = ""
            if engine != "backprop_core":
                same = agreement(ours["result"], r["result"])
                note = f"{ours['time'] / r['time']:.2f}x its time; {same}"
            print(
                f"{name:<32}{engine:<15}{r['time'] * 1000:>9.1f}{r['median'] * 1000:>9.1f}"
                f"{r['nodes']:>9}"
                f"{r['peak'] / 2**20:>10.1f}{r['peak'] / r['nodes']:>12.0f}  {note}"
            )

    print()
    print("(d) one training step of the neural-net page's moons network, 100 points")
    header = f"{'model':<30}{'engine':<15}{'best ms':>9}{'median':>9}{'nodes':>9}  notes"
    print(header)
    print("-" * len(header))
    for size in ("2-8-8-1", "2-16-16-1"):
        dot = measure(STEPS[f"{size}, dot and sum gates"], CoreValue)
        print(
            f"{size + ', dot and sum gates':<30}{'backprop_core':<15}"
            f"{dot['time'] * 1000:>9.1f}{dot['median'] * 1000:>9.1f}{dot['nodes']:>9}"
            "  the page's model"
        )
        for engine, V in ENGINES.items():
            r = measure(STEPS[f"{size}, scalar gates"], V)
            if "error" in r:
                print(f"{size + ', scalar gates':<30}{engine:<15}{'fails: ' + r['error']:>18}")
                continue
            same = agreement(dot["result"], r["result"])
            gain = f"{r['time'] / dot['time']:.2f}x the dot gates' time; {same}"
            print(
                f"{size + ', scalar gates':<30}{engine:<15}"
                f"{r['time'] * 1000:>9.1f}{r['median'] * 1000:>9.1f}{r['nodes']:>9}  {gain}"
            )


if __name__ == "__main__":
    main()
