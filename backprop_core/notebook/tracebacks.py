"""Tracebacks of the reader's code as Python prints them, even a million frames deep.

A deep traceback shows its first and last ``TB_KEEP`` frames, and is freed
without the deep recursion that would overflow the browser's stack.
"""

from __future__ import annotations

import traceback
from collections import deque
from functools import partial
from itertools import accumulate, repeat, takewhile
from operator import is_not
from types import TracebackType

__all__ = ["TB_KEEP", "format_exception", "release"]

TB_KEEP = 20  # frames kept at each end of a very deep traceback


def _walk(tb: TracebackType | None) -> list[TracebackType]:
    """Every entry of a traceback, outermost first.

    The loop runs in C (itertools), so a million-frame traceback takes a
    fraction of a second even in the browser, where a Python loop takes seconds.
    """
    if tb is None:
        return []
    entries = accumulate(repeat("tb_next"), getattr, initial=tb)
    return list(takewhile(partial(is_not, None), entries))


def release(exc: BaseException) -> None:
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
