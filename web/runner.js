// Runnable blocks: <div class="bp-run" data-snippet data-state> (DESIGN.md).
//
// States: static (the build's output) -> loading (runtime starting) | waiting
// (another block runs first) -> running -> done | error | stopped. Output is
// added as text nodes (never parsed as HTML), within a character budget; a
// displayed SVG is sanitized (sanitize.js) before it reaches the page, and one
// displayed again under the same display_id replaces the first in place.

import { format } from "./messages.js";
import LIMITS from "./runner-limits.json";
import { runtime } from "./runtime.js";
import { elementCount, sanitizeSvg } from "./sanitize.js";

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

/** The language of a block's page (the build marks every block; <html lang> can go
    stale under instant navigation). */
function languageOf(element) {
  return element?.closest("[data-lang]")?.dataset.lang || document.documentElement.lang.slice(0, 2) || "en";
}

/** A count as the page's language writes it (200,000 / 200.000). */
function localNumber(n) {
  return new Intl.NumberFormat(languageOf(document.querySelector(".bp-run"))).format(n);
}

const BUSY_STATES = new Set(["loading", "waiting", "running"]);
// A run's outcome (runtime.js) -> the block's state and the message that says it.
const OUTCOMES = {
  done: ["done", (m, r) => format(m.done, { ms: r.ms })],
  error: ["error", (m) => m.error],
  stopped: ["stopped", (m, r) => (r.kept ? m.stopped_kept : m.stopped)],
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
    this.editor = null;
    this.editorReady = null; // Promise of the editor, once asked for
    this.handle = null; // the run in progress (runtime.run's result)
    this.runSerial = 0;
    this.pendingText = []; // output received, laid out at the next frame
    this.textFrame = 0;
    this.buttons.run.addEventListener("click", () => this.run());
    this.buttons.stop.addEventListener("click", () => this.stop("stopped"));
    this.buttons.reset.addEventListener("click", () => this.reset());
    // Before the editor exists, the static code is still keyboard-reachable.
    this.editorHost.tabIndex = 0;
    this.editorHost.addEventListener("focus", () => this.ensureEditor(true), { once: true });
    this.editorHost.addEventListener("pointerenter", () => this.ensureEditor(), { once: true });
    // While the runtime loads in the background, every block that has not been
    // run shows the progress (one page-level region announces it, see below);
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
    if (this.root.dataset.state !== "static" || progress.stage === "idle") return;
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
    return this.editor ? this.editor.state.doc.toString() : this.originalCode;
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

  clearOutput() {
    this.output.textContent = "";
    this.outputChars = 0;
    this.outputLines = 0;
    this.outputCut = false;
    this.cutNoted = false;
    this.figures = new Map(); // display_id -> figure element
    this.pendingText = [];
    cancelAnimationFrame(this.textFrame);
  }

  /** Text arrives in bursts; the page lays it out at most once per frame. */
  queueText(chunks) {
    this.pendingText.push(...chunks);
    this.textFrame ||= requestAnimationFrame(() => this.flushText());
  }

  flushText() {
    cancelAnimationFrame(this.textFrame);
    this.textFrame = 0;
    const chunks = this.pendingText.splice(0);
    for (const [stream, text] of chunks) this.appendText(stream, text);
  }

  /** The sink's own budget: whatever arrives, the page never holds more than this. */
  appendText(stream, text) {
    if (this.outputCut) return;
    const room = LIMITS.output_chars - this.outputChars;
    if (text.length > room) {
      text = text.slice(0, Math.max(0, room));
      this.outputCut = true;
    }
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) {
      if (++this.outputLines >= LIMITS.output_lines) {
        text = text.slice(0, at + 1);
        this.outputCut = true;
        break;
      }
    }
    this.outputChars += text.length;
    const last = this.output.lastChild;
    if (stream === "stdout") {
      if (last && last.nodeType === Node.TEXT_NODE) last.appendData(text);
      else this.output.append(document.createTextNode(text));
    } else if (last && last.nodeType === Node.ELEMENT_NODE && last.classList.contains("bp-stderr")) {
      last.append(document.createTextNode(text));
    } else {
      const span = document.createElement("span");
      span.className = "bp-stderr";
      span.textContent = text;
      this.output.append(span);
    }
    if (this.outputCut) this.noteCut();
  }

  noteCut() {
    if (this.cutNoted) return;
    this.cutNoted = true;
    this.outputCut = true;
    const m = this.messages;
    this.appendNote(format(m.output_cut, { chars: localNumber(LIMITS.output_chars), lines: localNumber(LIMITS.output_lines) }));
  }

  appendNote(text) {
    const note = document.createElement("span");
    note.className = "bp-note";
    note.textContent = `${text}\n`;
    this.output.append(note);
  }

  appendDisplay({ mime, data, displayId, note }) {
    this.flushText(); // keep the order of text and pictures
    if (mime === "image/svg+xml" && elementCount(data) > LIMITS.svg_elements) {
      mime = "text/plain";
      data = "";
      note = "picture_too_large";
    }
    if (mime !== "image/svg+xml") {
      if (data) this.appendText("stdout", `${data}\n`);
      if (note) this.appendNote(this.messages[note] || note);
      return;
    }
    const figure = document.createElement("span");
    figure.className = "bp-figure";
    figure.append(sanitizeSvg(data));
    const previous = displayId ? this.figures.get(displayId) : null;
    if (previous && previous.isConnected) previous.replaceWith(figure);
    else this.output.append(figure);
    if (displayId) this.figures.set(displayId, figure);
    this.root.dispatchEvent(new CustomEvent("bp:figure", { bubbles: true, detail: { figure } }));
  }

  run() {
    if (BUSY_STATES.has(this.root.dataset.state)) return;
    const m = this.messages;
    const serial = ++this.runSerial;
    this.clearOutput();
    const mine = (fn) => (...args) => this.runSerial === serial && fn(...args);
    this.setState(runtime.isReady ? "running" : "loading", runtime.isReady ? m.running : m.loading);
    const handle = runtime.run(
      this.cells(),
      {
        onQueued: mine((reason) => this.setState(reason === "waiting" ? "waiting" : "loading", reason === "waiting" ? m.waiting : m.loading)),
        onStarted: mine(() => this.setState("running", m.running)),
        onOutput: mine((chunks) => this.queueText(chunks)),
        onDisplay: mine((message) => this.appendDisplay(message)),
        onCut: mine(() => {
          this.flushText();
          this.noteCut();
        }),
      },
      { timeLimitMs: timeLimitSeconds() * 1000, lang: languageOf(this.root) },
    );
    this.handle = handle;
    liveRuns.add(this);
    handle.done.then((result) => {
      liveRuns.delete(this);
      if (this.runSerial !== serial) return;
      this.flushText();
      this.handle = null;
      const [state, message] = OUTCOMES[result.status] || OUTCOMES.error;
      this.setState(state, message(m, result));
    });
  }

  stop(reason) {
    if (this.handle) this.handle.stop(reason);
  }

  reset() {
    this.stop("stopped");
    this.runSerial++;
    cancelAnimationFrame(this.textFrame);
    this.textFrame = 0;
    this.pendingText = [];
    this.handle = null;
    liveRuns.delete(this);
    if (this.editor) {
      this.editor.dispatch({ changes: { from: 0, to: this.editor.state.doc.length, insert: this.originalCode } });
    }
    this.output.replaceChildren(...this.staticOutput.cloneNode(true).childNodes);
    this.setState("static", this.messages.reset_done);
    this.root.dispatchEvent(new CustomEvent("bp:reset", { bubbles: true }));
  }
}

// --- loading progress: smooth on screen, announced once per page -----------------

// The worker reports a few milestones (runtime 5 %, packages 70 %, ...) with
// seconds between them; on screen the number creeps towards the next one.
const MILESTONES = { runtime: [5, 70], packages: [70, 90], warming: [90, 99] };
let progressShown = 0;
let progressTimer = 0;
let progressSince = 0;

function smoothPercent() {
  return Math.round(progressShown);
}

function onRuntimeProgress(progress) {
  const span = MILESTONES[progress.stage];
  clearInterval(progressTimer);
  if (!span) {
    progressShown = progress.stage === "ready" ? 100 : 0;
    announce(progress);
    return;
  }
  const [from, to] = span;
  progressShown = Math.max(progressShown, from, Math.min(progress.percent, to));
  progressSince = performance.now();
  const start = progressShown;
  progressTimer = setInterval(() => {
    // Half the way to the next milestone every 1.5 s: moving, never arriving early.
    const t = (performance.now() - progressSince) / 1500;
    progressShown = to - (to - start) * 0.5 ** t;
    for (const element of document.querySelectorAll('.bp-run[data-state="static"]')) {
      element.bpBlock?.showRuntimeProgress(runtime.progress);
    }
  }, 250);
  announce(progress);
}

/** One live region per page says that Python is loading, then that it is ready. */
function announce(progress) {
  const region = document.getElementById("bp-runtime-announcer");
  const holder = document.querySelector(".bp-run[data-messages]");
  if (!region || !holder) return;
  const m = holder.bpBlock?.messages;
  if (!m) return;
  let text = "";
  if (progress.stage === "ready") text = m.ready;
  else if (progress.stage === "failed") text = format(m.runtime_failed, { error: progress.error || "" });
  else if (progress.stage === "runtime" && !region.textContent) text = m.loading;
  if (text && region.textContent !== text) region.textContent = text;
}

function ensureAnnouncer() {
  if (document.getElementById("bp-runtime-announcer")) return;
  const region = document.createElement("div");
  region.id = "bp-runtime-announcer";
  region.className = "bp-visually-hidden";
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  document.body.append(region);
}

runtime.onProgress(onRuntimeProgress);

// --- pages ------------------------------------------------------------------

/** Start Python as soon as a page with runnable blocks is shown, after its first paint. */
function startSoon() {
  const start = () => runtime.start().then(prefetchEditor, () => {});
  requestAnimationFrame(() => setTimeout(start, 0));
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
  }
  if (root.querySelector(".bp-run")) {
    ensureAnnouncer();
    startSoon();
  }
}
