"""Mistakes named by the reader's own variables: which of them reproduces a wrong value.

When no mistake of the table explains a wrong gradient, the checker tries the
reader's own numbers (their *quantities*, as the backward pass used them:
``w[1]``, ``f``, ``ddot``, ``x.grad`` …). A gradient is a sum, over the uses of
its variable, of local gradient × upstream gradient. At every point the
reader's number is compared with the truth in which one factor of one term is
another quantity:

- the local gradient replaced (``w[2] * ddot`` where ``w[1] * ddot`` belongs),
- the upstream gradient replaced (``w[0] * f`` where ``w[0] * ddot`` belongs:
  a forward value where a gradient belongs),
- the whole gradient with a factor too many or too few (``(1 - f) * f * dot``),
- local and upstream added instead of multiplied (``1 + dq``), one share
  counted twice.

A candidate must give the reader's number at every point, so a slip that
happens to be right at the given point (``w[1]`` and ``w[2]`` are both -3
there) is named as a slip, not as typed-in numbers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .finding import Numbers
from .hypothesis import Entry
from .numbers import close, fmt

__all__ = ["Quantities", "Slip", "Term", "copied", "find_slips"]

TINY = 1e-12


@dataclass(frozen=True)
class Slip:
    key: str
    fields: tuple[tuple[str, str], ...]

    def as_fields(self) -> dict[str, str]:
        return dict(self.fields)


class Quantities:
    """The reader's numbers that exist at every point, in the order names are preferred."""

    def __init__(
        self,
        per_point: Sequence[dict[str, float]],
        gradient_vars: Sequence[str],
        wrong: frozenset[str] = frozenset(),
    ):
        common = set(per_point[0]) if per_point else set()
        for q in per_point[1:]:
            common &= set(q)
        common -= wrong  # the reader's wrong gradients explain nothing
        self.per_point = per_point
        gradient_like = {n for n in common if _var(n) in gradient_vars or n.endswith(".grad")}
        others = sorted(common - gradient_like, key=_order)
        self.names = others + sorted(gradient_like, key=_order)
        self.gradient_like = gradient_like

    def values(self, name: str) -> list[float]:
        return [q[name] for q in self.per_point]

    def equal_to(self, want: Sequence[float], prefer_gradients: bool = False) -> str | None:
        names = self.names
        if prefer_gradients:
            names = [n for n in names if n in self.gradient_like] + names
        for name in names:
            if all(close(v, w) for v, w in zip(self.values(name), want)):
                return name
        return None


def _var(name: str) -> str:
    return name.split("[")[0].split(".")[0]


def _order(name: str) -> tuple[int, str]:
    return (name.count("["), name)


def _same(values: Sequence[float], other: Sequence[float]) -> bool:
    return all(close(a, b) for a, b in zip(values, other))


@dataclass
class Term:
    """One use of the root's variable: local gradient × upstream gradient, per point,
    with the reader's names for them where the exercise knows them (``w[1]``, ``ddot``),
    and the values the local gradient is computed from (the gate's inputs and output)."""

    local: list[float]
    upstream: list[float]
    local_name: str | None = None
    upstream_name: str | None = None
    parts: tuple[list[float], ...] = ()


CONSTANTS = {"2": 2.0}  # factors a reader drops or repeats that are no variable


def _kind(name: str, q: Quantities, forward_names: set[str]) -> str:
    if name in q.gradient_like:
        return "gradient"
    return "forward" if _var(name) in forward_names else "input"


def _candidates(
    root: Entry,
    got: list[float],
    truth: list[float],
    terms: list[Term],
    q: Quantities,
    forward_names: set[str],
) -> Iterator[Slip]:
    """Every slip that gives the reader's numbers, the most likely first."""
    points = range(len(truth))
    own = {n for n in q.names if _var(n) == root.var}
    usable = [n for n in q.names if n not in own and not _same(q.values(n), got)]
    ranked: list[tuple[int, Slip]] = []

    def check(want: Sequence[float], rank: int, slip: Slip) -> None:
        if _same(got, want):
            ranked.append((rank, slip))

    if _same(got, [-t for t in truth]):
        ranked.append((0, Slip("sign", ())))
    for term in terms:
        share = [term.local[p] * term.upstream[p] for p in points]
        rest = [truth[p] - share[p] for p in points]
        local_name = _prefer(term.local_name, term.local, q)
        upstream_name = _prefer(term.upstream_name, term.upstream, q, gradients=True)
        trivial = all(close(x, 1.0) for x in term.local)
        for name in usable:
            v = q.values(name)
            kind = _kind(name, q, forward_names)
            if local_name and not trivial and name != local_name:
                want = [rest[p] + v[p] * term.upstream[p] for p in points]
                same_kind = kind != "gradient"
                check(
                    want,
                    1 if same_kind else 3,
                    _slip("variable-slip", name, local_name, v, term.local),
                )
            if upstream_name and name != upstream_name:
                want = [rest[p] + term.local[p] * v[p] for p in points]
                key = "forward-for-gradient" if kind == "forward" else "variable-slip"
                check(
                    want,
                    1 if kind == "gradient" else 2,
                    _slip(key, name, upstream_name, v, term.upstream),
                )
            for part in term.parts:  # one value inside the local gradient replaced
                right = q.equal_to(part)
                if right and right != name and all(abs(x) > TINY for x in part):
                    want = [rest[p] + share[p] * v[p] / part[p] for p in points]
                    check(want, 6, _slip("variable-slip", name, right, v, part))
        added = [rest[p] + term.local[p] + term.upstream[p] for p in points]
        upstream_text = f"`{upstream_name}`" if upstream_name else fmt(term.upstream[0])
        fields = (("local", fmt(term.local[0])), ("upstream", upstream_text))
        check(added, 2, Slip("added-not-multiplied", fields))
        shown = (("share", fmt(share[0])),)
        if len(terms) > 1:
            check([truth[p] + share[p] for p in points], 2, Slip("share-twice", shown))
            check([rest[p] - share[p] for p in points], 2, Slip("share-sign", shown))
        for name, v in [*((n, q.values(n)) for n in usable), *_constants(len(truth))]:
            if len(terms) > 1 and all(abs(x) > TINY for x in v) and not _same(v, [1.0] * len(v)):
                check(
                    [rest[p] + share[p] * v[p] for p in points], 4, _factor("extra-factor", name, v)
                )
                check(
                    [rest[p] + share[p] / v[p] for p in points],
                    5,
                    _factor("missing-factor", name, v),
                )
    for name, v in [*((n, q.values(n)) for n in usable), *_constants(len(truth))]:
        if all(abs(x) > TINY for x in v) and not _same(v, [1.0] * len(v)):
            check([truth[p] * v[p] for p in points], 4, _factor("extra-factor", name, v))
            check([truth[p] / v[p] for p in points], 5, _factor("missing-factor", name, v))
    ranked.sort(key=lambda pair: pair[0])
    for _, slip in ranked:
        yield slip


def _constants(n: int) -> list[tuple[str, list[float]]]:
    return [(name, [value] * n) for name, value in CONSTANTS.items()]


def _factor(key: str, name: str, v: Sequence[float]) -> Slip:
    fields: tuple[tuple[str, str], ...] = (("factor", name),)
    if key == "extra-factor":
        fields += _here(v)
    return Slip(key, fields)


def _prefer(
    name: str | None, values: Sequence[float], q: Quantities, gradients: bool = False
) -> str | None:
    """The exercise's own name for a value if the reader has it, else any equal quantity."""
    if name is not None and name in q.names and _same(q.values(name), values):
        return name
    return q.equal_to(values, prefer_gradients=gradients)


def _here(values: Sequence[float]) -> tuple[tuple[str, str], ...]:
    """A factor that is 1 at the given point hides the slip there (messages say so)."""
    return (("hidden", "yes" if close(values[0], 1.0) else ""),)


def _slip(key: str, used: str, right: str, v: Sequence[float], w: Sequence[float]) -> Slip:
    hidden = "yes" if close(v[0], w[0]) else ""
    return Slip(key, (("used", used), ("right", right), ("value", fmt(v[0])), ("hidden", hidden)))


def find_slips(
    roots: Sequence[Entry],
    got: Sequence[Numbers],
    truth: dict[str, list[float]],
    terms: dict[str, list[Term]],
    quantities: Sequence[dict[str, float]],
    gradient_vars: Sequence[str],
    forward_names: set[str],
    wrong: frozenset[str] = frozenset(),
) -> tuple[Entry, Slip] | None:
    """The slip that explains every root (or else the first root that has one)."""
    q = Quantities(quantities, gradient_vars, wrong)
    found: list[tuple[Entry, list[Slip]]] = []
    for root in roots:
        g = [numbers[root.name] for numbers in got]
        slips = list(_candidates(root, g, truth[root.name], terms[root.name], q, forward_names))
        if slips:
            found.append((root, slips))
    if not found:
        return None
    if len(found) == len(roots) > 1:
        for slip in found[0][1]:
            if all(slip in slips for _, slips in found[1:]):
                return found[0][0], slip
    return found[0][0], found[0][1][0]


def copied(
    root: Entry,
    got: Sequence[float],
    truth: Sequence[float],
    quantities: Sequence[dict[str, float]],
    gradient_vars: Sequence[str],
    forward_names: set[str] = frozenset(),  # type: ignore[assignment]
    wrong: frozenset[str] = frozenset(),
) -> Slip | None:
    """The reader's number is another variable's, and the right number is in a variable
    too (``dx, dy = y.grad, x.grad``): which was used where which belongs."""
    q = Quantities(quantities, gradient_vars, wrong)
    own = {n for n in q.names if _var(n) == root.var}
    right = next((n for n in q.names if n not in own and _same(q.values(n), truth)), None)
    if right is None:
        return None
    for used in q.names:
        if used not in own and used != right and _same(q.values(used), got):
            crossed = right in q.gradient_like and _var(used) in forward_names
            kind = "forward-for-gradient" if crossed else "variable-slip"
            return _slip(kind, used, right, q.values(used), truth)
    return None
