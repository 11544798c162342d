"""Judge the reader's numbers against the reference: pass, or the likely mistake.

When every gradient is right at every point, the answer passes, however the
code computes them, unless a forward value the exercise names, as the
backward pass used it, differs from the given forward pass (a forward value
not kept, or changed after the backward pass, is no mistake). When a gradient
is wrong, the questions are, in this order:

1. Is a forward value the backward pass used wrong (a precedence slip)?
2. Are ``backward()`` and ``zero_grad()`` called in the wrong order, is a
   gradient still the starter's 0, or a copy of another variable?
3. Which gradients are wrong? The *roots* among them are those with no wrong
   gradient on their way to the output: the others inherit the error. Which
   mistake of the table gives every root its numbers, at every point, while
   leaving the right gradients above it alone? That is the diagnosis.
4. Otherwise, which of the reader's own variables reproduces the wrong number
   (:mod:`~backprop_core.practice.slips`), did the checker fail to move an
   input, and what does the pattern say (:mod:`~backprop_core.practice.patterns`).

Shapes and types are read before (:mod:`~backprop_core.practice.answers`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from . import patterns, python_slips
from .answers import Answers, read_answers
from .finding import Finding, Numbers, Reference
from .forward_slips import forward_hypotheses
from .hypothesis import Entry, Hypothesis
from .numbers import close, fmt

__all__ = ["Judgement", "judge"]


def judge(ref: Reference, collected: object) -> Finding:
    """The verdict on the reader's code, from what was collected of its runs."""
    answers = read_answers(ref, collected)
    if isinstance(answers, Finding):
        return answers
    return Judgement(ref, answers).verdict()


@dataclass
class Judgement:
    """The reader's answers held against the reference; its methods are the questions."""

    ref: Reference
    answers: Answers

    @property
    def got(self) -> list[Numbers]:
        return self.answers.got

    def wrong_at(self, entry: Entry) -> list[int]:
        """The points where the reader's gradient ``entry`` differs from the truth."""
        return [
            p
            for p, t in enumerate(self.ref.traces)
            if not close(self.got[p][entry.name], t.truth[entry.node])
        ]

    def lead(
        self, entry: Entry, point: int, want: float, value: float | None = None
    ) -> dict[str, str]:
        """The placeholders of "`dw[2]` is 1, it should be 0.1966 (at …)"."""
        value = self.got[point][entry.name] if value is None else value
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
        entries = self.ref.entries
        self.wrong = {e.name: self.wrong_at(e) for e in entries}
        wrong = [e for e in entries if self.wrong[e.name]]
        if not wrong:  # every gradient right: a forward value the pass used may still be wrong
            return self.forward() or Finding(None, rows=self.rows(0))
        t0 = self.ref.traces[0]
        self.above = {e.name: set(t0.upstream_of(e.node)) for e in wrong}
        roots = [
            e
            for e in wrong
            if not any(o.node != e.node and o.node in self.above[e.name] for o in wrong)
        ]
        return (
            self.forward()
            or python_slips.aliased(self, wrong)
            or patterns.order(self, roots)
            or patterns.zeros(self, roots)
            or python_slips.rounded(self, roots)
            or patterns.copies(self, roots, grads_only=True)
            or self.diagnosis(roots)
            or patterns.typed_in(self, wrong)
            or self.slip(roots)
            or patterns.copies(self, roots)
            or patterns.pinned(self, wrong)
            or patterns.pattern(self, wrong)
        )

    def slip(self, roots: list[Entry]) -> Finding | None:
        """A slip, but a gradient that holds one of the reader's variables where another
        belongs (``dz = x`` for ``q``) is that, not a factor missing from it."""
        found = patterns.slips(self, roots)
        if found is not None and found.key in ("extra-factor", "missing-factor"):
            return patterns.copies(self, roots) or found
        return found

    def forward(self) -> Finding | None:
        """A forward value the backward pass used is wrong (a precedence slip, or any)."""
        traces, forward = self.ref.traces, self.answers.forward
        if self.answers.forward_shape is not None:
            return self.answers.forward_shape
        for entry in self.ref.forward_entries:
            if not all(entry.name in numbers for numbers in forward):
                continue  # not kept (or not as a number): the gradients say enough
            got = [numbers[entry.name] for numbers in forward]
            wrong = [p for p, t in enumerate(traces) if not close(got[p], t.data[entry.node])]
            if not wrong:
                continue
            p = wrong[0]
            lead = self.lead(entry, p, traces[p].data[entry.node], got[p])
            slips = [forward_hypotheses(t, entry.node) for t in traces]
            for i, (_, fields) in enumerate(slips[0]):
                if all(close(got[q], slips[q][i][0]) for q in range(len(traces))):
                    return Finding("precedence", {**lead, **fields}, entry, p, self.rows(p))
            return Finding("forward-wrong", lead, entry, p, self.rows(p))
        return None

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
        backward = any(call == "backward" for call, _, _ in self.answers.calls)
        for root in roots:
            for h in self.ref.hypotheses:
                if h.key == "stale-gradient" and not backward:
                    continue  # nothing in the code calls backward(): no gradient is stale
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
