// Runnable blocks: <div class="bp-run" data-snippet data-state> (DESIGN.md).
//
// States: static (the build's output) -> loading (runtime starting) | waiting
// (another block runs first) -> running -> done | error | stopped. This module
// is the block itself: its buttons, its code (the build's, then CodeMirror's),
// its states and its runs (runtime.js). What a run shows below the block is
// block-output.js; Python's start as every block shows it, loading-progress.js.

import { BlockOutput } from "./block-output.js";
import { ensureAnnouncer, smoothPercent } from "./loading-progress.js";
import { format, languageOf } from "./messages.js";
import { runtime } from "./runtime.js";

// CodeMirror is a separate chunk (esbuild splitting), so the page's own script
// stays small and quick to start. An editor replaces a block's static,
// highlighted code only when the reader shows intent (the pointer over the
// code, or focus on it): creating every editor in view at load time costs a
// long task of layout and paint. The chunk itself is fetched and evaluated
// (a long task too) once Python is ready and the page has been idle for a
// while, so that it competes neither with Python's start nor with a first run.
let editorModule = null;
const loadEditor = () => (editorModule ??= import("./editor.js"));
const PREFETCH_DELAY_MS = 1000;
let prefetching = false;

function prefetchEditor() {
  if (prefetching) return;
  prefetching = true;
  const idle = self.requestIdleCallback?.bind(self) ?? ((callback) => setTimeout(callback, 0));
  setTimeout(() => idle(() => loadEditor().catch(() => (editorModule = null))), PREFETCH_DELAY_MS);
}

function timeLimitSeconds() {
  const meta = document.querySelector('meta[name="bp-time-limit"]');
  const seconds = meta ? Number(meta.content) : 30;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 30;
}

const BUSY_STATES = new Set(["loading", "waiting", "running"]);
// A run's outcome (runtime.js) -> the block's state and the message that says it.
const OUTCOMES = {
  done: ["done", (m, r) => format(m.done, { ms: r.ms })],
  error: ["error", (m) => m.error],
  // Stopped while Python was still starting: it starts on; it was not "still loaded".
  stopped: ["stopped", (m, r) => (!runtime.isReady ? m.stopped_loading : r.kept ? m.stopped_kept : m.stopped)],
  timeout: ["stopped", (m) => format(m.timeout, { seconds: timeLimitSeconds() })],
  cancelled: ["stopped", (m) => m.cancelled],
  crashed: ["error", (m) => m.crashed],
  lost: ["error", (m) => m.worker_lost],
  failed: ["error", (m, r) => format(m.runtime_failed, { error: r.error || "" })],
};

const liveRuns = new Set(); // blocks with a run in progress, to cancel those that left the page

class RunnableBlock {
  constructor(root) {
    this.root = root;
    this.messages = JSON.parse(root.dataset.messages || "{}");
    this.editorHost = root.querySelector('[data-role="editor"]');
    this.output = root.querySelector('[data-role="output"]');
    this.status = root.querySelector('[data-role="status"]');
    this.buttons = {
      run: root.querySelector('[data-action="run"]'),
      stop: root.querySelector('[data-action="stop"]'),
      reset: root.querySelector('[data-action="reset"]'),
    };
    this.originalCode = this.editorHost.textContent.replace(/\n$/, "");
    this.staticOutput = this.output.cloneNode(true); // the build's output, as first served
    this.staticCode = this.editorHost.cloneNode(true); // the build's highlighted code
    this.shownCode = null; // other code shown before the editor exists (setCode)
    this.settingCode = false; // setCode/reset change the editor: not the reader's edit
    this.editor = null;
    this.editorReady = null; // Promise of the editor, once asked for
    this.handle = null; // the run in progress (runtime.run's result)
    this.runSerial = 0;
    this.shown = new BlockOutput(root, this.output, this.messages); // what a run shows
    this.buttons.run.addEventListener("click", () => this.run());
    this.buttons.stop.addEventListener("click", () => this.stop("stopped"));
    this.buttons.reset.addEventListener("click", () => this.reset());
    // Before the editor exists, the static code is still keyboard-reachable.
    this.editorHost.tabIndex = 0;
    this.editorHost.addEventListener("focus", () => this.ensureEditor(true), { once: true });
    this.editorHost.addEventListener("pointerenter", () => this.ensureEditor(), { once: true });
    // While the runtime loads in the background, every block that has not been
    // run shows the progress (one page-level region announces it: loading-progress.js);
    // once Python is ready each says so.
    this.unwatch = runtime.onProgress((p) => this.showRuntimeProgress(p));
  }

  showRuntimeProgress(progress) {
    if (!this.root.isConnected) {
      this.unwatch?.();
      return;
    }
    const m = this.messages;
    if (progress.stage === "failed") this.root.dataset.runtime = "failed";
    else if (progress.stage !== "idle") this.root.dataset.runtime = progress.stage === "ready" ? "ready" : "loading";
    // A block that says something of its own (Reset's message) keeps saying it.
    if (this.root.dataset.state !== "static" || progress.stage === "idle" || this.statusHeld) return;
    // Background progress is shown, not announced: the page's own region speaks once.
    this.status.setAttribute("aria-live", "off");
    if (progress.stage === "failed") this.status.textContent = format(m.runtime_failed, { error: progress.error });
    else if (progress.stage === "ready") this.status.textContent = m.ready;
    else this.status.textContent = format(m.loading_progress, { percent: smoothPercent() });
  }

  /** The editor replaces the build's highlighted code; resolves to the editor. */
  ensureEditor(focus = false) {
    this.editorReady ??= loadEditor().then(({ createEditor }) => {
      this.editorHost.removeAttribute("tabindex");
      this.editorHost.textContent = "";
      this.editor = createEditor({
        parent: this.editorHost,
        code: this.code(), // the static code, as served
        label: this.editorHost.dataset.label || "Python",
        onRun: () => this.run(),
        onChange: (code) => this.settingCode || this.emit("bp:edit", { code }),
      });
      return this.editor;
    }).catch(() => {
      editorModule = null; // the static code stays; the next focus or run tries again
      this.editorReady = null;
      return null;
    });
    if (focus) {
      // Only if the reader is still here: they may have Tabbed on while the editor loaded.
      this.editorReady.then((editor) => {
        const at = document.activeElement;
        if (!at || at === document.body || this.editorHost.contains(at)) editor?.focus();
      });
    }
    return this.editorReady;
  }

  code() {
    return this.editor ? this.editor.state.doc.toString() : (this.shownCode ?? this.originalCode);
  }

  /** Show other code than the build's (a kept edit, a shared link); not an edit of the reader's. */
  setCode(code) {
    if (this.editor) {
      this.settingCode = true;
      this.editor.dispatch({ changes: { from: 0, to: this.editor.state.doc.length, insert: code } });
      this.settingCode = false;
      return;
    }
    this.shownCode = code;
    // Plain text until the editor replaces it, one numbered line each, as the build's.
    const text = document.createElement("code");
    for (const line of code.replace(/\n$/, "").split("\n")) {
      const span = document.createElement("span");
      span.className = "bp-line";
      span.textContent = `${line}\n`;
      text.append(span);
    }
    const pre = document.createElement("pre");
    pre.append(text);
    const box = document.createElement("div");
    box.className = "language-python highlight";
    box.append(pre);
    this.editorHost.replaceChildren(box);
  }

  /** A block event (bp:edit, bp:run) for the modules that extend blocks (keep.js, exercise.js). */
  emit(type, detail) {
    this.root.dispatchEvent(new CustomEvent(type, { detail }));
  }

  setState(state, message) {
    this.root.dataset.state = state;
    const busy = BUSY_STATES.has(state);
    this.buttons.stop.disabled = !busy;
    this.root.setAttribute("aria-busy", String(busy));
    if (message !== undefined) {
      this.status.setAttribute("aria-live", "polite");
      this.status.textContent = message;
    }
  }

  /** The cells to run: earlier blocks of the same session first, then this one. */
  cells() {
    const session = this.root.dataset.session;
    let blocks = [this];
    if (session) {
      const all = [...document.querySelectorAll(".bp-run")].filter((el) => el.dataset.session === session);
      blocks = all.slice(0, all.indexOf(this.root) + 1).map((el) => el.bpBlock).filter(Boolean);
    }
    return blocks.map((block) => ({ code: block.code(), filename: block.root.dataset.snippet }));
  }

  /** Start a run; options.check ({code, filename}) has the worker check the code
      afterwards and options.onVerdict(verdict) receive the verdict. Returns the
      run's handle (runtime.run's; its done resolves once the output is laid
      out), or null if the block is busy. */
  run(options = {}) {
    if (BUSY_STATES.has(this.root.dataset.state)) return null;
    const m = this.messages;
    const serial = ++this.runSerial;
    this.statusHeld = false;
    this.shown.clear();
    const mine = (fn) => (...args) => this.runSerial === serial && fn(...args);
    this.setState(runtime.isReady ? "running" : "loading", runtime.isReady ? m.running : m.loading);
    const handle = runtime.run(
      this.cells(),
      {
        onQueued: mine((reason) => this.setState(reason === "waiting" ? "waiting" : "loading", reason === "waiting" ? m.waiting : m.loading)),
        onStarted: mine(() => this.setState("running", m.running)),
        onOutput: mine((chunks) => this.shown.queueText(chunks)),
        onDisplay: mine((message) => this.shown.appendDisplay(message)),
        onCut: mine(() => this.shown.queueCut()),
        onVerdict: mine((verdict) => options.onVerdict?.(verdict)),
      },
      { timeLimitMs: timeLimitSeconds() * 1000, lang: languageOf(this.root), check: options.check },
    );
    this.emit("bp:run", { code: this.code(), check: Boolean(options.check) });
    // The block is done once what the run sent is laid out (block-output.js
    // draws big pictures over several frames); Stop meanwhile drops the
    // pictures not drawn yet, and the block says it stopped.
    let stopped = null;
    const done = handle.done.then(async (result) => {
      if (this.runSerial === serial) await this.shown.drained();
      return stopped && result.status === "done" ? { ...result, status: stopped, kept: false } : result;
    });
    const stop = (reason) => {
      stopped = reason;
      if (this.runSerial === serial) this.shown.dropPictures();
      handle.stop(reason);
    };
    this.handle = { ...handle, done, stop };
    liveRuns.add(this);
    done.then((result) => {
      liveRuns.delete(this);
      if (this.runSerial !== serial) return;
      this.handle = null;
      const [state, message] = OUTCOMES[result.status] || OUTCOMES.error;
      this.setState(state, message(m, result));
    });
    return this.handle;
  }

  stop(reason) {
    if (this.handle) this.handle.stop(reason);
  }

  reset() {
    this.stop("stopped");
    this.runSerial++;
    this.shown.discardPending();
    this.handle = null;
    liveRuns.delete(this);
    if (this.editor) this.setCode(this.originalCode);
    else if (this.shownCode !== null) this.editorHost.replaceChildren(...this.staticCode.cloneNode(true).childNodes);
    this.shownCode = null;
    this.output.replaceChildren(...this.staticOutput.cloneNode(true).childNodes);
    this.setState("static", this.messages.reset_done);
    this.statusHeld = true;
    this.root.dispatchEvent(new CustomEvent("bp:reset", { bubbles: true }));
  }
}

// --- pages ------------------------------------------------------------------

/** Start Python as soon as a page with runnable blocks is shown, after its first paint. */
function startSoon() {
  const start = () => runtime.start().then(prefetchEditor, () => {});
  requestAnimationFrame(() => setTimeout(start, 0));
}

// Modules that extend every block (keep.js: kept edits and shared links;
// exercise.js: Check) register here, before the first page is shown.
const blockHooks = [];

export function onEveryBlock(hook) {
  blockHooks.push(hook);
}

export function initRunnableBlocks(root = document) {
  // Runs whose block left the page (instant navigation) are cancelled.
  for (const block of [...liveRuns]) {
    if (!block.root.isConnected) block.stop("cancelled");
  }
  const elements = root.querySelectorAll(".bp-run:not([data-bp-ready])");
  for (const element of elements) {
    element.dataset.bpReady = "";
    element.bpBlock = new RunnableBlock(element);
    for (const hook of blockHooks) {
      try {
        hook(element.bpBlock);
      } catch (error) {
        console.error(error); // one extension's failure leaves the block runnable
      }
    }
  }
  if (root.querySelector(".bp-run")) {
    ensureAnnouncer();
    startSoon();
  }
}
