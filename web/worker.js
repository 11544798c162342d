// The Python runtime of the site: one module Web Worker that owns Pyodide.
//
// The page and this worker talk over a private MessageChannel: the page sends
// the port in its first message and never listens to the worker's global
// postMessage again. Reader code can reach this worker's global scope (`import
// js`), but not the port, which lives only in this module's closure; so it
// cannot forge what the page shows. The functions this file uses to post and
// to cut output are captured before any reader code runs.
//
// Page -> worker: {type: "run", id, cells: [{code, filename}], lang, check?}
// Worker -> page (all carry the run's id except progress/ready/failed):
//   {type: "started", id}            the run left the queue and began
//   {type: "output", id, chunks}     [[stream, text], ...] in order, batched
//   {type: "display", id, mime, data, displayId, note}
//   {type: "cut", id}                output went over the budget; the rest is dropped
//   {type: "verdict", id, verdict}   an exercise's check result (JSON text)
//   {type: "done", id, ok, ms}       ms: the run's own time, from start to end
//   {type: "crashed", id, error}     the wasm runtime died: the page starts another
//   {type: "closed", id}             the reader's code closed the worker: likewise
//   {type: "progress", stage, percent}, {type: "ready"}, {type: "failed", error}
//
// After every run, pyrunner.py puts the interpreter back into the state it was
// in when Python became ready (see there), and this file re-installs its own
// stdout/stderr/stdin handlers.
//
// Pyodide is served from the site itself (../pyodide/, copied from the pinned
// npm package at build time), with a lock file that lists the backprop_core
// wheel the build made.

import PYRUNNER_SOURCE from "./pyrunner.py";
import LIMITS from "./runner-limits.json";

const INDEX_URL = new URL("../pyodide/", import.meta.url).href;

// Captured now, before any reader code can replace them on the global objects.
const apply = Reflect.apply;
const portPost = MessagePort.prototype.postMessage;
const now = performance.now.bind(performance);
const Decoder = TextDecoder;
const decode = TextDecoder.prototype.decode;
const slice = String.prototype.slice;
const indexOf = String.prototype.indexOf;

// A worker that closes itself would leave its run unanswered; reader code can
// call close() (`js.close()`), so the real one is put out of reach: calling it
// only marks the runtime as closed, and the page replaces it after the run.
let closeRequested = false;
let closeOwner = self;
while (closeOwner && !Object.hasOwn(closeOwner, "close")) closeOwner = Object.getPrototypeOf(closeOwner);
Object.defineProperty(closeOwner || self, "close", {
  value: function close() {
    closeRequested = true;
  },
  writable: false,
  configurable: false,
});

const FLUSH_CHARS = 8192; // send output at least every this many characters...
const FLUSH_MS = 50; // ...or this often,
const BURST = 5; // but a few small writes in a row go out at once (a print before a long step)
const SWITCH_COST = 32; // a stderr/stdout switch costs budget, so alternation cannot flood the page

let port = null;
let pyodide = null;
let runner = null; // pyrunner.py's functions
let current = null; // the run in progress: {id, quiet, budget, cut, started}
let pending = []; // output waiting to be sent: [[stream, text], ...]
let pendingChars = 0;
let lastFlush = 0;
let burst = BURST;
const pictures = new Map(); // displayId -> the latest update not yet sent (rate limit)

function post(message) {
  apply(portPost, port, [message]);
}

function flush() {
  if (pending.length && current && !current.quiet) {
    post({ type: "output", id: current.id, chunks: pending });
  }
  pending = [];
  pendingChars = 0;
  lastFlush = now();
  for (const [displayId, message] of pictures) {
    pictures.delete(displayId);
    post(message);
  }
}

/** Take `text` from `stream` into the run's output, within its character budget. */
function take(stream, text) {
  const run = current;
  if (!run || run.quiet || run.cut) return;
  const last = pending[pending.length - 1];
  const cost = text.length + (last && last[0] === stream ? 0 : SWITCH_COST);
  if (cost > run.budget) {
    text = apply(slice, text, [0, Math.max(0, run.budget - SWITCH_COST)]);
    run.cut = true;
  }
  run.budget -= cost;
  // The line budget: cut after the line that spends it.
  for (let at = apply(indexOf, text, ["\n"]); at >= 0; at = apply(indexOf, text, ["\n", at + 1])) {
    if (--run.lines <= 0) {
      text = apply(slice, text, [0, at + 1]);
      run.cut = true;
      break;
    }
  }
  if (text) {
    if (last && last[0] === stream) last[1] += text;
    else pending.push([stream, text]);
    pendingChars += text.length;
  }
  if (run.cut) {
    flush();
    post({ type: "cut", id: run.id });
    return;
  }
  const elapsed = now() - lastFlush;
  if (elapsed >= FLUSH_MS) burst = BURST;
  if (pendingChars >= FLUSH_CHARS || elapsed >= FLUSH_MS || burst > 0) {
    burst -= 1;
    flush();
  }
}

// Output arrives as UTF-8 bytes. Only what fits the budget is decoded, so a
// 50-million-character print costs no more than a short one.
function writer(stream) {
  const decoder = new Decoder();
  return {
    write(buffer) {
      const run = current;
      if (run && !run.quiet && !run.cut) {
        const room = Math.max(0, run.budget) * 4 + 4;
        const part = buffer.length > room ? buffer.subarray(0, room) : buffer;
        take(stream, apply(decode, decoder, [part, { stream: part === buffer }]));
      }
      return buffer.length;
    },
  };
}

const noInput = {
  stdin() {
    throw new Error("there is no keyboard input on this page");
  },
};

function installStreams() {
  pyodide.setStdout(writer("stdout"));
  pyodide.setStderr(writer("stderr"));
  pyodide.setStdin(noInput);
}

function display(mime, data, displayId, note) {
  const run = current;
  if (!run || run.quiet || run.cut) return;
  if (mime === "image/svg+xml" && data.length > LIMITS.svg_chars) {
    mime = "text/plain";
    data = "";
    note = "picture_too_large";
  }
  if (mime !== "image/svg+xml") {
    if (data) take("stdout", `${data}\n`);
    if (note) {
      flush();
      post({ type: "display", id: run.id, mime: "text/plain", data: "", displayId: "", note });
    }
    return;
  }
  run.pictureChars += data.length;
  if (run.pictureChars > LIMITS.picture_chars_per_run) {
    if (!run.picturesCut) post({ type: "display", id: run.id, mime: "text/plain", data: "", displayId: "", note: "picture_too_large" });
    run.picturesCut = true;
    return;
  }
  const message = { type: "display", id: run.id, mime, data, displayId, note };
  // A picture updated in place (live training) goes out at most every FLUSH_MS;
  // in between, only its latest version is kept.
  if (displayId && now() - lastFlush < FLUSH_MS && run.shown.has(displayId)) {
    pictures.set(displayId, message);
    return;
  }
  if (displayId) run.shown.add(displayId);
  flush();
  post(message);
}

async function start(interruptBuffer, lockName) {
  if (lockName && self.navigator.locks) {
    // Held for this worker's whole life: the page learns that the worker died
    // (closed itself, crashed, ran out of memory) when the lock is released.
    await new Promise((held) => {
      self.navigator.locks.request(lockName, () => {
        held();
        return new Promise(() => {});
      });
    });
  }
  post({ type: "progress", stage: "runtime", percent: 5 });
  const { loadPyodide } = await import(/* @vite-ignore */ `${INDEX_URL}pyodide.mjs`);
  pyodide = await loadPyodide({ indexURL: INDEX_URL, fullStdLib: false });
  post({ type: "progress", stage: "packages", percent: 70 });
  await pyodide.loadPackage(["backprop_core"], { messageCallback: () => {} });
  post({ type: "progress", stage: "warming", percent: 90 });
  installStreams();
  if (interruptBuffer) pyodide.setInterruptBuffer(new Uint8Array(interruptBuffer));
  const namespace = pyodide.globals.get("dict")();
  pyodide.runPython(PYRUNNER_SOURCE, { globals: namespace, filename: "<runner>" });
  runner = {
    start: namespace.get("start"),
    run: namespace.get("run"),
    reset: namespace.get("reset"),
    check: namespace.get("check"),
  };
  runner.start();
  post({ type: "progress", stage: "ready", percent: 100 });
  post({ type: "ready", version: pyodide.version });
}

function runOne({ id, cells, lang, check }) {
  const started = now();
  current = {
    id, quiet: true, budget: LIMITS.output_chars, lines: LIMITS.output_lines, cut: false,
    pictureChars: 0, picturesCut: false, shown: new Set(),
  };
  pending = [];
  pendingChars = 0;
  burst = BURST;
  post({ type: "started", id });
  const onCell = (index) => {
    flush();
    current.quiet = index < cells.length - 1;
  };
  let ok = false;
  let verdict = null;
  try {
    ok = runner.run(JSON.stringify(cells), lang, display, onCell, LIMITS.output_chars);
    flush();
    if (ok && check) {
      current.quiet = true; // the checker re-runs the reader's code silently
      runner.reset();
      verdict = runner.check(check.code, check.filename, cells[cells.length - 1].code, lang);
    }
  } catch (error) {
    if (check && ok && !(error && error.pyodide_fatal_error)) {
      verdict = JSON.stringify({ verdict: "error", key: null, message: String(error.message || error) });
    } else {
      throw error;
    }
  } finally {
    current.quiet = false;
    flush();
    current = null;
  }
  if (verdict !== null) post({ type: "verdict", id, verdict });
  if (closeRequested) post({ type: "closed", id });
  else post({ type: "done", id, ok, ms: Math.round(now() - started) });
}

function receive(message) {
  if (!message || message.type !== "run" || !runner) return;
  try {
    runOne(message);
  } catch (error) {
    // A JavaScript-level failure (the wasm stack overflowed, memory ran out):
    // this runtime cannot be trusted any more; the page starts a fresh one.
    post({ type: "crashed", id: message.id, error: String(error && error.message ? error.message : error) });
    return;
  }
  try {
    runner.reset();
    installStreams();
  } catch (error) {
    post({ type: "crashed", id: message.id, error: String(error && error.message ? error.message : error) });
  }
}

// The first message brings the private port; after that the global channel is closed.
self.onmessage = (event) => {
  const data = event.data;
  if (port || !data || data.type !== "connect" || !(event.ports[0] instanceof MessagePort)) return;
  port = event.ports[0];
  self.onmessage = null;
  port.onmessage = (e) => receive(e.data);
  start(data.interruptBuffer, data.lockName).catch((error) => {
    post({ type: "failed", error: String(error && error.message ? error.message : error) });
  });
};
