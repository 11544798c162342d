"""The engine speaks the page's language: grad_check's report and the gates' explanatory errors.

``backprop_core.engine_texts`` holds the engine's sentences in four languages and
``backprop_core.language`` picks them, as it does for the diagrams' titles. Checked here:
every language has every text with the same fields; each gate error and the report come
out in the language set; the report's columns line up by display width; and no English
word of the engine's is left in what the snippets of a zh or ja page print.
"""

from __future__ import annotations

import io
import re
import string
import tokenize
from collections.abc import Callable, Iterator

import pytest

from backprop_core import Value, grad_check, set_language
from backprop_core.engine_texts import ENGINE_TEXTS
from backprop_core.text import display_width
from sitebuild.snippets import run_jobs
from tests.pages import SNIPPETS, blocks, pages, read

LANGUAGES = ("en", "zh", "ja", "de")
WORD = re.compile(r"\b[A-Za-z]{3,}\b")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _words(lang: str) -> set[str]:
    """The words of the engine's texts in ``lang``, placeholders left out."""
    found: set[str] = set()
    for template in ENGINE_TEXTS[lang].values():
        literal = "".join(text for text, *_ in string.Formatter().parse(template))
        found.update(WORD.findall(literal))
    return found


def _code_names() -> set[str]:
    """Every name and keyword in the snippets' code (``loss``, ``out``, ``for``): a page
    prints these as labels in every language."""
    names: set[str] = set()
    for path in SNIPPETS.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.NAME:
                names.add(token.string)
    return names


# English words of the engine's sentences, less the names that stay as they are in every
# language: those in the zh texts too (grad_check, softplus, scores[label] ...) and the
# names of the snippets' code (a label "loss" is the code's, not the engine's).
ENGLISH = frozenset(_words("en") - _words("zh") - _code_names())


def test_every_language_has_every_text_with_the_same_fields() -> None:
    for lang in LANGUAGES:
        assert ENGINE_TEXTS[lang].keys() == ENGINE_TEXTS["en"].keys(), lang
        for key, template in ENGINE_TEXTS["en"].items():
            assert _fields(ENGINE_TEXTS[lang][key]) == _fields(template), (lang, key)


def test_the_english_words_are_the_engine_s() -> None:
    assert {"FAILED", "WRONG", "divides", "overflows", "undefined"} <= ENGLISH
    assert not {"grad_check", "softplus", "logsumexp"} & ENGLISH


ERRORS: list[tuple[str, type[Exception], Callable[[], object]]] = [
    ("div by zero", ZeroDivisionError, lambda: Value(1.0) / 0.0),
    ("0 ** -1", ZeroDivisionError, lambda: Value(0.0) ** -1),
    ("negative base, real exponent", ValueError, lambda: Value(-2.0) ** 0.5),
    ("negative base in the graph", ValueError, lambda: Value(-2.0) ** Value(2.0)),
    ("pow overflow", OverflowError, lambda: Value(10.0) ** 400),
    ("pow overflow in the graph", OverflowError, lambda: Value(10.0) ** Value(400.0)),
    ("sqrt'(0)", ZeroDivisionError, lambda: (Value(0.0) ** 0.5).backward()),
    ("exp overflow", OverflowError, lambda: Value(1000.0).exp()),
    ("log(0)", ValueError, lambda: Value(0.0).log()),
    ("not finite", OverflowError, lambda: Value(1e308) * 10.0),
    ("pow exponent", TypeError, lambda: Value(2.0) ** "2"),  # type: ignore[operator]
    ("operand", TypeError, lambda: Value(1.0) + "3"),  # type: ignore[operator]
    ("sum of a number", TypeError, lambda: Value.sum(3)),  # type: ignore[arg-type]
    ("sum of nothing", ValueError, lambda: Value.sum([])),
    ("sum item", TypeError, lambda: Value.sum([Value(1.0), "x"])),  # type: ignore[list-item]
    ("dot count", ValueError, lambda: Value.dot([Value(1.0)], [1.0, 2.0])),
]
# errors of the Value constructor and of grad_check: no gate to name
OTHER_ERRORS: list[tuple[str, type[Exception], Callable[[], object]]] = [
    ("Value of text", TypeError, lambda: Value("3")),  # type: ignore[arg-type]
    ("Value of a Value", TypeError, lambda: Value(Value(1.0))),  # type: ignore[arg-type]
    ("Value of a huge int", OverflowError, lambda: Value(10**400)),
    ("Value(nan)", ValueError, lambda: Value(float("nan"))),
    ("label", TypeError, lambda: Value(1.0, label=3)),  # type: ignore[arg-type]
    ("grad_check of one number", TypeError, lambda: grad_check(lambda x: x, 3.0)),  # type: ignore[arg-type]
    ("grad_check counts", ValueError, lambda: grad_check(lambda x: x, [3.0], analytic=[1.0, 2.0])),
    ("grad_check of a number", TypeError, lambda: grad_check(lambda x: 3.0, [3.0])),
    ("grad_check of text", TypeError, lambda: grad_check(lambda x: "a", [3.0], analytic=[1.0])),
]
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def _message(make: Callable[[], object], kind: type[Exception], lang: str) -> str:
    set_language(lang)
    try:
        with pytest.raises(kind) as caught:
            make()
    finally:
        set_language("en")
    return str(caught.value)


@pytest.mark.parametrize(("what", "kind", "make"), ERRORS, ids=[e[0] for e in ERRORS])
def test_a_gate_error_in_every_language(
    what: str, kind: type[Exception], make: Callable[[], object]
) -> None:
    english = _message(make, kind, "en")
    assert WORD.search(english) and " gate: " in english
    for lang in ("zh", "ja"):
        message = _message(make, kind, lang)
        assert not set(WORD.findall(message)) & ENGLISH, (lang, message)
    german = _message(make, kind, "de")
    assert german != english and "-Gatter: " in german
    for lang in ("zh", "ja", "de"):  # the same numbers as the English message
        assert NUMBER.findall(_message(make, kind, lang)) == NUMBER.findall(english), lang


@pytest.mark.parametrize(("what", "kind", "make"), OTHER_ERRORS, ids=[e[0] for e in OTHER_ERRORS])
def test_a_value_or_grad_check_error_in_every_language(
    what: str, kind: type[Exception], make: Callable[[], object]
) -> None:
    english = _message(make, kind, "en")
    for lang in ("zh", "ja"):
        message = _message(make, kind, lang)
        assert not set(WORD.findall(message)) & ENGLISH, (lang, message)
    assert _message(make, kind, "de") != english
    for lang in ("zh", "ja", "de"):  # the same numbers, in the order the language needs
        numbers = sorted(NUMBER.findall(_message(make, kind, lang)))
        assert numbers == sorted(NUMBER.findall(english)), lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_report_in_every_language_lines_up(lang: str) -> None:
    set_language(lang)
    try:
        report = repr(grad_check(lambda x, y: x * y + x, [3.0, -4.0], analytic=[3.0, 3.0]))
    finally:
        set_language("en")
    lines = report.splitlines()
    assert len(lines) == 4
    if lang in ("zh", "ja"):
        assert not set(WORD.findall(report)) & ENGLISH, report
    # input (7) value (12) analytic (12) numerical (12): the verdict starts at column 46
    prefixes = [line.rsplit("  ", 1)[0] for line in lines[1:]]
    assert [display_width(p) for p in prefixes] == [46, 46, 46], report


def page_jobs() -> Iterator[tuple[str, ...]]:
    """Each runnable block of the pages as the build runs it: with its session's earlier blocks."""
    seen: set[tuple[str, ...]] = set()
    for page in pages("en"):
        sessions: dict[str, list[str]] = {}
        for block in blocks(read("en", page)):
            if block.kind != "bp-run":
                continue
            session = re.search(r'session="([^"]+)"', block.info)
            job: tuple[str, ...] = (block.body,)
            if session:
                earlier = sessions.setdefault(session[1], [])
                job = (*earlier, block.body)
                earlier.append(block.body)
            if job not in seen:
                seen.add(job)
                yield job


@pytest.mark.parametrize("lang", ("zh", "ja"))
def test_no_english_word_of_the_engine_s_in_what_a_page_prints(lang: str) -> None:
    jobs = list(page_jobs())
    found = []
    for job, output in zip(jobs, run_jobs(jobs, lang)):
        printed = "".join(event[1] for event in output.events if event[0] != "display")
        words = set(WORD.findall(printed)) & ENGLISH
        if words:
            found.append(f"{job[-1]}: {sorted(words)}")
    assert not found, "\n".join(found)
