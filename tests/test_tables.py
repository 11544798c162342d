"""Tables that line up in every language: the snippets pad by display width.

A Chinese or Japanese character takes two columns of a monospace font, so a table padded
with ``f"{name:<20}"`` comes out ragged on the zh and ja pages. The snippets' tables pad
with ``backprop_core.text`` (``ljust``, ``rjust``, ``display_width``) instead. Each table
here is run in all four languages, and its rows must end at the same display column (or,
where the last column varies, start it at the same one).
"""

from __future__ import annotations

import pytest

from backprop_core.text import display_width, ljust
from sitebuild.snippets import run_jobs

LANGUAGES = ("en", "zh", "ja", "de")

# snippet: (first, last) line of its table in the printed output, all right-aligned
SAME_WIDTH = {
    "optimization/methods.py": (0, None),
    "optimization/random_vs_gradient.py": (0, None),
    "softmax/cross_entropy_vs_mse.py": (0, None),
    "softmax/svm_loss.py": (1, None),
    "deep_networks/initialization.py": (0, None),
    "vectorized_network/mean_vs_sum.py": (0, None),
    "training/neural_net_by_hand.py": (1, -1),
    "deep_networks/random_matrices.py": (1, -1),
}
# tables in a session: the page's earlier blocks run first
SESSIONS = {
    "vectorized_network/mean_vs_sum.py": (
        "vectorized_network/layers.py",
        "vectorized_network/forward.py",
        "vectorized_network/backward.py",
    ),
}
# snippet: the text that starts the last column of every row
SAME_START = {
    "learners/hackers_guide_one_liners.py": "[",
    "gates/division_by_hand.py": "f =",
}


def printed(name: str, lang: str) -> list[str]:
    (output,) = run_jobs([(*SESSIONS.get(name, ()), name)], lang)
    assert output.ok, name
    text = "".join(event[1] for event in output.events if event[0] != "display")
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-4:] if name in SESSIONS else lines  # the session's own table


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", sorted(SAME_WIDTH))
def test_rows_end_at_the_same_column(name: str, lang: str) -> None:
    first, last = SAME_WIDTH[name]
    rows = printed(name, lang)[first:last]
    assert len(rows) >= 3
    widths = {display_width(row.rstrip()) for row in rows}
    assert len(widths) == 1, "\n".join(rows)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", sorted(SAME_START))
def test_last_column_starts_at_the_same_column(name: str, lang: str) -> None:
    rows = printed(name, lang)
    starts = {display_width(row[: row.index(SAME_START[name])]) for row in rows}
    assert len(starts) == 1, "\n".join(rows)


def test_a_table_padded_by_characters_is_ragged_in_chinese() -> None:
    """Why the helper exists: str.ljust counts characters, not columns."""
    rows = [f"{name:<8}|" for name in ("loss", "损失")]
    assert len({display_width(row) for row in rows}) == 2
    rows = [ljust(name, 8) + "|" for name in ("loss", "损失")]
    assert len({display_width(row) for row in rows}) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_gradients_column_of_the_svm_table_lines_up(lang: str) -> None:
    """training/svm_value.py: the third heading (-gradients) starts where each row's
    gradients do, however wide the translated second heading is."""
    header, *rows = printed("training/svm_value.py", lang)[:7]
    column = display_width(header[: header.index(" -") + 1])
    for row in rows:  # the rows are ASCII: a character is a column
        assert row[column - 1] == " " and row[column] in "+-", f"{header}\n{row}"
