"""Freeing a deep graph in Pyodide without overflowing the browser's stack.

When the last reference to a graph goes, freeing its output frees the output's
inputs, which free theirs: CPython does that recursively in C. Native CPython
frees deep chains without deep recursion, but Pyodide's CPython cannot see how
much of the browser's stack is left, and dies ("Maximum call stack size
exceeded", a fatal error) when a chain of about 2,500 nodes is freed.

So, in Pyodide only, :func:`free_deep_graphs_in_pyodide` gives the Value class
a depth counter, and every ``SEGMENT``-th node of a chain becomes a
*checkpoint*: a node whose ``__del__`` hands its inputs to a list that the
outermost ``__del__`` empties in a loop. Freeing any node then recurses at
most ``SEGMENT`` levels. Only one node in ``SEGMENT`` pays for a finalizer.
Elsewhere the class is returned unchanged and costs nothing.
"""

from __future__ import annotations

import sys
from typing import Any, TypeVar

__all__ = ["SEGMENT", "free_deep_graphs_in_pyodide", "with_checkpoints"]

SEGMENT = 256  # gates between two checkpoints of a chain

C = TypeVar("C", bound=type)


def free_deep_graphs_in_pyodide(cls: C) -> C:
    """Class decorator: ``cls`` with checkpoints in Pyodide, ``cls`` itself elsewhere."""
    return with_checkpoints(cls) if sys.platform == "emscripten" else cls


def with_checkpoints(cls: C) -> C:
    """A copy of the node class ``cls`` whose long chains are freed in segments.

    The copy has one more slot, ``_depth`` (the distance from the last
    checkpoint), and an ``__init__`` that sets it. A slot can only be added by
    making the class anew, as ``dataclass(slots=True)`` does.
    """
    slots = tuple(cls.__dict__["__slots__"])
    namespace = {k: v for k, v in cls.__dict__.items() if k not in (*slots, "__dict__")}
    namespace["__slots__"] = (*slots, "_depth")
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    checkpoint = type("_Checkpoint", (made,), {"__slots__": (), "__del__": _release})
    init = cls.__dict__["__init__"]

    def __init__(self: Any, data: Any, label: Any = None, _prev: Any = (), _op: Any = None) -> None:
        init(self, data, label, _prev, _op)
        depth = 0
        for p in _prev:
            d = p._depth
            if d >= depth:
                depth = d + 1
        if depth >= SEGMENT:
            self.__class__ = checkpoint
            depth = 0
        self._depth = depth

    __init__.__doc__ = init.__doc__
    made.__init__ = __init__  # type: ignore[misc]
    return made


# Inputs of freed checkpoints waiting to be released, and whether a release loop runs.
_ORPHANS: list[tuple[Any, ...]] = []
_RELEASING = [False]


def _release(
    node: Any, _orphans: list[tuple[Any, ...]] = _ORPHANS, _releasing: list[bool] = _RELEASING
) -> None:
    """A checkpoint's ``__del__``: hand its inputs to the list, and empty it once, in a loop.

    (The defaults keep the list alive while the interpreter shuts down.)
    """
    try:
        if not node._prev:
            return
    except AttributeError:  # __init__ raised before it was set
        return
    _orphans.append(node._prev)
    node._prev = ()
    if _releasing[0]:
        return
    _releasing[0] = True
    try:
        while _orphans:
            _orphans.pop()  # may free nodes, whose __del__ only appends
    finally:
        _releasing[0] = False
