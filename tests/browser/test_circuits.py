"""Circuit diagrams in the browser: stepping through the backward pass, and sanitizing.

The multiply page draws f = x · y at x = -2, y = 3. Stepping forward visits
its one gate and explains "local gradient × upstream gradient = gradient" with
the real numbers, in the page's language.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.blocks import STRINGS, replace_code, run
from tests.browser.conftest import SiteServer
from tests.pages import url


def fill(template: str, **values: object) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_step_through_the_multiply_gate(page: Page, site: SiteServer, lang: str) -> None:
    t = STRINGS[lang]
    page.goto(site.url(url("gates/multiply.md", lang)))
    figure = page.locator(".bp-run").first.locator(".bp-figure")
    svg = figure.locator("svg.bp-circuit")
    expect(svg).to_have_count(1)  # the build drew it into the page
    back = figure.locator('[data-action="step-backward"]')
    forward = figure.locator('[data-action="step-forward"]')
    explain = figure.locator('[data-role="step-explain"]')
    expect(forward).to_have_text(t["step_forward"])
    expect(back).to_have_text(t["step_backward"])
    expect(explain).to_have_text(t["step_start"])
    expect(back).to_be_disabled()

    forward.click()
    lines = explain.inner_text().splitlines()
    assert lines == [
        fill(t["step_gate"], symbol="×", step=1, total=1, upstream=1),
        fill(t["step_input"], input="x", local=3, upstream=1, grad=3),
        fill(t["step_input"], input="y", local=-2, upstream=1, grad=-2),
        t["step_done"],
    ]
    expect(svg.locator(".bp-gate.bp-current")).to_have_count(1)
    expect(forward).to_be_disabled()

    # Keyboard: the arrow keys step too.
    back.focus()
    page.keyboard.press("ArrowLeft")
    expect(explain).to_have_text(t["step_start"])
    expect(svg.locator(".bp-current")).to_have_count(0)


@pytest.mark.browser
def test_a_diagram_displayed_by_a_run_can_be_stepped(page: Page, site: SiteServer) -> None:
    page.goto(site.url(url("gates/multiply.md", "de")))
    block = page.locator(".bp-run").first
    code = (
        "from backprop_core import Value\n"
        "x, y, z = Value(-2.0, label='x'), Value(5.0, label='y'), Value(-4.0, label='z')\n"
        "q = x + y\nq.label = 'q'\nf = q * z\nf.label = 'f'\nf.backward()\nf"
    )
    replace_code(page, block, code)
    assert run(block) == "done"
    figure = block.locator(".bp-figure")
    forward = figure.locator('[data-action="step-forward"]')
    explain = figure.locator('[data-role="step-explain"]')
    t = STRINGS["de"]
    forward.click()
    assert explain.inner_text().splitlines()[:3] == [
        fill(t["step_gate"], symbol="×", step=1, total=2, upstream=1),
        fill(t["step_input"], input="q", local=-4, upstream=1, grad=-4),
        fill(t["step_input"], input="z", local=3, upstream=1, grad=3),
    ]
    forward.click()
    assert explain.inner_text().splitlines()[:3] == [
        fill(t["step_gate"], symbol="+", step=2, total=2, upstream=-4),
        fill(t["step_input"], input="x", local=1, upstream=-4, grad=-4),
        fill(t["step_input"], input="y", local=1, upstream=-4, grad=-4),
    ]


HOSTILE = """class Evil:
    def _repr_svg_(self):
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned = 1">'
            '<script>window.__pwned = 2</script>'
            '<image href="data:image/png;base64,AAAA" onerror="window.__pwned = 3"/>'
            '<a href="javascript:window.__pwned = 4"><text y="20">click</text></a>'
            '<foreignObject><img src="data:," onerror="window.__pwned = 5"></foreignObject>'
            '<circle r="5" data-ok="yes"/></svg>'
        )

Evil()"""


@pytest.mark.browser
def test_svg_from_the_readers_code_is_sanitized(page: Page, site: SiteServer) -> None:
    page.goto(site.url(url("gates/multiply.md", "en")))
    block = page.locator(".bp-run").first
    replace_code(page, block, HOSTILE)
    assert run(block) == "done"
    output = block.locator('[data-role="output"]')
    expect(output.locator("svg circle")).to_have_count(1)  # the harmless part is shown
    output.locator("svg a, svg text").first.click(force=True)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None
    html = output.inner_html()
    for bad in ("<script", "onload", "onerror", "javascript:", "foreignObject"):
        assert bad not in html, bad
