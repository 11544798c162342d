"""How the engine writes numbers and text for a reader: short numbers, and columns that line up.

``format_number`` is the one rounding rule of diagrams and feedback. The
width helpers pad by *display width*, not by character count: a Chinese or
Japanese character takes two columns of a monospace font, so a table padded
with ``str.ljust`` comes out ragged on the zh and ja pages.

>>> format_number(0.7310585786300049)
'0.7311'
>>> display_width("loss"), display_width("损失"), display_width("Verlust")
(4, 4, 7)
>>> for name in ("loss", "损失"):
...     print(ljust(name, 6) + "|")
loss  |
损失  |
"""

from __future__ import annotations

import unicodedata

__all__ = ["center", "display_width", "format_number", "ljust", "rjust"]


def format_number(x: float) -> str:
    """A number as diagrams show it: at most 4 significant digits, and -0 as 0.

    >>> [format_number(v) for v in (-12.0, 0.7310585786300049, -0.0, 3e-7, 123456.0)]
    ['-12', '0.7311', '0', '3e-07', '1.235e+05']
    """
    text = f"{x:.4g}"
    return "0" if text == "-0" else text


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0  # combining marks and invisible format characters take no column
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """How many columns ``text`` takes in a monospace font (wide CJK characters count 2).

    >>> display_width("x = 1"), display_width("学习率"), display_width("ステップ")
    (5, 6, 8)
    """
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


def _fill(text: str, width: int) -> int:
    return max(0, width - display_width(text))


def ljust(text: str, width: int, fill: str = " ") -> str:
    """``text`` padded on the right to ``width`` columns (``str.ljust`` by display width)."""
    return text + fill * _fill(text, width)


def rjust(text: str, width: int, fill: str = " ") -> str:
    """``text`` padded on the left to ``width`` columns (``str.rjust`` by display width).

    >>> rjust("步长", 6) + "|" + rjust("step", 6) + "|"
    '  步长|  step|'
    """
    return fill * _fill(text, width) + text


def center(text: str, width: int, fill: str = " ") -> str:
    """``text`` centred in ``width`` columns (an odd extra column goes on the right)."""
    total = _fill(text, width)
    left = total // 2
    return fill * left + text + fill * (total - left)
