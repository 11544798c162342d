"""Snippet outputs for the build: run with CPython, cached by content.

A job runs in one language: its snippets are localized first
(:func:`sitebuild.localize.source`), so the printed labels are in the page's
language. The cache key of a job is its language, its snippet paths, a hash
of the localized sources and of backprop_core's sources, so ``mkdocs serve``
re-runs exactly what changed (a snippet, a catalog entry or the engine).
Outputs are also kept on disk under ``.cache/snippet-outputs/`` (never
committed), so the next build in another process — the tests build the site
twice, for the root and for a sub-path — runs only what changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .localize import source
from .wheel import ROOT, source_digest

DISK_CACHE = ROOT / ".cache" / "snippet-outputs"
TIMEOUT_S = 120
_RUNNER = (Path(__file__).parent / "run_snippets.py").read_bytes()


@dataclass(frozen=True)
class Output:
    """What a snippet printed and displayed, in order."""

    ok: bool
    events: tuple[tuple[str, ...], ...]


_cache: dict[str, Output] = {}


def _key(job: tuple[str, ...], lang: str, core: str) -> str:
    h = hashlib.sha256(f"{core}\0{lang}\0{sys.version}".encode() + _RUNNER)
    for name in job:
        h.update(name.encode() + b"\0" + source(name, lang).encode())
    return h.hexdigest()


def run_jobs(jobs: list[tuple[str, ...]], lang: str = "en") -> list[Output]:
    """The output of each job (a tuple of snippets run in one namespace), in ``lang``."""
    core = source_digest()
    keys = [_key(job, lang, core) for job in jobs]
    for key in keys:
        if key not in _cache and (found := _from_disk(key)) is not None:
            _cache[key] = found
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
            key = _key(job, lang, core)
            _cache[key] = Output(result["ok"], tuple(tuple(event) for event in result["events"]))
            _to_disk(key, result)
    return [_cache[key] for key in keys]


def _from_disk(key: str) -> Output | None:
    try:
        result = json.loads((DISK_CACHE / f"{key}.json").read_text(encoding="utf-8"))
        return Output(bool(result["ok"]), tuple(tuple(event) for event in result["events"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # not there yet, or unreadable: run the job


def _to_disk(key: str, result: dict[str, object]) -> None:
    try:
        DISK_CACHE.mkdir(parents=True, exist_ok=True)
        part = DISK_CACHE / f"{key}.{os.getpid()}.part"
        part.write_text(json.dumps(result), encoding="utf-8")
        part.replace(DISK_CACHE / f"{key}.json")  # atomic: a parallel build never reads half
    except OSError:
        pass  # a read-only checkout still builds, only without the disk cache
