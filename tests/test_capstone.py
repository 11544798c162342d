"""The capstone's checker (build-your-own/train) beyond its catalogued answers: the
judge takes whatever plain data it is given, the reader's training loop is switched
off without moving a line, and an error the reader's code raises is named with its line."""

from __future__ import annotations

import json

import pytest

from backprop_core.practice.capstone_collect import without_training
from tests.exercise_cases import checker, read

EXERCISE = "build-your-own/train"


@pytest.mark.parametrize(
    "collected",
    [
        None,
        {},
        {"listing": "x"},
        {"listing": {"count": 105, "missing": [], "twice": []}, "probes": ["nan", 1, 2]},
        {"listing": {"count": 105, "missing": [], "twice": []}, "probes": [1.0]},
        {"steps": [{"grads": [0.0] * 3, "moves": []}]},
        {"steps": [{"grads": ["inf"] * 105, "moves": [0.0] * 105}]},
        {"error": {"key": "raises", "fields": {"error": "ValueError: x", "line": "3"}}},
        {"failed": "boom"},
    ],
)
def test_the_judge_takes_whatever_it_is_given_without_raising(collected: object) -> None:
    result = checker(EXERCISE).__self__.judge(collected, "ja")
    assert result["verdict"] in ("fail", "error")
    json.dumps(result, allow_nan=False)


def test_the_training_loop_is_switched_off_in_place() -> None:
    source = "x = 1\nsteps = 100  # comment é\nbatch, rate = 20, 0.5\n"
    assert without_training(source) == "x = 1\nsteps = 0  # comment é\nbatch, rate = 20, 0.5\n"
    main = "if __name__ == '__main__':\n    steps = 7\n"
    assert without_training(main) == "if __name__ == '__main__':\n    steps = 0\n"


def test_an_error_in_train_step_is_named_with_its_line() -> None:
    source = read(EXERCISE, "solution.py").replace(
        "    loss.backward()\n", "    loss.backward()\n    raise ValueError('oops')\n"
    )
    line = source.splitlines().index("    raise ValueError('oops')") + 1
    result = checker(EXERCISE)(source, "en")
    assert result["key"] == "raises" and f"line {line}" in result["message"], result["message"]
