"""The Python half of the browser's runner (web/worker.js loads this file).

Every run starts from the same clean interpreter state, whatever an earlier
run did, on this page or another: the worker calls :func:`run` for a run and
:func:`reset` after it. :func:`reset` puts back what reader code can change
for the next reader:

* ``sys.stdout``/``stderr``/``stdin`` (and their ``__dunder__`` originals),
  the recursion limit, the int-to-str digit limit, tracing and profiling;
* every module that was loaded when Python became ready: a module-level
  name rebound or added (``builtins.print = …``, ``math.exp = …``) is put
  back, and a module object replaced in ``sys.modules`` is put back;
* modules imported by the run are forgotten (imported afresh when needed);
* ``backprop_core`` is loaded afresh (from code compiled once at start-up,
  so even a run that rewrote its files cannot change it), so a monkeypatched
  gate (``Value.__mul__ = …``) or engine function is gone;
* the global random generator (seeded afresh, as at start-up), warning filters, the environment, the
  working directory, the garbage collector's settings.

What it does not undo: changes inside objects of the standard library other
than module namespaces (say a method replaced on a standard-library class)
and changes made on the JavaScript side through ``js`` — see README.
This file is not a module of ``sys.modules``; the worker runs it in a private
namespace and keeps its functions.
"""

from __future__ import annotations

import builtins
import gc
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import random
import sys
import types
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

_SYS_NAMES = (
    "stdout",
    "stderr",
    "stdin",
    "__stdout__",
    "__stderr__",
    "__stdin__",
    "displayhook",
    "excepthook",
    "breakpointhook",
    "unraisablehook",
)
_FRESH_PACKAGES = ("backprop_core",)  # always loaded afresh after a run


def _is_fresh(name: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in _FRESH_PACKAGES)


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


class _CompiledOnce(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports a package from code compiled once, when Python became ready.

    Loading backprop_core afresh after every run costs no compiling, and what
    a run writes into the package's files (they live in a writable in-memory
    file system) cannot reach the next run: the code was read before any.
    """

    def __init__(self, package: str) -> None:
        spec = importlib.util.find_spec(package)
        assert spec is not None and spec.origin is not None, f"{package} is not installed"
        root = Path(spec.origin).parent
        codes: dict[str, tuple[types.CodeType, bool, str]] = {}
        for path in sorted(root.rglob("*.py")):
            parts = path.relative_to(root.parent).with_suffix("").parts
            is_package = parts[-1] == "__init__"
            name = ".".join(parts[:-1] if is_package else parts)
            code = compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
            codes[name] = (code, is_package, str(path))
        self._code = codes.get  # the table itself stays out of reach of attribute access

    def find_spec(
        self, name: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        entry = self._code(name)
        if entry is None:
            return None
        _, is_package, origin = entry
        spec = importlib.machinery.ModuleSpec(name, self, origin=origin, is_package=is_package)
        if is_package:
            spec.submodule_search_locations = [str(Path(origin).parent)]
        spec.has_location = True
        return spec

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None  # the default module object

    def exec_module(self, module: types.ModuleType) -> None:
        entry = self._code(module.__name__)
        assert entry is not None
        exec(entry[0], vars(module))


_MISSING = object()
# The runtime's own modules: their state is Pyodide's business, not the reader's.
_RUNTIME_PREFIXES = ("_pyodide", "pyodide", "js", "pyodide_js")


def _is_runtime(name: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in _RUNTIME_PREFIXES)


def _restore_namespace(namespace: dict[str, Any], saved: dict[str, Any]) -> bool:
    """Make ``namespace`` hold exactly ``saved`` again, name by name; True if it had changed.

    Name by name, not clear() and update(): a finalizer that runs while a
    name is dropped must still find the module whole. Uses no builtins, so it
    works even while ``builtins`` itself is being put back.
    """
    added = [key for key in namespace if key not in saved]
    for key in added:
        del namespace[key]
    changed = [key for key, value in saved.items() if namespace.get(key, _MISSING) is not value]
    for key in changed:
        namespace[key] = saved[key]
    return bool(added or changed)


class Baseline:
    """What the interpreter looked like when Python became ready."""

    def __init__(self) -> None:
        sys.stdin = sys.__stdin__ = _NoInput()  # type: ignore[misc,assignment]
        for name in _FRESH_PACKAGES:
            for loaded in [n for n in sys.modules if _is_fresh(n)]:
                del sys.modules[loaded]
            sys.meta_path.insert(0, _CompiledOnce(name))
            importlib.import_module(name)
        self.builtins = dict(vars(builtins))
        self.sys_values = {name: getattr(sys, name) for name in _SYS_NAMES if hasattr(sys, name)}
        self.path = list(sys.path)
        self.meta_path = list(sys.meta_path)
        self.path_hooks = list(sys.path_hooks)
        self.recursion_limit = sys.getrecursionlimit()
        self.int_digits = sys.get_int_max_str_digits()
        self.modules = {
            name: module
            for name, module in sys.modules.items()
            if isinstance(module, types.ModuleType) and not _is_fresh(name)
        }
        self.namespaces = {
            name: dict(vars(module))
            for name, module in self.modules.items()
            if not _is_runtime(name) and name != "builtins" and vars(module) is not globals()
        }
        self.other_entries = {
            name: entry
            for name, entry in sys.modules.items()
            if not isinstance(entry, types.ModuleType)
        }
        self.warning_filters = list(warnings.filters)
        self.environ = dict(os.environ)
        self.cwd = os.getcwd()
        self.gc_threshold = gc.get_threshold()

    def restore(self) -> list[str]:
        """Put the interpreter back; return what had changed (for tests and the benchmark)."""
        changed: list[str] = []
        if _restore_namespace(vars(builtins), self.builtins):  # first: the rest uses builtins
            changed.append("module builtins")
        changed += self._restore_modules()  # sys's own functions and names included
        sys.settrace(None)
        sys.setprofile(None)
        for name, value in self.sys_values.items():
            if getattr(sys, name, None) is not value:
                setattr(sys, name, value)
                changed.append(f"sys.{name}")
        for name, saved_list in (
            ("path", self.path),
            ("meta_path", self.meta_path),
            ("path_hooks", self.path_hooks),
        ):
            if getattr(sys, name) != saved_list:
                getattr(sys, name)[:] = saved_list
                changed.append(f"sys.{name}")
        if sys.getrecursionlimit() != self.recursion_limit:
            sys.setrecursionlimit(self.recursion_limit)
            changed.append("recursion limit")
        if sys.get_int_max_str_digits() != self.int_digits:
            sys.set_int_max_str_digits(self.int_digits)
            changed.append("int digits limit")
        random.seed()  # as a fresh interpreter does: from the system's randomness
        if warnings.filters != self.warning_filters:
            warnings.filters[:] = self.warning_filters
            changed.append("warning filters")
        if os.environ != self.environ:
            os.environ.clear()
            os.environ.update(self.environ)
            changed.append("os.environ")
        if os.getcwd() != self.cwd:
            os.chdir(self.cwd)
            changed.append("working directory")
        if not gc.isenabled() or gc.get_threshold() != self.gc_threshold:
            gc.enable()
            gc.set_threshold(*self.gc_threshold)
            changed.append("gc")
        for name in _FRESH_PACKAGES:
            importlib.import_module(name)
        return changed

    def _restore_modules(self) -> list[str]:
        changed = []
        for name in [n for n in sys.modules if n not in self.modules]:
            if name not in self.other_entries:
                del sys.modules[name]  # imported by the run (and backprop_core, always)
        for name, module in self.modules.items():
            if sys.modules.get(name) is not module:
                sys.modules[name] = module
                changed.append(f"sys.modules[{name!r}]")
            saved = self.namespaces.get(name)
            if saved is not None and _restore_namespace(vars(module), saved):
                changed.append(f"module {name}")
        for name, entry in self.other_entries.items():
            if sys.modules.get(name) is not entry:
                sys.modules[name] = entry
        return changed


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


_baseline: Baseline | None = None


def start() -> None:
    """Record the clean state; called once, when Python is ready."""
    global _baseline
    _baseline = Baseline()


_left: list[dict[str, Any]] = []


def _free_without_recursion() -> None:
    """Free what the runs left (their namespaces), in a way that never recurses deeply.

    Freeing a long chain of objects (a reader's own ``Value`` 4,000 gates deep,
    a list nested 100,000 times) recurses once per link in C; Pyodide's stack
    is far smaller than CPython's, so the runtime dies — and if the chain hangs
    on a reference cycle, it dies later, in the garbage collection of some other
    run on some other page. So the collector is asked to keep everything that
    nobody can reach any more (``DEBUG_SAVEALL``) instead of freeing it; the
    references between those objects are cut; then each is freed on its own.
    Reader code that still runs here (``__del__``) runs before :func:`reset`
    restores the clean state.
    """
    holder: list[Any] = [list(_left)]
    _left.clear()
    holder.append(holder)  # one cycle: the collector takes in all that hangs on it
    del holder
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        garbage, gc.garbage[:] = list(gc.garbage), []
    finally:
        gc.set_debug(0)
    # A class's own dict stays whole until the class goes: its instances need it.
    keep = {id(d) for t in garbage if isinstance(t, type) for d in gc.get_referents(t)}
    for obj in garbage:
        try:
            if isinstance(obj, types.FrameType) or (
                isinstance(obj, (list, dict, set, bytearray)) and id(obj) not in keep
            ):
                obj.clear()
            elif isinstance(obj, types.CellType):
                del obj.cell_contents
            elif not isinstance(obj, type):
                object.__getattribute__(obj, "__dict__").clear()
        except Exception:  # no __dict__, a frame still running, an empty cell
            continue
    garbage.clear()  # now each object goes on its own
    gc.collect()  # and what is still in a cycle (a class and its __mro__) the usual way


def reset() -> list[str]:
    """Put the interpreter back into the clean state (after every run)."""
    assert _baseline is not None, "start() first"
    _free_without_recursion()
    return _baseline.restore()


def _set_language(lang: str) -> None:
    """Tell backprop_core the page's language (pictures' titles), if it can be told."""
    setter = getattr(sys.modules.get("backprop_core"), "set_language", None)
    if callable(setter):
        setter(lang)


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
    left = [output_chars + 1]  # one more than the worker's: the worker is the one that cuts
    sys.stdout = _Budgeted(sys.stdout, left)  # type: ignore[assignment]
    sys.stderr = _Budgeted(sys.stderr, left)  # type: ignore[assignment]

    def hook(mime: str, data: str, meta: Any) -> None:
        display(mime, data, str(meta.get("display_id") or ""), str(meta.get("note") or ""))

    ok = True
    for index, cell in enumerate(cells):
        on_cell(index)
        ok = run_cell(cell["code"], namespace, cell["filename"], hook)
        if not ok:
            break
    _left.append(namespace)  # freed by reset(), safely
    return ok


def check(code: str, filename: str, source: str, lang: str) -> str:
    """Run an exercise's checker on the reader's ``source``; its verdict as JSON.

    The worker calls this after :func:`reset`, so nothing the reader's run did
    changes how the checker computes (see DESIGN.md, exercise contract).
    """
    _set_language(lang)
    namespace: dict[str, Any] = {"__name__": "__bp_check__"}
    exec(compile(code, filename, "exec"), namespace)
    _left.append(namespace)
    verdict = namespace["check"](source, lang)
    if not isinstance(verdict, dict):
        raise TypeError(f"{filename}: check() must return a dict, got {type(verdict).__name__}")
    return json.dumps(verdict, ensure_ascii=False)
