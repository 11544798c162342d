// Run Python code inside the pinned Pyodide runtime under Node.js.
//
//   node tests/pyodide/run_in_pyodide.mjs \
//        --wheel dist/backprop_core-0.1.0-py3-none-any.whl \
//        --file tests/core_checks.py \
//        --run "import core_checks; core_checks.main()"
//
// Loads Pyodide from node_modules/pyodide (no network), installs each --wheel
// into site-packages, copies each --file into /home/pyodide/checks (put first
// on sys.path), then runs the --run code. Python's stdout and stderr go to this
// process's stdout and stderr, line by line and unbuffered, so what was printed
// before a fatal crash of the runtime is not lost.
//
// Exit status: 0 if the code ran, 1 if it raised (traceback on stderr) or the
// runtime crashed, 2 for bad arguments.

import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { loadPyodide } from "pyodide";

const { values } = parseArgs({
  options: {
    wheel: { type: "string", multiple: true, default: [] },
    file: { type: "string", multiple: true, default: [] },
    run: { type: "string" },
  },
});
if (!values.run) {
  process.stderr.write("usage: run_in_pyodide.mjs [--wheel W]... [--file F]... --run CODE\n");
  process.exit(2);
}

const pyodide = await loadPyodide({
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});

const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
for (const wheel of values.wheel) {
  const buffer = await readFile(wheel);
  pyodide.unpackArchive(new Uint8Array(buffer), "wheel", { extractDir: sitePackages });
}
const checksDir = "/home/pyodide/checks";
pyodide.FS.mkdirTree(checksDir);
for (const file of values.file) {
  pyodide.FS.writeFile(`${checksDir}/${basename(file)}`, await readFile(file));
}

try {
  await pyodide.runPythonAsync(`
import importlib, sys
sys.path.insert(0, ${JSON.stringify(checksDir)})
importlib.invalidate_caches()
`);
  await pyodide.runPythonAsync(values.run);
} catch (err) {
  process.stderr.write(String(err.message ?? err) + "\n");
  process.exitCode = 1;
}
