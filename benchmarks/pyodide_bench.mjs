// benchmarks/bench_core.py inside the pinned Pyodide runtime, under Node.js.
//
//   node benchmarks/pyodide_bench.mjs                 # builds the wheel with .venv/bin/python
//   node benchmarks/pyodide_bench.mjs --wheel W.whl   # or uses the one given
//
// Loads Pyodide from node_modules/pyodide (no network), installs the
// backprop_core wheel into site-packages, copies micrograd's pure-Python
// source files from the venv into Pyodide's file system, and runs the script's
// main(), which prints the same table as under CPython. Times are Pyodide's;
// nothing is asserted.

import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadPyodide } from "pyodide";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const VENV_PYTHON = join(ROOT, ".venv", "bin", "python");

const { values } = parseArgs({ options: { wheel: { type: "string" } } });

function venvPython(code, ...args) {
  return execFileSync(VENV_PYTHON, ["-c", code, ...args], { cwd: ROOT, encoding: "utf8" }).trim();
}

const wheel =
  values.wheel ??
  venvPython(
    "import sys; from pathlib import Path; from sitebuild.wheel import build_wheel; " +
      "print(build_wheel(Path(sys.argv[1])))",
    join(ROOT, ".cache", "bench-wheel"),
  );
const micrograd = venvPython("import micrograd, os; print(os.path.dirname(micrograd.__file__))");

const pyodide = await loadPyodide({
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(await readFile(wheel)), "wheel", {
  extractDir: sitePackages,
});
pyodide.FS.mkdirTree(`${sitePackages}/micrograd`);
for (const name of await readdir(micrograd)) {
  if (name.endsWith(".py")) {
    const source = await readFile(join(micrograd, name));
    pyodide.FS.writeFile(`${sitePackages}/micrograd/${name}`, source);
  }
}
pyodide.FS.writeFile("/home/pyodide/bench_core.py", await readFile(join(ROOT, "benchmarks", "bench_core.py")));

try {
  await pyodide.runPythonAsync(`
import importlib, sys
sys.path.insert(0, "/home/pyodide")
importlib.invalidate_caches()
import bench_core
bench_core.main()
`);
} catch (err) {
  process.stderr.write(String(err.message ?? err) + "\n");
  process.exitCode = 1;
}
