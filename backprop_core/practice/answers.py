"""Read what was collected from the reader's runs into numbers the judge compares.

The collected data (:mod:`~backprop_core.practice.collect`) may come from
another interpreter and is not trusted: every field is checked, and what is
missing or malformed becomes a finding about the reader's variables (missing,
wrong shape, not a number, not finite), never an exception. A forward value
that is missing or malformed is simply not used: the verdict is about the
gradients, the forward values only help to explain wrong ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .circuit import shape_of
from .finding import Finding, Numbers, Reference
from .plain import NON_FINITE, Plain, number, text_of

__all__ = ["Answers", "read_answers"]


@dataclass
class Answers:
    """The reader's numbers at every point, and what the run tells about the program."""

    got: list[Numbers]  # gradient entries, every point
    forward: list[Numbers]  # forward entries the reader kept (may lack some)
    quantities: list[dict[str, float]]  # the reader's other numbers, as the pass used them
    line: int = 0  # the statement that last set a gradient (at the given point)
    calls: list[tuple[str, str, int]] = field(default_factory=list)  # (call, receiver, line)
    reads_grad: list[int] = field(default_factory=list)
    after: dict[str, int] = field(default_factory=dict)  # inputs set after a line
    rewritten: dict[str, list[int]] = field(default_factory=dict)
    forward_shape: Finding | None = None  # a forward value kept with the wrong shape
    aliased: list[str] = field(default_factory=list)  # gradients whose rows are one list


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _shape(value: Plain) -> tuple[int, ...]:
    return shape_of(value) if isinstance(value, list) else ()


def _leaves(value: Plain, prefix: str = "") -> list[tuple[str, Plain]]:
    if isinstance(value, list):
        return [pair for i, item in enumerate(value) for pair in _leaves(item, f"{prefix}[{i}]")]
    return [(prefix, value)]


def _shape_text(shape: tuple[int, ...]) -> str:
    return "×".join(str(n) for n in shape)


def _wrong_shape(var: str, of: str, value: Plain, want: tuple[int, ...]) -> Finding:
    shape = _shape(value)
    kind = "list" if isinstance(value, list) else text_of(value)
    if not want:
        return Finding("not-a-number", {"var": var, "type": kind})
    if len(want) == 1 and len(shape) == 1:
        return Finding(
            "wrong-length", {"var": var, "of": of, "want": str(want[0]), "got": str(shape[0])}
        )
    rectangular = len(shape) == 2 and -1 not in shape
    fields = {
        "var": var,
        "of": of,
        "want": _shape_text(want),
        "got": _shape_text(shape) if rectangular else kind,
    }
    if len(want) == 2 and shape == want[::-1]:
        return Finding("transposed-shape", fields)
    return Finding("wrong-shape", fields)


def _gradients(ref: Reference, values: dict[str, Any]) -> Numbers | Finding:
    numbers: Numbers = {}
    for var, of in ref.gradients.items():
        if var not in values:
            return Finding("missing-variable", {"var": var})
        value = values[var]
        want = shape_of(ref.traces[0].named[of])
        if _shape(value) != want:
            return _wrong_shape(var, of, value, want)
        for suffix, leaf in _leaves(value):
            x = number(leaf)
            if x is not None:
                numbers[var + suffix] = x
            elif leaf in NON_FINITE:
                key = "too-large" if leaf == "huge" else "not-finite"
                return Finding(key, {"var": var + suffix, "got": str(leaf)})
            else:
                return Finding("not-a-number", {"var": var + suffix, "type": text_of(leaf)})
    return numbers


def _forward(ref: Reference, values: dict[str, Any], answers: Answers) -> Numbers:
    numbers: Numbers = {}
    for name in ref.forward:
        value = values.get(name)
        if value is None:
            continue
        want = shape_of(ref.traces[0].named[name])
        if _shape(value) != want:
            if want and answers.forward_shape is None:  # a list of the wrong shape
                answers.forward_shape = _wrong_shape(name, name, value, want)
            continue
        for suffix, leaf in _leaves(value):
            if isinstance(leaf, dict) and leaf.get("type") == "Value":
                leaf = leaf.get("data")
            x = number(leaf)
            if x is not None:
                numbers[name + suffix] = x
    return numbers


def read_answers(ref: Reference, collected: object) -> Answers | Finding:
    """The reader's numbers, or the finding that stops the judging (an error, a shape)."""
    data = _dict(collected)
    error = _dict(data.get("error"))
    if error:
        fields = {str(k): str(v) for k, v in _dict(error.get("fields")).items()}
        return Finding(str(error.get("key", "syntax-error")), fields)
    runs = _list(data.get("runs"))
    answers = Answers([], [], [])
    for i, run in enumerate(runs[: len(ref.points)]):
        run = _dict(run)
        raised = _dict(run.get("error"))
        if raised:
            fields = {"error": str(raised.get("text", "")), "line": str(raised.get("line", 0))}
            if i == 0:
                return Finding("raises", fields)
            return Finding("raises-elsewhere", {**fields, "point": ref.point_text(i)})
        got = _gradients(ref, _dict(run.get("gradients")))
        if isinstance(got, Finding):
            got.point = i
            return got
        answers.got.append(got)
        answers.forward.append(_forward(ref, _dict(run.get("forward")), answers))
        quantities = _dict(run.get("quantities"))
        answers.quantities.append(
            {str(k): x for k, v in quantities.items() if (x := number(v)) is not None}
        )
        if i == 0:
            answers.line = _int(run.get("line"))
            answers.aliased = [str(n) for n in _list(run.get("aliased"))]
    if len(answers.got) < len(ref.points):
        return Finding("missing-variable", {"var": next(iter(ref.gradients))})
    answers.calls = [
        (str(c[0]), str(c[1]), _int(c[2]))
        for c in _list(data.get("calls"))
        if isinstance(c, list) and len(c) == 3
    ]
    answers.reads_grad = [_int(x) for x in _list(data.get("reads_grad"))]
    answers.after = {str(k): _int(v) for k, v in _dict(data.get("after")).items()}
    answers.rewritten = {
        str(k): [_int(x) for x in _list(v)] for k, v in _dict(data.get("rewritten")).items()
    }
    return answers


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
