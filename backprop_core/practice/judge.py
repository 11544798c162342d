"""Judge the reader's numbers against the reference: pass, or the likely mistake.

The order of the questions:

1. Does every variable exist, with the right shape (a transposed matrix is
   recognised here)?
2. Are the forward values right (a precedence slip is recognised here)?
3. Which gradients are wrong? The *roots* among them are those with no wrong
   gradient on their way to the output: the others inherit the error.
4. Which mistake of the table gives every root its numbers, at every point,
   while leaving the right gradients above it alone? That is the diagnosis.
5. Otherwise, what does the pattern say: all zeros (not written yet), the same
   numbers at every point (typed in), right only at the given point, off by
   one common factor, or just wrong.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..value import Value
from .circuit import Trace, flatten, paths, shape_of
from .hypotheses import Entry, Hypothesis, close, fmt, forward_hypotheses
from .reader import Run

__all__ = ["Finding", "Reference", "judge"]


@dataclass
class Finding:
    """The outcome of a check, before it is put into words (``fields`` fill the message)."""

    key: str | None  # None: passed
    fields: dict[str, str] = field(default_factory=dict)
    entry: Entry | None = None
    point: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)


def _text(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    return fmt(float(value))  # type: ignore[arg-type]


def _shape_text(shape: tuple[int, ...]) -> str:
    return "×".join(str(n) for n in shape)


def _is_number(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


@dataclass
class Reference:
    """Everything known before the reader's code runs: the points and the truth there."""

    points: list[dict[str, object]]
    traces: list[Trace]
    gradients: dict[str, str]  # reader variable -> circuit name
    forward: list[str]
    entries: list[Entry]  # the gradients the reader computes, in backward order
    forward_entries: list[Entry]
    hypotheses: list[Hypothesis]

    def point_text(self, point: int) -> str:
        """``w = [2, -3, -3], x = [-1, -2]``"""
        return ", ".join(f"{name} = {_text(v)}" for name, v in self.points[point].items())


Numbers = dict[str, float]  # entry name -> the reader's number


def judge(ref: Reference, runs: Sequence[Run]) -> Finding:
    """The verdict on the reader's code, from its runs at every point (none raised)."""
    got: list[Numbers] = []
    for run in runs:
        numbers = _read(ref, run)
        if isinstance(numbers, Finding):
            return numbers
        got.append(numbers)
    return _Judgement(ref, got).verdict()


def _read(ref: Reference, run: Run) -> Numbers | Finding:
    """The reader's numbers by entry name, or what is wrong with a variable's shape."""
    numbers: Numbers = {}
    wanted = [(n, n, True) for n in ref.forward] + [
        (v, of, False) for v, of in ref.gradients.items()
    ]
    for var, of, is_value in wanted:
        if var not in run.namespace:
            return Finding("missing-variable", {"var": var})
        value = run.namespace[var]
        want = shape_of(ref.traces[0].named[of])
        shape = shape_of(value)
        if shape != want:
            return _wrong_shape(var, of, value, want, shape)
        for suffix, leaf in zip(paths(value), flatten(value)):
            if is_value and isinstance(leaf, Value):
                leaf = leaf.data  # a forward value kept as a Value is fine
            if not _is_number(leaf):
                return Finding("not-a-number", {"var": var + suffix, "type": type(leaf).__name__})
            numbers[var + suffix] = float(leaf)  # type: ignore[arg-type]
    return numbers


def _wrong_shape(
    var: str, of: str, value: object, want: tuple[int, ...], shape: tuple[int, ...]
) -> Finding:
    if not want:
        return Finding("not-a-number", {"var": var, "type": type(value).__name__})
    if len(want) == 1 and len(shape) == 1:
        return Finding(
            "wrong-length", {"var": var, "of": of, "want": str(want[0]), "got": str(shape[0])}
        )
    rectangular = len(shape) == 2 and -1 not in shape
    fields = {
        "var": var,
        "of": of,
        "want": _shape_text(want),
        "got": _shape_text(shape) if rectangular else type(value).__name__,
    }
    if len(want) == 2 and shape == want[::-1]:
        return Finding("transposed-shape", fields)
    return Finding("wrong-shape", fields)


@dataclass
class _Judgement:
    ref: Reference
    got: list[Numbers]

    def wrong_at(self, entry: Entry, forward: bool = False) -> list[int]:
        """The points where the reader's ``entry`` differs from the truth."""
        return [
            p
            for p, t in enumerate(self.ref.traces)
            if not close(
                self.got[p][entry.name], t.data[entry.node] if forward else t.truth[entry.node]
            )
        ]

    def lead(self, entry: Entry, point: int, want: float) -> dict[str, str]:
        """The placeholders of "`dw[2]` is 1, it should be 0.1966 (at …)"."""
        value = self.got[point][entry.name]
        return {
            "var": entry.name,
            "got": fmt(value, want),
            "want": fmt(want, value),
            "point": self.ref.point_text(point) if point else "",
        }

    def rows(self, point: int) -> list[dict[str, Any]]:
        """Every gradient at ``point``: the reader's, the right one, and whether they agree."""
        truth = self.ref.traces[point].truth
        found = []
        for e in self.ref.entries:
            value = self.got[point][e.name]
            found.append(
                {
                    "name": e.name,
                    "got": value if math.isfinite(value) else None,
                    "want": truth[e.node],
                    "ok": close(value, truth[e.node]),
                }
            )
        return found

    def verdict(self) -> Finding:
        return self.forward() or self.gradients()

    def forward(self) -> Finding | None:
        traces = self.ref.traces
        for entry in self.ref.forward_entries:
            wrong = self.wrong_at(entry, forward=True)
            if not wrong:
                continue
            p = wrong[0]
            lead = self.lead(entry, p, traces[p].data[entry.node])
            slips = [forward_hypotheses(t, entry.node) for t in traces]
            for i, (_, fields) in enumerate(slips[0]):
                if all(close(self.got[q][entry.name], slips[q][i][0]) for q in range(len(traces))):
                    return Finding("precedence", {**lead, **fields}, entry, p)
            return Finding("forward-wrong", lead, entry, p)
        return None

    def gradients(self) -> Finding:
        entries = self.ref.entries
        self.wrong = {e.name: self.wrong_at(e) for e in entries}
        wrong = [e for e in entries if self.wrong[e.name]]
        if not wrong:
            return Finding(None, rows=self.rows(0))
        t0 = self.ref.traces[0]
        self.above = {e.name: set(t0.upstream_of(e.node)) for e in wrong}
        roots = [
            e
            for e in wrong
            if not any(o.node != e.node and o.node in self.above[e.name] for o in wrong)
        ]
        return self.diagnosis(roots) or self.pattern(wrong)

    def matches(self, h: Hypothesis, e: Entry) -> bool:
        """``h`` predicts the reader's ``e`` at every point (the failing one first)."""
        for p in [*self.wrong[e.name][:1], *range(len(self.ref.traces))]:
            predicted = h.predict(p, e)
            if predicted is None or not close(self.got[p][e.name], predicted):
                return False
        return True

    def explains(self, h: Hypothesis, root: Entry) -> bool:
        """``h`` gives the root its numbers and leaves the right entries on the root's
        path to the output as they are (the mistake sits below them)."""
        if not h.affects(root) or not self.matches(h, root):
            return False
        above = self.above[root.name]
        return all(
            self.matches(h, o)
            for o in self.ref.entries
            if o is not root and o.node in above and h.affects(o)
        )

    def diagnosis(self, roots: list[Entry]) -> Finding | None:
        explained: dict[str, list[tuple[Entry, Hypothesis]]] = {}
        for root in roots:
            for h in self.ref.hypotheses:
                if self.explains(h, root):
                    explained.setdefault(h.key, []).append((root, h))
        if not explained:
            return None
        # Best: one mistake that gives every root its numbers; then one kind of mistake
        # made in several places; then whatever explains the first root.
        choices: list[tuple[str, Hypothesis]] = []
        for key, pairs in explained.items():
            choices += [(key, h) for _, h in pairs if sum(x is h for _, x in pairs) == len(roots)]
        for key, pairs in explained.items():
            if len({id(e) for e, _ in pairs}) == len(roots):
                choices.append((key, pairs[0][1]))
        for key, pairs in explained.items():
            if pairs[0][0] is roots[0]:
                choices.append((key, pairs[0][1]))
        first = next(iter(explained))
        key, h = (choices or [(first, explained[first][0][1])])[0]
        entry = next(e for e, x in explained[key] if x is h)
        p = self.wrong[entry.name][0]
        lead = self.lead(entry, p, self.ref.traces[p].truth[entry.node])
        return Finding(key, {**lead, **h.message_fields(p, entry)}, entry, p, self.rows(p))

    def pattern(self, wrong: list[Entry]) -> Finding:
        """No single mistake explains the numbers: say what their pattern shows."""
        got, traces = self.got, self.ref.traces
        entry = wrong[0]
        p = self.wrong[entry.name][0]
        lead = self.lead(entry, p, traces[p].truth[entry.node])
        rows = self.rows(p)
        points = range(len(traces))
        if all(got[q][e.name] == 0.0 for e in self.ref.entries for q in points):
            return Finding("not-written", lead, entry, p, rows)
        if all(close(got[q][e.name], got[0][e.name]) for e in wrong for q in points):
            return Finding("hard-coded", lead, entry, p, rows)
        if all(0 not in self.wrong[e.name] for e in wrong):
            return Finding("only-at-given-point", lead, entry, p, rows)
        ratios: list[list[float]] = []
        for q in points:
            here = [e for e in wrong if q in self.wrong[e.name]]
            truths = [traces[q].truth[e.node] for e in here]
            if any(t == 0 for t in truths):
                return Finding("wrong-value", lead, entry, p, rows)
            ratios.append([got[q][e.name] / t for e, t in zip(here, truths)])
        flat = [r for rs in ratios for r in rs]
        if all(close(r, -1.0) for r in flat):
            return Finding("sign", lead, entry, p, rows)
        if len(wrong) > 1 and all(close(r, rs[0]) for rs in ratios for r in rs):
            return Finding("wrong-factor", {**lead, "ratio": fmt(ratios[p][0])}, entry, p, rows)
        return Finding("wrong-value", lead, entry, p, rows)
