"""web/storage.js, web/share.js and web/progress.js under Node: kept edits, solved
exercises, refused storage, share links, solved pages (tests/js/practice_web.mjs).
The whole page behaviour is tested in Chromium (tests/browser)."""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import cache
from typing import Any

import pytest

from tests.pages import ROOT

SCRIPT = ROOT / "tests" / "js" / "practice_web.mjs"
CANARY = "canary_fails_on_purpose"


@cache
def results() -> dict[str, dict[str, Any]]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("needs Node.js")
    done = subprocess.run([node, str(SCRIPT)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = {}
    for line in done.stdout.splitlines():
        report = json.loads(line)
        found[report["name"]] = report
    return found


def names() -> list[str]:
    text = SCRIPT.read_text(encoding="utf-8")
    body = text[text.index("const checks = {") : text.index("// A check that fails")]
    return [
        line.strip().removeprefix("async ").split("(")[0]
        for line in body.splitlines()
        if line.startswith("  ") and not line.startswith("   ") and line.rstrip().endswith("{")
    ]


def test_the_checks_ran() -> None:
    assert set(results()) == {*names(), CANARY}
    assert len(names()) >= 8


def test_a_failure_is_reported() -> None:
    assert results()[CANARY]["ok"] is False and "1 !== 2" in results()[CANARY]["error"]


@pytest.mark.parametrize("name", names())
def test_in_node(name: str) -> None:
    report = results()[name]
    assert report["ok"], report.get("error")
