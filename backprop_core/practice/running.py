"""Run the reader's program at one point, one top-level statement at a time, silenced.

:func:`run_program` executes a :class:`~backprop_core.practice.reading.Program`
(the reader's code, compiled with its inputs coming from the checker) in a
fresh namespace; what it prints goes nowhere. After every statement it calls
``probe(namespace, line)``, so the exercise can read the reader's variables as they
were at that moment (the forward values the backward pass used, before a
later line changed them). An exception the reader's code raises is the
reader's mistake and comes back as text with its line
(``ZeroDivisionError: float division by zero``, line 7); ``KeyboardInterrupt``
(Stop, the time limit) is not caught here.
"""

from __future__ import annotations

import builtins
import contextlib
import copy
import io
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .circuit import flatten
from .reading import FILENAME, INPUTS, VALUES, Program

__all__ = ["Run", "error_fields", "error_line", "error_text", "run_program"]

Probe = Callable[[dict[str, Any], int], None]  # (namespace, line of the statement run)


@dataclass
class Run:
    """The namespace after one run, or the exception that ended it."""

    namespace: dict[str, Any]
    error: str | None = None  # "ZeroDivisionError: float division by zero"
    line: int = 0


def run_program(program: Program, point: Mapping[str, object], probe: Probe | None = None) -> Run:
    """Run at ``point`` (input name -> number or nested list) in a fresh namespace."""
    values = [float(v) for name in program.inputs for v in flatten(point[name])]  # type: ignore[arg-type]
    namespace: dict[str, Any] = {
        "__name__": "__main__",
        "__builtins__": builtins,
        "display": lambda *objs: None,
        VALUES: values,
        INPUTS: copy.deepcopy(dict(point)),
    }
    sink = io.StringIO()
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            for statement in program.statements:
                exec(statement.code, namespace)
                if probe is not None:
                    probe(namespace, statement.line)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            return Run(namespace, f"SystemExit: {exc.code}", error_line(exc))
    except Exception as exc:  # the reader's mistake, reported as such (not KeyboardInterrupt)
        return Run(namespace, error_text(exc), error_line(exc))
    return Run(namespace)


def error_text(exc: BaseException) -> str:
    """``ZeroDivisionError: float division by zero`` (never raises, never very long)."""
    try:
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    except Exception:  # an exception whose __str__ raises
        text = type(exc).__name__
    return text if len(text) <= 300 else text[:299] + "…"


def error_line(exc: BaseException) -> int:
    """The line of the reader's code where ``exc`` was raised last (0 if none)."""
    line = 0
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == FILENAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def error_fields(exc: BaseException) -> dict[str, str]:
    """The fields of the ``raises`` message for an exception of the reader's code."""
    return {"error": error_text(exc), "line": str(error_line(exc))}
