"""Generated answers for every exercise: equivalent programs that must pass and
mutants that must fail, derived from each ``solution.py`` by AST transforms
(seeded, so the same every run), each with the verdict an independent oracle
gives it (see :mod:`.oracle`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tests.exercise_cases import EXERCISES, checker, read

from .equivalents import equivalents
from .mutants import Names, mutants
from .oracle import gradients_expected
from .program import mark_inputs

SEED = 15
MUTANTS = 60  # per exercise, sampled from every mutant the operators make


@dataclass(frozen=True)
class Generated:
    exercise: str
    kind: str  # "equivalent" or "mutant"
    how: str  # the transform or the mutation and where
    source: str
    expected: str | None  # "pass", "fail" or None (too close to call)

    @property
    def id(self) -> str:
        return f"{self.exercise}:{self.kind}:{self.how}"


def kind_of(exercise: str) -> str:
    """``gradients`` (Exercise), ``engine``, ``init`` or ``capstone``."""
    text = read(exercise, "check.py")
    if "CapstoneExercise" in text:
        return "capstone"
    if "EngineExercise" in text:
        return "engine"
    if "InitExercise" in text:
        return "init"
    return "gradients"


@cache
def generated(exercise: str) -> tuple[Generated, ...]:
    kind = kind_of(exercise)
    if kind != "gradients":
        from .other import generated_other

        return tuple(generated_other(exercise, kind, SEED, MUTANTS))
    ex = checker(exercise).__self__
    solution = mark_inputs(read(exercise, "solution.py"), ex.inputs)
    names = Names(list(ex.gradients), list(ex.forward), list(ex.inputs))
    found = []
    for how, program in equivalents(ex, solution, read(exercise, "check.py"), SEED):
        found.append(
            Generated(
                exercise, "equivalent", how, program.source(), gradients_expected(ex, program)
            )
        )
    for how, program in mutants(solution, names, SEED, MUTANTS):
        expected = gradients_expected(ex, program, forward=True)
        found.append(Generated(exercise, "mutant", how, program.source(), expected))
    return tuple(found)


def all_generated() -> list[Generated]:
    return [g for e in EXERCISES for g in generated(e)]
