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
import io
import keyword
import re
import sys
import token
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from .snippets import SNIPPETS, snippet_path

LOCALE = SNIPPETS / "locale"
SOURCE_LANGUAGE = "en"
LANGUAGES = ("zh", "ja", "de")  # the languages with a catalog
# Words and names that stay as they are in every language: names of things
# the code and the pages use untranslated (sigmoid, ReLU), notation, proper names.
KEPT_WORDS = frozenset(
    {"sigma", "sigmoid", "relu", "ReLU", "exp", "log", "ln", "tanh", "max", "min", "SVM"}
    | {"micrograd", "numpy", "Python", "Pyodide", "Value", "backprop_core", "BUG"}
    | {"None", "True", "False", "DIM"}
    | {"softmax", "softplus", "Newton", "BFGS", "Rprop", "Xavier", "He", "Fletcher", "Reeves"}
)
KEPT_PHRASES = ("Hacker's guide", "CS231n")
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Where a name reads as code: after . ( [ or an operator, or before = ( [ . or an operator.
CODE_BEFORE = re.compile(r"[.(\[*+/=-]\s*$")
CODE_AFTER = re.compile(r"^\s*[=*+/()\[\].^-]")
PRAGMA = re.compile(r"#\s*(noqa|type:|fmt:|pragma|pyright:|ruff:)")
_KEEP_FIELDS = "keep every {…} field exactly as it is; translate the text around them"

FSTRING_START = getattr(token, "FSTRING_START", -1)  # Python >= 3.12
FSTRING_END = getattr(token, "FSTRING_END", -1)


class LocalizationError(ValueError):
    """A catalog entry that cannot be applied, or a snippet that cannot be read."""


@dataclass(frozen=True)
class Unit:
    """One piece of a snippet's text that a catalog can translate."""

    kind: Literal["comment", "string"]
    text: str  # the msgid: comment lines without "# ", or a string's source text between quotes
    line: int  # where it starts (1-based)
    start: int  # offset in the source of the first character replaced
    end: int  # offset just past the last character replaced
    column: int = 0  # comments: the column of the "#"
    trailing: bool = False  # comments: after code on the same line
    opening: str = ""  # strings: the prefix and opening quote, e.g. 'f"'
    closing: str = ""  # strings: the closing quote


# --- reading a snippet --------------------------------------------------------


def _offsets(code: str) -> list[int]:
    """The offset of the start of each line (index 1 = line 1)."""
    starts = [0, 0]
    for line in code.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def _comment_text(comment: str) -> str:
    text = comment[1:]
    return (text[1:] if text.startswith(" ") else text).rstrip()


def _string_parts(literal: str) -> tuple[str, str, str]:
    """(opening, content, closing) of a string literal's source text."""
    i = 0
    while literal[i] not in "'\"":
        i += 1
    quote = literal[i : i + 3] if literal[i : i + 3] in ('"""', "'''") else literal[i]
    opening = literal[: i + len(quote)]
    return opening, literal[len(opening) : -len(quote)], quote


def _string_unit(content: str, line: int, begin: int, opening: str, closing: str) -> Unit:
    end = begin + len(content)
    return Unit("string", content, line, begin, end, opening=opening, closing=closing)


def units(code: str) -> list[Unit]:
    """Every comment and string literal of ``code`` that has text in it, in order."""
    at = _offsets(code)
    found: list[Unit] = []
    tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    depth = 0  # f-string nesting: only the outermost f-string is a unit
    fstring_start: tokenize.TokenInfo | None = None
    for tok in tokens:
        (row, col), (erow, ecol) = tok.start, tok.end
        if tok.type == FSTRING_START:
            depth += 1
            if depth == 1:
                fstring_start = tok
        elif tok.type == FSTRING_END:
            depth -= 1
            if depth == 0 and fstring_start is not None:
                srow, scol = fstring_start.start
                literal = code[at[srow] + scol : at[erow] + ecol]
                opening, content, closing = _string_parts(literal)
                begin = at[srow] + scol + len(opening)
                found.append(_string_unit(content, srow, begin, opening, closing))
        elif depth:
            continue
        elif tok.type == token.STRING:
            opening, content, closing = _string_parts(tok.string)
            if "b" in opening.lower():
                continue  # bytes are data, not text
            begin = at[row] + col + len(opening)
            found.append(_string_unit(content, row, begin, opening, closing))
        elif tok.type == token.COMMENT:
            if PRAGMA.match(tok.string) or (row == 1 and tok.string.startswith("#!")):
                continue
            trailing = bool(tok.line[:col].strip())
            text = _comment_text(tok.string)
            prev = found[-1] if found else None
            if (
                not trailing
                and prev is not None
                and prev.kind == "comment"
                and not prev.trailing
                and prev.column == col
                and prev.line + prev.text.count("\n") == row - 1
            ):
                found[-1] = Unit(
                    "comment", prev.text + "\n" + text, prev.line, prev.start,
                    at[erow] + ecol, col, False,
                )  # fmt: skip
            else:
                found.append(
                    Unit("comment", text, row, at[row] + col, at[erow] + ecol, col, trailing)
                )
    return found


def code_names(code: str) -> frozenset[str]:
    """Every name of the code: variables, functions, attributes, builtins it uses
    (keywords are not names)."""
    return frozenset(
        tok.string
        for tok in tokenize.generate_tokens(io.StringIO(code).readline)
        if tok.type == token.NAME and not keyword.iskeyword(tok.string)
    )


def _literal_text(unit: Unit) -> str:
    """A string unit's text as the reader sees it: f-string fields left out."""
    node = ast.parse(unit.opening + unit.text + unit.closing, mode="eval").body
    if isinstance(node, ast.JoinedStr):
        return " ".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def visible_text(unit: Unit) -> str:
    """What a reader reads in a unit: a comment's text, a string's text without its fields."""
    return unit.text if unit.kind == "comment" else _literal_text(unit)


def words(text: str, names: frozenset[str]) -> tuple[list[str], list[str]]:
    """(prose, name_words) of ``text``.

    A word with a digit or an underscore (``x0``, ``a_k``) is an identifier, and
    one made of one-letter names (``xy``) is notation. Any other word that is
    neither a name of the code nor in :data:`KEPT_WORDS` is prose. A name is
    code where it reads as code — spelled like an identifier (``DivideGate``,
    ``dD``), or next to an operator, a dot or
    a bracket (``loss =``, ``x.grad``, ``d total/dw``); ``dnum`` counts as a
    name when ``num`` is one, and ``d`` with one letter (``df``) always does.
    Other names (``same``, ``loss`` alone) are name words: a translation may
    keep them.
    """
    for phrase in (*KEPT_PHRASES, "<-", "->"):  # arrows are not operators
        text = text.replace(phrase, " ")
    prose: list[str] = []
    name_words: list[str] = []
    for m in IDENTIFIER.finditer(text):
        word = m[0]
        if sum(c.isalpha() for c in word) < 2 or word in KEPT_WORDS:
            continue
        if (
            not word.isalpha()
            or all(c in names for c in word)
            or re.match(r"\.[A-Za-z_]", text[m.end() :])
        ):
            continue  # x0, a_k, dw2: identifiers; xy: a product of names; Math.random
        is_name = (
            word in names
            or (word[0] == "d" and word[1:] in names)
            or (len(word) == 2 and word[0] == "d")  # df, dx: notation
        )
        if not is_name:
            prose.append(word)
        elif not (
            any(c.isupper() for c in word[1:])
            or CODE_BEFORE.search(text[: m.start()])
            or CODE_AFTER.match(text[m.end() :])
        ):
            name_words.append(word)
    return prose, name_words


def translatable(code: str) -> list[tuple[Unit, bool]]:
    """The units of ``code`` a catalog must have, each with whether its translation
    must differ from the English (True: it has prose; False: only name words,
    which a translation may keep, like a label ``"loss"``). Units that show only
    code (``f = {f.data}``, ``# x * y``) are not in the list."""
    names = code_names(code)
    seen: set[str] = set()
    result = []
    for unit in units(code):
        if unit.text in seen:
            continue
        prose, name_words = words(visible_text(unit), names)
        if prose or name_words:
            seen.add(unit.text)
            result.append((unit, bool(prose)))
    return result


# --- catalogs -----------------------------------------------------------------


def catalog_path(lang: str) -> Path:
    return LOCALE / f"{lang}.po"


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


# --- applying a catalog -------------------------------------------------------


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
            f"{where}: the translation of {unit.text!r} changes its {{…}} fields: {_KEEP_FIELDS}"
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


# --- keeping the catalogs in step with the snippets ---------------------------


def all_snippets() -> list[str]:
    return sorted(
        p.relative_to(SNIPPETS).as_posix()
        for p in SNIPPETS.rglob("*.py")
        if LOCALE not in p.parents and shown_to_readers(p.relative_to(SNIPPETS).as_posix())
    )


def shown_to_readers(name: str) -> bool:
    """Whether a page shows this snippet. An exercise's ``check.py`` (sent to the
    browser's worker, never displayed) and its catalogued wrong answers
    (``wrong/*.py``, test cases) are not shown, so they have no catalog entries;
    its ``starter.py`` and ``solution.py`` are (sitebuild/exercises.py)."""
    parts = name.split("/")
    return not (parts[0] == "exercises" and (parts[-1] == "check.py" or "wrong" in parts[1:-1]))


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
                comments.append(_KEEP_FIELDS)
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
