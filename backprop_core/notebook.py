"""Run a block of code the way a notebook cell runs: the site's one set of rules.

The build (CPython) and the browser (Pyodide) both call :func:`run_cell`, so a
block prints the same thing in both:

* statements run top to bottom; ``print`` goes to stdout;
* if the last statement is an expression whose value is not None, that value
  is displayed, as in Jupyter;
* ``display(obj)`` displays an object anywhere in the code;
* displaying an object with ``_repr_svg_`` (a :class:`~backprop_core.Value`
  draws its circuit) sends an ``image/svg+xml`` picture, anything else sends
  its ``repr`` as ``text/plain``;
* an exception prints the traceback of the reader's code to stderr — the frames
  of this runner are left out.

>>> shown = []
>>> ok = run_cell("x = 6\\nx * 7", display_hook=lambda mime, data: shown.append((mime, data)))
>>> ok, shown
(True, [('text/plain', '42')])
"""

from __future__ import annotations

import ast
import linecache
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

__all__ = ["DisplayHook", "display_data", "run_cell"]

DisplayHook = Callable[[str, str], None]


def display_data(obj: object) -> tuple[str, str]:
    """The (mime type, data) pair that displays ``obj``: SVG if it can draw itself, else repr."""
    to_svg = getattr(obj, "_repr_svg_", None)
    if callable(to_svg):
        svg = to_svg()
        if isinstance(svg, str):
            return "image/svg+xml", svg
    return "text/plain", repr(obj)


def _print_display(mime: str, data: str) -> None:
    print(data if mime == "text/plain" else f"[{mime}]")


def _trim(tb: TracebackType | None, filename: str) -> TracebackType | None:
    """Skip the runner's own frames: start at the first frame of the reader's code."""
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
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
        namespace: globals to run in (a fresh one if None); a ``display``
            function is added to it.
        filename: the name tracebacks show for this code.
        display_hook: receives ``(mime, data)`` for every displayed object;
            by default text is printed.
    """
    hook = display_hook or _print_display
    ns: dict[str, Any] = {"__name__": "__main__"} if namespace is None else namespace

    def display(*objs: object) -> None:
        """Show each object below the code: its picture if it has one, else its repr."""
        for obj in objs:
            sys.stdout.flush()
            hook(*display_data(obj))

    ns["display"] = display
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
        tb = _trim(exc.__traceback__, filename)
        sys.stderr.write("".join(traceback.format_exception(type(exc), exc, tb)))
        return False
    finally:
        sys.stdout.flush()
    return True
