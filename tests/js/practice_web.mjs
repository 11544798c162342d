// Unit checks of web/storage.js, web/share.js and web/progress.js under Node.
// Each check prints one JSON line {name, ok, error}; tests/test_exercises_js.py
// turns every line into a pytest test.

class MemoryStorage {
  constructor() { this.items = new Map(); this.quota = Infinity; }
  get length() { return this.items.size; }
  key(i) { return [...this.items.keys()][i] ?? null; }
  getItem(k) { return this.items.has(k) ? this.items.get(k) : null; }
  setItem(k, v) {
    const size = [...this.items.values()].reduce((n, x) => n + x.length, 0) + String(v).length;
    if (size > this.quota) throw new DOMException("full", "QuotaExceededError");
    this.items.set(k, String(v));
  }
  removeItem(k) { this.items.delete(k); }
}

const events = [];
globalThis.document = new EventTarget();
// Just enough of a page for progress.js's navigation marks (there is no navigation here).
document.querySelector = () => null;
document.querySelectorAll = () => [];
document.documentElement = { lang: "en" };
globalThis.location = new URL("https://example.org/backprop/");
globalThis.fetch = async () => ({ ok: false });
document.addEventListener("bp:kept", (e) => events.push(e.detail));
let storage = new MemoryStorage();
Object.defineProperty(globalThis, "localStorage", { configurable: true, get: () => storage });

const { kept, storageUsable, resetStorageProbe } = await import("../../web/storage.js");
const share = await import("../../web/share.js");
const { pageSolved } = await import("../../web/progress.js");

function assert(condition, message) {
  if (!condition) throw new Error(message);
}
function equal(a, b) {
  assert(JSON.stringify(a) === JSON.stringify(b), `${JSON.stringify(a)} !== ${JSON.stringify(b)}`);
}

const checks = {
  edits_are_kept_per_snippet() {
    equal(kept.code("gates/add.py"), null);
    assert(kept.saveCode("gates/add.py", "x = 1", "x = 0"), "not kept");
    equal(kept.code("gates/add.py"), "x = 1");
    equal(storage.getItem("bp:code:gates/add.py"), "x = 1");
    kept.saveCode("gates/add.py", "x = 0", "x = 0"); // back to the original: no edit
    equal(kept.code("gates/add.py"), null);
    kept.saveCode("gates/add.py", "x = 2", "x = 0");
    kept.forgetCode("gates/add.py");
    equal(kept.code("gates/add.py"), null);
  },
  solved_and_attempts() {
    assert(!kept.solved("gates/sigmoid"), "solved too early");
    equal(kept.attempts("gates/sigmoid"), 0);
    equal(kept.addAttempt("gates/sigmoid"), 1);
    equal(kept.addAttempt("gates/sigmoid"), 2);
    kept.markSolved("gates/sigmoid");
    assert(kept.solved("gates/sigmoid"), "not solved");
    storage.setItem("bp:attempts:x", "nonsense");
    equal(kept.attempts("x"), 0);
  },
  changes_are_announced() {
    events.length = 0;
    kept.saveCode("a.py", "1", "0");
    kept.markSolved("e");
    equal(events.map((e) => e.key), ["code:a.py", "solved:e"]);
  },
  forget_all_clears_only_the_sites_keys() {
    storage.setItem("other-site", "keep me");
    kept.saveCode("b.py", "2", "0");
    const n = kept.forgetAll();
    assert(n >= 2, `forgot ${n}`);
    equal([...storage.items.keys()], ["other-site"]);
    assert(!kept.solved("gates/sigmoid") && kept.code("b.py") === null, "something survived");
  },
  refused_storage_still_works_and_says_so() {
    const saved = storage;
    Object.defineProperty(globalThis, "localStorage", { configurable: true, get: () => { throw new DOMException("denied", "SecurityError"); } });
    resetStorageProbe();
    try {
      equal(storageUsable(), false);
      equal(kept.saveCode("c.py", "3", "0"), false);
      equal(kept.code("c.py"), null);
      equal(kept.markSolved("e"), false);
      equal(kept.solved("e"), false);
      equal(kept.addAttempt("e"), 1);
      equal(kept.forgetAll(), 0);
    } finally {
      Object.defineProperty(globalThis, "localStorage", { configurable: true, get: () => saved });
      resetStorageProbe();
    }
    equal(storageUsable(), true);
  },
  a_full_storage_keeps_the_edit_in_the_page_only() {
    storage.quota = 10;
    try {
      equal(kept.saveCode("d.py", "x".repeat(50), "0"), false);
      equal(kept.code("d.py"), null);
    } finally {
      storage.quota = Infinity;
    }
  },
  async share_links_round_trip() {
    const code = "# Größe × 2 — 梯度\nx = [1, 2]\nprint(x)\n" + "y = 1\n".repeat(200);
    const url = await share.shareUrl("gates/add_value.py", code, "https://example.org/backprop/gates/add/#with-value");
    const parsed = new URL(url);
    assert(parsed.hash.startsWith("#bp-code=gates/add_value.py~z"), parsed.hash);
    assert(url.length < code.length, "the link is not compressed");
    equal(await share.sharedCode(url), { snippet: "gates/add_value.py", code });
    equal(parsed.pathname, "/backprop/gates/add/");
  },
  async plain_payloads_decode_too() {
    const bytes = new TextEncoder().encode("x = 'ü'");
    const payload = "t" + btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
    equal(await share.decodeCode(payload), "x = 'ü'");
  },
  async bad_links_are_ignored() {
    for (const hash of ["", "#with-value", "#bp-code=", "#bp-code=a.py~", "#bp-code=a.py~q123",
                        "#bp-code=a.py~z!!!", "#bp-code=../x~tAAAA", "#bp-code=<b>.py~tAAAA"]) {
      equal(await share.sharedCode(`https://example.org/${hash}`), null);
    }
    const huge = await share.encodeCode("x".repeat(200_000));
    equal(await share.decodeCode(huge), null);
  },
  solved_pages() {
    const pages = { "gates/sigmoid/": ["gates/sigmoid"], "common-mistakes/": ["h1", "h2"] };
    kept.markSolved("gates/sigmoid");
    kept.markSolved("h1");
    equal(pageSolved(pages, "gates/sigmoid/"), true);
    equal(pageSolved(pages, "common-mistakes/"), false);
    equal(pageSolved(pages, "gates/add/"), false);
    kept.markSolved("h2");
    equal(pageSolved(pages, "common-mistakes/"), true);
  },
};

// A check that fails on purpose: proves failures reach pytest.
checks.canary_fails_on_purpose = () => equal(1, 2);

for (const [name, check] of Object.entries(checks)) {
  try {
    await check();
    console.log(JSON.stringify({ name, ok: true }));
  } catch (error) {
    console.log(JSON.stringify({ name, ok: false, error: String(error.stack || error) }));
  }
}
