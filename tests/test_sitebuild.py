"""The build side's own rules: sessions of runnable blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import snippets
from sitebuild.run_snippets import run_job
from sitebuild.runnable import PageState


def test_a_session_block_runs_the_sessions_earlier_blocks_first() -> None:
    page = PageState()
    assert page.job("a.py", None) == ("a.py",)
    assert page.job("b.py", "s") == ("b.py",)
    assert page.job("c.py", "s") == ("b.py", "c.py")
    assert page.job("d.py", "other") == ("d.py",)


def test_a_session_shares_one_namespace_and_shows_the_last_output() -> None:
    first = ("first.py", "x = 21\nprint('not shown')\n")
    second = ("second.py", "print(x * 2)\nx\n")
    result = run_job([first, second])
    events = [["stdout", "42\n"], ["display", "text/plain", "21", ""]]
    assert result == {"ok": True, "events": events}
    alone = run_job([second])
    assert alone["ok"] is False and "NameError" in alone["events"][0][1]


def test_a_picture_shown_again_under_its_display_id_is_replaced_in_place() -> None:
    code = (
        "for step in range(3):\n"
        "    display(f'loss at step {step}', display_id='loss')\n"
        "    print(step)\n"
        "display('the end')\n"
    )
    result = run_job([("live.py", code)])
    assert result == {
        "ok": True,
        "events": [
            ["display", "text/plain", "'loss at step 2'", ""],
            ["stdout", "0\n1\n2\n"],
            ["display", "text/plain", "'the end'", ""],
        ],
    }


def test_a_second_build_process_takes_snippet_outputs_from_the_disk_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snippets, "DISK_CACHE", tmp_path)
    monkeypatch.setattr(snippets, "_cache", {})
    job = ("intro/first_value.py",)
    (first,) = snippets.run_jobs([job], "de")
    assert list(tmp_path.glob("*.json")), "the output was not written to the disk cache"

    def no_python(*args: object, **kwargs: object) -> None:
        raise AssertionError("the snippet ran again instead of coming from the disk cache")

    monkeypatch.setattr(snippets, "_cache", {})  # a new build process
    monkeypatch.setattr(snippets.subprocess, "run", no_python)
    assert snippets.run_jobs([job], "de") == [first]
