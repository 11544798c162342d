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
from collections import deque
from collections.abc import Callable, Mapping
from functools import partial
from itertools import accumulate, repeat, takewhile
from operator import is_not
from types import TracebackType
from typing import Any

__all__ = [
    "SVG_MAX_CHARS",
    "SVG_MAX_ELEMENTS",
    "TB_KEEP",
    "DisplayHook",
    "display_data",
    "format_exception",
    "run_cell",
]

#: receives ``(mime, data, meta)`` for every displayed object; ``meta`` may hold
#: ``"display_id"`` (replace the picture shown under that id) and ``"note"``
#: (``"picture_too_large"``: a picture fell back to its repr).
DisplayHook = Callable[[str, str, Mapping[str, str]], None]

SVG_MAX_CHARS = 2_000_000  # a bigger picture is shown as its repr
SVG_MAX_ELEMENTS = 10_000  # the same with more elements (a 1,000-node circuit has ~6,300)
TB_KEEP = 20  # frames kept at each end of a very deep traceback


def display_data(obj: object) -> tuple[str, str, dict[str, str]]:
    """The (mime type, data, meta) that display ``obj``: SVG if it can draw itself, else repr.

    >>> display_data(42)
    ('text/plain', '42', {})
    >>> class Huge:
    ...     def _repr_svg_(self): return "<svg>" + "<g/>" * SVG_MAX_ELEMENTS + "</svg>"
    ...     def __repr__(self): return "Huge()"
    >>> display_data(Huge())
    ('text/plain', 'Huge()', {'note': 'picture_too_large'})
    """
    to_svg = getattr(obj, "_repr_svg_", None)
    if callable(to_svg):
        svg = to_svg()
        if isinstance(svg, str):
            if len(svg) <= SVG_MAX_CHARS and _elements(svg) <= SVG_MAX_ELEMENTS:
                return "image/svg+xml", svg, {}
            return "text/plain", repr(obj), {"note": "picture_too_large"}
    return "text/plain", repr(obj), {}


def _elements(svg: str) -> int:
    """How many elements an SVG string has (start tags; counted, not parsed)."""
    return svg.count("<") - svg.count("</") - svg.count("<!") - svg.count("<?")


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


def _walk(tb: TracebackType | None) -> list[TracebackType]:
    """Every entry of a traceback, outermost first.

    The loop runs in C (itertools), so a million-frame traceback takes a
    fraction of a second even in the browser, where a Python loop takes seconds.
    """
    if tb is None:
        return []
    entries = accumulate(repeat("tb_next"), getattr, initial=tb)
    return list(takewhile(partial(is_not, None), entries))


def _release(exc: BaseException) -> None:
    """Drop a (possibly very deep) traceback without freeing it recursively.

    Freeing a chain of a million traceback entries recurses once per entry in
    C, which overflows the browser's stack and kills the runtime. Cut the links
    first; the list then frees the entries one by one, innermost first.
    """
    for link in _chain(exc):
        entries = _walk(link.__traceback__)
        deque(map(setattr, entries, repeat("tb_next"), repeat(None)), maxlen=0)
        link.__traceback__ = None
        del entries


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and those it was raised from or while handling, each once."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop()
        if e is None or any(e is s for s in seen):
            continue
        seen.append(e)
        todo += [e.__cause__, e.__context__]
    return seen


def _format_alone(exc: BaseException, tb: TracebackType | None) -> str:
    """Python's own formatting of one exception, without the ones chained to it.

    (TracebackException walks the chained exceptions' tracebacks even when
    told not to print them, so they are unhooked while it runs.)
    """
    cause, context, suppress = exc.__cause__, exc.__context__, exc.__suppress_context__
    exc.__cause__ = exc.__context__ = None
    try:
        return "".join(traceback.TracebackException(type(exc), exc, tb).format())
    finally:
        exc.__cause__, exc.__context__, exc.__suppress_context__ = cause, context, suppress


_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"


def format_exception(
    exc: BaseException, tb: TracebackType | None, _seen: tuple[int, ...] = ()
) -> str:
    """The traceback of ``exc`` from ``tb`` on, as Python prints it, head and tail only if deep.

    A traceback of at most ``2 * TB_KEEP`` entries reads exactly as Python's
    own. A deeper one (a runaway recursion with a raised recursion limit has a
    million) shows its first and last ``TB_KEEP`` frames and how many were left
    out between them, in well under a second. Chained exceptions (``raise …
    from``, or raised while handling another) come first, each formatted so.

    >>> def f(n): return f(n + 1)
    >>> try:
    ...     f(0)
    ... except RecursionError as e:
    ...     text = format_exception(e, e.__traceback__)
    >>> "frames left out" in text, text.rstrip().splitlines()[-1]
    (True, 'RecursionError: maximum recursion depth exceeded')
    """
    seen = (*_seen, id(exc))
    chained = ""
    cause, context = exc.__cause__, exc.__context__
    if cause is not None and id(cause) not in seen:
        chained = format_exception(cause, cause.__traceback__, seen) + _CAUSE
    elif context is not None and not exc.__suppress_context__ and id(context) not in seen:
        chained = format_exception(context, context.__traceback__, seen) + _CONTEXT
    entries = _walk(tb)
    if len(entries) <= 2 * TB_KEEP:
        return chained + _format_alone(exc, tb)
    head, tail = entries[:TB_KEEP], entries[-TB_KEEP:]
    left_out = len(entries) - 2 * TB_KEEP
    del entries

    def frames(part: list[TracebackType]) -> list[str]:
        summary = traceback.StackSummary.extract((t.tb_frame, t.tb_lineno) for t in part)
        return list(summary.format())

    return "".join(
        [
            chained,
            "Traceback (most recent call last):\n",
            *frames(head),
            f"  [… {left_out:,} frames left out …]\n",
            *frames(tail),
            *traceback.format_exception_only(type(exc), exc),
        ]
    )


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

    def display(*objs: object, display_id: str | None = None) -> None:
        """Show each object below the code: its picture if it has one, else its repr.

        With ``display_id``, a later display with the same id replaces the picture.
        """
        if display_id is not None and not isinstance(display_id, str):
            raise TypeError(
                f"display(): display_id must be a string, got {type(display_id).__name__}"
            )
        for obj in objs:
            sys.stdout.flush()
            mime, data, meta = display_data(obj)
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
            _release(exc)
        return False
    finally:
        sys.stdout.flush()
    return True
