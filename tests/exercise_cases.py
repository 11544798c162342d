"""The exercises under snippets/exercises/ and the cases their checkers must judge.

An exercise is a folder with ``starter.py``, ``solution.py``, ``check.py``,
``wrong/<key>.py`` (or ``wrong/<key>--<variant>.py``): catalogued wrong
answers, each with the diagnosis key it must get, and ``right/<name>.py``:
right answers written otherwise than the solution, which must pass. Bug hunts (``BUG_HUNTS``)
start from a wrong answer, so their starter has a catalogued key too.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tests.pages import SNIPPETS

EXERCISES_DIR = SNIPPETS / "exercises"
EXERCISES = sorted(
    p.parent.relative_to(EXERCISES_DIR).as_posix() for p in EXERCISES_DIR.rglob("check.py")
)
# The bug the starter of each bug hunt hides.
BUG_HUNTS = {
    "common-mistakes/hunt-fork": "fork-overwrite",
    "common-mistakes/hunt-neuron": "preactivation-in-local-gradient",
    "common-mistakes/hunt-stale": "stale-gradient",
}


@dataclass(frozen=True)
class Case:
    exercise: str
    name: str  # "solution", "starter" or the wrong answer's file stem
    source: str
    key: str | None  # the diagnosis it must get (None: it must pass)

    @property
    def id(self) -> str:
        return f"{self.exercise}:{self.name}"


def folder(exercise: str) -> Path:
    return EXERCISES_DIR / exercise


def read(exercise: str, name: str) -> str:
    return (folder(exercise) / name).read_text(encoding="utf-8")


@cache
def checker(exercise: str) -> Any:
    """The exercise's ``check`` function, from a fresh namespace (as the worker does)."""
    namespace: dict[str, Any] = {"__name__": "check"}
    exec(compile(read(exercise, "check.py"), f"{exercise}/check.py", "exec"), namespace)
    return namespace["check"]


def wrong_answers(exercise: str) -> list[Case]:
    found = [
        Case(exercise, path.stem, path.read_text(encoding="utf-8"), path.stem.split("--")[0])
        for path in sorted((folder(exercise) / "wrong").glob("*.py"))
    ]
    if exercise in BUG_HUNTS:
        found.append(Case(exercise, "starter", read(exercise, "starter.py"), BUG_HUNTS[exercise]))
    return found


def gradient_names(exercise: str) -> list[str]:
    """The reader variables the exercise checks, read from check.py's ``gradients=``."""
    tree = ast.parse(read(exercise, "check.py"))
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "gradients":
            assert isinstance(node.value, ast.Dict)
            return [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
    raise AssertionError(f"{exercise}/check.py has no gradients=")


def hard_coded(exercise: str) -> Case:
    """The reference solution with its gradients replaced by the numbers it computes at
    the given point: right there, and nowhere else. An exercise whose reader writes a
    function rather than gradients (no ``gradients=``) catalogues its own typed-in
    answer: ``wrong/hard-coded.py`` or ``wrong/<key>--typed-in.py``."""
    if "gradients=" not in read(exercise, "check.py"):
        typed = [
            c
            for c in wrong_answers(exercise)
            if c.name in ("hard-coded",) or c.name.endswith("--typed-in")
        ]
        assert typed, f"{exercise}: catalogue a typed-in answer (wrong/hard-coded.py)"
        return typed[0]
    namespace: dict[str, Any] = {"__name__": "__main__", "print": lambda *a, **k: None}
    source = read(exercise, "solution.py")
    exec(compile(source, "solution.py", "exec"), namespace)
    lines = [f"{name} = {namespace[name]!r}" for name in gradient_names(exercise)]
    return Case(exercise, "typed-in numbers", source + "\n" + "\n".join(lines) + "\n", "hard-coded")


def right_answers(exercise: str) -> list[Case]:
    return [
        Case(exercise, f"right/{path.stem}", path.read_text(encoding="utf-8"), None)
        for path in sorted((folder(exercise) / "right").glob("*.py"))
    ]


def all_cases() -> list[Case]:
    cases = []
    for exercise in EXERCISES:
        cases.append(Case(exercise, "solution", read(exercise, "solution.py"), None))
        cases += right_answers(exercise)
        cases += wrong_answers(exercise)
    return cases
