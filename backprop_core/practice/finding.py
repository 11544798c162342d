"""What the judge of a gradient exercise knows beforehand, and what it finds.

:class:`Reference` is everything known before the reader's code runs (the
points, the truth there, the mistakes that could explain wrong numbers);
:class:`Finding` is the outcome of a check before it is put into words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .circuit import Trace
from .hypothesis import Entry, Hypothesis
from .numbers import fmt

__all__ = ["Finding", "Numbers", "Reference"]

Numbers = dict[str, float]  # entry name ("dw[2]") -> the reader's number


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
