"""Runnable blocks in real Chromium, in every language: the DESIGN.md contract.

The browser runs each block with Pyodide in a Web Worker; its output must equal
the output the build computed with CPython and put in the page.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.blocks import STRINGS, output_of, replace_code, run, wait_finished
from tests.browser.conftest import (
    Reader,
    SiteServer,
    Traffic,
    instant_navigate,
)
from tests.pages import LANGUAGES, pages, read, url
from tests.pages import blocks as md_blocks


def _pages_in_turn() -> list[tuple[str, str]]:
    """Every page, each in one language, the languages in turn (pages with runnable
    blocks first, so that each language runs about as many). The other languages'
    pages run the same program: tests/test_localize.py (same program, same numbers)
    compares each language's snippets and build outputs with English."""

    def runnable(page: str) -> bool:
        return any(b.kind == "bp-run" for b in md_blocks(read("en", page)))

    with_blocks = [p for p in pages("en") if runnable(p)]
    without = [p for p in pages("en") if not runnable(p)]
    return [(p, LANGUAGES[i % len(LANGUAGES)]) for i, p in enumerate(with_blocks + without)]


PAGES_IN_TURN = _pages_in_turn()


@pytest.mark.browser
@pytest.mark.parametrize(("page_name", "lang"), PAGES_IN_TURN)
def test_every_block_gives_the_builds_output(reader: Reader, lang: str, page_name: str) -> None:
    """In the warm profile: every run's interpreter is restored from the snapshot."""
    page = reader.open(page_name, lang)
    check_every_block(page, lang, page_name)
    stats = page.evaluate("bpRuntime.stats")
    assert stats["started"] == 0, f"a Python was started, not restored: {stats}"
    reader.assert_clean(lang)


def check_every_block(page: Page, lang: str, page_name: str) -> None:
    # Exercise blocks are runnable blocks too; tests/browser/test_exercises_browser.py runs them.
    blocks = page.locator(".bp-run:not(.bp-exercise)")
    expected = [b for b in md_blocks(read(lang, page_name)) if b.kind == "bp-run"]
    assert blocks.count() == len(expected), f"{lang}/{page_name}: blocks missing from the page"
    for i in range(blocks.count()):
        block = blocks.nth(i)
        static = output_of(block)
        assert static["text"], f"block {i} has no build output"
        if 'error="expected"' in expected[i].info:  # the snippet is meant to raise
            assert run(block) == "error", output_of(block)
            assert output_of(block) == static, f"block {i} of {lang}/{page_name}"
            continue
        assert run(block) == "done", re.sub(r"\s+", " ", str(output_of(block)["text"]))[-2500:]
        assert output_of(block) == static, f"block {i} of {lang}/{page_name}"
        done = STRINGS[lang]["done"].split("{ms}")[0]
        expect(block.locator('[data-role="status"]')).to_contain_text(done)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_edit_run_traceback_stop_and_run_again(page: Page, site: SiteServer, lang: str) -> None:
    page.goto(site.url(url("gates/multiply.md", lang)))
    block = page.locator(".bp-run").first
    t = STRINGS[lang]
    expect(block.locator('[data-action="run"]')).to_have_text(t["run"])
    expect(block.locator('[data-action="stop"]')).to_be_disabled()

    # New code typed into the editor, run with the keyboard.
    replace_code(
        page,
        block,
        "from backprop_core import Value\nv = Value(6.0) * 7\nprint(v.data)\nv.data + 1",
    )
    page.keyboard.press("ControlOrMeta+Enter")
    assert wait_finished(block) == "done"
    assert output_of(block)["text"] == "42.0\n43.0\n"

    # An exception: the reader's traceback, in the block, with no runner frames.
    replace_code(page, block, "def f(x):\n    return 1 / x\n\nf(0)")
    assert run(block) == "error"
    text = str(output_of(block)["text"])
    assert text.startswith("Traceback (most recent call last):"), text
    assert "line 4, in <module>" in text and "line 2, in f" in text
    assert "ZeroDivisionError: division by zero" in text
    assert "backprop_core/notebook" not in text and "pyodide" not in text.lower()
    expect(block.locator('[data-role="status"]')).to_have_text(t["error"])

    # A runaway loop: Stop ends it, and the next run works in a fresh runtime.
    replace_code(page, block, "while True:\n    pass")
    block.locator('[data-action="run"]').click()
    expect(block).to_have_attribute("data-state", "running")
    page.wait_for_timeout(500)
    block.locator('[data-action="stop"]').click()
    assert wait_finished(block, timeout=15_000) == "stopped"
    expect(block.locator('[data-role="status"]')).to_have_text(t["stopped"])
    replace_code(page, block, "print('alive')")
    assert run(block) == "done"
    assert output_of(block)["text"] == "alive\n"

    # Reset brings back the original code and the build's output.
    block.locator('[data-action="reset"]').click()
    expect(block).to_have_attribute("data-state", "static")
    assert "from backprop_core import Value" in block.locator(".cm-content").inner_text()


@pytest.mark.browser
def test_a_run_over_the_time_limit_is_stopped(page: Page, site: SiteServer) -> None:
    page.goto(site.url(url("gates/multiply.md", "de")))
    page.evaluate("document.querySelector('meta[name=bp-time-limit]').content = '2'")
    block = page.locator(".bp-run").first
    replace_code(page, block, "x = 0\nwhile True:\n    x += 1")
    assert run(block) == "stopped"
    message = STRINGS["de"]["timeout"].replace("{seconds}", "2")
    expect(block.locator('[data-role="status"]')).to_have_text(message)
    replace_code(page, block, "print(sum(range(10)))")
    assert run(block) == "done"
    assert output_of(block)["text"] == "45\n"


@pytest.mark.browser
@pytest.mark.parametrize(
    "code",
    [
        "def f(n):\n    return f(n + 1)\nf(0)",  # deep recursion
        "x = bytearray(3 * 1024**3)",  # a huge allocation
    ],
    ids=["recursion", "allocation"],
)
def test_hostile_code_cannot_break_the_page(page: Page, site: SiteServer, code: str) -> None:
    page.goto(site.url(url("gates/multiply.md", "en")))
    block = page.locator(".bp-run").first
    replace_code(page, block, code)
    block.locator('[data-action="run"]').click()
    state = wait_finished(block, timeout=30_000)
    if state not in ("error", "stopped"):
        pytest.fail(f"hostile code ended in state {state}: {output_of(block)}")
    replace_code(page, block, "print('still here')")
    assert run(block) == "done"
    assert output_of(block)["text"] == "still here\n"


@pytest.mark.browser
def test_instant_navigation_keeps_one_runtime(
    page: Page, site: SiteServer, traffic: Traffic
) -> None:
    page.goto(site.url(url("gates/multiply.md", "en")))
    assert run(page.locator(".bp-run").first) == "done"
    instant_navigate(page, "../add/")  # Material swaps the content only
    block = page.locator(".bp-run").first
    block.locator('[data-action="run"]').click()
    # The runtime is already there: the block goes straight to running, never loading.
    assert block.get_attribute("data-state") in ("running", "done")
    assert wait_finished(block) == "done"
    wasm = [u for u in traffic.requests if u.endswith("pyodide.asm.wasm")]
    assert len(wasm) == 1, f"Pyodide was fetched {len(wasm)} times: {wasm}"


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_site_works_under_a_sub_path(
    page: Page, site: SiteServer, traffic: Traffic, lang: str
) -> None:
    page.goto(site.url(url("gates/multiply.md", lang), sub_path=True))
    block = page.locator(".bp-run").first
    static = output_of(block)
    assert run(block) == "done"
    assert output_of(block) == static
    assert all("/mirror/backprop/" in u for u in traffic.requests if u.startswith(site.origin))
    # The language switcher stays on this page, under the sub-path.
    hrefs = page.locator("a.md-select__link[hreflang]").evaluate_all("els => els.map(a => a.href)")
    assert site.url(url("gates/multiply.md", "de"), sub_path=True) in hrefs


@pytest.mark.browser
def test_output_streams_while_the_code_runs(page: Page, site: SiteServer) -> None:
    page.goto(site.url(url("gates/multiply.md", "zh")))
    block = page.locator(".bp-run").first
    code = "import sys, time\nprint('first')\ntime.sleep(2)\nprint('warn', file=sys.stderr)\n"
    replace_code(page, block, code + "time.sleep(2)\nprint('last')")
    block.locator('[data-action="run"]').click()
    output = block.locator('[data-role="output"]')
    expect(output).to_have_text("first\n", timeout=15_000)
    assert block.get_attribute("data-state") == "running"
    expect(output.locator(".bp-stderr")).to_have_text("warn\n", timeout=5_000)
    assert block.get_attribute("data-state") == "running"
    assert wait_finished(block) == "done"
    assert output_of(block)["text"] == "first\nwarn\nlast\n"
