"""Every snippet runs alone with CPython, deterministically, and every one is used.

A snippet is what a reader edits and runs; the build shows its output. So it
must run by itself (`python snippets/<part>/<name>.py`), print the same thing
every time, and be embedded by at least one page (no dead examples), and
every page's blocks must name snippets that exist. A block of a page session
(`session="name"`) runs after the session's earlier blocks, as on the page.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.pages import LANGUAGES, ROOT, SNIPPETS, blocks, pages, read

# An exercise's starter and solution are snippets; its checker and catalogued wrong and right
# answers are tested by tests/test_exercises.py.
ALL_SNIPPETS = sorted(
    p.relative_to(SNIPPETS).as_posix()
    for p in SNIPPETS.rglob("*.py")
    if not (p.name == "check.py" or {"wrong", "right"} & set(p.parent.parts))
)
OPTION = re.compile(r'session="([^"]*)"')


def _sessions() -> dict[str, list[str]]:
    """For each snippet of a page session, the session's snippets up to and including it."""
    chains: dict[str, list[str]] = {}
    for page in pages("en"):
        seen: dict[str, list[str]] = {}
        for b in blocks(read("en", page)):
            found = OPTION.search(b.info) if b.kind == "bp-run" else None
            if found:
                seen.setdefault(found[1], []).append(b.body)
                chains[b.body] = list(seen[found[1]])
    return chains


SESSIONS = _sessions()
EXPECTED_ERRORS = {
    b.body
    for page in pages("en")
    for b in blocks(read("en", page))
    if b.kind == "bp-run" and 'error="expected"' in b.info
}


# A snippet runs as a notebook cell, as on the page: display() exists. A picture
# with a display_id is redrawn as often as time allows (live training), so, as in
# the build, only its last version counts, at the place of its first.
CELL = """
import hashlib, io, sys
from backprop_core.notebook import run_cell
shown = {}
def hook(mime, data, meta):
    key = meta.get("display_id") or len(shown)
    if key not in shown:
        print(f"[display {len(shown)}]")
    shown[key] = hashlib.sha256(data.encode()).hexdigest()[:16] + " " + mime
*earlier, path = sys.argv[1:]
namespace = {"__name__": "__main__"}
for before in earlier:  # a page session's earlier blocks run first, silently
    real, sys.stdout = sys.stdout, io.StringIO()
    try:
        assert run_cell(open(before, encoding="utf-8").read(), namespace, filename=before)
    finally:
        sys.stdout = real
ok = run_cell(open(path, encoding="utf-8").read(), namespace, filename=path, display_hook=hook)
print("displayed:", list(shown.values()))
sys.exit(0 if ok else 1)
"""


def run(name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CELL, *(str(SNIPPETS / n) for n in SESSIONS.get(name, [name]))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


@pytest.mark.parametrize("name", ALL_SNIPPETS)
def test_snippet_runs_alone_and_deterministically(name: str) -> None:
    first, second = run(name), run(name)
    if name in EXPECTED_ERRORS:
        assert first.returncode != 0, f'{name} is marked error="expected" but does not raise'
    else:
        assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout, f"{name} prints different output on each run"


@pytest.mark.parametrize("name", ALL_SNIPPETS)
def test_snippet_is_used_by_a_page(name: str) -> None:
    used = {b.body for page in pages("en") for b in blocks(read("en", page)) if b.kind == "bp-run"}
    used |= {
        f"exercises/{b.body}/{f}"
        for page in pages("en")
        for b in blocks(read("en", page))
        if b.kind == "bp-exercise"
        for f in ("starter.py", "solution.py")
    }
    assert name in used, f"snippets/{name} is not embedded by any page"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_blocks_name_existing_snippets(lang: str) -> None:
    for page in pages(lang):
        for block in blocks(read(lang, page)):
            if block.kind == "bp-run":
                assert (SNIPPETS / block.body).is_file(), f"docs/{lang}/{page}: {block.body}"
            if block.kind == "bp-exercise":
                folder = SNIPPETS / "exercises" / block.body
                assert (folder / "check.py").is_file(), f"docs/{lang}/{page}: {block.body}"
