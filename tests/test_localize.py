"""Snippets in the page's language: the same program, the same numbers, no English left.

Every snippet is one English file; ``snippets/locale/<lang>.po`` translates its
comments and the text of its strings (sitebuild/localize.py). For every
snippet and language the localized code must be the same program (the same
AST once comments and the text of strings are set aside) and print the same
numbers, every unit with prose must be translated, and no catalog entry may be
left over from a snippet that changed.
"""

from __future__ import annotations

import ast
import re

import pytest

from sitebuild import catalogs, localize, runnable
from sitebuild import translation_units as tu
from sitebuild.localize import LocalizationError, source
from sitebuild.snippet_files import LANGUAGES, all_snippets
from sitebuild.snippet_files import SNIPPETS as SNIPPET_DIR
from sitebuild.snippets import Output, run_jobs

SNIPPETS = all_snippets()
NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


class _SetAsideText(ast.NodeTransformer):
    """Blank out what a translation may change: string constants and the literal
    parts of f-strings (their fields and format specs stay)."""

    def visit_Constant(self, node: ast.Constant) -> ast.Constant:
        return ast.Constant("") if isinstance(node.value, str) else node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.JoinedStr:
        fields = [self.visit(v) for v in node.values if isinstance(v, ast.FormattedValue)]
        return ast.JoinedStr(values=fields)

    def visit_FormattedValue(self, node: ast.FormattedValue) -> ast.FormattedValue:
        node.value = self.visit(node.value)  # the format spec is code: kept as it is
        return node


def program(code: str) -> str:
    return ast.dump(_SetAsideText().visit(ast.parse(code)))


TAG = re.compile(r"<[^>]*>")


def text_of(output: Output) -> str:
    """Everything a block shows: printed text, and the text of its pictures and values
    (a picture's markup left out: a translated label may be wider than the English one,
    and moves the drawing's coordinates, not its numbers)."""
    return "".join(
        TAG.sub(" ", event[2]) if event[0] == "display" else event[1] for event in output.events
    )


def numbers(output: Output) -> list[str]:
    return NUMBER.findall(text_of(output))


# --- the mechanism ------------------------------------------------------------

EXAMPLE = """\
# Two lines of
# comment.
x = 2.0  # a trailing comment
print(f"x is {x:.1f} here", "plain")
"""


def test_comments_and_string_texts_change_code_does_not() -> None:
    table = {
        "Two lines of\ncomment.": "两行\n注释，\n再多一行。",
        "a trailing comment": "行尾注释",
        "x is {x:.1f} here": "x 的值是 {x:.1f}",
        "plain": "普通",
    }
    out = localize.apply(EXAMPLE, table)
    assert out == (
        '# 两行\n# 注释，\n# 再多一行。\nx = 2.0  # 行尾注释\nprint(f"x 的值是 {x:.1f}", "普通")\n'
    )
    assert program(out) == program(EXAMPLE)


@pytest.mark.parametrize(
    ("english", "translation", "complaint"),
    [
        ("x is {x:.1f} here", "x is {x:.2f} here", "fields"),  # a format spec is code
        ("x is {x:.1f} here", "x is {x + 1:.1f} here", "fields"),
        ("x is {x:.1f} here", "x is here", "fields"),
        ("plain", 'plain", "smuggled', "not one string"),
        ("plain", 'a " quote', "not valid"),
        ("a trailing comment", "two\nlines", "one line"),
    ],
)
def test_a_translation_that_would_change_the_code_is_refused(
    english: str, translation: str, complaint: str
) -> None:
    with pytest.raises(LocalizationError, match=complaint):
        localize.apply(EXAMPLE, {english: translation}, "example.po")


def test_the_program_comparison_sees_a_changed_program() -> None:
    assert program(EXAMPLE) != program(EXAMPLE.replace("2.0", "3.0"))
    assert program(EXAMPLE) != program(EXAMPLE.replace("{x:.1f}", "{x:.2f}"))
    assert program(EXAMPLE) == program(EXAMPLE.replace('"plain"', '"einfach"'))


def test_prose_and_names() -> None:
    names = frozenset({"loss", "f", "x", "DivideGate", "forward"})
    assert tu.words("loss curve:", names) == (["curve"], ["loss"])
    assert tu.words("loss = ", names) == ([], [])  # a name next to "=" reads as code
    assert tu.words("df/dx = ", names) == ([], [])  # df: d + a name
    assert tu.words("DivideGate ->", names) == ([], [])
    assert tu.words("Hacker's guide 的 sigmoid", names) == ([], [])


def test_english_is_the_file_itself() -> None:
    for name in SNIPPETS[:3]:
        assert source(name, "en") == (SNIPPET_DIR / name).read_text(encoding="utf-8")


def test_a_page_shows_and_runs_the_localized_snippet(monkeypatch: pytest.MonkeyPatch) -> None:
    """The static code (which the editor starts from and the browser runs) and the
    build's output both come from the catalog of the page's language."""
    name = "gates/multiply_by_hand.py"
    fake = {(name, "forward:"): "前向：", (name, "The same gate by hand: forward caches the "
            "inputs, backward multiplies\neach local gradient by the gradient that arrives "
            "from above."): "同一个门，手写。"}  # fmt: skip
    monkeypatch.setattr(localize, "translations", lambda lang: fake)
    runnable.begin_page("zh", "test.md", f"```bp-run\n{name}\n```\n")
    html = runnable.format_runnable(name, "bp-run", "bp-run", {}, None)
    assert "同一个门，手写。" in html and "The same gate" not in html
    assert "前向： -6.0" in html
    (english,) = run_jobs([(name,)], "en")
    assert "forward: -6.0" in text_of(english)


# --- every snippet, every language ---------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", SNIPPETS)
def test_same_program(lang: str, name: str) -> None:
    assert program(source(name, lang)) == program(source(name, "en")), (
        f"snippets/locale/{lang}.po changes the code of {name}, not only its text"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_numbers(lang: str) -> None:
    jobs = [(name,) for name in SNIPPETS]
    for name, english, localized in zip(SNIPPETS, run_jobs(jobs, "en"), run_jobs(jobs, lang)):
        assert localized.ok == english.ok, name
        assert numbers(localized) == numbers(english), (
            f"{name} in {lang} prints other numbers than in English: a translated label "
            "must not add, drop or reorder numbers"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_prose_unit_is_translated(lang: str) -> None:
    missing, _ = catalogs.missing_and_stale(lang)
    untranslated = [f"{name}: {text!r}" for name, text in missing]
    assert not untranslated, (
        f"snippets/locale/{lang}.po has no translation for these (run "
        f"`python -m sitebuild.localize --lang {lang}`, then fill in msgstr):\n"
        + "\n".join(untranslated)
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_stale_catalog_entries(lang: str) -> None:
    _, stale = catalogs.missing_and_stale(lang)
    assert not stale, (
        f"snippets/locale/{lang}.po has entries no snippet has any more (run "
        f"`python -m sitebuild.localize`): {stale[:5]}"
    )


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "de"])
def test_no_english_left(lang: str) -> None:
    """zh and ja: no comment or string of the localized snippet has an English word
    left (names from the code, sigmoid, ReLU and the like stay)."""
    left = []
    for name in SNIPPETS:
        code = source(name, lang)
        names = tu.code_names(code)
        left += [
            f"{name}: {unit.text!r} {prose}"
            for unit in tu.units(code)
            if (prose := tu.words(tu.visible_text(unit), names)[0])
        ]
    assert not left, f"English left in the {lang} snippets:\n" + "\n".join(left)


@pytest.mark.parametrize("name", SNIPPETS)
def test_german_translations_are_not_the_english(name: str) -> None:
    """German shares the Latin alphabet, so check entry by entry: a unit with prose
    must not come back unchanged."""
    table = catalogs.translations("de")
    code = source(name, "en")
    same = [
        unit.text
        for unit, prose in tu.translatable(code)
        if prose and table.get((name, unit.text)) == unit.text
    ]
    assert not same, f"{name}: German 'translations' equal to the English: {same}"


@pytest.mark.parametrize(
    ("lang", "title"),
    [("en", "Circuit of f"), ("zh", "的计算线路图"), ("ja", "の回路"), ("de", "Schaltkreis für f")],
)
def test_the_builds_diagrams_speak_the_pages_language(lang: str, title: str) -> None:
    """The build's snippet runner sets backprop_core's language per page language."""
    (output,) = run_jobs([("gates/multiply_value.py",)], lang)
    (svg,) = [event[2] for event in output.events if event[0] == "display"]
    found = re.search(r"<title>(.*?)</title>\s*<desc>(.*?)</desc>", svg)
    assert found and title in found[1], svg[:300]
    if lang != "en":
        assert "gates" not in found[2] and "drawn left to right" not in found[2]
