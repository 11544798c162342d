"""Keyboard, stepper and layout in real Chromium: what a reader without a mouse,
or on a phone, meets first (reviews/ux.md).

- Tab and Shift+Tab reach every control of a block, its output and the step
  buttons, forwards and backwards, and never get stuck in the editor: Tab
  indents only while the reader edits; Escape ends that.
- The stepper: ← and → step from the diagram or its buttons; a click on the
  diagram focuses the diagram (not the output around it); focus stays on the
  stepper when a button at either end becomes disabled; the current gate is
  drawn in the accent colour; disabled buttons look disabled.
- Names: every block's buttons say which example they belong to; the code area
  is a named textbox before the editor exists.
- Looks: the editor replaces the static code without moving it; the copy
  button stays and never covers code; wide diagrams stay legible on a phone.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.browser.conftest import SiteServer
from tests.pages import LANGUAGES, ROOT, url

STRINGS = json.loads((ROOT / "web" / "ui-strings.json").read_text(encoding="utf-8"))

# What has focus, in words a failure message can show.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "body";
  if (el.classList.contains("cm-content")) return "editor";
  if (el.dataset.action) return el.dataset.action;
  if (el.dataset.role === "editor") return "code";  // the static code, before the editor
  if (el.dataset.role) return el.dataset.role;
  if (el.classList.contains("bp-circuit-frame")) return "diagram";
  return el.tagName.toLowerCase() + (el.className ? "." + el.className : "");
}"""


def focused(page: Page) -> str:
    return str(page.evaluate(FOCUSED))


def tab(page: Page, back: bool = False) -> str:
    page.keyboard.press("Shift+Tab" if back else "Tab")
    if focused(page) == "code":  # the editor is being created: it takes the focus
        page.locator(".cm-content:focus").wait_for()
    return focused(page)


def first_block(page: Page, site: SiteServer, lang: str = "en") -> Locator:
    page.goto(site.url(url("gates/multiply.md", lang)))
    block = page.locator(".bp-run").first
    expect(block).to_have_attribute("data-bp-ready", "")
    expect(block.locator(".bp-circuit-steps")).to_have_count(1)
    return block


def editor_text(block: Locator) -> str:
    lines = block.locator(".cm-content .cm-line")
    return "\n".join(lines.evaluate_all("els => els.map(line => line.textContent)"))


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_tab_and_shift_tab_reach_every_control_of_a_block(
    page: Page, site: SiteServer, lang: str
) -> None:
    block = first_block(page, site, lang)
    block.locator('[data-action="run"]').focus()
    # Stop is disabled while nothing runs, so Tab skips it; Step back is disabled
    # before the first step. The code area turns into the editor when focused.
    forward = ["reset", "copy", "editor", "output", "diagram", "step-forward"]
    assert [tab(page) for _ in forward] == forward
    expect(block.locator(".cm-content")).to_have_count(1)
    backward = ["diagram", "output", "editor", "copy", "reset", "run"]
    assert [tab(page, back=True) for _ in backward] == backward


@pytest.mark.browser
def test_tab_indents_only_while_editing_and_escape_moves_on(page: Page, site: SiteServer) -> None:
    block = first_block(page, site)
    block.locator('[data-role="editor"]').focus()
    expect(block.locator(".cm-content")).to_be_focused()
    assert tab(page) == "output", "Tab into the editor and on again: no trap"
    assert tab(page, back=True) == "editor"
    page.keyboard.press("ControlOrMeta+End")
    page.keyboard.type("\nx = 1")  # the reader edits: now Tab indents
    before = editor_text(block)
    assert tab(page) == "editor"
    assert editor_text(block) == before[: -len("x = 1")] + "    x = 1", "Tab indents the line"
    assert tab(page, back=True) == "editor"  # Shift+Tab takes the indent back
    assert editor_text(block) == before
    page.keyboard.press("Escape")
    assert focused(page) == "editor", "Escape keeps the caret where it was"
    assert tab(page) == "output", "after Escape, Tab moves on"
    assert tab(page, back=True) == "editor"
    assert tab(page, back=True) == "copy", "and Shift+Tab moves back"
    assert editor_text(block) == before  # no Tab went into the code
    label = block.locator(".cm-content").get_attribute("aria-label") or ""
    assert "Ctrl+Enter" in label and "Escape" in label  # the editor's name tells the keys


@pytest.mark.browser
def test_arrow_keys_step_from_the_diagram_and_focus_stays_on_the_stepper(
    page: Page, site: SiteServer
) -> None:
    block = first_block(page, site, "de")
    t = STRINGS["de"]
    figure = block.locator(".bp-figure")
    explain = figure.locator('[data-role="step-explain"]')
    back = figure.locator('[data-action="step-backward"]')
    forward = figure.locator('[data-action="step-forward"]')
    output = block.locator('[data-role="output"]')
    expect(explain).to_have_text(t["step_start"])

    # A click on the diagram focuses the diagram, so the arrows step it and
    # never scroll the output around it.
    figure.locator("svg.bp-circuit").click()
    assert focused(page) == "diagram"
    page.keyboard.press("ArrowRight")
    expect(explain).to_contain_text(t["step_done"])
    assert focused(page) == "diagram"
    assert output.evaluate("el => el.scrollLeft") == 0
    page.keyboard.press("ArrowLeft")
    expect(explain).to_have_text(t["step_start"])

    # The last step disables Step forward: focus moves to Step back, and the
    # arrows keep working from there; the first step hands it back.
    forward.focus()
    page.keyboard.press("Enter")
    expect(forward).to_be_disabled()
    assert focused(page) == "step-backward"
    page.keyboard.press("ArrowLeft")
    expect(back).to_be_disabled()
    assert focused(page) == "step-forward"
    page.keyboard.press("ArrowRight")
    expect(explain).to_contain_text(t["step_done"])
    assert focused(page) == "step-backward"


STROKE = """svg => [...svg.querySelectorAll('.bp-gate circle, .bp-gate rect')].map(el => {
  const s = getComputedStyle(el);
  return {current: !!el.closest('.bp-current'), stroke: s.stroke, width: s.strokeWidth};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_current_gate_is_highlighted(browser: Browser, site: SiteServer, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.goto(site.url(url("staged-computation.md", "en")))
        figure = page.locator(".bp-figure").filter(has=page.locator(".bp-gate")).first
        svg = figure.locator("svg.bp-circuit")
        accent = page.evaluate(
            "() => { const el = document.createElement('i');"
            " el.style.color = 'var(--md-accent-fg-color)'; document.body.append(el);"
            " const c = getComputedStyle(el).color; el.remove(); return c; }"
        )
        figure.locator('[data-action="step-forward"]').click()
        figure.locator('[data-action="step-forward"]').click()
        shapes = svg.evaluate(STROKE)
        current = [s for s in shapes if s["current"]]
        others = [s for s in shapes if not s["current"]]
        assert current and others
        assert all(s["stroke"] == accent and s["width"] == "3px" for s in current), current
        assert all(s["stroke"] != accent for s in others), others
    finally:
        context.close()


OPACITY = "el => ({opacity: getComputedStyle(el).opacity, cursor: getComputedStyle(el).cursor})"


@pytest.mark.browser
def test_disabled_buttons_look_disabled(page: Page, site: SiteServer) -> None:
    block = first_block(page, site)
    for selector in ('[data-action="stop"]', '[data-action="step-backward"]'):
        button = block.locator(selector)
        expect(button).to_be_disabled()
        look = button.evaluate(OPACITY)
        assert float(look["opacity"]) <= 0.5, (selector, look)
    for selector in ('[data-action="reset"]', '[data-action="step-forward"]'):
        assert float(block.locator(selector).evaluate(OPACITY)["opacity"]) == 1.0


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_control_names_its_example(page: Page, site: SiteServer, lang: str) -> None:
    page.goto(site.url(url("training/neuron.md", lang)))
    t = STRINGS[lang]
    blocks = page.locator(".bp-run")
    expect(blocks.first).to_have_attribute("data-bp-ready", "")
    assert blocks.count() > 1
    for i in range(blocks.count()):
        block = blocks.nth(i)
        name = str(block.get_attribute("data-snippet"))
        for label in ("run_label", "reset_label", "copy_label"):
            expected = t[label].format(snippet=name)
            expect(block.get_by_role("button", name=expected, exact=True)).to_have_count(1)
        # Before the editor exists, the focusable code area is a named textbox.
        code = block.get_by_role("textbox", name=t["editor_label"].format(snippet=name))
        expect(code).to_have_count(1)
        assert code.get_attribute("tabindex") == "0"


GLYPH = """host => {
  const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT, {acceptNode: (n) =>
    n.parentElement.closest('.cm-gutters, .md-code__nav') || !n.data.trim() ? 2 : 1});
  const text = walker.nextNode();
  const at = text.data.search(/\\S/);
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + 1);
  const glyph = range.getBoundingClientRect(), box = host.getBoundingClientRect();
  return {x: Math.round(glyph.left - box.left), y: Math.round(glyph.top - box.top),
          height: Math.round(box.height)};
}"""


@pytest.fixture(params=["desktop", "phone"])
def device(request: pytest.FixtureRequest, browser: Browser) -> BrowserContext:
    if request.param == "phone":
        ctx = browser.new_context(
            viewport={"width": 390, "height": 844},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
        )
    else:
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    request.addfinalizer(ctx.close)
    ctx.set_default_timeout(60_000)
    return ctx


@pytest.mark.browser
def test_the_editor_takes_over_without_moving_the_code(
    device: BrowserContext, site: SiteServer
) -> None:
    page = device.new_page()
    page.goto(site.url(url("gates/multiply.md", "en")))
    block = page.locator(".bp-run").first
    host = block.locator('[data-role="editor"]')
    expect(block).to_have_attribute("data-bp-ready", "")
    snippet = (ROOT / "snippets" / str(block.get_attribute("data-snippet"))).read_text("utf-8")
    copy = block.locator('[data-action="copy"]')
    static = host.evaluate(GLYPH)
    copies = copy.count()
    copy_box = copy.bounding_box() if copies else None
    code_box = host.bounding_box()
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width

    host.focus()
    expect(block.locator(".cm-content")).to_have_count(1)
    assert host.evaluate(GLYPH) == static, "the code moved when the editor took over"
    assert editor_text(block) == snippet.rstrip("\n"), "no extra empty line"
    assert block.locator(".cm-line").count() == snippet.rstrip("\n").count("\n") + 1
    # A copy button, in the bar (never over the code), stays with the editor
    # and copies what the editor holds.
    assert copies == 1 and copy_box and code_box, "no copy button in the block's bar"
    assert copy_box["y"] + copy_box["height"] <= code_box["y"], "the copy button covers code"
    expect(copy).to_be_visible()
    assert copy.get_attribute("data-clipboard-text") == editor_text(block)
    block.locator(".cm-content").click()
    page.keyboard.press("ControlOrMeta+End")
    page.keyboard.type("\nprint('mine')")
    assert copy.get_attribute("data-clipboard-text") == editor_text(block)
    assert editor_text(block).endswith("print('mine')")


LABEL_SIZES = """() => [...document.querySelectorAll('svg.bp-circuit')].map(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const frame = svg.closest('.bp-circuit-frame');
  return {size: 12 * scale, scrolls: frame ? frame.scrollWidth > frame.clientWidth : false,
          drawn: svg.viewBox.baseVal.width};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("page_name", ["training/svm.md", "staged-computation.md"])
def test_wide_diagrams_stay_legible_on_a_phone(
    browser: Browser, site: SiteServer, page_name: str
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    try:
        page = context.new_page()
        page.goto(site.url(url(page_name, "zh")))
        expect(page.locator(".bp-circuit-steps").first).to_be_attached()
        diagrams = page.evaluate(LABEL_SIZES)
        assert diagrams
        small = [d for d in diagrams if d["size"] < 10]
        assert not small, f"labels below 10 px on a 390 px phone: {small}"
        assert any(d["scrolls"] for d in diagrams), "a wide diagram should scroll sideways"
        # The page itself never scrolls sideways.
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
        # Stepping scrolls the frame to the current gate.
        figure = page.locator(".bp-figure").filter(has=page.locator(".bp-circuit-steps")).last
        frame = figure.locator(".bp-circuit-frame")
        forward = figure.locator('[data-action="step-forward"]')
        for _ in range(3):
            forward.click()
        inside = frame.evaluate(
            "f => { const g = f.querySelector('.bp-current').getBoundingClientRect(),"
            " b = f.getBoundingClientRect();"
            " return g.left >= b.left - 1 && g.right <= b.right + 1; }"
        )
        assert inside, "the current gate is scrolled out of view"
    finally:
        context.close()
