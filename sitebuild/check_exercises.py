"""Run exercises' reference solutions and starters through their checkers, in a fresh process.

Input (stdin): ``{"root": "<snippets dir>", "exercises": ["gates/sigmoid", ...]}``.
Output (stdout): per exercise ``{"solution": {lang: result}, "starter": result}``,
where a result is the checker's dict (verdict, key, message) or
``{"verdict": "crashed", "message": traceback}`` if the checker itself failed.

The build uses it to prove every exercise on the site can be solved: the
reference solution must pass in every language, and the starter must not.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Any

from backprop_core.practice import LANGUAGES


def _check(check: Any, source: str, lang: str) -> dict[str, Any]:
    try:
        result = dict(check(source, lang))
    except Exception:
        return {"verdict": "crashed", "key": None, "message": traceback.format_exc()}
    return {key: result.get(key) for key in ("verdict", "key", "message")}


def check_exercise(folder: Path) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "check"}
    try:
        code = (folder / "check.py").read_text(encoding="utf-8")
        exec(compile(code, str(folder / "check.py"), "exec"), namespace)
        check = namespace["check"]
    except Exception:
        crashed = {"verdict": "crashed", "key": None, "message": traceback.format_exc()}
        return {"solution": {lang: crashed for lang in LANGUAGES}, "starter": crashed}
    solution = (folder / "solution.py").read_text(encoding="utf-8")
    starter = (folder / "starter.py").read_text(encoding="utf-8")
    return {
        "solution": {lang: _check(check, solution, lang) for lang in LANGUAGES},
        "starter": _check(check, starter, "en"),
    }


def main() -> None:
    request = json.load(sys.stdin)
    root = Path(request["root"])
    results = {name: check_exercise(root / "exercises" / name) for name in request["exercises"]}
    sys.__stdout__.write(json.dumps(results))


if __name__ == "__main__":
    main()
