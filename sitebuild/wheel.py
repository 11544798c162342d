"""Build the backprop_core wheel and a Pyodide lock file that lists it.

Pyodide installs packages named in its lock file (``pyodide-lock.json``) from
the folder the runtime is served from. ``pyodide lockfile add-wheels`` (from
pyodide-lock) adds our wheel's name, imports and sha256 to the lock file that
ships with the pinned npm ``pyodide``; nothing here needs the network.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "backprop_core"
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
DIST_NAME = "backprop_core"


def source_digest() -> str:
    """A hash of everything that goes into the wheel: rebuild only when it changes."""
    h = hashlib.sha256()
    for path in sorted([ROOT / "pyproject.toml", *PACKAGE.rglob("*.py"), PACKAGE / "py.typed"]):
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def build_wheel(out_dir: Path) -> Path:
    """Build ``backprop_core-*.whl`` into ``out_dir`` (reusing it if the sources are unchanged)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = out_dir / f".{DIST_NAME}-{source_digest()}"
    wheels = sorted(out_dir.glob(f"{DIST_NAME}-*.whl"))
    if stamp.exists() and len(wheels) == 1:
        return wheels[0]
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp]
        done = subprocess.run([*cmd, str(ROOT)], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"building the backprop_core wheel failed:\n{done.stderr}")
        (built,) = Path(tmp).glob("*.whl")
        for old in [*wheels, *out_dir.glob(f".{DIST_NAME}-*")]:
            if old.name != built.name:
                old.unlink(missing_ok=True)
        # Copy then rename: a build running at the same time never sees half a wheel.
        partial = out_dir / f".{built.name}.partial"
        shutil.copy2(built, partial)
        wheel = partial.replace(out_dir / built.name)
    stamp.touch()
    return wheel


def write_lock_file(wheel: Path, out_dir: Path) -> Path:
    """Write ``out_dir/pyodide-lock.json``: the pinned runtime's lock file plus ``wheel``.

    The wheel must already be in ``out_dir`` (Pyodide's indexURL folder).
    """
    source = PYODIDE_DIR / "pyodide-lock.json"
    if not source.exists():
        raise FileNotFoundError(
            f"{source} is missing: run `npm ci` (or `make setup`) to install the pinned Pyodide"
        )
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    target = out_dir / "pyodide-lock.json"
    done = subprocess.run(
        [
            str(pyodide_cli),
            "lockfile",
            "add-wheels",
            "--input",
            str(source),
            "--output",
            str(target),
            "--base-path",
            str(out_dir),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        cwd=out_dir,
    )
    if done.returncode != 0:
        raise RuntimeError(f"pyodide lockfile add-wheels failed:\n{done.stdout}\n{done.stderr}")
    return target
