"""How long an exercise check takes: CPython, Pyodide under Node, and Check -> verdict
in Chromium (tables, no assertions).

Each check is measured the way the browser's worker does it: check.py is run in
a fresh namespace (so the exercise's reference points are traced again) and
check(source, lang) judges the source. Sources: each exercise's solution and its
catalogued wrong answers. Prints p50 / p95 / max per exercise, in ms.

The browser table (--browser) is what a reader waits for: on the built site,
with Python already started (warm), the time from the click on Check (a
capturing listener) to the feedback's data-verdict turning pass/fail (a
MutationObserver), taken with performance.now() inside the page. That is the
reader's code run once (its output shown), the interpreter reset, check.py and
check() in the worker, and the messages back. The sources alternate between the
solution and the wrong answers; the first Check of each exercise is not counted.

    .venv/bin/python benchmarks/bench_practice.py [--repeat 5] [--no-pyodide]
    .venv/bin/python benchmarks/bench_practice.py --browser [--site DIR] [--checks 20]
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


# --- Check -> verdict in Chromium ---------------------------------------------------

# (page, exercise) pairs the browser table measures: small, middle and the largest.
BROWSER_EXERCISES = (
    ("gates/add/", "gates/add"),
    ("gates/sigmoid/", "gates/sigmoid"),
    ("staged-computation/", "staged-computation"),
    ("vectorized/", "vectorized"),
    ("common-mistakes/", "common-mistakes/hunt-stale"),
)
CHECK_TO_VERDICT = """(el) => new Promise((resolve) => {
  const feedback = el.querySelector('[data-role="feedback"]');
  let clicked = 0;
  const observer = new MutationObserver(() => {
    if (clicked && feedback.dataset.verdict !== "none") {
      observer.disconnect();
      resolve({ms: performance.now() - clicked, verdict: feedback.dataset.verdict});
    }
  });
  observer.observe(feedback, {attributes: true, attributeFilter: ["data-verdict"]});
  const button = el.querySelector('[data-action="check"]');
  const start = () => (clicked = performance.now());
  button.addEventListener("click", start, {capture: true, once: true});
  button.click();
})"""
RUN_TO_DONE = """(el) => new Promise((resolve) => {
  let clicked = 0;
  const observer = new MutationObserver(() => {
    if (clicked && ["done", "error"].includes(el.dataset.state)) {
      observer.disconnect();
      resolve({ms: performance.now() - clicked, state: el.dataset.state});
    }
  });
  observer.observe(el, {attributes: true, attributeFilter: ["data-state"]});
  const button = el.querySelector('[data-action="run"]');
  const start = () => (clicked = performance.now());
  button.addEventListener("click", start, {capture: true, once: true});
  button.click();
})"""


def browser(site: Path | None, checks: int) -> dict[str, dict[str, list[float]]]:
    """Warm Check -> verdict times per exercise, in ms, on the built site; for
    comparison, Run -> done of the same code in the same block."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS, MIME, find_chromium
    from tests.conftest import build_site, free_port

    chromium = find_chromium()
    if chromium is None:
        sys.exit("Chromium is missing (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="bench-practice-") as tmp:
        port = free_port()
        if site is None:
            print("building the site ...", file=sys.stderr)
            site = build_site(f"http://127.0.0.1:{port}/", Path(tmp) / "site")

        class Handler(http.server.SimpleHTTPRequestHandler):
            extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME}

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", port), functools.partial(Handler, directory=str(site))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        times: dict[str, dict[str, list[float]]] = {"check": {}, "run": {}}
        try:
            with sync_playwright() as p:
                b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                context = b.new_context()
                page = context.new_page()
                for path, name in BROWSER_EXERCISES:
                    folder = EXERCISES / name
                    sources = [folder / "solution.py", *sorted((folder / "wrong").glob("*.py"))]
                    page.goto(f"http://127.0.0.1:{port}/{path}")
                    page.wait_for_function(
                        "window.bpRuntime && window.bpRuntime.isReady", timeout=120_000
                    )
                    block = page.locator(f'.bp-exercise[data-exercise="{name}"]')
                    times["check"][name], times["run"][name] = [], []
                    for i in range(checks + 1):
                        code = sources[i % len(sources)].read_text(encoding="utf-8")
                        block.evaluate("(el, code) => el.bpBlock.setCode(code)", code)
                        page.wait_for_timeout(50)  # let the page settle (not measured)
                        result = block.evaluate(CHECK_TO_VERDICT)
                        if result["verdict"] not in ("pass", "fail"):
                            sys.exit(f"{name}: Check gave {result['verdict']}")
                        page.wait_for_timeout(50)
                        ran = block.evaluate(RUN_TO_DONE)
                        if i:  # the first Check and Run of each exercise warm up
                            times["check"][name].append(result["ms"])
                            times["run"][name].append(ran["ms"])
                    print(f"  {name}: {checks} checks", file=sys.stderr)
                b.close()
        finally:
            server.shutdown()
            server.server_close()
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-pyodide", action="store_true")
    parser.add_argument("--browser", action="store_true", help="Check -> verdict in Chromium")
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--checks", type=int, default=20, help="warm Checks per exercise")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.browser:
        print_browser(browser(args.site, args.checks), args.checks)
        print(f"\n({time.perf_counter() - started:.0f} s)")
        return
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


def print_browser(times: dict[str, dict[str, list[float]]], checks: int) -> None:
    print(f"In Chromium, warm, ms ({checks} of each per exercise, interleaved)\n")
    header = f"{'exercise':<30}{'Check -> verdict p50/p95/max':>30}{'Run -> done p50/p95':>22}"
    print(header)
    print("-" * len(header))
    check, run = times["check"], times["run"]
    rows = [*check, "all"]
    everything = {
        "check": [x for ts in check.values() for x in ts],
        "run": [x for ts in run.values() for x in ts],
    }
    for name in rows:
        c = check.get(name, everything["check"])
        r = run.get(name, everything["run"])
        print(
            f"{name:<30}{statistics.median(c):>14.0f} /{percentile(c, 0.95):>6.0f} /"
            f"{max(c):>6.0f}{statistics.median(r):>14.0f} /{percentile(r, 0.95):>6.0f}"
        )


if __name__ == "__main__":
    main()
