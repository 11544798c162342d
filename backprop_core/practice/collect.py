"""Collect what a gradient exercise judges: the reader's numbers at every point, as plain data.

For each point the reader's program is run once (:func:`run_program`); a
:class:`Watch` looks at the namespace after every top-level statement. The
gradients are read at the end. The forward values and the reader's other
numbers (its *quantities*: ``w[1]``, ``f``, ``ddot``, ``x.grad`` …) are read
as they were when the gradients were last changed, i.e. as the backward pass
used them, so ``f = round(f, 4)`` afterwards changes nothing. Everything comes
out as plain JSON data (:mod:`~backprop_core.practice.plain`): this is what the
judge gets, possibly from another interpreter.
"""

from __future__ import annotations

import types
from collections.abc import Sequence
from typing import Any

from .plain import Plain, number, plain
from .reading import ReaderError, prepare
from .running import run_program

__all__ = ["QUANTITIES", "Watch", "collect_gradients"]

QUANTITIES = 300  # the reader's numbers read at most (per point)


class Watch:
    """Reads the reader's variables after each statement (see the module docstring)."""

    def __init__(self, gradients: Sequence[str], forward: Sequence[str]) -> None:
        self.gradients = list(gradients)
        self.forward = list(forward)
        self.state: list[Plain] | None = None
        self.line = 0  # the statement that last changed a gradient
        self.used: dict[str, Any] = {}

    def probe(self, namespace: dict[str, Any], line: int) -> None:
        state = [plain(namespace.get(name, _Missing)) for name in self.gradients]
        if state == self.state:
            return
        self.state, self.line = state, line
        self.used = {
            "forward": {n: plain(namespace[n]) for n in self.forward if n in namespace},
            "quantities": quantities(namespace),
        }

    def finish(self, namespace: dict[str, Any]) -> dict[str, Any]:
        if self.state is None:  # no gradient was ever set: read the end
            self.probe(namespace, 0)
        return {
            "gradients": {n: plain(namespace[n]) for n in self.gradients if n in namespace},
            "aliased": [n for n in self.gradients if _aliased_rows(namespace.get(n))],
            "line": self.line,
            **self.used,
        }


def _aliased_rows(value: object) -> bool:
    """A list whose rows are one list object (``[[0.0] * 3] * 3``): a write into a row
    lands in every row."""
    if type(value) is not list:
        return False
    rows = [id(row) for row in value if type(row) is list]
    return len(set(rows)) < len(rows)


class _Missing:
    pass


def quantities(namespace: dict[str, Any]) -> dict[str, float]:
    """The reader's numbers by name: ``x``, ``w[1]``, ``W[0][2]``, ``x.grad`` (Values give
    their data under their own name)."""
    found: dict[str, float] = {}

    def add(name: str, value: object, depth: int) -> None:
        if len(found) >= QUANTITIES:
            return
        leaf = plain(value, [50])
        x = number(leaf)
        if x is not None:
            found[name] = x
        elif isinstance(leaf, dict) and leaf.get("type") == "Value":
            data = number(leaf.get("data"))
            if data is not None:
                found[name] = data
            grad = number(plain(_attribute(value, "grad")))
            if grad is not None:
                found[name + ".grad"] = grad
        elif type(value) in (list, tuple) and depth < 2:
            for i, item in enumerate(value[:50]):  # type: ignore[index]
                add(f"{name}[{i}]", item, depth + 1)

    for name, value in list(namespace.items()):
        if name.startswith("_") or isinstance(value, (types.ModuleType, types.FunctionType, type)):
            continue
        add(name, value, 0)
    return found


def _attribute(value: object, name: str) -> object:
    try:
        return getattr(value, name)
    except Exception:
        return None


def collect_gradients(
    source: str,
    inputs: dict[str, object],
    points: Sequence[dict[str, object]],
    gradients: Sequence[str],
    forward: Sequence[str],
) -> dict[str, Any]:
    """Run the reader's code at every point; the plain data the judge needs."""
    try:
        program = prepare(source, inputs)
    except ReaderError as exc:
        return {"error": {"key": exc.key, "fields": dict(exc.fields)}}
    runs = []
    for point in points:
        watch = Watch(gradients, forward)
        run = run_program(program, point, watch.probe)
        if run.error is not None:
            runs.append({"error": {"text": run.error, "line": run.line}})
            break  # the judge reports the first point where the code raises
        runs.append(watch.finish(run.namespace))
    placement = program.placement
    return {
        "runs": runs,
        "rewritten": {n: lines for n, lines in placement.rewritten.items()},
        "after": dict(placement.after),
        "calls": [[c, receiver, line] for c, receiver, line in program.calls],
        "reads_grad": [s.line for s in program.statements if s.reads_grad],
    }
