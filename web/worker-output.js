// The worker's side of a run's output: stdout/stderr and displayed pictures,
// cut at the run's budget and sent to the page in batches over the private port.
//
// The functions used here to post and to cut text are captured when this
// module is evaluated, before any reader code runs, so reader code that
// replaces String.prototype.slice or MessagePort.prototype.postMessage on the
// worker's global objects changes nothing here.

import { elementCount, FigureBudget } from "./figures.js";
import LIMITS from "./runner-limits.json";

const apply = Reflect.apply;
const portPost = MessagePort.prototype.postMessage;
const now = performance.now.bind(performance);
const Decoder = TextDecoder;
const decode = TextDecoder.prototype.decode;
const slice = String.prototype.slice;
const indexOf = String.prototype.indexOf;

const FLUSH_CHARS = 8192; // send output at least every this many characters...
const FLUSH_MS = 50; // ...or this often,
const BURST = 5; // but a few small writes in a row go out at once (a print before a long step)
const SWITCH_COST = 32; // a stderr/stdout switch costs budget, so alternation cannot flood the page

let port = null;
let current = null; // the run in progress: {id, quiet, budget, lines, cut, ...}
let pending = []; // output waiting to be sent: [[stream, text], ...]
let pendingChars = 0;
let lastFlush = 0;
let burst = BURST;
const pictures = new Map(); // displayId -> the latest update not yet sent (rate limit)

/** The page's end of the private channel, once the page has sent it. */
export function setPort(value) {
  port = value;
}

export function post(message, transfer = []) {
  apply(portPost, port, [message, transfer]);
}

export function flush() {
  if (pending.length && current && !current.quiet) {
    post({ type: "output", id: current.id, chunks: pending });
  }
  pending = [];
  pendingChars = 0;
  lastFlush = now();
  for (const [displayId, message] of pictures) {
    pictures.delete(displayId);
    post(message);
  }
}

/** A run begins: its output budget is full, nothing is pending. */
export function beginRun(id) {
  current = {
    id, quiet: true, budget: LIMITS.output_chars, lines: LIMITS.output_lines, cut: false,
    figures: new FigureBudget(),
  };
  pending = [];
  pendingChars = 0;
  burst = BURST;
}

/** Only the last cell's output is shown (earlier cells are the session's blocks). */
export function setQuiet(quiet) {
  flush();
  if (current) current.quiet = quiet;
}

export function endRun() {
  if (current) current.quiet = false;
  flush();
  current = null;
}

/** Take `text` from `stream` into the run's output, within its character budget. */
function take(stream, text) {
  const run = current;
  if (!run || run.quiet || run.cut) return;
  const last = pending[pending.length - 1];
  const cost = text.length + (last && last[0] === stream ? 0 : SWITCH_COST);
  if (cost > run.budget) {
    text = apply(slice, text, [0, Math.max(0, run.budget - SWITCH_COST)]);
    run.cut = true;
  }
  run.budget -= cost;
  // The line budget: cut after the line that spends it.
  for (let at = apply(indexOf, text, ["\n"]); at >= 0; at = apply(indexOf, text, ["\n", at + 1])) {
    if (--run.lines <= 0) {
      text = apply(slice, text, [0, at + 1]);
      run.cut = true;
      break;
    }
  }
  if (text) {
    if (last && last[0] === stream) last[1] += text;
    else pending.push([stream, text]);
    pendingChars += text.length;
  }
  if (run.cut) {
    flush();
    post({ type: "cut", id: run.id });
    return;
  }
  const elapsed = now() - lastFlush;
  if (elapsed >= FLUSH_MS) burst = BURST;
  if (pendingChars >= FLUSH_CHARS || elapsed >= FLUSH_MS || burst > 0) {
    burst -= 1;
    flush();
  }
}

// Output arrives as UTF-8 bytes. Only what fits the budget is decoded, so a
// 50-million-character print costs no more than a short one.
function writer(stream) {
  const decoder = new Decoder();
  return {
    write(buffer) {
      const run = current;
      if (run && !run.quiet && !run.cut) {
        const room = Math.max(0, run.budget) * 4 + 4;
        const part = buffer.length > room ? buffer.subarray(0, room) : buffer;
        take(stream, apply(decode, decoder, [part, { stream: part === buffer }]));
      }
      return buffer.length;
    },
  };
}

const noInput = {
  stdin() {
    throw new Error("there is no keyboard input on this page");
  },
};

/** Python's stdout/stderr/stdin go here (set again after a restore or a reset). */
export function installStreams(pyodide) {
  pyodide.setStdout(writer("stdout"));
  pyodide.setStderr(writer("stderr"));
  pyodide.setStdin(noInput);
}

/** A displayed object (notebook's display hook): text, or a picture within the budgets. */
export function display(mime, data, displayId, note) {
  const run = current;
  if (!run || run.quiet || run.cut) return;
  if (mime === "image/svg+xml" && (data.length > LIMITS.svg_chars || elementCount(data) > LIMITS.svg_elements)) {
    mime = "text/plain";
    data = "";
    note = "picture_too_large";
  }
  if (mime !== "image/svg+xml") {
    if (data) take("stdout", `${data}\n`);
    if (note) {
      flush();
      post({ type: "display", id: run.id, mime: "text/plain", data: "", displayId: "", note });
    }
    return;
  }
  // The run's picture budget (figures.js): new figures are counted, updates in place are not.
  const admitted = run.figures.admit(displayId, data);
  if (admitted === "drop") return;
  if (admitted === "cut") {
    flush();
    post({ type: "display", id: run.id, mime: "text/plain", data: "", displayId: "", note: "too_many_figures" });
    return;
  }
  const message = { type: "display", id: run.id, mime, data, displayId, note };
  // A picture updated in place (live training) goes out at most every FLUSH_MS;
  // in between, only its latest version is kept.
  if (admitted === "update" && now() - lastFlush < FLUSH_MS) {
    pictures.set(displayId, message);
    return;
  }
  flush();
  post(message);
}
