"""The runner under load, in real Chromium: warm runs with the clean-state reset,
and how responsive the page stays while reader code floods it.

    .venv/bin/python benchmarks/bench_runner.py              # builds the site into a temp dir
    .venv/bin/python benchmarks/bench_runner.py --site DIR   # or measures a built site

Prints a table; asserts nothing about time. One page (gates/multiply/), one
browser context, Python started once:

(1) warm click -> data-state="done", p50/p95: the reader's pace (50 ms between
    a result and the next click, so the reset after a run is done by then) and
    back to back (the next click as soon as the result shows: that run also
    waits for the previous run's reset).
(2) for each flood case, the largest gap between two animation frames of the
    page after the first second of the run (the page stays responsive if it
    paints at least every 250 ms), the run's time to its end, and the
    characters that reached the page; the runaway cases are stopped with the
    Stop button after 3 s, and the time from that click to data-state
    "stopped" is shown.
(3) pictures: for each case, the largest gap between two animation frames
    from the click until a second after the run ended (a flood of figures used
    to freeze the tab after "Done"), the run's time, and the figures and
    elements the page holds: a flood of display() calls (cut at the run's
    figure budget, web/runner-limits.json), the largest picture a Value draws
    (a circuit near DRAW_LIMIT nodes), the run's element budget spent on such
    pictures, and a live picture redrawn in place.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from benchmarks.bench_site import (
    CHROMIUM_ARGS,
    chromium_path,
    percentile,
    serve,
    site_to_measure,
)
from tests.browser.test_runnable_blocks import replace_code

FLOODS = {
    "print 50 million characters": 'print("y" * 50_000_000)',
    "stdout/stderr alternating, 200,000 times": (
        "import sys\nfor i in range(200_000):\n    print(i)\n    print(i, file=sys.stderr)"
    ),
    "a million short prints": "for i in range(1_000_000):\n    print(i)",
    "_repr_svg_ of a million elements": (
        "class Huge:\n    def _repr_svg_(self):\n"
        "        return '<svg>' + '<rect/>' * 1_000_000 + '</svg>'\nHuge()"
    ),
    "the biggest picture allowed (9,999 elements)": (
        "class Big:\n    def _repr_svg_(self):\n"
        '        return (\'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">\''
        " + '<rect width=\"1\" height=\"1\"/>' * 9_998 + '</svg>')\nBig()"
    ),
    "runaway loop printing (stopped after 3 s)": "while True:\n    print('x' * 1000)",
}
STOP_AFTER_MS = 3000

_BIG_CIRCUIT = (
    "from backprop_core import Value\n"
    "def big():  # 966 nodes, near the DRAW_LIMIT of 1,000\n"
    "    v = Value(0.5, label='x')\n"
    "    for k in range(240):\n"
    "        v = (v * 0.999 + 0.001).tanh() if k % 50 == 0 else v * 0.999 + 0.001\n"
    "    v.backward()\n"
    "    return v\n"
)
PICTURES = {
    "display() 100,000 tiny pictures": (
        "class Dot:\n    def _repr_svg_(self):\n"
        '        return \'<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>\'\n'
        "for i in range(100_000):\n    display(Dot())"
    ),
    "the largest circuit a Value draws": _BIG_CIRCUIT + "f = big()\nf",
    "circuits up to the run's element budget": (
        _BIG_CIRCUIT + "f = big()\nfor i in range(20):\n    display(f)"
    ),
    "a live picture redrawn 300 times": (
        "from backprop_core.datasets import moons\nfrom backprop_core.plot import training_plot\n"
        "points, labels = moons(100)\nfor k in range(300):\n"
        "    display(training_plot(points, labels, lambda x, y: x - k / 100, [1.0] * (k + 1)),"
        " display_id='live')"
    ),
}

WATCH_FRAMES = """() => {
  window.__frames = [];
  window.__long = [];
  const tick = (t) => { window.__frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
  }).observe({ type: "longtask" });
}"""


def set_code(page: Page, code: str) -> None:
    replace_code(page, page.locator(".bp-run").first, code)


def finished(page: Page, timeout: float = 120_000) -> None:
    page.locator(".bp-run").first.locator(
        "xpath=self::*[@data-state='done' or @data-state='error' or @data-state='stopped']"
    ).wait_for(timeout=timeout)


def warm(page: Page, runs: int, pause_ms: int) -> list[float]:
    set_code(page, "from backprop_core import Value\nf = Value(-2.0) * Value(3.0)\nf.backward()\nf")
    times = []
    for _ in range(runs):
        page.wait_for_timeout(pause_ms)
        times.append(
            page.evaluate(
                """() => new Promise((resolve) => {
                  const block = document.querySelector(".bp-run");
                  const start = performance.now();
                  const seen = new MutationObserver(() => {
                    if (block.dataset.state === "done") {
                      seen.disconnect();
                      resolve(performance.now() - start);
                    }
                  });
                  seen.observe(block, { attributes: true, attributeFilter: ["data-state"] });
                  block.querySelector('[data-action="run"]').click();
                })"""
            )
        )
    return times


def flood(page: Page, code: str, runaway: bool) -> dict[str, float]:
    set_code(page, code)
    page.evaluate(WATCH_FRAMES)
    start = page.evaluate("performance.now()")
    page.locator(".bp-run").first.locator('[data-action="run"]').click()
    stop_ms = float("nan")
    if runaway:
        page.wait_for_timeout(STOP_AFTER_MS)
        t0 = page.evaluate("performance.now()")
        page.locator(".bp-run").first.locator('[data-action="stop"]').click()
        finished(page)
        stop_ms = page.evaluate("performance.now()") - t0
    else:
        finished(page)
    end = page.evaluate("performance.now()")
    frames = page.evaluate("window.__frames")
    late = [t for t in frames if t > start + 1000]
    gaps = [b - a for a, b in itertools.pairwise(late)] or [0.0]
    chars = page.evaluate("document.querySelector('.bp-run [data-role=output]').textContent.length")
    busy = sum(d for t, d in page.evaluate("window.__long") if start <= t <= end)
    page.wait_for_timeout(500)
    return {"gap": max(gaps), "ms": end - start, "chars": chars, "stop": stop_ms, "busy": busy}


def pictures(page: Page, code: str) -> dict[str, float]:
    set_code(page, code)
    page.evaluate(WATCH_FRAMES)
    start = page.evaluate("performance.now()")
    page.locator(".bp-run").first.locator('[data-action="run"]').click()
    finished(page)
    end = page.evaluate("performance.now()")
    page.wait_for_timeout(1000)
    frames = [start, *page.evaluate("window.__frames")]
    gaps = [b - a for a, b in itertools.pairwise(frames)] or [0.0]
    held = page.evaluate(
        """() => {
          const out = document.querySelector('.bp-run [data-role=output]');
          return [out.querySelectorAll('svg').length, out.querySelectorAll('svg *').length];
        }"""
    )
    return {"gap": max(gaps), "ms": end - start, "figures": held[0], "elements": held[1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--page", default="gates/multiply/")
    parser.add_argument("--warm-runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-runner-") as tmp:
        site, port = site_to_measure(args.site, Path(tmp))
        bench_dir = Path(tmp) / "bench"
        bench_dir.mkdir()
        with serve(site, port, bench_dir) as origin, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(120_000)
            page.goto(origin + args.page)
            page.wait_for_function("window.bpRuntime && window.bpRuntime.isReady")
            print("warm runs ...", file=sys.stderr)
            paced = warm(page, args.warm_runs, 50)
            back_to_back = warm(page, args.warm_runs, 0)
            results = {}
            for name, code in FLOODS.items():
                print(f"flood: {name} ...", file=sys.stderr)
                results[name] = flood(page, code, runaway=name.startswith("runaway"))
            drawn = {}
            for name, code in PICTURES.items():
                print(f"pictures: {name} ...", file=sys.stderr)
                drawn[name] = pictures(page, code)
            version = browser.version
            browser.close()

    w = 86
    print("=" * w)
    print(f"Runner benchmark: Chromium {version}, page {args.page}")
    print("=" * w)
    print(f"(1) warm click -> done, {args.warm_runs} runs each (ms); a fresh interpreter every run")
    for name, times in (("50 ms between runs", paced), ("back to back", back_to_back)):
        print(
            f"  {name:<22} p50 {percentile(times, 50):7.1f}   p95 {percentile(times, 95):7.1f}"
            f"   min {min(times):6.1f}   max {max(times):7.1f}   (target p50 well under 100)"
        )
    print("-" * w)
    print("(2) the page while reader code floods it")
    print(f"  {'case':<46}{'max gap':>8}{'busy':>7}{'run ms':>8}{'chars':>9}{'stop ms':>8}")
    for name, r in results.items():
        stop = "" if r["stop"] != r["stop"] else f"{r['stop']:.0f}"
        print(
            f"  {name:<46}{r['gap']:>8.0f}{r['busy']:>7.0f}{r['ms']:>8.0f}{r['chars']:>9,}{stop:>8}"
        )
    print("  (max gap: largest time between two painted frames after the run's first second,")
    print("   target <= 250 ms; busy: main-thread long tasks during the run, ms)")
    print("-" * w)
    print("(3) pictures: the page from the click until 1 s after the run")
    print(f"  {'case':<46}{'max gap':>8}{'run ms':>8}{'figures':>9}{'elements':>10}")
    for name, r in drawn.items():
        print(f"  {name:<46}{r['gap']:>8.0f}{r['ms']:>8.0f}{r['figures']:>9,}{r['elements']:>10,}")
    print("  (max gap: largest time between two painted frames, target <= 250 ms)")
    print("=" * w)


if __name__ == "__main__":
    main()
