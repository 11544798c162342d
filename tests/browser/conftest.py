"""Real Chromium against the real built site, served from a local static server.

The site is built once per session (strict) with ``SITE_URL`` pointing at the
test server, and once more for a sub-path (``/mirror/backprop/``), the way a
GitHub Pages project site is served. Chromium is Debian's (``make test``
installs it); Playwright drives it, since Playwright's own browser download
cannot work offline.

Most tests share one persistent browser profile (``warm_context``), warmed
once: Python started, one block run, and the memory snapshot of the ready
runner made and kept there, as on a reader's second visit. Every tab of the
suite then gets its Python from the snapshot (a fraction of a second) instead
of starting it (seconds). Each test has its own tab; what it kept in
localStorage is cleared after it. The service worker is blocked there (and in
every context but the offline tests' own): it is tested by itself.
Tests that change a context (an init script, storage refused, a colour
scheme) make their own with ``fresh_context``.
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
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Request,
    expect,
    sync_playwright,
)

from tests.browser.blocks import wait_ready
from tests.conftest import SUB_PATH, BuiltSite
from tests.pages import url

# expect() retries until its condition holds; its default 5 s is short on a loaded
# two-core machine (CI), where a block's work can wait for another process.
expect.set_options(timeout=15_000)

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
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


def chromium_path() -> str:
    path = find_chromium()
    if not path:
        pytest.fail("Chromium is missing: run `make test` (it installs Debian's chromium)")
    return path


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    b = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield b
    b.close()


VIEWPORT = {"width": 1280, "height": 900}
FORGET_KEPT = """() => {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith("bp:")) localStorage.removeItem(key);
  }
}"""


def persistent_context(
    playwright: Playwright, profile: Path, service_workers: str = "block"
) -> BrowserContext:
    """A browser with a profile on disk: its caches (and V8's code cache) last, like a reader's."""
    ctx = playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=chromium_path(),
        args=CHROMIUM_ARGS,
        viewport=VIEWPORT,
        service_workers=service_workers,  # type: ignore[arg-type]
    )
    ctx.set_default_timeout(60_000)
    return ctx


def wait_snapshot(page: Page, timeout: float = 180_000) -> str:
    """Wait until the page's runtime has a snapshot (or knows it cannot have one)."""
    page.wait_for_function(
        "['ready', 'unavailable'].includes(window.bpRuntime?.snapshotState)", timeout=timeout
    )
    return str(page.evaluate("bpRuntime.snapshotState"))


@pytest.fixture(scope="session")
def warm_context(
    playwright: Playwright, site: SiteServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BrowserContext]:
    """The suite's browser profile, warmed: the next start of Python is a restore."""
    ctx = persistent_context(playwright, tmp_path_factory.mktemp("warm-profile"))
    page = ctx.new_page()
    page.goto(site.url("gates/multiply/"))
    wait_ready(page)
    page.locator(".bp-run").first.locator('[data-action="run"]').click()
    assert wait_snapshot(page) == "ready", "the warm-up made no snapshot"
    page.close()
    yield ctx
    ctx.close()


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
def context(warm_context: BrowserContext) -> BrowserContext:
    """The shared warm profile (do not add init scripts or routes to it: see fresh_context)."""
    return warm_context


@pytest.fixture
def fresh_context(browser: Browser) -> Iterator[BrowserContext]:
    """A context of the test's own, empty (no snapshot: Python starts the normal way)."""
    ctx = browser.new_context(viewport=VIEWPORT, service_workers="block")
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
    """A new tab whose requests, failures and uncaught errors go into ``traffic``
    (its workers' requests too, and while the tab is open other tabs' of the
    context as well: those are the site's too)."""
    p = context.new_page()

    def on_request(request: Request) -> None:
        traffic.requests.append(request.url)

    def on_close(_: Page) -> None:
        context.remove_listener("request", on_request)

    p.on("close", on_close)

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


def close_tab(p: Page) -> None:
    """Close a tab of the shared profile, forgetting what it kept (edits, solved marks)."""
    if p.is_closed():
        return
    try:
        if p.url.startswith("http"):
            p.evaluate(FORGET_KEPT)
    finally:
        p.close()


@pytest.fixture
def page(context: BrowserContext, traffic: Traffic) -> Iterator[Page]:
    p = watched_page(context, traffic)
    yield p
    close_tab(p)
    assert_clean(traffic)


@pytest.fixture(scope="module")
def tab(browser: Browser, site: SiteServer) -> Iterator[Page]:
    """One tab for a whole test module, so that Python starts once for all its
    tests: they go from page to page in it (instant navigation where they can)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(60_000)
    traffic = Traffic(site.origin)
    yield watched_page(ctx, traffic)
    ctx.close()
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


def go(tab: Page, site: SiteServer, page_name: str, lang: str = "en") -> Page:
    """Take the shared ``tab`` to a page: a first load, then instant navigation
    (the worker, and so Python, stays) once Python is ready."""
    target = site.url(url(page_name, lang))
    if urlsplit(tab.url).scheme not in ("http", "https"):
        tab.goto(target)
    elif urlsplit(tab.url).path != urlsplit(target).path:
        wait_ready(tab)
        instant_navigate(tab, target)
    return tab


class Reader:
    """One tab per language (in the warm profile) that goes from page to page the way
    a reader does.

    Material's instant navigation swaps the content and keeps the page's
    runtime, so each tab loads it once; every run after the first also proves
    that a run starts clean after other pages' runs.
    """

    def __init__(self, context: BrowserContext, site: SiteServer) -> None:
        self.context, self.site = context, site
        self.tabs: dict[str, tuple[Page, Traffic]] = {}

    def open(self, page_name: str, lang: str) -> Page:
        """The language's tab, at the page, in front: a tab behind another gets no
        animation frames (the output, instant navigation and the diagram's step wait
        for them), as in a reader's browser, where the page being read is in front."""
        target = self.site.url(url(page_name, lang))
        if lang not in self.tabs:
            traffic = Traffic(self.site.origin)
            self.tabs[lang] = (watched_page(self.context, traffic), traffic)
            self.tabs[lang][0].goto(target)
            return self.tabs[lang][0]
        tab, _ = self.tabs[lang]
        tab.bring_to_front()
        if urlsplit(tab.url).path != urlsplit(target).path:  # (not when already there)
            # A link followed while Python still loads is a full page load: wait.
            wait_ready(tab)
            instant_navigate(tab, target)
        return tab

    def assert_clean(self, lang: str) -> None:
        assert_clean(self.tabs[lang][1])

    def close(self) -> None:
        for tab, _ in self.tabs.values():
            close_tab(tab)


@pytest.fixture(scope="module")
def reader(warm_context: BrowserContext, site: SiteServer) -> Iterator[Reader]:
    r = Reader(warm_context, site)
    yield r
    r.close()
