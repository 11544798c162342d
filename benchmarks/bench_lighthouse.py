"""Lighthouse scores of four pages: accessibility, best practices, SEO.

    .venv/bin/python benchmarks/bench_lighthouse.py              # builds the site into a temp dir
    .venv/bin/python benchmarks/bench_lighthouse.py --site DIR   # or scores a built site

Prints a table (and, per page, the audits that lost points); asserts nothing.
Lighthouse runs Debian's Chromium (CHROME_PATH) against a local static server,
desktop preset, one run per page. `make bench` installs Lighthouse on demand
into benchmarks/lighthouse/node_modules from its own lock file: it is ~110 MB
and only this benchmark needs it, so `make setup`, `make test` and CI never
fetch it.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.browser.conftest import CHROMIUM_ARGS, MIME, find_chromium

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "en home": "",
    "en gates/multiply": "gates/multiply/",
    "zh staged-computation": "zh/staged-computation/",
    "de training/neural-net": "de/training/neural-net/",
}
CATEGORIES = ("accessibility", "best-practices", "seo")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME}

    def log_message(self, format: str, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(site: Path, port: int) -> Iterator[str]:
    handler = functools.partial(Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()


def build_site(out: Path, port: int) -> None:
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{done.stderr[-5000:]}")


def lighthouse(url: str, chromium: str, report: Path) -> dict[str, object]:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--preset=desktop",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={flags}",
    ]
    env = {**os.environ, "CHROME_PATH": chromium}
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0 or not report.exists():
        sys.exit(f"lighthouse failed on {url}:\n{done.stderr[-3000:]}")
    result: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
    return result


def lost_points(result: dict[str, object]) -> list[str]:
    """The audits of our categories that did not score full marks."""
    audits = result["audits"]
    categories = result["categories"]
    assert isinstance(audits, dict) and isinstance(categories, dict)
    lost = []
    for category in CATEGORIES:
        for ref in categories[category]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                items = (audit.get("details") or {}).get("items") or []
                where = [i["node"]["selector"] for i in items[:3] if "node" in i]
                lost.append(f"{category}: {audit['id']} ({audit['title']}) {', '.join(where)}")
    return lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--port", type=int, help="the port the --site was built for")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: `make bench` installs it (benchmarks/lighthouse)")
    chromium = find_chromium()
    if not chromium:
        sys.exit("Chromium is missing: run scripts/ensure-chromium.sh")
    with tempfile.TemporaryDirectory() as tmp:
        port = args.port or free_port()
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build_site(site, port)
        rows, notes = [], []
        with serve(site, port) as origin:
            for name, path in PAGES.items():
                result = lighthouse(origin + path, chromium, Path(tmp) / "report.json")
                categories = result["categories"]
                assert isinstance(categories, dict)
                scores = [round(100 * categories[c]["score"]) for c in CATEGORIES]
                rows.append((name, *scores))
                notes += [f"  {name}: {lost}" for lost in lost_points(result)]
                version = result["lighthouseVersion"]
    print(f"Lighthouse {version}, desktop preset, Debian Chromium")
    print(f"| page | {' | '.join(CATEGORIES)} |")
    print(f"|---|{'---:|' * len(CATEGORIES)}")
    for name, *scores in rows:
        print(f"| {name} | {' | '.join(str(s) for s in scores)} |")
    if notes:
        print("audits that lost points:")
        print("\n".join(notes))


if __name__ == "__main__":
    main()
