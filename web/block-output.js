// What a run shows below its block (runner.js): the reader's text within the
// output budget (runner-limits.json), laid out at most once per frame; the notes
// (output cut, a picture too big, too many pictures), each once per run; and the
// pictures, sanitized (sanitize.js) and within the run's picture budget
// (figures.js), a picture displayed again under its display_id replacing itself
// in place (a live training picture; follow.js keeps it in view). Text goes in as
// text nodes, never parsed as HTML.

import { elementCount, FigureBudget, figureLimits } from "./figures.js";
import { format, languageOf, localNumber } from "./messages.js";
import LIMITS from "./runner-limits.json";
import { sanitizeSvg } from "./sanitize.js";

export class BlockOutput {
  /** root: the block (.bp-run); element: its output area; messages: the page's strings. */
  constructor(root, element, messages) {
    this.root = root;
    this.element = element;
    this.messages = messages;
    this.pendingText = []; // output received, laid out at the next frame
    this.textFrame = 0;
    this.startCounts(); // (the build's output stays until a run)
  }

  /** Empty, for a new run. */
  clear() {
    this.element.textContent = "";
    this.discardPending();
    this.startCounts();
  }

  /** The run's budgets, from nothing. */
  startCounts() {
    this.outputChars = 0;
    this.outputLines = 0;
    this.outputCut = false;
    this.cutNoted = false;
    this.figures = new Map(); // display_id -> figure element
    this.figureBudget = new FigureBudget(); // the sink's own count (figures.js)
    this.figuresNoted = false;
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
    const last = this.element.lastChild;
    if (stream === "stdout") {
      if (last && last.nodeType === Node.TEXT_NODE) last.appendData(text);
      else this.element.append(document.createTextNode(text));
    } else if (last && last.nodeType === Node.ELEMENT_NODE && last.classList.contains("bp-stderr")) {
      last.append(document.createTextNode(text));
    } else {
      const span = document.createElement("span");
      span.className = "bp-stderr";
      span.textContent = text;
      this.element.append(span);
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
    this.element.append(note);
  }

  /** A displayed object: a picture (sanitized, within the budgets), else its text and note. */
  appendDisplay({ mime, data, displayId, note }) {
    this.flushText(); // keep the order of text and pictures
    if (mime === "image/svg+xml" && elementCount(data) > LIMITS.svg_elements) {
      mime = "text/plain";
      data = "";
      note = "picture_too_large";
    }
    if (mime !== "image/svg+xml") {
      if (data) this.appendText("stdout", `${data}\n`);
      if (note) this.noteFigures(note);
      return;
    }
    const admitted = this.figureBudget.admit(displayId, data);
    if (admitted === "cut" || admitted === "drop") {
      this.noteFigures("too_many_figures");
      return;
    }
    const figure = document.createElement("span");
    figure.className = "bp-figure";
    figure.append(sanitizeSvg(data));
    const previous = displayId ? this.figures.get(displayId) : null;
    const live = Boolean(previous && previous.isConnected); // an update in place (follow.js)
    if (live) previous.replaceWith(figure);
    else this.element.append(figure);
    if (displayId) this.figures.set(displayId, figure);
    this.root.dispatchEvent(new CustomEvent("bp:figure", { bubbles: true, detail: { figure, live } }));
  }

  /** A note about pictures (too big, too many), once each per run. */
  noteFigures(note) {
    if (note === "too_many_figures") {
      if (this.figuresNoted) return;
      this.figuresNoted = true;
      this.appendNote(format(this.messages.too_many_figures || note, figureLimits(languageOf(this.root))));
      return;
    }
    this.appendNote(this.messages[note] || note);
  }

  /** Forget what has not been laid out yet (Reset). */
  discardPending() {
    cancelAnimationFrame(this.textFrame);
    this.textFrame = 0;
    this.pendingText = [];
  }
}
