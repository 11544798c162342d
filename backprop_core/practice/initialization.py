"""An initialization exercise: the reader writes the function that draws a layer's weights.

The reader's ``init_weights(n_in, n_out, rng)`` returns one row of ``n_in``
weights per neuron. :class:`InitExercise` calls it for every layer of the
page's own networks (the 2-4-1 network of the exercise, the 20 layers of 16 of
the initialization section) and for larger fan-ins, several times each with
other ``rng`` seeds, and checks in this order:

1. the shape (a matrix typed in for one size fails the others) and that every
   weight is a finite number;
2. that no two neurons of a layer start alike: two rows closer than a
   thousandth of the layer's spread are one neuron (equal rows get equal
   gradients and stay equal; rows 1e-6 apart stay almost equal for hundreds of
   steps);
3. that the weights are scaled to the fan-in on *every* layer: the spread of
   all the layer's draws × √n_in between 1/2 (half of LeCun's) and 2 (He's is
   √2) — a fixed scale such as ``rng.gauss(0, 0.1)`` fits one size only;
4. that they are centred on 0 (all-positive weights make the neurons alike).

    check = InitExercise("init_weights").check
"""

from __future__ import annotations

import contextlib
import io
import math
import random
from collections.abc import Sequence
from typing import Any

from ..value import Value
from .contract import Checked
from .numbers import fmt
from .plain import NON_FINITE, number, plain, text_of
from .reading import ReaderError, prepare
from .running import error_fields, run_program
from .wording import message

__all__ = ["InitExercise"]

# (n_in, n_out): the exercise's 2-4-1 network, a few small layers, one of the 20
# layers of 16 of the initialization section, and a large fan-in.
SIZES = ((2, 4), (4, 1), (3, 3), (5, 3), (16, 16), (64, 6))
WEIGHTS = 300  # weights drawn per layer at least (over several calls), to judge the spread
DRAWS = 40  # calls per layer at most
LOWEST, HIGHEST = 0.5, 2.0  # the spread × √n_in the checker accepts: 1 is LeCun, √2 He
SAME = 1e-3  # rows closer than this × the layer's spread are one neuron
FAN_OUT_SPREAD = 1.3  # spread × √n_out alike on every layer within this factor: scaled to n_out
OFF_CENTRE = 0.5  # |mean| above this × the spread: the weights are not centred on 0


def _draws(n_in: int, n_out: int) -> int:
    return max(1, min(DRAWS, math.ceil(WEIGHTS / (n_in * n_out))))


def _std(values: Sequence[float]) -> float:
    mean = sum(values) / len(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


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


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Failed(Exception):
    def __init__(self, key: str, fields: dict[str, str], variable: str | None = None) -> None:
        super().__init__(key)
        self.key, self.fields, self.variable = key, fields, variable


class InitExercise(Checked):
    """The reader's weight initialization, checked for shape, symmetry, scale and centre.

    Args:
        function: the name of the reader's function, ``f(n_in, n_out, rng)``.
        sizes: the layers it must build, as (n_in, n_out).
        steps: training steps after which equal neurons are shown to stay equal.
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

    def plan(self) -> dict[str, Any]:
        return {"layers": [[n_in, n_out, _draws(n_in, n_out)] for n_in, n_out in self.sizes]}

    # The reader's side.

    def _collect(self, source: str, plan: dict[str, Any]) -> dict[str, Any]:
        try:
            program = prepare(source, {})
        except ReaderError as exc:
            return {"error": {"key": exc.key, "fields": dict(exc.fields)}}
        run = run_program(program, {})
        if run.error is not None:
            return {
                "error": {"key": "raises", "fields": {"error": run.error, "line": str(run.line)}}
            }
        function = run.namespace.get(self.function)
        if not callable(function):
            return {"error": {"key": "missing-variable", "fields": {"var": self.function}}}
        layers = []
        sink = io.StringIO()
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            for k, (n_in, n_out) in enumerate(self.sizes):
                draws = []
                for d in range(_draws(n_in, n_out)):
                    rng = random.Random(self.seed + 1000 * k + d)
                    try:
                        W = function(n_in, n_out, rng)
                    except Exception as exc:
                        return {"error": {"key": "raises", "fields": error_fields(exc)}}
                    shown = plain(W, [20_000])
                    draws.append(shown if isinstance(shown, list) else {"repr": _short(_repr(W))})
                layers.append(draws)
        return {"layers": layers}

    # The judge.

    def _judge(self, collected: dict[str, Any], lang: str) -> dict[str, Any]:
        rows: list[dict[str, Any]] = []
        try:
            error = collected.get("error")
            if isinstance(error, dict):
                fields = {str(k): str(v) for k, v in dict(error.get("fields") or {}).items()}
                raise _Failed(str(error.get("key", "raises")), fields, fields.get("var"))
            layers = collected.get("layers")
            layers = layers if isinstance(layers, list) else []
            matrices = [
                self._layer(k, layers[k] if k < len(layers) else []) for k in range(len(self.sizes))
            ]
            for k, draws in enumerate(matrices):
                self._symmetry(k, draws)
            spreads = [_std([w for W in draws for row in W for w in row]) for draws in matrices]
            for k, draws in enumerate(matrices):
                rows.append(self._scale(k, draws, spreads))
        except _Failed as failed:
            text = message(failed.key, lang, failed.fields)
            return self._verdict(failed.key, text, failed.variable, rows)
        fields = {"count": str(len(self.sizes)), "steps": str(self.steps)}
        return self._verdict(None, message("pass-init", lang, fields), None, rows)

    def _verdict(
        self, key: str | None, text: str, variable: str | None, rows: list[dict[str, Any]]
    ) -> dict[str, Any]:
        return {
            "verdict": "pass" if key is None else "fail",
            "key": key,
            "message": text,
            "variable": variable,
            "point": "",
            "rows": rows,
            "points": len(self.sizes),
        }

    def _layer(self, k: int, draws: object) -> list[list[list[float]]]:
        """Every draw of layer ``k`` as a matrix of floats, or the finding that stops."""
        n_in, n_out = self.sizes[k]
        call = self.call(n_in, n_out)
        matrices = []
        for W in draws if isinstance(draws, list) else []:
            rows = W if isinstance(W, list) else None
            if rows is None or not all(isinstance(r, list) for r in rows):
                got = f"`{W.get('repr', '?')}`" if isinstance(W, dict) else "?"
                raise _Failed(
                    "init-shape",
                    {"call": call, "rows": str(n_out), "cols": str(n_in), "got": got},
                    call,
                )
            lengths = {len(r) for r in rows}
            if (len(rows), lengths) != (n_out, {n_in}):
                got = f"{len(rows)}×{lengths.pop()}" if len(lengths) == 1 else f"{len(rows)} rows"
                raise _Failed(
                    "init-shape",
                    {"call": call, "rows": str(n_out), "cols": str(n_in), "got": got},
                    call,
                )
            matrices.append(
                [[self._number(w, call, i, j) for j, w in enumerate(r)] for i, r in enumerate(rows)]
            )
        if not matrices:
            raise _Failed("missing-variable", {"var": self.function}, self.function)
        return matrices

    @staticmethod
    def _number(w: object, call: str, i: int, j: int) -> float:
        if isinstance(w, dict) and w.get("type") == "Value":
            w = w.get("data")
        x = number(w)
        if x is not None:
            return x
        var = f"{call}[{i}][{j}]"
        if w in NON_FINITE:
            raise _Failed(
                "too-large" if w == "huge" else "not-finite", {"var": var, "got": str(w)}, var
            )
        raise _Failed("not-a-number", {"var": var, "type": text_of(w)}, var)

    def _symmetry(self, k: int, draws: list[list[list[float]]]) -> None:
        """Two neurons (rows) of a draw closer than a thousandth of the layer's spread."""
        n_in, n_out = self.sizes[k]
        spread = _std([w for W in draws for row in W for w in row])
        call = self.call(n_in, n_out)
        for W in draws:
            for i in range(n_out):
                for j in range(i + 1, n_out):
                    gap = max(abs(a - b) for a, b in zip(W[i], W[j]))
                    if gap > SAME * spread:
                        continue
                    fields = {"call": call, "i": str(i), "j": str(j), "steps": str(self.steps)}
                    if gap == 0.0 or spread == 0.0:
                        trained = _train(W, self.steps, self.seed + k)[i]
                        shown = ", ".join(fmt(w) for w in trained[:4])
                        fields["row"] = f"[{shown}{', …' if len(trained) > 4 else ''}]"
                        raise _Failed("symmetric-init", fields, call)
                    fields.update({"gap": fmt(gap), "spread": fmt(spread)})
                    raise _Failed("near-symmetric-init", fields, call)

    def _by_fan_out(self, spreads: Sequence[float]) -> bool:
        """Whether every layer's spread follows 1/√n_out (the neurons) instead of
        1/√n_in (each neuron's inputs), within the factor the checker accepts."""
        ratios = [s * math.sqrt(n_out) for s, (_, n_out) in zip(spreads, self.sizes)]
        if not ratios or min(ratios) <= 0:
            return False
        return max(ratios) / min(ratios) <= FAN_OUT_SPREAD and all(
            LOWEST <= r <= HIGHEST for r in ratios
        )

    def _scale(
        self, k: int, draws: list[list[list[float]]], spreads: Sequence[float]
    ) -> dict[str, Any]:
        """Layer ``k``'s spread (``spreads[k]``, of all its draws) against 1/√n_in, and
        its centre; every layer's spread tells a scale to n_out from another slip."""
        n_in, n_out = self.sizes[k]
        weights = [w for W in draws for row in W for w in row]
        spread = spreads[k]
        mean = sum(weights) / len(weights)
        want = 1 / math.sqrt(n_in)
        ok = LOWEST <= spread / want <= HIGHEST
        call = self.call(n_in, n_out)
        row = {"name": call, "got": spread, "want": want, "ok": ok}
        if not ok:
            fields = {
                "call": call,
                "n": str(n_in),
                "got": fmt(spread, want),
                "want": fmt(want, spread),
                "why": "too-large" if spread > want else "too-small",
            }
            if self._by_fan_out(spreads):
                fields.update({"n_out": str(n_out), "by_out": fmt(1 / math.sqrt(n_out))})
                raise _Failed("init-fan-out", fields, call)
            raise _Failed("init-scale", fields, call)
        if abs(mean) > OFF_CENTRE * spread:
            fields = {"call": call, "mean": fmt(mean), "spread": fmt(spread)}
            raise _Failed("init-mean", fields, call)
        return row


def _repr(value: object) -> str:
    try:
        return repr(value)
    except Exception:
        return type(value).__name__
