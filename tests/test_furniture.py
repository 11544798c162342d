"""Page furniture in the page's language: no English from Material's or our own
furniture on a zh, ja or de page.

Furniture is everything around the prose: Material's labels (search, skip
link, footer, copy button), the light/dark toggle, the heading permalinks'
title, the meta description, the runnable blocks' buttons and messages, the
circuit diagrams' <title> and <desc>. Every page of every language is scanned:
its text and the attributes a reader or a screen reader meets (title,
aria-label, placeholder, alt, meta content), and Material's translations
handed to its JavaScript.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.conftest import BuiltSite
from tests.pages import LANGUAGES, ROOT, pages, url

MATERIAL_LANGUAGES = Path(yaml.__file__).parent.parent / "material" / "templates" / "partials"
OTHERS = [lang for lang in LANGUAGES if lang != "en"]
ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "content", "data-label"}
# Material's keys for parts this site does not use, or that are not words.
UNUSED = re.compile(
    r"^(language|direction|search\.config\..*|blog\..*|consent\..*|rss\..*|"
    r"readtime\..*|source.*|meta\..*|select\.version|action\.(edit|view))$"
)


def material_strings(lang: str) -> dict[str, str]:
    text = (MATERIAL_LANGUAGES / "languages" / f"{lang}.html").read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([^"]+)": "((?:[^"\\]|\\.)*)",?$', text, re.M))


def english_furniture() -> set[str]:
    """English furniture strings: Material's (those it has in another wording for
    zh, ja and de), ours from mkdocs.yml, the UI strings, the diagrams' texts."""
    material = material_strings("en")
    found = {
        text
        for key, text in material.items()
        if not UNUSED.match(key)
        and "#" not in text
        and all(material_strings(lang).get(key, text) != text for lang in OTHERS)
    }
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    found.add(config["site_description"])
    found.update(p["toggle"]["name"] for p in config["theme"]["palette"])
    found.add("Permanent link")
    found.add("Made with")  # Material's footer notice, English in every language
    ui = json.loads((ROOT / "web" / "ui-strings.json").read_text(encoding="utf-8"))["en"]
    prefixes = (text.split("{")[0].strip() for text in ui.values())
    found.update(p for p in prefixes if " " in p)  # single words ("Run") also start docstrings
    found.update({"Circuit of", "Circuit computing", "drawn left to right"})
    return {text for text in found if text}


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV and !!python/name tags read as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


class _Reader(HTMLParser):
    """The text and attributes a reader meets, outside code and scripts."""

    SKIP = {"code", "pre", "script", "style"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.texts: list[str] = []
        self.config: str = ""
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self._in_config = tag == "script" and attributes.get("id") == "__config"
        if tag in self.SKIP:
            self.depth += 1
        for name, value in attrs:
            if name in ATTRIBUTES and value:
                self.texts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.depth = max(0, self.depth - 1)
        self._in_config = False

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config += data
        elif not self.depth and data.strip():
            self.texts.append(data.strip())


def english_left(html: str, furniture: set[str]) -> list[str]:
    reader = _Reader()
    reader.feed(html)
    alternatives = "|".join(re.escape(f) for f in sorted(furniture, key=len, reverse=True))
    words = re.compile(r"(?<!\w)(" + alternatives + r")(?!\w)")
    left = [f"{m[0]!r} in {text[:80]!r}" for text in reader.texts for m in words.finditer(text)]
    if reader.config:
        translations = json.loads(reader.config).get("translations", {})
        left += [f"Material's {k}: {v!r}" for k, v in translations.items() if v in furniture]
    return left


def test_the_scan_finds_english_furniture() -> None:
    """The check can fail: an English toggle name, permalink title and description are seen."""
    furniture = english_furniture()
    page = (
        '<html><head><meta name="description" content="Learn backpropagation one gate at a time,'
        ' with code you can edit and run in your browser."></head><body>'
        '<label title="Switch to dark mode">x</label><a class="headerlink" title="Permanent link">'
        "</a><code>Search</code><svg><title>Circuit of f = 4</title></svg></body></html>"
    )
    left = english_left(page, furniture)
    assert len(left) == 4, left  # the <code> is not furniture


@pytest.mark.parametrize("lang", OTHERS)
def test_no_english_furniture_on_any_page(built_site: BuiltSite, lang: str) -> None:
    furniture = english_furniture()
    left = []
    for page in pages("en"):
        html = (built_site.path / url(page, lang) / "index.html").read_text(encoding="utf-8")
        left += [f"{lang}/{page}: {item}" for item in english_left(html, furniture)]
    assert not left, "\n".join(left[:30])
