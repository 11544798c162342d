"""The "numbers, checked" doctests stay on every page but are collapsed by default.

A learner sees a closed box whose title says what it holds; the doctest and
parity tests still find the ```pycon block inside it (tests/pages.py reads
indented fences), and the heading id #checked stays the same in every language.
"""

from __future__ import annotations

import re

import pytest

from tests.pages import LANGUAGES, blocks, pages, read

TITLES = {
    "en": "Doctests: the code that checks every number on this page",
    "zh": "doctest：核对本页每个数字的代码",
    "ja": "doctest：このページの数値をすべて確かめるコード",
    "de": "Doctests: der Code, der jede Zahl dieser Seite nachrechnet",
}
CHECKED = [p for p in pages("en") if "{ #checked }" in read("en", p)]


def checked_section(text: str) -> str:
    start = re.search(r"^##\s.*\{ *#checked *\}.*$", text, re.M)
    assert start, "no #checked heading"
    end = re.search(r"^## ", text[start.end() :], re.M)
    return text[start.end() : start.end() + end.start()] if end else text[start.end() :]


def test_there_are_checked_sections() -> None:
    assert len(CHECKED) >= 10


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", CHECKED)
def test_the_doctests_are_in_a_collapsed_box(lang: str, page: str) -> None:
    section = checked_section(read(lang, page))
    assert f'\n??? info "{TITLES[lang]}"\n' in section, (
        f"docs/{lang}/{page}: put the #checked doctests in a collapsed box: "
        f'??? info "{TITLES[lang]}", with the ```pycon block indented by four spaces'
    )
    assert not re.search(r"^```pycon", section, re.M), "a doctest block outside the box"
    assert [b.kind for b in blocks(section)].count("pycon") >= 1, "the box holds no doctest"
