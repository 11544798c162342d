"""What tests need to know about the pages: languages, files, blocks, heading ids."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
LANGUAGES = ("en", "zh", "ja", "de")

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.M | re.S
)
HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.*?)\s*$", re.M)
HEADING_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")


@dataclass(frozen=True)
class Block:
    kind: str  # "bp-run" | "bp-exercise" | "pycon"
    info: str  # the fence's info string after the language
    body: str  # for an exercise: its name (the hint after it is prose, per language)


def pages(lang: str = "en") -> list[str]:
    """Relative paths of the Markdown pages of one language, sorted."""
    base = DOCS / lang
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*.md"))


def read(lang: str, page: str) -> str:
    return (DOCS / lang / page).read_text(encoding="utf-8")


def _without_fences(text: str) -> str:
    return FENCE.sub("", text)


def blocks(text: str) -> list[Block]:
    """The runnable blocks, exercises and doctest blocks of a page, in order."""
    found = []
    for match in FENCE.finditer(text):
        info = match["info"].strip()
        lang, _, rest = info.partition(" ")
        if lang in ("bp-run", "bp-exercise", "pycon"):
            body = "\n".join(line[len(match["indent"]) :] for line in match["body"].splitlines())
            body = body.strip()
            if lang == "bp-exercise":
                body = body.partition("\n")[0].strip()
            found.append(Block(lang, rest.strip(), body))
    return found


def headings(text: str) -> list[tuple[int, str | None]]:
    """(level, explicit id or None) of every heading outside code blocks."""
    result = []
    for match in HEADING.finditer(_without_fences(text)):
        id_match = HEADING_ID.search(match["text"])
        result.append((len(match[1]), id_match["id"] if id_match else None))
    return result


def url(page: str, lang: str = "en") -> str:
    """The page's URL path relative to the site root (directory URLs)."""
    path = page[: -len(".md")]
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    return ("" if lang == "en" else f"{lang}/") + path


def exercise_hints(text: str) -> dict[str, str]:
    """Each exercise fence's hint (the fence body after the exercise's name)."""
    found = {}
    for match in FENCE.finditer(text):
        if match["info"].strip().partition(" ")[0] == "bp-exercise":
            name, _, hint = match["body"].strip().partition("\n")
            found[name.strip()] = " ".join(hint.split())
    return found
