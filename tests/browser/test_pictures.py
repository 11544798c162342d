"""Nothing a picture does can hurt the page (reviews/runner.md D2, D4, 25).

One tab for the module (Python starts once). A run displays hostile pictures
and a flood of tiny ones; the page shows what the policy (web/svg-policy.json)
allows and at most ``figures_per_run`` new figures (web/runner-limits.json),
while a live picture updated in place under one display_id is never counted.
A burst of pictures goes in a frame's worth at a time (web/block-output.js),
and the block is done once all of them are in.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from tests.browser.blocks import (
    STRINGS,
    output_of,
    replace_code,
    run,
    wait_ready,
)
from tests.browser.conftest import SiteServer, go
from tests.pages import ROOT

pytestmark = pytest.mark.browser

LIMITS = json.loads((ROOT / "web" / "runner-limits.json").read_text(encoding="utf-8"))

PICTURES = """\
class Pic:
    def __init__(self, svg):
        self.svg = svg
    def _repr_svg_(self):
        return '<svg xmlns="http://www.w3.org/2000/svg">' + self.svg + '</svg>'

# A picture that names the page's own elements (the live region, a block's note).
display(Pic('<text id="bp-runtime-announcer" data-role="kept-note" data-action="run" '
            'data-state="done" class="md-header bp-run bp-grad">taken</text>'))
# Other spellings of url(): none may reach a server.
display(Pic('<rect width="9" height="9" fill="\\\\75 rl(ORIGIN/leak-escape.svg#p)"/>'
            '<rect width="9" height="9" fill="URL(ORIGIN/leak-case.svg#p)"/>'
            '<rect width="9" height="9" stroke="u\\\\rl(ORIGIN/leak-split.svg#p)"/>'))
# References that multiply a few elements into 10**4 (nested <use>).
nested = '<g id="a0"><rect width="1" height="1"/></g>' + ''.join(
    f'<g id="a{i}">' + f'<use href="#a{i - 1}"/>' * 10 + '</g>' for i in range(1, 5))
display(Pic('<defs>' + nested + '</defs><use href="#a4"/>'))
# A live picture: many updates of one figure are one figure.
for k in range(300):
    display(Pic(f'<circle r="{k}"/>'), display_id='live')
# A flood of tiny pictures.
for k in range(3000):
    display(Pic('<circle r="1"/>'))
print('after the flood')
"""


def test_pictures_are_capped_and_cannot_take_over_the_page(tab: Page, site: SiteServer) -> None:
    page = go(tab, site, "gates/multiply.md", "zh")
    wait_ready(page)
    block = page.locator(".bp-run").first
    requests: list[str] = []
    page.context.on("request", lambda r: "leak-" in r.url and requests.append(r.url))
    replace_code(page, block, PICTURES.replace("ORIGIN", site.origin))
    assert run(block) == "done"
    shown = output_of(block)
    assert shown["figures"] == LIMITS["figures_per_run"], "the flood was not cut"
    note = STRINGS["zh"]["too_many_figures"].format(figures="50", elements="50,000")
    notes = block.locator(".bp-note")
    expect(notes).to_have_count(1)
    assert notes.inner_text().strip() == note
    assert "after the flood" in str(shown["text"])
    # The live picture is its last version, once.
    assert block.locator('svg circle[r="299"]').count() == 1
    # No id, reference or page name survived; the live region is still the page's own.
    output = block.locator('[data-role="output"]')
    assert (
        output.locator("svg [id], svg use, svg [href], svg [data-role], svg [data-action]").count()
        == 0
    )
    assert output.locator("svg [data-state], svg .md-header, svg .bp-run").count() == 0
    assert page.evaluate("document.getElementById('bp-runtime-announcer').tagName") == "DIV"
    painted = output.locator("svg rect").evaluate_all(
        "rects => rects.map((r) => [r.getAttribute('fill'), r.getAttribute('stroke')])"
    )
    assert all(fill is None and stroke is None for fill, stroke in painted), painted
    page.wait_for_timeout(300)  # (a request from a paint would have been made by now)
    assert not requests, f"a picture reached a server: {requests}"


# Pictures of a frame's worth each (a small one would go in at once), sent at once.
BURST = """\
class Block:
    def _repr_svg_(self):
        return '<svg xmlns="http://www.w3.org/2000/svg">' + '<rect/>' * (PER_FRAME - 1) + '</svg>'
for k in range(6):
    display(Block())
print('after the pictures')
"""
# When (at which frame: the timeline's time, the same until the next frame) each
# picture is sanitized (DOMPurify parses it with DOMParser) and goes in; what the
# output holds when the block says done.
WATCH_FIGURES = """(block) => {
  const output = block.querySelector('[data-role="output"]');
  const seen = (window.__figures = { parsed: [], shown: [], atDone: null });
  const parse = DOMParser.prototype.parseFromString;
  DOMParser.prototype.parseFromString = function (text, type) {
    if (String(text).startsWith("<svg")) seen.parsed.push(document.timeline.currentTime);
    return parse.call(this, text, type);
  };
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.classList?.contains("bp-figure")) seen.shown.push(document.timeline.currentTime);
      }
    }
  }).observe(output, { childList: true });
  new MutationObserver(() => {
    if (block.dataset.state === "done" && !seen.atDone) {
      seen.atDone = { figures: output.querySelectorAll("svg").length, text: output.textContent };
      DOMParser.prototype.parseFromString = parse;
    }
  }).observe(block, { attributes: true, attributeFilter: ["data-state"] });
}"""


def test_pictures_are_sanitized_and_drawn_at_frames_of_their_own(
    tab: Page, site: SiteServer
) -> None:
    """A frame sanitizes pictures, a later one inserts them (for a big picture each
    is a long task: together they froze the page), a frame's worth at a time, in
    order; the block says done once all of them are in."""
    page = go(tab, site, "gates/multiply.md")
    wait_ready(page)
    block = page.locator(".bp-run").first
    per_frame = LIMITS["picture_elements_per_frame"]
    replace_code(page, block, BURST.replace("PER_FRAME", str(per_frame)))
    block.evaluate(WATCH_FIGURES)
    assert run(block) == "done"
    seen = page.evaluate("window.__figures")
    assert seen["atDone"]["figures"] == 6, "the block said done before its pictures were in"
    assert str(seen["atDone"]["text"]).endswith("after the pictures\n")
    assert len(seen["parsed"]) == len(seen["shown"]) == 6, seen
    for parsed, shown in zip(seen["parsed"], seen["shown"], strict=True):
        assert parsed < shown, f"a picture was sanitized and inserted in one frame: {seen}"
    assert len(set(seen["shown"])) == 6, f"two pictures went in at one frame: {seen}"


# Pictures of a frame's worth each, and Stop pressed as the first one goes in.
STOPPED = """\
class Block:
    def _repr_svg_(self):
        return '<svg xmlns="http://www.w3.org/2000/svg">' + '<rect/>' * (PER_FRAME - 1) + '</svg>'
for k in range(5):
    display(Block())
"""
STOP_AT_FIRST_FIGURE = """(block) => {
  new MutationObserver((records, observer) => {
    const figure = (node) => node.classList?.contains("bp-figure");
    if (!records.some((record) => [...record.addedNodes].some(figure))) return;
    observer.disconnect();
    block.querySelector('[data-action="stop"]').click();
  }).observe(block.querySelector('[data-role="output"]'), { childList: true });
}"""


def test_stop_drops_the_pictures_not_drawn_yet(tab: Page, site: SiteServer) -> None:
    """Stop while pictures are still being drawn (or sent): the block stops,
    with the pictures drawn so far and no more."""
    page = go(tab, site, "gates/multiply.md")
    wait_ready(page)
    block = page.locator(".bp-run").first
    per_frame = LIMITS["picture_elements_per_frame"]
    replace_code(page, block, STOPPED.replace("PER_FRAME", str(per_frame)))
    block.evaluate(STOP_AT_FIRST_FIGURE)
    assert run(block) == "stopped"
    page.wait_for_timeout(300)  # (a picture drawn after Stop would be in by now)
    assert output_of(block)["figures"] == 1
