"""Translation parity: every language has the same pages with the same code.

Only the prose may differ: the runnable blocks (snippet, options), the exercises
(their names; the hint after the name is prose), the doctest blocks (code and
outputs) and the heading ids must be the same, in the same order, in all four
languages — like FastAPI's translation checks.
"""

from __future__ import annotations

import pytest

from tests.pages import LANGUAGES, blocks, exercise_hints, headings, pages, read

PAGES = pages("en")
OTHERS = [lang for lang in LANGUAGES if lang != "en"]


def test_there_are_pages() -> None:
    assert "index.md" in PAGES
    assert len(PAGES) >= 4


@pytest.mark.parametrize("lang", OTHERS)
def test_same_pages_in_every_language(lang: str) -> None:
    assert pages(lang) == PAGES, f"docs/{lang}/ must have exactly the pages of docs/en/"


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize("page", PAGES)
def test_same_blocks_in_same_order(lang: str, page: str) -> None:
    assert blocks(read(lang, page)) == blocks(read("en", page)), (
        f"docs/{lang}/{page}: runnable blocks and doctest blocks must match docs/en/{page} "
        "exactly (same snippets, same doctest code and outputs, same order)"
    )


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize("page", PAGES)
def test_same_heading_ids(lang: str, page: str) -> None:
    assert headings(read(lang, page)) == headings(read("en", page))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_heading_has_an_explicit_id(lang: str, page: str) -> None:
    missing = [level for level, anchor in headings(read(lang, page)) if anchor is None]
    assert not missing, (
        f"docs/{lang}/{page}: give every heading an explicit id, e.g. '## Text {{ #some-id }}', "
        "so anchors agree across languages"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_exercise_has_a_hint_in_the_pages_language(lang: str, page: str) -> None:
    hints = exercise_hints(read(lang, page))
    for name, hint in hints.items():
        assert hint, f"docs/{lang}/{page}: the exercise {name} needs a hint after its name"
        if lang != "en":
            assert hint != exercise_hints(read("en", page))[name], (
                f"docs/{lang}/{page}: the hint of {name} is not translated"
            )


def test_the_parity_checks_can_fail() -> None:
    """The parsers see a changed snippet, exercise, doctest and id; not a translated hint."""
    en = (
        "# A { #a }\n\n```bp-run\ngates/add.py\n```\n\n```pycon\n>>> 1 + 1\n2\n```\n\n"
        "```bp-exercise\ngates/add\nA hint.\n```\n"
    )
    assert blocks(en) != blocks(en.replace("add.py", "multiply.py"))
    assert blocks(en) != blocks(en.replace("\n2\n", "\n3\n"))
    assert blocks(en) != blocks(en.replace("gates/add\n", "gates/max\n"))
    assert blocks(en) == blocks(en.replace("A hint.", "Ein Hinweis."))
    assert headings(en) != headings(en.replace("#a", "#b"))
