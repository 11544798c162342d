"""Training you can watch, in real Chromium: the picture is redrawn while training runs.

The moons network on training/neural-net/ displays its picture (data, decision
boundary, loss curve) under one display_id a few times a second. While it
runs, the picture in the page must change in place (one picture, not a pile
of them), and Stop must end the run. The drawn pictures must also read on a
phone (390 px): inside the screen, text at least 11 px, no two labels
overlapping; and they must follow the site's dark scheme.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Locator, Page

from tests.browser.blocks import wait_finished
from tests.browser.conftest import SiteServer
from tests.pages import url

LIVE = [
    ("training/neural-net.md", "training/neural_net_moons.py"),
    ("training/svm.md", "training/svm_moons.py"),
    ("vectorized-network.md", "vectorized_network/train_live.py"),
]
PLOT = '[data-role="output"] svg.bp-plot'

# Every label's box on screen, in CSS pixels, and its drawn font size.
MEASURE = """svg => {
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll("text")].map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                size: parseFloat(getComputedStyle(t).fontSize) * scale};
    });
    return {left: box.left, right: box.right, top: box.top, bottom: box.bottom,
            viewport: document.documentElement.clientWidth, texts};
}"""


def block_of(page: Page, snippet: str) -> Locator:
    block = page.locator(f'.bp-run[data-snippet="{snippet}"]')
    block.scroll_into_view_if_needed()
    return block


@pytest.mark.browser
def test_the_boundary_is_redrawn_while_training_runs_and_can_be_stopped(
    page: Page, site: SiteServer
) -> None:
    page.goto(site.url(url("training/neural-net.md")))
    block = block_of(page, "training/neural_net_moons.py")
    static = block.locator(PLOT).evaluate("el => el.outerHTML")
    block.locator('[data-action="run"]').click()
    # Python starts, the run begins, and its first picture replaces the build's.
    handle = page.wait_for_function(
        """([block, plot, before]) => {
            const svg = block.querySelector(plot);
            return block.dataset.state === "running" && svg && svg.outerHTML !== before
                && svg.outerHTML;
        }""",
        arg=[block.element_handle(), PLOT, static],
        timeout=90_000,
    )
    first = handle.json_value()
    # While the run goes on, the same place shows a newer picture.
    page.wait_for_function(
        """([block, plot, before]) => {
            const svg = block.querySelector(plot);
            return block.dataset.state === "running" && svg && svg.outerHTML !== before;
        }""",
        arg=[block.element_handle(), PLOT, first],
        timeout=30_000,
    )
    assert block.locator(PLOT).count() == 1, "a live picture is replaced, not appended"
    block.locator('[data-action="stop"]').click()
    assert wait_finished(block, timeout=15_000) == "stopped"
    # The last picture drawn before the stop stays, and the run printed no result line.
    assert block.locator(PLOT).count() == 1
    output = block.locator('[data-role="output"]').inner_text()
    assert "after 100 steps" not in output


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("page_name", "snippet"), LIVE)
def test_pictures_read_on_a_phone(
    browser: Browser, site: SiteServer, lang: str, page_name: str, snippet: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(site.url(url(page_name, lang)))
        svg = block_of(page, snippet).locator(PLOT)
        assert svg.count() == 1, "the build drew the picture into the page"
        m = svg.evaluate(MEASURE)
        assert m["left"] >= 0 and m["right"] <= m["viewport"], m
        texts = m["texts"]
        assert len(texts) >= 8, texts  # legend, accuracy, loss label, axes
        for t in texts:
            assert t["size"] >= 11, f"{t['text']!r} is drawn {t['size']:.1f} px high"
            inside = (
                t["left"] >= m["left"] - 0.5
                and t["right"] <= m["right"] + 0.5
                and t["top"] >= m["top"] - 0.5
                and t["bottom"] <= m["bottom"] + 0.5
            )
            assert inside, f"{t['text']!r} sticks out of the picture"
        for i, a in enumerate(texts):
            for b in texts[i + 1 :]:
                apart = (
                    a["right"] <= b["left"] + 0.5
                    or b["right"] <= a["left"] + 0.5
                    or a["bottom"] <= b["top"] + 0.5
                    or b["bottom"] <= a["top"] + 0.5
                )
                assert apart, f"{a['text']!r} overlaps {b['text']!r}"
    finally:
        context.close()


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pictures_follow_the_colour_scheme(browser: Browser, site: SiteServer, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site.url(url("training/neural-net.md")))
        svg = block_of(page, "training/neural_net_moons.py").locator(PLOT)
        colours = svg.evaluate(
            """svg => {
                const fill = sel => getComputedStyle(svg.querySelector(sel)).fill;
                return {
                    scheme: document.body.getAttribute("data-md-color-scheme"),
                    page: getComputedStyle(document.body).backgroundColor,
                    text: fill("text"),
                    regionPos: fill(".bp-plot-region.bp-plot-pos"),
                    regionNeg: fill(".bp-plot-region.bp-plot-neg"),
                    pointPos: fill(".bp-plot-points.bp-plot-pos circle"),
                    pointNeg: fill(".bp-plot-points.bp-plot-neg rect"),
                    boundary: getComputedStyle(svg.querySelector(".bp-plot-boundary")).stroke,
                };
            }"""
        )
        assert colours["scheme"] == ("slate" if scheme == "dark" else "default"), colours
        # Labels are in the page's text colour, readable on its background.
        assert contrast(colours["text"], colours["page"]) >= 4.5, colours
        # Points of either class stand out on either region (graphics: 3:1), and so
        # does the boundary line.
        for point in ("pointPos", "pointNeg"):
            for region in ("regionPos", "regionNeg"):
                assert contrast(colours[point], colours[region]) >= 3, (point, region, colours)
        for region in ("regionPos", "regionNeg"):
            assert contrast(colours["boundary"], colours[region]) >= 3, (region, colours)
        # The regions themselves change with the scheme (dark fills on the dark page).
        dark_region = _luminance(colours["regionPos"]) < 0.2
        assert dark_region == (scheme == "dark"), colours
    finally:
        context.close()
