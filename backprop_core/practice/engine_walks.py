"""Walking the reader's graph, right and in the typical wrong ways.

When the reader's ``backward()`` gives wrong gradients, the engine exercise
replays the typical mistakes on the reader's own graph (:func:`predictions`):
``=`` instead of ``+=``, the order walked forwards, a walk without a
topological order, a node visited twice, the input's own ``.grad`` or no
local or no upstream gradient in the rule. The judge compares the reader's
numbers with these predictions (they are plain numbers: the replays run
where the reader's code runs).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .engine_cases import inputs_of, topological

__all__ = ["MISTAKES", "WALK_LIMIT", "predictions", "reader_order", "replay", "shares"]

WALK_LIMIT = 20_000  # nodes a path-counting walk may visit before it is given up


def preorder(root: Any, once: bool) -> list[Any] | None:
    """The walk from the output into the inputs: every time a node is reached, or
    only the first time (``once``). None if it grows too long to replay."""
    walk: list[Any] = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if once and id(node) in seen:
            continue
        seen.add(id(node))
        walk.append(node)
        if len(walk) > WALK_LIMIT:
            return None
        stack.extend(reversed(inputs_of(node)))
    return walk


RULES = ("add", "assign", "own", "no-local", "no-upstream")


def replay(root: Any, walk: Iterable[Any], rule: str = "add") -> dict[int, float]:
    """The gradients a backward pass visiting ``walk`` leaves, each input getting:
    ``add``: ``+= local * node.grad`` (right); ``assign``: ``= local * node.grad``;
    ``own``: ``+= local * inp.grad``; ``no-local``: ``+= node.grad``; ``no-upstream``:
    ``+= local``."""
    grads: dict[int, float] = {id(root): 1.0}
    for node in walk:
        g = grads.get(id(node), 0.0)
        for inp, local in zip(inputs_of(node), getattr(node, "local_grads", ())):
            old = grads.get(id(inp), 0.0)
            if rule == "assign":
                grads[id(inp)] = local * g
            elif rule == "own":
                grads[id(inp)] = old + local * old
            elif rule == "no-local":
                grads[id(inp)] = old + g
            elif rule == "no-upstream":
                grads[id(inp)] = old + local
            else:
                grads[id(inp)] = old + local * g
    return grads


def reader_order(V: Any) -> Callable[[Any], Any] | None:
    """The reader's ``topological_order`` function, if their module has one."""
    backward = getattr(V, "backward", None)
    namespace = getattr(backward, "__globals__", {})
    found = namespace.get("topological_order")
    return found if callable(found) else None


def their_order(out: Any, order: Callable[[Any], Any] | None) -> list[Any] | None:
    if order is None:
        return None
    try:
        found = order(out)
    except Exception:
        return None
    return list(found) if isinstance(found, (list, tuple)) else None


def _right_walks(out: Any, order: Callable[[Any], Any] | None) -> Iterator[list[Any]]:
    """Right orders, walked backwards (replayed with a wrong rule, they show the rule)."""
    for flip in (False, True):
        yield list(reversed(topological(out, flip)))
    theirs = their_order(out, order)
    if theirs is not None:
        yield list(reversed(theirs))


def _wrong_walks(out: Any, order: Callable[[Any], Any] | None) -> Iterator[list[Any]]:
    """Walks in which a node passes its gradient on before it is complete, or twice."""
    for flip in (False, True):
        yield topological(out, flip)  # forwards instead of reversed
    theirs = their_order(out, order)
    if theirs is not None:
        yield theirs
        yield list(reversed(theirs))  # what the reader's backward() walks
    for once in (False, True):
        walk = preorder(out, once)
        if walk is not None:
            yield walk


# mistake key -> (walks, rule): the replays that would give the reader's numbers
MISTAKES = {
    "fork-overwrite": (_right_walks, "assign"),
    "wrong-order": (_wrong_walks, "add"),
    "own-grad": (_right_walks, "own"),
    "no-local": (_right_walks, "no-local"),
    "no-upstream": (_right_walks, "no-upstream"),
}


def predictions(
    out: Any, named: dict[str, Any], order: Callable[[Any], Any] | None
) -> dict[str, list[dict[str, float | None]]]:
    """For each typical mistake, the gradients of the named nodes it would give, replayed
    on the reader's own graph (several walks per mistake)."""
    found: dict[str, list[dict[str, float | None]]] = {}
    for key, (walks, rule) in MISTAKES.items():
        found[key] = []
        for walk in walks(out, order):
            try:
                grads = replay(out, walk, rule)
            except Exception:
                continue
            found[key].append({n: _finite(grads.get(id(v), 0.0)) for n, v in named.items()})
    return found


def shares(out: Any, named: dict[str, Any]) -> dict[str, list[float | None]]:
    """What each use of a named node sends back to it (for nodes used more than once)."""
    order = topological(out)
    truth = replay(out, reversed(order))
    uses: dict[int, list[float]] = {}
    for node in order:
        for inp, local in zip(inputs_of(node), getattr(node, "local_grads", ())):
            uses.setdefault(id(inp), []).append(float(local * truth.get(id(node), 0.0)))
    return {
        n: [_finite(s) for s in uses[id(v)]]
        for n, v in named.items()
        if len(uses.get(id(v), [])) > 1
    }


def _finite(x: object) -> float | None:
    """A replayed number as plain JSON data: None where it is no finite float."""
    try:
        value = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    return value if math.isfinite(value) else None
