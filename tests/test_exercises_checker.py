"""backprop_core.practice itself: the message table, running the reader's code, and
the diagnoses that no catalogued exercise answer reaches."""

from __future__ import annotations

import doctest
import importlib
import json
import pkgutil
import re
import string

import pytest

from backprop_core import Value
from backprop_core.practice import KEYS, LANGUAGES, MESSAGES, Exercise, message
from backprop_core.practice.hypotheses import ORDER
from backprop_core.practice.messages import GATES
from backprop_core.practice.numbers import fmt
from backprop_core.practice.reading import prepare
from backprop_core.practice.running import run_program


def product(x, y):  # type: ignore[no-untyped-def]
    q = x * y
    return {"q": q, "f": q * q}


def fraction(a, b, c, d):  # type: ignore[no-untyped-def]
    return {"f": (a + b) / (c + d)}


SQUARE = Exercise(
    product, inputs={"x": 3, "y": -2}, gradients={"dq": "q", "dx": "x", "dy": "y"}, forward=["q"]
)
RIGHT = """x, y = 3, -2
q = x * y
dq = 2 * q
dx = y * dq
dy = x * dq
"""


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# --- the table -----------------------------------------------------------------------


@pytest.mark.parametrize("key", list(MESSAGES))
def test_every_message_exists_in_every_language_with_the_same_placeholders(key: str) -> None:
    texts = MESSAGES[key]
    assert set(texts) == set(LANGUAGES)
    english = placeholders(texts["en"])
    for lang in LANGUAGES:
        assert texts[lang].strip(), f"{key} has no {lang} message"
        assert placeholders(texts[lang]) == english, f"{key}: {lang} and en use other fields"
    assert len({texts[lang] for lang in LANGUAGES}) == 4, f"{key}: a message is not translated"


def test_every_key_the_checker_can_give_is_in_the_table() -> None:
    produced = set(ORDER) | {
        "syntax-error",
        "raises",
        "raises-elsewhere",
        "missing-input",
        "missing-variable",
        "not-a-number",
        "wrong-length",
        "wrong-shape",
        "transposed-shape",
        "forward-wrong",
        "not-written",
        "hard-coded",
        "only-at-given-point",
        "wrong-factor",
        "wrong-value",
        "wrong-transpose",
        # engine.py (a reader's backward()) and initialization.py (a reader's weights)
        "unseeded-output",
        "wrong-order",
        "recursion-too-deep",
        "symmetric-init",
        "init-scale",
        "init-fan-out",
        "init-shape",
        # a gradient that is no finite number; the checker's own failure
        "not-finite",
        "too-large",
        "checker-failed",
        # named by the reader's own variables (slips.py) and the pattern (patterns.py)
        "variable-slip",
        "forward-for-gradient",
        "bias-gradient",
        "extra-factor",
        "missing-factor",
        "added-not-multiplied",
        "share-twice",
        "share-sign",
        "left-at-zero",
        "read-before-backward",
        "zeroed-after-backward",
        "inverted-factor",
        "aliased-rows",
        "rounded",
        "vjp-formula",
        "not-in-graph",
        "not-in-graph-remade",
        "inputs-pinned",
        "engine-rule",
        "short-order",
        "engine-seed",
        "near-symmetric-init",
        "init-mean",
    }
    from backprop_core.practice.capstone_messages import CAPSTONE_MESSAGES

    produced |= set(CAPSTONE_MESSAGES) - {"pass-capstone"}  # capstone.py (the reader's MLP)
    assert produced == set(KEYS)
    for op in GATES.values():
        assert set(op) == set(LANGUAGES)


def test_the_lead_sentence_and_gate_names_follow_the_language() -> None:
    fields = {
        "var": "ddot",
        "got": "0.7311",
        "want": "0.1966",
        "point": "",
        "gate": "sigmoid",
        "out": "f",
        "formula": "`(1 - f) * f`",
    }
    key = "activation-as-local-gradient"
    assert message(key, "zh", fields).startswith(
        "`ddot` 的值是 0.7311，正确的值是 0.1966。这是 sigmoid 门的输出"
    )
    assert "シグモイドゲートの出力" in message(key, "ja", fields)
    assert "des Sigmoid-Gatters" in message(key, "de", fields)
    assert message(key, "fr", fields) == message(key, "en", fields)  # unknown: English
    at = message(key, "en", {**fields, "point": "x = 1"})
    assert at.startswith("`ddot` is 0.7311, it should be 0.1966 (at x = 1). ")


def test_numbers_are_shown_as_the_pages_show_them() -> None:
    assert [fmt(v) for v in (2.0595697, -0.0358, 1.0, 0.0066, -0.0)] == [
        "2.0596",
        "-0.0358",
        "1",
        "0.0066",
        "0",
    ]
    assert fmt(0.50001, 0.5) == "0.50001"  # more digits when the two would look equal


def test_the_examples_in_the_practice_modules_run() -> None:
    import backprop_core.practice as room

    names = [f"{room.__name__}.{m.name}" for m in pkgutil.iter_modules(room.__path__)]
    finder, runner = doctest.DocTestFinder(exclude_empty=True), doctest.DocTestRunner()
    for name in names:
        for test in finder.find(importlib.import_module(name)):
            runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 6 and result.failed == 0


# --- running the reader's code ----------------------------------------------------------


def test_the_right_answer_passes_and_its_output_is_silenced(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = SQUARE.check(RIGHT + "print('hello from the reader')\n", "en")
    assert result["verdict"] == "pass" and result["key"] is None
    assert capsys.readouterr().out == ""


def test_inputs_are_replaced_in_the_readers_own_lines() -> None:
    source = "from backprop_core import Value\nx, y = Value(3.0, label='x'), Value(-2.0)\n"
    program = prepare(source, {"x": 3.0, "y": -2.0})
    namespace = run_program(program, {"x": 0.5, "y": 1.5}).namespace
    assert (namespace["x"].data, namespace["y"].data, namespace["x"].label) == (0.5, 1.5, "x")
    program = prepare("w = [float('2'), -3]\n", {"w": [2.0, -3.0]})  # no matching literals
    assert run_program(program, {"w": [0.25, 0.75]}).namespace["w"] == [0.25, 0.75]


def test_code_that_breaks_only_at_another_point_is_reported_with_that_point() -> None:
    source = RIGHT + "if x != 3:\n    raise ValueError('only works at x = 3')\n"
    result = SQUARE.check(source, "en")
    assert (result["verdict"], result["key"]) == ("fail", "raises-elsewhere")
    assert "ValueError: only works at x = 3" in result["message"] and "line 7" in result["message"]
    assert re.search(r"with x = [-\d.]+, y = [-\d.]+ it stops", result["message"])


@pytest.mark.parametrize(
    ("source", "key"),
    [
        ("x, y = 3, -2\ndq = (", "syntax-error"),
        ("y = -2\ndq, dx, dy = 1, 2, 3\n", "missing-input"),
        ("x, y = 3, -2\nq = x * y\ndq = 2 * q\ndx = y * dq\n", "missing-variable"),
        (RIGHT + "dy = 'twelve'\n", "not-a-number"),
        (RIGHT + "dy = [x * dq]\n", "not-a-number"),
        ("x, y = 3, -2\nraise RuntimeError('no')\n", "raises"),
        (RIGHT.replace("q = x * y", "q = x * y + 1"), "forward-wrong"),
    ],
)
def test_what_cannot_be_checked_is_said_clearly(source: str, key: str) -> None:
    result = SQUARE.check(source, "de")
    assert (result["verdict"], result["key"]) == ("fail", key), result["message"]
    assert "{" not in result["message"]


def test_a_wrong_length_and_a_transposed_shape() -> None:
    def dot(w, x):  # type: ignore[no-untyped-def]
        return {"f": w[0] * x[0] + w[1] * x[1]}

    ex = Exercise(dot, inputs={"w": [1, 2], "x": [3, 4]}, gradients={"dw": "w", "dx": "x"})
    result = ex.check("w = [1, 2]\nx = [3, 4]\ndw = x + [0]\ndx = w\n", "en")
    assert result["key"] == "wrong-length"
    assert result["message"] == "`dw` should hold 2 numbers, one per entry of `w`, but it holds 3."


def test_the_readers_monkeypatching_cannot_change_the_verdict() -> None:
    saved = Value.__mul__
    try:
        patch = "\nfrom backprop_core import Value\nValue.__mul__ = lambda a, b: Value(0.0)\n"
        assert SQUARE.check(RIGHT + patch, "en")["verdict"] == "pass"
        wrong = RIGHT.replace("dx = y * dq", "dx = x * dq")
        assert SQUARE.check(wrong + patch, "en")["key"] == "swapped-inputs"
    finally:
        Value.__mul__ = saved  # type: ignore[method-assign]


def test_stop_still_stops_a_check() -> None:
    with pytest.raises(KeyboardInterrupt):
        SQUARE.check(RIGHT + "raise KeyboardInterrupt\n", "en")


def test_a_successful_exit_is_not_an_error() -> None:
    assert SQUARE.check(RIGHT + "raise SystemExit\n", "en")["verdict"] == "pass"


# --- points --------------------------------------------------------------------------------


def test_the_points_are_the_given_one_first_then_the_same_others_away_from_kinks() -> None:
    def top(x, y):  # type: ignore[no-untyped-def]
        return {"f": x.max(y)}

    ex = Exercise(top, inputs={"x": 1, "y": 4}, gradients={"dx": "x", "dy": "y"}, points=8)
    points = ex.reference.points
    assert points[0] == {"x": 1.0, "y": 4.0} and len(points) == 9
    assert all(p["x"] != p["y"] for p in points)  # no tie: grad_check rejects the kink
    assert {p["x"] > p["y"] for p in points} == {True, False}  # both branches are checked
    again = Exercise(top, inputs={"x": 1, "y": 4}, gradients={"dx": "x", "dy": "y"}, points=8)
    assert again.reference.points == points


# --- diagnoses no catalogued answer reaches -------------------------------------------------


def test_a_precedence_slip_in_a_fraction_of_sums() -> None:
    ex = Exercise(
        fraction,
        inputs={"a": 2, "b": 4, "c": 1, "d": 3},
        forward=["f"],
        gradients={"da": "a", "db": "b", "dc": "c", "dd": "d"},
    )
    source = "a, b, c, d = 2, 4, 1, 3\nf = (a + b) / c + d\nda = db = dc = dd = 0.0\n"
    result = ex.check(source, "en")
    assert result["key"] == "precedence"
    assert "`(a + b) / c + d` as `((a + b) / c) + d`" in result["message"]


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ("dx = 3 * y * dq", "wrong-factor"),  # not one mistake of the table
        ("dx = y * dq if x == 3 else 0.0", "only-at-given-point"),
        ("dx = y * dq + x * y * x * 0.1", "wrong-value"),
    ],
)
def test_patterns_when_no_single_mistake_explains_the_numbers(change: str, key: str) -> None:
    source = RIGHT.replace("dx = y * dq", change)
    if key == "wrong-factor":
        source = source.replace("dy = x * dq", "dy = 3 * x * dq")
    result = SQUARE.check(source, "en")
    assert result["key"] == key, result["message"]
    if key == "wrong-factor":
        assert "same factor (3 here)" in result["message"]


def test_a_lost_minus_sign_on_two_paths_is_a_sign_error() -> None:
    ex = Exercise(
        fraction,
        inputs={"a": 2, "b": 4, "c": 1, "d": 3},
        gradients={"da": "a", "db": "b", "dc": "c", "dd": "d"},
    )
    source = "a, b, c, d = 2, 4, 1, 3\nda = db = 1 / (c + d)\ndc = dd = (a + b) / (c + d)**2\n"
    assert ex.check(source, "en")["key"] == "sign"


# --- the checker never shows its own traceback -----------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_failure_of_the_checker_itself_is_one_sentence_in_the_pages_language(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import backprop_core.practice.exercise as exercise_module

    def broken(*args: object) -> None:
        raise AttributeError("'NoneType' object has no attribute 'truth'")

    monkeypatch.setattr(exercise_module, "judge", broken)
    result = SQUARE.check(RIGHT, lang)
    assert (result["verdict"], result["key"]) == ("error", "checker-failed")
    assert result["message"] == message("checker-failed", lang, {})
    assert "Traceback" not in result["message"] and "NoneType" not in result["message"]
    assert result["message"].count("\n") == 0
    assert "NoneType" in result["detail"]  # for a bug report, not for the reader


@pytest.mark.parametrize(
    "collected",
    [
        None,
        [],
        {"runs": "x"},
        {"runs": [{"gradients": {"dq": [1, 2]}}] * 5},
        {"error": 3},
        {"runs": [{"gradients": {"dq": "nan", "dx": 1, "dy": 1}}] * 5},
        {"failed": "boom"},
    ],
)
def test_the_judge_takes_whatever_it_is_given_without_raising(collected: object) -> None:
    result = SQUARE.judge(collected, "de")
    assert result["verdict"] in ("fail", "error")
    json.dumps(result, allow_nan=False)


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("dy = float('inf')", "not-finite"),
        ("dy = float('nan')", "not-finite"),
        ("dy = -10**400", "too-large"),
        ("dy = type('F', (float,), {'__float__': lambda s: 1 / 0})(x * dq)", None),
        ("dy = type('F', (float,), {'__float__': lambda s: 1 / 0})(y * dq)", "swapped-inputs"),
        ("dy = type('I', (int,), {'__index__': lambda s: 1 / 0})(5)", "hard-coded"),
    ],
)
def test_numbers_that_are_not_plain_get_their_own_finding_and_plain_json(
    line: str, key: str | None
) -> None:
    result = SQUARE.check(RIGHT + line + "\n", "ja")
    assert result["key"] == key, result["message"]
    json.dumps(result, allow_nan=False)


def test_a_nan_gradient_of_the_engine_exercise_is_named_in_plain_json() -> None:
    from tests.exercise_cases import checker, read

    source = read("build-your-own/backward", "wrong/not-finite.py")
    result = checker("build-your-own/backward")(source, "zh")
    assert result["key"] == "not-finite"
    json.dumps(result, allow_nan=False)


def test_what_the_engine_exercise_collects_is_plain_json_even_with_infinite_local_gradients() -> (
    None
):
    from tests.exercise_cases import checker, read

    ex = checker("build-your-own/backward").__self__
    source = read("build-your-own/backward", "solution.py").replace(
        "(other.data, self.data))", "(other.data, float('inf')))"
    )
    collected = ex.collect(source, ex.plan())
    json.dumps(collected, allow_nan=False)
    result = ex.judge(json.loads(json.dumps(collected)), "en")
    assert result["verdict"] == "fail" and result["key"] in ("not-finite", "wrong-value")


def test_the_engine_rule_is_quoted_as_the_reader_wrote_it() -> None:
    """``*=`` and ``+= local * inp.grad`` leave the same zeros: the message quotes the one
    the reader's ``backward`` has."""
    from tests.exercise_cases import checker, read

    check = checker("build-your-own/backward")
    multiplied = read("build-your-own/backward", "wrong/engine-rule--shares-multiplied.py")
    own = read("build-your-own/backward", "wrong/engine-rule--own-grad.py")
    assert "`inp.grad *= local * node.grad`" in check(multiplied, "en")["message"]
    assert "`inp.grad += local * inp.grad`" in check(own, "en")["message"]
