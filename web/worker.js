// A Python worker: one interpreter, for one run (or, in the fallback, for the
// runs of a visit), for the judge, or to make the snapshot (python-worker.js
// starts it; worker-start.js says how Python starts).
//
// The page and this worker talk over a private MessageChannel: the page sends
// the port in its first message and never listens to the worker's global
// postMessage again. Reader code can reach this worker's global scope (`import
// js`), but not the port, which lives only in a module closure; so it cannot
// forge what the page shows. Before any reader code runs, the worker takes away
// what reader code must not reach (worker-lockdown.js).
//
// Page -> worker: {type: "connect", mode, interruptBuffer, lockName, snapshot, snapshotHash, files} + port
//   then {type: "run", id, cells: [{code, filename}], lang, reset, check?: {code, filename, source, plan}}
//        {type: "plan", id, code, filename}                 (judge only)
//        {type: "judge", id, code, filename, collected, lang} (judge only)
// Worker -> page (all but the first three carry the request's id):
//   {type: "progress", stage, percent}, {type: "ready", restored, version, files}
//   {type: "failed", stage, error}   ("make" mode: {type: "snapshot", bytes, hash} instead of ready)
//   {type: "started", id}            the run began
//   {type: "output", id, chunks}     [[stream, text], ...] in order, batched
//   {type: "display", id, mime, data, displayId, note}
//   {type: "cut", id}                output went over the budget; the rest is dropped
//   {type: "collected", id, collected}  a Check's values of the reader's program (JSON text)
//   {type: "verdict", id, verdict}   a verdict (JSON text): the judge's, or check() run here
//   {type: "plan", id, plan}         the judge's plan for an exercise (JSON text, or null)
//   {type: "done", id, ok, ms, reusable}  ms: the run's own time, from start to end;
//                                    reusable: the fallback's reset put the interpreter back
//   {type: "crashed", id, error}     the wasm runtime died: the page starts another
//   {type: "closed", id}             the reader's code closed the worker: likewise

import LIMITS from "./runner-limits.json";
import { closeWasRequested, lockDown } from "./worker-lockdown.js";
import { beginRun, display, endRun, flush, installStreams, post, setPort, setQuiet } from "./worker-output.js";
import { makeSnapshot, restore, startNormally } from "./worker-start.js";

const now = performance.now.bind(performance);
const stringify = JSON.stringify;

let pyodide = null;
let runner = null; // the module _bp_runner (pyrunner.py)
let resetter = null; // the module _bp_reset (pyreset.py), in a normally started worker

const errorText = (error) => String(error && error.message ? error.message : error);
const verdictError = (error) => stringify({ verdict: "error", key: null, message: errorText(error) });

async function begin({ mode, interruptBuffer, lockName, snapshot, snapshotHash, files }) {
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
  if (mode === "make") {
    const [{ bytes, hash }] = await makeSnapshot(files || {});
    post({ type: "snapshot", bytes, hash }, [bytes]);
    return;
  }
  const progress = (stage, percent) => post({ type: "progress", stage, percent });
  let used;
  if (mode === "restore") [pyodide, used] = await restore(files || {}, snapshot, snapshotHash);
  else [pyodide, used] = await startNormally(files || {}, progress);
  installStreams(pyodide);
  if (interruptBuffer) pyodide.setInterruptBuffer(new Uint8Array(interruptBuffer));
  runner = pyodide.pyimport("_bp_runner");
  if (mode === "start") resetter = pyodide.pyimport("_bp_reset");
  const open = lockDown();
  if (open.length) throw Object.assign(new Error(`could not take away ${open.join(", ")}`), { stage: "lockdown" });
  post({ type: "progress", stage: "ready", percent: 100 });
  // The files go back to the page, for the next workers (a Module shares its compiled code).
  post({ type: "ready", restored: mode === "restore", version: pyodide.version, files: used });
}

function runOne({ id, cells, lang, check }) {
  const started = now();
  beginRun(id);
  post({ type: "started", id });
  const onCell = (index) => setQuiet(index < cells.length - 1);
  let ok = false;
  let verdict = null;
  let collected = null;
  try {
    ok = runner.run(stringify(cells), lang, display, onCell, LIMITS.output_chars);
    flush();
    if (ok && check) {
      setQuiet(true); // the checker re-runs the reader's code silently
      if (check.plan) collected = runner.collect(check.code, check.filename, check.source, check.plan);
      else verdict = runner.check(check.code, check.filename, check.source, lang);
    }
  } catch (error) {
    if (!check || !ok || (error && error.pyodide_fatal_error)) throw error;
    verdict = verdictError(error);
  } finally {
    endRun();
  }
  if (collected !== null) post({ type: "collected", id, collected });
  if (verdict !== null) post({ type: "verdict", id, verdict });
  return { type: "done", id, ok, ms: Math.round(now() - started), reusable: false };
}

/** Fallback: put the interpreter back for the next run; false if that failed (runner review, D3). */
function resetForNextRun() {
  try {
    resetter.reset(runner.left);
    installStreams(pyodide);
    return true;
  } catch {
    return false;
  }
}

/** The judge's requests: our own code on plain data, never reader code. */
function answerJudge(message) {
  if (message.type === "plan") {
    let plan = null;
    try {
      const text = runner.plan(message.code, message.filename);
      plan = text === "null" ? null : text;
    } catch {
      plan = null; // the reader's worker then runs check() whole, and reports what fails
    }
    post({ type: "plan", id: message.id, plan });
    return;
  }
  let verdict;
  try {
    verdict = runner.judge(message.code, message.filename, message.collected, message.lang);
  } catch (error) {
    if (error && error.pyodide_fatal_error) throw error;
    verdict = verdictError(error);
  }
  post({ type: "verdict", id: message.id, verdict });
}

function receive(message) {
  if (!message || !runner) return;
  let done = null;
  try {
    if (message.type === "run") done = runOne(message);
    else if (message.type === "plan" || message.type === "judge") answerJudge(message);
  } catch (error) {
    // A JavaScript-level failure (the wasm stack overflowed, memory ran out):
    // this runtime cannot be trusted any more; the page starts a fresh one.
    post({ type: "crashed", id: message.id, error: errorText(error) });
    return;
  }
  if (!done) return;
  if (closeWasRequested()) {
    post({ type: "closed", id: message.id });
    return;
  }
  // The run is over only once the worker is fit for the next (or says it is not).
  done.reusable = Boolean(message.reset && resetter) && resetForNextRun();
  post(done);
}

// The first message brings the private port; after that the global channel is closed.
self.onmessage = (event) => {
  const data = event.data;
  if (runner || !data || data.type !== "connect" || !(event.ports[0] instanceof MessagePort)) return;
  self.onmessage = null;
  const port = event.ports[0];
  setPort(port);
  port.onmessage = (e) => receive(e.data);
  begin(data).catch((error) => {
    post({ type: "failed", stage: String((error && error.stage) || "start"), error: errorText(error) });
  });
};
