"""Search works in every language: one query per language, typed into Material's search box.

static-i18n builds one search index for all four languages. Chinese and
Japanese have no spaces between words, so the build separates words with
U+200B: jieba for Chinese (Material's search plugin), TinySegmenter for
Japanese (sitebuild/search.py). Each query below is a word that occurs on the
multiply page of its language: for Chinese and Japanese one found inside a
sentence, for German a compound noun. The page must be among the results the
reader is shown.
"""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.conftest import SiteServer
from tests.pages import read, url

PAGE = "gates/multiply.md"
QUERIES = {
    "en": "linear classifier",  # "In a linear classifier $w \cdot x$, …"
    "zh": "归一化",  # "这正是训练之前要对数据做归一化的原因之一。"
    "ja": "正規化",  # "学習の前にデータを正規化する理由の 1 つがこれです。"
    "de": "Eingangswert",  # "… erzeugt ein großer Eingangswert einen großen Gradienten …"
}
RESULT_PATHS = """() => [...document.querySelectorAll(".md-search-result__item > a")]
    .map((a) => new URL(a.href).pathname)"""


def search(page: Page, query: str, expected: str) -> list[str]:
    """Type the query into the search box; the URL paths of the results shown.

    Waits (for the index to be built, then for the results) until the expected
    path is among them, or 30 s.
    """
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reads the query on keyup
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            f"(expected) => ({RESULT_PATHS})().includes(expected)", arg=expected, timeout=30_000
        )
    return list(page.evaluate(RESULT_PATHS))


@pytest.mark.browser
@pytest.mark.parametrize("lang", QUERIES)
def test_a_word_finds_its_page(page: Page, site: SiteServer, lang: str) -> None:
    query = QUERIES[lang]
    assert query.lower() in read(lang, PAGE).lower(), f"{query!r} is no longer in {lang}/{PAGE}"
    page.goto(site.url(url("index.md", lang)))
    expected = "/" + url(PAGE, lang)
    paths = search(page, query, expected)
    meta = page.locator(".md-search-result__meta").text_content()
    assert expected in paths, f"{query!r} did not find {expected}: {meta!r}, {paths}"
