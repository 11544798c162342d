"""backprop_core.notebook: run_cell, the one set of rules for running a block of code.

The checks live in tests/core_checks.py (they also run inside Pyodide, where
the site's browser runner calls run_cell); these add checks against pytest's
own capture of the real sys.stdout and sys.stderr.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from backprop_core import notebook
from backprop_core.notebook import display_data, run_cell
from tests import core_checks
from tests.pages import ROOT


@pytest.mark.parametrize("check", core_checks.checks("notebook"), ids=lambda fn: fn.__name__)
def test_notebook(check: Callable[[], None]) -> None:
    check()


def test_output_goes_to_the_real_streams(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cell("print('out')\n6 * 7") is True
    assert capsys.readouterr() == ("out\n42\n", "")
    assert run_cell("raise KeyError('k')", filename="<my cell>") is False
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "Traceback (most recent call last):\n"
        '  File "<my cell>", line 1, in <module>\n'
        "    raise KeyError('k')\n"
        "KeyError: 'k'\n"
    )


def test_traceback_through_backprop_core(capsys: pytest.CaptureFixture[str]) -> None:
    source = "from backprop_core import Value\nx = Value(1000.0)\ny = x.exp()\n"
    assert run_cell(source, filename="<exp cell>") is False
    err = capsys.readouterr().err
    assert err.startswith('Traceback (most recent call last):\n  File "<exp cell>", line 3')
    assert err.rstrip().endswith(
        "OverflowError: exp gate: exp(1000.0) overflows a float (the largest input is "
        "about 709.78); scale the input down (for a softmax, subtract the largest score "
        "first, as Value.logsumexp does)"
    )
    assert "backprop_core/notebook" not in err


def test_display_data_falls_back_to_repr() -> None:
    class Broken:
        _repr_svg_ = "not callable"

        def __repr__(self) -> str:
            return "Broken()"

    assert display_data(Broken()) == ("text/plain", "Broken()", {})
    assert display_data("x") == ("text/plain", "'x'", {})


def test_keyboard_interrupt_is_reported_not_raised(capsys: pytest.CaptureFixture[str]) -> None:
    # the browser's stop button raises KeyboardInterrupt inside the reader's code
    assert run_cell("raise KeyboardInterrupt", filename="<cell>") is False
    assert capsys.readouterr().err.rstrip().endswith("KeyboardInterrupt")


def test_the_browser_keeps_the_notebooks_picture_budget() -> None:
    """The build (run_cell in CPython) and the browser's runner (web/figures.js,
    worker and page) cut pictures at the same numbers."""
    limits = json.loads((ROOT / "web" / "runner-limits.json").read_text(encoding="utf-8"))
    ours = {
        "svg_chars": notebook.SVG_MAX_CHARS,
        "svg_elements": notebook.SVG_MAX_ELEMENTS,
        "figures_per_run": notebook.FIGURES_PER_RUN,
        "figure_elements_per_run": notebook.FIGURE_ELEMENTS_PER_RUN,
        "picture_chars_per_run": notebook.PICTURE_CHARS_PER_RUN,
    }
    assert ours == {key: limits[key] for key in ours}
