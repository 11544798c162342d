"""A uniform ratio between the reader's gradients and the right ones, named by the reader's
own numbers: one of them too many or too few (``* f``, ``/ f``), squared (``* keep``
where ``/ keep`` belongs), or one number where another belongs.

:func:`ratio_slip` is the last resort of :mod:`~backprop_core.practice.patterns`
before "off by the same factor"; the slips of single terms are in
:mod:`~backprop_core.practice.slips`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .numbers import fmt
from .slips import TINY, Quantities, Slip, _here, _order, _same, _slip, _var

__all__ = ["ratio_slip"]


def ratio_slip(
    ratios: Sequence[float],
    quantities: Sequence[dict[str, float]],
    gradient_vars: Sequence[str],
    forward_names: set[str],
    wrong: frozenset[str] = frozenset(),
) -> Slip | None:
    """Every wrong gradient off by the same factor at each point: is that factor one of
    the reader's numbers, its inverse, or one number where another belongs?"""
    q = Quantities(quantities, gradient_vars, wrong)
    for name in q.names:
        v = q.values(name)
        if _same(ratios, v):
            return Slip("extra-factor", (("factor", name), *_here(v)))
        if all(abs(x) > TINY for x in v) and _same(ratios, [1 / x for x in v]):
            return Slip("missing-factor", (("factor", name),))
    for name in q.names:  # × v where ÷ v belongs (or the other way): off by v², or 1/v²
        v = q.values(name)
        if any(abs(x) <= TINY for x in v) or _same(v, [1.0] * len(v)):
            continue
        if _same(ratios, [x * x for x in v]) or _same(ratios, [1 / (x * x) for x in v]):
            return Slip("inverted-factor", (("factor", name), ("ratio", fmt(ratios[0]))))
    for right in sorted(q.gradient_like, key=_order):
        w = q.values(right)
        if any(abs(x) <= TINY for x in w):
            continue
        for used in q.names:
            if used != right and _same(ratios, [a / b for a, b in zip(q.values(used), w)]):
                key = (
                    "forward-for-gradient"
                    if _var(used) in forward_names and right in q.gradient_like
                    else "variable-slip"
                )
                return _slip(key, used, right, q.values(used), w)
    return None
