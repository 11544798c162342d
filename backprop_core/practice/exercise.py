"""An exercise: a reference circuit, the reader's variables, and ``check()``.

An exercise's ``check.py`` describes the function once, with Values, and says
which of the reader's variables hold which gradients::

    def neuron(w, x):
        dot = w[0] * x[0] + w[1] * x[1] + w[2]
        return {"dot": dot, "f": dot.sigmoid()}      # the last one is the output

    check = Exercise(
        neuron,
        inputs={"w": [2, -3, -3], "x": [-1, -2]},
        gradients={"ddot": "dot", "dx": "x", "dw": "w"},   # in backward order
        forward=["dot", "f"],
    ).check

``check(source, lang)`` runs the reader's code at the given point and at
several other points, compares every gradient with the engine's, and returns
``{"verdict", "key", "message", ...}`` (the exercise check contract): the key
names the likely mistake (see :mod:`.messages`), the message explains it in
the page's language with the reader's own numbers. The room's modules, by job:
:mod:`.reading` (parse the reader's program, let the checker set its inputs),
:mod:`.running` (run it at a point), :mod:`.circuit` (the truth),
:mod:`.judge` (right or wrong, and which roots), :mod:`.hypotheses` (the
mistakes that could explain the numbers), :mod:`.messages` (the table, data)
and :mod:`.wording` (the table filled in).

>>> from backprop_core.practice import Exercise
>>> def product(x, y):
...     return {"f": x * y}
>>> check = Exercise(product, inputs={"x": -2, "y": 3}, gradients={"dx": "x", "dy": "y"}).check
>>> check("x, y = -2, 3\\ndx = y\\ndy = x\\n")["verdict"]
'pass'
>>> result = check("x, y = -2, 3\\ndx = x\\ndy = y\\n")
>>> result["key"]
'swapped-inputs'
>>> print(result["message"])  # doctest: +NORMALIZE_WHITESPACE
`dx` is -2, it should be 3. The multiply gate `f = x * y` swaps: each input gets
the other input times the upstream gradient. You used each input's own value.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..gradcheck import grad_check
from ..value import Value
from .circuit import Circuit, Trace, flatten, paths, trace_circuit
from .collect import collect_gradients
from .contract import Checked
from .finding import Reference
from .hypotheses import hypotheses
from .hypothesis import Entry, Hypothesis
from .judge import judge
from .numbers import GRID
from .wording import message

__all__ = ["Exercise", "Mistake"]

# Gates with a kink, where a point too close to it would judge the reader unfairly.
KINKED = frozenset({"max", "relu"})


@dataclass(frozen=True)
class Mistake:
    """A mistake particular to one exercise: ``variable`` computed by ``formula``.

    ``formula`` receives the inputs (as floats or nested lists) and returns what
    the reader's variable holds if they made this mistake. ``key`` is a key of
    the shared table; ``fields`` fill the rest of its message (code, not prose).
    """

    key: str
    variable: str
    formula: Callable[..., object]
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass
class _Predicted:
    """A :class:`Mistake`'s numbers for its variable, at every point."""

    position: dict[str, int]
    values: list[list[float]]

    def __call__(self, point: int, entry: Entry) -> float | None:
        i = self.position.get(entry.name)
        return None if i is None or i >= len(self.values[point]) else self.values[point][i]


def _floats(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return [_floats(v) for v in value]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"exercise inputs must be numbers or lists of numbers, got {value!r}")
    return float(value)


def _unflatten(template: object, leaves: Iterable[Any]) -> object:
    it = iter(leaves)

    def build(t: object) -> object:
        return [build(item) for item in t] if isinstance(t, list) else next(it)

    return build(template)


class Exercise(Checked):
    """A backward pass for the reader to write, and the checker that judges it.

    Args:
        circuit: the function, written with Values: takes the inputs by name
            and returns a dict of its named forward values, the output last.
        inputs: the given point, e.g. ``{"w": [2, -3, -3], "x": [-1, -2]}``;
            the reader's code must set these names at its top level.
        gradients: reader variable -> the circuit's name of what it is the
            gradient of, in the order the backward pass computes them.
        forward: the forward values the reader's code computes and the
            backward pass reads (checked first).
        mistakes: mistakes particular to this exercise (see :class:`Mistake`).
        points: how many other points to check at.
        seed: where the other points come from (they are the same every time).
    """

    def __init__(
        self,
        circuit: Circuit,
        inputs: Mapping[str, object],
        gradients: Mapping[str, str],
        forward: Sequence[str] = (),
        mistakes: Sequence[Mistake] = (),
        points: int = 4,
        seed: int = 0,
    ) -> None:
        self.circuit = circuit
        self.inputs = {name: _floats(value) for name, value in inputs.items()}
        self.gradients = dict(gradients)
        self.forward = list(forward)
        self.mistakes = list(mistakes)
        self.count = points
        self.seed = seed
        self._reference: Reference | None = None

    @property
    def reference(self) -> Reference:
        """The points and the truth there, computed once, before any reader code runs."""
        if self._reference is None:
            self._reference = self._prepare()
        return self._reference

    def _prepare(self) -> Reference:
        given = trace_circuit(self.circuit, self.inputs)
        points: list[dict[str, object]] = [self.inputs]
        traces = [given]
        rng = random.Random(self.seed)
        for _ in range(500):
            if len(points) > self.count:
                break
            candidate = {
                name: _unflatten(value, (rng.choice(GRID) for _ in flatten(value)))
                for name, value in self.inputs.items()
            }
            trace = self._usable(candidate, given)
            if trace is not None and candidate not in points:
                points.append(candidate)
                traces.append(trace)
        if len(points) <= self.count:
            raise RuntimeError("the exercise's circuit has too few usable points to check at")
        entries = self._entries(given, self.gradients.items())
        values = self._entries(given, ((n, n) for n in self.forward), value=True)
        found = self._mistakes(points, entries) + hypotheses(traces, entries)
        return Reference(points, traces, self.gradients, self.forward, entries, values, found)

    def _usable(self, point: Mapping[str, object], given: Trace) -> Trace | None:
        """The trace at ``point`` if the checker can trust it there: the same graph,
        tame numbers, and no kink nearby (where there are kinks, the numerical
        gradient must agree with the engine's)."""
        try:
            trace = trace_circuit(self.circuit, point)
        except (ArithmeticError, ValueError):
            return None
        tame = all(abs(x) <= 1e4 for x in trace.data) and all(
            abs(g) <= 50 for local in trace.local for g in local
        )
        if not tame or trace.signature() != given.signature():
            return None
        if not any(op is not None and op.name in KINKED for op in trace.ops):
            return trace  # a smooth circuit: no kink for the gradient check to find
        names = list(point)

        def f(*args: Value) -> Value:
            it = iter(args)
            values = {n: _unflatten(point[n], (next(it) for _ in flatten(point[n]))) for n in names}
            out = list(self.circuit(**values).values())[-1]
            assert isinstance(out, Value)
            return out

        flat = [x for name in names for x in flatten(point[name])]
        leaves = [n for name in names for n in flatten(trace.named[name])]
        analytic = [trace.truth[n] for n in leaves if isinstance(n, int)]
        try:
            ok = grad_check(f, flat, analytic=analytic, tolerance=1e-4)
        except (ArithmeticError, ValueError):
            return None
        return trace if ok else None

    @staticmethod
    def _entries(
        trace: Trace, pairs: Iterable[tuple[str, str]], value: bool = False
    ) -> list[Entry]:
        found = []
        for var, of in pairs:
            if of not in trace.named:
                raise KeyError(f"the exercise's circuit has no value named {of!r}")
            nodes = trace.named[of]
            for suffix, node in zip(paths(nodes), flatten(nodes)):
                assert isinstance(node, int)
                found.append(Entry(var + suffix, var, "" if value else of + suffix, node))
        return found

    def _mistakes(self, points: list[dict[str, object]], entries: list[Entry]) -> list[Hypothesis]:
        found = []
        for mistake in self.mistakes:
            group = [e for e in entries if e.var == mistake.variable]
            if not group:
                raise KeyError(f"mistake {mistake.key!r} names an unknown variable")
            predicted = _Predicted(
                {e.name: i for i, e in enumerate(group)},
                [[float(v) for v in flatten(mistake.formula(**p))] for p in points],  # type: ignore[arg-type]
            )
            fields = {"matrix": mistake.variable, **mistake.fields}
            nodes = frozenset(e.node for e in group)
            found.append(Hypothesis(mistake.key, nodes, values=predicted, fields=fields))
        return found

    def plan(self) -> dict[str, Any]:
        """The points (inputs only: the truth stays with the judge)."""
        return {"points": self.reference.points}

    def _collect(self, source: str, plan: dict[str, Any]) -> dict[str, Any]:
        points = plan.get("points") if isinstance(plan, dict) else None
        if not isinstance(points, list) or not points:
            points = self.reference.points
        return collect_gradients(source, self.inputs, points, list(self.gradients), self.forward)

    def _judge(self, collected: dict[str, Any], lang: str) -> dict[str, Any]:
        """The verdict (the exercise check contract): ``verdict`` ("pass" or "fail"),
        ``key`` (the diagnosis, None on a pass), ``message`` (plain text in ``lang``,
        code in backticks), ``variable`` (the entry it names), ``point`` (where it was
        wrong), ``rows`` (every gradient there: name, got, want, ok) and ``points``
        (how many points were checked)."""
        ref = self.reference
        finding = judge(ref, collected)
        if finding.key is None:
            text = message("pass", lang, {"count": str(len(ref.points) - 1)})
        else:
            text = message(finding.key, lang, finding.fields)
        return {
            "verdict": "pass" if finding.key is None else "fail",
            "key": finding.key,
            "message": text,
            "variable": finding.entry.name if finding.entry else None,
            "point": ref.point_text(finding.point),
            "rows": finding.rows,
            "points": len(ref.points),
        }
