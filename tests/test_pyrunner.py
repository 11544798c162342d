"""web/pyrunner.py and the fallback's web/pyreset.py inside the real Pyodide runtime (Node.js).

Normally every run gets an interpreter no run has touched (web/runtime.js); in
the fallback (no snapshot yet, or none possible) one interpreter is reused and
reset. A run that spoils the interpreter in every way the runner review found
(and a few more) is followed by reset(); the next run must see the state Python
had when it became ready. The browser tests (tests/browser/test_runner_hardening.py)
prove the fresh interpreters across pages; this one names each piece of the reset.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuild.wheel import build_wheel

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "tests" / "pyodide" / "run_in_pyodide.mjs"

pytestmark = pytest.mark.pyodide

SPOILER = r"""
import builtins, io, math, os, random, sys, warnings, fractions, gc
from backprop_core import Value, grad_check
import backprop_core, backprop_core.notebook.display

Value.__mul__ = lambda a, b: Value(-1.0)
with open(backprop_core.value.__file__, "a") as source:  # the engine's own file, edited
    source.write("\nSPOILED = True\n")
backprop_core.grad_check = lambda *args, **kw: True
backprop_core.notebook.display.SVG_MAX_ELEMENTS = 10**9
math.exp = None
builtins.len = lambda x: 0
builtins.spoiled = True
sys.setrecursionlimit(50_000)
sys.set_int_max_str_digits(100_000)
sys.modules["json"] = "not json"
sys.path.append("/nowhere")
warnings.simplefilter("ignore")
os.environ["SPOILED"] = "1"
os.chdir("/tmp")
random.seed(1234)
gc.disable()
sys.settrace(lambda *a: None)
print("spoiled", file=sys.stderr)
sys.stdout = io.StringIO()
sys.__stdout__ = io.StringIO()
"""

DEEP = r"""
class Node:
    def __init__(self, inputs):
        self.inputs = inputs

def walk(node):
    return walk  # a function: it and this namespace make a cycle

nested = []
for _ in range(200_000):
    nested = [nested]
chain = Node(())
for _ in range(100_000):
    chain = Node((chain,))
cyclic = Node(())
for _ in range(100_000):
    cyclic = Node((cyclic,))
cyclic.me = cyclic
print("built")
"""

CHECK = r"""
import builtins, json, math, os, sys, time, warnings, gc
import pyrunner, pyreset

pyrunner.prepare()
pyreset.start()
limit, digits, cwd = sys.getrecursionlimit(), sys.get_int_max_str_digits(), os.getcwd()
stdout, filters = sys.stdout, list(warnings.filters)
shown = []
cells = json.dumps([{"code": SPOILER, "filename": "spoiler.py"}])
ok = pyrunner.run(cells, "en", lambda *a: shown.append(a), lambda index: None)
changed = pyreset.reset(pyrunner.left)

from backprop_core import Value, grad_check
import backprop_core, backprop_core.notebook.display
report = {
    "ok": ok,
    "changed": changed,
    "mul": (Value(-2.0) * Value(3.0)).data,
    "grad_check_is_real": (
        backprop_core.grad_check is grad_check
        and grad_check.__module__ == "backprop_core.gradcheck"
    ),
    "file_edit_ignored": not hasattr(backprop_core.value, "SPOILED"),
    "svg_limit": backprop_core.notebook.display.SVG_MAX_ELEMENTS,
    "exp": math.exp(0.0),
    "len": len("abc"),
    "spoiled_builtin": hasattr(builtins, "spoiled"),
    "limit": sys.getrecursionlimit() == limit,
    "digits": sys.get_int_max_str_digits() == digits,
    "json_module": type(sys.modules["json"]).__name__,
    "fractions_forgotten": "fractions" not in sys.modules,
    "path": "/nowhere" not in sys.path,
    "filters": list(warnings.filters) == filters,
    "environ": "SPOILED" not in os.environ,
    "cwd": os.getcwd() == cwd,
    "gc": gc.isenabled(),
    "trace": sys.gettrace() is None,
    "stdout": sys.stdout is stdout and sys.__stdout__ is stdout,
}

# A second run sees a fresh namespace and can read no input.
shown.clear()
cells = json.dumps([{"code": "print(input())", "filename": "in.py"}])
report["input_ok"] = pyrunner.run(cells, "en", lambda *a: shown.append(a), lambda i: None)
pyreset.reset(pyrunner.left)

# Deep chains the run leaves behind, plain and hanging on a cycle, are freed
# without the deep C recursion that kills Pyodide (now, or in a later run's gc).
cells = json.dumps([{"code": DEEP, "filename": "deep.py"}])
report["deep_ok"] = pyrunner.run(cells, "en", lambda *a: None, lambda i: None)
pyreset.reset(pyrunner.left)
cells = json.dumps([{"code": "import gc\nprint(gc.collect() >= 0)", "filename": "gc.py"}])
report["after_deep_ok"] = pyrunner.run(cells, "en", lambda *a: None, lambda i: None)
pyreset.reset(pyrunner.left)

# What a reset costs when nothing was spoiled (the common case).
times = []
for _ in range(15):
    cells = json.dumps([{"code": "x = 1", "filename": "x.py"}])
    pyrunner.run(cells, "en", lambda *a: None, lambda i: None)
    t = time.perf_counter()
    pyreset.reset(pyrunner.left)
    times.append(time.perf_counter() - t)
report["reset_ms"] = sorted(times)[len(times) // 2] * 1000
print("REPORT " + json.dumps(report))
"""


def test_reset_undoes_what_a_run_spoiled(tmp_path_factory: pytest.TempPathFactory) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed (make setup installs the project's tools)"
    wheel = build_wheel(tmp_path_factory.mktemp("wheel"))
    # Not in __main__: reset() puts __main__ back too, like every module.
    code = f"exec({CHECK!r}, {{'SPOILER': {SPOILER!r}, 'DEEP': {DEEP!r}, '__name__': 'check'}})"
    done = subprocess.run(
        [node, str(RUNNER), "--wheel", str(wheel), "--file", str(ROOT / "web" / "pyrunner.py"),
         "--file", str(ROOT / "web" / "pyreset.py"), "--run", code],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    assert done.returncode == 0 and lines, f"{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    report = json.loads(lines[0].removeprefix("REPORT "))
    assert report["ok"] is True, report
    for key in ("grad_check_is_real", "file_edit_ignored", "limit", "digits",
                "fractions_forgotten", "path", "filters", "environ", "cwd", "gc", "trace",
                "stdout"):  # fmt: skip
        assert report[key] is True, (key, report)
    assert report["mul"] == -6.0 and report["exp"] == 1.0 and report["len"] == 3, report
    assert report["svg_limit"] == 10_000 and report["json_module"] == "module", report
    assert report["spoiled_builtin"] is False, report
    for piece in ("module builtins", "module sys", "module math", "recursion limit", "os.environ"):
        assert piece in report["changed"], (piece, report["changed"])
    assert report["input_ok"] is False
    assert report["deep_ok"] is True and report["after_deep_ok"] is True, report
    print(f"reset after an unspoiled run: {report['reset_ms']:.1f} ms (median of 15)")
