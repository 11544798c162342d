// The page's handle on the Python worker. One per visit: Material's instant
// navigation keeps this module (and so the worker) alive from page to page.
//
// Stopping: with cross-origin isolation (SharedArrayBuffer) a Stop first asks
// Python to raise KeyboardInterrupt through Pyodide's interrupt buffer; if the
// code does not stop within a moment (or the page is not isolated, as on
// GitHub Pages) the worker is terminated and a fresh one is started.

/* global BUILD_ID */
const WORKER_URL = new URL(`./worker.js?v=${BUILD_ID}`, import.meta.url);
const INTERRUPT_GRACE_MS = 1000;

export class PythonRuntime {
  constructor() {
    this.worker = null;
    this.ready = null; // Promise resolved when the runtime can run code
    this.listeners = new Set(); // progress listeners: ({percent, stage}) => void
    this.runs = new Map(); // id -> {handlers, resolve}
    this.nextId = 1;
    this.interrupt = null;
    this.progress = { percent: 0, stage: "idle" };
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
    this.worker = new Worker(WORKER_URL, { type: "module", name: "python" });
    this.interrupt = self.crossOriginIsolated ? new Uint8Array(new SharedArrayBuffer(1)) : null;
    this.setProgress({ percent: 1, stage: "runtime" });
    this.ready = new Promise((resolve, reject) => {
      this.worker.onmessage = (event) => this.receive(event.data, resolve, reject);
      this.worker.onerror = (event) => reject(new Error(event.message || "worker failed"));
    });
    this.ready.catch((error) => {
      this.setProgress({ percent: 0, stage: "failed", error: String(error.message || error) });
      this.reset();
    });
    this.worker.postMessage({ type: "start", interruptBuffer: this.interrupt && this.interrupt.buffer });
    return this.ready;
  }

  receive(message, resolve, reject) {
    const run = this.runs.get(message.id);
    switch (message.type) {
      case "progress":
        this.setProgress({ percent: message.percent, stage: message.stage });
        break;
      case "ready":
        resolve();
        break;
      case "failed":
        reject(new Error(message.error));
        break;
      case "stdout":
      case "stderr":
        if (run) run.handlers.onText(message.type, message.text);
        break;
      case "display":
        if (run) run.handlers.onDisplay(message.mime, message.data);
        break;
      case "done":
        if (run) this.finish(message.id, { status: message.ok ? "done" : "error" });
        break;
      case "crashed":
        if (run) {
          run.handlers.onText("stderr", `${message.error}\n`);
          this.finish(message.id, { status: "error" });
        }
        this.restart();
        break;
      default:
    }
  }

  finish(id, result) {
    const run = this.runs.get(id);
    if (!run) return;
    this.runs.delete(id);
    clearTimeout(run.graceTimer);
    run.resolve({ ...result, ms: Math.round(performance.now() - run.started) });
  }

  /**
   * Run cells [{code, filename}] in one fresh namespace; the last cell's output
   * goes to handlers.onText(stream, text) and handlers.onDisplay(mime, data).
   * Returns {id, done}; done resolves with {status: "done" | "error" | "stopped", ms}.
   */
  run(cells, handlers) {
    const id = this.nextId++;
    const done = this.start().then(
      () =>
        new Promise((resolve) => {
          this.runs.set(id, { handlers, resolve, started: performance.now(), graceTimer: 0 });
          if (this.interrupt) this.interrupt[0] = 0;
          this.worker.postMessage({ type: "run", id, cells });
        }),
    );
    return { id, done };
  }

  /** Stop the run with this id (and anything queued behind it). */
  stop(id) {
    const run = this.runs.get(id);
    if (!run) return;
    if (this.interrupt && !run.interrupted) {
      run.interrupted = true;
      this.interrupt[0] = 2; // SIGINT: Python raises KeyboardInterrupt
      run.graceTimer = setTimeout(() => this.stop(id), INTERRUPT_GRACE_MS);
      const original = run.resolve;
      run.resolve = (result) => original({ ...result, status: "stopped" });
      return;
    }
    this.restart();
  }

  /** Throw the worker away (ending whatever it runs) and start a fresh one. */
  restart() {
    for (const id of [...this.runs.keys()]) this.finish(id, { status: "stopped" });
    this.reset();
    this.start().catch(() => {});
  }

  reset() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.ready = null;
  }
}

export const runtime = new PythonRuntime();
