"""The gettext catalogs of the snippets (``snippets/locale/<lang>.po``): read, and kept in step.

``python -m sitebuild.localize`` calls :func:`update`: new units of new or
changed snippets are added untranslated, entries no snippet has are dropped.
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from .snippet_files import (
    LANGUAGES,
    LOCALE,
    SOURCE_LANGUAGE,
    all_snippets,
    catalog_path,
    snippet_path,
)
from .translation_units import KEEP_FIELDS, LocalizationError, translatable

__all__ = ["missing_and_stale", "template", "translations", "update"]


def _load(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, abort_invalid=True)


@cache
def _catalog(lang: str, mtime_ns: int) -> dict[tuple[str, str], str]:
    """{(snippet, English text): translation} of one language (translated, not fuzzy)."""
    table: dict[tuple[str, str], str] = {}
    for message in _load(catalog_path(lang)):
        if message.id and message.context and message.string and not message.fuzzy:
            assert isinstance(message.id, str) and isinstance(message.string, str)
            table[message.context, message.id] = message.string
    return table


def translations(lang: str) -> dict[tuple[str, str], str]:
    """The catalog of ``lang`` as a dict; re-read when the file changes (``mkdocs serve``)."""
    path = catalog_path(lang)
    if lang not in LANGUAGES:
        raise LocalizationError(
            f"no snippet catalog for language {lang!r}: the languages are "
            f"{SOURCE_LANGUAGE} (the snippets themselves) and {', '.join(LANGUAGES)}"
        )
    if not path.is_file():
        return {}
    return _catalog(lang, path.stat().st_mtime_ns)


def template() -> Catalog:
    """Every translatable unit of every snippet, with an empty translation."""
    catalog = Catalog(project="Backprop, gate by gate: snippets", fuzzy=False)
    for name in all_snippets():
        for unit, prose in translatable(snippet_path(name).read_text(encoding="utf-8")):
            kind = "comment" if unit.kind == "comment" else "text in a string (printed, or a label)"
            comments = [kind]
            if not prose:
                comments.append("only names from the code: the translation may keep them")
            if unit.opening.lower().startswith(("f", "rf", "fr")):
                comments.append(KEEP_FIELDS)
            if unit.kind == "comment" and unit.trailing:
                comments.append("after code: one line")
            catalog.add(unit.text, "", context=name, auto_comments=comments)
    return catalog


def update(langs: tuple[str, ...] = LANGUAGES) -> dict[str, tuple[int, int]]:
    """Bring every catalog in step with the snippets: add new units (untranslated),
    drop the entries of units no snippet has any more. Returns {lang: (added, dropped)}."""
    pot = template()
    wanted = {(m.context, m.id) for m in pot if m.id}
    report = {}
    LOCALE.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        path = catalog_path(lang)
        old = _load(path) if path.is_file() else Catalog(locale=lang)
        have = {(m.context, m.id): m for m in old if m.id}
        new = Catalog(locale=lang, project=pot.project, fuzzy=False)
        new.header_comment = f"# Translations of the snippets' comments and printed text ({lang})."
        for message in pot:
            if not message.id:
                continue
            kept = have.get((message.context, message.id))
            new.add(
                message.id,
                kept.string if kept else "",
                context=message.context,
                auto_comments=message.auto_comments,
                user_comments=kept.user_comments if kept else (),
                flags=kept.flags if kept else (),
            )
        dropped = len([key for key in have if key not in wanted])
        added = len([key for key in wanted if key not in have])
        out = io.BytesIO()
        write_po(out, new, width=0, no_location=True)
        path.write_bytes(_stable_header(out.getvalue()))
        report[lang] = (added, dropped)
    return report


_VOLATILE = re.compile(
    rb'^"(Project-Id-Version|Report-Msgid-Bugs-To|POT-Creation-Date|PO-Revision-Date|'
    rb'Last-Translator|Language-Team|Generated-By): [^"]*\\n"\n',
    re.M,
)


def _stable_header(po: bytes) -> bytes:
    """The PO header without dates and tool names, so that an update changes only entries."""
    return _VOLATILE.sub(b"", po)


def missing_and_stale(lang: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(units with no translation, catalog entries no snippet has) for ``lang``."""
    table = translations(lang)
    wanted: set[tuple[str, str]] = set()
    for name in all_snippets():
        wanted.update(
            (name, u.text) for u, _ in translatable(snippet_path(name).read_text(encoding="utf-8"))
        )
    have = set()
    path = catalog_path(lang)
    if path.is_file():
        have = {(str(m.context), str(m.id)) for m in _load(path) if m.id}
    missing = sorted(key for key in wanted if key not in table)
    return missing, sorted(have - wanted)
