// Run Python check modules inside the pinned Pyodide runtime under Node.js.
//
//   node tests/pyodide/run_in_pyodide.mjs --wheel dist/backprop_core-0.1.0-py3-none-any.whl \
//        --file tests/core_checks.py --run "import core_checks; core_checks.run_all()"
//
// Loads Pyodide from node_modules/pyodide (no network), unpacks the wheel into
// site-packages, copies each --file into /home/pyodide/checks (which is put on
// sys.path), then evaluates the --run expression. Its value is converted to JSON
// (inside Python, with json.dumps) and written to stdout as the only stdout line;
// whatever Python prints goes to stderr. Exit status: 0 if the expression ran,
// 1 if Python raised (the traceback goes to stderr), 2 for bad arguments.

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
  process.stderr.write("usage: run_in_pyodide.mjs [--wheel W]... [--file F]... --run EXPR\n");
  process.exit(2);
}

const toStderr = (line) => process.stderr.write(line + "\n");
const started = performance.now();
const pyodide = await loadPyodide({ stdout: toStderr, stderr: toStderr });
const loaded = performance.now();

for (const wheel of values.wheel) {
  pyodide.unpackArchive(new Uint8Array(await readFile(wheel)), "wheel");
}
const checksDir = "/home/pyodide/checks";
pyodide.FS.mkdirTree(checksDir);
for (const file of values.file) {
  pyodide.FS.writeFile(`${checksDir}/${basename(file)}`, await readFile(file));
}

pyodide.globals.set("_run_expression", values.run);
pyodide.globals.set("_load_seconds", (loaded - started) / 1000);
try {
  const json = await pyodide.runPythonAsync(`
import importlib, json, sys
sys.path.insert(0, ${JSON.stringify(checksDir)})
importlib.invalidate_caches()
_value = eval(_run_expression)
if isinstance(_value, dict):
    _value = {**_value, "pyodide_load_seconds": round(_load_seconds, 2)}
json.dumps(_value)
`);
  process.stdout.write(json + "\n");
} catch (err) {
  process.stderr.write(String(err.message ?? err) + "\n");
  process.exitCode = 1;
}
