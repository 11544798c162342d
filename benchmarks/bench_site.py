"""The site in real Chromium: cold start, warm runs, long tasks, bytes.

    .venv/bin/python benchmarks/bench_site.py              # builds the site into a temp dir
    .venv/bin/python benchmarks/bench_site.py --site DIR   # or measures a built site

Prints a table; asserts nothing about time (the targets are printed beside the
numbers). One local static server (threaded http.server on 127.0.0.1, .mjs as
text/javascript, .wasm as application/wasm), Debian's Chromium driven by
Playwright, a new browser context (empty cache) for every cold sample. Every
time is taken inside the page with performance.now(), i.e. from the start of
the navigation, by an init script (a MutationObserver on data-state):

(1) cold start, median of --samples, the variants interleaved (after one
    unrecorded warm-up round):
    * bare: /bench/bare.html, added by this script next to the site, imports
      assets/pyodide/pyodide.mjs on the main thread, loads the backprop_core
      package from the site's lock file, runs one expression and writes the
      result into the DOM;
    * ours: the gate page, whose first Run button is clicked as soon as that
      can work (see INIT_SCRIPT); the result is the block reaching
      data-state="done". Its run includes drawing the circuit (an SVG),
      which the bare page does not do;
    * bare-worker: /bench/bare-worker.html, the bare page's start in the
      site's own worker.js over its private channel (what a Web Worker and
      the runner's clean-state set-up cost by themselves); our page's
      target is a ratio to this one.
    Each context waits SETTLE_MS before it navigates (see cold_sample).
(2) warm runs: after the runtime has started, --warm-runs real clicks on Run;
    click (capturing listener) → data-state="done", p50 and p95.
(3) main-thread long tasks (PerformanceObserver 'longtask', buffered) from
    navigation to the first result of our page, per cold sample (median);
    for context, the same page without our script (Material alone) over the
    same time.
(4) bytes of a first visit to our page including Run: Playwright's
    request.sizes() of every finished request of the browser context, the
    Web Workers' (Pyodide's wasm, stdlib, lock file, wheel; the search
    worker's scripts) included, until the network has been quiet for 2 s.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import math
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Request, sync_playwright

# The same Chromium flags and MIME types as the browser tests.
from tests.browser.conftest import CHROMIUM_ARGS, MIME, find_chromium

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"ratio": 1.15, "worker_ratio": 1.10, "warm_p50": 100.0, "longtasks": 200.0}
TIMEOUT_MS = 120_000
SETTLE_MS = 1500
QUIET_MS, BYTES_WAIT_MS = 2000, 15_000  # the byte count ends after 2 s without a request

BARE_HTML = """<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>bare Pyodide</title>
<pre id="out" data-state="static"></pre>
<script type="module">
  const mark = (name) => window.__bench && window.__bench.mark(name);
  const indexURL = new URL("../assets/pyodide/", location.href).href;
  const { loadPyodide } = await import("../assets/pyodide/pyodide.mjs");
  mark("pyodide.mjs imported");
  const pyodide = await loadPyodide({ indexURL, fullStdLib: false });
  mark("loadPyodide done");
  await pyodide.loadPackage(["backprop_core"], { messageCallback: () => {} });
  mark("package loaded");
  const result = pyodide.runPython(
    "from backprop_core import Value\\nf = Value(-2.0) * Value(3.0)\\nf.backward()\\n"
    + "print(f.data)\\nf'{f.data} {f._prev and 1}'"
  );
  const out = document.getElementById("out");
  out.textContent = String(result);
  out.dataset.state = "done";
</script>
</html>
"""

# For context: the same start in a Web Worker (the site's own worker.js and
# its messages, see web/worker.js), on a page with nothing else.
BARE_WORKER_HTML = """<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>bare Pyodide in a Web Worker</title>
<pre id="out" data-state="static"></pre>
<script type="module">
  const out = document.getElementById("out");
  const worker = new Worker("../assets/bp/worker.js?v=bench", { type: "module" });
  const channel = new MessageChannel();
  channel.port1.onmessage = ({ data }) => {
    if (data.type === "ready") {
      window.__bench && window.__bench.mark("ready");
      const code = "from backprop_core import Value\\nf = Value(-2.0) * Value(3.0)\\n"
        + "f.backward()\\nprint(f.data)";
      const cells = [{ code, filename: "bare.py" }];
      channel.port1.postMessage({ type: "run", id: 1, cells, lang: "en" });
    } else if (data.type === "output") {
      out.textContent += data.chunks.map((chunk) => chunk[1]).join("");
    } else if (data.type === "done") {
      out.dataset.state = "done";
    }
  };
  worker.postMessage({ type: "connect", lockName: "" }, [channel.port2]);
</script>
</html>
"""

SITE_SCRIPT = re.compile(r'<script type="module" src="[^"]*assets/bp/site\.js(\?[^"]*)?"></script>')

# Installed in every page before its own scripts run. Records milestones in
# window.__bench.marks (ms since navigation start): when the runner has set up
# the first block (data-bp-ready), each click on Run and each time the block
# reaches data-state="done"; also long tasks and Worker constructions. With
# window.__benchClickRun it clicks the first Run button as soon as that can
# work (a click before the runner has set the block up is lost): in the task
# after data-bp-ready appears, as a reader's click would be a task of its own.
# Clicking from inside the page keeps the harness's own latency (Playwright's
# actionability checks take 100-300 ms here) out of the page's time.
INIT_SCRIPT = """
(() => {
  const B = (window.__bench = {
    marks: {}, longtasks: [], workers: [], clicks: [], dones: [], status: [],
  });
  const now = () => performance.now();
  B.mark = (name) => { if (!(name in B.marks)) B.marks[name] = now(); };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.longtasks.push({ start: e.startTime, duration: e.duration,
          attribution: (e.attribution || []).map((a) => a.containerSrc || a.name).join(",") });
      }
    }).observe({ type: "longtask", buffered: true });
  } catch (error) {
    B.longtaskError = String(error);
  }
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      B.workers.push({ url: String(url), t: now() });
      super(url, options);
    }
  };
  document.addEventListener("DOMContentLoaded", () => B.mark("DOMContentLoaded"));
  addEventListener("load", () => B.mark("load"));
  document.addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest('[data-action="run"]')) {
      B.mark("click");
      B.clicks.push(now());
    }
  }, true);
  const target = () => document.querySelector(".bp-run, #out");
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target;
      if (el !== target()) continue;
      if (r.attributeName === "data-bp-ready" && !B.target) {
        B.target = el;
        B.mark("Run clickable");
        if (window.__benchClickRun) {
          // The reader's click, as early as it can work: in the next task.
          setTimeout(() => el.querySelector('[data-action="run"]').click(), 0);
        }
        const status = el.querySelector('[data-role="status"]');
        if (status) {
          new MutationObserver(() => B.status.push([now(), status.textContent]))
            .observe(status, { childList: true, characterData: true, subtree: true });
        }
      } else if (r.attributeName === "data-state") {
        const state = el.getAttribute("data-state");
        B.mark("state " + state);
        if (state === "done") B.dones.push(now());
      }
    }
  }).observe(document, { subtree: true, attributes: true,
    attributeFilter: ["data-state", "data-bp-ready"] });
})();
"""

DONE = "window.__bench && window.__bench.dones.length >= {n}"


# --- building and serving ------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def build_site(out: Path, port: int, strict: bool) -> None:
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)]
    cmd.append("--strict" if strict else "--no-strict")
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{done.stderr[-5000:]}")


def site_port(site: Path) -> int | None:
    """The port the site was built for (its canonical links), if it is local."""
    index = site / "index.html"
    if not index.exists():
        return None
    m = re.search(r'<link rel="canonical" href="([^"]+)"', index.read_text(encoding="utf-8"))
    if not m:
        return None
    parts = urlsplit(m[1])
    return parts.port if parts.hostname in ("127.0.0.1", "localhost") else None


def site_to_measure(given: Path | None, tmp_dir: Path, strict: bool = False) -> tuple[Path, int]:
    """The built site given (served on the port it was built for, if free), or a new
    build into tmp_dir: the site's folder and the port to serve it on."""
    if given is None:
        port = free_port()
        site = tmp_dir / "site"
        print(f"building the site into {site} ...", file=sys.stderr)
        build_site(site, port, strict)
        return site, port
    site = given.resolve()
    built_for = site_port(site)
    port = built_for if built_for and port_is_free(built_for) else free_port()
    if built_for and port != built_for:
        print(
            f"note: {site} was built for port {built_for}, which is busy; serving on "
            f"{port} (instant navigation is not measured, so this is harmless)",
            file=sys.stderr,
        )
    return site, port


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME}
    bench_dir: Path

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if clean.startswith("/bench/"):
            return str(self.bench_dir / clean[len("/bench/") :])
        return super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path, port: int, bench_dir: Path) -> Iterator[str]:
    handler = functools.partial(Handler, directory=str(site))
    Handler.bench_dir = bench_dir
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


# --- measuring -------------------------------------------------------------------


@dataclass
class Sample:
    done_ms: float
    marks: dict[str, float]
    longtasks: list[dict[str, Any]]
    workers: list[dict[str, Any]]
    status: list[tuple[float, str]]
    requests: list[dict[str, Any]] = field(default_factory=list)
    clicks: list[float] = field(default_factory=list)
    dones: list[float] = field(default_factory=list)

    def long_total(self, until: float | None = None) -> float:
        until = self.done_ms if until is None else until
        return sum(t["duration"] for t in self.longtasks if t["start"] < until)


def request_record(request: Request, time_origin: list[float]) -> dict[str, Any]:
    sizes = request.sizes()
    timing = request.timing
    start = timing["startTime"] - time_origin[0] if time_origin else math.nan
    end = start + timing["responseEnd"] if timing["responseEnd"] >= 0 else math.nan
    return {
        "url": request.url,
        "type": request.resource_type,
        "body": sizes["responseBodySize"],
        "headers": sizes["responseHeadersSize"] + sizes["requestHeadersSize"],
        "start": start,
        "end": end,
    }


def cold_sample(
    browser: Browser,
    url: str,
    click_run: bool,
    record_bytes: bool = False,
    window_ms: float | None = None,
) -> tuple[Sample, BrowserContext]:
    """One navigation in a fresh context, up to the first result (or for window_ms).

    Returns the sample and the context, still open.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(f"window.__benchClickRun = {str(click_run).lower()};\n{INIT_SCRIPT}")
    finished: list[Request] = []
    failed: list[str] = []
    if record_bytes:
        context.on("requestfinished", lambda r: finished.append(r))
        context.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))
    page = context.new_page()
    # A new context opens a new browser window, and Chromium builds that window's
    # omnibox popup (a WebUI renderer, ~0.7 s of CPU) right then: let it finish
    # first, or it competes with the page for this machine's cores.
    page.wait_for_timeout(SETTLE_MS)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="commit")
    if window_ms is None:
        page.wait_for_function(DONE.format(n=1), timeout=TIMEOUT_MS, polling=50)
    else:
        page.wait_for_timeout(window_ms)
    page.wait_for_timeout(300)  # late long tasks and requests (not counted in the time)
    if record_bytes:
        # What a first visit fetches a little later counts too: Material's search
        # index setup and the editor's chunk wait until Python is ready.
        quiet_since, seen = 0.0, -1
        for _ in range(int(BYTES_WAIT_MS / 100)):
            if len(finished) != seen:
                seen, quiet_since = len(finished), 0.0
            elif (quiet_since := quiet_since + 100) >= QUIET_MS:
                break
            page.wait_for_timeout(100)
    data = page.evaluate(
        "() => ({origin: performance.timeOrigin, marks: __bench.marks,"
        " longtasks: __bench.longtasks, workers: __bench.workers, status: __bench.status,"
        " clicks: __bench.clicks, dones: __bench.dones, error: __bench.longtaskError || null})"
    )
    if errors:
        print(f"  note: page errors on {url}: {errors}", file=sys.stderr)
    if failed:
        print(f"  note: failed requests on {url}: {failed}", file=sys.stderr)
    sample = Sample(
        done_ms=data["dones"][0] if window_ms is None else window_ms,
        marks=data["marks"],
        longtasks=data["longtasks"],
        workers=data["workers"],
        status=data["status"],
        clicks=data["clicks"],
        dones=data["dones"],
    )
    origin = [data["origin"]]
    sample.requests = [request_record(r, origin) for r in finished]
    return sample, context


def warm_runs(context: BrowserContext, runs: int) -> list[float]:
    """Real clicks on the first Run button of the (already started) page."""
    page = context.pages[0]
    block = page.locator(".bp-run").first
    button = block.locator('[data-action="run"]')
    before = page.evaluate("__bench.dones.length")
    for i in range(runs):
        page.wait_for_timeout(50)  # let the page settle between runs (not measured)
        button.click()
        page.wait_for_function(DONE.format(n=before + i + 1), timeout=TIMEOUT_MS, polling=10)
    clicks, dones = page.evaluate("[__bench.clicks, __bench.dones]")
    clicks, dones = clicks[-runs:], dones[-runs:]
    return [d - c for c, d in zip(clicks, dones)]


# --- reporting --------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def med(values: list[float]) -> float:
    values = [v for v in values if not math.isnan(v)]
    return statistics.median(values) if values else math.nan


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def file_kind(url: str) -> str:
    path = urlsplit(url).path
    name = path.rsplit("/", 1)[-1]
    if name.endswith(".asm.wasm"):
        return "wasm (Pyodide)"
    if name == "python_stdlib.zip":
        return "Python stdlib (zip)"
    if name.endswith(".whl"):
        return "wheel"
    if "/assets/pyodide/" in path and name.endswith((".mjs", ".js")):
        return "JS (Pyodide)"
    if name.endswith((".js", ".mjs")):
        return "JS (site)"
    if name.endswith(".css"):
        return "CSS"
    if name.endswith((".woff2", ".woff", ".ttf")):
        return "fonts"
    if name.endswith(".json"):
        return "JSON (lock file, search index)"
    if name.endswith(".html") or path.endswith("/"):
        return "HTML"
    return "other"


def fmt_ms(v: float) -> str:
    return "-" if math.isnan(v) else f"{v:,.0f}"


def fmt_bytes(n: float) -> str:
    if n >= 2**20:
        return f"{n / 2**20:,.2f} MiB"
    return f"{n / 1024:,.1f} KiB"


def timeline(samples: list[Sample], names: list[str]) -> list[tuple[str, float]]:
    return [(name, med([s.marks.get(name, math.nan) for s in samples])) for name in names]


def worker_start(s: Sample) -> float:
    ours = [w["t"] for w in s.workers if "worker.js" in w["url"] and "search" not in w["url"]]
    return ours[0] if ours else math.nan


def status_time(s: Sample, text: str) -> float:
    return next((t for t, content in s.status if text in content), math.nan)


def request_time(s: Sample, name: str, key: str) -> float:
    return next((r[key] for r in s.requests if r["url"].split("?")[0].endswith(name)), math.nan)


def report(
    *,
    chromium: str,
    site: Path,
    page: str,
    bare: list[Sample],
    worker: list[Sample],
    ours: list[Sample],
    material: list[Sample],
    warm: list[float],
    bytes_sample: Sample,
) -> None:
    bare_t = [s.done_ms for s in bare]
    worker_t = [s.done_ms for s in worker]
    ours_t = [s.done_ms for s in ours]
    ratio = med(ours_t) / med(bare_t)
    p50, p95 = percentile(warm, 50), percentile(warm, 95)
    longs = [s.long_total() for s in ours]
    long_med = med(longs)

    w = 78
    print("=" * w)
    print(f"Site benchmark: {chromium}")
    print(f"site {site}, page {page}")
    print(
        f"{len(ours)} cold samples per variant (median; fresh context each), {len(warm)} warm runs"
    )
    print("=" * w)
    print("(1) cold start, navigation -> first Python result (ms)")
    print(f"  {'variant':<44}{'median':>9}{'min':>8}{'max':>8}")
    for name, ts in (
        ("bare Pyodide page (main thread)", bare_t),
        ("  context: bare page, Pyodide in worker.js", worker_t),
        (f"{page} (Run at once)", ours_t),
    ):
        print(f"  {name:<44}{fmt_ms(med(ts)):>9}{fmt_ms(min(ts)):>8}{fmt_ms(max(ts)):>8}")
    print(
        f"  ratio ours / bare: {ratio:.3f}   (target <= {TARGETS['ratio']}: "
        f"{verdict(ratio <= TARGETS['ratio'])})"
    )
    worker_ratio = med(ours_t) / med(worker_t)
    print(
        f"  ratio ours / bare in a worker: {worker_ratio:.3f}   (target <= "
        f"{TARGETS['worker_ratio']}: {verdict(worker_ratio <= TARGETS['worker_ratio'])})"
    )
    print(f"  context: bare in a worker / bare {med(worker_t) / med(bare_t):.2f}")
    print("  milestones, median ms from navigation:")
    print(
        "    bare: "
        + ", ".join(
            f"{n} {fmt_ms(t)}"
            for n, t in timeline(
                bare,
                ["DOMContentLoaded", "pyodide.mjs imported", "loadPyodide done", "package loaded"],
            )
        )
        + f", result {fmt_ms(med(bare_t))}"
    )
    steps = [
        ("DOMContentLoaded", med([s.marks.get("DOMContentLoaded", math.nan) for s in ours])),
        ("Run clickable", med([s.marks.get("Run clickable", math.nan) for s in ours])),
        ("clicked", med([s.marks.get("click", math.nan) for s in ours])),
        ("loading", med([s.marks.get("state loading", math.nan) for s in ours])),
        ("new Worker", med([worker_start(s) for s in ours])),
        ("wasm requested", med([request_time(s, "pyodide.asm.wasm", "start") for s in ours])),
        ("wasm received", med([request_time(s, "pyodide.asm.wasm", "end") for s in ours])),
        ("Pyodide loaded (70 %)", med([status_time(s, "70") for s in ours])),
        ("running", med([s.marks.get("state running", math.nan) for s in ours])),
        ("done", med(ours_t)),
    ]
    print("    ours: " + ", ".join(f"{n} {fmt_ms(t)}" for n, t in steps))
    print("-" * w)
    print("(2) warm run, click -> data-state=done (ms)")
    print(
        f"  p50 {p50:,.1f}   p95 {p95:,.1f}   min {min(warm):,.1f}   max {max(warm):,.1f}"
        f"   (target p50 <= {TARGETS['warm_p50']:.0f}: {verdict(p50 <= TARGETS['warm_p50'])})"
    )
    print("-" * w)
    print("(3) main-thread long tasks, navigation -> first result of our page")
    counts = [len([t for t in s.longtasks if t["start"] < s.done_ms]) for s in ours]
    longest = [
        max([t["duration"] for t in s.longtasks if t["start"] < s.done_ms] or [0]) for s in ours
    ]
    print(
        f"  total {long_med:,.0f} ms (median; samples {', '.join(f'{v:.0f}' for v in longs)}),"
        f" {med(counts):.0f} tasks, longest {med(longest):,.0f} ms"
        f"   (target <= {TARGETS['longtasks']:.0f}: {verdict(long_med <= TARGETS['longtasks'])})"
    )
    bare_long = med([s.long_total() for s in bare])
    material_long = med([s.long_total() for s in material])
    print(
        f"  context: the same page without our script (Material alone, same window):"
        f" {material_long:,.0f} ms; the bare page (Pyodide on the main thread): {bare_long:,.0f} ms"
    )
    if ours and ours[0].longtasks:
        worst = sorted(ours[len(ours) // 2].longtasks, key=lambda t: -t["duration"])[:5]
        print(
            "  longest in one sample (start ms: duration ms): "
            + ", ".join(f"{t['start']:.0f}: {t['duration']:.0f}" for t in worst)
        )
    print("-" * w)
    reqs = bytes_sample.requests
    total = sum(r["body"] + r["headers"] for r in reqs)
    body = sum(r["body"] for r in reqs)
    print(
        f"(4) bytes of a first visit to {page} including Run: {fmt_bytes(total)}"
        f" ({body:,} body + {total - body:,} headers, {len(reqs)} requests)"
    )
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in reqs:
        kinds[file_kind(r["url"])][0] += r["body"]
        kinds[file_kind(r["url"])][1] += 1
    print(f"  {'by type':<36}{'bytes':>14}{'share':>8}{'files':>7}")
    for kind, (n, count) in sorted(kinds.items(), key=lambda kv: -kv[1][0]):
        print(f"  {kind:<36}{fmt_bytes(n):>14}{n / body:>8.1%}{count:>7}")
    print(f"  {'biggest files':<52}{'bytes':>14}")
    for r in sorted(reqs, key=lambda r: -r["body"])[:8]:
        path = urlsplit(r["url"]).path
        print(f"  {path[-52:]:<52}{fmt_bytes(r['body']):>14}")
    print("=" * w)


# --- main -------------------------------------------------------------------------


def write_material_only(site: Path, page: str, bench_dir: Path) -> str:
    """Our page without our script (Material alone), at the same depth (its links are
    relative) under bench_dir: its path there."""
    depth = len(page.strip("/").split("/"))
    path = "/".join(["material-only", *["x"] * (depth - 2)]) + "/"
    page_html, found = SITE_SCRIPT.subn("", (site / page / "index.html").read_text("utf-8"))
    if found != 1:
        sys.exit(f"{page}: expected one <script> of assets/bp/site.js, found {found}")
    (bench_dir / path).mkdir(parents=True)
    (bench_dir / path / "index.html").write_text(page_html, encoding="utf-8")
    return path


def chromium_path() -> str:
    path = find_chromium()
    if not path:
        sys.exit("Chromium is missing (Debian: apt-get install chromium)")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--site", type=Path, help="a built site (default: build one into a temp dir)"
    )
    parser.add_argument("--strict", action="store_true", help="build with mkdocs --strict")
    parser.add_argument("--page", default="gates/multiply/", help="the page to measure")
    parser.add_argument("--samples", type=int, default=5, help="cold samples per variant")
    parser.add_argument("--warm-runs", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        tmp_dir = Path(tmp)
        site, port = site_to_measure(args.site, tmp_dir, args.strict)
        bench_dir = tmp_dir / "bench"
        bench_dir.mkdir()
        (bench_dir / "bare.html").write_text(BARE_HTML, encoding="utf-8")
        (bench_dir / "bare-worker.html").write_text(BARE_WORKER_HTML, encoding="utf-8")
        material_path = write_material_only(site, args.page, bench_dir)

        with serve(site, port, bench_dir) as origin, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            chromium = f"Chromium {browser.version}"
            ours_url = origin + args.page
            bare: list[Sample] = []
            worker: list[Sample] = []
            ours: list[Sample] = []
            material: list[Sample] = []
            warm: list[float] = []
            bytes_sample: Sample | None = None
            # Variants interleaved, so that whatever else this machine does hits them alike.
            for i in range(args.samples + 1):  # round 0 warms the browser up, not recorded
                print(f"cold samples, round {i}/{args.samples} ...", file=sys.stderr)
                s, ctx = cold_sample(browser, origin + "bench/bare.html", click_run=False)
                ctx.close()
                if i:
                    bare.append(s)
                s, ctx = cold_sample(browser, origin + "bench/bare-worker.html", click_run=False)
                ctx.close()
                if i:
                    worker.append(s)
                s, ctx = cold_sample(browser, ours_url, click_run=True, record_bytes=True)
                if i:
                    ours.append(s)
                    bytes_sample = bytes_sample or s
                if i == 1:
                    print("warm runs ...", file=sys.stderr)
                    warm = warm_runs(ctx, args.warm_runs)
                ctx.close()
                if i:
                    window = med([o.done_ms for o in ours])
                    url = origin + "bench/" + material_path
                    s, ctx = cold_sample(browser, url, click_run=False, window_ms=window)
                    ctx.close()
                    material.append(s)
            browser.close()
        assert bytes_sample is not None
        report(
            chromium=chromium,
            site=args.site or Path("(temp build)"),
            page=args.page,
            bare=bare,
            worker=worker,
            ours=ours,
            material=material,
            warm=warm,
            bytes_sample=bytes_sample,
        )


if __name__ == "__main__":
    main()
