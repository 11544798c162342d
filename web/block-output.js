// What a run shows below its block (runner.js): the reader's text within the
// output budget (runner-limits.json); the notes (output cut, a picture too big,
// too many pictures), each once per run; and the pictures, sanitized (sanitize.js)
// and within the run's picture budget (figures.js), a picture displayed again
// under its display_id replacing itself in place (a live training picture;
// follow.js keeps it in view). Text goes in as text nodes, never parsed as HTML.
//
// Pictures are drawn a step per frame, so that the page keeps painting
// (benchmarks/bench_runner.py, pictures): what the run sends waits in one
// queue, in order, and is laid out at the frames that follow. Text and notes go
// in at the next frame. A frame either sanitizes the next pictures (up to
// picture_elements_per_frame elements, at least one picture) or inserts those
// sanitized at the frame before: for a circuit of 1,000 nodes each of the two
// is a long task, and one frame never has both. A small picture that arrives
// while none waits goes in at once (a Value's few gates, a live training
// picture), up to half a frame's worth of elements between two frames. A
// picture updated before it was laid out is laid out once, in its last
// version. The run is done once the queue is empty (drained()); Stop drops the
// pictures not drawn yet; Reset and a new run drop everything.

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
    this.queue = []; // what the run sent, not laid out yet: {chunks} | {note} | {cut} | a picture
    this.waiting = new Map(); // display_id -> its picture in the queue
    this.frame = 0;
    this.drainers = []; // drained()'s callers, told when the queue is empty
    this.atOnce = 0; // elements of pictures put in at once since the last frame
    this.atOnceFrame = 0;
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
    this.picturesStopped = false; // Stop: no more pictures for this run
  }

  /** Text arrives in bursts; the page lays it out at most once per frame. */
  queueText(chunks) {
    this.queue.push({ chunks });
    this.schedule();
  }

  /** The source cut the output (the worker's budget): noted in turn. */
  queueCut() {
    this.queue.push({ cut: true });
    this.schedule();
  }

  /** A displayed object: counted against the budgets now, in the order it came;
      laid out in turn, a picture (sanitized) or else its text and note. */
  appendDisplay({ mime, data, displayId, note }) {
    const elements = mime === "image/svg+xml" ? elementCount(data) : 0;
    if (elements > LIMITS.svg_elements) {
      mime = "text/plain";
      data = "";
      note = "picture_too_large";
    }
    if (mime !== "image/svg+xml") {
      if (data) this.queue.push({ chunks: [["stdout", `${data}\n`]] });
      if (note) this.queue.push({ note });
      this.schedule();
      return;
    }
    if (this.picturesStopped) return;
    const admitted = this.figureBudget.admit(displayId, data);
    if (admitted === "cut") this.queue.push({ note: "too_many_figures" });
    if (admitted === "cut" || admitted === "drop") {
      this.schedule();
      return;
    }
    const waiting = displayId ? this.waiting.get(displayId) : null;
    if (waiting) {
      // Not laid out yet: only its last version will be.
      Object.assign(waiting, { svg: data, elements, fragment: null, updated: true });
      return;
    }
    const picture = { svg: data, elements, displayId, fragment: null, updated: false };
    // Small, and none waits: at once (up to half a frame's worth between two frames).
    const atOnce = this.atOnce + elements;
    if (atOnce <= LIMITS.picture_elements_per_frame / 2 && !this.queue.some((item) => item.svg)) {
      this.atOnce = atOnce;
      this.atOnceFrame ||= requestAnimationFrame(() => {
        this.atOnce = 0;
        this.atOnceFrame = 0;
      });
      this.layOutText();
      this.appendFigure(picture);
      return;
    }
    this.queue.push(picture);
    if (displayId) this.waiting.set(displayId, picture);
    this.schedule();
  }

  schedule() {
    this.frame ||= requestAnimationFrame(() => this.layOut());
  }

  /** One frame's work: the text and notes at the head of the queue; then the
      pictures sanitized at the frame before (and what came between them), or
      else the next pictures sanitized. */
  layOut() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.layOutText();
    if (this.queue[0]?.fragment) {
      while (this.queue.length && (!this.queue[0].svg || this.queue[0].fragment)) this.layOutItem(this.queue.shift());
    } else if (this.queue.length) {
      let elements = 0;
      for (const picture of this.queue) {
        if (!picture.svg || picture.fragment) continue;
        if (elements && elements + picture.elements > LIMITS.picture_elements_per_frame) break;
        picture.fragment = sanitizeSvg(picture.svg);
        elements += picture.elements;
      }
    }
    if (this.queue.length) this.schedule();
    else this.settle();
  }

  /** The text and notes at the head of the queue, up to the first picture. */
  layOutText() {
    while (this.queue.length && !this.queue[0].svg) this.layOutItem(this.queue.shift());
  }

  layOutItem(item) {
    if (item.chunks) for (const [stream, text] of item.chunks) this.appendText(stream, text);
    else if (item.note) this.noteFigures(item.note);
    else if (item.cut) this.noteCut();
    else {
      if (this.waiting.get(item.displayId) === item) this.waiting.delete(item.displayId);
      this.appendFigure(item);
    }
  }

  /** Resolves once everything the run sent is laid out (the block is done then).
      Text waiting for a frame goes in now; a hidden tab paints no frames, so it
      lays out everything now. */
  drained() {
    if (document.hidden) {
      for (const item of this.queue.splice(0)) this.layOutItem(item);
    }
    this.layOutText();
    if (!this.queue.length) {
      this.settle();
      return Promise.resolve();
    }
    return new Promise((resolve) => this.drainers.push(resolve));
  }

  settle() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.waiting.clear();
    for (const resolve of this.drainers.splice(0)) resolve();
  }

  /** Stop: the pictures not drawn yet, and any still to come, are dropped; text and notes stay. */
  dropPictures() {
    this.picturesStopped = true;
    this.queue = this.queue.filter((item) => !item.svg);
    this.waiting.clear();
    if (!this.queue.length) this.settle();
  }

  /** Forget what has not been laid out yet (Reset, a new run). */
  discardPending() {
    this.queue = [];
    this.settle();
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

  /** A picture, sanitized, as a figure of its own or in place of its last version. */
  appendFigure({ svg, fragment, displayId, updated }) {
    const figure = document.createElement("span");
    figure.className = "bp-figure";
    figure.append(fragment || sanitizeSvg(svg));
    const previous = displayId ? this.figures.get(displayId) : null;
    const replaces = Boolean(previous && previous.isConnected); // an update in place (follow.js)
    if (replaces) previous.replaceWith(figure);
    else this.element.append(figure);
    if (displayId) this.figures.set(displayId, figure);
    // live: a picture displayed again under its display_id (follow.js brings it into view).
    const live = replaces || updated;
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
}
