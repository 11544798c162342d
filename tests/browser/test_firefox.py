"""The scenarios that matter most, in Firefox ESR as well as Chromium.

Debian's firefox-esr (``make test`` installs it: scripts/ensure-firefox.sh) is
driven over WebDriver BiDi by npm ``puppeteer-core``; each scenario is one run
of tests/browser/firefox/scenario.mjs against the site the Chromium tests
serve, in a fresh Firefox profile (on disk, as a reader's). The offline
scenario serves the built site itself, so that it can stop its server.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from tests.browser.conftest import SiteServer
from tests.pages import ROOT

SCENARIO = ROOT / "tests" / "browser" / "firefox" / "scenario.mjs"
STRINGS = ROOT / "web" / "ui-strings.json"
SCENARIOS = [
    "run-a-block",
    "traceback",
    "stop",
    "step-a-diagram",
    "instant-navigation",
    "keyboard",
    "restored-blocks",  # every block of five pages, from interpreters restored from the snapshot
    "offline",  # after one visit, its own server stopped: visited and unvisited pages run
]


def find_firefox() -> str | None:
    return os.environ.get("FIREFOX") or shutil.which("firefox-esr") or shutil.which("firefox")


@pytest.mark.browser
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_scenario_in_firefox(site: SiteServer, scenario: str) -> None:
    firefox = find_firefox()
    if not firefox:
        pytest.fail("Firefox is missing: run `make test` (it installs Debian's firefox-esr)")
    if not (ROOT / "node_modules" / "puppeteer-core").is_dir():
        pytest.fail("node_modules/puppeteer-core is missing: run `make setup` (npm ci)")
    done = subprocess.run(
        ["node", str(SCENARIO), scenario, site.url(), str(STRINGS), str(site.root_dir)],
        cwd=ROOT,
        env={**os.environ, "FIREFOX": firefox},
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = done.stdout.strip().splitlines()
    assert lines, f"no result from Firefox (exit {done.returncode}):\n{done.stderr[-3000:]}"
    result = json.loads(lines[-1])
    assert result["ok"] and done.returncode == 0, result.get("error") or done.stderr[-3000:]
    assert "firefox" in str(result["browser"]).lower()
