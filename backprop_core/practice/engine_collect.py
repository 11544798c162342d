"""The reader's side of the engine exercise: run the reader's ``Value`` on every case.

For each case (:mod:`.engine_cases`) the reader's class builds the expression,
its ``backward()`` runs, and the gradients of the named nodes are read as
plain data. For the shallow cases, the typical mistakes are replayed on the
reader's own graph (:func:`~.engine_walks.predictions`), so the judge can name
the one that gives the reader's numbers without ever touching the reader's
objects. What the reader's ``backward()`` prints goes nowhere.
"""

from __future__ import annotations

import ast
import contextlib
import io
from collections.abc import Sequence
from typing import Any

from .engine_cases import Case, inputs_of, topological
from .engine_walks import predictions, reader_order, replay, shares, their_order
from .plain import number, plain
from .reading import Program, ReaderError, prepare
from .running import error_fields, run_program

__all__ = ["collect_engine"]


def _reader_class(program: Program, inputs: dict[str, float]) -> Any:
    run = run_program(program, inputs)
    if run.error is not None:
        return {"key": "raises", "fields": {"error": run.error, "line": str(run.line)}}
    V = run.namespace.get("Value")
    if not isinstance(V, type):
        return {"key": "missing-variable", "fields": {"var": "Value"}}
    if not callable(getattr(V, "backward", None)):
        return {"key": "missing-variable", "fields": {"var": "Value.backward"}}
    return V


def _examples(program: Program, inputs: Sequence[str], points: Sequence[dict[str, float]]) -> Any:
    """The gradients the reader's own examples print, at every point (for typed-in numbers)."""
    found = []
    for point in points:
        run = run_program(program, point)
        if run.error is not None:
            return None  # the engine's cases will say what raises
        found.append({n: plain(getattr(run.namespace.get(n), "grad", None)) for n in inputs})
    return found


def _multiplies_grad(source: str) -> bool:
    """Does the reader's ``backward`` multiply into an input's ``.grad`` (``*=``)?"""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return any(
        isinstance(inner, ast.AugAssign)
        and isinstance(inner.op, ast.Mult)
        and _is_input_grad(inner.target)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == "backward"
        for inner in ast.walk(node)
    )


def _writes_grad(source: str) -> bool:
    """Does the reader's ``backward`` assign to an input's ``.grad`` (is it written)?"""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "backward":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Assign) and any(map(_is_input_grad, inner.targets)):
                    return True
                if isinstance(inner, ast.AugAssign) and _is_input_grad(inner.target):
                    return True
    return False


def _is_input_grad(target: ast.expr) -> bool:
    """``inp.grad`` (or any ``x.grad`` but ``self.grad``: the seed is no rule)."""
    return (
        isinstance(target, ast.Attribute)
        and target.attr == "grad"
        and not (isinstance(target.value, ast.Name) and target.value.id == "self")
    )


def _cut(root: Any) -> None:
    """Take the reader's deep chain apart node by node. Freeing it whole frees each
    node's inputs from inside the node's own deallocation, a C recursion as deep as
    the chain, which Pyodide's stack does not survive (see backprop_core.deep_graphs;
    the reader's Value has no such guard)."""
    for node in topological(root):
        try:
            node.inputs = ()
        except Exception:
            with contextlib.suppress(Exception):
                vars(node).clear()


def _run_case(V: Any, case: Case, seed: bool = False) -> dict[str, Any]:
    try:
        out, named = case.build(V)
    except Exception as exc:  # the reader changed the forward operations
        return {"error": {"text": error_fields(exc)["error"], "line": error_fields(exc)["line"]}}
    try:
        if seed:
            out.grad = 1.0
        out.backward()
    except RecursionError as exc:
        if case.deep:
            return {"recursion": True}
        return {"error": {"text": error_fields(exc)["error"], "line": error_fields(exc)["line"]}}
    except Exception as exc:
        return {"error": {"text": error_fields(exc)["error"], "line": error_fields(exc)["line"]}}
    finally:
        if case.deep and "out" in locals():
            _cut(out)
    found: dict[str, Any] = {
        "got": {n: plain(getattr(v, "grad", None)) for n, v in named.items()},
        "out": plain(getattr(out, "grad", None)),  # the seed, as backward() left it
    }
    if not case.deep and not seed:
        order = reader_order(V)
        found["mistakes"] = predictions(out, named, order)
        theirs = their_order(out, order)
        found["order"] = [len(theirs) if theirs is not None else -1, len(topological(out))]
        with contextlib.suppress(Exception):
            found["shares"] = shares(out, named)
        if all(number(g) == 0.0 for g in found["got"].values()):
            found["seeded"] = _run_case(V, case, seed=True).get("got")
        found["consistent"] = _consistent(out, named, found["got"])
    return found


def _consistent(out: Any, named: dict[str, Any], got: dict[str, Any]) -> bool:
    """The reader's gradients agree with a right backward pass over the reader's own graph
    (only a hint that the deep chain is worth running: with no usable ``local_grads`` on
    the nodes, the answer is yes)."""
    nodes = topological(out)
    if any(len(tuple(getattr(n, "local_grads", ()) or ())) != len(inputs_of(n)) for n in nodes):
        return True
    right = replay(out, reversed(nodes))
    for name, leaf in got.items():
        x = number(leaf)
        if x is None or abs(x - right.get(id(named[name]), 0.0)) > 1e-6 * max(1.0, abs(x)):
            return False
    return True


def collect_engine(
    source: str,
    inputs: dict[str, float],
    points: Sequence[dict[str, float]],
    cases: Sequence[Case],
) -> dict[str, Any]:
    """Run the reader's code and its Value on every case: plain data for the judge."""
    try:
        program = prepare(source, inputs)
        with_examples = True
    except ReaderError as exc:
        if exc.key != "missing-input":
            return {"error": {"key": exc.key, "fields": dict(exc.fields)}}
        program, with_examples = prepare(source, {}), False  # the examples were removed
    V = _reader_class(program, inputs)
    if isinstance(V, dict):
        return {"error": V}
    collected: dict[str, Any] = {
        "writes_grad": _writes_grad(source),
        "multiplies_grad": _multiplies_grad(source),
    }
    if with_examples:
        collected["examples"] = _examples(program, list(inputs), points)
    sink = io.StringIO()  # what the reader's backward() prints goes nowhere
    runs: list[dict[str, Any]] = []
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        for case in cases:
            if case.deep and not all(r.get("consistent") for r in runs):
                break  # a shallow case is already wrong: the judge needs no deep chain
            run = _run_case(V, case)
            runs.append(run)
            if "error" in run or "recursion" in run:
                break
    collected["cases"] = runs
    return collected
