"""Every Run and every Check in an interpreter no reader code has touched (issue 19).

The runner restores each worker from a memory snapshot the site made in this
browser (web/worker-start.js, web/snapshot-store.js), and throws away a
worker once it has run reader code. These tests show what that buys and that
the snapshot is handled safely:

* after each attack of the runner review that defeated the old per-run reset
  (reviews/runner.md, D1: 06, 07, 08, 10, 30, 34), run on another page, the
  exercise's untouched starter still fails, its solution passes, and a block
  gives its build output;
* reader code cannot reach the site's storage, other workers or other tabs'
  locks (web/worker-lockdown.js);
* a kept snapshot that is corrupt, or made by another Pyodide build, is
  deleted; Python starts the normal way, says nothing alarming, and a new
  snapshot replaces it; a snapshot whose heap grew past 30 MiB restores
  (pyodide#6254).

The warm profile (conftest.py) already holds a snapshot; the snapshot tests
have a context of their own.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from sitebuild.localize import source
from tests.browser.blocks import STRINGS, output_of, replace_code, run, wait_finished, wait_ready
from tests.browser.conftest import SiteServer, instant_navigate, wait_snapshot
from tests.pages import url

pytestmark = pytest.mark.browser

EXERCISE = "gates/multiply"

ATTACKS = {
    # 06: the verdict's JSON rewritten by every later Check
    "06-json-encoder": """\
import json
_encode = json.JSONEncoder.encode
def encode(self, o):
    if isinstance(o, dict) and "verdict" in o:
        o = dict(o, verdict="pass", key=None, message="Right (forged by an earlier run).")
    return _encode(self, o)
json.JSONEncoder.encode = encode
""",
    # 07: code added to every later run's cells
    "07-json-decoder": """\
import json
_decode = json.JSONDecoder.decode
def decode(self, s, *args, **kwargs):
    value = _decode(self, s, *args, **kwargs)
    if isinstance(value, list) and value and isinstance(value[-1], dict) and "code" in value[-1]:
        value[-1]["code"] += "\\nprint('[injected by an earlier run]')"
    return value
json.JSONDecoder.decode = decode
""",
    # 08: the runner's own functions and the engine replaced
    "08-runner-internals": """\
import sys
from backprop_core import Value
runner = sys.modules.get("_bp_runner") or type(sys.meta_path[0]).find_spec.__globals__
def planted(*args, **kwargs):
    print("[planted]")
    return '{"verdict": "pass", "key": null, "message": "planted"}'
for name in ("run", "check", "collect", "judge", "plan"):
    if hasattr(runner, name):
        setattr(runner, name, planted)
Value.__mul__ = lambda a, b: Value(-1.0)
""",
    # 10: an audit hook, which cannot be removed in-process
    "10-audit-hook": """\
import sys
def hook(event, args):
    if event == "exec":
        import json
        json.dumps = lambda *a, **k: '{"verdict": "pass", "key": null, "message": "hooked"}'
sys.addaudithook(hook)
""",
    # 30: what the old reset died freeing
    "30-deep-defaults": """\
f = None
for _ in range(300_000):
    def g(x=f):
        return x
    f = g
""",
    # 34: the worker's JavaScript changed
    "34-worker-javascript": """\
import js
js.eval('''
const stringify = JSON.stringify;
JSON.stringify = function (value, ...rest) {
  if (Array.isArray(value) && value.length && value[value.length - 1].code !== undefined) {
    value[value.length - 1].code += "\\\\nprint('[injected on the JavaScript side]')";
  }
  return stringify.call(this, value, ...rest);
};
''')
""",
}


def check(page: Page, block: Locator) -> str:
    block.locator('[data-action="check"]').click()
    feedback = block.locator('[data-role="feedback"]')
    expect(feedback).not_to_have_attribute("data-verdict", "none", timeout=90_000)
    wait_finished(block)
    return str(feedback.get_attribute("data-verdict"))


def test_no_earlier_run_changes_a_verdict_or_a_run(page: Page, site: SiteServer) -> None:
    """Each D1 attack of the runner review, run on gates/add; then on gates/multiply the
    untouched starter fails, the solution passes and a block shows its build output."""
    solution = source(f"exercises/{EXERCISE}/solution.py", "en")
    page.goto(site.url(url("gates/add.md")))
    for name, attack in ATTACKS.items():
        attacker = page.locator(".bp-run").first
        replace_code(page, attacker, attack + f"print('planted {name}')")
        assert run(attacker) == "done", output_of(attacker)
        assert output_of(attacker)["text"] == f"planted {name}\n"
        instant_navigate(page, "../multiply/")
        first = page.locator(".bp-run").first
        static = output_of(first)
        assert run(first) == "done" and output_of(first) == static, (name, output_of(first))
        exercise = page.locator(".bp-exercise").first
        assert check(page, exercise) == "fail", name
        replace_code(page, exercise, solution)
        assert check(page, exercise) == "pass", name
        exercise.locator('[data-action="reset"]').click()
        instant_navigate(page, "../add/")
    stats = page.evaluate("bpRuntime.stats")
    assert stats["started"] == 0, f"a Python started the normal way in the warm profile: {stats}"


PROBE = """\
import js
found = []
for name in ("caches", "indexedDB", "Worker", "SharedWorker", "importScripts"):
    if getattr(js, name, None) is not None:
        found.append(name)
for name in ("locks", "serviceWorker", "storage"):
    if getattr(js.navigator, name, None) is not None:
        found.append("navigator." + name)
found += [f"eval:{name}" for name in ("caches", "indexedDB", "Worker")
          if js.eval(f"typeof {name}") != "undefined"]
proto = js.Object.getPrototypeOf(js.self)
while proto is not None and proto != js.Object.prototype:
    for name in ("caches", "indexedDB"):
        if js.Object.getOwnPropertyDescriptor(proto, name) is not None:
            found.append("prototype:" + name)
    proto = js.Object.getPrototypeOf(proto)
print(found)
"""


def test_reader_code_cannot_reach_storage_workers_or_locks(page: Page, site: SiteServer) -> None:
    """Cache Storage (the snapshot, the offline copy of the site), IndexedDB, the
    origin's Web Locks (D6: another tab's), service workers, nested workers."""
    page.goto(site.url(url("gates/multiply.md", "ja")))
    block = page.locator(".bp-run").first
    replace_code(page, block, PROBE)
    assert run(block) == "done", output_of(block)
    assert output_of(block)["text"] == "[]\n"


# --- the kept snapshot ---------------------------------------------------------------

SNAPSHOT = """async (change) => {
  const cache = await caches.open("bp-python-snapshot");
  const [request] = await cache.keys();
  let bytes = new Uint8Array(await (await cache.match(request)).arrayBuffer());
  if (change === "corrupt") {
    bytes = bytes.slice();
    for (let i = bytes.length - 4096; i < bytes.length; i += 7) bytes[i] ^= 0x5a;
  } else if (change === "stale") {
    bytes = bytes.slice();
    for (let i = 16; i < 48; i++) bytes[i] ^= 0xff;  // another Pyodide build's id
  } else if (change === "grown") {
    const grown = new Uint8Array(bytes.length + 40 * 1024 * 1024);
    grown.set(bytes);
    bytes = grown;
  }
  const sum = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hash = Array.from(sum, (b) => b.toString(16).padStart(2, "0")).join("");
  if (change) {
    await cache.put(request, new Response(bytes));
    const key = Object.keys(localStorage).find((k) => k.startsWith("bp-runtime:snapshot:"));
    // A corrupt snapshot keeps its recorded hash; the others are recorded as they are.
    if (change !== "corrupt") localStorage.setItem(key, hash);
  }
  const key = Object.keys(localStorage).find((k) => k.startsWith("bp-runtime:snapshot:"));
  const entries = (await cache.keys()).length;
  return { size: bytes.length, hash, recorded: localStorage.getItem(key), entries };
}"""


@pytest.fixture(scope="module")
def own_profile(browser: Browser, site: SiteServer) -> Iterator[tuple[BrowserContext, Page]]:
    """A context of its own, with a snapshot made in it."""
    ctx = browser.new_context(service_workers="block")
    ctx.set_default_timeout(90_000)
    tab = ctx.new_page()
    tab.goto(site.url(url("gates/multiply.md")))
    wait_ready(tab)
    assert run(tab.locator(".bp-run").first) == "done"
    assert wait_snapshot(tab) == "ready"
    yield ctx, tab
    ctx.close()


def start_again(tab: Page) -> dict[str, int]:
    """Reload, run the first block: it gives the build's output; the runtime's counts."""
    tab.reload()
    wait_ready(tab)
    block = tab.locator(".bp-run").first
    static = output_of(block)
    assert run(block) == "done" and output_of(block) == static
    return dict(tab.evaluate("bpRuntime.stats"))


@pytest.mark.parametrize("change", ["corrupt", "stale"])
def test_a_bad_snapshot_falls_back_quietly_and_is_replaced(
    own_profile: tuple[BrowserContext, Page], change: str
) -> None:
    _, tab = own_profile
    before = tab.evaluate(SNAPSHOT, change)
    stats = start_again(tab)
    assert stats["restoreFailed"] == 1 and stats["started"] == 1, stats
    # Nothing alarming: Python was simply ready, a little later.
    assert tab.evaluate("bpRuntime.progress.stage") == "ready"
    expect(tab.locator("#bp-runtime-announcer")).to_have_text(STRINGS["en"]["ready"])
    assert wait_snapshot(tab) == "ready"
    assert tab.evaluate("bpRuntime.stats.made") == 1
    after = tab.evaluate(SNAPSHOT, None)
    assert after["hash"] == after["recorded"] != before["hash"], (before, after)
    assert after["entries"] == 1
    assert start_again(tab)["restored"] >= 1


def test_a_snapshot_over_30_mib_restores(own_profile: tuple[BrowserContext, Page]) -> None:
    """pyodide#6254: the heap of a restore must be grown to the snapshot's size first."""
    _, tab = own_profile
    grown = tab.evaluate(SNAPSHOT, "grown")
    assert grown["size"] > 70 * 1024 * 1024
    stats = start_again(tab)
    assert stats["restoreFailed"] == 0 and stats["started"] == 0 and stats["restored"] >= 1, stats
    tab.evaluate(SNAPSHOT, None)  # (still the grown one: nothing replaced it)
