"""Phones, keyboards and status lines (reviews/ux.md §2, §3, §7; practice.md §8).

One tab for the module (Python starts once; a Reset restarts it once, which
the status test needs). Phone checks resize the tab to 390 px in place.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.browser.blocks import STRINGS, output_of, replace_code, wait_finished, wait_ready
from tests.browser.conftest import SiteServer, go
from tests.pages import url

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def phone(tab: Page) -> Iterator[Page]:
    tab.set_viewport_size(PHONE)
    yield tab
    tab.set_viewport_size(DESKTOP)


# --- outputs and scrollable regions ------------------------------------------------


def test_output_tables_keep_their_lines_and_scroll_sideways(phone: Page, site: SiteServer) -> None:
    page = go(phone, site, "gates/sigmoid.md")
    output = page.locator('[data-role="output"]', has_text="numerical").first
    header = "numerical"
    rows = output.evaluate(
        """(el, word) => {
          // The client rectangles of grad_check's header line: one row if it did not wrap.
          const text = [...el.childNodes].find((n) => n.nodeType === 3 && n.data.includes(word));
          const start = text.data.lastIndexOf("\\n", text.data.indexOf(word)) + 1;
          const end = text.data.indexOf("\\n", start);
          const range = document.createRange();
          range.setStart(text, start);
          range.setEnd(text, end);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        }""",
        header,
    )
    assert rows == 1, f"the table's header line wraps onto {rows} rows"
    assert output.evaluate("el => el.scrollWidth > el.clientWidth")
    output.focus()  # (focusable: tabindex=0) and the arrow keys scroll it
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(output).not_to_have_js_property("scrollLeft", 0)


UNREACHABLE = """() => {
  // Regions that scroll sideways with no way in for a keyboard (axe's
  // scrollable-region-focusable): neither focusable nor holding a focusable element.
  const focusable = "a[href], button, input, select, textarea, [tabindex]";
  return [...document.querySelectorAll("article *")].filter((el) => {
    const style = getComputedStyle(el);
    const scrolls = ["auto", "scroll"].includes(style.overflowX);
    if (!scrolls || el.scrollWidth <= el.clientWidth + 1) return false;
    return !el.matches(focusable) && !el.querySelector(focusable);
  }).map((el) => el.tagName + "." + el.className);
}"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", ["vectorized-network.md", "training/neuron.md", "index.md"])
def test_wide_math_and_code_are_reachable_by_keyboard(
    tab: Page, site: SiteServer, name: str, width: int
) -> None:
    tab.set_viewport_size({**DESKTOP, "width": width})
    try:
        page = go(tab, site, name)
        page.locator(".arithmatex .katex").first.wait_for()  # (math rendered, if any)
        page.wait_for_timeout(200)  # (resize observers report after layout)
        assert page.evaluate(UNREACHABLE) == []
    finally:
        tab.set_viewport_size(DESKTOP)


# --- keyboard focus ---------------------------------------------------------------

OBSCURED = """() => {
  // Every focused control the sticky header covers, even in part.
  window.__obscured = [];
  document.addEventListener("focusin", (event) => requestAnimationFrame(() => {
    const el = event.target;
    if (el.closest(".md-header, .md-sidebar, .md-search, .md-top")) return;
    const box = el.getBoundingClientRect();
    const header = document.querySelector(".md-header").getBoundingClientRect();
    const under = box.bottom > 0 && box.top < header.bottom - 0.5;
    if (under) window.__obscured.push(el.outerHTML.slice(0, 80));
  }));
}"""


def test_shift_tab_never_leaves_focus_under_the_sticky_header(
    phone: Page, site: SiteServer
) -> None:
    page = go(phone, site, "gates/multiply.md")
    page.evaluate(OBSCURED)
    page.locator("footer a").last.focus()
    for _ in range(60):
        page.keyboard.press("Shift+Tab")
    assert page.evaluate("window.__obscured") == []


CLIPPED_RING = """(el) => {
  // The focus ring (outline) must not be cut by any ancestor that clips.
  const style = getComputedStyle(el);
  const grow = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
  const box = el.getBoundingClientRect();
  const ring = {
    left: box.left - grow, right: box.right + grow, top: box.top - grow, bottom: box.bottom + grow,
  };
  const cut = [];
  // (The page's own scroller, html and body, is the window: the ring is in view.)
  for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
    const s = getComputedStyle(up);
    const clips = /paint|strict|content/.test(s.contain)
      || s.overflowX !== "visible" || s.overflowY !== "visible";
    if (!clips) continue;
    const b = up.getBoundingClientRect();
    const outside = ring.left < b.left || ring.right > b.right
      || ring.top < b.top || ring.bottom > b.bottom;
    if (outside) cut.push(up.className);
  }
  return {style: style.outlineStyle, cut};
}"""


def test_the_diagram_frames_focus_ring_is_whole(tab: Page, site: SiteServer) -> None:
    page = go(tab, site, "gates/multiply.md")
    frame = page.locator(".bp-circuit-frame").first
    frame.locator("xpath=ancestor::pre[@data-role='output']").focus()
    page.keyboard.press("Tab")  # from the output into its diagram, as a keyboard reader
    expect(frame).to_be_focused()
    assert frame.evaluate("el => el.matches(':focus-visible')")
    assert frame.evaluate(CLIPPED_RING) == {"style": "solid", "cut": []}


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_emphasis_on_a_chinese_or_japanese_page_is_upright_and_bold(
    tab: Page, site: SiteServer, lang: str
) -> None:
    page = go(tab, site, "why-derivatives.md", lang)
    em = page.locator("article em").first
    expect(em).to_have_css("font-style", "normal")
    expect(em).to_have_css("font-weight", "700")
    english = go(tab, site, "why-derivatives.md").locator("article em").first
    expect(english).to_have_css("font-style", "italic")


# --- wide figures show that they scroll -------------------------------------------


def strip(page: Page, frame: Locator, side: str) -> bytes:
    box = frame.bounding_box()
    assert box is not None
    x = box["x"] if side == "left" else box["x"] + box["width"] - 10
    shot = page.screenshot(clip={"x": x, "y": box["y"], "width": 10, "height": box["height"]})
    return base64.b64encode(shot)


def test_a_wide_diagram_shows_that_it_scrolls_on_a_phone(phone: Page, site: SiteServer) -> None:
    """The frame's edge is drawn differently (a shadow) exactly where more of the
    diagram lies beyond it: compared with the same frame drawn without one."""
    page = go(phone, site, "softmax.md")
    widest = page.locator(".bp-circuit-frame").evaluate_all(
        "frames => frames.map((f) => f.scrollWidth - f.clientWidth)"
        ".reduce((best, extra, i, all) => (extra > all[best] ? i : best), 0)"
    )
    frame = page.locator(".bp-circuit-frame").nth(widest)
    frame.scroll_into_view_if_needed()
    assert frame.evaluate("el => el.scrollWidth > el.clientWidth + 50")
    without = page.add_style_tag(content=".bp-circuit-frame { background: none !important; }")

    def edges(affordance: bool) -> tuple[bytes, bytes]:
        without.evaluate("(el, on) => { el.disabled = on; }", affordance)
        page.evaluate("() => new Promise(requestAnimationFrame)")
        return strip(page, frame, "left"), strip(page, frame, "right")

    frame.evaluate("el => { el.scrollLeft = 0; }")
    (left, right), (left0, right0) = edges(True), edges(False)
    assert right != right0, "nothing shows that the diagram goes on to the right"
    assert left == left0, "a shadow on the left, where nothing lies beyond"
    frame.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    (left, right), (left0, right0) = edges(True), edges(False)
    assert left != left0 and right == right0
    without.evaluate("el => el.remove()")


# --- status lines ----------------------------------------------------------------

RECORD_STATUS = """(el) => {
  window.__statuses = [el.textContent];
  new MutationObserver(() => window.__statuses.push(el.textContent))
    .observe(el, {childList: true, characterData: true, subtree: true});
}"""


def test_a_run_stopped_while_python_starts_says_so(
    fresh_context: BrowserContext, site: SiteServer
) -> None:
    """A run stopped before Python has started (a first visit: no snapshot yet) does
    not claim that Python is loaded; the start goes on, and its progress never goes back."""
    t = STRINGS["en"]
    page = fresh_context.new_page()
    page.goto(site.url(url("gates/multiply.md", "en")))
    second, third = (page.locator(".bp-run").nth(i) for i in (1, 2))
    second.locator('[data-role="status"]').evaluate(RECORD_STATUS)
    third.locator('[data-action="run"]').click()  # while Python starts (seconds)
    third.locator('[data-action="stop"]').click()
    assert wait_finished(third) == "stopped"
    expect(third.locator('[data-role="status"]')).to_have_text(t["stopped_loading"])
    wait_ready(page)
    expect(second.locator('[data-role="status"]')).to_have_text(t["ready"])
    statuses: list[str] = page.evaluate("window.__statuses")
    pattern = re.escape(t["loading_progress"]).replace(re.escape("{percent}"), r"(\d+)")
    percents = [int(m[1]) for s in statuses if (m := re.fullmatch(pattern, s))]
    assert percents and percents == sorted(percents), f"progress went back: {percents}"


def test_reset_during_a_run_keeps_its_message_and_the_others_stay_ready(
    tab: Page, site: SiteServer
) -> None:
    """Reset during a run throws that run's worker away: the reset block keeps saying
    what Reset did; the other blocks stay ready (every run gets an interpreter of its
    own, so nothing restarts for them) and the next run works."""
    t = STRINGS["en"]
    page = go(tab, site, "gates/multiply.md")
    wait_ready(page)
    first, second = (page.locator(".bp-run").nth(i) for i in range(2))
    second.locator('[data-role="status"]').evaluate(RECORD_STATUS)
    replace_code(page, first, "while True:\n    pass")
    first.locator('[data-action="run"]').click()
    expect(first).to_have_attribute("data-state", "running")
    first.locator('[data-action="reset"]').click()
    expect(first.locator('[data-role="status"]')).to_have_text(t["reset_done"])

    replace_code(page, second, "print(6 * 7)")
    second.locator('[data-action="run"]').click()
    assert wait_finished(second) == "done"
    assert output_of(second)["text"] == "42\n"
    expect(first.locator('[data-role="status"]')).to_have_text(t["reset_done"])
    statuses: list[str] = page.evaluate("window.__statuses")
    loading = re.escape(t["loading_progress"]).replace(re.escape("{percent}"), r"\d+")
    assert not [s for s in statuses if re.fullmatch(loading, s)], statuses


# --- the live training picture on a phone ------------------------------------------


def test_a_phone_sees_the_live_picture_while_it_trains_on_circles(
    phone: Page, site: SiteServer
) -> None:
    """The page invites the reader to try `circles`: that runs, and the picture,
    far below the Run button on a phone, comes into view while it changes."""
    page = go(phone, site, "training/neural-net.md")
    page.emulate_media(reduced_motion="reduce")  # (the page then scrolls at once, not smoothly)
    wait_ready(page)
    block = page.locator(".bp-run", has=page.locator("svg.bp-plot")).first
    code = str(block.evaluate("el => el.bpBlock.code()"))
    code = code.replace("= moons(", "= circles(").replace("steps = 100", "steps = 20")
    replace_code(page, block, code)
    block.locator('[data-action="run"]').click()
    page.wait_for_function(
        """(block) => {
          const figure = block.querySelector("svg.bp-plot");
          if (!figure || block.dataset.state !== "running") return false;
          const box = figure.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight;
        }""",
        arg=block.element_handle(),
        timeout=60_000,
    )
    assert wait_finished(block) == "done", output_of(block)["text"]
    assert "NameError" not in str(output_of(block)["text"])
    block.locator('[data-action="reset"]').click()
    page.emulate_media(reduced_motion="no-preference")
