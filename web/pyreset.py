"""The fallback runner's reset: one interpreter reused by Runs, put back after each.

Normally every Run and every Check gets an interpreter no reader code has
touched (a worker restored from the memory snapshot, see web/worker.js), and
nothing here is used. Where there is no snapshot yet (the first seconds of a
first visit) or snapshots do not work in this browser, a Run goes to a worker
that has already run reader code, after :func:`reset` has put back what reader
code can change (a Check never does: it always waits for an untouched worker):

* ``sys.stdout``/``stderr``/``stdin`` (and their ``__dunder__`` originals),
  the recursion limit, the int-to-str digit limit, tracing and profiling;
* every module that was loaded when Python became ready: a module-level
  name rebound or added (``builtins.print = …``, ``math.exp = …``) is put
  back, and a module object replaced in ``sys.modules`` is put back;
* modules imported by the run are forgotten (imported afresh when needed);
* ``backprop_core`` is loaded afresh (from code compiled once at start-up,
  so even a run that rewrote its files cannot change it), so a monkeypatched
  gate (``Value.__mul__ = …``) or engine function is gone;
* the global random generator (seeded afresh, as at start-up), warning filters,
  the environment, the working directory, the garbage collector's settings.

What it cannot undo (runner review, D1): changes inside objects of the
standard library other than module namespaces (a method replaced on a
standard-library class), interpreter-wide hooks (an audit hook), changes made
on the JavaScript side through ``js``. That is why it is only the fallback (see
README, "Plain http and other browsers").
"""

from __future__ import annotations

import builtins
import gc
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import random
import sys
import types
import warnings
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


_baseline: Baseline | None = None


def start() -> None:
    """Record the clean state; called once, when Python is ready."""
    global _baseline
    _baseline = Baseline()


def _free_without_recursion(left: list[dict[str, Any]]) -> None:
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
    holder: list[Any] = [list(left)]
    left.clear()
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


def reset(left: list[dict[str, Any]]) -> list[str]:
    """Put the interpreter back into the clean state; ``left`` holds the runs' namespaces."""
    assert _baseline is not None, "start() first"
    _free_without_recursion(left)
    return _baseline.restore()
