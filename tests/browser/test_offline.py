"""The site offline, and across a deploy (the service worker, web/service-worker.js).

After a first visit — Python ready, the service worker installed, the snapshot
made — the server is stopped and the browser set offline: a page visited
before and pages never visited (other languages) load, run their blocks from a
restored interpreter, search works and the language switch works. A file in
the service worker's cache that no longer matches the build's manifest is
never served. A deploy while a tab is open: the tab's next page comes with its
own build's code, never the old code with a new page.

Each test has a browser profile of its own, with service workers allowed (the
rest of the suite blocks them).
"""

from __future__ import annotations

import dataclasses
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Playwright, expect

from sitebuild import assets, offline
from tests.browser.blocks import output_of, replace_code, run, wait_ready
from tests.browser.conftest import Handler, SiteServer, persistent_context, wait_snapshot
from tests.conftest import free_port
from tests.pages import url

pytestmark = pytest.mark.browser


def serve(root: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    handler = type("OfflineHandler", (Handler,), {"roots": {"/": root}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port or free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def first_visit(page: Page, address: str) -> None:
    """Visit, run the first block, wait for the service worker and the snapshot."""
    page.goto(address)
    wait_ready(page)
    assert run(page.locator(".bp-run").first) == "done"
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=240_000)
    assert wait_snapshot(page) == "ready"


def runs_from_the_snapshot(page: Page) -> None:
    """The page's first block gives its build output, in a restored interpreter."""
    wait_ready(page)
    block = page.locator(".bp-run").first
    static = output_of(block)
    assert run(block) == "done" and output_of(block) == static
    stats = page.evaluate("bpRuntime.stats")
    assert stats["started"] == 0 and stats["restored"] >= 1, stats


@pytest.fixture
def offline_profile(playwright: Playwright, tmp_path: Path) -> Iterator[BrowserContext]:
    ctx = persistent_context(playwright, tmp_path / "profile", service_workers="allow")
    yield ctx
    ctx.close()


def test_after_one_visit_the_site_works_offline(
    offline_profile: BrowserContext, site: SiteServer
) -> None:
    server = serve(site.root_dir)
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    page = offline_profile.new_page()
    first_visit(page, origin + url("gates/multiply.md"))
    server.shutdown()
    server.server_close()
    offline_profile.set_offline(True)

    page.goto(origin + url("gates/multiply.md"))  # visited
    runs_from_the_snapshot(page)
    page.goto(origin + url("softmax.md", "zh"))  # never visited, another language
    runs_from_the_snapshot(page)

    box = page.locator("input.md-search__input")
    box.click()
    box.fill("sigmoid")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)

    page.goto(origin + url("gates/add.md", "ja"))
    switch = page.locator('a.md-select__link[hreflang="de"]')
    switch.evaluate("a => a.click()")  # (the menu opens on hover)
    page.wait_for_url(re.compile(r"/de/gates/add/"))
    runs_from_the_snapshot(page)


FORGERIES = """async () => {
  const names = await caches.keys();
  const site = await caches.open(names.find((n) => n.startsWith("bp-site-")));
  const css = (await site.keys()).find((r) => /runner\\.css\\?v=/.test(r.url));
  await site.put(css, new Response("body { display: none } /* FORGED */",
    { headers: { "Content-Type": "text/css" } }));
  const page = new URL("../add/", location.href).href;
  const html = { headers: { "Content-Type": "text/html" } };
  await site.put(page, new Response("<h1>FORGED</h1>", html));
  return css.url;
}"""


def test_reader_code_and_tampered_caches_change_nothing_on_the_next_visit(
    offline_profile: BrowserContext, site: SiteServer
) -> None:
    """Reader code cannot reach Cache Storage (tests/browser/test_fresh_python.py); even
    an entry written there by other means is not served: it no longer matches the
    manifest, so the service worker asks the network, and a snapshot that does not
    match the page's record is not restored."""
    server = serve(site.root_dir)
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        page = offline_profile.new_page()
        first_visit(page, origin + url("gates/multiply.md"))
        block = page.locator(".bp-run").first
        replace_code(page, block, "import js\nprint(hasattr(js, 'caches'))")
        assert run(block) == "done" and output_of(block)["text"] == "False\n"
        forged_css = page.evaluate(FORGERIES)
        served = page.evaluate("async (u) => (await fetch(u)).text()", forged_css)
        real = (site.root_dir / urlsplit(forged_css).path.lstrip("/")).read_text()
        assert served == real
        page.goto(origin + url("gates/add.md"))
        assert "FORGED" not in page.content()
        runs_from_the_snapshot(page)
    finally:
        server.shutdown()
        server.server_close()


# --- a deploy while a tab is open ----------------------------------------------------


def deploy(built: Path, out: Path) -> str:
    """A copy of the site as another build of web/ would be: a new build id in every
    page and in the bundle, a changed page, and its service worker. Returns the id."""
    shutil.copytree(built, out, copy_function=shutil.copy)  # new times, as a deploy's
    index = (built / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<meta name="bp-build" content="([0-9a-f]+)">', index)
    assert found, "the pages carry no build id"
    old, new = found[1], "deploy000002"
    for path in [*out.rglob("*.html"), *(out / "assets" / "bp").glob("*.js")]:
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")
    add = out / "gates" / "add" / "index.html"
    add.write_text(add.read_text(encoding="utf-8").replace("<h1", "<p>DEPLOYED</p><h1", 1))
    offline.write_service_worker(out, dataclasses.replace(assets.prepare(), build_id=new))
    return new


def test_instant_navigation_across_a_deploy_loads_the_new_build_whole(
    offline_profile: BrowserContext, site: SiteServer, tmp_path: Path
) -> None:
    """The open tab (old build, its service worker in control) follows a link after a
    deploy: the new page comes with the new build's code, loaded afresh."""
    new = deploy(site.root_dir, tmp_path / "site-2")
    page = offline_profile.new_page()
    first_visit(page, site.url(url("gates/multiply.md")))
    old = page.evaluate("window.bpBuild")
    page.evaluate("window.__before_deploy = true")
    roots = dict(Handler.roots)
    try:
        Handler.roots = {**roots, "/": tmp_path / "site-2"}
        page.evaluate(
            """() => {
              const a = document.createElement("a");
              a.href = new URL("../add/", location.href).href;
              a.id = "bp-test-link";
              a.textContent = "go";
              document.querySelector("article").append(a);
            }"""
        )
        page.locator("#bp-test-link").click()
        page.wait_for_url(re.compile(r"/gates/add/"))
        page.wait_for_function("window.bpBuild === 'deploy000002'", timeout=60_000)
        assert page.evaluate("window.__before_deploy") is None, "the page was not loaded afresh"
        expect(page.locator("article")).to_contain_text("DEPLOYED")
        versions = page.evaluate(
            """() => performance.getEntriesByType("resource").map((e) => e.name)
                 .filter((n) => n.includes("?v=") && !n.includes(".whl"))"""
        )
        assert versions and all(f"?v={new}" in v for v in versions), (old, versions)
        runs = page.locator(".bp-run").first
        static = output_of(runs)
        assert run(runs) == "done" and output_of(runs) == static
    finally:
        Handler.roots = roots
