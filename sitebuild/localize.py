"""Snippets in the page's language: translated comments and printed text, the same code.

A snippet is one English file, ``snippets/<part>/<name>.py``, shared by all
languages. The translations of its comments and of the text of its string
literals live in one gettext catalog per language, ``snippets/locale/<lang>.po``:

    msgctxt "gates/multiply_by_hand.py"
    msgid "gradients with upstream -4:"
    msgstr "上游梯度为 -4 时的梯度："

``msgctxt`` is the snippet's path, ``msgid`` the English text and ``msgstr``
its translation. A *unit* of translation is

* a block of full-line comments (consecutive lines, same column), without the
  ``# `` of each line; its translation may have another number of lines;
* a comment after code on the same line (its translation stays one line);
* the text between the quotes of a string literal, as written in the source;
  in an f-string the ``{…}`` fields stay exactly as they are (same order,
  same expressions, same format specs): only the text around them changes.

:func:`source` applies a catalog with :mod:`tokenize`: only comment tokens and
the literal text of strings change; every other character of the snippet stays
where it is, so the localized snippet is the same program (tests check the AST
and the printed numbers). Every place a snippet is shown or run for a page
calls :func:`source` with the page's language.

Only units with prose in them need a translation: a unit whose words are all
names from the snippet's code or :data:`KEPT_WORDS` (``df/dx = {x.grad}``,
``# x * y``) stays as it is. ``python -m sitebuild.localize`` adds the units of
new or changed snippets to every catalog (with an empty ``msgstr``) and drops
entries no snippet has any more; see CONTRIBUTING.md.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator

from .catalogs import missing_and_stale, translations, update
from .snippet_files import LANGUAGES, SNIPPETS, SOURCE_LANGUAGE, catalog_path, snippet_path
from .translation_units import KEEP_FIELDS, LocalizationError, Unit, units

__all__ = ["SOURCE_LANGUAGE", "LocalizationError", "apply", "source"]


def _fields(literal: str) -> list[str]:
    """The ``{…}`` fields of an f-string literal, as AST dumps, in order."""
    node = ast.parse(literal, mode="eval").body
    if isinstance(node, ast.JoinedStr):
        return [ast.dump(v) for v in node.values if isinstance(v, ast.FormattedValue)]
    return []


def _replacement(unit: Unit, text: str, where: str) -> str:
    """The new source text for ``unit``; raises if the translation would change the code."""
    if unit.kind == "comment":
        if unit.trailing and "\n" in text:
            raise LocalizationError(
                f"{where}: the comment {unit.text!r} follows code on its line, so its "
                "translation must be one line"
            )
        return ("\n" + " " * unit.column).join(
            f"# {line}".rstrip() if line.strip() else "#" for line in text.split("\n")
        )
    original = unit.opening + unit.text + unit.closing
    candidate = unit.opening + text + unit.closing
    try:
        node = ast.parse(candidate, mode="eval").body
    except SyntaxError as exc:
        raise LocalizationError(
            f"{where}: the translation of {unit.text!r} is not valid inside {unit.opening}…"
            f"{unit.closing} ({exc.msg}); escape quotes and backslashes as the English text does"
        ) from None
    if type(node) is not type(ast.parse(original, mode="eval").body):
        raise LocalizationError(f"{where}: the translation of {unit.text!r} is not one string")
    if _fields(candidate) != _fields(original):
        raise LocalizationError(
            f"{where}: the translation of {unit.text!r} changes its {{…}} fields: {KEEP_FIELDS}"
        )
    return text


def apply(code: str, table: dict[str, str], where: str = "") -> str:
    """``code`` with each unit whose English text is in ``table`` replaced by its translation."""
    out = code
    for unit in reversed(units(code)):
        text = table.get(unit.text)
        if text is not None:
            out = out[: unit.start] + _replacement(unit, text, where) + out[unit.end :]
    return out


def source(name: str, lang: str) -> str:
    """The code of snippet ``name`` as a page in ``lang`` shows and runs it.

    ``en`` (the source language) gives the file as it is; the other languages
    get its comments and string texts from ``snippets/locale/<lang>.po``.
    """
    code = snippet_path(name).read_text(encoding="utf-8")
    if lang == SOURCE_LANGUAGE:
        return code
    table = {english: text for (ctx, english), text in translations(lang).items() if ctx == name}
    return apply(code, table, f"snippets/locale/{lang}.po, msgctxt {name!r}") if table else code


def iter_languages(arg: str | None) -> Iterator[str]:
    yield from ([arg] if arg else LANGUAGES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sitebuild.localize",
        description="Bring snippets/locale/<lang>.po in step with the snippets "
        "(new units added untranslated, units gone dropped), then list what is untranslated.",
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="one language (default: all)")
    parser.add_argument("--show", metavar="SNIPPET", help="print SNIPPET localized into --lang")
    args = parser.parse_args(argv)
    if args.show:
        sys.stdout.write(source(args.show, args.lang or LANGUAGES[0]))
        return 0
    langs = tuple(iter_languages(args.lang))
    for lang, (added, dropped) in update(langs).items():
        missing, _ = missing_and_stale(lang)
        print(f"{catalog_path(lang).relative_to(SNIPPETS.parent)}: {added} added, "
              f"{dropped} dropped, {len(missing)} untranslated")  # fmt: skip
        for name, text in missing:
            first = text.split("\n")[0]
            print(f"  {name}: {first}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
