"""The exercise blocks in the built site (the DESIGN.md exercise contract), and the
build's own check that every exercise can be solved."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest

from sitebuild.check_exercises import check_exercise
from sitebuild.exercises import ATTEMPTS_BEFORE_SOLUTION, about, problems, split_body
from tests.conftest import BuiltSite
from tests.exercise_cases import EXERCISES_DIR, read
from tests.pages import LANGUAGES, ROOT, blocks, exercise_hints, pages, url
from tests.pages import read as read_page

STRINGS = json.loads((ROOT / "web" / "ui-strings.json").read_text(encoding="utf-8"))
BLOCK = re.compile(
    r'<div class="bp-run bp-exercise"(?P<attrs>[^>]*)>(?P<body>.*?)</details></div>', re.S
)
ATTR = re.compile(r'([\w-]+)(?:="([^"]*)"|=\'([^\']*)\')?')
PAGES_WITH_EXERCISES = [
    page
    for page in pages("en")
    if any(b.kind == "bp-exercise" for b in blocks(read_page("en", page)))
]


def attributes(text: str) -> dict[str, str]:
    return {m[1]: html.unescape(m[2] or m[3] or "") for m in ATTR.finditer(text)}


def exercise_blocks(site: BuiltSite, lang: str, page: str) -> list[tuple[dict[str, str], str]]:
    text = (site.path / url(page, lang) / "index.html").read_text(encoding="utf-8")
    return [(attributes(m["attrs"]), m["body"]) for m in BLOCK.finditer(text)]


def test_the_pages_the_issue_names_have_exercises() -> None:
    for page in (
        "gates/add.md",
        "gates/multiply.md",
        "gates/max.md",
        "gates/fan-out.md",
        "gates/division.md",
        "gates/sigmoid.md",
        "staged-computation.md",
        "vectorized.md",
        "common-mistakes.md",
        "build-your-own.md",
        "deep-networks.md",
    ):
        assert page in PAGES_WITH_EXERCISES
    hunts = [b for b in blocks(read_page("en", "common-mistakes.md")) if b.kind == "bp-exercise"]
    assert len(hunts) >= 2


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES_WITH_EXERCISES)
def test_exercise_blocks_follow_the_contract(built_site: BuiltSite, lang: str, page: str) -> None:
    t = STRINGS[lang]
    fences = [b.body for b in blocks(read_page(lang, page)) if b.kind == "bp-exercise"]
    found = exercise_blocks(built_site, lang, page)
    assert [a["data-exercise"] for a, _ in found] == fences
    hints = exercise_hints(read_page(lang, page))
    for attrs, body in found:
        name = attrs["data-exercise"]
        assert attrs["data-snippet"] == f"exercises/{name}/starter.py"
        assert (attrs["data-state"], attrs["data-solved"]) == ("static", "false")
        messages = json.loads(attrs["data-messages"])
        assert (messages["checking"], messages["stopped"]) == (t["checking"], t["stopped"])
        for action, label in (
            ("run", t["run"]),
            ("check", t["check"]),
            ("stop", t["stop"]),
            ("reset", t["reset"]),
        ):
            assert re.search(rf'data-action="{action}"[^>]*>{re.escape(html.escape(label))}<', body)
        feedback = re.search(r'<div class="bp-exercise__feedback"([^>]*)>', body)
        assert feedback is not None
        feedback_attrs = attributes(feedback[1])
        assert feedback_attrs["data-role"] == "feedback"
        assert feedback_attrs["data-verdict"] == "none"
        assert feedback_attrs["aria-live"] == "polite"
        # Its own title (not the slug) and its own line saying what to do.
        title, intro = about(name, lang)
        assert html.escape(intro) in body[feedback.end() : feedback.end() + 400]
        assert html.escape(t["exercise_label"].format(name=title)) in body
        # The hint in the page's language, the solution hidden (and out of the search index).
        assert html.escape(hints[name].split("`")[0]) in body
        solution = re.search(r'<details class="bp-exercise__solution"([^>]*)>', body)
        assert solution is not None
        assert {"hidden", "data-search-exclude"} <= set(attributes(solution[1]))
        locked = t["solution_locked"].format(attempts=ATTEMPTS_BEFORE_SOLUTION)
        assert html.escape(locked) in body
        # The checker's source, exactly, as JSON the page can read.
        # (an attribute: Material's instant navigation runs every <script> it swaps in)
        assert "<script" not in body
        data = json.loads(attrs["data-check"])
        assert data == {"check": read(name, "check.py"), "attempts": ATTEMPTS_BEFORE_SOLUTION}
        # The build ran the starter: its output is the block's output.
        output = re.search(r'data-role="output"[^>]*>(.*?)</pre>', body, re.S)
        assert output is not None and output[1].strip()


def test_the_solution_is_not_in_the_search_index(built_site: BuiltSite) -> None:
    index = (built_site.path / "search" / "search_index.json").read_text(encoding="utf-8")
    # Comments that only the solutions have (the starters' are there, as page code).
    assert "x forks: +=" not in index and ": 2×3, like W" not in index
    assert "replace each 0.0 by the gradient of f" in index


def test_a_fence_names_its_exercise_and_may_carry_a_hint() -> None:
    assert split_body("gates/add\nThe add gate\n  copies `dq`.\n") == (
        "gates/add",
        "The add gate copies `dq`.",
    )
    assert split_body("gates/add") == ("gates/add", "")


def test_the_build_refuses_an_exercise_that_cannot_be_solved(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    shutil.copytree(EXERCISES_DIR / "gates" / "sigmoid", folder)
    # The "solution" forgets the sigmoid's local gradient; the starter stays unsolved.
    (folder / "solution.py").write_text(
        read("gates/sigmoid", "wrong/activation-as-local-gradient.py")
    )
    found = problems("broken", check_exercise(folder))
    assert len(found) == 4 and "activation-as-local-gradient" in found[0]
    # A starter that already passes is refused too.
    (folder / "starter.py").write_text(read("gates/sigmoid", "solution.py"))
    (folder / "solution.py").write_text(read("gates/sigmoid", "solution.py"))
    assert problems("broken", check_exercise(folder)) == [
        "exercise broken: the starter already passes the checker: there is nothing to do"
    ]
    (folder / "check.py").write_text("check = None.check\n")
    assert any(
        "crashed" in p or "AttributeError" in p for p in problems("broken", check_exercise(folder))
    )


@pytest.mark.parametrize(
    "exercise",
    [
        p.parent.relative_to(EXERCISES_DIR).as_posix()
        for p in sorted(EXERCISES_DIR.rglob("check.py"))
    ],
)
def test_every_exercise_on_the_site_can_be_solved(exercise: str) -> None:
    assert problems(exercise, check_exercise(EXERCISES_DIR / exercise, exercise)) == []


def test_page_paths_are_the_same_in_every_language() -> None:
    from sitebuild.exercises import page_path

    assert page_path("en/gates/sigmoid.md") == page_path("zh/gates/sigmoid.md") == "gates/sigmoid/"
    assert page_path("de/index.md") == "" and page_path("ja/gates/index.md") == "gates/"
    assert page_path("en/common-mistakes.md") == "common-mistakes/"


def test_the_site_says_which_page_has_which_exercises(built_site: BuiltSite) -> None:
    data = json.loads((built_site.path / "assets" / "bp" / "exercises.json").read_text("utf-8"))
    expected = {
        url(page): [b.body for b in blocks(read_page("en", page)) if b.kind == "bp-exercise"]
        for page in PAGES_WITH_EXERCISES
    }
    assert data["pages"] == expected
    assert {lang: data["labels"][lang] for lang in LANGUAGES} == {
        lang: STRINGS[lang]["nav_solved"] for lang in LANGUAGES
    }
    css = built_site.path / "assets" / "bp" / "exercise.css"
    assert css.is_file()
    assert "assets/bp/exercise.css?v=" in (built_site.path / "index.html").read_text("utf-8")
