"""The core checks inside the real Pyodide runtime (CPython 3.14 on WebAssembly) under Node.js.

Builds the backprop_core wheel, starts the pinned Pyodide from node_modules once
for this module (about 2.5 s), installs the wheel, copies tests/core_checks.py
into Pyodide's file system and runs every check there (see
tests/pyodide/run_in_pyodide.mjs). Each check is one test here; a failure
inside Pyodide fails it with the traceback from Pyodide. If the runtime dies
(a fatal error ends the Node process), the check that was running fails with
Node's report and the ones after it fail as not run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from sitebuild.wheel import build_wheel
from tests import core_checks

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "tests" / "pyodide" / "run_in_pyodide.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"
CANARY = "check_canary_fails_on_purpose"

pytestmark = pytest.mark.pyodide

# After the real checks, one that fails on purpose: proves a failure inside
# Pyodide reaches pytest as a failure.
RUN = f"""
import core_checks
core_checks.main()

def {CANARY}():
    assert 1 + 1 == 3, "the canary fails on purpose"

core_checks.CHECKS["{CANARY}"] = ("value", {CANARY})
core_checks.emit("result", core_checks.run_check("{CANARY}"))
"""


@dataclass
class PyodideRun:
    """What the Node process reported: the runtime, and each check's result."""

    returncode: int
    stderr: str
    meta: dict[str, Any] = field(default_factory=dict)
    started: list[str] = field(default_factory=list)
    results: dict[str, dict[str, Any]] = field(default_factory=dict)
    done: bool = False

    @classmethod
    def parse(cls, returncode: int, stdout: str, stderr: str) -> PyodideRun:
        run = cls(returncode, stderr)
        prefix = core_checks.PROTOCOL + " "
        for line in stdout.splitlines():
            if not line.startswith(prefix):
                continue
            kind, _, payload = line[len(prefix) :].partition(" ")
            data = json.loads(payload)
            if kind == "meta":
                run.meta = data
            elif kind == "start":
                run.started.append(data["name"])
            elif kind == "result":
                run.results[data["name"]] = data
            elif kind == "done":
                run.done = True
        return run

    def failure(self, name: str) -> str | None:
        """Why check ``name`` failed in Pyodide, or None if it passed."""
        result = self.results.get(name)
        if result is not None:
            return None if result["ok"] else f"{name} failed inside Pyodide:\n{result['error']}"
        tail = "\n".join(self.stderr.splitlines()[-40:])
        if name in self.started:
            return f"the Pyodide runtime died while running {name}:\n{tail}"
        last = self.started[-1] if self.started else "(no check started)"
        return (
            f"{name} never ran: the run ended (exit status {self.returncode}) after {last}:\n{tail}"
        )


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory: pytest.TempPathFactory) -> PyodideRun:
    node = shutil.which("node")
    if node is None or not PYODIDE.exists():
        pytest.skip("needs Node.js and node_modules/pyodide (npm ci)")
    wheel = build_wheel(tmp_path_factory.mktemp("wheel"))
    command = [node, str(RUNNER), "--wheel", str(wheel), "--file", core_checks.__file__]
    done = subprocess.run(
        [*command, "--run", RUN], capture_output=True, text=True, timeout=600, cwd=ROOT
    )
    return PyodideRun.parse(done.returncode, done.stdout, done.stderr)


def test_the_checks_ran_in_pyodide(pyodide_run: PyodideRun) -> None:
    run = pyodide_run
    assert run.meta, f"no report from Pyodide (exit status {run.returncode}):\n{run.stderr}"
    assert run.meta["platform"] == "emscripten", run.meta
    assert run.meta["python"].startswith("3."), run.meta
    # backprop_core came from the wheel, installed into site-packages
    assert "/site-packages/backprop_core/" in run.meta["backprop_core"], run.meta
    assert run.meta["checks"] == list(core_checks.CHECKS)
    assert run.done and run.returncode == 0, run.stderr


def test_a_failure_inside_pyodide_is_reported(pyodide_run: PyodideRun) -> None:
    message = pyodide_run.failure(CANARY)
    assert message is not None and "AssertionError: the canary fails on purpose" in message


@pytest.mark.parametrize("name", list(core_checks.CHECKS))
def test_in_pyodide(pyodide_run: PyodideRun, name: str) -> None:
    message = pyodide_run.failure(name)
    if message is not None:
        pytest.fail(message, pytrace=False)


def test_a_crash_is_blamed_on_the_running_check() -> None:
    p = core_checks.PROTOCOL
    stdout = (
        f'{p} meta {{"platform": "emscripten"}}\n'
        f'{p} start {{"name": "check_a"}}\n'
        f'{p} result {{"name": "check_a", "ok": true, "error": ""}}\n'
        "a stray line printed by Python\n"
        f'{p} start {{"name": "check_b"}}\n'
    )
    run = PyodideRun.parse(1, stdout, "RangeError: Maximum call stack size exceeded")
    assert run.failure("check_a") is None
    assert "died while running check_b" in (run.failure("check_b") or "")
    assert "never ran" in (run.failure("check_c") or "")
    assert "Maximum call stack" in (run.failure("check_c") or "")
