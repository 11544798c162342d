"""The service worker that keeps the site working offline (``<site>/sw.js``).

Written after everything else of the build (static-i18n writes the search
index at priority -100, this runs after it): every file the site serves gets
its SHA-256 in a manifest inside ``sw.js``, under the URL the pages ask for it
by — a page by its folder (``gates/add/``), our bundle, stylesheets and wheel
with the ``?v=`` they are linked with (web/service-worker.js explains why).
The pinned runtime goes into a cache named by the Pyodide version and the
runtime's hashes, which survives rebuilds; the rest into a cache named by the
manifest's digest. ``sw.js`` sits at the site root, so its scope is the whole
site, under a sub-path too (web/offline.js registers it).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from .assets import STYLESHEETS, WEB, Prepared, sha256_of

TEMPLATE = WEB / "service-worker.js"
NAME = "sw.js"
RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# Served by the site but never asked for by it: not worth a place in every reader's cache.
UNUSED = ("python_stdlib.zip", "pyodide-lock.json", "sitemap.xml.gz")
_FILLED = re.compile(
    r"^const (MANIFEST|RUNTIME_FILES|RUNTIME_CACHE|SITE_CACHE) = .*// BP_OFFLINE.*$", re.M
)


def _url(rel: str, made: Prepared) -> str:
    """The URL (relative to the site root) by which the pages ask for this file."""
    if rel == "index.html":
        return ""
    if rel.endswith("/index.html"):
        return rel.removesuffix("index.html")
    name = rel.rsplit("/", 1)[-1]
    if rel.startswith("assets/bp/") and (name in ("site.js", "worker.js") or name in STYLESHEETS):
        return f"{rel}?v={made.build_id}"
    if rel == f"assets/pyodide/{made.wheel.name}":
        return f"assets/pyodide/{made.runtime['wheel']}"
    return rel


def manifest(site: Path, made: Prepared) -> dict[str, str]:
    """Every file the site serves, by its URL: its SHA-256."""
    found = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel == NAME or path.suffix == ".map" or path.name in UNUSED:
            continue
        if rel.endswith(".LEGAL.txt") or rel.endswith(".partial"):
            continue
        found[_url(rel, made)] = sha256_of(path)
    return found


def write_service_worker(site: Path, made: Prepared) -> Path:
    files = manifest(site, made)
    runtime = [f"assets/pyodide/{name}" for name in (*RUNTIME, made.stdlib.name)]
    missing = [name for name in runtime if name not in files]
    if missing:
        raise FileNotFoundError(f"the runtime is not in the site: {missing}")
    runtime_digest = hashlib.sha256("".join(files[name] for name in runtime).encode()).hexdigest()
    site_digest = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()
    values = {
        "MANIFEST": json.dumps(files, indent=0, sort_keys=True),
        "RUNTIME_FILES": json.dumps(runtime),
        "RUNTIME_CACHE": json.dumps(f"bp-runtime-{made.version}-{runtime_digest[:8]}"),
        "SITE_CACHE": json.dumps(f"bp-site-{site_digest[:12]}"),
    }
    template = TEMPLATE.read_text(encoding="utf-8")
    text, count = _FILLED.subn(lambda m: f"const {m[1]} = {values[m[1]]};", template)
    if count != len(values):
        raise ValueError(f"{TEMPLATE}: {count} '// BP_OFFLINE' constants, not {len(values)}")
    out = site / NAME
    out.write_text(text, encoding="utf-8")
    return out
