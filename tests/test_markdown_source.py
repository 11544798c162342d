"""Two slips in page sources that every build accepts and the reader sees.

- A line inside a collapsible box (``??? question``, ``??? success``, ``!!! note``)
  that is indented less than the box's body, right after a line of it, is not
  a lazy continuation in Python-Markdown: it falls out of the box, so the end of
  an answer shows below the exercise, open, and the box ends mid-sentence.
- A line break inside a Chinese or Japanese paragraph is rendered as a space
  (browsers do not drop it between Han characters), so a sentence shows a gap
  where its source line ended.
"""

from __future__ import annotations

import itertools
import re

import pytest

from tests.pages import FENCE, LANGUAGES, pages, read

BOX = re.compile(r"^(\s*)(?:\?\?\?\+?|!!!)\s")
CJK = "\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
# A line that starts a block of its own (list item, heading, box, table, math, doctest).
BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+\.\s|#|\?\?\?|!!!|\||\$\$|>>>|\.\.\.)")

ALL = [(lang, page) for lang in LANGUAGES for page in pages(lang)]
CJK_PAGES = [(lang, page) for lang, page in ALL if lang in ("zh", "ja")]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _prose_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line), with fenced code blanked out (same line count)."""
    blanked = FENCE.sub(lambda match: "\n" * match.group(0).count("\n"), text)
    return list(enumerate(blanked.split("\n"), start=1))


def lines_out_of_their_box(text: str) -> list[str]:
    found, bodies = [], []  # bodies: the indentation of each open box's body
    previous = ""
    for number, line in _prose_lines(text):
        if line.strip():
            out = bodies and previous.strip() and _indent(line) < bodies[-1] <= _indent(previous)
            if out and not BOX.match(line):
                found.append(f"line {number}: {line.strip()[:60]}")
            while bodies and _indent(line) < bodies[-1]:
                bodies.pop()
            box = BOX.match(line)
            if box:
                bodies.append(len(box.group(1)) + 4)
        previous = line
    return found


def breaks_inside_cjk_paragraphs(text: str) -> list[str]:
    found = []
    lines = _prose_lines(text)
    for (number, line), (_, following) in itertools.pairwise(lines):
        if not line.strip() or not following.strip():
            continue
        if BOX.match(line) or line.lstrip().startswith(("#", "|", "$$")):
            continue
        if BLOCK_START.match(following):
            continue
        if re.search(f"[{CJK}]$", line.rstrip()) or re.match(f"\\s*[{CJK}]", following):
            found.append(f"line {number}: …{line.rstrip()[-20:]} ⏎ {following.strip()[:20]}…")
    return found


@pytest.mark.parametrize(("lang", "page"), ALL)
def test_every_line_of_a_box_stays_in_it(lang: str, page: str) -> None:
    slips = lines_out_of_their_box(read(lang, page))
    assert not slips, f"docs/{lang}/{page}: indent these lines like the box's body: {slips}"


@pytest.mark.parametrize(("lang", "page"), CJK_PAGES)
def test_chinese_and_japanese_paragraphs_have_no_line_breaks(lang: str, page: str) -> None:
    slips = breaks_inside_cjk_paragraphs(read(lang, page))
    assert not slips, f"docs/{lang}/{page}: join these lines (a break shows as a space): {slips}"


def test_the_checks_find_both_slips() -> None:
    box = '??? question "1. Q"\n    Ask.\n\n    ??? success "A"\n        Say this\nand that.\n'
    assert lines_out_of_their_box(box) == ["line 6: and that."]
    assert breaks_inside_cjk_paragraphs("这是一句\n话。\n") == ["line 1: …这是一句 ⏎ 话。…"]
    assert breaks_inside_cjk_paragraphs("- 一\n- 二\n\n```\n代码\n行\n```\n") == []
