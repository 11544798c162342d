// Starting Python in a worker: the normal way, from a memory snapshot, or to make one.
//
// The ready state is the same in every case: Pyodide, the backprop_core wheel
// unpacked into site-packages, the package and every module in it imported, and
// the runner (pyrunner.py) loaded as the module `_bp_runner`. A snapshot is a
// copy of the interpreter's memory in that state, so a restore skips Python's
// start and every import. What a snapshot does not hold is put back after a
// restore: the file system (the wheel's files, for tracebacks and data files;
// Pyodide puts the standard library back itself), the random generator's seed
// and, in the worker, streams, interrupt buffer and the page's language.
//
// Three known Pyodide issues are worked around here (TOOLCHAIN.md, "Pyodide
// snapshots"): a snapshot cannot be made after loadPackage (pyodide#5195), so
// the wheel is unpacked with unpackArchive; a snapshot whose heap grew past the
// initial size cannot be restored (pyodide#6254), so the module's memory is
// grown first; the file system is not in the snapshot (pyodide#4720).
// The snapshot API is private (_makeSnapshot, _loadSnapshot): Pyodide is
// pinned, the browser tests check parity, and any failure falls back to a
// normal start (runtime.js).

/* global BP_RUNTIME */
import PYRESET_SOURCE from "./pyreset.py";
import PYRUNNER_SOURCE from "./pyrunner.py";

const INDEX_URL = new URL("../pyodide/", import.meta.url).href;

/** An error that says which step of the start failed (the page decides what to do). */
function failure(stage, error) {
  const wrapped = new Error(String(error && error.message ? error.message : error));
  wrapped.stage = stage;
  return wrapped;
}

export async function sha256(buffer) {
  const sum = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(sum, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function options(extra) {
  return {
    indexURL: INDEX_URL,
    stdLibURL: STDLIB_URL,
    // Nothing is installed from a lock file (the wheel is unpacked below), so
    // none is fetched: the pinned runtime's own header, no packages.
    lockFileContents: { info: BP_RUNTIME.lockInfo, packages: {} },
    packageBaseUrl: INDEX_URL,
    ...extra,
  };
}

const WASM_URL = new URL("pyodide.asm.wasm", INDEX_URL).href;
const STDLIB_URL = new URL(BP_RUNTIME.stdlib, INDEX_URL).href;
const WHEEL_URL = new URL(BP_RUNTIME.wheel, INDEX_URL).href;

/**
 * Run `start` with the runtime's files the page already holds ({module, stdlib,
 * wheel}: from the first worker of the visit), so that a later worker neither
 * fetches nor compiles them again; returns [what start returned, the files this
 * worker used]. Pyodide fetches its wasm and standard library with the global
 * fetch() and compiles with WebAssembly.instantiateStreaming(): both are
 * answered here while Python starts, before any reader code exists.
 */
async function withFiles(files, start) {
  const originalFetch = self.fetch;
  const originalInstantiate = WebAssembly.instantiateStreaming;
  const used = { module: files.module || null, stdlib: files.stdlib || null, wheel: files.wheel || null };
  const fetched = [];
  self.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url === WASM_URL && used.module) return Promise.resolve(new Response(new Uint8Array(0)));
    if (url === STDLIB_URL && used.stdlib) return Promise.resolve(new Response(used.stdlib));
    const response = Reflect.apply(originalFetch, self, [input, init]);
    if (url === STDLIB_URL) fetched.push(response.then((r) => r.clone().blob()).then((blob) => (used.stdlib = blob)));
    return response;
  };
  WebAssembly.instantiateStreaming = async (source, imports) => {
    if (used.module) return { module: used.module, instance: await WebAssembly.instantiate(used.module, imports) };
    const result = await Reflect.apply(originalInstantiate, WebAssembly, [source, imports]);
    used.module = result.module;
    return result;
  };
  try {
    const result = await start(() => wheelBytes(used));
    await Promise.all(fetched).catch(() => {});
    return [result, used];
  } finally {
    self.fetch = originalFetch;
    WebAssembly.instantiateStreaming = originalInstantiate;
  }
}

async function wheelBytes(used) {
  if (!used.wheel) {
    const response = await fetch(WHEEL_URL);
    if (!response.ok) throw new Error(`the backprop_core wheel could not be loaded (HTTP ${response.status})`);
    used.wheel = await response.blob();
  }
  return new Uint8Array(await used.wheel.arrayBuffer());
}

function unpackWheel(pyodide, wheel) {
  const sitePackages = pyodide.runPython("__import__('site').getsitepackages()[0]");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
}

/** Load pyrunner.py (and, for a worker that may be reused, pyreset.py) as modules; prepare. */
function loadRunner(pyodide, reusable) {
  pyodide.runPython(`
def _bp_load(name, source):
    import sys, types
    module = types.ModuleType(name)
    module.__file__ = "<" + name[1:] + ">"
    sys.modules[name] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module
_bp_load("_bp_runner", ${JSON.stringify(PYRUNNER_SOURCE)}).prepare()
${reusable ? `_bp_load("_bp_reset", ${JSON.stringify(PYRESET_SOURCE)}).start()` : ""}
del _bp_load
`);
}

async function loadPyodideModule() {
  const { loadPyodide } = await import(/* @vite-ignore */ `${INDEX_URL}pyodide.mjs`);
  return loadPyodide;
}

/** Start Python the normal way; the worker can be reused after a reset (pyreset.py). */
export function startNormally(files, progress) {
  return withFiles(files, async (wheel) => {
    const wheelReady = wheel();
    const loadPyodide = await loadPyodideModule();
    try {
      const pyodide = await loadPyodide(options({}));
      progress("packages", 70);
      unpackWheel(pyodide, await wheelReady);
      progress("warming", 90);
      loadRunner(pyodide, true);
      return pyodide;
    } catch (error) {
      throw failure("start", error);
    }
  });
}

/** Start Python, make the snapshot of the ready state; returns [{bytes, hash}, files]. */
export function makeSnapshot(files) {
  return withFiles(files, async (wheel) => {
    const wheelReady = wheel();
    const loadPyodide = await loadPyodideModule();
    try {
      const pyodide = await loadPyodide(options({ _makeSnapshot: true }));
      unpackWheel(pyodide, await wheelReady);
      loadRunner(pyodide, false);
      const bytes = pyodide.makeMemorySnapshot();
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const buffer = whole ? bytes.buffer : bytes.slice().buffer;
      return { bytes: buffer, hash: await sha256(buffer) };
    } catch (error) {
      throw failure("make", error);
    }
  });
}

/**
 * Restore Python from a snapshot (a Blob from the page); returns [pyodide, files].
 * With `expectedHash` (the page's record of the snapshot), the bytes are checked first.
 */
export function restore(files, snapshot, expectedHash) {
  return withFiles(files, async (wheel) => {
    const wheelReady = wheel();
    const bytes = snapshot.arrayBuffer().then(async (buffer) => {
      if (expectedHash && (await sha256(buffer)) !== expectedHash) {
        throw failure("verify", "the kept snapshot does not match its hash");
      }
      return new Uint8Array(buffer);
    });
    bytes.catch(() => {}); // (awaited by loadPyodide; its failure is reported there)
    const loadPyodide = await loadPyodideModule();
    try {
      const { default: createModule } = await import(/* @vite-ignore */ `${INDEX_URL}pyodide.asm.mjs`);
      const size = snapshot.size;
      // pyodide#6254: the restore copies the heap into memory of the initial size.
      const createPyodideModule = async (settings) => {
        const module = await createModule(settings);
        if (module.HEAP8.length < size) module.growMemory(size);
        return module;
      };
      const pyodide = await loadPyodide(options({ _loadSnapshot: bytes, createPyodideModule }));
      unpackWheel(pyodide, await wheelReady);
      pyodide.runPython("__import__('random').seed()"); // the snapshot's state would repeat in every worker
      return pyodide;
    } catch (error) {
      throw error.stage ? error : failure("restore", error);
    }
  });
}
