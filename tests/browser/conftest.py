"""Real Chromium against the real built site, served from a local static server.

The site is built once per session (strict) with ``SITE_URL`` pointing at the
test server, and once more for a sub-path (``/mirror/backprop/``), the way a
GitHub Pages project site is served. Chromium is Debian's (``make test``
installs it); Playwright drives it, since Playwright's own browser download
cannot work offline.
"""

from __future__ import annotations

import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, sync_playwright

from tests.browser.blocks import wait_ready
from tests.conftest import SUB_PATH, BuiltSite
from tests.pages import url

# The root build served again with cross-origin isolation (COOP/COEP), so that
# Stop can interrupt Python through SharedArrayBuffer instead of ending the worker.
ISOLATED_PATH = "/isolated/"
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


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the root build at / and the sub-path build under SUB_PATH."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME}
    roots: dict[str, Path] = {}

    def translate_path(self, path: str) -> str:
        for prefix, root in sorted(self.roots.items(), key=lambda kv: -len(kv[0])):
            if path.startswith(prefix):
                rel = path[len(prefix) :].split("?", 1)[0].split("#", 1)[0]
                return str(root / rel.lstrip("/"))
        return str(Path("/nonexistent"))

    def end_headers(self) -> None:
        if self.path.startswith(ISOLATED_PATH):
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
            self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@dataclass
class SiteServer:
    origin: str
    root_dir: Path
    sub_dir: Path

    def url(self, path: str = "", sub_path: bool = False, isolated: bool = False) -> str:
        prefix = SUB_PATH if sub_path else ISOLATED_PATH if isolated else "/"
        return f"{self.origin}{prefix}{path}"


@pytest.fixture(scope="session")
def site(built_site: BuiltSite) -> Iterator[SiteServer]:
    # The sub-path build started in the background when the first build was done.
    assert built_site.sub_path_build is not None, "browser tests were not collected"
    sub_dir = built_site.sub_path_build.wait()
    Handler.roots = {"/": built_site.path, SUB_PATH: sub_dir, ISOLATED_PATH: built_site.path}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", built_site.port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SiteServer(built_site.origin, built_site.path, sub_dir)
    server.shutdown()


def find_chromium() -> str | None:
    """Debian's Chromium (``make test`` installs it), or ``$CHROMIUM``."""
    return (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        path = find_chromium()
        if not path:
            pytest.fail("Chromium is missing: run `make test` (it installs Debian's chromium)")
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
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


def failed(request: Request) -> bool:
    """A request that failed, not one the browser abandoned because its page or
    worker went away (a reload, a link followed while Python still loads):
    a missing file is a response >= 400, a refused or foreign request its own
    net:: error, and both still count."""
    return request.failure != "net::ERR_ABORTED"


def watched_page(context: BrowserContext, traffic: Traffic) -> Page:
    """A new tab whose requests, failures and uncaught errors go into ``traffic``."""
    p = context.new_page()

    def on_request(request: Request) -> None:
        traffic.requests.append(request.url)

    p.on("requestfailed", lambda r: failed(r) and traffic.failures.append(f"{r.url} {r.failure}"))
    p.on("response", lambda r: r.status >= 400 and traffic.failures.append(f"{r.status} {r.url}"))
    p.on("pageerror", lambda e: traffic.errors.append(str(e)))
    context.on("request", on_request)  # every page's and worker's requests
    return p


def assert_clean(traffic: Traffic) -> None:
    """Nothing left the site's origin, nothing failed, nothing threw."""
    assert not traffic.foreign(), f"requests left the site's origin: {traffic.foreign()}"
    assert not traffic.errors, f"uncaught errors in the page: {traffic.errors}"
    assert not traffic.failures, f"failed requests: {traffic.failures}"


@pytest.fixture
def page(context: BrowserContext, traffic: Traffic) -> Iterator[Page]:
    yield watched_page(context, traffic)
    assert_clean(traffic)


def instant_navigate(page: Page, href: str) -> None:
    """Follow an internal link the way a reader does: Material swaps the content only.

    Waits for the new address's path, whatever its fragment: navigation.tracking
    writes the heading in view into the fragment, and during the swap that can be
    an anchor of the page being left (a dot in `#backprop_core.datasets.circles`).
    """
    target = page.evaluate(
        """(href) => {
          const a = document.createElement("a");
          a.href = new URL(href, location.href).href;
          a.id = "bp-test-link";
          a.textContent = "go";
          document.querySelector("article").append(a);
          window.__sameDocument = true;
          for (const old of document.querySelectorAll("article")) old.dataset.bpLeft = "";
          return a.href;
        }""",
        href,
    )
    path = urlsplit(target).path
    page.locator("#bp-test-link").click()
    page.wait_for_url(lambda address: urlsplit(address).path == path)
    # Material changes the address before it swaps the content in: wait for the new article.
    page.wait_for_function(
        """() => {
          const article = document.querySelector("article");
          return article !== null && !("bpLeft" in article.dataset);
        }"""
    )
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded"


class Reader:
    """One tab per language that goes from page to page the way a reader does.

    Material's instant navigation swaps the content and keeps the worker, so
    Python starts once per language rather than once per page: every run
    after the first also proves that a run starts clean after other pages' runs.
    """

    def __init__(self, browser: Browser, site: SiteServer) -> None:
        self.browser, self.site = browser, site
        self.tabs: dict[str, tuple[BrowserContext, Page, Traffic]] = {}

    def open(self, page_name: str, lang: str) -> Page:
        target = self.site.url(url(page_name, lang))
        if lang not in self.tabs:
            context = self.browser.new_context(viewport={"width": 1280, "height": 900})
            context.set_default_timeout(60_000)
            traffic = Traffic(self.site.origin)
            self.tabs[lang] = (context, watched_page(context, traffic), traffic)
            self.tabs[lang][1].goto(target)
            return self.tabs[lang][1]
        _, tab, _ = self.tabs[lang]
        if urlsplit(tab.url).path != urlsplit(target).path:  # (not when already there)
            # A link followed while Python still loads is a full page load: wait.
            wait_ready(tab)
            instant_navigate(tab, target)
        return tab

    def assert_clean(self, lang: str) -> None:
        assert_clean(self.tabs[lang][2])

    def close(self) -> None:
        for context, _, _ in self.tabs.values():
            context.close()


@pytest.fixture(scope="module")
def reader(browser: Browser, site: SiteServer) -> Iterator[Reader]:
    r = Reader(browser, site)
    yield r
    r.close()
