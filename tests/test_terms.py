"""One word per concept, per language: the variants the glossary rules out never appear.

``tests/term_variants.md`` (a copy of the section "Variants that must not
appear" of the project's GLOSSARY.md) lists, per language, the words that are
not the site's word for a concept. This scans everything a reader of that
language reads: the pages (all but the glossary's ``#bridge`` section, which
names such words on purpose), the snippet catalog's translations, the
exercise feedback messages, the interface strings and the engine's texts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitebuild.localize import translations
from tests.pages import ROOT, pages, read

VARIANTS_FILE = Path(__file__).with_name("term_variants.md")
TRANSLATED = ("zh", "ja", "de")
_BRIDGE = re.compile(r"^##[^\n]*\{ #bridge \}.*?(?=^## |\Z)", re.M | re.S)
_STRAY = re.compile(r"^[ \t]*[。、．，]+[ \t]*$", re.M)


@dataclass(frozen=True)
class Variant:
    lang: str
    pattern: re.Pattern[str]
    use: str


def _cells(row: str) -> list[str]:
    """The cells of a Markdown table row; ``\\|`` is a pipe inside a cell."""
    cells = re.split(r"(?<!\\)\|", row.strip().strip("|"))
    return [cell.strip().replace("\\|", "|") for cell in cells]


def variants() -> list[Variant]:
    found = []
    for row in VARIANTS_FILE.read_text(encoding="utf-8").splitlines():
        if not row.startswith("| ") or row.startswith("| lang"):
            continue
        lang, pattern, use, _concept = _cells(row)
        found.append(Variant(lang, re.compile(pattern.strip("`")), use))
    return found


def _language_texts(table: object, lang: str, where: str) -> Iterator[tuple[str, str]]:
    """(where, text) of every string stored under the key ``lang`` in nested dicts and lists."""
    if isinstance(table, dict):
        for key, value in table.items():
            if key == lang and isinstance(value, str):
                yield where, value
            else:
                yield from _language_texts(value, lang, f"{where}[{key!r}]")
    elif isinstance(table, (list, tuple)):
        for i, value in enumerate(table):
            yield from _language_texts(value, lang, f"{where}[{i}]")


def _feedback_texts(lang: str) -> Iterator[tuple[str, str]]:
    """Every table of the checker's feedback messages, and each exercise's title and intro."""
    from backprop_core.practice import messages

    tables = {
        name: v for name, v in vars(messages).items() if name.isupper() and isinstance(v, dict)
    }
    assert {"LEAD", "GATES", "REASONS", "MESSAGES"} <= set(tables), sorted(tables)
    for name, table in tables.items():
        yield from _language_texts(table, lang, f"feedback message {name}")
    abouts = sorted((ROOT / "snippets" / "exercises").rglob("about.json"))
    assert abouts, "no exercise about.json found"
    for about in abouts:
        table = json.loads(about.read_text(encoding="utf-8"))
        yield from _language_texts(table, lang, str(about.relative_to(ROOT)))


def sources(lang: str) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a reader of ``lang`` reads."""
    for page in pages(lang):
        text = read(lang, page)
        if page == "glossary.md":
            text = _BRIDGE.sub("", text)
        yield f"docs/{lang}/{page}", text
    for (snippet, msgid), msgstr in translations(lang).items():
        yield f"snippets/locale/{lang}.po [{snippet}: {msgid[:40]!r}]", msgstr
    from backprop_core import language
    from backprop_core.draw import plot_words

    for key, text in language._TEXTS[lang].items():  # diagrams, grad_check, gate errors
        yield f"backprop_core language text {key!r}", text
    for key, text in plot_words.WORDS[lang].items():
        yield f"backprop_core/draw/plot_words.py {key!r}", text
    ui = json.loads((ROOT / "web" / "ui-strings.json").read_text(encoding="utf-8"))
    for key, text in ui[lang].items():
        yield f"web/ui-strings.json {key}", text


def hits(lang: str, feedback: bool = False) -> list[str]:
    found = []
    for variant in (v for v in variants() if v.lang == lang):
        for where, text in _feedback_texts(lang) if feedback else sources(lang):
            for match in variant.pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{where}:{line}: {match[0]!r}, use {variant.use}")
    return found


def test_the_variant_list_is_read() -> None:
    by_lang = {lang: [v for v in variants() if v.lang == lang] for lang in TRANSLATED}
    assert all(len(found) >= 5 for found in by_lang.values()), by_lang


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_variant_of_a_term(lang: str) -> None:
    found = hits(lang)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_variant_of_a_term_in_the_feedback_messages(lang: str) -> None:
    found = hits(lang, feedback=True)
    assert not found, "\n".join(found)


def test_a_variant_is_found(tmp_path: Path) -> None:
    """The scan really looks: a page with a variant word is reported."""
    de = next(v for v in variants() if v.lang == "de" and "verborgen" in v.pattern.pattern)
    assert de.pattern.search("Die verborgenen Neuronen lernen nichts.")
    assert not de.pattern.search("Die verdeckten Neuronen lernen nichts.")
    ja = next(v for v in variants() if v.lang == "ja" and "[A-Za-z]" in v.pattern.pattern)
    assert ja.pattern.search("これはmaxゲートの出力") and not ja.pattern.search("max ゲート")


def test_the_bridge_section_is_left_out() -> None:
    text = "# G\n\n## Terms { #terms }\n\nverborgen\n\n## Bridge { #bridge }\n\nverborgen\n"
    assert _BRIDGE.sub("", text).count("verborgen") == 1


@pytest.mark.parametrize("lang", ("en", *TRANSLATED))
def test_no_line_of_stray_punctuation(lang: str) -> None:
    """A line holding only 「。」 renders as 「…。 。」 after the line before it."""
    found = [
        f"docs/{lang}/{page}:{read(lang, page).count(chr(10), 0, m.start()) + 1}"
        for page in pages(lang)
        for m in _STRAY.finditer(read(lang, page))
    ]
    assert not found, found
