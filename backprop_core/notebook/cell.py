"""Run a block of code the way a notebook cell runs: the site's one set of rules.

The build (CPython) and the browser (Pyodide) both call :func:`run_cell`, so a
block prints the same thing in both:

* statements run top to bottom; ``print`` goes to stdout;
* if the last statement is an expression whose value is not None, that value
  is displayed, as in Jupyter;
* ``display(obj)`` displays an object anywhere in the code;
  ``display(obj, display_id="name")`` shows it and, called again with the same
  id in the same run, replaces that picture in place (live pictures of a
  training run);
* displaying an object with ``_repr_svg_`` (a :class:`~backprop_core.Value`
  draws its circuit) sends an ``image/svg+xml`` picture, anything else sends
  its ``repr`` as ``text/plain``; a picture too big to show (over
  ``SVG_MAX_CHARS`` characters or ``SVG_MAX_ELEMENTS`` elements) falls back to
  the repr, with the note ``"picture_too_large"``;
* an exception prints the traceback of the reader's code to stderr — the frames
  of this runner are left out, and a traceback deeper than ``2 * TB_KEEP``
  frames shows its first and last ``TB_KEEP`` frames;
* ``input()`` says that a page has nobody at the keyboard for it.

>>> shown = []
>>> hook = lambda mime, data, meta: shown.append((mime, data))
>>> run_cell("x = 6\\nx * 7", display_hook=hook), shown
(True, [('text/plain', '42')])
"""

from __future__ import annotations

import ast
import linecache
import sys
import traceback
from collections.abc import Mapping
from types import TracebackType
from typing import Any

from .display import DisplayHook, FigureBudget, display_data
from .tracebacks import format_exception, release

__all__ = ["run_cell"]


def _print_display(mime: str, data: str, meta: Mapping[str, str]) -> None:
    print(data if mime == "text/plain" else f"[{mime}]")


def _no_input(prompt: object = "") -> str:
    """``input()`` on a page: there is nobody at a keyboard to answer it."""
    raise EOFError(
        "input() cannot read anything here: code on this page runs without a keyboard "
        "to answer it. Put the value in the code instead, e.g. x = 3.0"
    )


def _trim(tb: TracebackType | None, filename: str) -> TracebackType | None:
    """Skip the runner's own frames: start at the first frame of the reader's code.

    The frame of ``input()`` (ours) at the end is left out too: the reader's
    line that called it is where the story ends.
    """
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    entry = tb
    while entry is not None and entry.tb_next is not None:
        if entry.tb_next.tb_frame.f_code is _no_input.__code__ and entry.tb_next.tb_next is None:
            entry.tb_next = None
        entry = entry.tb_next
    return tb


def run_cell(
    source: str,
    namespace: dict[str, Any] | None = None,
    filename: str = "<cell>",
    display_hook: DisplayHook | None = None,
) -> bool:
    """Run ``source`` in ``namespace`` like a notebook cell; return False if it raised.

    Args:
        source: the code.
        namespace: globals to run in (a fresh one if None); ``display`` and
            ``input`` functions are added to it.
        filename: the name tracebacks show for this code.
        display_hook: receives ``(mime, data, meta)`` for every displayed
            object (see :data:`DisplayHook`); by default text is printed.
    """
    hook = display_hook or _print_display
    ns: dict[str, Any] = {"__name__": "__main__"} if namespace is None else namespace
    budget = FigureBudget()

    def display(*objs: object, display_id: str | None = None) -> None:
        """Show each object below the code: its picture if it has one, else its repr.

        With ``display_id``, a later display with the same id replaces the picture.
        """
        if display_id is not None and not isinstance(display_id, str):
            raise TypeError(
                f"display(): display_id must be a string, got {type(display_id).__name__}"
            )
        for obj in objs:
            if budget.cut and display_id not in budget.shown:
                continue  # past the cell's picture budget: not even drawn
            sys.stdout.flush()
            mime, data, meta = display_data(obj)
            if mime == "image/svg+xml":
                admitted = budget.admit(data, display_id)
                if admitted == "drop":
                    continue
                if admitted == "cut":
                    hook("text/plain", "", {"note": "too_many_figures"})
                    continue
            if display_id is not None:
                meta["display_id"] = display_id
            hook(mime, data, meta)

    ns["display"] = display
    ns["input"] = _no_input
    # Registering the source lets tracebacks quote the reader's lines.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    try:
        tree = ast.parse(source, filename)
        last: ast.Expression | None = None
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            last = ast.Expression(tree.body[-1].value)
            tree.body.pop()
        exec(compile(tree, filename, "exec"), ns)
        if last is not None:
            value = eval(compile(last, filename, "eval"), ns)
            if value is not None:
                display(value)
    except SyntaxError as exc:
        sys.stdout.flush()
        sys.stderr.write("".join(traceback.format_exception_only(type(exc), exc)))
        return False
    except BaseException as exc:  # the reader's exception, KeyboardInterrupt included
        if isinstance(exc, SystemExit) and exc.code in (None, 0):
            return True
        sys.stdout.flush()
        try:
            sys.stderr.write(format_exception(exc, _trim(exc.__traceback__, filename)))
        finally:
            release(exc)
        return False
    finally:
        sys.stdout.flush()
    return True
