"""axe-core in real Chromium on every page of every language, at 1366 px and
390 px, in the light and the dark palette: no violation of serious or critical
impact.

axe-core (npm, pinned in package.json) is injected into the page from
node_modules, so the check runs offline; tests/browser/axe_sweep.js drives it.
Each page is checked in the state a reader makes: math rendered, every block's
editor mounted (as the pointer passing over the code does), the first diagram
stepped once by a click (focus on Step forward). One tab per language goes
from page to page by instant navigation (Python starts once per language, and
axe stays loaded and warm), and the four tabs run axe at the same time.

Every rule, once per page and language, at one of the four (width, palette)
views: each language at a different view of the same page, and the views turn
from page to page (a Latin square, ``VIEWS``). So every page is checked in every
language and in every view, and every language in every view; what a view
changes (colours, the phone layout) is checked on every page, and what a
language changes (names, text, its width) in every language. Checking the full
product (four views of every language of every page) cost four times as long,
most of the suite's time, for a second look at the same structure.
The colour rules check one element per distinct look of text (axe_sweep.js
says why that is the same as checking all of them).

Material's own serious findings (the search dialog and the progress bar had
no name) are fixed in overrides/partials/; none is excused here.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Reader
from tests.pages import LANGUAGES, ROOT, pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SWEEP = Path(__file__).with_name("axe_sweep.js")
PAGES = pages("en")
HEIGHT = 900
# (width, palette): language i checks page j in VIEWS[(i + j) % 4].
VIEWS = ((1366, "light"), (390, "dark"), (1366, "dark"), (390, "light"))

PREPARE = """async () => {
  // Math rendered and every editor mounted, as a reader's pointer leaves them.
  const blocks = [...document.querySelectorAll(".bp-run")];
  await Promise.all(blocks.map((el) => el.bpBlock?.ensureEditor()));
  const math = [...document.querySelectorAll(".arithmatex")];
  const start = performance.now();
  while (math.some((el) => !el.querySelector(".katex")) && performance.now() - start < 20000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  document.getAnimations().forEach((a) => a instanceof CSSTransition && a.finish());
}"""


def inject(page: Page) -> None:
    """axe and the sweep's helpers, once per tab (instant navigation keeps them)."""
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `make setup` (npm ci)")
    if not page.evaluate("'bpAxe' in window"):
        page.add_script_tag(path=str(AXE))
        page.add_script_tag(path=str(SWEEP))


def step_first_diagram(page: Page) -> None:
    forward = page.locator('.bp-run [data-action="step-forward"]')
    if forward.count():
        forward.first.click()
        expect(page.locator(".bp-run .bp-gate.bp-current")).to_have_count(1)
        page.mouse.move(0, 0)


def switch_palette(page: Page, scheme: str) -> None:
    """Material's palette toggle, until the page shows ``scheme`` (light or dark)."""
    palette = {"light": "default", "dark": "slate"}[scheme]
    body = page.locator("body")
    if body.get_attribute("data-md-color-scheme") != palette:
        page.locator('[data-md-component="palette"] label:visible').click()
        page.mouse.move(0, 0)
    expect(body).to_have_attribute("data-md-color-scheme", palette)
    # Colours are checked at rest, not halfway through a transition.
    page.evaluate(
        "document.getAnimations().forEach((a) => a instanceof CSSTransition && a.finish())"
    )


def failures_of(result: dict[str, object], where: str) -> list[str]:
    return [
        f"{where}: {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in result["violations"]  # type: ignore[attr-defined]
    ]


def view(name: str, lang: str) -> tuple[int, str]:
    """The (width, palette) in which ``lang`` checks page ``name``."""
    return VIEWS[(PAGES.index(name) + LANGUAGES.index(lang)) % len(VIEWS)]


def test_every_page_and_every_language_meets_every_view() -> None:
    assert len(VIEWS) == len(LANGUAGES) == len(set(VIEWS))
    for name in PAGES:
        assert {view(name, lang) for lang in LANGUAGES} == set(VIEWS)
    for lang in LANGUAGES:
        assert {view(name, lang) for name in PAGES} == set(VIEWS)


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(reader: Reader, name: str) -> None:
    tabs = {}
    for lang in LANGUAGES:
        width, scheme = view(name, lang)
        tabs[lang] = page = reader.open(name, lang)
        page.set_viewport_size({"width": width, "height": HEIGHT})
        switch_palette(page, scheme)
        page.evaluate(PREPARE)
        step_first_diagram(page)
        inject(page)
        switch_palette(page, scheme)  # (transitions the step started, finished)
    for page in tabs.values():
        # All four tabs at once (one renderer each): started here, read below.
        page.evaluate("() => { window.__bpAxeRun = bpAxe.all(); }")
    failures = []
    for lang, page in tabs.items():
        width, scheme = view(name, lang)
        result = page.evaluate("() => window.__bpAxeRun")
        failures += failures_of(result, f"{lang} {width}px {scheme}")
    for lang in LANGUAGES:
        reader.assert_clean(lang)
    assert not failures, f"{name}:\n" + "\n".join(failures)


NAMED = {
    "search.html": ('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">'),
    "progress.html": (
        'role="progressbar">',
        'role="progressbar" aria-label="{{ bp_ui.progress_label if bp_ui'
        " else 'Loading the page' }}\">",
    ),
}


@pytest.mark.parametrize("partial", NAMED)
def test_overridden_partials_are_materials_plus_a_name(partial: str) -> None:
    """overrides/partials/ holds copies of Material's partials that only add an
    accessible name; when Material is upgraded, this says to copy them again."""
    theirs = Path(material.__file__).parent / "templates" / "partials" / partial
    ours = ROOT / "overrides" / "partials" / partial

    def markup(path: Path) -> str:  # without the leading Jinja comment
        return path.read_text(encoding="utf-8").split("-#}\n", 1)[1]

    old, new = NAMED[partial]
    assert old in markup(theirs), f"Material's {partial} changed: copy it again"
    assert markup(ours) == markup(theirs).replace(old, new, 1), (
        f"overrides/partials/{partial} differs from Material's by more than the name"
    )
