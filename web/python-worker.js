// One Python worker, seen from the page: started, checked message by message,
// watched for its death, thrown away.
//
// Each worker is its own JavaScript realm with its own interpreter. It starts
// in one of three ways (worker.js): "start" (Pyodide's normal start), "restore"
// (from the memory snapshot the page hands it) or "make" (a worker that runs no
// reader code: it starts, makes the snapshot, sends it, and is thrown away).
//
// The worker answers on a private MessageChannel; every message is checked
// (type, fields, the id of the request in progress) before it can change
// anything on the page. A worker that dies — closes itself, runs out of
// memory, crashes — is noticed (a Web Lock it holds for its lifetime is
// released, or its port closes) and reported with onLost.

/* global BUILD_ID */
import LIMITS from "./runner-limits.json";

const WORKER_URL = new URL(`./worker.js?v=${BUILD_ID}`, import.meta.url);
const STREAMS = new Set(["stdout", "stderr"]);
const MIMES = new Set(["text/plain", "image/svg+xml"]);
const NOTES = new Set(["", "picture_too_large", "too_many_figures"]);
const STAGES = new Set(["runtime", "packages", "warming", "ready"]);
const JSON_CHARS = 2_000_000; // a plan or a check's collected values (pyrunner caps these at 1 MB)

const isText = (value, max = Infinity) => typeof value === "string" && value.length <= max;
const isCount = (value) => Number.isFinite(value) && value >= 0;

/** Per message type: is this message well-formed? (The request id is checked separately.) */
const VALID = {
  progress: (m) => STAGES.has(m.stage) && isCount(m.percent) && m.percent <= 100,
  ready: (m) =>
    typeof m.restored === "boolean" &&
    m.files && (m.files.module === null || m.files.module instanceof WebAssembly.Module) &&
    [m.files.stdlib, m.files.wheel].every((file) => file === null || file instanceof Blob),
  failed: (m) => isText(m.error, 2000) && isText(m.stage, 40),
  snapshot: (m) => m.bytes instanceof ArrayBuffer && isText(m.hash, 64),
  started: () => true,
  output: (m) =>
    Array.isArray(m.chunks) &&
    m.chunks.every((c) => Array.isArray(c) && c.length === 2 && STREAMS.has(c[0]) && isText(c[1], LIMITS.output_chars)),
  display: (m) =>
    MIMES.has(m.mime) && isText(m.data, LIMITS.svg_chars) && isText(m.displayId, 200) && NOTES.has(m.note),
  cut: () => true,
  verdict: (m) => isText(m.verdict, LIMITS.verdict_chars),
  plan: (m) => m.plan === null || isText(m.plan, JSON_CHARS),
  collected: (m) => isText(m.collected, JSON_CHARS),
  done: (m) => typeof m.ok === "boolean" && isCount(m.ms) && typeof m.reusable === "boolean",
  crashed: (m) => isText(m.error, 2000),
  closed: () => true,
};
// Messages about one request (a run, a plan, a judgement): they carry its id.
const REQUEST_MESSAGES = new Set(["started", "output", "display", "cut", "verdict", "plan", "collected", "done", "crashed", "closed"]);

let serial = 0;
/** Messages ignored because they were malformed or not for the request in progress (tests). */
export const messageStats = { rejected: 0 };

export class PythonWorker {
  /**
   * mode: "start" | "restore" | "make"; snapshot: {blob, hash, verified} for "restore";
 * files: the runtime's files the page holds ({module, stdlib, wheel}, each may be null).
   * handlers: onProgress(progress) while starting, onMessage(message) for the
   * request in progress, onLost(reason) when the worker dies after it was ready.
   * `ready` resolves with the ready message ({restored}, or {bytes, hash} for
   * "make") and rejects with an Error whose `stage` says where it failed.
   */
  constructor(mode, snapshot, files, handlers) {
    this.mode = mode;
    this.handlers = handlers;
    this.requestId = null; // the request whose messages are accepted
    this.isReady = false;
    this.dead = false;
    this.touched = false; // has run reader code
    this.interrupt = self.crossOriginIsolated ? new Uint8Array(new SharedArrayBuffer(1)) : null;
    const channel = new MessageChannel();
    this.lockName = `bp-python-${++serial}-${crypto.getRandomValues(new Uint32Array(2)).join("-")}`;
    this.worker = new Worker(WORKER_URL, { type: "module", name: mode === "make" ? "python-snapshot" : "python" });
    this.port = channel.port1;
    this.ready = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      this.port.onmessage = (event) => this.receive(event.data);
      this.worker.onerror = (event) => {
        event.preventDefault(); // handled here (the runtime starts another), not the page's uncaught error
        this.fail(event.message || "the worker failed to load", "load");
      };
    });
    this.ready.then(() => this.watch(), () => {});
    this.worker.postMessage(
      {
        type: "connect",
        mode,
        interruptBuffer: this.interrupt && this.interrupt.buffer,
        lockName: mode === "make" ? "" : this.lockName,
        snapshot: snapshot ? snapshot.blob : null,
        snapshotHash: snapshot && !snapshot.verified ? snapshot.hash : "",
        files,
      },
      [channel.port2],
    );
  }

  fail(error, stage) {
    if (this.isReady || this.dead) return;
    const failure = new Error(String(error));
    failure.stage = stage;
    this.terminate();
    this.settle.reject(failure);
  }

  /** Notice when this worker dies: its lock is released, or its end of the channel closes. */
  watch() {
    const lost = () => {
      if (!this.dead) {
        this.terminate();
        this.handlers.onLost?.("lost");
      }
    };
    this.port.addEventListener("close", lost);
    if (self.navigator.locks && this.mode !== "make") self.navigator.locks.request(this.lockName, lost).catch(() => {});
  }

  receive(message) {
    if (this.dead || !message || typeof message !== "object") return;
    const check = Object.hasOwn(VALID, message.type) ? VALID[message.type] : null;
    const forRequest = REQUEST_MESSAGES.has(message.type);
    if (!check || !check(message) || (forRequest && (this.requestId === null || message.id !== this.requestId))) {
      messageStats.rejected += 1;
      return;
    }
    switch (message.type) {
      case "progress":
        if (!this.isReady) this.handlers.onProgress?.(message);
        break;
      case "ready":
        if (this.isReady || this.mode === "make") break;
        this.isReady = true;
        this.settle.resolve(message);
        break;
      case "snapshot":
        if (this.mode !== "make" || this.isReady) break;
        this.isReady = true;
        this.settle.resolve(message);
        this.terminate(); // its work is done
        break;
      case "failed":
        this.fail(message.error, message.stage);
        break;
      default:
        this.handlers.onMessage?.(message);
    }
  }

  /** Send a request (run, plan, judge); only its messages are accepted from now on. */
  send(message) {
    this.requestId = message.id;
    if (this.interrupt) this.interrupt[0] = 0;
    if (message.type === "run") this.touched = true;
    this.port.postMessage(message);
  }

  /** Ask Python to raise KeyboardInterrupt (only with cross-origin isolation). */
  interruptPython() {
    if (!this.interrupt) return false;
    this.interrupt[0] = 2; // SIGINT
    return true;
  }

  terminate() {
    if (this.dead) return;
    this.dead = true;
    this.worker.terminate();
    this.port.close();
  }
}
