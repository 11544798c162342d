"""The map of the house as tests: the engine alone, rooms around it, the public API used.

The contracts themselves are in pyproject.toml ([tool.importlinter]) and run
by `make test` (`lint-imports`). Here each one is shown failing on a deliberate
violation, made in a copy of the code, so a contract that could not fail would
be noticed; and two rules import-linter cannot see are checked directly: what
importing the engine loads, and what web/pyrunner.py (a script, not a package)
imports.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.pages import ROOT

ROOMS = ("draw", "practice", "notebook", "datasets")
PUBLIC_MODULES = {"backprop_core", *(f"backprop_core.{room}" for room in ROOMS)}
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["importlinter"]["contracts"])


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(tree / "pyproject.toml")],
        cwd=tree,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture(scope="module")
def house(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the packages and the contracts, to break on purpose."""
    tree = tmp_path_factory.mktemp("house")
    for package in ("backprop_core", "sitebuild"):
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(ROOT / package, tree / package, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_the_contracts_hold_here(house: Path) -> None:
    done = lint_imports(house)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Contracts: {len(contracts())} kept, 0 broken." in done.stdout


VIOLATIONS = {
    "engine-imports-a-room": (
        "backprop_core/value.py",
        "from .draw import svg",
        "The engine imports none of its rooms",
    ),
    "a-room-imports-another": (
        "backprop_core/practice/circuit.py",
        "from ..draw import svg",
        "the rooms do not import each other",
    ),
    "sitebuild-uses-a-private-module": (
        "sitebuild/run_snippets.py",
        "from backprop_core.notebook.cell import run_cell",
        "sitebuild uses backprop_core's public API",
    ),
    "an-import-cycle": (
        "backprop_core/graph.py",
        "from . import gradcheck",
        "No import cycles",
    ),
}


@pytest.mark.parametrize("case", VIOLATIONS)
def test_a_violation_breaks_its_contract(house: Path, case: str) -> None:
    path, line, contract = VIOLATIONS[case]
    module = house / path
    original = module.read_text(encoding="utf-8")
    lines = original.split("\n")
    # After the module's own imports, so the file still imports cleanly.
    at = max(i for i, text in enumerate(lines) if text.startswith(("from ", "import "))) + 1
    module.write_text("\n".join([*lines[:at], line, *lines[at:]]), encoding="utf-8")
    try:
        done = lint_imports(house)
    finally:
        module.write_text(original, encoding="utf-8")
    assert done.returncode != 0, done.stdout
    broken = done.stdout.split("Broken contracts")[-1]
    assert contract in " ".join(broken.split()), done.stdout


def test_every_engine_module_is_in_the_engine_layer() -> None:
    """A new module at the top level is the engine's: it must be in the contract's engine layer."""
    (layered,) = (c for c in contracts() if c["type"] == "layers")
    layers = [str(layer) for layer in layered["layers"]]  # type: ignore[attr-defined]
    engine = {name.strip() for name in layers[-1].split(":")}
    old_addresses = {name.strip() for name in layers[0].split("|")}
    top = {
        p.stem if p.is_file() else p.name
        for p in (ROOT / "backprop_core").iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()
    }
    assert top - set(ROOMS) - old_addresses == engine


def test_the_engine_loads_no_room() -> None:
    """Using the engine (values, gates, the gradient check) imports nothing of the rooms;
    asking a Value for its picture loads the drawing room, and only it."""
    code = (
        "import sys\n"
        "from backprop_core import AddGate, Value, grad_check\n"
        "x = Value(2.0); f = (x * x + 1).tanh(); f.backward(); grad_check(lambda v: v * v, [3.0])\n"
        "AddGate().forward(1.0, 2.0)\n"
        "loaded = lambda: sorted({m.split('.')[1] for m in sys.modules\n"
        "                         if m.startswith('backprop_core.')} & set(sys.argv[1:]))\n"
        "print(loaded())\n"
        "f._repr_svg_()\n"
        "print(loaded())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *ROOMS], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.split("\n")[:2] == ["[]", "['draw']"]


def backprop_core_imports(source: str) -> list[tuple[str, str | None]]:
    """(module, name) for every import of backprop_core in ``source`` (name None for ``import``)."""
    found: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(a.name, None) for a in node.names if a.name.split(".")[0] == "backprop_core"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [
                (node.module, a.name) for a in node.names if node.module[:13] == "backprop_core"
            ]
    return found


def private_uses(source: str) -> list[str]:
    """The imports in ``source`` that reach past backprop_core's public API."""
    return [
        f"{module}.{name}" if name else module
        for module, name in backprop_core_imports(source)
        if module not in PUBLIC_MODULES or (name is not None and name.startswith("_"))
    ]


def test_the_public_api_check_catches_private_imports() -> None:
    assert private_uses("from backprop_core.notebook import run_cell\nimport backprop_core") == []
    assert private_uses(
        "from backprop_core.notebook.cell import run_cell\n"
        "from backprop_core import _FROM_ROOMS\n"
        "def f():\n    import backprop_core.value\n"
    ) == [
        "backprop_core.notebook.cell.run_cell",
        "backprop_core._FROM_ROOMS",
        "backprop_core.value",
    ]


def test_the_browser_runner_uses_the_public_api() -> None:
    source = (ROOT / "web" / "pyrunner.py").read_text(encoding="utf-8")
    assert private_uses(source) == []
