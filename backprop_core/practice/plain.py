"""The reader's values as plain JSON data, read without trusting them.

Whatever the reader's program leaves in a variable is turned into numbers,
lists and small markers before anything judges it: a finite number is a float;
``inf``, ``-inf`` and ``nan`` are strings (JSON has no such numbers); an
integer too large for a float is ``"huge"``; a ``Value`` is ``{"type":
"Value", "data": …}``; anything else ``{"type": <its type's name>}``. Reading
never calls the reader's own methods except ``.data`` and ``.grad``, and never
raises: a float subclass whose ``__float__`` raises is read with float's own
conversion, an attribute that raises is a marker.
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["LIMIT", "Plain", "is_number", "number", "plain", "text_of"]

Plain = Any  # float | str | dict[str, Any] | list[Plain]
LIMIT = 2000  # leaves read from one variable at most (the rest is cut off)
NON_FINITE = ("inf", "-inf", "nan", "huge")


def _float(value: object) -> float | str | None:
    """A number as a float (or a non-finite marker); None if it is no number."""
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, float):
            x = float.__float__(value)  # not the subclass's own __float__
        elif isinstance(value, int):
            try:
                x = int.__float__(value)
            except OverflowError:
                return "huge"
        else:
            return None
    except Exception:
        return None
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def _attribute(value: object, name: str) -> object:
    try:
        return object.__getattribute__(value, name)
    except Exception:
        try:
            return getattr(value, name)
        except Exception:
            return None


def plain(value: object, budget: list[int] | None = None, depth: int = 0) -> Plain:
    """``value`` as plain data (see the module's docstring)."""
    budget = budget if budget is not None else [LIMIT]
    budget[0] -= 1
    if budget[0] < 0 or depth > 4:
        return {"type": "cut"}
    x = _float(value)
    if x is not None:
        return x
    if type(value) in (list, tuple):
        return [plain(item, budget, depth + 1) for item in value]  # type: ignore[attr-defined]
    name = type(value).__name__
    data = _float(_attribute(value, "data")) if name == "Value" else None
    if data is not None:
        return {"type": "Value", "data": data}
    return {"type": name}


def number(leaf: Plain) -> float | None:
    """The float of a plain leaf that is a finite number, else None."""
    if isinstance(leaf, float) or (isinstance(leaf, int) and not isinstance(leaf, bool)):
        return float(leaf) if math.isfinite(leaf) else None
    return None


def is_number(leaf: Plain) -> bool:
    return number(leaf) is not None


def text_of(leaf: Plain) -> str:
    """How a non-number leaf is named in messages: ``inf``, ``nan``, the type name."""
    if isinstance(leaf, str):
        return leaf
    if isinstance(leaf, dict):
        return str(leaf.get("type", "?"))
    return type(leaf).__name__
