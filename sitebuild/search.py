"""Search in every language: Japanese words, not characters, in the search index.

Material's search indexes text split at ``plugins.search.separator`` (mkdocs.yml),
which includes U+200B (zero-width space). With jieba installed, Material's
search plugin puts U+200B between the words of every run of Han characters at
build time: right for Chinese, but jieba is a Chinese segmenter, and in
Japanese text it cuts the kanji compounds it does not know into single
characters (正規化 → 正 規 化, 逆伝播 → 逆 伝 播). A query is cut the same way in
the browser: Material's search worker splits the query's runs of Han
characters greedily into terms of the index, and every term matches as a
prefix. With single characters in the index, 正規化 became the query 正*,
which matches every page with any word that starts with 正: 33 results, in
Chinese and Japanese, and the two pages that contain 正規化 were not among the
ones shown.

So, for every entry of a Japanese page (location ``ja/…``), before static-i18n
collects the entries of that language's build for the final index, jieba's
U+200B is removed and every run of Japanese characters is segmented into words
by TinySegmenter, the Python port of the segmenter that Material's worker uses
for Japanese in the browser; the words are separated by U+200B. (``ja`` stays in
the index's ``lang``: the worker's TinySegmenter then sees single words, which
it leaves whole, and lunr's multi-language trimmer keeps kana only when
``ja`` is one of the languages.)

Chinese keeps jieba's words. English and German need nothing: words are
separated by spaces and every query term matches as a prefix, so a German
compound (Eingangswert, Rückwärtsdurchlauf) is found as typed, with its
inflected forms. Left as they are, by Material's design: a Japanese query is
matched word by word only for its kanji (勾配, 正規化, 連鎖律) and katakana (ゲート);
a verb with kana endings inside it (入れ替える) may find nothing, because
TinySegmenter cuts it into two words (入れ, 替える) and a query term matches only
the start of a word.

Called from ``on_post_build`` in sitebuild/hooks.py, which runs after Material's
search plugin (it made this build's entries) and before static-i18n (priority
-100), which collects them and writes the one index for all languages.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

import tinysegmenter  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

ZWSP = "\u200b"
# 々, kana, CJK ideographs (with extension A and compatibility ones), half-width katakana.
JAPANESE_RUN = re.compile(
    r"[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+"
)
_segmenter = tinysegmenter.TinySegmenter()


@lru_cache(maxsize=65536)
def _words(run: str) -> str:
    return ZWSP.join(_segmenter.tokenize(run))


def segment_japanese(text: str) -> str:
    """Words of Japanese text separated by U+200B (any earlier U+200B removed)."""
    text = text.replace(ZWSP, "")
    return JAPANESE_RUN.sub(lambda m: f"{ZWSP}{_words(m[0])}{ZWSP}", text).strip(ZWSP)


def _search_index(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    return getattr(plugin, "search_index", None)


def segment_japanese_entries(config: MkDocsConfig) -> None:
    """Re-segment the Japanese entries of this build's search index, in place."""
    entries = getattr(_search_index(config), "entries", None)
    if not isinstance(entries, list):
        log.warning("Material's search index was not found: Japanese search is not segmented")
        return
    for entry in entries:
        if str(entry.get("location", "")).startswith("ja/"):
            for field in ("title", "text"):
                if isinstance(entry.get(field), str):
                    entry[field] = segment_japanese(entry[field])
