"""Real Chromium against the real built site, served from a local static server.

The site is built once per session (strict) with ``SITE_URL`` pointing at the
test server, and once more for a sub-path (``/mirror/backprop/``), the way a
GitHub Pages project site is served. Chromium is Debian's (``make test``
installs it); Playwright drives it, since Playwright's own browser download
cannot work offline.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, sync_playwright

from tests.pages import ROOT

SUB_PATH = "/mirror/backprop/"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MIME = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_site(site_url: str, out: Path) -> Path:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert done.returncode == 0, f"strict build failed:\n{done.stderr[-5000:]}"
    return out


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the root build at / and the sub-path build under SUB_PATH."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME}
    roots: dict[str, Path] = {}

    def translate_path(self, path: str) -> str:
        for prefix, root in sorted(self.roots.items(), key=lambda kv: -len(kv[0])):
            if path.startswith(prefix):
                rel = path[len(prefix):].split("?", 1)[0].split("#", 1)[0]
                return str(root / rel.lstrip("/"))
        return str(Path("/nonexistent"))

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@dataclass
class SiteServer:
    origin: str
    root_dir: Path
    sub_dir: Path

    def url(self, path: str = "", sub_path: bool = False) -> str:
        return f"{self.origin}{SUB_PATH if sub_path else '/'}{path}"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    base = tmp_path_factory.mktemp("site")
    root_dir = build_site(f"{origin}/", base / "root")
    sub_dir = build_site(f"{origin}{SUB_PATH}", base / "sub")
    handler = functools.partial(Handler)
    Handler.roots = {"/": root_dir, SUB_PATH: sub_dir}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SiteServer(origin, root_dir, sub_dir)
    server.shutdown()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is missing: run `make test` (it installs Debian's chromium)")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Traffic:
    """Every request a page made, to prove the site never leaves its origin."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        allowed = (self.origin, "data:", "blob:", "about:")
        return [u for u in self.requests if not u.startswith(allowed)]


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(60_000)
    yield ctx
    ctx.close()


@pytest.fixture
def traffic(site: SiteServer) -> Traffic:
    return Traffic(site.origin)


@pytest.fixture
def page(context: BrowserContext, traffic: Traffic) -> Iterator[Page]:
    p = context.new_page()

    def on_request(request: Request) -> None:
        traffic.requests.append(request.url)

    p.on("request", on_request)
    p.on("requestfailed", lambda r: traffic.failures.append(f"{r.url} {r.failure}"))
    p.on("response", lambda r: r.status >= 400 and traffic.failures.append(f"{r.status} {r.url}"))
    p.on("pageerror", lambda e: traffic.errors.append(str(e)))
    context.on("request", on_request)  # workers' requests (Pyodide's files) count too
    yield p
    assert not traffic.foreign(), f"requests left the site's origin: {traffic.foreign()}"
    assert not traffic.errors, f"uncaught errors in the page: {traffic.errors}"
    assert not traffic.failures, f"failed requests: {traffic.failures}"
