"""What the reader keeps is never lost or silently dropped (reviews/runner.md 32, 35, 37, 38).

One tab for the module (Python starts once): a share link that inflates to
64 MB, a shared link's code run over the reader's own edit, a second tab
writing the same block, and a storage that is full. A shared link is opened by
changing the fragment (the page listens for it), so the tab never reloads.
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, expect

from sitebuild.localize import source
from tests.browser.blocks import STRINGS, code_of, replace_code, run, wait_finished, wait_ready
from tests.browser.conftest import SiteServer, go
from tests.pages import url

pytestmark = pytest.mark.browser

EXERCISE = "gates/multiply"

COUNT_INFLATED = """() => {
  // Every byte the page's inflater gives out is counted.
  const Native = (window.__nativeInflater ??= DecompressionStream);
  window.__inflated = 0;
  window.DecompressionStream = class {
    constructor(format) {
      const inner = new Native(format);
      const count = new TransformStream({
        transform(chunk, out) { window.__inflated += chunk.length; out.enqueue(chunk); },
      });
      this.writable = inner.writable;
      this.readable = inner.readable.pipeThrough(count);
    }
  };
}"""


def payload(code: str | bytes, compressed: bool) -> str:
    raw = code.encode() if isinstance(code, str) else code
    if compressed:
        deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
        raw = deflate.compress(raw) + deflate.flush()
    text = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    return ("z" if compressed else "t") + text


def open_link(page: Page, snippet: str, data: str) -> None:
    page.evaluate("(hash) => { location.hash = hash; }", f"#bp-code={snippet}~{data}")


def note(block: Locator) -> Locator:
    return block.locator('[data-role="kept-note"] [role="status"]')


def kept(page: Page, key: str) -> str | None:
    return page.evaluate("(key) => localStorage.getItem(key)", f"bp:{key}")  # type: ignore[no-any-return]


@pytest.fixture
def multiply(tab: Page, site: SiteServer) -> Iterator[Page]:
    """The gates/multiply page, with nothing kept before or after the test."""
    page = go(tab, site, "gates/multiply.md")
    wait_ready(page)
    page.evaluate("localStorage.clear()")
    yield page
    page.evaluate("localStorage.clear()")
    for i in range(page.locator(".bp-run").count()):
        page.locator('.bp-run [data-action="reset"]').nth(i).click()


def test_a_share_link_bomb_is_not_inflated_past_the_code_limit(multiply: Page) -> None:
    page = multiply
    block = page.locator(".bp-run").first
    before = code_of(block)
    page.evaluate(COUNT_INFLATED)
    bomb = payload(b"#" * (64 << 20), compressed=True)  # 64 MB of comment, 87 k characters
    open_link(page, str(block.get_attribute("data-snippet")), bomb)
    page.wait_for_function("window.__inflated > 0")
    page.wait_for_timeout(1000)  # (long enough to inflate all of it)
    inflated = page.evaluate("window.__inflated")
    assert inflated <= 2 << 20, f"{inflated:,} bytes inflated from a share link"
    assert code_of(block) == before
    page.evaluate("() => { window.DecompressionStream = window.__nativeInflater; }")


def test_running_a_shared_links_code_keeps_the_readers_own_edit(multiply: Page) -> None:
    page = multiply
    t = STRINGS["en"]
    block = page.locator(".bp-run").first
    snippet = str(block.get_attribute("data-snippet"))
    mine, shared = "print('mine')\n", "print('shared')\n"
    replace_code(page, block, mine)
    expect(block).to_have_attribute("data-edited", "true")

    open_link(page, snippet, payload(shared, compressed=True))
    expect(block).to_have_attribute("data-shared", "true")
    expect(note(block)).to_have_text(t["shared_code_over_edit"])
    assert code_of(block) == shared and kept(page, f"code:{snippet}") == mine

    assert run(block) == "done"
    expect(block.locator('[data-role="output"]')).to_have_text("shared\n")
    assert kept(page, f"code:{snippet}") == shared  # the link's code is the edit now...
    expect(note(block)).to_have_text(t["shared_replaced_edit"])
    restore = block.locator('[data-action="restore-edit"]')
    expect(restore).to_have_text(t["restore_edit"])
    restore.click()  # ...and the reader's own comes back with one click
    assert code_of(block) == mine
    expect(note(block)).to_have_text(t["edit_restored"])
    assert kept(page, f"code:{snippet}") == mine and kept(page, f"previous:{snippet}") is None


def test_another_tab_editing_the_same_block_is_followed(multiply: Page, site: SiteServer) -> None:
    page = multiply
    t = STRINGS["en"]
    block = page.locator(".bp-run").first
    key = f"bp:code:{block.get_attribute('data-snippet')}"
    other = page.context.new_page()  # another tab of the site (a page without blocks)
    try:
        other.goto(site.url(url("glossary.md", "en")))
        other.evaluate("([key, code]) => localStorage.setItem(key, code)", [key, "print('B')\n"])
        expect(note(block)).to_have_text(t["edited_elsewhere"])
        assert code_of(block) == "print('B')\n"
        expect(block).to_have_attribute("data-edited", "true")

        # The reader is typing here: what they type wins, and the note says so.
        replace_code(page, block, "print('A')\n")
        # (kept, as the other tab sees, before that tab writes again)
        other.wait_for_function(
            "([k, c]) => localStorage.getItem(k) === c", arg=[key, "print('A')\n"]
        )
        other.evaluate("([key, code]) => localStorage.setItem(key, code)", [key, "print('B2')\n"])
        expect(note(block)).to_have_text(t["edited_elsewhere_typing"])
        assert code_of(block) == "print('A')\n"
        page.keyboard.type("# more\n")
        assert other.evaluate("(key) => localStorage.getItem(key)", key) == "print('A')\n# more\n"
    finally:
        other.close()


FILL_STORAGE = """() => {
  // Fill the origin's local storage the way years of use might.
  let i = 0;
  for (const size of [1 << 20, 1 << 14, 1 << 8, 1]) {
    const text = "x".repeat(size);
    try { for (;;) localStorage.setItem(`filler:${i++}`, text); } catch {}
  }
  return i;
}"""


def test_a_full_storage_says_not_kept_in_the_block(multiply: Page) -> None:
    page = multiply
    t = STRINGS["en"]
    block = page.locator(".bp-run").first
    exercise = page.locator(".bp-exercise").first
    replace_code(page, exercise, source(f"exercises/{EXERCISE}/solution.py", "en"))  # (kept)
    page.evaluate(FILL_STORAGE)
    replace_code(page, block, "print('not kept')\n")
    expect(note(block)).to_have_text(t["storage_full"])
    assert kept(page, f"code:{block.get_attribute('data-snippet')}") is None

    # A solved mark that cannot be kept says so too (the page still shows it).
    expect(exercise.locator('[data-role="kept-note"]')).to_have_count(0)
    exercise.locator('[data-action="check"]').click()
    wait_finished(exercise)
    expect(exercise).to_have_attribute("data-solved", "true")
    expect(note(exercise)).to_have_text(t["storage_full"])
    assert kept(page, f"solved:{EXERCISE}") is None
