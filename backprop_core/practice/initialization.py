"""An initialization exercise: the reader writes the function that draws a layer's weights.

The reader's ``init_weights(n_in, n_out, rng)`` returns one row of ``n_in``
weights per neuron. :class:`InitExercise` calls it for layers of several sizes
and checks, in this order: the shape (a matrix typed in for one size fails the
others), that every weight is a number, that the hidden neurons still differ
after a few training steps of a small tanh network that starts from those
weights (equal starting rows stay equal: their gradients are equal), and that
the weights are scaled to the fan-in (standard deviation about 1/√n_in)::

    check = InitExercise("init_weights").check
"""

from __future__ import annotations

import contextlib
import io
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..value import Value
from .engine import _raised
from .hypotheses import fmt
from .messages import message
from .reader import ReaderError, prepare

__all__ = ["InitExercise"]

# (n_in, n_out) of the layers the reader's function must build; the scale is judged
# on the largest, where 384 weights estimate their spread well.
SIZES = ((2, 4), (3, 3), (5, 3), (16, 8), (64, 6))
# The spread × √n_in the checker accepts: 1 is Xavier, √2 is He.
LOWEST, HIGHEST = 0.5, 2.0
SAME = 1e-9  # rows closer than this are one neuron


@dataclass
class _Finding:
    key: str | None
    fields: dict[str, str] = field(default_factory=dict)
    variable: str | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)


class _Failed(Exception):
    def __init__(self, finding: _Finding) -> None:
        super().__init__(finding.key)
        self.finding = finding


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _train(W: list[list[float]], steps: int, seed: int) -> list[list[float]]:
    """A tanh layer with these weights, one output (all its weights 0.5), trained on
    a few random points with ±1 labels; the hidden weights afterwards."""
    rng = random.Random(seed)
    n_in = len(W[0])
    data = [([rng.uniform(-1, 1) for _ in range(n_in)], rng.choice((-1.0, 1.0))) for _ in range(4)]
    params = [[Value(w) for w in row] for row in W]
    for _ in range(steps):
        losses = []
        for x, y in data:
            hidden = [Value.dot(row, x).tanh() for row in params]
            out = Value.sum(hidden) * 0.5
            losses.append((out - y) ** 2)
        loss = Value.sum(losses) / len(data)
        for row in params:
            for p in row:
                p.grad = 0.0
        loss.backward()
        for row in params:
            for p in row:
                p.data -= 0.5 * p.grad
    return [[p.data for p in row] for row in params]


class InitExercise:
    """The reader's weight initialization, checked for shape, symmetry and scale.

    Args:
        function: the name of the reader's function, ``f(n_in, n_out, rng)``.
        sizes: the layers it must build, as (n_in, n_out).
        steps: training steps before the hidden neurons are compared.
    """

    def __init__(
        self,
        function: str = "init_weights",
        sizes: Sequence[tuple[int, int]] = SIZES,
        steps: int = 3,
        seed: int = 0,
    ) -> None:
        self.function = function
        self.sizes = list(sizes)
        self.steps = steps
        self.seed = seed

    def call(self, n_in: int, n_out: int) -> str:
        return f"{self.function}({n_in}, {n_out}, rng)"

    def check(self, source: str, lang: str = "en") -> dict[str, Any]:
        """Check the reader's code; the result follows the exercise check contract."""
        finding = self.diagnose(source)
        if finding.key is None:
            fields = {"count": str(len(self.sizes)), "steps": str(self.steps)}
            text = message("pass-init", lang, fields)
        else:
            text = message(finding.key, lang, finding.fields)
        return {
            "verdict": "pass" if finding.key is None else "fail",
            "key": finding.key,
            "message": text,
            "variable": finding.variable,
            "point": "",
            "rows": finding.rows,
            "points": len(self.sizes),
        }

    def diagnose(self, source: str) -> _Finding:
        try:
            program = prepare(source, {})
        except ReaderError as exc:
            return _Finding(exc.key, dict(exc.fields))
        run = program.run({})
        if run.error is not None:
            return _Finding("raises", {"error": run.error, "line": str(run.line)})
        function = run.namespace.get(self.function)
        if not callable(function):
            return _Finding("missing-variable", {"var": self.function}, self.function)
        sink = io.StringIO()
        try:
            with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
                layers = [
                    self._layer(function, n_in, n_out, k)
                    for k, (n_in, n_out) in enumerate(self.sizes)
                ]
                for k, W in enumerate(layers):
                    self._symmetry(W, k)
        except _Failed as failed:
            return failed.finding
        return self._scale(layers)

    def _layer(self, function: Any, n_in: int, n_out: int, k: int) -> list[list[float]]:
        call = self.call(n_in, n_out)
        try:
            W = function(n_in, n_out, random.Random(self.seed + k))
        except Exception as exc:
            raised = _raised(exc)
            raise _Failed(_Finding(raised.key, raised.fields)) from None
        rows = list(W) if isinstance(W, (list, tuple)) else None
        if rows is not None and all(isinstance(r, (list, tuple)) for r in rows):
            shape = (len(rows), {len(r) for r in rows})
            if shape == (n_out, {n_in}):
                return [
                    [self._number(w, call, i, j) for j, w in enumerate(r)]
                    for i, r in enumerate(rows)
                ]
            ragged = len(shape[1]) != 1
            got = f"`{_short(W)}`" if ragged else f"{len(rows)}×{next(iter(shape[1]))}"
        else:
            got = f"`{_short(W)}`"
        fields = {"call": call, "rows": str(n_out), "cols": str(n_in), "got": got}
        raise _Failed(_Finding("init-shape", fields, call))

    @staticmethod
    def _number(w: object, call: str, i: int, j: int) -> float:
        if isinstance(w, Value):
            w = w.data
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not math.isfinite(w):
            var = f"{call}[{i}][{j}]"
            raise _Failed(_Finding("not-a-number", {"var": var, "type": type(w).__name__}, var))
        return float(w)

    def _symmetry(self, W: list[list[float]], k: int) -> None:
        n_in, n_out = self.sizes[k]
        trained = _train(W, self.steps, self.seed + k)
        for i in range(n_out):
            for j in range(i + 1, n_out):
                if max(abs(a - b) for a, b in zip(trained[i], trained[j])) <= SAME:
                    row = trained[i]
                    shown = ", ".join(fmt(w) for w in row[:4]) + (", …" if len(row) > 4 else "")
                    fields = {
                        "call": self.call(n_in, n_out),
                        "i": str(i),
                        "j": str(j),
                        "steps": str(self.steps),
                        "row": f"[{shown}]",
                    }
                    raise _Failed(_Finding("symmetric-init", fields, self.call(n_in, n_out)))

    def _scale(self, layers: list[list[list[float]]]) -> _Finding:
        """The spread of the largest layer's weights (a small one's is too uncertain)."""
        k = max(range(len(self.sizes)), key=lambda i: self.sizes[i][0] * self.sizes[i][1])
        n_in, n_out = self.sizes[k]
        weights = [w for row in layers[k] for w in row]
        mean = sum(weights) / len(weights)
        spread = math.sqrt(sum((w - mean) ** 2 for w in weights) / len(weights))
        want = 1 / math.sqrt(n_in)
        ok = LOWEST <= spread / want <= HIGHEST
        call = self.call(n_in, n_out)
        rows: list[dict[str, Any]] = [{"name": call, "got": spread, "want": want, "ok": ok}]
        if ok:
            return _Finding(None, rows=rows)
        fields = {
            "call": call,
            "n": str(n_in),
            "got": fmt(spread, want),
            "want": fmt(want, spread),
            "why": "too-large" if spread > want else "too-small",
        }
        return _Finding("init-scale", fields, call, rows)
