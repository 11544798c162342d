"""The ``bp-exercise`` fence: an exercise the reader solves in the page and has checked.

An author names the exercise (a folder under ``snippets/exercises/``) on the
fence's first line; the lines after it are the hint, in the page's language::

    ```bp-exercise
    gates/sigmoid
    The sigmoid's local gradient is written with its output: `(1 - f) * f`.
    ```

The folder holds ``starter.py`` (what the editor shows), ``solution.py`` (the
reference solution), ``check.py`` (the checker the browser runs after the
reader's code; see :mod:`backprop_core.practice`) and ``about.json``: the
exercise's title and the line that says what to do, in every language
(``{"title": {"en": …}, "intro": {"en": …}}``). The block is a runnable
block (:func:`sitebuild.runnable.render_block`) with a Check button, a
feedback area, the hint, the solution in a hidden element (the page's script
opens it after a pass or a few attempts) and the checker's source as JSON
(``data-check``).

At build time the starter runs like any snippet (its output is the block's
output), and every reference solution goes through its checker in all four
languages: an exercise that cannot be solved, or whose starter already
passes, fails the build.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from . import runnable
from .localize import source
from .snippet_files import SNIPPETS
from .snippets import run_jobs
from .wheel import ROOT, source_digest

log = logging.getLogger("mkdocs.plugins.sitebuild")

FENCE = re.compile(r"^[ \t]*```bp-exercise[^\n]*\n(?P<body>.*?)^[ \t]*```", re.M | re.S)
NAME = re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+)*$")
FILES = ("starter.py", "solution.py", "check.py")
ABOUT = "about.json"
ATTEMPTS_BEFORE_SOLUTION = 3
TIMEOUT_S = 300
# Messages the exercise block needs in the browser, besides the runnable block's.
MESSAGES = (
    "checking",
    "checked_pass",
    "checked_fail",
    "checked_error",
    "solution_locked",
    "solved",
)

_verified: dict[str, dict[str, Any]] = {}  # content hash -> check_exercises' result
# Page path (the same in every language: "gates/sigmoid/") -> its exercises, for the
# navigation's solved marks (web/progress.js reads assets/bp/exercises.json).
_pages: dict[str, list[str]] = {}


class ExerciseError(Exception):
    """An exercise fence that cannot be rendered."""


def split_body(body: str) -> tuple[str, str]:
    """The fence's body: the exercise's name (first line) and the hint (the rest)."""
    lines = [line.strip() for line in body.strip().splitlines()]
    if not lines or not lines[0]:
        raise ExerciseError("a bp-exercise fence needs the exercise's name on its first line")
    return lines[0], " ".join(line for line in lines[1:] if line)


def _folder_files(name: str) -> dict[str, str]:
    if not NAME.match(name):
        raise ExerciseError(f"{name!r} is not an exercise name like gates/sigmoid")
    folder = SNIPPETS / "exercises" / name
    missing = [f for f in (*FILES, ABOUT) if not (folder / f).is_file()]
    if missing:
        raise ExerciseError(f"exercise {name!r} lacks {', '.join(missing)} in {folder}")
    return {f: (folder / f).read_text(encoding="utf-8") for f in (*FILES, ABOUT)}


def about(name: str, lang: str) -> tuple[str, str]:
    """The exercise's title and its intro line (what to do) in ``lang``."""
    text = _folder_files(name)[ABOUT]
    try:
        data = json.loads(text)
        return data["title"][lang], data["intro"][lang]
    except (ValueError, KeyError, TypeError) as exc:
        raise ExerciseError(
            f"exercise {name!r}: {ABOUT} needs a title and an intro in {lang!r} ({exc!r})"
        ) from None


def _digest(name: str, files: dict[str, str]) -> str:
    h = hashlib.sha256((source_digest() + name).encode())
    for f in FILES:
        h.update(f.encode() + b"\0" + files[f].encode())
    for lang in runnable.languages():  # the solution each page shows is checked
        h.update(source(f"exercises/{name}/solution.py", lang).encode())
    return h.hexdigest()


def verify(names: list[str]) -> dict[str, dict[str, Any]]:
    """Each exercise's reference solution and starter through its checker (cached)."""
    keys = {name: _digest(name, _folder_files(name)) for name in names}
    missing = sorted({name for name, key in keys.items() if key not in _verified})
    if missing:
        request = json.dumps({"root": str(SNIPPETS), "exercises": missing})
        done = subprocess.run(
            [sys.executable, "-m", "sitebuild.check_exercises"],
            input=request,
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=TIMEOUT_S,
        )
        if done.returncode != 0:
            raise RuntimeError(f"checking exercises {missing} failed:\n{done.stderr}")
        for name, result in json.loads(done.stdout).items():
            _verified[keys[name]] = result
    return {name: _verified[key] for name, key in keys.items()}


def problems(name: str, result: dict[str, Any]) -> list[str]:
    """What makes an exercise unfit for the site, in words for the build log."""
    found = [
        f"the reference solution does not pass its checker ({lang}): "
        f"{check['key']}: {check['message']}"
        for lang, check in result["solution"].items()
        if check["verdict"] != "pass"
    ]
    if result["starter"]["verdict"] == "pass":
        found.append("the starter already passes the checker: there is nothing to do")
    elif result["starter"]["verdict"] == "crashed":
        found.append(f"the checker crashed on the starter:\n{result['starter']['message']}")
    return [f"exercise {name}: {p}" for p in found]


def begin_page(markdown: str) -> None:
    """Called by the hook before a page is converted: run its exercises' starters
    and verify their solutions, all at once."""
    names = []
    for m in FENCE.finditer(markdown):
        try:
            names.append(split_body(m["body"])[0])
            _folder_files(names[-1])
        except ExerciseError as exc:
            log.error("%s: %s", runnable.state.page, exc)
            return
    _pages.pop(page_path(runnable.state.page), None)
    if not names:
        return
    _pages[page_path(runnable.state.page)] = names
    run_jobs([(f"exercises/{name}/starter.py",) for name in names], runnable.state.lang)
    for name, result in verify(names).items():
        for problem in problems(name, result):
            log.error("%s: %s", runnable.state.page, problem)


def validate_exercise(
    language: str, inputs: dict[str, str], options: dict[str, str], attrs: Any, md: Any
) -> bool:
    if inputs:
        raise ExerciseError(f"{runnable.state.page}: bp-exercise takes no options, got {inputs}")
    return True


def format_exercise(
    source: str, language: str, class_name: str, options: dict[str, str], md: Any, **kwargs: Any
) -> str:
    """Superfences' formatter (errors are logged, failing the strict build, and shown)."""
    try:
        return _render(*split_body(source))
    except Exception as exc:
        log.error("bp-exercise block: %s", exc)
        return f'<div class="admonition failure"><pre>{html.escape(str(exc))}</pre></div>'


def _render(name: str, hint: str) -> str:
    files = _folder_files(name)
    lang = runnable.state.lang
    starter = f"exercises/{name}/starter.py"
    # The starter and the solution in the page's language (snippets/locale); the
    # checker is never shown, and its messages come in the page's language anyway.
    starter_code = source(starter, lang)
    solution_code = source(f"exercises/{name}/solution.py", lang)
    (output,) = run_jobs([(starter,)], lang)
    if not output.ok:
        raise ExerciseError(f"{runnable.state.page}: the starter of {name} raised at build time")
    t = runnable.ui_strings(runnable.state.lang)
    attr = html.escape
    locked = t["solution_locked"].format(attempts=ATTEMPTS_BEFORE_SOLUTION)
    title, intro = about(name, lang)
    label = t["exercise_label"].format(name=title)
    check_button = (
        f'<button type="button" class="md-button md-button--primary" data-action="check"'
        f' title="{attr(t["check_hint"])}"{runnable.button_name("check_label", label)}>'
        f"{attr(t['check'])}</button>"
    )
    hint_html = (
        f'<details class="bp-exercise__hint" data-role="hint"><summary>{attr(t["hint"])}</summary>'
        f"<p>{_inline_code(hint)}</p></details>"
        if hint
        else ""
    )
    after = (
        f'<div class="bp-exercise__feedback" data-role="feedback" data-verdict="none"'
        f' role="region" aria-live="polite" aria-label="{attr(t["feedback_label"])}">'
        f"<p>{attr(intro)}</p></div>"
        f"{hint_html}"
        f'<p class="bp-exercise__locked" data-role="solution-locked">{attr(locked)}</p>'
        f'<details class="bp-exercise__solution" data-role="solution" hidden data-search-exclude>'
        f"<summary>{attr(t['solution'])}</summary>"
        f"{runnable.highlight_python(solution_code)}</details>"
    )
    # The checker's source for the worker, as JSON in an attribute: not a <script>
    # element, which Material's instant navigation would run as JavaScript.
    check = {"check": files["check.py"], "attempts": ATTEMPTS_BEFORE_SOLUTION}
    check_attr = attr(json.dumps(check, ensure_ascii=False))
    return runnable.render_block(
        starter,
        starter_code,
        output,
        classes="bp-run bp-exercise",
        attrs=f' data-exercise="{attr(name)}" data-solved="false" data-check="{check_attr}"',
        label=label,
        buttons=check_button,
        after=after,
        messages={key: t[key] for key in MESSAGES},
    )


def _inline_code(text: str) -> str:
    """Escaped text with `code` spans, the only markup a hint needs."""
    parts = html.escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


def page_path(src_uri: str) -> str:
    """``en/gates/sigmoid.md`` -> ``gates/sigmoid/``, the page's URL path in any language."""
    parts = src_uri.split("/")
    if parts[0] in runnable.languages():
        parts = parts[1:]
    path = "/".join(parts)
    path = path[: -len(".md")] if path.endswith(".md") else path
    if path == "index" or path.endswith("/index"):
        return path[: -len("index")]
    return path + "/"


def write_map(site_dir: Path) -> Path:
    """assets/bp/exercises.json: which page has which exercises, and the solved mark's label."""
    target = site_dir / "assets" / "bp" / "exercises.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    labels = {lang: runnable.ui_strings(lang)["nav_solved"] for lang in runnable.languages()}
    data = {"pages": dict(sorted(_pages.items())), "labels": labels}
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return target


# --- the home page's "forget my work" control ----------------------------------------


def validate_forget(
    language: str, inputs: dict[str, str], options: dict[str, str], attrs: Any, md: Any
) -> bool:
    if inputs:
        raise ExerciseError(f"{runnable.state.page}: bp-forget takes no options, got {inputs}")
    return True


def format_forget(
    source: str, language: str, class_name: str, options: dict[str, str], md: Any, **kwargs: Any
) -> str:
    """A button that forgets every edit and solved exercise (web/progress.js)."""
    t = runnable.ui_strings(runnable.state.lang)
    messages = {key: t[key] for key in ("forget_work_done", "storage_refused")}
    attr = html.escape
    data = attr(json.dumps(messages, ensure_ascii=False))
    return (
        f"<div class=\"bp-forget\" data-messages='{data}'>"
        f'<button type="button" class="md-button" data-action="forget-work">'
        f"{attr(t['forget_work'])}</button>"
        f'<p data-role="forget-status" role="status" aria-live="polite"></p></div>'
    )
