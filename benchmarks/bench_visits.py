"""Visits in a persistent browser profile: first, return and offline return visits,
and Run and Check latency in a warm tab (a table; asserts nothing).

    .venv/bin/python benchmarks/bench_visits.py              # builds the site into a temp dir
    .venv/bin/python benchmarks/bench_visits.py --site DIR   # or measures a built site

Debian's Chromium, driven by Playwright, with a profile on disk, as a reader's
(an off-the-record context has no compiled-code cache and overstates return
visits about 2x), the service worker allowed. Each round, interleaved:

* ours: gates/multiply/, its first Run clicked as soon as that can work
  (bench_site.INIT_SCRIPT), timed from the start of the navigation to the
  block's data-state="done". First visit in a new profile; then, once the page
  has made its snapshot and its service worker controls it, the browser is
  closed and opened again on the same profile (the return visit), and once more
  with the network off (the offline return visit: everything from the service
  worker's caches);
* bare: bench_site's bare page (Pyodide on the main thread, backprop_core
  loaded, one expression), first and return visit the same way. The targets
  of the runtime issue are ratios to it.

Then in our warm tab: Run -> done, with a second between clicks and back to
back; Stop of a runaway loop -> the next run's result (the stopped worker is
thrown away, the next comes from the snapshot); and Check -> verdict on
gates/sigmoid/ (the starter: a "fail" verdict) with a second between clicks;
all clicked inside the page, so Playwright's own latency is not counted.

Memory (bench_memory.py says how): the peak resident set of the tab's renderer
process (the page and its dedicated workers), 3 s after each visit's first
result (ours: after the snapshot is made), for our page, the bare page and our
page without our script (Material alone: 13 s after load, its search index
built); in the warm tab, after each phase.
performance.measureUserAgentSpecificMemory() would need COOP/COEP headers,
which this server does not send (the site as most hosts serve it).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import BrowserContext, Playwright, sync_playwright

from benchmarks import bench_memory
from benchmarks.bench_memory import Memory
from benchmarks.bench_site import (
    BARE_HTML,
    DONE,
    INIT_SCRIPT,
    chromium_path,
    percentile,
    serve,
    site_to_measure,
    write_material_only,
)
from tests.browser.conftest import CHROMIUM_ARGS

TIMEOUT_MS = 240_000
SETTLE_MS = 3000  # after a visit's first result, before its memory is read
TARGETS = {"first": 1.0, "return": 0.5, "run_p50": 100.0, "check_p50": 200.0}

RUN_ONCE = """async () => {
  const block = document.querySelector(".bp-run");
  const started = performance.now();
  block.querySelector('[data-action="run"]').click();
  await new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      if (block.dataset.state === "done") { seen.disconnect(); resolve(); }
    });
    seen.observe(block, { attributes: true, attributeFilter: ["data-state"] });
  });
  return performance.now() - started;
}"""

STOP_THEN_RUN = """async () => {
  const block = document.querySelector(".bp-run");
  const state = (wanted) => new Promise((resolve) => {
    if (wanted.includes(block.dataset.state)) return resolve();
    const seen = new MutationObserver(() => {
      if (wanted.includes(block.dataset.state)) { seen.disconnect(); resolve(); }
    });
    seen.observe(block, { attributes: true, attributeFilter: ["data-state"] });
  });
  const code = block.bpBlock.code();
  block.bpBlock.setCode("while True:\\n    pass\\n");
  block.querySelector('[data-action="run"]').click();
  await state(["running"]);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const started = performance.now();
  block.querySelector('[data-action="stop"]').click();
  await state(["stopped"]);
  block.bpBlock.setCode(code);
  block.querySelector('[data-action="run"]').click();
  await state(["done"]);
  return performance.now() - started;
}"""

CHECK_ONCE = """async () => {
  const block = document.querySelector(".bp-exercise");
  const feedback = block.querySelector('[data-role="feedback"]');
  const started = performance.now();
  block.querySelector('[data-action="check"]').click();
  await new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      if (feedback.dataset.verdict !== "none") { seen.disconnect(); resolve(); }
    });
    seen.observe(feedback, { attributes: true, attributeFilter: ["data-verdict"] });
  });
  const time = performance.now() - started;
  // (the block finishes its run before the next click)
  while (["loading", "waiting", "running"].includes(block.dataset.state)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return time;
}"""


def open_profile(pw: Playwright, profile: Path) -> BrowserContext:
    ctx = pw.chromium.launch_persistent_context(
        str(profile),
        executable_path=chromium_path(),
        args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 900},
        service_workers="allow",
    )
    ctx.set_default_timeout(TIMEOUT_MS)
    ctx.add_init_script(f"window.__benchClickRun = true;\n{INIT_SCRIPT}")
    return ctx


def visit(ctx: BrowserContext, url: str) -> float:
    """Navigate the profile's tab to url; ms from navigation start to the first result."""
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    page.wait_for_timeout(1000)  # the new window's own start-up, not the page's
    page.goto(url, wait_until="commit")
    page.wait_for_function(DONE.format(n=1), timeout=TIMEOUT_MS, polling=50)
    return float(page.evaluate("__bench.dones[0]"))


def settle_ours(ctx: BrowserContext) -> None:
    """Wait until the page has its snapshot and its service worker controls it."""
    page = ctx.pages[0]
    page.wait_for_function(
        "['ready', 'unavailable'].includes(window.bpRuntime?.snapshotState)", timeout=TIMEOUT_MS
    )
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=TIMEOUT_MS)


def memory_now(ctx: BrowserContext, profile: Path) -> Memory:
    """The memory of the profile's tab, SETTLE_MS from now."""
    ctx.pages[0].wait_for_timeout(SETTLE_MS)
    return bench_memory.read(profile, bench_memory.tab_renderer(profile))


def one_round(
    pw: Playwright, base: str, page: str, material: str, tmp: Path, n: int
) -> tuple[dict[str, float], dict[str, Memory]]:
    times: dict[str, float] = {}
    memory: dict[str, Memory] = {}
    for name, url in (("ours", base + page), ("bare", base + "bench/bare.html")):
        profile = tmp / f"profile-{name}-{n}"
        ctx = open_profile(pw, profile)
        times[f"{name} first"] = visit(ctx, url)
        if name == "ours":
            settle_ours(ctx)
        memory[f"{name} first"] = memory_now(ctx, profile)
        ctx.close()
        ctx = open_profile(pw, profile)
        times[f"{name} return"] = visit(ctx, url)
        memory[f"{name} return"] = memory_now(ctx, profile)
        ctx.close()
        if name == "ours":
            ctx = open_profile(pw, profile)
            ctx.set_offline(True)
            times["ours offline return"] = visit(ctx, url)
            ctx.close()
    ctx = open_profile(pw, tmp / f"profile-material-{n}")
    tab = ctx.pages[0] if ctx.pages else ctx.new_page()
    tab.goto(base + material, wait_until="load")
    tab.wait_for_timeout(10_000)  # its search index goes to its worker 10 s after load
    memory["material first"] = memory_now(ctx, tmp / f"profile-material-{n}")
    ctx.close()
    return times, memory


def latencies(
    pw: Playwright, base: str, page: str, tmp: Path, clicks: int
) -> tuple[dict[str, list[float]], dict[str, Memory]]:
    profile = tmp / "profile-warm"
    ctx = open_profile(pw, profile)
    tab = ctx.pages[0] if ctx.pages else ctx.new_page()
    tab.goto(base + page)
    tab.wait_for_function(DONE.format(n=1), timeout=TIMEOUT_MS)
    settle_ours(ctx)
    memory = {"first visit, 1 run": memory_now(ctx, profile)}
    pid = bench_memory.tab_renderer(profile)

    def phase_done(label: str) -> None:
        """This phase's own peak (its last spare restored), then the mark set back."""
        nonlocal pid
        tab.wait_for_timeout(SETTLE_MS)
        if bench_memory.tab_renderer(profile) != pid:  # the tab moved: a new process
            pid, label = bench_memory.tab_renderer(profile), label + " (new process)"
        memory[label] = bench_memory.read(profile, pid)
        bench_memory.reset_peak(pid)

    bench_memory.reset_peak(pid)
    out: dict[str, list[float]] = {
        "run, 1 s apart": [],
        "run, back to back": [],
        "stop -> next result": [],
        "check": [],
    }
    for _ in range(clicks):
        tab.wait_for_timeout(1000)
        out["run, 1 s apart"].append(tab.evaluate(RUN_ONCE))
    phase_done(f"{clicks} runs, 1 s apart")
    for _ in range(clicks):
        out["run, back to back"].append(tab.evaluate(RUN_ONCE))
    phase_done(f"{clicks} runs, back to back")
    for _ in range(5):
        tab.wait_for_timeout(1000)
        out["stop -> next result"].append(tab.evaluate(STOP_THEN_RUN))
    phase_done("5 stops")
    tab.goto(base + "gates/sigmoid/")
    tab.wait_for_function("window.bpRuntime && window.bpRuntime.isReady", timeout=TIMEOUT_MS)
    phase_done("open gates/sigmoid/")
    for _ in range(clicks):
        tab.wait_for_timeout(1000)
        out["check"].append(tab.evaluate(CHECK_ONCE))
    phase_done(f"{clicks} checks")
    ctx.close()
    return out, memory


def report(
    rounds: list[dict[str, float]],
    lat: dict[str, list[float]],
    memory: list[dict[str, Memory]],
    warm: dict[str, Memory],
) -> None:
    med = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
    print(f"Visits in a persistent profile, median of {len(rounds)} rounds (ms to first result)")
    print("=" * 78)
    rows = [
        ("first visit", "ours first", "bare first", TARGETS["first"]),
        ("return visit", "ours return", "bare return", TARGETS["return"]),
    ]
    print(f"  {'visit':<22}{'ours':>9}{'bare':>9}{'ours/bare':>11}   target")
    for label, ours, bare, target in rows:
        ratio = med[ours] / med[bare]
        mark = "met" if ratio <= target else "MISSED"
        print(f"  {label:<22}{med[ours]:>9.0f}{med[bare]:>9.0f}{ratio:>11.2f}   <= {target} {mark}")
    print(f"  {'offline return visit':<22}{med['ours offline return']:>9.0f}")
    print("-" * 78)
    print(f"  {'in a warm tab':<22}{'p50':>9}{'p95':>9}{'n':>5}   target")
    for label, values in lat.items():
        p50, p95 = percentile(values, 50), percentile(values, 95)
        target = TARGETS["check_p50"] if label == "check" else TARGETS["run_p50"]
        met = "met" if p50 <= target else "MISSED"
        mark = f"p50 <= {target:.0f} {met}" if label in ("run, 1 s apart", "check") else ""
        print(f"  {label:<22}{p50:>9.0f}{p95:>9.0f}{len(values):>5}   {mark}")
    bench_memory.report(memory, warm)
    print("=" * 78)
    for r in rounds:
        print("  round: " + ", ".join(f"{k} {v:.0f}" for k, v in r.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--page", default="gates/multiply/")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clicks", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-visits-") as tmp:
        tmp_dir = Path(tmp)
        site, port = site_to_measure(args.site, tmp_dir)
        bench_dir = tmp_dir / "bench"
        bench_dir.mkdir()
        (bench_dir / "bare.html").write_text(BARE_HTML, encoding="utf-8")
        material = "bench/" + write_material_only(site, args.page, bench_dir)
        with serve(site, port, bench_dir) as base, sync_playwright() as pw:
            rounds, memory = [], []
            for n in range(args.rounds):
                print(f"round {n + 1} ...", file=sys.stderr)
                times, visits_memory = one_round(pw, base, args.page, material, tmp_dir, n)
                rounds.append(times)
                memory.append(visits_memory)
            print("latencies ...", file=sys.stderr)
            lat, warm = latencies(pw, base, args.page, tmp_dir, args.clicks)
    report(rounds, lat, memory, warm)


if __name__ == "__main__":
    main()
