"""Generated answers for the capstone (build-your-own/train): the reader's MLP and
train_step, with an oracle that does not use the checker.

The oracle runs the program with its own training loop off (``steps = 0``),
builds ``MLP(2, [8, 8, 1], rng)``, gives it the checker's starting weights and
trains it with the program's ``train_step`` on the checker's mini-batches (the
plan: data, not a verdict). After every step it compares each weight's
gradient and new value with a network built from backprop_core's Values and the
page's loss; then it asks for the accuracy the checker states.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from backprop_core import Value
from tests.exercise_cases import read

from .equivalents import main_block, prints_and_extras, reorder
from .mutants import Names, mutants
from .oracle import TooSlow, run, time_limit
from .program import Program

EXERCISE = "build-your-own/train"
SIZES = [2, 8, 8, 1]


def _replace(source: str, old: str, new: str) -> str:
    assert old in source, old
    return source.replace(old, new, 1)


EQUIVALENT = {
    "zero-grad-of-the-graph": (
        "    for p in model.parameters():\n        p.grad = 0.0                    # forget the "
        "last step's gradients\n",
        "    loss.zero_grad()\n",
    ),
    "params-once": (
        "    for p in model.parameters():\n        p.data -= rate * p.grad         # downhill",
        "    params = model.parameters()\n    for k in range(len(params)):\n"
        "        params[k].data = params[k].data - rate * params[k].grad",
    ),
    "bias-last-in-sum": (
        "        s = self.b\n        for wi, xi in zip(self.w, x):\n"
        "            s = s + wi * xi             # w·x + b, one multiply and one add per input\n",
        "        s = self.w[0] * x[0]\n        for wi, xi in zip(self.w[1:], x[1:]):\n"
        "            s = s + wi * xi\n        s = s + self.b\n",
    ),
}
WRONG = {
    "step-before-backward": (
        "    loss.backward()\n    for p in model.parameters():\n        p.data -= rate * p.grad",
        "    for p in model.parameters():\n        p.data -= rate * p.grad\n    loss.backward()\n"
        "    for p in model.parameters():\n        p.data -= 0 * p.grad",
    ),
    "garbage-gradient-after-step": (  # the checker reads the gradients the step used
        "        p.data -= rate * p.grad         # downhill",
        "        p.data -= rate * p.grad\n        p.grad = 123.0",
    ),
    "half-rate": ("        p.data -= rate * p.grad", "        p.data -= rate / 2 * p.grad"),
    "zero-once": (
        "    for p in model.parameters():\n        p.grad = 0.0                    # forget the "
        "last step's gradients\n",
        "    if not hasattr(model, 'zeroed'):\n        model.zeroed = [setattr(p, 'grad', 0.0) "
        "for p in model.parameters()]\n",
    ),
    "first-layer-only": (
        "        return [p for layer in self.layers for p in layer.parameters()]",
        "        return self.layers[0].parameters()",
    ),
    "tanh-hidden": (
        "        return s.relu() if relu else s",
        "        return s.tanh() if relu else s",
    ),
}


def _truth(flat: list[float], points: list[list[float]], labels: list[int]) -> list[float]:
    """The page's loss on a network of backprop_core Values, written out here once more."""
    params = [Value(v) for v in flat]
    it = iter(params)
    layers = [[([next(it) for _ in range(a)], next(it)) for _ in range(b)]
              for a, b in pairwise(SIZES)]  # fmt: skip
    total: Any = Value(0.0)
    for (x, y), label in zip(points, labels):
        h: list[Any] = [Value(x), Value(y)]
        for k, layer in enumerate(layers):
            out = []
            for ws, b in layer:
                s = b
                for w, v in zip(ws, h):
                    s = s + w * v
                out.append(s.relu() if k < len(layers) - 1 else s)
            h = out
        total = total + (1 - h[0] * label).relu()
    reg: Any = Value(0.0)
    for p in params:
        reg = reg + p * p
    loss = total * (1 / len(points)) + reg * 1e-4
    loss.backward()
    return [p.grad for p in params]


def _same(a: object, b: float) -> bool:
    if isinstance(a, bool) or not isinstance(a, (int, float)) or not math.isfinite(a):
        return False
    return abs(a - b) <= 1e-9 + 1e-6 * max(abs(a), abs(b))


def _params(model: Any) -> list[Any] | None:
    try:
        found = []
        layers = list(model.layers)
        if len(layers) != 3:
            return None
        for layer, (n_in, n_out) in zip(layers, pairwise(SIZES)):
            neurons = list(layer.neurons)
            if len(neurons) != n_out:
                return None
            for n in neurons:
                if len(list(n.w)) != n_in:
                    return None
                found += [*n.w, n.b]
        return found
    except Exception:
        return None


def capstone_expected(exercise: Any, program: Program) -> str | None:
    source = re.sub(r"(?m)^(\s*)steps = \d+", r"\1steps = 0", program.source())
    try:
        namespace = run(source)
    except TooSlow:
        return None
    except Exception:
        return "fail"
    plan = exercise.plan()
    try:
        with time_limit(20.0):
            model = namespace["MLP"](2, [8, 8, 1], random.Random(0))
            params = _params(model)
            if params is None or len({id(p) for p in params}) != 105:
                return "fail"
            listed = list(model.parameters())
            if sorted(map(id, listed)) != sorted(map(id, params)):
                return "fail"
            for p, v in zip(params, plan["probe_weights"]):
                p.data, p.grad = v, 0.0
            for x in plan["probes"]:
                if not _same(
                    getattr(model(list(x)), "data", None), _score(plan["probe_weights"], x)
                ):
                    return "fail"
            weights = list(plan["start"])
            for p, v in zip(params, weights):
                p.data, p.grad = v, 0.0
            for chosen in plan["batches"]:
                batch = [plan["points"][i] for i in chosen]
                labels = [plan["labels"][i] for i in chosen]
                truth = _truth(weights, batch, labels)
                namespace["train_step"](model, [list(b) for b in batch], labels, plan["rate"])
                if not all(_same(p.grad, t) for p, t in zip(params, truth)):
                    return "fail"
                weights = [w - plan["rate"] * t for w, t in zip(weights, truth)]
                if not all(_same(p.data, w) for p, w in zip(params, weights)):
                    return "fail"
            right = sum(
                (getattr(model(list(x)), "data", 0.0) > 0) == (label > 0)
                for x, label in zip(plan["points"], plan["labels"])
            )
    except TooSlow:
        return None
    except Exception:
        return "fail"
    return "pass" if right >= exercise.target else "fail"


def _score(flat: list[float], x: list[float]) -> float:
    it = iter(flat)
    h = list(x)
    for k, (_, b) in enumerate(pairwise(SIZES)):
        h = [sum(next(it) * v for v in h) + next(it) for _ in range(b)]
        h = [max(0.0, v) for v in h] if k < 2 else h
    return h[0]


def capstone_variants(seed: int, limit: int) -> Iterator[tuple[str, str, Program]]:
    text = read(EXERCISE, "solution.py")
    solution = Program(text)
    rng = random.Random(seed)
    for how, program in [*reorder(solution, rng), *main_block(solution, rng)]:
        yield "equivalent", how, program
    for how, program in prints_and_extras(["model", "points", "labels"])(solution, rng):
        yield "equivalent", how, program
    for how, (old, new) in EQUIVALENT.items():
        yield "equivalent", how, Program(_replace(text, old, new), how)
    for how, (old, new) in WRONG.items():
        yield "mutant", how, Program(_replace(text, old, new), how)
    only = frozenset({"train_step", "parameters", "__call__"})
    for how, program in mutants(solution, Names([], [], []), seed, limit, only=only):
        yield "mutant", how, program
