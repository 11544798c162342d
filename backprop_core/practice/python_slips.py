"""Diagnoses of how the Python was written, not of the backward pass it computes.

- :func:`aliased`: a gradient's rows are one list object (``[[0.0] * 3] * 3``),
  so a write into one row lands in every row;
- :func:`rounded`: the right numbers, rounded (``round(ddot, 4)`` kept for the
  next step, not only printed).

Each takes the :class:`~backprop_core.practice.judge.Judgement` and returns a
:class:`~backprop_core.practice.finding.Finding` or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .finding import Finding
from .hypothesis import Entry
from .patterns import first

if TYPE_CHECKING:
    from .judge import Judgement

__all__ = ["aliased", "rounded"]


def aliased(j: Judgement, wrong: list[Entry]) -> Finding | None:
    """A wrong gradient lives in a list whose rows are one list (``[[0.0] * 3] * 3``)."""
    for entry in wrong:
        if entry.var in j.answers.aliased:
            return first(j, entry, "aliased-rows", {"list": entry.var})
    return None


def rounded(j: Judgement, roots: list[Entry]) -> Finding | None:
    """Every wrong root is its right value rounded to the same number of decimals, at every
    point (``round(f * (1 - f), 4)`` kept for the next step): round only what is printed."""
    points = range(len(j.ref.traces))
    for digits in range(1, 9):  # (0 decimals: too easily a coincidence, or zeros)
        if all(
            abs(j.got[p][e.name] - round(t, digits)) <= 1e-12 * max(1.0, abs(t))
            for e in roots
            for p in points
            for t in [j.ref.traces[p].truth[e.node]]
        ):
            return first(j, roots[0], "rounded", {"digits": str(digits)})
    return None
