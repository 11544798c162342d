"""The reader's side of the capstone exercise: run the reader's MLP and training step.

The reader's code is run once with its own training loop switched off (its
top-level ``steps = <int>`` set to 0). Then :func:`collect_capstone` builds
``MLP(2, [8, 8, 1], rng)``, reads its structure (``layers`` → ``neurons`` →
``w`` and ``b``) and what ``parameters()`` lists, gives the network the plan's
weights and asks it for its score at a few points, then trains it with the
reader's ``train_step`` on the plan's mini-batches, reading every gradient and
every parameter's move after each step, and finally its scores at the data
points. Everything comes back as plain numbers: the judge never touches the
reader's objects.
"""

from __future__ import annotations

import ast
import contextlib
import io
import random
from itertools import pairwise
from typing import Any

from .plain import number, plain
from .reading import ReaderError, prepare
from .running import error_fields, run_program

__all__ = ["collect_capstone", "without_training"]


class _Stop(Exception):
    """What the reader's code did cannot be checked further: ``error`` says why."""

    def __init__(self, key: str, **fields: str) -> None:
        super().__init__(key)
        self.error = {"key": key, "fields": fields}


def without_training(source: str) -> str:
    """The reader's code with its top-level ``steps = <int>`` set to 0 (same lines)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return source  # prepare() says what is wrong
    top = [s for stmt in tree.body for s in (stmt.body if isinstance(stmt, ast.If) else [stmt])]
    for stmt in top:  # the module's statements and those of its `if __name__ == ...:`
        value = stmt.value if isinstance(stmt, ast.Assign) else None
        targets = [getattr(t, "id", None) for t in getattr(stmt, "targets", [])]
        if targets == ["steps"] and isinstance(value, ast.Constant) and type(value.value) is int:
            lines = source.splitlines(keepends=True)
            row = value.lineno - 1
            if value.end_lineno == value.lineno and value.end_col_offset is not None:
                text = lines[row]  # col offsets are in UTF-8 bytes
                raw = text.encode()
                raw = raw[: value.col_offset] + b"0" + raw[value.end_col_offset :]
                lines[row] = raw.decode()
                return "".join(lines)
    return source


def _call(function: Any, *args: Any) -> Any:
    try:
        return function(*args)
    except RecursionError as exc:
        raise _Stop("raises", **error_fields(exc)) from None
    except Exception as exc:
        raise _Stop("raises", **error_fields(exc)) from None


def _listed(obj: Any, name: str, where: str) -> list[Any]:
    try:
        value = getattr(obj, name)
    except Exception:
        value = None
    if type(value) not in (list, tuple):
        raise _Stop("capstone-structure-name", where=where, name=name)
    return list(value)


def _structure(model: Any, sizes: list[int]) -> list[Any]:
    """The model's parameters in structure order (layer, neuron, w..., b)."""
    call = f"MLP({sizes[0]}, {sizes[1:]}, rng)"
    layers = _listed(model, "layers", call)
    if len(layers) != len(sizes) - 1:
        raise _Stop("capstone-structure", where="model.layers", got=str(len(layers)),
                    want=str(len(sizes) - 1))  # fmt: skip
    params: list[Any] = []
    for k, (n_in, n_out) in enumerate(pairwise(sizes)):
        neurons = _listed(layers[k], "neurons", f"model.layers[{k}]")
        if len(neurons) != n_out:
            raise _Stop("capstone-structure", where=f"model.layers[{k}].neurons",
                        got=str(len(neurons)), want=str(n_out))  # fmt: skip
        for j, neuron in enumerate(neurons):
            where = f"model.layers[{k}].neurons[{j}]"
            w = _listed(neuron, "w", where)
            if len(w) != n_in:
                raise _Stop("capstone-structure", where=f"{where}.w", got=str(len(w)),
                            want=str(n_in))  # fmt: skip
            b = getattr(neuron, "b", None)
            for v in (*w, b):
                if not hasattr(v, "data") or not hasattr(v, "grad"):
                    raise _Stop("capstone-not-a-value", where=where)
            params.extend((*w, b))
    return params


def _listing(model: Any, params: list[Any]) -> dict[str, Any]:
    listed = _call(lambda: list(model.parameters()))
    ids = [id(p) for p in listed]
    return {
        "count": len(listed),
        "missing": [i for i, p in enumerate(params) if id(p) not in ids],
        "twice": [i for i, p in enumerate(params) if ids.count(id(p)) > 1],
    }


def _set(params: list[Any], flat: list[float]) -> None:
    for p, v in zip(params, flat):
        p.data, p.grad = float(v), 0.0


def _score(model: Any, point: list[float]) -> Any:
    out = _call(model, [float(point[0]), float(point[1])])
    return plain(getattr(out, "data", out))


def _train(
    model: Any, params: list[Any], train_step: Any, plan: dict[str, Any], steps: list[Any]
) -> None:
    """Train on the plan's mini-batches; each step's gradients and moves go into ``steps``."""
    points, labels = plan["points"], plan["labels"]
    for chosen in plan["batches"]:
        before = [p.data for p in params]
        batch = [[float(points[i][0]), float(points[i][1])] for i in chosen]
        _call(train_step, model, batch, [labels[i] for i in chosen], float(plan["rate"]))
        grads = [plain(p.grad) for p in params]
        after = [plain(p.data) for p in params]
        moves = [
            (a - b) if (a := number(x)) is not None and number(b) is not None else x
            for x, b in zip(after, before)
        ]
        steps.append({"grads": grads, "moves": moves})
        if not all(number(g) is not None for g in grads + moves):
            break  # not a number: the judge says so at this step


def collect_capstone(source: str, plan: dict[str, Any]) -> dict[str, Any]:
    """Run the reader's code, network and training step: plain data for the judge."""
    try:
        program = prepare(without_training(source), {})
    except ReaderError as exc:
        return {"error": {"key": exc.key, "fields": dict(exc.fields)}}
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        run = run_program(program, {})
        if run.error is not None:
            return {
                "error": {"key": "raises", "fields": {"error": run.error, "line": str(run.line)}}
            }
        names = run.namespace
        for name in ("MLP", "train_step"):
            if not callable(names.get(name)):
                return {"error": {"key": "capstone-missing", "fields": {"var": name}}}
        sizes = [int(n) for n in plan["sizes"]]
        collected: dict[str, Any] = {}
        try:
            model = _call(names["MLP"], sizes[0], sizes[1:], random.Random(0))
            params = _structure(model, sizes)
            collected["listing"] = _listing(model, params)
            _set(params, plan["probe_weights"])
            collected["probes"] = [_score(model, p) for p in plan["probes"]]
            _set(params, plan["start"])
            collected["steps"] = []
            _train(model, params, names["train_step"], plan, collected["steps"])
            collected["scores"] = [_score(model, p) for p in plan["points"]]
        except _Stop as stop:
            collected["error"] = stop.error
    return collected
