"""Put the runtime and the browser code into the built site (never into git).

``site/assets/pyodide/``  the pinned runtime from node_modules/pyodide, our wheel,
                          and a pyodide-lock.json that lists the wheel;
``site/assets/bp/``       the runner (page side, bundled with CodeMirror and
                          DOMPurify by esbuild), its Web Worker, its CSS;
``site/assets/katex/``    KaTeX for the math, with its fonts.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from .wheel import ROOT, build_wheel, write_lock_file

NODE_MODULES = ROOT / "node_modules"
WEB = ROOT / "web"
CACHE = ROOT / ".cache" / "sitebuild"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# Entries in web/, bundled into assets/bp/ under the same names. With esbuild's
# code splitting, what site.js imports with import() (CodeMirror, KaTeX)
# becomes a chunk-<hash>.js beside it, fetched when needed.
BUNDLES = ("site.js", "worker.js")
# Stylesheets in web/, copied into assets/bp/ and linked by overrides/main.html.
STYLESHEETS = ("runner.css", "circuit.css", "plot.css", "theme.css", "exercise.css")


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


def _web_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(WEB.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(WEB).as_posix().encode() + path.read_bytes())
    h.update((ROOT / "package-lock.json").read_bytes())
    return h.hexdigest()[:12]


def bundle_web(version: str) -> Path:
    """Bundle web/ with esbuild into a cache folder keyed by the sources' hash."""
    digest = _web_digest()
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


def install(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)

    # Material's instant navigation reads <language root>/sitemap.xml;
    # static-i18n writes one sitemap (all languages) at the site root only.
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        for lang in ("zh", "ja", "de"):
            if (site / lang).is_dir():
                shutil.copy2(sitemap, site / lang / "sitemap.xml")
    version = pyodide_version()

    runtime = site / "assets" / "pyodide"
    for name in PYODIDE_FILES:
        _copy_if_changed(NODE_MODULES / "pyodide" / name, runtime / name)
    wheel = build_wheel(CACHE / "wheel")
    _copy_if_changed(wheel, runtime / wheel.name)
    write_lock_file(runtime / wheel.name, runtime)

    bundle = bundle_web(version)
    for path in bundle.iterdir():
        if path.name != "done":
            _copy_if_changed(path, site / "assets" / "bp" / path.name)

    katex = NODE_MODULES / "katex" / "dist"
    _copy_if_changed(katex / "katex.min.css", site / "assets" / "katex" / "katex.min.css")
    for font in (katex / "fonts").glob("*.woff2"):
        _copy_if_changed(font, site / "assets" / "katex" / "fonts" / font.name)
