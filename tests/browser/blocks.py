"""Driving a runnable block the way a reader does: type, Run, wait, read the output."""

from __future__ import annotations

import json

from playwright.sync_api import Locator, Page

from tests.pages import ROOT

STRINGS = json.loads((ROOT / "web" / "ui-strings.json").read_text(encoding="utf-8"))


def wait_finished(block: Locator, timeout: float = 90_000) -> str:
    block.locator(
        "xpath=self::*[@data-state='done' or @data-state='error' or @data-state='stopped']"
    ).wait_for(timeout=timeout)
    return str(block.get_attribute("data-state"))


def output_of(block: Locator) -> dict[str, object]:
    """What the output area shows: its text and how many pictures."""
    return block.locator('[data-role="output"]').evaluate(
        "el => ({text: el.textContent, figures: el.querySelectorAll('svg').length})"
    )


def run(block: Locator) -> str:
    block.locator('[data-action="run"]').click()
    return wait_finished(block)


def replace_code(page: Page, block: Locator, code: str) -> None:
    editor = block.locator(".cm-content")
    if not editor.count():
        block.locator('[data-role="editor"]').focus()
    editor.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    # insertText types the code as one edit, without the editor's auto-indent.
    page.keyboard.insert_text(code)


def code_of(block: Locator) -> str:
    """The code in the block's editor (or its plain-text fallback)."""
    return str(block.evaluate("el => el.bpBlock.code()"))


def wait_ready(page: Page, timeout: float = 90_000) -> None:
    """Python has started in the page's worker."""
    page.wait_for_function("window.bpRuntime && window.bpRuntime.isReady", timeout=timeout)
