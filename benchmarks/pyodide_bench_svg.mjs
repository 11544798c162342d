// Run benchmarks/bench_svg.py inside the pinned Pyodide runtime under Node.js.
//
//   node benchmarks/pyodide_bench_svg.mjs
//
// Builds the backprop_core wheel (sitebuild.wheel.build_wheel reuses it if the
// sources did not change), installs it into Pyodide's site-packages, and runs
// bench_svg.py's main(). Nothing is fetched from the network.

import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const python = join(root, ".venv", "bin", "python");
const wheel = execFileSync(
  python,
  ["-c", "from pathlib import Path; from sitebuild.wheel import build_wheel; print(build_wheel(Path('dist')))"],
  { cwd: root, encoding: "utf8" },
).trim();

const pyodide = await loadPyodide({
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(await readFile(join(root, wheel))), "wheel", {
  extractDir: sitePackages,
});

const source = await readFile(join(root, "benchmarks", "bench_svg.py"), "utf8");
try {
  // Run as a module named bench_svg (not __main__), then call main() ourselves.
  await pyodide.runPythonAsync(`
import sys, types
module = types.ModuleType("bench_svg")
sys.modules["bench_svg"] = module
exec(compile(${JSON.stringify(source)}, "bench_svg.py", "exec"), module.__dict__)
module.main()
`);
} catch (err) {
  process.stderr.write(String(err.message ?? err) + "\n");
  process.exitCode = 1;
}
