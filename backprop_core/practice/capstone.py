"""The capstone exercise: the reader's MLP and training step, on the reader's own engine.

The reader's code holds the page's ``Value`` with ``backward()`` (page
build-your-own), ``Neuron``, ``Layer`` and ``MLP`` with ``parameters()``, the
given ``loss_of`` and a ``train_step(model, points, labels, rate)`` to write.
The reader's side (:mod:`.capstone_collect`) builds ``MLP(2, [8, 8, 1], rng)``
and trains it with the reader's ``train_step`` on the mini-batches of the
:meth:`~CapstoneExercise.plan`; the judge here, from those plain numbers:

* checks the structure and that ``parameters()`` lists every weight and bias once;
* compares the network's scores with the right ones for the plan's weights at
  a few points (a ReLU on the output, no ReLU at all, no bias are named);
* after every step, compares each parameter's gradient with backprop_core's for
  the same loss on the same network, and each parameter's move with
  ``-rate × gradient`` (no ``backward()``, gradients piling up, typed-in
  gradients, a step uphill, no step are named);
* and counts the trained network's right answers on the data: at least ``target``.

The checker chooses the starting weights and the mini-batches, so every right
answer reaches the same accuracy::

    points, labels = moons(100, noise=0.1, seed=0)
    check = CapstoneExercise(points, labels).check

(A little over 300 lines: the truth on plain numbers and on backprop_core's Values
and the four stages of the judge belong together; the reader's side and the
messages are modules of their own.)
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from ..value import Value
from .capstone_collect import collect_capstone
from .contract import Checked, Verdict
from .numbers import close, fmt
from .plain import number, text_of
from .wording import message

__all__ = ["CapstoneExercise"]

SIZES = [2, 8, 8, 1]  # MLP(2, [8, 8, 1], rng)
REG = 1e-4  # the starter's loss_of: mean hinge loss + REG * sum of squares
PROBES = [[0.5, -0.25], [-1.0, 0.75], [1.5, 0.5]]  # where the scores are compared

Finding = tuple[str | None, dict[str, str], str | None]


def _start(seed: int) -> list[float]:
    """He-scaled Gaussian weights and small biases, in structure order."""
    rng = random.Random(seed)
    flat: list[float] = []
    for n_in, n_out in pairwise(SIZES):
        for _ in range(n_out):
            flat += [rng.gauss(0, math.sqrt(2 / n_in)) for _ in range(n_in)]
            flat.append(rng.uniform(-0.1, 0.1))
    return flat


def _layers(flat: Sequence[Any]) -> list[list[tuple[list[Any], Any]]]:
    it = iter(flat)
    return [
        [([next(it) for _ in range(n_in)], next(it)) for _ in range(n_out)]
        for n_in, n_out in pairwise(SIZES)
    ]


def score(
    flat: Sequence[float], x: Sequence[float], relu: str = "hidden", bias: bool = True
) -> float:
    """The network's score on plain numbers; ``relu`` is "hidden", "all" or "none"."""
    h = list(x)
    layers = _layers(flat)
    for k, layer in enumerate(layers):
        h = [sum(w * v for w, v in zip(ws, h)) + (b if bias else 0.0) for ws, b in layer]
        last = k == len(layers) - 1
        if relu == "all" or (relu == "hidden" and not last):
            h = [max(0.0, v) for v in h]
    return h[0]


def core_gradients(
    flat: Sequence[float], points: Sequence[Sequence[float]], labels: Sequence[float]
) -> list[float]:
    """backprop_core's gradient of the starter's loss, in structure order."""
    params = [Value(v) for v in flat]
    layers = _layers(params)
    hinge = []
    for point, label in zip(points, labels):
        h: list[Any] = list(point)
        for k, layer in enumerate(layers):
            h = [Value.dot(ws, h) + b for ws, b in layer]
            if k < len(layers) - 1:
                h = [v.relu() for v in h]
        hinge.append((1 - label * h[0]).relu())
    loss = Value.sum(hinge) / len(points) + REG * Value.dot(params, params)
    loss.backward()
    return [p.grad for p in params]


def names() -> list[str]:
    found = []
    for k, (n_in, n_out) in enumerate(pairwise(SIZES)):
        for j in range(n_out):
            found += [f"model.layers[{k}].neurons[{j}].w[{i}]" for i in range(n_in)]
            found.append(f"model.layers[{k}].neurons[{j}].b")
    return found


def _summary(which: list[str]) -> str:
    shown = ", ".join(f"`{n}`" for n in which[:3])
    return shown + (f" … ({len(which)})" if len(which) > 3 else "")


class CapstoneExercise(Checked):
    """The reader's ``MLP`` and ``train_step``, trained and checked against backprop_core.

    Args:
        points, labels: the data (labels +1 and -1).
        steps, batch, rate: the checker's training, ``steps`` mini-batches of ``batch``.
        target: the right answers on the data the trained network must reach.
    """

    def __init__(
        self,
        points: Sequence[Sequence[float]],
        labels: Sequence[int],
        steps: int = 20,
        batch: int = 20,
        rate: float = 0.5,
        target: int = 90,
        seed: int = 5,
    ) -> None:
        self.points = [[float(x), float(y)] for x, y in points]
        self.labels = [int(v) for v in labels]
        self.steps, self.rate, self.target = steps, rate, target
        rng = random.Random(seed + 7)
        self.batches = [rng.sample(range(len(self.points)), batch) for _ in range(steps)]
        self.start, self.probe_weights = _start(seed), _start(seed + 1000)

    def plan(self) -> dict[str, Any]:
        return {
            "sizes": SIZES,
            "start": self.start,
            "probe_weights": self.probe_weights,
            "probes": PROBES,
            "batches": self.batches,
            "points": self.points,
            "labels": self.labels,
            "rate": self.rate,
        }

    def _collect(self, source: str, plan: dict[str, Any]) -> dict[str, Any]:
        return collect_capstone(source, plan)

    def _judge(self, collected: dict[str, Any], lang: str) -> Verdict:
        key, fields, variable = self._finding(collected)
        text = message(key or "pass-capstone", lang, fields)
        return {
            "verdict": "pass" if key is None else "fail",
            "key": key,
            "message": text,
            "variable": variable,
            "point": "",
            "rows": [],
            "points": self.steps,
        }

    def _finding(self, collected: dict[str, Any]) -> Finding:
        error = collected.get("error")
        listing = collected.get("listing")
        if isinstance(listing, dict):
            found = self._listing(listing)
            if found:
                return found
        probes = collected.get("probes")
        if isinstance(probes, list):
            found = self._forward(probes)
            if found:
                return found
        steps = collected.get("steps")
        if isinstance(steps, list):
            found = self._train(steps)
            if found:
                return found
        if isinstance(error, dict):
            fields = {str(k): str(v) for k, v in dict(error.get("fields") or {}).items()}
            return str(error.get("key", "raises")), fields, fields.get("var")
        if not isinstance(steps, list) or len(steps) < self.steps:
            return "checker-failed", {}, None
        return self._accuracy(collected.get("scores"))

    def _listing(self, listing: dict[str, Any]) -> Finding | None:
        every = names()
        missing = [every[i] for i in listing.get("missing", []) if 0 <= int(i) < len(every)]
        twice = [every[i] for i in listing.get("twice", []) if 0 <= int(i) < len(every)]
        count = int(listing.get("count", 0))
        var = "model.parameters()"
        if missing:
            fields = {
                "count": str(len(missing)),
                "total": str(len(every)),
                "which": _summary(missing),
            }
            return "capstone-parameters-missing", fields, var
        if twice or count != len(every):
            which = _summary(twice) if twice else f"+{count - len(every)}"
            return (
                "capstone-parameters-twice",
                {"got": str(count), "want": str(len(every)), "which": which},
                var,
            )
        return None

    def _forward(self, probes: list[Any]) -> Finding | None:
        got = [number(p) for p in probes]
        for point, leaf, g in zip(PROBES, probes, got):
            want = score(self.probe_weights, point)
            where = f"model({point})"
            if g is None:
                return "not-a-number", {"var": where, "type": text_of(leaf)}, where
            if close(g, want):
                continue
            fields = {"var": where, "got": fmt(g, want), "want": fmt(want, g)}
            for key, variant in (
                ("capstone-output-relu", {"relu": "all"}),
                ("capstone-no-relu", {"relu": "none"}),
                ("capstone-no-bias", {"bias": False}),
            ):
                if all(
                    x is not None and close(x, score(self.probe_weights, p, **variant))
                    for p, x in zip(PROBES, got)
                ):
                    return key, fields, where
            return "capstone-forward", fields, where
        return None

    def _train(self, steps: list[Any]) -> Finding | None:
        every = names()
        weights = list(self.start)
        truths: list[list[float]] = []
        for k, step in enumerate(steps[: self.steps]):
            chosen = self.batches[k]
            truth = core_gradients(
                weights, [self.points[i] for i in chosen], [self.labels[i] for i in chosen]
            )
            truths.append(truth)
            found = self._step(k + 1, step if isinstance(step, dict) else {}, truth, truths, every)
            if found:
                return found
            weights = [w - self.rate * g for w, g in zip(weights, truth)]
        return None

    def _step(
        self,
        step: int,
        data: dict[str, Any],
        truth: list[float],
        truths: list[list[float]],
        every: list[str],
    ) -> Finding | None:
        for what, suffix in (("grads", ".grad"), ("moves", "")):
            leaves = list(data.get(what) or [])[: len(every)]
            if len(leaves) < len(every):
                return "checker-failed", {}, None
            for i, leaf in enumerate(leaves):
                if number(leaf) is None:
                    var = every[i] + suffix
                    if isinstance(leaf, str):
                        return "not-finite", {"var": var, "got": leaf}, var
                    return "not-a-number", {"var": var, "type": text_of(leaf)}, var
        grads = [float(g) for g in data["grads"][: len(every)]]
        moves = [float(m) for m in data["moves"][: len(every)]]
        want = [-self.rate * t for t in truth]
        wrong = [i for i, (g, t) in enumerate(zip(grads, truth)) if not close(g, t)]
        if wrong and all(g == 0 for g in grads) and all(map(close, moves, want)):
            wrong = []  # zeroed after the update (PyTorch's order): the moves show the gradients
        if wrong:
            i = wrong[0]
            var = every[i] + ".grad"
            lead = {
                "var": var,
                "got": fmt(grads[i], truth[i]),
                "want": fmt(truth[i], grads[i]),
                "step": str(step),
            }
            if all(g == 0 for g in grads):
                return "capstone-no-backward", lead, var
            piled = [sum(t[j] for t in truths) for j in range(len(truth))]
            if step > 1 and all(close(g, s) for g, s in zip(grads, piled)):
                return "capstone-no-zero-grad", lead, var
            if step > 1 and all(close(g, t) for g, t in zip(grads, truths[0])):
                return "capstone-typed-in", lead, var
            return "capstone-gradient", lead, var
        off = [i for i, (m, w) in enumerate(zip(moves, want)) if not close(m, w)]
        if not off:
            return None
        i = off[0]
        var = every[i]
        lead = {
            "var": var,
            "got": fmt(moves[i], want[i]),
            "want": fmt(want[i], moves[i]),
            "step": str(step),
            "rate": fmt(self.rate),
        }
        if all(m == 0 for m in moves):
            return "capstone-no-update", lead, var
        if all(close(m, -w) for m, w in zip(moves, want)):
            return "capstone-uphill", lead, var
        return "capstone-step", lead, var

    def _accuracy(self, scores: object) -> Finding:
        leaves = scores if isinstance(scores, list) else []
        values = [number(s) for s in leaves]
        if len(values) != len(self.points) or any(v is None for v in values):
            bad = next((i for i, v in enumerate(values) if v is None), 0)
            where = f"model({self.points[bad] if bad < len(self.points) else ''})"
            leaf = leaves[bad] if bad < len(leaves) else None
            return "not-a-number", {"var": where, "type": text_of(leaf)}, where
        right = sum(
            (v > 0) == (label > 0) for v, label in zip(values, self.labels) if v is not None
        )
        fields = {
            "right": str(right),
            "n": str(len(self.points)),
            "target": str(self.target),
            "steps": str(self.steps),
        }
        return ("capstone-accuracy" if right < self.target else None), fields, None
