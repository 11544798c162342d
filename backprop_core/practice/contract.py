"""The exercise check contract, shared by every kind of exercise.

An exercise object offers ``check(source, lang) -> dict`` (what ``check.py``
exports) and the same in three steps, for a runtime that runs the reader's
code in one interpreter and judges in another (web/judge.js):

- ``plan() -> dict``: plain data the reader's side needs (the points), no truth;
- ``collect(source, plan) -> dict``: runs the reader's code, returns plain data;
- ``judge(collected, lang) -> dict``: the verdict, from untrusted plain data.

``check(source, lang)`` is ``judge(collect(source, plan()), lang)``. The verdict
dict is plain JSON (no NaN or infinity) with ``verdict`` ("pass", "fail", or
"error" when the checker itself failed: a bug, said in one sentence in the
page's language, never a traceback), ``key``, ``message``, ``variable``,
``point``, ``rows`` and ``points``. ``KeyboardInterrupt`` (Stop, the time
limit) goes through: a stopped check has no verdict.
"""

from __future__ import annotations

import math
import sys
from abc import ABC, abstractmethod
from typing import Any

from .running import error_text
from .wording import message

__all__ = ["Checked", "Verdict", "failed", "plain_rows"]

Verdict = dict[str, Any]


def plain_rows(rows: object) -> list[dict[str, Any]]:
    """Rows with every number finite or None (JSON has no NaN), names as strings."""
    found = []
    for row in rows if isinstance(rows, list) else []:
        if not isinstance(row, dict):
            continue
        clean: dict[str, Any] = {"name": str(row.get("name", ""))}
        for key in ("got", "want"):
            value = row.get(key)
            number = float(value) if isinstance(value, (int, float)) else math.nan
            clean[key] = number if math.isfinite(number) and not isinstance(value, bool) else None
        clean["ok"] = bool(row.get("ok"))
        found.append(clean)
    return found


def failed(lang: str, detail: str) -> Verdict:
    """The checker itself failed: one sentence for the reader, the detail for a bug report."""
    return {
        "verdict": "error",
        "key": "checker-failed",
        "message": message("checker-failed", lang, {}),
        "variable": None,
        "point": "",
        "rows": [],
        "points": 0,
        "detail": detail[:500],
    }


class Checked(ABC):
    """plan / collect / judge, and check() made of them (see the module docstring)."""

    @abstractmethod
    def plan(self) -> dict[str, Any]: ...

    @abstractmethod
    def _collect(self, source: str, plan: dict[str, Any]) -> dict[str, Any]: ...

    @abstractmethod
    def _judge(self, collected: dict[str, Any], lang: str) -> Verdict: ...

    def collect(self, source: str, plan: dict[str, Any]) -> dict[str, Any]:
        """Run the reader's code; plain data only. A failure of the checker's own code
        is reported in the data (``failed``), for the judge to put into words.

        The reader may raise Python's recursion limit for their own code (a
        recursive walk); it is put back afterwards, so that one answer cannot
        change how the next is judged where checks share an interpreter
        (CPython, the tests; the site gives every check a fresh one)."""
        limit = sys.getrecursionlimit()
        try:
            return self._collect(source, plan)
        except Exception as exc:
            return {"failed": error_text(exc)}
        finally:
            sys.setrecursionlimit(limit)

    def judge(self, collected: object, lang: str = "en") -> Verdict:
        """The verdict from what :meth:`collect` returned (never raises)."""
        try:
            if not isinstance(collected, dict):
                return failed(lang, f"collected data is a {type(collected).__name__}")
            if "failed" in collected:
                return failed(lang, str(collected["failed"]))
            verdict = self._judge(collected, lang)
            verdict["rows"] = plain_rows(verdict.get("rows"))
            return verdict
        except Exception as exc:
            return failed(lang, error_text(exc))

    def check(self, source: str, lang: str = "en") -> Verdict:
        """Check the reader's code; the result follows the exercise check contract."""
        try:
            plan = self.plan()
        except Exception as exc:
            return failed(lang, error_text(exc))
        return self.judge(self.collect(source, plan), lang)
