// One scenario of the site in Firefox ESR, driven over WebDriver BiDi by
// puppeteer-core (Playwright's own Firefox cannot be downloaded here).
//
//   node tests/browser/firefox/scenario.mjs <scenario> <site-url> <strings.json>
//
// tests/browser/test_firefox.py runs each scenario against the built site and
// reads the last line of stdout: {"ok": true, ...} or {"ok": false, "error": ...}.
// Firefox is Debian's firefox-esr (scripts/ensure-firefox.sh), or $FIREFOX.

import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import puppeteer from "puppeteer-core";

const [scenarioName, siteUrl, stringsPath, siteDir] = process.argv.slice(2);
const STRINGS = JSON.parse(readFileSync(stringsPath, "utf-8"));
const TIMEOUT = 90_000;
const FINISHED = ["done", "error", "stopped"];

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const page_ = (path) => new URL(path, siteUrl).href;

async function state(page, index = 0) {
  return page.evaluate((i) => document.querySelectorAll(".bp-run")[i].dataset.state, index);
}

async function waitFinished(page, index = 0, timeout = TIMEOUT) {
  await page.waitForFunction(
    (i, finished) => finished.includes(document.querySelectorAll(".bp-run")[i]?.dataset.state),
    { timeout, polling: 100 },
    index,
    FINISHED,
  );
  return state(page, index);
}

async function output(page, index = 0) {
  return page.evaluate((i) => {
    const out = document.querySelectorAll(".bp-run")[i].querySelector('[data-role="output"]');
    return { text: out.textContent, figures: out.querySelectorAll("svg").length };
  }, index);
}

async function ready(page) {
  await page.waitForFunction(() => document.querySelector(".bp-run[data-bp-ready]"), { timeout: TIMEOUT });
}

/** Replace the first block's code: open the editor, select all, type. */
async function replaceCode(page, code) {
  await page.focus('.bp-run [data-role="editor"]');
  await page.waitForSelector(".bp-run .cm-content", { timeout: TIMEOUT });
  await page.click(".bp-run .cm-content");
  const mod = process.platform === "darwin" ? "Meta" : "Control";
  await page.keyboard.down(mod);
  await page.keyboard.press("a");
  await page.keyboard.up(mod);
  await page.keyboard.press("Delete");
  // One line at a time, Home to drop the editor's auto-indent before each.
  const lines = code.split("\n");
  for (const [i, line] of lines.entries()) {
    if (i) {
      await page.keyboard.press("Enter");
      await page.keyboard.down("Shift");
      await page.keyboard.press("Home");
      await page.keyboard.up("Shift");
      await page.keyboard.press("Delete");
    }
    await page.keyboard.type(line);
  }
}

async function clickRun(page) {
  await page.click('.bp-run [data-action="run"]');
}

const stats = (page) => page.evaluate(() => window.bpRuntime.stats);

async function waitSnapshot(page) {
  await page.waitForFunction(() => ["ready", "unavailable"].includes(window.bpRuntime?.snapshotState), {
    timeout: 180_000,
  });
  return page.evaluate(() => window.bpRuntime.snapshotState);
}

/** Run every block of the page (not the exercises): each must give its build output. */
async function runEveryBlock(page, name) {
  const count = await page.evaluate(() => document.querySelectorAll(".bp-run:not(.bp-exercise)").length);
  for (let i = 0; i < count; i++) {
    const index = await page.evaluate((n) => {
      const all = [...document.querySelectorAll(".bp-run")];
      return all.indexOf(document.querySelectorAll(".bp-run:not(.bp-exercise)")[n]);
    }, i);
    const built = await output(page, index);
    await page.evaluate((k) => document.querySelectorAll(".bp-run")[k].querySelector('[data-action="run"]').click(), index);
    await waitFinished(page, index); // "error" too, for a block meant to raise: its output says
    const ran = await output(page, index);
    assert(JSON.stringify(ran) === JSON.stringify(built), `${name} block ${i} differs: ${ran.text.slice(0, 300)}`);
  }
  return count;
}

const MIME = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css",
  ".json": "application/json", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".xml": "application/xml" };

/** The built site served by this process (so that the scenario can stop it: offline). */
function serveSite(root) {
  const sockets = new Set();
  const server = createServer((request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": MIME[extname(file)] || "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        stop: () => {
          server.close();
          for (const socket of sockets) socket.destroy();
        },
      });
    });
  });
}

const scenarios = {
  /** The first block of the multiply page gives the build's own output. */
  async "run-a-block"(page) {
    await page.goto(page_("gates/multiply/"));
    await ready(page);
    const built = await output(page);
    assert(built.text.includes("f = -6.0"), `unexpected build output: ${built.text}`);
    await clickRun(page);
    const finished = await waitFinished(page);
    assert(finished === "done", `state ${finished}: ${(await output(page)).text}`);
    const ran = await output(page);
    assert(JSON.stringify(ran) === JSON.stringify(built), `browser output differs: ${JSON.stringify(ran)}`);
    return { output: ran.text.split("\n")[0] };
  },

  /** An exception shows the reader's traceback, without the runner's frames. */
  async traceback(page) {
    await page.goto(page_("ja/gates/multiply/"));
    await ready(page);
    await replaceCode(page, "def f(x):\n    return 1 / x\n\nf(0)");
    await clickRun(page);
    const finished = await waitFinished(page);
    const { text } = await output(page);
    assert(finished === "error", `state ${finished}: ${text}`);
    assert(text.startsWith("Traceback (most recent call last):"), text);
    assert(text.includes("ZeroDivisionError: division by zero"), text);
    assert(text.includes("line 4, in <module>") && text.includes("line 2, in f"), text);
    assert(!text.includes("backprop_core/notebook") && !text.toLowerCase().includes("pyodide"), text);
    const status = await page.$eval('.bp-run [data-role="status"]', (el) => el.textContent);
    assert(status === STRINGS.ja.error, `status: ${status}`);
    return { last: text.trim().split("\n").pop() };
  },

  /** Stop ends a runaway loop; the next run works. */
  async stop(page) {
    await page.goto(page_("de/gates/multiply/"));
    await ready(page);
    await replaceCode(page, "while True:\n    pass");
    await clickRun(page);
    await page.waitForFunction(() => document.querySelector(".bp-run").dataset.state === "running", {
      timeout: TIMEOUT,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    await page.click('.bp-run [data-action="stop"]');
    const finished = await waitFinished(page, 0, 15_000);
    const stopMs = Date.now() - started;
    assert(finished === "stopped", `state ${finished}`);
    await replaceCode(page, "print('alive')");
    await clickRun(page);
    assert((await waitFinished(page)) === "done", "the run after Stop failed");
    const { text } = await output(page);
    assert(text === "alive\n", `output after Stop: ${JSON.stringify(text)}`);
    return { stopMs };
  },

  /** Step through the multiply gate: explanation, highlight, keyboard. */
  async "step-a-diagram"(page) {
    const t = STRINGS.zh;
    await page.goto(page_("zh/gates/multiply/"));
    await ready(page);
    await page.waitForSelector(".bp-figure .bp-circuit-steps", { timeout: TIMEOUT });
    const explain = () => page.$eval('.bp-figure [data-role="step-explain"]', (el) => el.textContent);
    assert((await explain()) === t.step_start, `before: ${await explain()}`);
    await page.click('.bp-figure [data-action="step-forward"]');
    const lines = (await explain()).split("\n");
    const gate = t.step_gate.replace("{symbol}", "×").replace("{step}", "1").replace("{total}", "1")
      .replace("{upstream}", "1");
    assert(lines[0] === gate, `step 1: ${lines[0]}`);
    assert(lines.at(-1) === t.step_done, `step 1 end: ${lines.at(-1)}`);
    const look = await page.$eval(".bp-gate.bp-current circle", (circle) => {
      const probe = document.createElement("i");
      probe.style.color = "var(--md-accent-fg-color)";
      document.body.append(probe);
      const accent = getComputedStyle(probe).color;
      probe.remove();
      const style = getComputedStyle(circle);
      return { stroke: style.stroke, width: style.strokeWidth, accent };
    });
    assert(look.stroke === look.accent && look.width === "3px", `highlight: ${JSON.stringify(look)}`);
    // Step forward is now disabled: focus moved to Step back; ← steps back.
    const focused = await page.evaluate(() => document.activeElement?.dataset.action);
    assert(focused === "step-backward", `focus after the last step: ${focused}`);
    await page.keyboard.press("ArrowLeft");
    assert((await explain()) === t.step_start, "ArrowLeft did not step back");
    // A click on the diagram focuses it; → steps.
    await page.click(".bp-figure svg.bp-circuit");
    await page.keyboard.press("ArrowRight");
    assert((await explain()).split("\n")[0] === gate, "ArrowRight on the diagram did not step");
    return { highlight: look.stroke };
  },

  /** Instant navigation keeps the page and its Python: the next page runs at once. */
  async "instant-navigation"(page) {
    const wasm = [];
    page.on("request", (request) => request.url().endsWith(".wasm") && wasm.push(request.url()));
    await page.goto(page_("gates/multiply/"));
    await ready(page);
    await clickRun(page);
    assert((await waitFinished(page)) === "done", "first run failed");
    await page.evaluate(() => {
      window.__sameDocument = true;
      const a = document.createElement("a");
      a.href = new URL("../add/", location.href).href;
      a.id = "bp-test-link";
      a.textContent = "go";
      document.querySelector("article").append(a);
    });
    await page.click("#bp-test-link");
    await page.waitForFunction(() => /\/gates\/add\/(#.*)?$/.test(location.href) &&
      document.querySelector(".bp-run[data-bp-ready]"), { timeout: TIMEOUT });
    assert(await page.evaluate(() => window.__sameDocument === true), "the page was reloaded");
    await clickRun(page);
    const first = await state(page);
    assert(first === "running" || first === "done", `the next page started Python again: ${first}`);
    assert((await waitFinished(page)) === "done", "run on the next page failed");
    assert(wasm.length === 1, `Pyodide was fetched ${wasm.length} times: ${wasm.join(", ")}`);
    return { wasmRequests: wasm.length };
  },

  /** After the snapshot was made, every block of five pages, each from a restored interpreter. */
  async "restored-blocks"(page) {
    await page.goto(page_("gates/multiply/"));
    await ready(page);
    await clickRun(page);
    assert((await waitFinished(page)) === "done", "first run failed");
    assert((await waitSnapshot(page)) === "ready", "no snapshot was made");
    await page.waitForFunction(() => window.bpRuntime.spare?.isReady, { timeout: TIMEOUT });
    let blocks = 0;
    for (const name of ["gates/multiply/", "chain-rule/", "softmax/", "training/neuron/", "training/svm/"]) {
      await page.goto(page_(name));
      await ready(page);
      blocks += await runEveryBlock(page, name);
      const s = await stats(page);
      assert(s.started === 0 && s.restored >= 1 && s.restoreFailed === 0, `${name}: ${JSON.stringify(s)}`);
      // The next run's worker restored before the page goes (not one killed while loading).
      await page.waitForFunction(() => window.bpRuntime.spare?.isReady, { timeout: TIMEOUT });
    }
    return { blocks };
  },

  /** After one visit, with the server stopped: a visited and an unvisited page run. */
  async offline(page) {
    assert(siteDir, "the offline scenario needs the site's folder");
    const server = await serveSite(siteDir);
    const at = (path) => new URL(path, server.url).href;
    await page.goto(at("gates/multiply/"));
    await ready(page);
    await clickRun(page);
    assert((await waitFinished(page)) === "done", "first run failed");
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 240_000 });
    assert((await waitSnapshot(page)) === "ready", "no snapshot was made");
    server.stop();
    const pages = [];
    for (const path of ["gates/multiply/", "de/chain-rule/", "zh/gates/add/"]) {
      await page.goto(at(path));
      await page.waitForFunction(() => window.bpRuntime?.isReady, { timeout: TIMEOUT });
      const built = await output(page);
      await clickRun(page);
      assert((await waitFinished(page)) === "done", `${path}: the run failed offline`);
      const ran = await output(page);
      assert(JSON.stringify(ran) === JSON.stringify(built), `${path} differs offline: ${ran.text}`);
      const s = await stats(page);
      assert(s.started === 0 && s.restored >= 1, `${path}: ${JSON.stringify(s)}`);
      pages.push(path);
    }
    return { pages };
  },

  /** Tab passes the editor until the reader edits; Escape makes Tab move on. */
  async keyboard(page) {
    await page.goto(page_("gates/multiply/"));
    await ready(page);
    const where = () => page.evaluate(() => {
      const el = document.activeElement;
      if (el.classList.contains("cm-content")) return "editor";
      return el.dataset.action || el.dataset.role || el.tagName;
    });
    await page.focus('.bp-run [data-role="editor"]');
    await page.waitForSelector(".bp-run .cm-content:focus", { timeout: TIMEOUT });
    await page.keyboard.press("Tab");
    assert((await where()) === "output", `Tab out of the untouched editor went to ${await where()}`);
    await page.keyboard.down("Shift");
    await page.keyboard.press("Tab");
    await page.keyboard.up("Shift");
    assert((await where()) === "editor", `Shift+Tab went to ${await where()}`);
    await page.keyboard.type("x");
    await page.keyboard.press("Tab");
    assert((await where()) === "editor", "Tab while editing should indent, not move");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    assert((await where()) === "output", `after Escape, Tab went to ${await where()}`);
    return {};
  },
};

async function main() {
  const scenario = scenarios[scenarioName];
  if (!scenario) throw new Error(`unknown scenario ${scenarioName}: ${Object.keys(scenarios).join(", ")}`);
  // A profile on disk, as a reader's (Cache Storage, the snapshot, the service worker).
  const profile = mkdtempSync(join(tmpdir(), "bp-firefox-"));
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
    headless: true,
    protocol: "webDriverBiDi",
    userDataDir: profile,
    extraPrefsFirefox: { "browser.shell.checkDefaultBrowser": false },
  });
  const errors = [];
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await page.setViewport({ width: 1280, height: 900 });
    page.on("pageerror", (error) => errors.push(`${String(error)} (on ${page.url()})`));
    const result = await scenario(page);
    assert(!errors.length, `uncaught errors in the page: ${errors.join("; ")}`);
    const version = await browser.version();
    console.log(JSON.stringify({ ok: true, browser: version, ...result }));
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.log(JSON.stringify({ ok: false, error: String(error?.stack || error) }));
  process.exit(1);
});
