"""Snippet outputs for the build: run with CPython, cached by content.

A job runs in one language: its snippets are localized first
(:func:`sitebuild.localize.source`), so the printed labels are in the page's
language. The cache key of a job is its language, its snippet paths, a hash
of the localized sources and of backprop_core's sources, so ``mkdocs serve``
re-runs exactly what changed (a snippet, a catalog entry or the engine).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .wheel import ROOT, source_digest

SNIPPETS = ROOT / "snippets"
TIMEOUT_S = 120


@dataclass(frozen=True)
class Output:
    """What a snippet printed and displayed, in order."""

    ok: bool
    events: tuple[tuple[str, ...], ...]


_cache: dict[str, Output] = {}


def snippet_path(name: str) -> Path:
    path = (SNIPPETS / name).resolve()
    if SNIPPETS.resolve() not in path.parents or path.suffix != ".py":
        raise ValueError(f"{name!r} is not a .py file inside snippets/")
    if not path.is_file():
        raise FileNotFoundError(f"snippet {name!r} does not exist (looked for {path})")
    return path


def _key(job: tuple[str, ...], lang: str, core: str) -> str:
    from .localize import source

    h = hashlib.sha256(f"{core}\0{lang}".encode())
    for name in job:
        h.update(name.encode() + b"\0" + source(name, lang).encode())
    return h.hexdigest()


def run_jobs(jobs: list[tuple[str, ...]], lang: str = "en") -> list[Output]:
    """The output of each job (a tuple of snippets run in one namespace), in ``lang``."""
    from .localize import source

    core = source_digest()
    keys = [_key(job, lang, core) for job in jobs]
    missing = list(dict.fromkeys(job for job, key in zip(jobs, keys) if key not in _cache))
    if missing:
        request = json.dumps(
            {
                "lang": lang,
                "jobs": [[[name, source(name, lang)] for name in job] for job in missing],
            }
        )
        done = subprocess.run(
            [sys.executable, "-m", "sitebuild.run_snippets"],
            input=request,
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=TIMEOUT_S,
        )
        if done.returncode != 0:
            raise RuntimeError(f"running snippets {missing} failed:\n{done.stderr}")
        for job, result in zip(missing, json.loads(done.stdout)):
            _cache[_key(job, lang, core)] = Output(
                result["ok"], tuple(tuple(event) for event in result["events"])
            )
    return [_cache[key] for key in keys]
