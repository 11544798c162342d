"""Exercises and kept edits in real Chromium (DESIGN.md: the exercise contract and
"What the reader writes is kept"), in several languages.

Check runs the reader's code and then the exercise's checker in the worker; the
verdict must be the one CPython's checker gives for the same code (the message
in the page's language, naming the variable), whatever an earlier run did to
the interpreter. Edits are kept per snippet across instant navigation, a reload
and a language switch; Reset forgets; a shared link opens with its code; with
storage refused the page still works and says that edits are not kept.

The site is built once (tests/conftest.py) and served by the browser suite's
own server (tests/browser/conftest.py); the tabs share its warm profile.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from sitebuild.localize import source
from tests.browser.blocks import STRINGS, code_of, replace_code, wait_finished, wait_ready
from tests.browser.conftest import FORGET_KEPT, Reader, SiteServer, instant_navigate
from tests.exercise_cases import EXERCISES, checker, read, wrong_answers
from tests.pages import exercise_hints, pages, url
from tests.pages import read as read_page

SIGMOID = "gates/sigmoid"
WRONG = read(SIGMOID, "wrong/activation-as-local-gradient.py")  # ddot = f
# Breaks everything a checker could lean on, as a reader's earlier run might.
PATCHES = """\
import builtins, backprop_core, backprop_core.gradcheck
import backprop_core.practice.exercise as exercise
backprop_core.gradcheck.grad_check = lambda *args, **kwargs: True
backprop_core.grad_check = lambda *args, **kwargs: True
backprop_core.Value.sigmoid = lambda self: self
backprop_core.Value.__mul__ = lambda self, other: self
exercise.Exercise.check = lambda self, source, lang="en": {
    "verdict": "pass", "key": None, "message": "patched"}
builtins.round = lambda *args: 0
print("patched")
"""


# --- helpers ---------------------------------------------------------------------


def check(page: Page, block: Locator) -> str:
    """Press Check with the keyboard; the verdict once the block has finished."""
    block.locator('[data-action="check"]').focus()
    page.keyboard.press("Enter")
    expect(block.locator('[data-role="feedback"]')).not_to_have_attribute(
        "data-verdict", "none", timeout=90_000
    )
    wait_finished(block)
    return str(block.locator('[data-role="feedback"]').get_attribute("data-verdict"))


def plain(message: str) -> str:
    return message.replace("`", "")


def kept_keys(page: Page) -> dict[str, str]:
    return dict(
        page.evaluate(
            "Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('bp:')))"
        )
    )


def exercise_block(page: Page) -> Locator:
    return page.locator(".bp-exercise").first


# --- Check -----------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh", "de"])
def test_wrong_then_right_then_still_solved(page: Page, site: SiteServer, lang: str) -> None:
    t = STRINGS[lang]
    page.goto(site.url(url("gates/sigmoid.md", lang)))
    block = exercise_block(page)
    feedback = block.locator('[data-role="feedback"]')
    solution = block.locator('[data-role="solution"]')
    expect(block).to_have_attribute("data-solved", "false")
    expect(feedback).to_have_attribute("data-verdict", "none")
    expect(feedback).to_have_attribute("aria-live", "polite")
    expect(block.locator('[data-action="check"]')).to_have_text(t["check"])
    expect(solution).to_be_hidden()

    # The hint opens (a <details>, keyboard-reachable by itself).
    block.locator('[data-role="hint"] summary').click()
    expect(block.locator('[data-role="hint"]')).to_have_attribute("open", "")

    # A wrong answer: the message CPython's checker gives, in the page's language.
    replace_code(page, block, WRONG)
    assert check(page, block) == "fail"
    expected = checker(SIGMOID)(WRONG, lang)
    assert expected["key"] == "activation-as-local-gradient"
    expect(feedback).to_have_text(plain(expected["message"]))
    expect(feedback.locator("code").first).to_have_text("ddot")
    expect(block.locator('[data-role="status"]')).to_have_text(t["checked_fail"])
    expect(block).to_have_attribute("data-solved", "false")
    expect(solution).to_be_hidden()  # one attempt is not enough to see it

    # The right answer (the page's own solution): pass, solved, the solution opens.
    right = source(f"exercises/{SIGMOID}/solution.py", lang)
    replace_code(page, block, right)
    assert check(page, block) == "pass"
    expect(feedback).to_have_text(plain(checker(SIGMOID)(right, lang)["message"]))
    expect(block).to_have_attribute("data-solved", "true")
    expect(block.locator(".bp-exercise__solved")).to_contain_text(t["solved"])
    expect(solution).to_be_visible()
    expect(block.locator('[data-role="solution-locked"]')).to_be_hidden()

    # After a reload: still solved, the reader's code is still there, and the
    # navigation marks the page (its only exercise is solved).
    page.reload()
    block = exercise_block(page)
    expect(block).to_have_attribute("data-solved", "true")
    expect(block.locator('[data-role="solution"]')).to_be_visible()
    assert code_of(block) == right
    mark = page.locator("a.md-nav__link.bp-solved .bp-solved-mark")
    expect(mark.first).to_contain_text(t["nav_solved"])
    hrefs = page.locator("a.md-nav__link.bp-solved").evaluate_all("els => els.map(a => a.href)")
    assert hrefs and all(h.rstrip("/").endswith("gates/sigmoid") for h in hrefs), hrefs


def page_of(exercise: str) -> str:
    """The page (docs/en/...) whose bp-exercise fence names the exercise."""
    found = [p for p in pages("en") if exercise in exercise_hints(read_page("en", p))]
    assert len(found) == 1, f"{exercise} is on {found}"
    return found[0]


@pytest.mark.browser
@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_exercise_fails_a_wrong_answer_and_passes_its_solution(
    reader: Reader, exercise: str
) -> None:
    """Each exercise on its page, in one of the four languages in turn: its first
    catalogued wrong answer gets the verdict and message CPython's checker gives, its
    solution (as that language's page shows it) passes. One tab per language goes
    from exercise to exercise, as a reader would, so every Check after the first
    also follows other pages' runs and checks."""
    lang = ("en", "zh", "ja", "de")[EXERCISES.index(exercise) % 4]
    page = reader.open(page_of(exercise), lang)
    block = page.locator(f'.bp-exercise[data-exercise="{exercise}"]')
    feedback = block.locator('[data-role="feedback"]')
    wrong = wrong_answers(exercise)[0]
    replace_code(page, block, wrong.source)
    assert check(page, block) == "fail"
    expected = checker(exercise)(wrong.source, lang)
    assert expected["key"] == wrong.key
    expect(feedback).to_have_text(plain(expected["message"]))
    right = source(f"exercises/{exercise}/solution.py", lang)
    replace_code(page, block, right)
    assert check(page, block) == "pass"
    expect(feedback).to_have_text(plain(checker(exercise)(right, lang)["message"]))
    expect(block).to_have_attribute("data-solved", "true")
    reader.assert_clean(lang)
    page.evaluate(FORGET_KEPT)  # (the solved mark and the edit: the next test starts afresh)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ja", "de"])
def test_an_earlier_run_cannot_change_the_verdict(page: Page, site: SiteServer, lang: str) -> None:
    page.goto(site.url(url("gates/sigmoid.md", lang)))
    # Another block of the page patches grad_check, Value and the checker itself ...
    other = page.locator(".bp-run:not(.bp-exercise)").first
    replace_code(page, other, PATCHES)
    other.locator('[data-action="run"]').click()
    assert wait_finished(other) == "done"
    assert "patched" in str(other.locator('[data-role="output"]').text_content())
    # ... and the exercise block runs the same patches first.
    block = exercise_block(page)
    replace_code(page, block, PATCHES)
    block.locator('[data-action="run"]').click()
    assert wait_finished(block) == "done"

    replace_code(page, block, WRONG)
    assert check(page, block) == "fail"
    expected = checker(SIGMOID)(WRONG, lang)
    expect(block.locator('[data-role="feedback"]')).to_have_text(plain(expected["message"]))
    expect(block).to_have_attribute("data-solved", "false")


@pytest.mark.browser
def test_an_exception_is_an_error_verdict_with_its_traceback(page: Page, site: SiteServer) -> None:
    t = STRINGS["de"]
    page.goto(site.url(url("gates/sigmoid.md", "de")))
    block = exercise_block(page)
    replace_code(page, block, WRONG.replace("ddot = f", "ddot = f / 0"))
    assert check(page, block) == "error"
    assert block.get_attribute("data-state") == "error"
    output = str(block.locator('[data-role="output"]').text_content())
    assert output.startswith("Traceback") and "ZeroDivisionError" in output, output
    expect(block.locator('[data-role="feedback"]')).to_have_text(t["checked_error"])
    expect(block.locator('[data-role="status"]')).to_have_text(t["checked_error"])


@pytest.mark.browser
def test_feedback_is_text_never_markup(page: Page, site: SiteServer) -> None:
    """The checker quotes the reader's exception; a tag in it stays text."""
    page.goto(site.url(url("gates/sigmoid.md", "en")))
    block = exercise_block(page)
    evil = read(SIGMOID, "solution.py").replace(
        "# backward pass\n",
        "# backward pass\nif w[0] != 2:\n"
        "    raise ValueError('<img src=x onerror=\"document.title=1\">')\n",
    )
    replace_code(page, block, evil)
    assert check(page, block) == "fail"
    feedback = block.locator('[data-role="feedback"]')
    expect(feedback).to_contain_text('ValueError: <img src=x onerror="document.title=1">')
    assert feedback.locator("img").count() == 0
    assert page.title() != "1"


# --- kept edits ------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_edits_survive_navigation_reload_and_a_language_switch(
    page: Page, site: SiteServer, lang: str
) -> None:
    other = "de" if lang == "en" else "en"
    page.goto(site.url(url("gates/multiply.md", lang)))
    block = page.locator(".bp-run").first
    snippet = str(block.get_attribute("data-snippet"))
    edit = "print('my own edit')\n"
    replace_code(page, block, edit)
    wait_ready(page)  # (a navigation while Python loads is a full page load)
    assert kept_keys(page) == {f"bp:code:{snippet}": edit}

    instant_navigate(page, "../add/")
    instant_navigate(page, "../multiply/")
    page.locator(".bp-run[data-bp-ready]").first.wait_for()
    block = page.locator(".bp-run").first
    assert code_of(block) == edit
    expect(block.locator('[data-role="editor"]')).to_contain_text("my own edit")
    expect(block).to_have_attribute("data-edited", "true")

    page.reload()
    block = page.locator(".bp-run").first
    assert code_of(block) == edit
    block.locator('[data-action="run"]').click()  # the kept edit is what runs
    assert wait_finished(block) == "done"
    expect(block.locator('[data-role="output"]')).to_have_text("my own edit\n")

    # The language switcher (a full page load), to the same page in another language.
    page.evaluate(f"document.querySelector('a.md-select__link[hreflang={other}]').click()")
    there = site.url(url("gates/multiply.md", other))
    page.wait_for_url(lambda address: urlsplit(address)._replace(fragment="").geturl() == there)
    block = page.locator(".bp-run").first
    assert code_of(block) == edit

    # Reset: the original (in this page's language), and the edit is forgotten.
    block.locator('[data-action="reset"]').click()
    original = str(block.evaluate("el => el.bpBlock.originalCode"))
    assert original.strip() == source(snippet, other).strip()
    assert code_of(block) == original
    assert kept_keys(page) == {}
    page.reload()
    block = page.locator(".bp-run").first
    assert code_of(block) == original
    expect(block).not_to_have_attribute("data-edited", "true")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_shared_link_opens_with_its_code(
    browser: Browser, page: Page, site: SiteServer, lang: str
) -> None:
    t = STRINGS[lang]
    address = site.url(url("gates/add.md", lang))
    # A teacher's browser: an edit, then Copy link.
    teacher = browser.new_context()
    teacher.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    try:
        tpage = teacher.new_page()
        tpage.goto(address)
        tblock = tpage.locator(".bp-run").first
        shared = "# from the teacher\nprint(6 * 7)\n"
        replace_code(tpage, tblock, shared)
        tblock.locator('[data-action="copy-link"]').click()
        expect(tblock.locator('[data-role="kept-note"]')).to_have_text(t["link_copied"])
        link = str(tpage.evaluate("navigator.clipboard.readText()"))
        assert link == tpage.url and "#bp-code=" in link, (link, tpage.url)
    finally:
        teacher.close()

    # A student who has an edit of their own in that block.
    page.goto(address)
    block = page.locator(".bp-run").first
    snippet = str(block.get_attribute("data-snippet"))
    replace_code(page, block, "print('mine')\n")
    page.goto("about:blank")

    page.goto(link)
    block = page.locator(".bp-run").first
    expect(block).to_have_attribute("data-shared", "true")
    assert code_of(block) == shared
    # The student's own edit is kept, and the note offers it back.
    expect(block.locator('[data-role="kept-note"] [role="status"]')).to_have_text(
        t["shared_code_over_edit"]
    )
    expect(block.locator('[data-action="restore-edit"]')).to_have_text(t["restore_edit"])
    assert "#bp-code=" not in page.url  # the fragment has done its work
    assert kept_keys(page) == {f"bp:code:{snippet}": "print('mine')\n"}  # not overwritten

    page.reload()  # the student's own edit is still theirs
    assert code_of(page.locator(".bp-run").first) == "print('mine')\n"

    page.goto(link)  # and once they run the shared code, it becomes their edit
    block = page.locator(".bp-run").first
    expect(block).to_have_attribute("data-shared", "true")
    block.locator('[data-action="run"]').click()
    assert wait_finished(block) == "done"
    expect(block.locator('[data-role="output"]')).to_have_text("42\n")
    expect(block).not_to_have_attribute("data-shared", "true")
    expect(block.locator('[data-role="kept-note"] [role="status"]')).to_have_text(
        t["shared_replaced_edit"]
    )
    assert kept_keys(page) == {
        f"bp:code:{snippet}": shared,
        f"bp:previous:{snippet}": "print('mine')\n",  # recoverable: test_kept_work.py
    }


REFUSE_STORAGE = """
// As in a private window that refuses site data: every write fails.
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
"""


@pytest.mark.browser
def test_with_storage_refused_everything_works_and_says_so(
    fresh_context: BrowserContext, site: SiteServer
) -> None:
    t = STRINGS["de"]
    fresh_context.add_init_script(REFUSE_STORAGE)
    page = fresh_context.new_page()
    page.goto(site.url(url("gates/sigmoid.md", "de")))
    block = exercise_block(page)
    original = code_of(block)
    right = source(f"exercises/{SIGMOID}/solution.py", "de")
    replace_code(page, block, right)
    expect(block.locator('[data-role="kept-note"]')).to_have_text(t["storage_refused"])
    assert check(page, block) == "pass"
    expect(block).to_have_attribute("data-solved", "true")
    expect(block.locator('[data-role="solution"]')).to_be_visible()

    page.reload()  # nothing was kept
    block = exercise_block(page)
    assert code_of(block) == original
    expect(block).to_have_attribute("data-solved", "false")

    page.goto(site.url(url("index.md", "de")))
    forget = page.locator('[data-action="forget-work"]')
    expect(forget).to_be_disabled()
    expect(page.locator('[data-role="forget-status"]')).to_have_text(t["storage_refused"])


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_forget_my_work(page: Page, site: SiteServer, lang: str) -> None:
    t = STRINGS[lang]
    page.goto(site.url(url("index.md", lang)))
    block = page.locator(".bp-run").first
    original = code_of(block)
    replace_code(page, block, "print('an edit')\n")
    page.evaluate(f"localStorage.setItem('bp:solved:{SIGMOID}', new Date().toISOString())")
    page.reload()
    solved_link = page.locator("a.md-nav__link.bp-solved")
    expect(solved_link).to_have_count(1)
    block = page.locator(".bp-run").first
    assert code_of(block) == "print('an edit')\n"

    button = page.locator('[data-action="forget-work"]')
    expect(button).to_have_text(t["forget_work"])
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator('[data-role="forget-status"]')).to_have_text(t["forget_work_done"])
    assert kept_keys(page) == {}
    expect(solved_link).to_have_count(0)
    assert code_of(block) == original
    page.reload()
    assert code_of(page.locator(".bp-run").first) == original
