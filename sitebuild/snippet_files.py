"""Where the snippets and their catalogs are, and which snippets a page shows."""

from __future__ import annotations

from pathlib import Path

from .wheel import ROOT

__all__ = [
    "LANGUAGES",
    "LOCALE",
    "SNIPPETS",
    "SOURCE_LANGUAGE",
    "all_snippets",
    "catalog_path",
    "shown_to_readers",
    "snippet_path",
]

SNIPPETS = ROOT / "snippets"
LOCALE = SNIPPETS / "locale"
SOURCE_LANGUAGE = "en"
LANGUAGES = ("zh", "ja", "de")  # the languages with a catalog


def snippet_path(name: str) -> Path:
    path = (SNIPPETS / name).resolve()
    if SNIPPETS.resolve() not in path.parents or path.suffix != ".py":
        raise ValueError(f"{name!r} is not a .py file inside snippets/")
    if not path.is_file():
        raise FileNotFoundError(f"snippet {name!r} does not exist (looked for {path})")
    return path


def catalog_path(lang: str) -> Path:
    return LOCALE / f"{lang}.po"


def all_snippets() -> list[str]:
    return sorted(
        p.relative_to(SNIPPETS).as_posix()
        for p in SNIPPETS.rglob("*.py")
        if LOCALE not in p.parents and shown_to_readers(p.relative_to(SNIPPETS).as_posix())
    )


def shown_to_readers(name: str) -> bool:
    """Whether a page shows this snippet. An exercise's ``check.py`` (sent to the
    browser's worker, never displayed) and its catalogued answers (``wrong/*.py``,
    ``right/*.py``: test cases) are not shown, so they have no catalog entries;
    its ``starter.py`` and ``solution.py`` are (sitebuild/exercises.py)."""
    parts = name.split("/")
    catalogued = "wrong" in parts[1:-1] or "right" in parts[1:-1]
    return not (parts[0] == "exercises" and (parts[-1] == "check.py" or catalogued))
