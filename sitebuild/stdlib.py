"""A byte-compiled standard library for the browser, made once per Pyodide version.

The pinned npm package ships ``python_stdlib.zip`` with sources only, so every
start in a browser compiles each standard-library module it imports. This
builds ``python_stdlib.pyc.zip`` (compiled inside Pyodide under Node by
``compile_stdlib.mjs``: the host's Python is another version) and caches it in
``.cache/sitebuild/stdlib/`` by the Pyodide version and the script's hash. The
site serves it as Pyodide's ``stdLibURL``: a first start about twice as fast
for ~1.9 MB more (benchmarks/bench_site.py measures it). What it costs: a
traceback through the standard library shows file and line but not the line's
text (the reader's code and backprop_core keep theirs).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from .wheel import ROOT

SCRIPT = Path(__file__).with_name("compile_stdlib.mjs")
CACHE = ROOT / ".cache" / "sitebuild" / "stdlib"
NAME = "python_stdlib.pyc.zip"


def compiled_stdlib(version: str) -> Path:
    """The byte-compiled standard library of Pyodide ``version`` (built if not cached)."""
    digest = hashlib.sha256(SCRIPT.read_bytes()).hexdigest()[:12]
    out = CACHE / f"{version}-{digest}" / NAME
    if out.exists():
        return out
    node = shutil.which("node")
    if node is None:
        raise FileNotFoundError("compiling the standard library needs Node.js: run `make setup`")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".partial")
    done = subprocess.run(
        [node, str(SCRIPT), str(partial)], capture_output=True, text=True, cwd=ROOT, timeout=900
    )
    if done.returncode != 0 or not partial.exists():
        raise RuntimeError(f"compiling the stdlib in Pyodide failed:\n{done.stderr[-3000:]}")
    partial.replace(out)  # a build running at the same time never sees half a zip
    for old in CACHE.iterdir():
        if old != out.parent:
            shutil.rmtree(old, ignore_errors=True)
    return out
