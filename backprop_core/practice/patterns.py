"""Diagnoses from the pattern of the reader's numbers, when no gate's mistake explains them.

Each function takes the :class:`~backprop_core.practice.judge.Judgement` and
returns a :class:`~backprop_core.practice.finding.Finding` or None:

- :func:`order`: ``backward()`` after the gradients were read, or ``zero_grad()``
  between ``backward()`` and the reading;
- :func:`zeros`: gradients still 0 at every point (the starter's zeros), or
  :func:`detached`: 0 although ``backward()`` ran (the Values read are not in
  the output's graph);
- :func:`copies`: a gradient holds another of the reader's variables, and the
  right number is in a variable too (``dx, dy = y.grad, x.grad``);
- :func:`slips`: one of the reader's numbers where another belongs, a factor
  too many or too few (:mod:`~backprop_core.practice.slips`);
- :func:`pinned`: right at the given point only, and the checker had to set an
  input after a line (it could not find its numbers): say which line;
- :func:`pattern`: the same numbers everywhere (typed in), right only at the
  given point, the sign, one common factor, or just wrong.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .finding import Finding
from .hypothesis import Entry
from .numbers import close, fmt
from .ratios import ratio_slip
from .slips import Slip, Term, copied, find_slips

if TYPE_CHECKING:
    from .judge import Judgement

__all__ = [
    "copies",
    "detached",
    "order",
    "pattern",
    "pinned",
    "slips",
    "typed_in",
    "zeros",
]


def first(j: Judgement, entry: Entry, key: str, fields: dict[str, str] | None = None) -> Finding:
    p = j.wrong[entry.name][0]
    lead = j.lead(entry, p, j.ref.traces[p].truth[entry.node])
    return Finding(key, {**lead, **(fields or {})}, entry, p, j.rows(p))


def _output_calls(j: Judgement) -> list[tuple[str, str, int]]:
    """The reader's ``backward()``/``zero_grad()`` calls (call, receiver, line) on the
    output, or on anything if the output gets none (``loss.backward()`` for ``f``)."""
    output = j.ref.forward[-1] if j.ref.forward else ""
    calls = j.answers.calls
    if any(c == "backward" and r == output for c, r, _ in calls):
        return [(c, r, line) for c, r, line in calls if r == output]
    return calls


def order(j: Judgement, roots: list[Entry]) -> Finding | None:
    """The gradients were read from ``.grad`` before the output's ``backward()`` ran, or
    ``zero_grad()`` wiped them in between."""
    answers = j.answers
    read = answers.line
    if not read or read not in answers.reads_grad:
        return None
    calls = _output_calls(j)
    backward = [line for c, _, line in calls if c == "backward"]
    zero = [line for c, _, line in calls if c == "zero_grad"]
    if not backward:
        return None
    before = [b for b in backward if b < read]
    if not before:
        fields = {"read": str(read), "backward": str(backward[0])}
        return first(j, roots[0], "read-before-backward", fields)
    wiped = [z for z in zero if before[-1] < z < read]
    if wiped:
        fields = {"read": str(read), "backward": str(before[-1]), "zero": str(wiped[0])}
        return first(j, roots[0], "zeroed-after-backward", fields)
    return None


def zeros(j: Judgement, roots: list[Entry]) -> Finding | None:
    """Every wrong root is 0 at every point: those lines are not written yet."""
    got, points = j.got, range(len(j.ref.traces))
    if not all(got[p][e.name] == 0.0 for e in roots for p in points):
        return None
    if all(got[p][e.name] == 0.0 for e in j.ref.entries for p in points):
        return detached(j, roots) or first(j, roots[0], "not-written")
    names = []
    for e in roots:
        if e.var not in names:
            names.append(e.var)
    return first(j, roots[0], "left-at-zero", {"names": ", ".join(f"`{n}`" for n in names)})


def detached(j: Judgement, roots: list[Entry]) -> Finding | None:
    """Every gradient is 0 although the output's ``backward()`` ran before they were read:
    the Values read are not in the output's graph (new ones made after it was built)."""
    read = j.answers.line
    backward = [line for c, _, line in _output_calls(j) if c == "backward" and line < read]
    if not read or not backward:
        return None
    names = []
    for e in roots:
        if e.of and e.of.split("[")[0] not in names:
            names.append(e.of.split("[")[0])
    fields = {"backward": str(backward[-1]), "names": ", ".join(f"`{n}`" for n in names)}
    made = [
        line for n in names for line in j.answers.rewritten.get(n, [])[1:] if line < backward[-1]
    ]
    if made:
        return first(j, roots[0], "not-in-graph-remade", {**fields, "made": str(max(made))})
    return first(j, roots[0], "not-in-graph", fields)


def typed_in(j: Judgement, wrong: list[Entry]) -> Finding | None:
    """Every wrong gradient is the same number at every point: typed in, not computed."""
    got, points = j.got, range(len(j.ref.traces))
    if all(close(got[q][e.name], got[0][e.name]) for e in wrong for q in points):
        return first(j, wrong[0], "hard-coded")
    return None


def _series(j: Judgement, entry: Entry) -> tuple[list[float], list[float]]:
    got = [numbers[entry.name] for numbers in j.got]
    truth = [t.truth[entry.node] for t in j.ref.traces]
    return got, truth


def copies(j: Judgement, roots: list[Entry], grads_only: bool = False) -> Finding | None:
    for root in roots:
        got, truth = _series(j, root)
        slip = copied(
            root,
            got,
            truth,
            j.answers.quantities,
            list(j.ref.gradients),
            _forward_names(j),
            _wrong_names(j),
        )
        if slip is not None and (not grads_only or slip.as_fields()["used"].endswith(".grad")):
            return _named(j, root, slip)
    return None


def _terms(j: Judgement, entry: Entry) -> list[Term]:
    """Each use of ``entry``'s variable: local and upstream gradients at every point, the
    reader's names for them (the other input of a multiply gate, the gradient variable of
    the gate), and the values the local gradient is made of."""
    traces, t0 = j.ref.traces, j.ref.traces[0]
    by_node = {e.node: e.name for e in j.ref.entries}
    found = []
    for c, pos in t0.consumers[entry.node]:
        op = t0.ops[c]
        wires = t0.inputs[c]
        local_name = None
        if op is not None and op.name == "mul" and len(wires) == 2:
            local_name = t0.name(wires[1 - pos])
        parts = tuple([t.data[n] for t in traces] for n in (*wires, c))
        found.append(
            Term(
                [t.local[c][pos] for t in traces],
                [t.truth[c] for t in traces],
                local_name,
                by_node.get(c),
                parts,
            )
        )
    return found


def _forward_names(j: Judgement) -> set[str]:
    return set(j.ref.forward)


def _wrong_names(j: Judgement) -> frozenset[str]:
    """The reader's gradient entries that are wrong somewhere (they explain nothing)."""
    return frozenset(e.name for e in j.ref.entries if j.wrong[e.name])


def slips(j: Judgement, roots: list[Entry]) -> Finding | None:
    truth = {e.name: _series(j, e)[1] for e in roots}
    terms = {e.name: _terms(j, e) for e in roots}
    found = find_slips(
        roots,
        j.got,
        truth,
        terms,
        j.answers.quantities,
        list(j.ref.gradients),
        _forward_names(j),
        _wrong_names(j),
    )
    if found is None:
        return None
    root, slip = found
    return _named(j, root, slip)


def _named(j: Judgement, root: Entry, slip: Slip) -> Finding:
    """The finding of a slip; at a bias, the bias's own message (its local gradient is 1)."""
    if slip.key in ("forward-for-gradient", "variable-slip") and _is_bias(j, root):
        fields = {**slip.as_fields(), **_bias_fields(j, root)}
        return first(j, root, "bias-gradient", fields)
    return first(j, root, slip.key, slip.as_fields())


def _is_bias(j: Judgement, entry: Entry) -> bool:
    """An input added to a weighted sum (``... + w[2]``): its local gradient is 1."""
    t0 = j.ref.traces[0]
    uses = t0.consumers[entry.node]
    if t0.ops[entry.node] is not None or len(uses) != 1:
        return False
    gate, pos = uses[0]
    op = t0.ops[gate]
    other = t0.inputs[gate][1 - pos] if len(t0.inputs[gate]) == 2 else None
    return op is not None and op.name == "add" and other is not None and t0.ops[other] is not None


def _bias_fields(j: Judgement, entry: Entry) -> dict[str, str]:
    t0 = j.ref.traces[0]
    gate = t0.consumers[entry.node][0][0]
    upstream = [t.truth[gate] for t in j.ref.traces]
    names = [n for n in j.ref.gradients if n != entry.var]
    name = next(
        (
            n
            for n in names
            if all(n in numbers for numbers in j.got)
            and all(close(numbers[n], u) for numbers, u in zip(j.got, upstream))
        ),
        None,
    )
    return {"bias": entry.of or entry.name, "upstream": f"`{name}`" if name else fmt(upstream[0])}


def pinned(j: Judgement, wrong: list[Entry]) -> Finding | None:
    """Right at the given point, wrong elsewhere, and an input the checker set after a line."""
    after = j.answers.after
    if not after or any(0 in j.wrong[e.name] for e in wrong):
        return None
    name, line = next(iter(after.items()))
    return first(j, wrong[0], "inputs-pinned", {"name": name, "line": str(line)})


def pattern(j: Judgement, wrong: list[Entry]) -> Finding:
    """No single mistake explains the numbers: say what their pattern shows."""
    got, traces = j.got, j.ref.traces
    entry = wrong[0]
    points = range(len(traces))
    if all(0 not in j.wrong[e.name] for e in wrong):
        return first(j, entry, "only-at-given-point")
    ratios: list[list[float]] = []
    for q in points:
        here = [e for e in wrong if q in j.wrong[e.name]]
        truths = [traces[q].truth[e.node] for e in here]
        if any(t == 0 for t in truths):
            return first(j, entry, "wrong-value")
        ratios.append([got[q][e.name] / t for e, t in zip(here, truths)])
    flat = [r for rs in ratios for r in rs]
    if all(close(r, -1.0) for r in flat):
        return first(j, entry, "sign")
    if all(close(r, rs[0]) for rs in ratios for r in rs) and all(
        len(rs) == len(ratios[0]) for rs in ratios
    ):
        slip = ratio_slip(
            [rs[0] for rs in ratios],
            j.answers.quantities,
            list(j.ref.gradients),
            _forward_names(j),
            _wrong_names(j),
        )
        if slip is not None:
            return first(j, entry, slip.key, slip.as_fields())
        if len(wrong) > 1:
            p = j.wrong[entry.name][0]
            return first(j, entry, "wrong-factor", {"ratio": fmt(ratios[p][0])})
    return first(j, entry, "wrong-value")
