"""What the engine exercise's judge says of one case: a run that raised or returned no
number, a gradient explained by a mistake's replay (:mod:`.engine_walks`), one ratio
for every gradient, the shares of a reused node, and the finding that leads."""

from __future__ import annotations

from typing import Any

from .engine_cases import Case
from .numbers import close, fmt
from .plain import NON_FINITE, number, text_of


def uniform_ratio(
    results: list[tuple[int, dict[str, float], list[str]]], truths: list[dict[str, float]]
) -> float | None:
    """Every gradient of every shallow case is the right one times the same number."""
    ratios = [
        got[n] / truths[i][n] for i, got, _ in results for n in got if abs(truths[i][n]) > 1e-12
    ]
    if ratios and all(close(r, ratios[0]) for r in ratios) and abs(ratios[0]) > 1e-9:
        return ratios[0]
    return None


def explained(run: dict[str, Any], mistake: str, got: dict[str, float]) -> bool:
    """A replay of this mistake on the reader's own graph gives the reader's numbers."""
    predicted = run.get("mistakes")
    walks = predicted.get(mistake) if isinstance(predicted, dict) else None
    return isinstance(walks, list) and any(_matches(walk, got) for walk in walks)


def number_or_nan(value: object) -> float:
    """The plain number, or NaN (close to nothing) for anything else."""
    x = number(value)
    return x if x is not None else float("nan")


def _matches(walk: object, got: dict[str, float]) -> bool:
    if not isinstance(walk, dict):
        return False
    return all(close(got[n], number_or_nan(walk.get(n))) for n in got)


def fork_fields(shares: object, wrong: list[str]) -> dict[str, str]:
    """The highest node used more than once whose gradient is wrong, and its shares."""
    shares = shares if isinstance(shares, dict) else {}
    for name in reversed(list(shares)):
        values = shares[name]
        if name in wrong and isinstance(values, list):
            return {
                "name_": name,
                "name": name,
                "count": str(len(values)),
                "shares": " + ".join(fmt(number_or_nan(s)) for s in values),
            }
    return {"name": wrong[0], "count": "2", "shares": "…"}


def rows(got: dict[str, float], want: dict[str, float]) -> list[dict[str, Any]]:
    """The feedback's table: each gradient, the reader's and the right one."""
    return [
        {"name": f"{n}.grad", "got": got[n], "want": want[n], "ok": close(got[n], want[n])}
        for n in want
    ]


def lead_finding(
    key: str,
    case: Case,
    got: dict[str, float],
    want: dict[str, float],
    name: str,
    extra: dict[str, str] | None = None,
) -> tuple[str | None, dict[str, str], str | None, str, list[dict[str, Any]]]:
    """The finding (key, fields, variable, case, rows) that names ``name``'s gradient."""
    g, w = got[name], want[name]
    fields = {"var": f"{name}.grad", "got": fmt(g, w), "want": fmt(w, g), "case": case.text}
    return key, {**fields, **(extra or {})}, f"{name}.grad", case.text, rows(got, want)


def run_problem(
    run: dict[str, Any], case: Case, truth: dict[str, float]
) -> tuple[str | None, dict[str, str], str | None, str, list[dict[str, Any]]] | None:
    """A run that raised, or a gradient that is missing, no number or not finite."""
    error = run.get("error")
    if isinstance(error, dict) or not isinstance(run.get("got"), dict):
        error = error if isinstance(error, dict) else {"text": "no result", "line": 0}
        fields = {"error": str(error.get("text", "")), "line": str(error.get("line", 0))}
        return "raises", fields, None, case.text, []
    got = run["got"]
    for name in truth:
        leaf = got.get(name)
        if number(leaf) is not None:
            continue
        var = f"{name}.grad"
        if leaf in NON_FINITE:
            key = "too-large" if leaf == "huge" else "not-finite"
            return key, {"var": var, "got": str(leaf)}, var, case.text, []
        return "not-a-number", {"var": var, "type": text_of(leaf)}, var, case.text, []
    return None
