"""Doctests in every page of every language: the numbers the prose states.

Each ```pycon block of a page is a doctest; the blocks of one page share a
namespace, in order (stdlib doctest, one test per page and language). Parity
(tests/test_parity.py) makes the four languages carry the same doctests, and
this runs all of them, so no translation can drift from the code.
"""

from __future__ import annotations

import doctest

import pytest

from tests.pages import LANGUAGES, blocks, pages, read

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
CASES = [(lang, page) for lang in LANGUAGES for page in pages(lang)]


def run_doctests(text: str, name: str) -> tuple[doctest.TestResults, str]:
    parser = doctest.DocTestParser()
    globs: dict[str, object] = {"__name__": name}
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    for i, block in enumerate(b for b in blocks(text) if b.kind == "pycon"):
        test = parser.get_doctest(block.body, globs, f"{name}[{i}]", name, 0)
        runner.run(test, out=report.append, clear_globs=False)
        globs = test.globs  # DocTest copies its globals: carry them to the next block
    return runner.summarize(verbose=False), "".join(report)


@pytest.mark.parametrize(("lang", "page"), CASES)
def test_page_doctests(lang: str, page: str) -> None:
    results, report = run_doctests(read(lang, page), f"docs/{lang}/{page}")
    assert results.failed == 0, report


def test_every_language_has_doctests() -> None:
    for lang in LANGUAGES:
        assert any(b.kind == "pycon" for page in pages(lang) for b in blocks(read(lang, page))), (
            f"docs/{lang}/ has no doctest at all"
        )


def test_blocks_of_a_page_share_one_namespace() -> None:
    text = "```pycon\n>>> x = 21\n```\n\ntext\n\n```pycon\n>>> x * 2\n42\n```\n"
    results, report = run_doctests(text, "example")
    assert results.failed == 0 and results.attempted == 2, report


def test_a_wrong_number_fails() -> None:
    text = "```pycon\n>>> from backprop_core import Value\n>>> (Value(2.0) * 3).data\n7.0\n```\n"
    results, report = run_doctests(text, "example")
    assert results.failed == 1 and "Expected:" in report
