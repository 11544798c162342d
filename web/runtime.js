// The page's handle on the Python worker. One per visit: Material's instant
// navigation keeps this module (and so the worker) alive from page to page.
//
// Runs wait in a queue here, on the page; the worker gets one at a time. So a
// run's time limit counts from when it starts, Stop can drop a waiting run
// without touching the others, and when a worker has to be replaced the
// waiting runs simply go to the new one.
//
// The worker answers on a private MessageChannel (see worker.js); every
// message is checked (type, fields, the id of the run in progress) before it
// can change anything on the page. A worker that dies — closes itself, runs
// out of memory, crashes — is noticed (a Web Lock it holds for its lifetime is
// released, or its port closes) and replaced.
//
// Stopping: with cross-origin isolation (SharedArrayBuffer) a Stop first asks
// Python to raise KeyboardInterrupt through Pyodide's interrupt buffer, which
// keeps the runtime; if the code does not stop within a moment (or the page is
// not isolated, as on GitHub Pages) the worker is terminated and a fresh one
// is started.

/* global BUILD_ID */
import LIMITS from "./runner-limits.json";

const WORKER_URL = new URL(`./worker.js?v=${BUILD_ID}`, import.meta.url);
const INTERRUPT_GRACE_MS = 1000;
const STREAMS = new Set(["stdout", "stderr"]);
const MIMES = new Set(["text/plain", "image/svg+xml"]);
const NOTES = new Set(["", "picture_too_large"]);
const STAGES = new Set(["runtime", "packages", "warming", "ready"]);

const isText = (value, max = Infinity) => typeof value === "string" && value.length <= max;
const isCount = (value) => Number.isFinite(value) && value >= 0;

/** Per message type: is this message well-formed? (The run id is checked separately.) */
const VALID = {
  progress: (m) => STAGES.has(m.stage) && isCount(m.percent) && m.percent <= 100,
  ready: () => true,
  failed: (m) => isText(m.error, 2000),
  started: () => true,
  output: (m) =>
    Array.isArray(m.chunks) &&
    m.chunks.every((c) => Array.isArray(c) && c.length === 2 && STREAMS.has(c[0]) && isText(c[1], LIMITS.output_chars)),
  display: (m) =>
    MIMES.has(m.mime) && isText(m.data, LIMITS.svg_chars) && isText(m.displayId, 200) && NOTES.has(m.note),
  cut: () => true,
  verdict: (m) => isText(m.verdict, LIMITS.verdict_chars),
  done: (m) => typeof m.ok === "boolean" && isCount(m.ms),
  crashed: (m) => isText(m.error, 2000),
  closed: () => true,
};
const RUN_MESSAGES = new Set(["started", "output", "display", "cut", "verdict", "done", "crashed", "closed"]);

export class PythonRuntime {
  constructor() {
    this.worker = null;
    this.generation = 0; // which worker is current; answers of older ones are ignored
    this.ready = null; // Promise resolved when the runtime can run code
    this.isReady = false;
    this.listeners = new Set(); // progress listeners: ({percent, stage}) => void
    this.queue = []; // runs waiting for the worker
    this.active = null; // the run the worker is running
    this.nextId = 1;
    this.interrupt = null;
    this.progress = { percent: 0, stage: "idle" };
    this.rejected = 0; // malformed or foreign messages ignored (for tests)
    this.counts = {}; // messages accepted, by type (for tests and the benchmark)
  }

  onProgress(listener) {
    this.listeners.add(listener);
    listener(this.progress);
    return () => this.listeners.delete(listener);
  }

  setProgress(progress) {
    this.progress = progress;
    for (const listener of this.listeners) listener(progress);
    // For the page (overrides/main.html holds Material's search index until Python is ready).
    document.dispatchEvent(new CustomEvent("bp:runtime", { detail: progress }));
  }

  /** Start the worker if it is not running; resolves when Python is ready. */
  start() {
    if (this.ready) return this.ready;
    const generation = ++this.generation;
    const channel = new MessageChannel();
    const lockName = `bp-python-${generation}-${crypto.getRandomValues(new Uint32Array(2)).join("-")}`;
    this.worker = new Worker(WORKER_URL, { type: "module", name: "python" });
    this.port = channel.port1;
    this.isReady = false;
    this.interrupt = self.crossOriginIsolated ? new Uint8Array(new SharedArrayBuffer(1)) : null;
    this.setProgress({ percent: 1, stage: "runtime" });
    this.ready = new Promise((resolve, reject) => {
      this.port.onmessage = (event) => this.receive(generation, event.data, resolve, reject);
      this.worker.onerror = (event) => {
        if (generation === this.generation && !this.isReady) reject(new Error(event.message || "worker failed"));
      };
    });
    this.ready.then(
      () => this.watch(generation, lockName),
      (error) => {
        if (generation !== this.generation) return;
        this.setProgress({ percent: 0, stage: "failed", error: String(error.message || error) });
        this.reset();
        for (const run of this.queue.splice(0)) run.resolve({ status: "failed", error: String(error.message || error) });
      },
    );
    this.worker.postMessage(
      { type: "connect", interruptBuffer: this.interrupt && this.interrupt.buffer, lockName },
      [channel.port2],
    );
    return this.ready;
  }

  /** Notice when this worker dies: its lock is released, or its end of the channel closes. */
  watch(generation, lockName) {
    const lost = () => {
      if (generation === this.generation && this.worker) this.replace("lost");
    };
    this.port.addEventListener("close", lost);
    if (self.navigator.locks) self.navigator.locks.request(lockName, lost).catch(() => {});
  }

  receive(generation, message, resolve, reject) {
    if (generation !== this.generation || !message || typeof message !== "object") return;
    const check = Object.hasOwn(VALID, message.type) ? VALID[message.type] : null;
    const run = this.active;
    const forThisRun = RUN_MESSAGES.has(message.type) && run && message.id === run.id;
    if (!check || !check(message) || (RUN_MESSAGES.has(message.type) && !forThisRun)) {
      this.rejected += 1;
      return;
    }
    this.counts[message.type] = (this.counts[message.type] || 0) + 1;
    switch (message.type) {
      case "progress":
        if (!this.isReady) this.setProgress({ percent: message.percent, stage: message.stage === "ready" ? "warming" : message.stage });
        break;
      case "ready":
        if (this.isReady) break;
        this.isReady = true;
        this.setProgress({ percent: 100, stage: "ready" });
        resolve();
        this.pump();
        break;
      case "failed":
        if (!this.isReady) reject(new Error(message.error));
        break;
      case "started":
        if (run.started) break;
        run.started = performance.now();
        if (run.timeLimitMs) run.limitTimer = setTimeout(() => this.stop(run.id, "timeout"), run.timeLimitMs);
        run.handlers.onStarted?.();
        break;
      case "output":
        run.handlers.onOutput?.(message.chunks);
        break;
      case "display":
        run.handlers.onDisplay?.(message);
        break;
      case "cut":
        if (!run.cutShown) run.handlers.onCut?.();
        run.cutShown = true;
        break;
      case "verdict":
        try {
          const verdict = JSON.parse(message.verdict);
          if (verdict && typeof verdict === "object" && !Array.isArray(verdict)) run.handlers.onVerdict?.(verdict);
        } catch {
          this.rejected += 1;
        }
        break;
      case "done": {
        const stopped = run.stopReason;
        this.finish(run, {
          status: stopped || (message.ok ? "done" : "error"),
          kept: Boolean(stopped),
          ms: message.ms,
        });
        break;
      }
      case "crashed":
        this.replace("crashed");
        break;
      case "closed":
        this.replace("lost");
        break;
      default:
    }
  }

  finish(run, result) {
    if (this.active === run) this.active = null;
    clearTimeout(run.limitTimer);
    clearTimeout(run.graceTimer);
    run.resolve(result);
    this.pump();
  }

  /** Send the next waiting run to the worker, if it is free. */
  pump() {
    if (this.active || !this.isReady) return;
    const run = this.queue.shift();
    if (!run) return;
    this.active = run;
    if (this.interrupt) this.interrupt[0] = 0;
    this.port.postMessage({ type: "run", id: run.id, cells: run.cells, lang: run.lang, check: run.check });
    for (const waiting of this.queue) waiting.handlers.onQueued?.("waiting");
  }

  /**
   * Run cells [{code, filename}] in one fresh namespace. The last cell's output
   * goes to handlers.onOutput(chunks) and handlers.onDisplay(message);
   * handlers.onQueued(reason), onStarted(), onCut(), onVerdict(verdict)
   * tell the rest. options: {timeLimitMs, lang, check: {code, filename}}.
   * Returns {id, done, stop(reason)}; done resolves with {status, ms, kept}:
   * status "done" | "error" | "stopped" | "timeout" | "cancelled" |
   * "crashed" | "lost" | "failed"; kept says the interrupt kept the runtime.
   */
  run(cells, handlers = {}, options = {}) {
    const id = this.nextId++;
    let resolve;
    const done = new Promise((r) => (resolve = r));
    const run = {
      id, cells, handlers, resolve,
      lang: options.lang || "en",
      check: options.check || null,
      timeLimitMs: options.timeLimitMs || 0,
      started: 0, stopReason: null, limitTimer: 0, graceTimer: 0,
    };
    this.queue.push(run);
    if (!this.isReady || this.active || this.queue.length > 1) handlers.onQueued?.(this.isReady ? "waiting" : "loading");
    this.start().catch(() => {});
    this.pump();
    return { id, done, stop: (reason) => this.stop(id, reason) };
  }

  /** Stop the run with this id: drop it if it waits, end it if it runs. Others go on. */
  stop(id, reason = "stopped") {
    const queued = this.queue.findIndex((run) => run.id === id);
    if (queued >= 0) {
      const [run] = this.queue.splice(queued, 1);
      run.resolve({ status: reason, ms: 0, kept: true });
      return;
    }
    const run = this.active;
    if (!run || run.id !== id || run.stopReason) return;
    run.stopReason = reason;
    if (this.interrupt) {
      this.interrupt[0] = 2; // SIGINT: Python raises KeyboardInterrupt
      run.graceTimer = setTimeout(() => this.active === run && this.replace(reason), INTERRUPT_GRACE_MS);
      return;
    }
    this.replace(reason);
  }

  /** Throw the worker away (ending the run in progress) and start a fresh one; waiting runs go to it. */
  replace(reason) {
    const run = this.active;
    this.active = null;
    this.reset();
    if (run) {
      clearTimeout(run.limitTimer);
      clearTimeout(run.graceTimer);
      const status = run.stopReason || reason;
      run.resolve({ status, ms: run.started ? Math.round(performance.now() - run.started) : 0, kept: false });
    }
    for (const waiting of this.queue) waiting.handlers.onQueued?.("loading");
    this.start().catch(() => {});
  }

  reset() {
    this.generation += 1;
    if (this.worker) this.worker.terminate();
    if (this.port) this.port.close();
    this.worker = null;
    this.port = null;
    this.ready = null;
    this.isReady = false;
  }
}

export const runtime = new PythonRuntime();
