"""Every exercise, in every language: the reference passes, each catalogued wrong
answer gets its diagnosis (by key), typed-in numbers fail, and the message is in
the page's language and names the variable."""

from __future__ import annotations

import re

import pytest

from backprop_core.practice import KEYS, LANGUAGES
from sitebuild.localize import source
from tests.exercise_cases import (
    BUG_HUNTS,
    EXERCISES,
    Case,
    all_cases,
    checker,
    hard_coded,
    read,
    wrong_answers,
)

CASES = all_cases()
WRONG = [c for c in CASES if c.key is not None]
RIGHT = [c for c in CASES if c.name.startswith("right/")]
SCRIPT = {  # a character of each language's own script must appear in its messages
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
    "de": re.compile(r"\b(der|die|das|den|dem|ist|Sie|nicht|und|am|an)\b"),
    "en": re.compile(r"\b(the|is|it|should)\b"),
}


def test_there_are_the_exercises_the_pages_need() -> None:
    for name in (
        "gates/sigmoid",
        "gates/add",
        "gates/multiply",
        "gates/max",
        "gates/fan-out",
        "gates/division",
        "staged-computation",
        "vectorized",
        "build-your-own/backward",
        "deep-networks/symmetry",
    ):
        assert name in EXERCISES
    assert len([e for e in EXERCISES if e.startswith("common-mistakes/")]) >= 2
    assert set(BUG_HUNTS) <= set(EXERCISES)


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_exercise_has_its_files_and_wrong_answers(exercise: str) -> None:
    for name in ("starter.py", "solution.py", "check.py"):
        assert read(exercise, name).strip()
    from sitebuild.exercises import about

    titles = [about(exercise, lang) for lang in LANGUAGES]
    assert len({t for t, _ in titles}) == 4 and len({i for _, i in titles}) == 4, titles
    assert all(title and "/" not in title.split(" ")[0] for title, _ in titles)  # not a slug
    cases = wrong_answers(exercise)
    assert len(cases) >= 3, f"{exercise}: catalogue at least three wrong answers"
    for case in cases:
        assert case.key in KEYS, f"{exercise}/wrong/{case.name}.py: {case.key!r} is no table key"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("exercise", EXERCISES)
def test_the_reference_solution_passes(exercise: str, lang: str) -> None:
    """The solution as the page in ``lang`` shows it (comments and labels translated)."""
    shown = source(f"exercises/{exercise}/solution.py", lang)
    assert lang == "en" or shown != read(exercise, "solution.py"), "not localized"
    result = checker(exercise)(shown, lang)
    assert (result["verdict"], result["key"]) == ("pass", None), result["message"]
    assert all(row["ok"] for row in result["rows"]) and result["points"] >= 5
    assert SCRIPT[lang].search(result["message"]), result["message"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("exercise", EXERCISES)
def test_the_starter_does_not_pass(exercise: str, lang: str) -> None:
    """The starter as the page in ``lang`` shows it; a bug hunt's gets its bug's key."""
    shown = source(f"exercises/{exercise}/starter.py", lang)
    assert lang == "en" or shown != read(exercise, "starter.py"), "not localized"
    result = checker(exercise)(shown, lang)
    assert result["verdict"] == "fail"
    if exercise in BUG_HUNTS:
        assert result["key"] == BUG_HUNTS[exercise], result["message"]


@pytest.mark.parametrize("case", RIGHT, ids=lambda c: c.id)
def test_a_right_answer_written_otherwise_passes(case: Case) -> None:
    """Catalogued right answers (right/): the reviews' false fails and others like them."""
    result = checker(case.exercise)(case.source, "en")
    assert (result["verdict"], result["key"]) == ("pass", None), result["message"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", WRONG, ids=lambda c: c.id)
def test_a_wrong_answer_gets_its_diagnosis(case: Case, lang: str) -> None:
    result = checker(case.exercise)(case.source, lang)
    assert result["verdict"] == "fail"
    assert result["key"] == case.key, f"{case.id}: {result['message']}"
    message = result["message"]
    assert SCRIPT[lang].search(message), message
    assert "{" not in message and "}" not in message, message  # every placeholder filled
    if result["variable"] is not None:
        assert f"`{result['variable']}`" in message, message
    else:  # a problem of the whole variable (a transposed shape): it is named too
        assert "`" in message


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("exercise", EXERCISES)
def test_typed_in_numbers_fail(exercise: str, lang: str) -> None:
    case = hard_coded(exercise)
    result = checker(exercise)(case.source, lang)
    assert result["verdict"] == "fail", f"{exercise}: the typed-in numbers passed"
    assert result["key"] == case.key, result["message"]
    assert case.key in ("hard-coded", "init-shape", "capstone-typed-in"), case.key


def test_the_sigmoid_messages_say_exactly_what_went_wrong() -> None:
    """The issue's two examples, word for word in English."""
    check = checker("gates/sigmoid")
    source = read("gates/sigmoid", "solution.py")
    result = check(source.replace("ddot = (1 - f) * f", "ddot = f"), "en")
    assert result["key"] == "activation-as-local-gradient"
    assert result["message"].startswith(
        "`ddot` is 0.7311, it should be 0.1966. That is the output `f` of the sigmoid gate, "
        "not its local gradient."
    )
    result = check(source.replace("1 * ddot]", "1]"), "en")
    assert result["key"] == "missing-upstream"
    assert result["message"] == (
        "`dw[2]` is 1, it should be 0.1966. That is the local gradient alone; the chain rule "
        "multiplies it by the upstream gradient, `ddot` = 0.1966."
    )
    row = next(r for r in result["rows"] if r["name"] == "dw[2]")
    assert row["got"] == 1 and not row["ok"] and round(row["want"], 4) == 0.1966


def test_the_engine_and_symmetry_exercises_catalogue_the_mistakes_they_teach() -> None:
    """build-your-own: `=` for `+=`, no seed, the wrong order, recursion; deep-networks:
    equal starting weights (three ways), the scale, a typed-in matrix."""
    engine = {c.key for c in wrong_answers("build-your-own/backward")}
    assert {
        "fork-overwrite",
        "unseeded-output",
        "wrong-order",
        "recursion-too-deep",
        "hard-coded",
        "not-written",
    } <= engine
    init = [c.name for c in wrong_answers("deep-networks/symmetry")]
    assert len([n for n in init if n.startswith("symmetric-init")]) >= 3
    assert {"init-scale", "init-shape--typed-in"} <= set(init)


def test_the_engine_checker_names_the_fork_and_the_symmetry_checker_the_neurons() -> None:
    wrong = read("build-your-own/backward", "wrong/fork-overwrite.py")
    result = checker("build-your-own/backward")(wrong, "en")
    assert result["message"].startswith(
        "`b.grad` is 1, it should be 2 (for `a = 3; b = a + a; c = b + b`). `b` is used 2 times, "
        "so its gradient is the sum of 2 shares (1 + 1)."
    )
    result = checker("deep-networks/symmetry")(read("deep-networks/symmetry", "starter.py"), "en")
    assert result["key"] == "symmetric-init"
    assert (
        "their gradients are equal, so they take the same steps and never become different"
        in (result["message"])
    )


def test_a_recursive_order_passes_everything_but_the_deep_chain() -> None:
    """The recursion answer is right on every shallow expression: only depth fails it."""
    from backprop_core.practice.engine import EngineExercise

    source = read("build-your-own/backward", "wrong/recursion-too-deep.py")
    check = checker("build-your-own/backward")
    exercise = check.__self__
    assert isinstance(exercise, EngineExercise)
    shallow = EngineExercise(
        exercise.examples, exercise.inputs, [c for c in exercise.cases if not c.deep]
    )
    assert shallow.check(source)["verdict"] == "pass"
    assert check(source)["key"] == "recursion-too-deep"


def test_the_engine_exercise_holds_the_pages_own_value() -> None:
    """The starter and the solution carry the page's Value class (snippet value.py) as it
    is, and the solution's order and backward are the page's (backward.py)."""
    import ast

    from tests.pages import SNIPPETS

    def definitions(text: str) -> dict[str, str]:
        tree = ast.parse(text)
        return {
            node.name: ast.dump(node)
            for node in tree.body
            if isinstance(node, (ast.ClassDef, ast.FunctionDef))
        }

    page = definitions((SNIPPETS / "build_your_own" / "value.py").read_text(encoding="utf-8"))
    steps = definitions((SNIPPETS / "build_your_own" / "backward.py").read_text(encoding="utf-8"))
    for name in ("starter.py", "solution.py"):
        assert definitions(read("build-your-own/backward", name))["Value"] == page["Value"], name
    solution = definitions(read("build-your-own/backward", "solution.py"))
    assert solution["topological_order"] == steps["topological_order"]
    assert solution["zero_grad"] == steps["zero_grad"]
