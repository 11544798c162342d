"""Put the runtime and the browser code into the built site (never into git).

``site/assets/pyodide/``  the pinned runtime from node_modules/pyodide, its
                          standard library byte-compiled (stdlib.py), our wheel,
                          and a pyodide-lock.json that lists the wheel;
``site/assets/bp/``       the runner (page side, bundled with CodeMirror and
                          DOMPurify by esbuild), its Web Worker, its CSS;
``site/assets/katex/``    KaTeX for the math, with its fonts.

:func:`prepare` makes all of it before the pages are rendered (pages link the
bundle and stylesheets with the build id, ``?v=<id>``, so that a page never
runs with another build's code); :func:`install` copies it into the site.
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from .stdlib import compiled_stdlib
from .wheel import ROOT, build_wheel, write_lock_file

NODE_MODULES = ROOT / "node_modules"
WEB = ROOT / "web"
CACHE = ROOT / ".cache" / "sitebuild"
# python_stdlib.zip (sources) stays for the benchmark's bare page; the site uses the compiled one.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# Entries in web/, bundled into assets/bp/ under the same names. With esbuild's
# code splitting, what site.js imports with import() (CodeMirror, KaTeX)
# becomes a chunk-<hash>.js beside it, fetched when needed.
BUNDLES = ("site.js", "worker.js")
# Stylesheets in web/, copied into assets/bp/ and linked by overrides/main.html.
STYLESHEETS = ("runner.css", "circuit.css", "plot.css", "theme.css", "exercise.css", "page.css")


def pyodide_version() -> str:
    """The pinned Pyodide version, checked against what npm installed."""
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    installed_file = NODE_MODULES / "pyodide" / "package.json"
    if not installed_file.exists():
        raise FileNotFoundError("node_modules/pyodide is missing: run `make setup` (npm ci)")
    installed = json.loads(installed_file.read_text())["version"]
    if installed != pinned:
        raise RuntimeError(
            f"node_modules has pyodide {installed} but package.json pins {pinned}: run `npm ci`"
        )
    return str(pinned)


def _copy_if_changed(src: Path, dst: Path) -> None:
    if (
        dst.exists()
        and dst.stat().st_size == src.stat().st_size
        and dst.stat().st_mtime >= src.stat().st_mtime
    ):
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)


# The files of web/ that make the Python worker (its bundle): a change to any of
# them changes the interpreter state a snapshot holds, so it is part of the key.
RUNNER_SOURCES = (
    "worker.js",
    "worker-*.js",
    "figures.js",
    "pyrunner.py",
    "pyreset.py",
    "runner-limits.json",
)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _digest(paths: list[Path], *extra: str) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    for text in extra:
        h.update(text.encode())
    return h.hexdigest()


def runner_digest() -> str:
    """A hash of the runner's own code (the worker's sources)."""
    return _digest([p for pattern in RUNNER_SOURCES for p in WEB.glob(pattern)])


def runtime_description(version: str, wheel: Path, stdlib: Path) -> dict[str, object]:
    """What the worker needs to know of the runtime, fixed at build time (BP_RUNTIME).

    ``snapshotKey`` names the memory snapshot a browser makes of the ready runner:
    it changes when anything that goes into that state changes (the Pyodide
    version, the wheel, the standard library, the runner's code) and not
    otherwise, so a deploy of new pages keeps the readers' snapshots.
    """
    wheel_sha, stdlib_sha = sha256_of(wheel), sha256_of(stdlib)
    lock = json.loads((NODE_MODULES / "pyodide" / "pyodide-lock.json").read_text())
    key = hashlib.sha256(f"{version}\n{wheel_sha}\n{stdlib_sha}\n{runner_digest()}".encode())
    return {
        "version": version,
        "wheel": f"{wheel.name}?v={wheel_sha[:16]}",
        "stdlib": stdlib.name,
        "lockInfo": lock["info"],
        "snapshotKey": key.hexdigest()[:20],
    }


def _web_digest(runtime: dict[str, object]) -> str:
    paths = [p for p in WEB.rglob("*") if p.is_file()] + [ROOT / "package-lock.json"]
    return _digest(paths, json.dumps(runtime, sort_keys=True))[:12]


def bundle_web(version: str, runtime: dict[str, object]) -> Path:
    """Bundle web/ with esbuild into a cache folder keyed by the sources' hash."""
    digest = _web_digest(runtime)
    out = CACHE / f"web-{digest}"
    if (out / "done").exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    esbuild = NODE_MODULES / ".bin" / "esbuild"
    done = subprocess.run(
        [
            str(esbuild),
            *(str(WEB / entry) for entry in BUNDLES),
            "--bundle",
            "--splitting",
            "--format=esm",
            "--minify",
            "--target=es2020",
            "--legal-comments=linked",
            f"--outdir={out}",
            "--chunk-names=chunk-[hash]",
            "--loader:.py=text",  # web/pyrunner.py, the worker's Python half
            f"--define:PYODIDE_VERSION={json.dumps(version)}",
            f"--define:BUILD_ID={json.dumps(digest)}",
            f"--define:BP_RUNTIME={json.dumps(runtime, sort_keys=True)}",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise RuntimeError(f"esbuild failed on web/:\n{done.stderr}")
    for stylesheet in STYLESHEETS:
        shutil.copy2(WEB / stylesheet, out / stylesheet)
    (out / "done").touch()
    for old in CACHE.glob("web-*"):
        if old != out:
            shutil.rmtree(old, ignore_errors=True)
    return out


@dataclass(frozen=True)
class Prepared:
    """What the build made for the browser, before the pages are rendered."""

    version: str  # Pyodide's
    wheel: Path
    stdlib: Path
    runtime: dict[str, object]  # BP_RUNTIME, see runtime_description()
    bundle: Path
    build_id: str  # the bundle's id: pages link its files with ?v=<build_id>


@functools.cache
def prepare() -> Prepared:
    """Build the wheel, the byte-compiled stdlib and the bundle (each cached on disk)."""
    version = pyodide_version()
    wheel = build_wheel(CACHE / "wheel")
    stdlib = compiled_stdlib(version)
    runtime = runtime_description(version, wheel, stdlib)
    bundle = bundle_web(version, runtime)
    return Prepared(version, wheel, stdlib, runtime, bundle, bundle.name.removeprefix("web-"))


def install(config: MkDocsConfig) -> Prepared:
    site = Path(config.site_dir)
    prepare.cache_clear()  # `mkdocs serve`: web/ or the package may have changed
    made = prepare()

    # Material's instant navigation reads <language root>/sitemap.xml;
    # static-i18n writes one sitemap (all languages) at the site root only.
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        for lang in ("zh", "ja", "de"):
            if (site / lang).is_dir():
                shutil.copy2(sitemap, site / lang / "sitemap.xml")

    runtime = site / "assets" / "pyodide"
    for name in PYODIDE_FILES:
        _copy_if_changed(NODE_MODULES / "pyodide" / name, runtime / name)
    _copy_if_changed(made.stdlib, runtime / made.stdlib.name)
    _copy_if_changed(made.wheel, runtime / made.wheel.name)
    write_lock_file(runtime / made.wheel.name, runtime)

    for path in made.bundle.iterdir():
        if path.name != "done":
            _copy_if_changed(path, site / "assets" / "bp" / path.name)

    katex = NODE_MODULES / "katex" / "dist"
    _copy_if_changed(katex / "katex.min.css", site / "assets" / "katex" / "katex.min.css")
    for font in (katex / "fonts").glob("*.woff2"):
        _copy_if_changed(font, site / "assets" / "katex" / "fonts" / font.name)
    return made
