"""Nested lists of numbers (an exercise's inputs and the reader's answers): their
leaves, the index of each leaf, their shape."""

from __future__ import annotations

from typing import TypeAlias

__all__ = ["Nested", "flatten", "paths", "shape_of"]

# A number, or a (nested) list of numbers: how inputs and answers look.
Nested: TypeAlias = "float | list[Nested]"


def flatten(value: object) -> list[object]:
    """The leaves of a nested list, in reading order."""
    if isinstance(value, (list, tuple)):
        return [leaf for item in value for leaf in flatten(item)]
    return [value]


def paths(value: object, prefix: str = "") -> list[str]:
    """The index suffixes of a nested list's leaves: ``["[0]", "[1]"]``, ``[""]`` for a number."""
    if isinstance(value, (list, tuple)):
        return [p for i, item in enumerate(value) for p in paths(item, f"{prefix}[{i}]")]
    return [prefix]


def shape_of(value: object) -> tuple[int, ...]:
    """(rows, columns) of a rectangular nested list, (n,) of a list, () of a number."""
    if not isinstance(value, (list, tuple)):
        return ()
    inner = {shape_of(item) for item in value}
    if len(inner) > 1:
        return (len(value), -1)  # ragged
    return (len(value), *(inner.pop() if inner else ()))
