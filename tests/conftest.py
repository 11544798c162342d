"""Shared fixtures. The site is built once per test session (strict), for the
build checks and the browser tests alike.

The browser tests run last, and they also need a second build for a sub-path
(tests/browser/conftest.py): when they are selected, that build starts in the
background as soon as the first one is done, so it runs on the other core
while the rest of the suite runs, instead of in front of the first browser test.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.pages import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _build_command(site_url: str, out: Path) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], env


def build_site(site_url: str, out: Path) -> Path:
    """``mkdocs build --strict`` into ``out``, as served from ``site_url``."""
    command, env = _build_command(site_url, out)
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"strict build failed:\n{done.stderr[-5000:]}"
    return out


class BackgroundBuild:
    """A strict build running while other tests run; ``wait()`` gives its site."""

    def __init__(self, site_url: str, out: Path) -> None:
        command, env = _build_command(site_url, out)
        self.out = out
        self.log = out.with_name("build.log")  # a file: a full pipe would stall the build
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )

    def wait(self) -> Path:
        returncode = self.process.wait()
        log = self.log.read_text(encoding="utf-8", errors="replace")
        assert returncode == 0, f"strict build failed:\n{log[-5000:]}"
        return self.out

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@dataclass(frozen=True)
class BuiltSite:
    path: Path
    port: int
    # The same site built for SUB_PATH, started once this one is done (browser tests).
    sub_path_build: BackgroundBuild | None = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"


BROWSER_RERUNS = 1  # a real browser on a shared, loaded machine: one more try, reported as RERUN


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Browser tests last (a stable sort: each file keeps its order), each with one rerun.

    A browser test that fails is run once more (pytest-rerunfailures); the run's
    summary lists every rerun (``-ra``), so a flaky test shows in CI's output
    rather than failing the run, and one that fails twice still fails.
    """
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("flaky"):
            item.add_marker(pytest.mark.flaky(reruns=BROWSER_RERUNS))
    config.stash[WANTS_BROWSER] = any(item.get_closest_marker("browser") for item in items)


WANTS_BROWSER = pytest.StashKey[bool]()
SUB_PATH = "/mirror/backprop/"


@pytest.fixture(scope="session")
def built_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BuiltSite]:
    """The site, built for a local server on a free port (the browser tests serve it)."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    path = build_site(f"{origin}/", tmp_path_factory.mktemp("built") / "site")
    sub_path_build = None
    if request.config.stash.get(WANTS_BROWSER, False):
        out = tmp_path_factory.mktemp("sub") / "site"
        sub_path_build = BackgroundBuild(f"{origin}{SUB_PATH}", out)
    yield BuiltSite(path, port, sub_path_build)
    if sub_path_build is not None:
        sub_path_build.stop()
