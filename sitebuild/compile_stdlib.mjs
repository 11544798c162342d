// Byte-compile Pyodide's standard library inside Pyodide itself (Node.js).
//
//   node sitebuild/compile_stdlib.mjs <out.zip>
//
// The npm package's python_stdlib.zip holds only sources, so a browser compiles
// every standard-library module it imports, on every start. This writes the
// same zip with each module compiled by the pinned runtime's own Python (the
// host's Python is another version, whose bytecode Pyodide cannot load):
// `os.pyc` where `os.py` was (zipimport loads such "sourceless" modules), as
// unchecked hash-based .pyc files, the zip's entries in order with fixed times
// so that the same Pyodide gives the same bytes. Other files are kept as they
// are. Called by sitebuild/stdlib.py, once per Pyodide version.

import { readFile, writeFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const [out] = process.argv.slice(2);
if (!out) {
  process.stderr.write("usage: compile_stdlib.mjs <out.zip>\n");
  process.exit(2);
}

const pyodide = await loadPyodide();
const source = await readFile(new URL("../node_modules/pyodide/python_stdlib.zip", import.meta.url));
pyodide.FS.writeFile("/tmp/stdlib.zip", new Uint8Array(source));
pyodide.runPython(`
import importlib._bootstrap_external as external
import importlib.util
import sys
import zipfile

prefix = next(p for p in sys.path if p.endswith(".zip"))  # where Pyodide mounts the stdlib
FIXED = (1980, 1, 1, 0, 0, 0)
with zipfile.ZipFile("/tmp/stdlib.zip") as src, zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
    for info in sorted(src.infolist(), key=lambda i: i.filename):
        if info.is_dir():
            continue
        data = src.read(info)
        name = info.filename
        if name.endswith(".py"):
            code = compile(data, f"{prefix}/{name}", "exec", dont_inherit=True)
            data = external._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            name += "c"
        entry = zipfile.ZipInfo(name, FIXED)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        dst.writestr(entry, data)
`);
await writeFile(out, pyodide.FS.readFile("/tmp/out.zip"));
