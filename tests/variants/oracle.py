"""What a variant's verdict must be, decided without the checker: run it at the
checker's points and compare its gradients with backprop_core's.

``expected(...)`` is ``"pass"`` (every gradient right at every point),
``"fail"`` (some gradient wrong, missing, not a number, or the program raises
at some point) or ``None`` (too close to call: left out of the tests, counted).
"""

from __future__ import annotations

import contextlib
import io
import math
import signal
from collections.abc import Iterator, Mapping
from typing import Any

from backprop_core import Value

from .program import Program

RIGHT = 1e-9  # relative difference still equal (float noise is ~1e-15)
WRONG = 1e-4  # relative difference that is certainly a different number
SECONDS = 3.0  # a variant that runs longer than this at one point is left out


class TooSlow(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise TooSlow

    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run(source: str) -> dict[str, Any]:
    """Run a program as a reader's block runs (output discarded); raises what it raises."""
    namespace: dict[str, Any] = {"__name__": "__main__", "display": lambda *a: None}
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), time_limit(SECONDS):
        exec(compile(source, "<variant>", "exec"), namespace)
    return namespace


def _wrap(value: object) -> object:
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return Value(float(value))  # type: ignore[arg-type]


def _leaves(value: object, prefix: str = "") -> Iterator[tuple[str, object]]:
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{prefix}[{i}]")
    else:
        yield prefix, value


def truth(exercise: Any, point: Mapping[str, object]) -> dict[str, float]:
    """Each gradient entry (``dw[2]``) at ``point``, from backprop_core's own backward()."""
    values = {name: _wrap(v) for name, v in point.items()}
    named = dict(exercise.circuit(**values))
    out = list(named.values())[-1]
    out.backward()
    found = {}
    for var, of in exercise.gradients.items():
        node = values[of] if of in values else named[of]
        for suffix, leaf in _leaves(node):
            assert isinstance(leaf, Value)
            found[var + suffix] = leaf.grad
    return found


def _difference(a: float, b: float) -> float:
    if not (math.isfinite(a) and math.isfinite(b)):
        return math.inf
    return abs(a - b) / max(1.0, abs(a), abs(b))


_TRUTH: dict[tuple[int, int], dict[str, float]] = {}


def forward_truth(exercise: Any, point: Mapping[str, object]) -> dict[str, float]:
    """Each forward value the exercise names (``dot``, ``D[0][1]``) at ``point``."""
    values = {name: _wrap(v) for name, v in point.items()}
    named = dict(exercise.circuit(**values))
    found = {}
    for name in exercise.forward:
        for suffix, leaf in _leaves(named[name]):
            assert isinstance(leaf, Value)
            found[name + suffix] = leaf.data
    return found


def gradients_expected(exercise: Any, program: Program, forward: bool = False) -> str | None:
    """The verdict a gradient exercise (:class:`~backprop_core.practice.Exercise`) must give.

    With ``forward`` (mutants, which never change a value after the backward pass),
    a forward value the exercise names that ends up as a number and differs from the
    given forward pass fails the program too."""
    worst = 0.0
    for k, point in enumerate(exercise.reference.points):
        key = (id(exercise), k)
        if key not in _TRUTH:
            _TRUTH[key] = truth(exercise, point)
        want = _TRUTH[key]
        try:
            namespace = run(program.at(point))
        except TooSlow:
            return None
        except Exception:
            return "fail"
        if forward:
            want_forward = forward_truth(exercise, point)
            for name in exercise.forward:
                for suffix, leaf in _leaves(namespace.get(name)):
                    leaf = getattr(leaf, "data", leaf)
                    key = name + suffix
                    ok = isinstance(leaf, (int, float)) and not isinstance(leaf, bool)
                    if ok and key in want_forward:
                        worst = max(worst, _difference(float(leaf), want_forward[key]))
        for var in exercise.gradients:
            if var not in namespace:
                return "fail"
            got = dict(_leaves(namespace[var], ""))
            got = {var + k: v for k, v in got.items()}
            if set(got) != {k for k in want if k.split("[")[0] == var}:
                return "fail"
            for name, value in got.items():
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    return "fail"
                try:
                    worst = max(worst, _difference(float(value), want[name]))
                except OverflowError:
                    return "fail"
    if worst <= RIGHT:
        return "pass"
    return "fail" if worst >= WRONG else None
