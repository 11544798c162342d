// The page's Python: a queue of runs and the workers that run them. One per
// visit: Material's instant navigation keeps this module (and its workers)
// alive from page to page.
//
// Every Run and every Check goes to a worker that no reader code has touched:
// a spare, restored from the memory snapshot in the background (snapshot-store.js,
// ~0.3 s), is waiting; a run takes it, a new spare is restored, and the worker
// that ran is thrown away when the run ends. So nothing a run does — to Python,
// to the standard library, to the worker's JavaScript — can reach another run,
// and a Stop simply throws the worker away (with cross-origin isolation it
// first asks Python to raise KeyboardInterrupt, so the traceback shows where
// the code was).
//
// The snapshot is made on the first visit, after the reader's first result, by
// a worker that runs no reader code. Until it exists (and in a browser where
// snapshots do not work) the fallback is the old one: Runs reuse one worker,
// which resets the interpreter after each run (pyreset.py); a Check still waits
// for an untouched worker (a normal start).
//
// A Check's verdict comes from the judge (judge.js): a worker of its own that
// never runs reader code.
//
// Longer than 300 lines: the queue, the spare worker and the snapshot's life
// (made, restored, distrusted, remade) decide together which worker takes the
// next run; the worker's own protocol is python-worker.js.

import { Judge } from "./judge.js";
import { messageStats, PythonWorker } from "./python-worker.js";
import { forgetSnapshot, loadSnapshot, makingGaveUp, noteMakingFailed, saveSnapshot } from "./snapshot-store.js";

const INTERRUPT_GRACE_MS = 1000;
const SNAPSHOT_IDLE_MS = 3000; // with no run yet, the snapshot is made this long after Python is ready

export class PythonRuntime {
  constructor() {
    this.snapshot = null; // {blob, hash, verified} once there is one to restore
    this.files = {}; // the runtime's files, from the first worker: {module, stdlib, wheel}
    this.snapshotState = "unknown"; // unknown | none | making | ready | unavailable
    this.remadeSnapshot = false;
    this.spare = null; // an untouched worker, starting or ready
    this.used = null; // fallback only: a worker that ran reader code and was reset
    this.active = null; // {run, worker}
    this.queue = []; // runs waiting for a worker
    this.ready = null; // Promise resolved when Python first became ready
    this.isReady = false;
    this.listeners = new Set(); // progress listeners: ({percent, stage}) => void
    this.progress = { percent: 0, stage: "idle" };
    this.nextId = 1;
    this.judge = new Judge(this);
    this.stats = { started: 0, restored: 0, made: 0, restoreFailed: 0 }; // for tests and the benchmark
    this.lastWorker = null; // the worker of the latest run (for tests)
    this.suspect = null; // a snapshot that failed to restore, until a normal start shows it was at fault
    this.leaving = false; // the page is being unloaded: its workers' failures mean nothing
    addEventListener("pagehide", () => (this.leaving = true));
    addEventListener("pageshow", () => (this.leaving = false)); // back from the back-forward cache
    this.counts = {}; // run messages accepted, by type (for tests and the benchmark)
  }

  /** Malformed or foreign messages ignored (for tests). */
  get rejected() {
    return messageStats.rejected;
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

  /** Start Python if it is not running; resolves when it is ready. */
  start() {
    if (this.ready) return this.ready;
    this.setProgress({ percent: 1, stage: "runtime" });
    this.ready = new Promise((resolve, reject) => (this.firstStart = { resolve, reject }));
    this.ready.catch(() => {});
    (this.snapshotState === "unknown" ? loadSnapshot() : Promise.resolve(this.snapshot)).then((snapshot) => {
      if (this.snapshotState === "unknown") {
        this.snapshot = snapshot;
        this.snapshotState = snapshot ? "ready" : makingGaveUp() ? "unavailable" : "none";
      }
      this.ensureSpare();
    });
    return this.ready;
  }

  /** A worker of the given kind: restored from the snapshot if there is one, else started. */
  newWorker(onProgress) {
    const mode = this.snapshot ? "restore" : "start";
    const snapshot = this.snapshot;
    const worker = new PythonWorker(mode, snapshot, this.files, { onProgress });
    worker.ready.then(
      ({ files }) => {
        for (const name of ["module", "stdlib", "wheel"]) this.files[name] ??= files[name]; // for later workers
        if (mode === "restore") snapshot.verified = true;
        this.stats[mode === "restore" ? "restored" : "started"] += 1;
        if (mode === "start" && this.suspect) this.snapshotFailed();
      },
      (error) => {
        if (this.leaving) return; // the page is going away: the workers with it
        this.lastFailure = `${mode}/${error.stage}: ${error.message}`; // (for tests)
        if (mode === "restore" && this.snapshot === snapshot) {
          // Normal starts from now on. Whether the snapshot was at fault shows when
          // one succeeds: a failure to fetch the runtime (offline) is not its fault.
          this.suspect = snapshot;
          this.snapshot = null;
          this.snapshotState = this.remadeSnapshot ? "unavailable" : "none"; // remade once per visit
          this.remadeSnapshot = true;
        }
      },
    );
    return worker;
  }

  /** Have a spare worker (untouched) starting or ready. */
  ensureSpare() {
    if (this.spare && !this.spare.dead) return;
    if (this.snapshotState === "unknown") return; // start() looks the snapshot up first
    // Without a snapshot, a second normal start is not worth its seconds while the
    // reused worker can take the Runs; a Check asks for one (after the snapshot
    // being made, if it is: that is as quick).
    if (!this.snapshot && this.isReady && this.snapshotState !== "unavailable") {
      if (this.snapshotState === "making" || !this.queue.some((run) => run.check)) return;
    }
    const first = !this.isReady;
    const worker = this.newWorker((p) => first && this.showStartProgress(p));
    this.spare = worker;
    worker.ready.then(
      () => {
        this.becameReady();
        this.pump();
      },
      (error) => {
        if (this.spare === worker) this.spare = null;
        if (this.leaving) return;
        if (worker.mode === "restore") this.ensureSpare(); // a normal start now
        else this.startFailed(error);
      },
    );
    worker.handlers.onLost = () => {
      if (this.spare === worker) this.spare = null;
      this.ensureSpare();
    };
  }

  showStartProgress(message) {
    if (!this.isReady) this.setProgress({ percent: message.percent, stage: message.stage === "ready" ? "warming" : message.stage });
  }

  becameReady() {
    if (this.isReady) return;
    this.isReady = true;
    this.setProgress({ percent: 100, stage: "ready" });
    this.firstStart.resolve();
    if (this.snapshotState === "none") this.idleTimer = setTimeout(() => this.makeSnapshot(), SNAPSHOT_IDLE_MS);
  }

  startFailed(error) {
    const text = String(error.message || error);
    if (!this.isReady) {
      this.setProgress({ percent: 0, stage: "failed", error: text });
      this.firstStart.reject(error);
      this.ready = null; // the next run tries again
    }
    for (const run of this.queue.splice(0)) run.resolve({ status: "failed", error: text, ms: 0, kept: false });
  }

  /** Make the snapshot in a worker of its own (first visit, after the first result). */
  makeSnapshot() {
    clearTimeout(this.idleTimer);
    if (this.snapshotState !== "none") return;
    this.snapshotState = "making";
    const maker = new PythonWorker("make", null, this.files, {});
    maker.ready.then(
      async ({ bytes, hash }) => {
        this.snapshot = await saveSnapshot(bytes, hash);
        this.snapshotState = "ready";
        this.stats.made += 1;
        if (this.used && this.active?.worker !== this.used) {
          this.used.terminate(); // from now on every run gets a fresh worker
          this.used = null;
        }
        this.ensureSpare();
        this.pump();
      },
      (error) => {
        if (this.leaving) return;
        if (error.stage === "make") noteMakingFailed(); // (not a runtime that failed to load)
        this.snapshotState = "unavailable";
        this.ensureSpare();
        this.pump();
      },
    );
  }

  /** The snapshot did not verify or restore, and a normal start worked: delete it; a new
      one is made after the next result (once per visit). */
  snapshotFailed() {
    this.stats.restoreFailed += 1;
    const { suspect } = this;
    this.suspect = null;
    if (!this.snapshot || this.snapshot === suspect) forgetSnapshot(); // (not one made since)
  }

  /** The worker for this run, if one can take it now. */
  pickWorker(run) {
    if (!this.snapshot && !run.check && this.used && !this.used.dead) return this.used;
    if (this.spare?.isReady) return this.spare;
    return null;
  }

  /** Send the next waiting run to a worker, if one is free. */
  pump() {
    if (this.active) return;
    const run = this.queue[0];
    if (!run) return;
    if (run.check && run.plan === undefined) return; // the judge is still planning it
    const worker = this.pickWorker(run);
    if (!worker) {
      this.ensureSpare();
      return;
    }
    this.queue.shift();
    if (worker === this.spare) this.spare = null;
    if (worker === this.used) this.used = null;
    this.active = { run, worker };
    this.lastWorker = worker;
    run.reused = !this.snapshot; // fallback: the worker resets itself after the run, for the next
    worker.handlers.onMessage = (message) => this.receive(run, worker, message);
    worker.handlers.onLost = () => this.abandon(run, worker, "lost");
    const check = run.check && { ...run.check, source: run.cells[run.cells.length - 1].code, plan: run.plan };
    worker.send({ type: "run", id: run.id, cells: run.cells, lang: run.lang, check, reset: run.reused });
    for (const waiting of this.queue) waiting.handlers.onQueued?.("waiting");
    this.ensureSpare(); // the next run's worker, in the background
  }

  receive(run, worker, message) {
    this.counts[message.type] = (this.counts[message.type] || 0) + 1;
    switch (message.type) {
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
        this.deliverVerdict(run, message.verdict);
        break;
      case "collected":
        run.judged = this.judge.judge(run.check, message.collected, run.lang).then((verdict) => this.deliverVerdict(run, verdict));
        break;
      case "done": {
        const stopped = run.stopReason;
        const status = stopped || (message.ok ? "done" : "error");
        const reusable = message.reusable;
        Promise.resolve(stopped ? null : run.judged).then(() => this.finish(run, worker, reusable, { status, ms: message.ms }));
        break;
      }
      case "crashed":
        this.abandon(run, worker, "crashed");
        break;
      case "closed":
        this.abandon(run, worker, "lost");
        break;
      default:
    }
  }

  deliverVerdict(run, text) {
    if (run.settled) return;
    try {
      const verdict = JSON.parse(text);
      if (verdict && typeof verdict === "object" && !Array.isArray(verdict)) run.handlers.onVerdict?.(verdict);
    } catch {
      // not JSON: no verdict
    }
  }

  /** The run ended and its worker answered: keep the worker only in the fallback. */
  finish(run, worker, reusable, result) {
    if (this.active?.run !== run) return;
    this.active = null;
    const keep = reusable && !this.snapshot && !worker.dead;
    if (keep) {
      if (this.used && this.used !== worker) this.used.terminate();
      this.used = worker;
      worker.handlers.onMessage = null;
      worker.handlers.onLost = () => this.used === worker && (this.used = null);
    } else {
      worker.terminate();
    }
    this.settle(run, { ...result, kept: keep && Boolean(run.stopReason) });
    if (this.snapshotState === "none") this.makeSnapshot();
    this.pump();
  }

  /** The run's worker is gone or must go (stopped, crashed, lost): end the run now. */
  abandon(run, worker, reason) {
    worker.terminate();
    if (this.active?.run === run) this.active = null;
    const status = run.stopReason || reason;
    this.settle(run, { status, ms: run.started ? Math.round(performance.now() - run.started) : 0, kept: false });
    this.ensureSpare();
    this.pump();
  }

  settle(run, result) {
    run.settled = true;
    clearTimeout(run.limitTimer);
    clearTimeout(run.graceTimer);
    run.resolve(result);
  }

  /**
   * Run cells [{code, filename}] in one fresh namespace. The last cell's output
   * goes to handlers.onOutput(chunks) and handlers.onDisplay(message);
   * handlers.onQueued(reason), onStarted(), onCut(), onVerdict(verdict)
   * tell the rest. options: {timeLimitMs, lang, check: {code, filename}}.
   * Returns {id, done, stop(reason)}; done resolves with {status, ms, kept}:
   * status "done" | "error" | "stopped" | "timeout" | "cancelled" |
   * "crashed" | "lost" | "failed"; kept says the stopped worker was kept (fallback).
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
    if (run.check) {
      this.judge.plan(run.check).then((plan) => {
        run.plan = plan;
        this.pump();
      });
    }
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
      this.settle(run, { status: reason, ms: 0, kept: true });
      this.pump();
      return;
    }
    const active = this.active;
    if (!active || active.run.id !== id || active.run.stopReason) return;
    const { run, worker } = active;
    run.stopReason = reason;
    if (worker.interruptPython()) {
      // KeyboardInterrupt shows where the code was; code that swallows it loses its worker.
      run.graceTimer = setTimeout(() => this.active?.run === run && this.abandon(run, worker, reason), INTERRUPT_GRACE_MS);
      return;
    }
    this.abandon(run, worker, reason);
  }
}

export const runtime = new PythonRuntime();
