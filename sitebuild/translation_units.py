"""The units of translation of a snippet: comment blocks and the text of string literals.

See :mod:`sitebuild.localize` for what a unit is and how a catalog is applied.
Only units with prose in them need a translation: a unit whose words are all
names from the snippet's code or :data:`KEPT_WORDS` stays as it is.
"""

from __future__ import annotations

import ast
import io
import keyword
import re
import token
import tokenize
from dataclasses import dataclass
from typing import Literal

KEPT_WORDS = frozenset(
    {"sigma", "sigmoid", "relu", "ReLU", "exp", "log", "ln", "tanh", "max", "min", "SVM"}
    | {"micrograd", "numpy", "Python", "Pyodide", "Value", "backprop_core", "BUG"}
    | {"None", "True", "False", "DIM"}
    | {"softmax", "softplus", "Newton", "BFGS", "Rprop", "Xavier", "He", "Fletcher", "Reeves"}
    | {"RMSprop", "Adam", "dropout", "LeCun", "Glorot"}
)
KEPT_PHRASES = ("Hacker's guide", "CS231n")
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Where a name reads as code: after . ( [ or an operator, or before = ( [ . or an operator.
CODE_BEFORE = re.compile(r"[.(\[*+/=-]\s*$")
CODE_AFTER = re.compile(r"^\s*[=*+/()\[\].^-]")
PRAGMA = re.compile(r"#\s*(noqa|type:|fmt:|pragma|pyright:|ruff:)")
KEEP_FIELDS = "keep every {…} field exactly as it is; translate the text around them"

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
