"""Run exercises' reference solutions and starters through their checkers, in a fresh process.

Input (stdin): ``{"root": "<snippets dir>", "exercises": ["gates/sigmoid", ...]}``.
Output (stdout): per exercise ``{"solution": {lang: result}, "starter": result}``,
where a result is the checker's dict (verdict, key, message) or
``{"verdict": "crashed", "message": traceback}`` if the checker itself failed.

The build uses it to prove every exercise on the site can be solved: the
reference solution, as each language's page shows it (snippets/locale), must
pass in that language, and the starter must not.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Any

from backprop_core.practice import LANGUAGES
from sitebuild.localize import SOURCE_LANGUAGE, source


def _check(check: Any, source: str, lang: str) -> dict[str, Any]:
    try:
        result = dict(check(source, lang))
    except Exception:
        return {"verdict": "crashed", "key": None, "message": traceback.format_exc()}
    return {key: result.get(key) for key in ("verdict", "key", "message")}


def check_exercise(folder: Path, name: str | None = None) -> dict[str, Any]:
    """The checker's verdicts on the solution (per language) and on the starter.

    With the exercise's ``name`` (``gates/sigmoid``, its folder under snippets/),
    each language's solution is the one its page shows; without, the files as
    they are (an exercise outside snippets/, in tests).
    """
    namespace: dict[str, Any] = {"__name__": "check"}
    try:
        code = (folder / "check.py").read_text(encoding="utf-8")
        exec(compile(code, str(folder / "check.py"), "exec"), namespace)
        check = namespace["check"]
    except Exception:
        crashed = {"verdict": "crashed", "key": None, "message": traceback.format_exc()}
        return {"solution": {lang: crashed for lang in LANGUAGES}, "starter": crashed}

    def shown(file: str, lang: str) -> str:
        if name is None or lang == SOURCE_LANGUAGE:
            return (folder / file).read_text(encoding="utf-8")
        return source(f"exercises/{name}/{file}", lang)

    starter = shown("starter.py", SOURCE_LANGUAGE)
    return {
        "solution": {lang: _check(check, shown("solution.py", lang), lang) for lang in LANGUAGES},
        "starter": _check(check, starter, "en"),
    }


def main() -> None:
    request = json.load(sys.stdin)
    root = Path(request["root"])
    results = {
        name: check_exercise(root / "exercises" / name, name) for name in request["exercises"]
    }
    sys.__stdout__.write(json.dumps(results))


if __name__ == "__main__":
    main()
