"""axe-core in real Chromium on every page type, in every language, light and dark.

axe-core (npm, pinned in package.json) is injected into the page from
node_modules, so the check runs offline. A page passes when axe finds no
violation of serious or critical impact. The gate page is checked in the state
a reader makes: editor open, diagram stepped once; the training page with
every block's editor mounted by the pointer passing over the code.

Material's own serious findings (the search dialog and the progress bar had
no name) are fixed in overrides/partials/; none is excused here.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Reader
from tests.pages import LANGUAGES, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGE_TYPES = {
    "home": "index.md",
    "gate": "gates/multiply.md",
    "staged": "staged-computation.md",
    "training": "training/neural-net.md",
    "glossary": "glossary.md",
    "reference": "reference.md",
}
SERIOUS = ("serious", "critical")

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " :: " + n.failureSummary),
  }));
}"""


def open_editor_and_step(page: Page) -> None:
    block = page.locator(".bp-run").first
    block.locator('[data-role="editor"]').focus()
    expect(block.locator(".cm-content")).to_be_focused()
    block.locator('[data-action="step-forward"]').click()
    expect(block.locator(".bp-gate.bp-current")).to_have_count(1)


def hover_every_editor(page: Page) -> None:
    """The pointer over each block's code mounts its editor (CodeMirror), as a
    reader's mouse does; long lines make the editor a scrollable region."""
    hosts = page.locator('.bp-run [data-role="editor"]')
    for i in range(hosts.count()):
        hosts.nth(i).hover()
    expect(page.locator(".bp-run .cm-editor")).to_have_count(hosts.count())
    page.mouse.move(0, 0)


def step_again_with_the_mouse(page: Page) -> None:
    """Back and forward by clicks: the last step leaves focus (a click's, so
    :focus without :focus-visible) on Step back, whose colours are checked too."""
    block = page.locator(".bp-run").first
    block.locator('[data-action="step-backward"]').click()
    block.locator('[data-action="step-forward"]').click()
    expect(block.locator('[data-action="step-backward"]')).to_be_focused()


def serious_violations(page: Page) -> list[dict[str, object]]:
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `make setup` (npm ci)")
    # Colours are checked at rest, not halfway through a button's hover transition:
    # each running transition is taken to its end state (waiting for it can stall
    # when the browser stops advancing a tab's animations).
    page.evaluate(
        "document.getAnimations().forEach((a) => a instanceof CSSTransition && a.finish())"
    )
    if not page.evaluate("'axe' in window"):
        page.add_script_tag(path=str(AXE))
    violations: list[dict[str, object]] = page.evaluate(RUN_AXE)
    return [v for v in violations if v["impact"] in SERIOUS]


def switch_palette(page: Page, scheme: str) -> None:
    """Material's palette toggle, until the page shows ``scheme`` (light or dark)."""
    palette = {"light": "default", "dark": "slate"}[scheme]
    body = page.locator("body")
    if body.get_attribute("data-md-color-scheme") != palette:
        page.locator('[data-md-component="palette"] label:visible').click()
        page.mouse.move(0, 0)
    expect(body).to_have_attribute("data-md-color-scheme", palette)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_serious_accessibility_violations(reader: Reader, kind: str, lang: str) -> None:
    """Light, then dark: the same page, switched with Material's palette toggle.
    One tab per language goes from page type to page type by instant navigation,
    as a reader does (Python starts once per language, not once per page)."""
    page = reader.open(PAGE_TYPES[kind], lang)
    switch_palette(page, "light")  # (the toggle is kept from the page before)
    if kind == "gate":
        open_editor_and_step(page)
    if kind == "training":
        hover_every_editor(page)
    failures = []
    for scheme in ("light", "dark"):
        switch_palette(page, scheme)
        if kind == "gate":
            step_again_with_the_mouse(page)
        failures += [
            f"{scheme}: {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])  # type: ignore[arg-type]
            for v in serious_violations(page)
        ]
    reader.assert_clean(lang)
    assert not failures, f"{kind} {lang}:\n" + "\n".join(failures)


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
