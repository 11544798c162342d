// The Python runtime of the site: one module Web Worker that owns Pyodide.
//
// The page sends {type: "run", id, cells: [{code, filename}]}; the worker runs
// the cells one after another in a fresh namespace with backprop_core's
// notebook rules (the build uses the same ones) and streams back
//   {type: "stdout" | "stderr", id, text}, {type: "display", id, mime, data},
// then {type: "done", id, ok}. Only the last cell's output is sent: earlier
// cells of a session just prepare the namespace, as in the build.
//
// Pyodide is served from the site itself (../pyodide/, copied from the pinned
// npm package at build time), with a lock file that lists the backprop_core
// wheel the build made.

const INDEX_URL = new URL("../pyodide/", import.meta.url).href;
const FLUSH_BYTES = 8192;
const FLUSH_MS = 50;

let pyodide = null;
let runCell = null;
let current = null; // {id, quiet}
const pending = { stdout: "", stderr: "" };
let lastFlush = 0;

function post(message) {
  self.postMessage(message);
}

function flush() {
  for (const stream of ["stdout", "stderr"]) {
    if (pending[stream] && current && !current.quiet) {
      post({ type: stream, id: current.id, text: pending[stream] });
    }
    pending[stream] = "";
  }
  lastFlush = performance.now();
}

// Output arrives as raw bytes; flush at most every FLUSH_MS or FLUSH_BYTES so
// that a print() in a tight loop streams without flooding the page.
function writer(stream) {
  const decoder = new TextDecoder();
  return {
    write(buffer) {
      const text = decoder.decode(buffer, { stream: true });
      if (stream === "stderr" && pending.stdout) flush(); // keep the order of the two streams
      if (stream === "stdout" && pending.stderr) flush();
      pending[stream] += text;
      if (pending[stream].length > FLUSH_BYTES || performance.now() - lastFlush > FLUSH_MS) {
        flush();
      }
      return buffer.length;
    },
  };
}

async function start(interruptBuffer) {
  post({ type: "progress", stage: "runtime", percent: 5 });
  const { loadPyodide } = await import(/* @vite-ignore */ `${INDEX_URL}pyodide.mjs`);
  pyodide = await loadPyodide({ indexURL: INDEX_URL, fullStdLib: false });
  post({ type: "progress", stage: "packages", percent: 70 });
  await pyodide.loadPackage(["backprop_core"], { messageCallback: () => {} });
  pyodide.setStdout(writer("stdout"));
  pyodide.setStderr(writer("stderr"));
  if (interruptBuffer) pyodide.setInterruptBuffer(new Uint8Array(interruptBuffer));
  runCell = pyodide.pyimport("backprop_core.notebook").run_cell;
  post({ type: "progress", stage: "ready", percent: 100 });
  post({ type: "ready", version: pyodide.version });
}

function run({ id, cells }) {
  const namespace = pyodide.globals.get("dict")();
  namespace.set("__name__", "__main__");
  let ok = true;
  const display = (mime, data) => {
    if (current && !current.quiet) {
      flush();
      post({ type: "display", id, mime, data });
    }
  };
  try {
    cells.forEach((cell, index) => {
      if (!ok) return;
      current = { id, quiet: index < cells.length - 1 };
      ok = runCell(cell.code, namespace, cell.filename, display);
      flush();
    });
  } finally {
    flush();
    current = null;
    namespace.destroy();
  }
  return ok;
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "start") {
    try {
      await start(message.interruptBuffer);
    } catch (error) {
      post({ type: "failed", error: String(error && error.message ? error.message : error) });
    }
  } else if (message.type === "run") {
    try {
      const ok = run(message);
      post({ type: "done", id: message.id, ok });
    } catch (error) {
      // A JavaScript-level failure (e.g. the wasm stack overflowed): this
      // runtime cannot be trusted any more; the page will start a fresh one.
      post({ type: "crashed", id: message.id, error: String(error && error.message ? error.message : error) });
    }
  }
};
