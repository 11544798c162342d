"""An engine exercise: the reader writes ``backward()`` of a small ``Value`` class.

The reader's code defines ``Value`` (the forward operations with their local
gradients, given) and its ``backward()`` (to write). :class:`EngineExercise`
takes the reader's class and backpropagates through a set of expressions with
it — the page's examples, reused inner nodes (also mirrored: ``b * 2 + b``),
random expressions and a chain :data:`DEPTH` gates deep — comparing every
gradient with ``backprop_core``'s. When one is wrong it names the typical
mistake whose replay on the reader's own graph gives the reader's numbers
(``=`` instead of ``+=``, the order walked forwards or without a topological
order, the input's own ``.grad`` in the rule, no seed)::

    def examples(x, y, z, a):           # the starter's own examples
        f = (x + y) * z
        b = a + a
        return {"x": f, "y": f, "z": f, "a": b + b}   # each input -> its output

    check = EngineExercise(examples, inputs={"x": -2, "y": 5, "z": -4, "a": 3}).check

The examples serve one purpose: gradients printed from numbers typed into the
reader's code stay the same when the checker changes the inputs (``hard-coded``).
The reader's side (:meth:`EngineExercise.collect`) runs the reader's class and
returns plain numbers (:mod:`.engine_collect`); the judge compares them with
backprop_core's.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from ..value import Value
from .circuit import Circuit
from .contract import Checked
from .engine_cases import DEPTH, Case, default_cases
from .engine_collect import collect_engine
from .engine_findings import (
    explained,
    fork_fields,
    lead_finding,
    number_or_nan,
    rows,
    run_problem,
    uniform_ratio,
)
from .numbers import GRID, close, fmt
from .plain import number
from .wording import message

__all__ = ["DEPTH", "Case", "EngineExercise", "default_cases"]

# mistake (engine_walks.MISTAKES) -> (message key, the rule as the reader wrote it)
_KEYS = {
    "fork-overwrite": ("fork-overwrite", ""),
    "wrong-order": ("wrong-order", ""),
    "own-grad": ("engine-rule", "inp.grad += local * inp.grad"),
    "no-local": ("engine-rule", "inp.grad += node.grad"),
    "no-upstream": ("engine-rule", "inp.grad += local"),
}
MULTIPLIED = "inp.grad *= local * node.grad"  # shares multiplied into a 0: as "own-grad"


class EngineExercise(Checked):
    """The reader's ``Value.backward()``, checked against backprop_core.

    Args:
        examples: the starter's own examples, with backprop_core's Value:
            takes the inputs by name, returns each input's output.
        inputs: the given point of the examples, set by the starter's top-level
            lines (``x, y, z = Value(-2.0), Value(5.0), Value(-4.0)``).
        cases: the expressions to backpropagate through (see :func:`default_cases`).
        points: other points for the examples.
    """

    def __init__(
        self,
        examples: Circuit,
        inputs: Mapping[str, float],
        cases: list[Case] | None = None,
        points: int = 4,
        seed: int = 0,
    ) -> None:
        self.examples = examples
        self.inputs = {name: float(v) for name, v in inputs.items()}
        self.cases = cases if cases is not None else default_cases()
        rng = random.Random(seed)
        self.points = [self.inputs] + [
            {name: rng.choice(GRID) for name in self.inputs} for _ in range(points)
        ]
        self._truths: list[dict[str, float]] | None = None

    def plan(self) -> dict[str, Any]:
        return {"points": self.points, "cases": len(self.cases)}

    def _collect(self, source: str, plan: dict[str, Any]) -> dict[str, Any]:
        return collect_engine(source, self.inputs, self.points, self.cases)

    # The truth, from backprop_core.

    def _truth_of_examples(self, point: Mapping[str, float]) -> dict[str, float]:
        truth = {}
        for name in self.inputs:
            values = {n: Value(v) for n, v in point.items()}
            out = self.examples(**values)[name]
            assert isinstance(out, Value), "examples() must return Values"
            out.backward()
            truth[name] = values[name].grad
        return truth

    def truths(self) -> list[dict[str, float]]:
        if self._truths is None:
            found = []
            for case in self.cases:
                out, named = case.build(Value)
                out.backward()
                found.append({n: v.grad for n, v in named.items()})
            self._truths = found
        return self._truths

    # The judge.

    def _judge(self, collected: dict[str, Any], lang: str) -> dict[str, Any]:
        key, fields, variable, point, rows = self._finding(collected)
        if key is None:
            fields = {"count": str(len(self.cases)), "depth": str(DEPTH)}
            text = message("pass-engine", lang, fields)
        else:
            text = message(key, lang, fields)
        return {
            "verdict": "pass" if key is None else "fail",
            "key": key,
            "message": text,
            "variable": variable,
            "point": point,
            "rows": rows,
            "points": len(self.cases),
        }

    def _finding(
        self, collected: dict[str, Any]
    ) -> tuple[str | None, dict[str, str], str | None, str, list[dict[str, Any]]]:
        error = collected.get("error")
        if isinstance(error, dict):
            fields = {str(k): str(v) for k, v in dict(error.get("fields") or {}).items()}
            var = fields.get("var")
            return str(error.get("key", "raises")), fields, var, "", []
        typed = self._typed_in(collected.get("examples"))
        if typed is not None:
            return typed
        runs = collected.get("cases")
        runs = runs if isinstance(runs, list) else []
        truths = self.truths()
        shallow = [i for i, c in enumerate(self.cases) if not c.deep]
        deep = [i for i, c in enumerate(self.cases) if c.deep]
        results = []
        for i in shallow + deep:
            run = runs[i] if i < len(runs) and isinstance(runs[i], dict) else {}
            case = self.cases[i]
            if run.get("recursion") and case.deep:
                return "recursion-too-deep", {"depth": str(DEPTH)}, None, case.text, []
            problem = run_problem(run, case, truths[i])
            if problem is not None:
                return problem
            got = {n: float(run["got"][n]) for n in truths[i]}
            wrong = [n for n in truths[i] if not close(got[n], truths[i][n])]
            if case.deep and wrong:
                return lead_finding("wrong-value", case, got, truths[i], wrong[0])
            results.append((i, got, wrong))
            if i == shallow[-1] and any(w for _, _, w in results):
                return self._mistake(collected, runs, results)
        i0, got0, _ = results[0]
        return None, {}, None, "", rows(got0, truths[i0])

    def _typed_in(
        self, examples: object
    ) -> tuple[str | None, dict[str, str], str | None, str, list[dict[str, Any]]] | None:
        """Gradients in the reader's examples that are right at the given point, wrong
        elsewhere, and the same everywhere: typed in, not computed."""
        if not isinstance(examples, list) or len(examples) != len(self.points):
            return None
        got = [{n: x for n, v in dict(e).items() if (x := number(v)) is not None} for e in examples]
        truths = [self._truth_of_examples(p) for p in self.points]
        names = [n for n in self.inputs if all(n in g for g in got)]
        wrong = [
            (p, n)
            for p in range(len(self.points))
            for n in names
            if not close(got[p][n], truths[p][n])
        ]
        right_here = all(close(got[0][n], truths[0][n]) for n in names)
        if not wrong or not right_here or any(not close(got[p][n], got[0][n]) for p, n in wrong):
            return None  # not typed in: right only where it was typed, and the same elsewhere
        p, name = wrong[0]
        g, w = got[p][name], truths[p][name]
        at = ", ".join(f"{n} = {fmt(v)}" for n, v in self.points[p].items())
        fields = {"var": f"{name}.grad", "got": fmt(g, w), "want": fmt(w, g), "point": at}
        return "hard-coded", fields, f"{name}.grad", at, []

    def _mistake(
        self,
        collected: dict[str, Any],
        runs: list[Any],
        results: list[tuple[int, dict[str, float], list[str]]],
    ) -> tuple[str | None, dict[str, str], str | None, str, list[dict[str, Any]]]:
        """The first wrong case, and the mistake whose replay gives the reader's numbers
        on every shallow case."""
        truths = self.truths()
        i, got, wrong = next(r for r in results if r[2])
        case, name = self.cases[i], wrong[0]
        if all(g == 0.0 for _, gs, _ in results for g in gs.values()):
            seeded = runs[i].get("seeded")
            seeded_right = isinstance(seeded, dict) and all(
                close(number_or_nan(seeded.get(n)), truths[i][n]) for n in truths[i]
            )
            if seeded_right:
                return lead_finding("unseeded-output", case, got, truths[i], name)
            if not collected.get("writes_grad"):
                return lead_finding("not-written", case, got, truths[i], name)
            order = runs[i].get("order")
            if isinstance(order, list) and len(order) == 2 and 0 <= order[0] < order[1]:
                fields = {"count": str(order[0]), "total": str(order[1])}
                return lead_finding("short-order", case, got, truths[i], name, fields)
            if number(runs[i].get("out")) == 0.0:  # the seed itself is 0
                return lead_finding("unseeded-output", case, got, truths[i], name)
        ratio = uniform_ratio(results, truths)
        if ratio is not None:
            return lead_finding("engine-seed", case, got, truths[i], name, {"ratio": fmt(ratio)})
        for mistake, (key, rule) in _KEYS.items():
            if all(explained(runs[k], mistake, gs) for k, gs, _ in results):
                if mistake == "own-grad" and collected.get("multiplies_grad") is True:
                    rule = MULTIPLIED  # the same numbers: every gradient stays 0
                fields = {"rule": rule} if rule else {}
                if mistake == "fork-overwrite":
                    fields.update(fork_fields(runs[i].get("shares"), wrong))
                    name = fields.pop("name_", name)
                return lead_finding(key, case, got, truths[i], name, fields)
        return lead_finding("wrong-value", case, got, truths[i], name)
