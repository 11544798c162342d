// Runnable blocks: <div class="bp-run" data-snippet data-state> (DESIGN.md).
//
// States: static (the build's output) -> loading (runtime starting) -> running
// -> done | error | stopped. Output is added as text nodes (never parsed as
// HTML); a displayed SVG is sanitized by DOMPurify before it reaches the page.

import DOMPurify from "dompurify";
import { format } from "./messages.js";
import { runtime } from "./runtime.js";

const MAX_OUTPUT_CHARS = 200_000;

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

export function sanitizeSvg(svg) {
  return DOMPurify.sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true },
    ADD_TAGS: ["style"],
    RETURN_DOM_FRAGMENT: true,
  });
}

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
    this.staticOutput = this.output.innerHTML;
    this.editor = null;
    this.editorReady = null; // Promise of the editor, once asked for
    this.runId = 0;
    this.outputChars = 0;
    this.buttons.run.addEventListener("click", () => this.run());
    this.buttons.stop.addEventListener("click", () => this.stop("stopped"));
    this.buttons.reset.addEventListener("click", () => this.reset());
    // Before the editor exists, the static code is still keyboard-reachable.
    this.editorHost.tabIndex = 0;
    this.editorHost.addEventListener("focus", () => this.ensureEditor(true), { once: true });
    this.editorHost.addEventListener("pointerenter", () => this.ensureEditor(), { once: true });
    // While the runtime loads in the background, every block that has not been
    // run shows the progress; once Python is ready it says so.
    this.unwatch = runtime.onProgress((p) => this.showRuntimeProgress(p));
  }

  showRuntimeProgress(progress) {
    if (!this.root.isConnected) {
      this.unwatch?.();
      return;
    }
    const state = this.root.dataset.state;
    if (state !== "static" && state !== "loading") return;
    if (progress.stage === "idle") return;
    const m = this.messages;
    if (progress.stage === "failed") {
      this.root.dataset.runtime = "failed";
      this.status.textContent = format(m.runtime_failed, { error: progress.error });
      return;
    }
    this.root.dataset.runtime = progress.stage === "ready" ? "ready" : "loading";
    if (state === "static") {
      this.status.textContent =
        progress.stage === "ready" ? m.ready : format(m.loading_progress, progress);
    }
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
    if (focus) this.editorReady.then((editor) => editor?.focus());
    return this.editorReady;
  }

  code() {
    return this.editor ? this.editor.state.doc.toString() : this.originalCode;
  }

  setState(state, message) {
    this.root.dataset.state = state;
    const busy = state === "loading" || state === "running";
    this.buttons.stop.disabled = !busy;
    this.root.setAttribute("aria-busy", String(busy));
    if (message !== undefined) this.status.textContent = message;
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
  }

  appendText(stream, text) {
    if (this.outputChars > MAX_OUTPUT_CHARS) return;
    this.outputChars += text.length;
    if (this.outputChars > MAX_OUTPUT_CHARS) text += "\n[…]\n";
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
  }

  appendDisplay(mime, data) {
    if (mime === "image/svg+xml") {
      const figure = document.createElement("span");
      figure.className = "bp-figure";
      figure.append(sanitizeSvg(data));
      this.output.append(figure);
      this.root.dispatchEvent(new CustomEvent("bp:figure", { bubbles: true, detail: { figure } }));
    } else {
      this.appendText("stdout", `${data}\n`);
    }
  }

  async run() {
    if (this.root.dataset.state === "running" || this.root.dataset.state === "loading") return;
    const id = ++this.runId;
    const m = this.messages;
    this.clearOutput();
    const ready = runtime.progress.stage === "ready";
    this.setState(ready ? "running" : "loading", ready ? m.running : m.loading);
    const unsubscribe = runtime.onProgress((p) => {
      if (this.runId === id && this.root.dataset.state === "loading" && p.stage !== "ready") {
        this.status.textContent = format(m.loading_progress, { percent: p.percent });
      }
    });
    this.timer = null;
    this.stopReason = null;
    let result;
    try {
      await runtime.start();
      if (this.runId !== id) return;
      this.setState("running", m.running);
      this.timer = setTimeout(() => this.stop("timeout"), timeLimitSeconds() * 1000);
      const run = runtime.run(this.cells(), {
        onText: (stream, text) => this.runId === id && this.appendText(stream, text),
        onDisplay: (mime, data) => this.runId === id && this.appendDisplay(mime, data),
      });
      this.workerRunId = run.id;
      result = await run.done;
    } catch (error) {
      unsubscribe();
      this.setState("error", format(m.runtime_failed, { error: error.message || error }));
      return;
    } finally {
      clearTimeout(this.timer);
      unsubscribe();
    }
    if (this.runId !== id) return;
    if (result.status === "stopped" || this.stopReason) {
      const reason = this.stopReason || "stopped";
      const message = reason === "timeout" ? format(m.timeout, { seconds: timeLimitSeconds() }) : m.stopped;
      this.setState("stopped", message);
    } else if (result.status === "error") {
      this.setState("error", m.error);
    } else {
      this.setState("done", format(m.done, { ms: result.ms }));
    }
  }

  stop(reason) {
    const state = this.root.dataset.state;
    if (state !== "running" && state !== "loading") return;
    this.stopReason = reason;
    if (state === "loading") {
      this.runId++;
      this.setState("stopped", this.messages.stopped);
      return;
    }
    runtime.stop(this.workerRunId);
  }

  reset() {
    this.stop("stopped");
    this.runId++;
    if (this.editor) {
      this.editor.dispatch({ changes: { from: 0, to: this.editor.state.doc.length, insert: this.originalCode } });
    }
    this.output.innerHTML = this.staticOutput; // the build's own output, as first served
    this.setState("static", this.messages.reset_done);
    this.root.dispatchEvent(new CustomEvent("bp:reset", { bubbles: true }));
  }
}

let visibility = null;

function observer() {
  if (!visibility && "IntersectionObserver" in self) {
    visibility = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        visibility.unobserve(entry.target);
        // The first block in view starts the runtime, so Run is fast when clicked.
        runtime.start().then(prefetchEditor, () => {});
      }
    }, { rootMargin: "200px" });
  }
  return visibility;
}

export function initRunnableBlocks(root = document) {
  for (const element of root.querySelectorAll(".bp-run:not([data-bp-ready])")) {
    element.dataset.bpReady = "";
    element.bpBlock = new RunnableBlock(element);
    observer()?.observe(element);
  }
}
