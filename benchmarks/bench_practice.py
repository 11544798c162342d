"""How long an exercise check takes: CPython, and Pyodide under Node (a table, no assertions).

Each check is measured the way the browser's worker does it: check.py is run in
a fresh namespace (so the exercise's reference points are traced again) and
check(source, lang) judges the source. Sources: each exercise's solution and its
catalogued wrong answers. Prints p50 / p95 / max per exercise, in ms.

    .venv/bin/python benchmarks/bench_practice.py [--repeat 5] [--no-pyodide]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXERCISES = ROOT / "snippets" / "exercises"

from sitebuild.wheel import build_wheel  # noqa: E402

TIMED = """
import json, time
def timed(check_source, source, lang, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        namespace = {"__name__": "check"}
        exec(check_source, namespace)
        namespace["check"](source, lang)
        times.append((time.perf_counter() - started) * 1000)
    return times
"""


def cases() -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for check in sorted(EXERCISES.rglob("check.py")):
        folder = check.parent
        sources = [folder / "solution.py", *sorted((folder / "wrong").glob("*.py"))]
        found[folder.relative_to(EXERCISES).as_posix()] = [
            (check.read_text("utf-8"), s.read_text("utf-8")) for s in sources
        ]
    return found


def cpython(repeat: int) -> dict[str, list[float]]:
    namespace: dict[str, Any] = {}
    exec(TIMED, namespace)
    return {
        name: [t for c, s in pairs for t in namespace["timed"](c, s, "en", repeat)]
        for name, pairs in cases().items()
    }


def pyodide(repeat: int) -> dict[str, list[float]] | None:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pyodide").exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        wheel = build_wheel(Path(tmp) / "wheel")
        data = Path(tmp) / "bench_cases.py"
        data.write_text(f"import json\nCASES = json.loads({json.dumps(json.dumps(cases()))})\n")
        run = (
            TIMED
            + f"import bench_cases\nprint('@@bench ' + json.dumps({{n: [t for c, s in p for t in "
            f"timed(c, s, 'en', {repeat})] for n, p in bench_cases.CASES.items()}}))\n"
        )
        done = subprocess.run(
            [
                node,
                str(ROOT / "tests/pyodide/run_in_pyodide.mjs"),
                "--wheel",
                str(wheel),
                "--file",
                str(data),
                "--run",
                run,
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=1800,
        )
    for line in done.stdout.splitlines():
        if line.startswith("@@bench "):
            result: dict[str, list[float]] = json.loads(line[len("@@bench ") :])
            return result
    raise RuntimeError(done.stderr[-2000:])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-pyodide", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    tables = {"CPython": cpython(args.repeat)}
    if not args.no_pyodide:
        found = pyodide(args.repeat)
        if found is not None:
            tables["Pyodide (Node)"] = found
    print(f"check.py + check(source) per Check, ms ({args.repeat} runs of each source)\n")
    header = f"{'exercise':<30}" + "".join(f"{k + ' p50/p95/max':>30}" for k in tables)
    print(header)
    print("-" * len(header))
    for name in next(iter(tables.values())):
        row = f"{name:<30}"
        for times in tables.values():
            t = times[name]
            row += f"{statistics.median(t):>14.1f} /{percentile(t, 0.95):>6.1f} /{max(t):>6.1f}"
        print(row)
    everything = {k: [t for ts in v.values() for t in ts] for k, v in tables.items()}
    row = f"{'all':<30}"
    for t in everything.values():
        row += f"{statistics.median(t):>14.1f} /{percentile(t, 0.95):>6.1f} /{max(t):>6.1f}"
    print(row)
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
