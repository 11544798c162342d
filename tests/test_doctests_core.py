"""The docstring examples of every backprop_core module, one test per docstring.

Uses the standard doctest machinery (tests/core_checks.py runs the same per
module inside Pyodide). A failing example fails its test with doctest's report.
"""

from __future__ import annotations

import doctest
import pkgutil

import pytest

import backprop_core
from tests.core_checks import MODULES, module_doctests, run_doctests

DOCTESTS = [test for name in MODULES for test in module_doctests(name)]


def test_every_module_is_searched() -> None:
    found = {f"backprop_core.{m.name}" for m in pkgutil.iter_modules(backprop_core.__path__)}
    assert set(MODULES) == {"backprop_core"} | found
    with_examples = {t.name.rsplit(".", 1)[0] for t in DOCTESTS} | {t.name for t in DOCTESTS}
    for module in ("backprop_core", "backprop_core.value", "backprop_core.gradcheck"):
        assert module in with_examples, f"{module} has no docstring examples any more"
    assert len(DOCTESTS) >= 10


@pytest.mark.parametrize("test", DOCTESTS, ids=lambda t: t.name)
def test_docstring_examples(test: doctest.DocTest) -> None:
    failed, attempted, report = run_doctests([test])
    assert attempted == len(test.examples) > 0
    assert failed == 0, report


def test_a_wrong_example_fails() -> None:
    parser = doctest.DocTestParser()
    text = ">>> from backprop_core import Value\n>>> (Value(2.0) * 3).data\n7.0\n"
    test = parser.get_doctest(text, {}, "wrong", "wrong.py", 0)
    failed, attempted, report = run_doctests([test])
    assert (failed, attempted) == (1, 2)
    assert "Expected:\n    7.0\nGot:\n    6.0" in report
