"""An engine exercise: the reader writes ``backward()`` of a small ``Value`` class.

The reader's code defines ``Value`` (the forward operations with their local
gradients, given) and its ``backward()`` (to write). :class:`EngineExercise`
takes the reader's class and backpropagates through a set of expressions with
it — the page's examples, reused inner nodes, random expressions and a chain
:data:`DEPTH` gates deep — comparing every gradient with ``backprop_core``'s.
When one is wrong it replays the typical mistakes on the reader's own graph
(``=`` instead of ``+=``, the order walked forwards, a walk without a
topological order, no seed) and names the one that gives the reader's numbers::

    def examples(x, y, z, a):           # the starter's own examples
        f = (x + y) * z
        b = a + a
        return {"x": f, "y": f, "z": f, "a": b + b}   # each input -> its output

    check = EngineExercise(examples, inputs={"x": -2, "y": 5, "z": -4, "a": 3}).check

The examples serve one purpose: gradients printed from numbers typed into the
reader's code stay the same when the checker changes the inputs (``hard-coded``).
"""

from __future__ import annotations

import contextlib
import io
import random
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..value import Value
from .circuit import Circuit
from .exercise import GRID
from .hypotheses import close, fmt
from .messages import message
from .reader import FILENAME, Program, ReaderError, prepare

__all__ = ["DEPTH", "Case", "EngineExercise"]

DEPTH = 5000  # gates in the deep chain: far beyond Python's recursion limit
STEP = 1.0001  # the chain's factor: its gradient 1.0001 ** 5000 = 1.6487
WALK_LIMIT = 20_000  # nodes a path-counting walk may visit before it is given up

Graph = tuple[Any, dict[str, Any]]  # (the output, the named nodes to check)


@dataclass(frozen=True)
class Case:
    """An expression the checker builds with any Value class (the reader's and the core's)."""

    text: str  # how messages show it: "a = 3; b = a + a; c = b + b"
    build: Callable[[Any], Graph]
    deep: bool = False


def _chain_rule(V: Any) -> Graph:
    x, y, z = V(-2.0), V(5.0), V(-4.0)
    return (x + y) * z, {"x": x, "y": y, "z": z}


def _reused(V: Any) -> Graph:
    a = V(3.0)
    b = a + a
    return b + b, {"a": a, "b": b}


def _reused_unevenly(V: Any) -> Graph:
    a = V(1.5)
    b = a + a
    return b + b * 2, {"a": a, "b": b}


def _tanh_fork(V: Any) -> Graph:
    x, w = V(0.5), V(-1.5)
    h = (x * w).tanh()
    return h * h + x, {"x": x, "w": w, "h": h}


def _deep(V: Any) -> Graph:
    x = V(0.5)
    out = x
    for _ in range(DEPTH):
        out = out * STEP
    return out, {"x": x}


_OPS: dict[str, tuple[str, Callable[[Any, Any], Any]]] = {
    "add": ("{a} + {b}", lambda a, b: a + b),
    "mul": ("{a} * {b}", lambda a, b: a * b),
    "sub": ("{a} - {b}", lambda a, b: a - b),
    "neg": ("-{a}", lambda a, b: -a),
    "square": ("{a} ** 2", lambda a, b: a**2),
    "tanh": ("{a}.tanh()", lambda a, b: a.tanh()),
    "relu": ("{a}.relu()", lambda a, b: a.relu()),
}


def _random_case(seed: int, inputs: int = 3, steps: int = 6) -> Case:
    """A random expression with reused nodes (each step may pick any earlier node)."""
    rng = random.Random(seed)
    values = [rng.choice(GRID) for _ in range(inputs)]
    plan = []
    for k in range(inputs, inputs + steps):
        plan.append((rng.choice(sorted(_OPS)), rng.randrange(k), rng.randrange(k)))
    lines = [f"n{i} = {fmt(v)}" for i, v in enumerate(values)]
    lines += [
        f"n{k} = " + _OPS[op][0].format(a=f"n{i}", b=f"n{j}")
        for k, (op, i, j) in enumerate(plan, inputs)
    ]

    def build(V: Any) -> Graph:
        nodes = [V(v) for v in values]
        for op, i, j in plan:
            nodes.append(_OPS[op][1](nodes[i], nodes[j]))
        return nodes[-1], {f"n{k}": n for k, n in enumerate(nodes[:-1])}

    return Case("; ".join(lines), build)


def _tame(case: Case) -> bool:
    """No ReLU at its kink (0) and no huge numbers: the gradient is unambiguous there."""
    out, _ = case.build(Value)
    nodes = _topological(out)
    if any(abs(n.data) > 1e4 for n in nodes):
        return False
    return not any(
        n.op is not None and n.op.name == "relu" and n.inputs[0].data == 0 for n in nodes
    )


def default_cases(random_cases: int = 4) -> list[Case]:
    """The page's examples, reused inner nodes, random expressions, then the deep chain."""
    cases = [
        Case("x = -2; y = 5; z = -4; f = (x + y) * z", _chain_rule),
        Case("a = 3; b = a + a; c = b + b", _reused),
        Case("a = 1.5; b = a + a; d = b + b * 2", _reused_unevenly),
        Case("x = 0.5; w = -1.5; h = (x * w).tanh(); f = h * h + x", _tanh_fork),
    ]
    seed = 0
    while len(cases) < 4 + random_cases:
        case = _random_case(seed)
        seed += 1
        if _tame(case):
            cases.append(case)
    cases.append(Case(f"x = 0.5; out = x * {STEP} * {STEP} * … ({DEPTH}×)", _deep, deep=True))
    return cases


# --- walking the reader's graph, right and in the typical wrong ways ---------------


def _inputs(node: Any) -> tuple[Any, ...]:
    return tuple(getattr(node, "inputs", ()) or ())


def _topological(root: Any, flip: bool = False) -> list[Any]:
    """Every node after its inputs (inputs visited in order, or in reverse with ``flip``)."""
    order: list[Any] = []
    seen: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            inputs = _inputs(node)
            stack.extend((inp, False) for inp in (inputs if flip else reversed(inputs)))
    return order


def _preorder(root: Any, once: bool) -> list[Any] | None:
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
        stack.extend(reversed(_inputs(node)))
    return walk


def _replay(root: Any, walk: Iterable[Any], assign: bool = False) -> dict[int, float]:
    """The gradients a backward pass visiting ``walk`` leaves (``=`` or ``+=``)."""
    grads: dict[int, float] = {id(root): 1.0}
    for node in walk:
        g = grads.get(id(node), 0.0)
        for inp, local in zip(_inputs(node), getattr(node, "local_grads", ())):
            grads[id(inp)] = local * g + (0.0 if assign else grads.get(id(inp), 0.0))
    return grads


def _is_topological(order: list[Any], root: Any) -> bool:
    """Every node of the graph once, after its inputs."""
    position = {id(n): i for i, n in enumerate(order)}
    if len(position) != len(order):
        return False  # a node twice: it passes its gradient on twice
    everything = _topological(root)
    if any(id(n) not in position for n in everything):
        return False
    return all(position[id(i)] < position[id(n)] for n in everything for i in _inputs(n))


# --- the exercise --------------------------------------------------------------------


@dataclass
class _Finding:
    key: str | None
    fields: dict[str, str] = field(default_factory=dict)
    variable: str | None = None
    point: str = ""
    rows: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Result:
    """The reader's engine on one case: its graph and gradients, and the truth."""

    case: Case
    out: Any
    named: dict[str, Any]
    got: dict[str, float]
    want: dict[str, float]

    def wrong(self) -> list[str]:
        return [n for n in self.named if not close(self.got[n], self.want[n])]

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "name": f"{n}.grad",
                "got": self.got[n],
                "want": self.want[n],
                "ok": n not in self.wrong(),
            }
            for n in self.named
        ]

    def lead(self, name: str) -> dict[str, str]:
        got, want = self.got[name], self.want[name]
        return {
            "var": f"{name}.grad",
            "got": fmt(got, want),
            "want": fmt(want, got),
            "point": self.case.text,
        }


class _Raised(Exception):
    def __init__(self, finding: _Finding) -> None:
        super().__init__(finding.key)
        self.finding = finding


class EngineExercise:
    """The reader's ``Value.backward()``, checked against backprop_core.

    Args:
        examples: the starter's own examples, with backprop_core's Value:
            takes the inputs by name, returns each input's output.
        inputs: the given point of the examples, set by the starter's top-level
            lines (``x, y, z = Value(-2.0), Value(5.0), Value(-4.0)``).
        cases: the expressions to backpropagate through (see :func:`default_cases`).
        points: other points for the examples.
    """

    def __init__(
        self,
        examples: Circuit,
        inputs: Mapping[str, float],
        cases: list[Case] | None = None,
        points: int = 4,
        seed: int = 0,
    ) -> None:
        self.examples = examples
        self.inputs = {name: float(v) for name, v in inputs.items()}
        self.cases = cases if cases is not None else default_cases()
        rng = random.Random(seed)
        self.points = [self.inputs] + [
            {name: rng.choice(GRID) for name in self.inputs} for _ in range(points)
        ]

    # The truth, from backprop_core.

    def _truth_of_examples(self, point: Mapping[str, float]) -> dict[str, float]:
        truth = {}
        for name in self.inputs:
            values = {n: Value(v) for n, v in point.items()}
            out = self.examples(**values)[name]
            assert isinstance(out, Value), "examples() must return Values"
            out.backward()
            truth[name] = values[name].grad
        return truth

    @staticmethod
    def _truth(case: Case) -> dict[str, float]:
        out, named = case.build(Value)
        out.backward()
        return {n: v.grad for n, v in named.items()}

    # The reader's code.

    def check(self, source: str, lang: str = "en") -> dict[str, Any]:
        """Check the reader's code; the result follows the exercise check contract."""
        finding = self.diagnose(source)
        if finding.key is None:
            fields = {"count": str(len(self.cases)), "depth": str(DEPTH)}
            text = message("pass-engine", lang, fields)
        else:
            text = message(finding.key, lang, finding.fields)
        return {
            "verdict": "pass" if finding.key is None else "fail",
            "key": finding.key,
            "message": text,
            "variable": finding.variable,
            "point": finding.point,
            "rows": finding.rows,
            "points": len(self.cases),
        }

    def diagnose(self, source: str) -> _Finding:
        try:
            program = prepare(source, self.inputs)
            with_examples = True
        except ReaderError as exc:
            if exc.key != "missing-input":
                return _Finding(exc.key, dict(exc.fields))
            program, with_examples = prepare(source, {}), False  # the examples were removed
        try:
            V = self._reader_class(program)
            if with_examples:
                typed_in = self._typed_in(program)
                if typed_in is not None:
                    return typed_in
            sink = io.StringIO()  # what the reader's backward() prints goes nowhere
            with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
                return self._judge(V)
        except _Raised as raised:
            return raised.finding

    def _reader_class(self, program: Program) -> Any:
        run = program.run(self.inputs)
        if run.error is not None:
            raise _Raised(_Finding("raises", {"error": run.error, "line": str(run.line)}))
        V = run.namespace.get("Value")
        if not isinstance(V, type):
            raise _Raised(_Finding("missing-variable", {"var": "Value"}, "Value"))
        if not callable(getattr(V, "backward", None)):
            raise _Raised(_Finding("missing-variable", {"var": "Value.backward"}, "Value.backward"))
        return V

    def _typed_in(self, program: Program) -> _Finding | None:
        """Gradients in the reader's examples that are right at the given point, wrong
        elsewhere, and the same everywhere: typed in, not computed."""
        got: list[dict[str, float]] = []
        for point in self.points:
            run = program.run(point)
            if run.error is not None:
                return None  # the engine's cases will say what raises
            numbers = {}
            for name in self.inputs:
                grad = getattr(run.namespace.get(name), "grad", None)
                if isinstance(grad, (int, float)) and not isinstance(grad, bool):
                    numbers[name] = float(grad)
            got.append(numbers)
        truths = [self._truth_of_examples(p) for p in self.points]
        names = [n for n in self.inputs if all(n in g for g in got)]
        wrong = [
            (p, n)
            for p in range(len(self.points))
            for n in names
            if not close(got[p][n], truths[p][n])
        ]
        right_here = all(close(got[0][n], truths[0][n]) for n in names)
        if not wrong or not right_here or any(not close(got[p][n], got[0][n]) for p, n in wrong):
            return None  # not typed in: right only where it was typed, and the same elsewhere
        p, name = wrong[0]
        g, w = got[p][name], truths[p][name]
        at = ", ".join(f"{n} = {fmt(v)}" for n, v in self.points[p].items())
        fields = {"var": f"{name}.grad", "got": fmt(g, w), "want": fmt(w, g), "point": at}
        return _Finding("hard-coded", fields, f"{name}.grad", at)

    def _run(self, V: Any, case: Case, seed: bool = False) -> _Result:
        try:
            out, named = case.build(V)
        except Exception as exc:  # the reader changed the forward operations
            raise _Raised(_raised(exc)) from None
        try:
            if seed:
                out.grad = 1.0
            out.backward()
        except RecursionError:
            if case.deep:
                raise _Raised(
                    _Finding("recursion-too-deep", {"depth": str(DEPTH)}, None, case.text)
                ) from None
            raise
        except Exception as exc:
            raise _Raised(_raised(exc)) from None
        finally:
            if case.deep:
                _cut(out)
        got = {}
        for name, node in named.items():
            grad = getattr(node, "grad", None)
            if isinstance(grad, bool) or not isinstance(grad, (int, float)):
                fields = {"var": f"{name}.grad", "type": type(grad).__name__}
                raise _Raised(_Finding("not-a-number", fields, f"{name}.grad", case.text))
            got[name] = float(grad)
        return _Result(case, out, named, got, self._truth(case))

    def _judge(self, V: Any) -> _Finding:
        shallow = [c for c in self.cases if not c.deep]
        try:
            results = [self._run(V, c) for c in shallow]
        except RecursionError as exc:  # on a shallow graph: a recursion that never ends
            raise _Raised(_raised(exc)) from None
        failed = [r for r in results if r.wrong()]
        if failed:
            return self._mistake(V, results, failed[0])
        for case in self.cases:
            if case.deep:
                result = self._run(V, case)
                if result.wrong():
                    name = result.wrong()[0]
                    return _Finding(
                        "wrong-value", result.lead(name), f"{name}.grad", case.text, result.rows()
                    )
        return _Finding(None, rows=results[0].rows())

    def _mistake(self, V: Any, results: list[_Result], first: _Result) -> _Finding:
        name = first.wrong()[0]
        lead = first.lead(name)
        at = (f"{name}.grad", first.case.text, first.rows())
        if all(g == 0.0 for r in results for g in r.got.values()):
            seeded = [self._run(V, r.case, seed=True) for r in results]
            if not any(r.wrong() for r in seeded):
                return _Finding("unseeded-output", lead, *at)
            return _Finding("not-written", lead, *at)
        order = _reader_order(V)
        if all(_explained(r, _overwrite_walks(r, order), assign=True) for r in results):
            return self._fork(first) or _Finding("fork-overwrite", lead, *at)
        if all(_explained(r, _wrong_walks(r, order)) for r in results):
            return _Finding("wrong-order", lead, *at)
        return _Finding("wrong-value", lead, *at)

    @staticmethod
    def _fork(result: _Result) -> _Finding | None:
        """The message names the highest node used more than once whose gradient is wrong."""
        order = _topological(result.out)
        truth = _replay(result.out, reversed(order))
        uses: dict[int, list[float]] = {}
        for node in order:
            for inp, local in zip(_inputs(node), node.local_grads):
                uses.setdefault(id(inp), []).append(local * truth.get(id(node), 0.0))
        names = {id(n): name for name, n in result.named.items()}
        wrong = set(result.wrong())
        for node in reversed(order):
            name = names.get(id(node))
            shares = uses.get(id(node), [])
            if name in wrong and len(shares) > 1:
                fields = {
                    **result.lead(name),
                    "name": name,
                    "count": str(len(shares)),
                    "shares": " + ".join(fmt(s) for s in shares),
                }
                return _Finding(
                    "fork-overwrite", fields, f"{name}.grad", result.case.text, result.rows()
                )
        return None


def _cut(root: Any) -> None:
    """Take the reader's deep chain apart node by node. Freeing it whole frees each
    node's inputs from inside the node's own deallocation, a C recursion as deep as
    the chain, which Pyodide's stack does not survive (see backprop_core.value's
    _release_iteratively; the reader's Value has no such guard)."""
    nodes = _topological(root)
    for node in nodes:
        try:
            node.inputs = ()
        except Exception:
            with contextlib.suppress(Exception):
                vars(node).clear()


def _reader_order(V: Any) -> Callable[[Any], Any] | None:
    """The reader's ``topological_order`` function, if their module has one."""
    backward = getattr(V, "backward", None)
    namespace = getattr(backward, "__globals__", {})
    found = namespace.get("topological_order")
    return found if callable(found) else None


def _their_order(result: _Result, order: Callable[[Any], Any] | None) -> list[Any] | None:
    if order is None:
        return None
    try:
        found = order(result.out)
    except Exception:
        return None
    return list(found) if isinstance(found, (list, tuple)) else None


def _overwrite_walks(result: _Result, order: Callable[[Any], Any] | None) -> Iterator[list[Any]]:
    """Right orders, walked backwards (the ``=`` hypothesis replays them with ``=``)."""
    for flip in (False, True):
        yield list(reversed(_topological(result.out, flip)))
    theirs = _their_order(result, order)
    if theirs is not None:
        yield list(reversed(theirs))


def _wrong_walks(result: _Result, order: Callable[[Any], Any] | None) -> Iterator[list[Any]]:
    """Walks in which a node passes its gradient on before it is complete, or twice."""
    for flip in (False, True):
        yield _topological(result.out, flip)  # forwards instead of reversed
    theirs = _their_order(result, order)
    if theirs is not None:
        yield theirs
        if not _is_topological(theirs, result.out):
            yield list(reversed(theirs))
    for once in (False, True):
        walk = _preorder(result.out, once)
        if walk is not None:
            yield walk


def _explained(result: _Result, walks: Iterable[list[Any]], assign: bool = False) -> bool:
    for walk in walks:
        try:
            grads = _replay(result.out, walk, assign)
        except Exception:
            continue
        if all(close(result.got[n], grads.get(id(v), 0.0)) for n, v in result.named.items()):
            return True
    return False


def _raised(exc: BaseException) -> _Finding:
    text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    line = 0
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == FILENAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return _Finding("raises", {"error": text, "line": str(line)})
