"""Numbers as the checker compares them and as its messages show them.

:func:`close` is the one notion of "equal" every judgement uses; :func:`fmt`
writes a number the way the pages print it.
"""

from __future__ import annotations

__all__ = ["ABSOLUTE", "GRID", "RELATIVE", "close", "fmt"]

# Other points are drawn from these values (quarter steps, no 0): exact in binary,
# readable in messages.
GRID = tuple(k / 4 for k in range(-12, 13) if k)

# The largest relative difference that still counts as equal (float noise of a
# hand-written pass against the engine's is around 1e-15).
RELATIVE = 1e-6
ABSOLUTE = 1e-9


def close(a: float, b: float) -> bool:
    return abs(a - b) <= ABSOLUTE + RELATIVE * max(abs(a), abs(b))


def fmt(x: float, other: float | None = None) -> str:
    """A number for messages, like the pages print them: 4 decimals (2.0596, -0.0358),
    trailing zeros dropped; more digits when needed to tell it from ``other``."""

    def text(value: float, digits: int) -> str:
        if value != 0 and abs(value) < 0.01:
            t = f"{value:.{digits - 1}g}"
        elif abs(value) >= 1e6:
            t = f"{value:.{digits}g}"
        else:
            t = f"{value:.{digits}f}".rstrip("0").rstrip(".")
        return "0" if t in ("-0", "") else t

    for digits in (4, 6, 8, 12, 17):
        shown = text(x, digits)
        if other is None or shown != text(other, digits):
            break
    return shown
