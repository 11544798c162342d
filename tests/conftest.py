"""Shared fixtures. The site is built once per test session (strict), for the
build checks and the browser tests alike."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.pages import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_site(site_url: str, out: Path) -> Path:
    """``mkdocs build --strict`` into ``out``, as served from ``site_url``."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, f"strict build failed:\n{done.stderr[-5000:]}"
    return out


@dataclass(frozen=True)
class BuiltSite:
    path: Path
    port: int

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site, built for a local server on a free port (the browser tests serve it)."""
    port = free_port()
    path = build_site(f"http://127.0.0.1:{port}/", tmp_path_factory.mktemp("built") / "site")
    return BuiltSite(path, port)
