"""The exercise checkers inside the real Pyodide runtime under Node.js.

Every catalogued case (reference solutions, wrong answers, typed-in numbers) is
checked in Pyodide, each in one of the four languages in turn, the way the
worker does it: check.py in a fresh namespace, then ``check(source, lang)``.
The verdicts and keys must be those CPython gives; a case that fails on
purpose proves a wrong key is noticed. A sample of the generated answers
(tests/variants: equivalents that must pass, mutants that must fail) goes
through Pyodide too, with the key CPython gives them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from backprop_core.practice import LANGUAGES
from sitebuild.wheel import build_wheel
from tests.exercise_cases import EXERCISES, Case, all_cases, checker, hard_coded, read
from tests.variants import generated

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "tests" / "pyodide" / "run_in_pyodide.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"
PROTOCOL = "@@practice"

pytestmark = pytest.mark.pyodide

# A checker of a function (no gradients=) catalogues its typed-in answer under wrong/.
CASES = all_cases()
CASES += [c for c in map(hard_coded, EXERCISES) if c.id not in {k.id for k in CASES}]
CANARY = Case("gates/sigmoid", "canary", read("gates/sigmoid", "solution.py"), "not-a-key")


def _generated_sample(per_kind: int = 2) -> list[Case]:
    """A few generated answers per exercise (one of each kind for the slow engine one),
    with the key the checker gives them in CPython."""
    found = []
    for exercise in EXERCISES:
        n = 1 if exercise.startswith("build-your-own") else per_kind
        for kind in ("pass", "fail"):
            picked = [g for g in generated(exercise) if g.expected == kind][::7][:n]
            for g in picked:
                key = checker(exercise)(g.source, "en")["key"]
                found.append(Case(exercise, f"generated {g.kind} {g.how}", g.source, key))
    return found


CASES += _generated_sample()

RUN = f"""
import json, sys, time
import practice_cases
checks = {{}}
for case in practice_cases.CASES:
    if case["exercise"] not in checks:
        namespace = {{"__name__": "check"}}
        exec(practice_cases.CHECKS[case["exercise"]], namespace)
        checks[case["exercise"]] = namespace["check"]
    started = time.perf_counter()
    result = checks[case["exercise"]](case["source"], case["lang"])
    ms = (time.perf_counter() - started) * 1000
    report = {{"id": case["id"], "verdict": result["verdict"], "key": result["key"],
               "message": result["message"], "ms": ms, "platform": sys.platform}}
    print("{PROTOCOL} " + json.dumps(report), flush=True)
"""


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    node = shutil.which("node")
    if node is None or not PYODIDE.exists():
        pytest.skip("needs Node.js and node_modules/pyodide (npm ci)")
    tmp = tmp_path_factory.mktemp("practice")
    wheel = build_wheel(tmp / "wheel")
    cases = [
        {"id": c.id, "exercise": c.exercise, "source": c.source, "lang": LANGUAGES[i % 4]}
        for i, c in enumerate([*CASES, CANARY])
    ]
    checks = {e: read(e, "check.py") for e in EXERCISES}
    data = tmp / "practice_cases.py"
    data.write_text(
        f"import json\nCASES = json.loads({json.dumps(json.dumps(cases))})\n"
        f"CHECKS = json.loads({json.dumps(json.dumps(checks))})\n",
        encoding="utf-8",
    )
    command = [node, str(RUNNER), "--wheel", str(wheel), "--file", str(data), "--run", RUN]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT)
    found = {}
    for line in done.stdout.splitlines():
        if line.startswith(PROTOCOL + " "):
            report = json.loads(line[len(PROTOCOL) + 1 :])
            found[report["id"]] = report
    assert done.returncode == 0, done.stderr[-3000:]
    return found


def test_the_checks_ran_in_pyodide(results: dict[str, dict[str, Any]]) -> None:
    assert len(results) == len(CASES) + 1
    assert {r["platform"] for r in results.values()} == {"emscripten"}


def test_a_wrong_key_is_noticed(results: dict[str, dict[str, Any]]) -> None:
    assert results[CANARY.id]["key"] != CANARY.key


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_in_pyodide(results: dict[str, dict[str, Any]], case: Case) -> None:
    report = results[case.id]
    assert report["verdict"] == ("pass" if case.key is None else "fail"), report["message"]
    assert report["key"] == case.key, report["message"]
