"""Rooms one can hold in one's head: no module over 300 lines without a reason.

Every module of the engine and its rooms (``backprop_core/``), of the build
(``sitebuild/``) and of the browser runner (``web/*.js``, ``web/*.py``) that is
longer than 300 lines says why, in its docstring or its leading comment, in a
sentence that starts "Longer than 300 lines:" or "A little over 300 lines:"
(a table of data, one class a learner reads top to bottom, ...).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.pages import ROOT

LIMIT = 300
REASON = re.compile(r"(Longer than|A little over) 300 lines:")
MODULES = sorted(
    [
        *(ROOT / "backprop_core").rglob("*.py"),
        *(ROOT / "sitebuild").rglob("*.py"),
        *(ROOT / "web").glob("*.py"),
        *(ROOT / "web").glob("*.js"),
    ]
)


def header(path: Path) -> str:
    """A Python module's docstring, or a script's leading comment lines."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return ast.get_docstring(ast.parse(text)) or ""
    lines = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        lines.append(line.removeprefix("//").strip())
    return " ".join(lines)


def test_the_rooms_are_found() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in MODULES}
    assert {"backprop_core/value.py", "web/runner.js", "sitebuild/hooks.py"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_long_module_says_why(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    if lines > LIMIT:
        assert REASON.search(" ".join(header(path).split())), (
            f"{path.relative_to(ROOT)} has {lines} lines: split it by job, or say in its "
            f"docstring (or leading comment) why it is longer, starting "
            f"'Longer than {LIMIT} lines:'"
        )


def test_the_rule_has_something_to_check() -> None:
    """The rule reads real headers: a long module without one would fail."""
    long_ones = [p for p in MODULES if len(p.read_text(encoding="utf-8").splitlines()) > LIMIT]
    assert long_ones, "no module is long: the rule checks nothing (lower LIMIT's test)"
    assert not REASON.search(header(ROOT / "web" / "messages.js"))
