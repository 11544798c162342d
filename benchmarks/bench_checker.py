"""How well the checker judges answers it has never seen: generated mutants and
equivalent programs per exercise, before and after (tables, no assertions).

The answers come from tests/variants (derived from each solution.py by AST
transforms, seeded; their expected verdict from an oracle that runs them at
the checker's points without the checker). Each is checked by this tree's
checker and, with ``--before REF``, by the checker of a git revision (its
backprop_core and snippets/exercises, unpacked with ``git archive``), each in
a fresh process. Columns:

- mutants: generated / must fail (the oracle's verdict; the rest change no
  gradient at any test point and must pass, like the equivalents);
- killed: must-fail mutants that fail; false pass: must-fail mutants that pass;
- specific: killed with a diagnosis other than ``wrong-value`` (share of killed);
  strict: killed with a key that names a mistake (not ``wrong-value``,
  ``wrong-factor``, ``only-at-given-point``), share of killed;
- equivalents: programs that must pass / false fails among them (plus must-pass
  mutants);
- errors: the checker raised or its result was not plain JSON.

    .venv/bin/python benchmarks/bench_checker.py [--before 9178dda] [--lang en]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXERCISES = Path("snippets") / "exercises"
GENERIC = {"wrong-value"}
# Keys that describe the pattern of the numbers, not a mistake (the "strict" column).
PATTERNS = {"wrong-value", "wrong-factor", "only-at-given-point"}

JUDGE = r"""
import json, sys
from pathlib import Path
root = Path(sys.argv[1])
cases = json.load(sys.stdin)
checks = {}
out = []
for case in cases:
    name = case["exercise"]
    if name not in checks:
        ns = {"__name__": "check"}
        exec((root / "snippets" / "exercises" / name / "check.py").read_text(), ns)
        checks[name] = ns["check"]
    try:
        result = checks[name](case["source"], case["lang"])
        try:
            json.dumps(result, allow_nan=False)
            plain = True
        except (TypeError, ValueError):
            plain = False
        out.append({"verdict": result.get("verdict"), "key": result.get("key"), "plain": plain})
    except BaseException as exc:
        out.append({"verdict": "raised", "key": type(exc).__name__, "plain": False})
sys.stdout.write(json.dumps(out))
"""


def judge(tree: Path, cases: list[dict[str, str]]) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-c", JUDGE, str(tree)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        timeout=3600,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    result: list[dict[str, object]] = json.loads(done.stdout)
    return result


def unpack(ref: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", ref, "backprop_core", "snippets/exercises"],
        capture_output=True,
        cwd=ROOT,
        check=True,
    ).stdout
    tar = into / "tree.tar"
    tar.write_bytes(archive)
    with tarfile.open(tar) as t:
        t.extractall(into / "tree", filter="data")
    return into / "tree"


def table(cases: list[dict[str, str]], results: list[dict[str, object]]) -> dict[str, Counter[str]]:
    rows: dict[str, Counter[str]] = {}
    for case, result in zip(cases, results):
        row = rows.setdefault(case["exercise"], Counter())
        must_pass = case["expected"] == "pass"
        verdict, key = result["verdict"], result["key"]
        if case["kind"] == "mutant":
            row["mutants"] += 1
        if verdict not in ("pass", "fail") or not result["plain"]:
            row["errors"] += 1
        if must_pass:
            row["must pass"] += 1
            row["false fail"] += verdict != "pass"
        else:
            row["must fail"] += 1
            row["false pass"] += verdict == "pass"
            if verdict == "fail":
                row["killed"] += 1
                row["specific"] += key not in GENERIC
                row["strict"] += key not in PATTERNS
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="a git revision to compare with (e.g. 9178dda)")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    started = time.perf_counter()
    from tests.variants import all_generated

    generated = [g for g in all_generated() if g.expected is not None]
    cases = [
        {
            "exercise": g.exercise,
            "kind": g.kind,
            "source": g.source,
            "expected": g.expected,
            "lang": args.lang,
        }
        for g in generated
    ]
    print(
        f"{len(cases)} generated answers ({time.perf_counter() - started:.0f} s)", file=sys.stderr
    )
    trees = {"after": ROOT}
    with tempfile.TemporaryDirectory(prefix="bench-checker-") as tmp:
        if args.before:
            trees = {"before": unpack(args.before, Path(tmp)), **trees}
        tables = {}
        for name, tree in trees.items():
            # An exercise added since the revision has no row in its table ("new").
            own = [c for c in cases if (tree / EXERCISES / c["exercise"] / "check.py").is_file()]
            tables[name] = table(own, judge(tree, own))
    print_tables(tables)
    print(f"\n({time.perf_counter() - started:.0f} s)")


def print_tables(tables: dict[str, dict[str, Counter[str]]]) -> None:
    names = list(tables)
    first = tables[names[-1]]  # this tree's: every exercise
    header = f"{'exercise':<28}{'mutants':>8}{'must fail':>10}"
    for name in names:
        header += f" | {name + ': killed':>15}{'false pass':>11}{'specific':>13}"
        header += f"{'strict':>7}{'false fail':>11}{'errors':>7}"
    print(header)
    print("-" * len(header))
    totals = {name: Counter() for name in names}
    shared = {name: Counter() for name in names}  # the exercises every tree has
    for exercise in sorted(first):
        row = first[exercise]
        line = f"{exercise:<28}{row['mutants']:>8}{row['must fail']:>10}"
        in_all = all(exercise in tables[name] for name in names)
        for name in names:
            r = tables[name].get(exercise)
            if r is None:
                line += f" | {'new':>15}{'':>11}{'':>13}{'':>7}{'':>11}{'':>7}"
                continue
            totals[name].update(r)
            if in_all:
                shared[name].update(r)
            line += _cells(r)
        print(line)
    print("-" * len(header))
    for label, sums in (("all", totals), ("in every tree", shared)):
        t = sums[names[-1]]
        line = f"{label:<28}{t['mutants']:>8}{t['must fail']:>10}"
        for name in names:
            line += _cells(sums[name])
        print(line)
    print(f"\nmust pass (equivalents and harmless mutants): {totals[names[-1]]['must pass']}")


def _cells(r: Counter[str]) -> str:
    share = r["specific"] / r["killed"] if r["killed"] else 0.0
    strict = r["strict"] / r["killed"] if r["killed"] else 0.0
    return (
        f" | {r['killed']:>15}{r['false pass']:>11}"
        f"{r['specific']:>7} {share:>4.0%}{strict:>7.0%}{r['false fail']:>11}{r['errors']:>7}"
    )


if __name__ == "__main__":
    main()
