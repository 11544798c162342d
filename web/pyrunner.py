"""The Python half of the browser's runner (web/worker.js runs this file as ``_bp_runner``).

Every Run and every Check goes to an interpreter that no reader code has
touched: a worker restored from a memory snapshot of the state :func:`prepare`
leaves (or, without a snapshot, started the normal way), thrown away after the
run. So nothing a run does can reach a later run, and this file has no state to
put back (the fallback that reuses one interpreter lives in ``pyreset.py``).

A Check's verdict comes from a second interpreter, the judge, which never runs
reader code: when the exercise offers the split (``plan``/``collect``/``judge``,
see ``backprop_core.practice.contract``), the reader's
worker only runs the reader's program and reads its values out as plain JSON
(:func:`collect`); the judge worker computes the reference and the verdict from
that JSON (:func:`plan`, :func:`judge`). Otherwise the reader's worker runs the
exercise's ``check(source, lang)`` itself (:func:`check`): a fresh interpreter,
but one the reader's program shares with the checker.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from collections.abc import Callable
from typing import Any

PACKAGE = "backprop_core"
COLLECTED_LIMIT = 1_000_000  # characters of JSON a reader's run may hand to the judge


class _NoInput:
    """``sys.stdin`` on a page: reading it explains why there is nothing to read."""

    encoding = "utf-8"
    errors = "strict"

    def _fail(self, *args: object) -> str:
        raise EOFError(
            "there is no keyboard input here: code on this page cannot read from "
            "stdin. Put the value in the code instead, e.g. x = 3.0"
        )

    read = readline = readlines = _fail

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError("stdin has no file descriptor on this page")


def prepare() -> list[str]:
    """Make the interpreter ready for readers (before a snapshot is taken of it).

    Imports the package and every module in it (the engine and its rooms: the
    notebook, drawing, practice, datasets), so that no run pays for compiling
    them; returns their names.
    """
    sys.stdin = sys.__stdin__ = _NoInput()  # type: ignore[misc,assignment]
    package = importlib.import_module(PACKAGE)
    names = [PACKAGE]
    for info in pkgutil.walk_packages(package.__path__, PACKAGE + "."):
        importlib.import_module(info.name)
        names.append(info.name)
    return names


class _Budgeted:
    """A run's sys.stdout or sys.stderr: passes text on until the run's budget is spent.

    The worker cuts output at the same budget (it is the one that decides, and
    tells the page); stopping here as well means a run that prints without end
    costs almost nothing once it is over budget, and a 50-million-character
    print is never even encoded.
    """

    def __init__(self, stream: Any, left: list[int]) -> None:
        self._stream, self._left = stream, left

    def write(self, text: str) -> int:
        left = self._left[0]
        if left > 0:
            self._left[0] = left - len(text)
            self._stream.write(text if len(text) <= left else text[:left])
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _set_language(lang: str) -> None:
    """Tell backprop_core the page's language (pictures' titles), if it can be told."""
    setter = getattr(sys.modules.get(PACKAGE), "set_language", None)
    if callable(setter):
        setter(lang)


#: The namespaces of the runs so far: the fallback's reset (pyreset.py) frees them safely.
left: list[dict[str, Any]] = []


def run(
    cells_json: str,
    lang: str,
    display: Callable[[str, str, str, str], None],
    on_cell: Callable[[int], None],
    output_chars: int = 200_000,
) -> bool:
    """Run the cells of one block (JSON ``[{code, filename}]``) in one fresh namespace.

    Only the last cell is the block's own; the earlier ones are its session's
    blocks, run first to prepare the namespace. ``on_cell(index)`` is called
    before each cell (the worker shows only the last cell's output), and
    ``display(mime, data, display_id, note)`` for every displayed object.
    """
    from backprop_core.notebook import run_cell

    _set_language(lang)
    cells: list[dict[str, str]] = json.loads(cells_json)
    namespace: dict[str, Any] = {"__name__": "__main__"}
    budget = [output_chars + 1]  # one more than the worker's: the worker is the one that cuts
    sys.stdout = _Budgeted(sys.stdout, budget)  # type: ignore[assignment]
    sys.stderr = _Budgeted(sys.stderr, budget)  # type: ignore[assignment]

    def hook(mime: str, data: str, meta: Any) -> None:
        display(mime, data, str(meta.get("display_id") or ""), str(meta.get("note") or ""))

    ok = True
    for index, cell in enumerate(cells):
        on_cell(index)
        ok = run_cell(cell["code"], namespace, cell["filename"], hook)
        if not ok:
            break
    left.append(namespace)
    return ok


_exercises: dict[tuple[str, str], dict[str, Any]] = {}


def _exercise(code: str, filename: str) -> dict[str, Any]:
    """The namespace of an exercise's ``check.py`` (run once per interpreter)."""
    key = (filename, code)
    if key not in _exercises:
        namespace: dict[str, Any] = {"__name__": "__bp_check__"}
        exec(compile(code, filename, "exec"), namespace)
        if not callable(namespace.get("check")):
            raise TypeError(f"{filename} defines no check(source, lang) function")
        _exercises[key] = namespace
    return _exercises[key]


def _split(code: str, filename: str) -> Any:
    """The exercise object behind ``check`` if it offers plan/collect/judge, else None."""
    owner = getattr(_exercise(code, filename)["check"], "__self__", None)
    if all(callable(getattr(owner, name, None)) for name in ("plan", "collect", "judge")):
        return owner
    return None


def _verdict(verdict: object, filename: str) -> str:
    if not isinstance(verdict, dict):
        raise TypeError(f"{filename}: the check must return a dict, got {type(verdict).__name__}")
    return json.dumps(verdict, ensure_ascii=False)


def check(code: str, filename: str, source: str, lang: str) -> str:
    """The verdict (JSON) of an exercise's ``check(source, lang)``, run here, whole.

    Used where the exercise does not offer the split; this interpreter is then
    one no other run has touched, but the reader's program shares it with the
    checker.
    """
    _set_language(lang)
    return _verdict(_exercise(code, filename)["check"](source, lang), filename)


def plan(code: str, filename: str) -> str:
    """Judge side: what the reader's side needs to run the program (JSON), or ``null``."""
    exercise = _split(code, filename)
    return "null" if exercise is None else json.dumps(exercise.plan())


def collect(code: str, filename: str, source: str, plan_json: str) -> str:
    """Reader side: run the reader's program as the plan says; its values as plain JSON."""
    exercise = _split(code, filename)
    if exercise is None:
        raise TypeError(f"{filename}: this exercise cannot be checked in two interpreters")
    collected = json.dumps(exercise.collect(source, json.loads(plan_json)), allow_nan=False)
    if len(collected) > COLLECTED_LIMIT:
        raise ValueError("the program's values are too large to check")
    return collected


def judge(code: str, filename: str, collected_json: str, lang: str) -> str:
    """Judge side: the verdict (JSON) on values a reader's run collected."""
    _set_language(lang)
    exercise = _split(code, filename)
    if exercise is None:
        raise TypeError(f"{filename}: this exercise cannot be checked in two interpreters")
    return _verdict(exercise.judge(json.loads(collected_json), lang), filename)
