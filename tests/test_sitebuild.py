"""The build side's own rules: sessions of runnable blocks."""

from __future__ import annotations

from pathlib import Path

from sitebuild.run_snippets import run_job
from sitebuild.runnable import PageState


def test_a_session_block_runs_the_sessions_earlier_blocks_first() -> None:
    page = PageState()
    assert page.job("a.py", None) == ("a.py",)
    assert page.job("b.py", "s") == ("b.py",)
    assert page.job("c.py", "s") == ("b.py", "c.py")
    assert page.job("d.py", "other") == ("d.py",)


def test_a_session_shares_one_namespace_and_shows_the_last_output(tmp_path: Path) -> None:
    (tmp_path / "first.py").write_text("x = 21\nprint('not shown')\n")
    (tmp_path / "second.py").write_text("print(x * 2)\nx\n")
    result = run_job(tmp_path, ["first.py", "second.py"])
    assert result == {"ok": True, "events": [["stdout", "42\n"], ["display", "text/plain", "21"]]}
    alone = run_job(tmp_path, ["second.py"])
    assert alone["ok"] is False and "NameError" in alone["events"][0][1]
