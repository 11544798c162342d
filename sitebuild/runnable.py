"""The ``bp-run`` fence: a snippet rendered as a runnable, editable block.

An author writes the snippet's path (relative to ``snippets/``) as the body of
the fence; nothing is copied into the page::

    ```bp-run
    gates/multiply.py
    ```

Options: ``session="name"`` runs the block in a namespace shared with the
page's earlier blocks of that session; ``error="expected"`` marks a block
whose snippet is meant to raise (otherwise an exception fails the build).

The HTML follows the runnable-block contract in DESIGN.md. The hook
(:mod:`sitebuild.hooks`) tells this module which page and language is being
rendered; superfences calls :func:`format_runnable` for each fence.
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from .localize import source
from .sanitize import sanitize_svg
from .snippets import Output, run_jobs

log = logging.getLogger("mkdocs.plugins.sitebuild")

UI_STRINGS = Path(__file__).resolve().parent.parent / "web" / "ui-strings.json"
FENCE = re.compile(r"^```bp-run(?P<options>[^\n]*)\n(?P<body>.*?)^```", re.M | re.S)
OPTION = re.compile(r'(\w[\w-]*)="([^"]*)"')
# Messages the browser needs at run time; labels are rendered into the HTML.
RUNTIME_MESSAGES = (
    "static",
    "queued",
    "loading",
    "loading_progress",
    "running",
    "done",
    "error",
    "stopped",
    "timeout",
    "reset_done",
    "runtime_failed",
    "figure",
    "step_backward",
    "step_forward",
    "step_start",
    "step_gate",
    "step_input",
    "step_done",
    "ready",
    "waiting",
    "stopped_kept",
    "stopped_loading",
    "crashed",
    "worker_lost",
    "output_cut",
    "picture_too_large",
    "too_many_figures",
    "cancelled",
)
# Messages of every block's kept edits and shared links (web/keep.js).
KEEP_MESSAGES = (
    "link_copied",
    "link_in_address_bar",
    "storage_refused",
    "storage_full",
    "shared_code",
    "shared_code_over_edit",
    "shared_replaced_edit",
    "restore_edit",
    "edit_restored",
    "edited_elsewhere",
    "edited_elsewhere_typing",
)


class SnippetError(Exception):
    """A runnable block that cannot be rendered: a missing snippet, an unexpected error."""


@cache
def ui_strings(lang: str) -> dict[str, str]:
    table: dict[str, dict[str, str]] = json.loads(UI_STRINGS.read_text(encoding="utf-8"))
    if lang not in table:
        raise SnippetError(f"web/ui-strings.json has no strings for language {lang!r}")
    return table[lang]


def languages() -> tuple[str, ...]:
    """The languages web/ui-strings.json has strings for (the site's languages)."""
    table: dict[str, Any] = json.loads(UI_STRINGS.read_text(encoding="utf-8"))
    return tuple(lang for lang in table if not lang.startswith("_"))


@dataclass
class PageState:
    """The page being rendered: its language and the blocks seen so far."""

    lang: str = "en"
    page: str = ""
    blocks: int = 0  # runnable blocks rendered so far (their code areas' ids)
    sessions: dict[str, list[str]] = field(default_factory=dict)

    def job(self, name: str, session: str | None) -> tuple[str, ...]:
        """The snippets a block runs: its session's earlier blocks, then itself."""
        if not session:
            return (name,)
        self.sessions.setdefault(session, []).append(name)
        return tuple(self.sessions[session])


state = PageState()


def begin_page(lang: str, page: str, markdown: str) -> None:
    """Called by the hook before a page is converted: run all its snippets at once."""
    global state
    state = PageState(lang=lang, page=page)
    scan = PageState()  # a throw-away copy: the formatter counts sessions again
    jobs = [
        scan.job(m["body"].strip(), dict(OPTION.findall(m["options"])).get("session"))
        for m in FENCE.finditer(markdown)
    ]
    try:
        run_jobs(jobs, lang)
    except (FileNotFoundError, ValueError) as exc:
        log.error("%s: %s", page, exc)  # the block itself renders the error too


def validate_runnable(
    language: str, inputs: dict[str, str], options: dict[str, str], attrs: Any, md: Any
) -> bool:
    allowed = {"session", "error"}
    unknown = set(inputs) - allowed
    if unknown:
        raise SnippetError(f"{state.page}: unknown bp-run option(s) {sorted(unknown)}")
    if inputs.get("error", "expected") != "expected":
        raise SnippetError(f'{state.page}: bp-run option error= only accepts "expected"')
    options.update(inputs)
    return True


class _LineFormatter(HtmlFormatter):  # type: ignore[type-arg]
    """Pygments' HTML with each line in a ``<span class="bp-line">``: web/runner.css
    numbers the lines with a CSS counter, as the editor's gutter does, so the code
    does not move when the editor takes over (and the numbers are not in its text)."""

    def wrap(self, source: Any) -> Any:
        lines = ((code, f'<span class="bp-line">{t}</span>' if code else t) for code, t in source)
        return super().wrap(lines)


def highlight_python(code: str) -> str:
    """Highlighted code in the markup Material styles, shown until the editor loads.
    No trailing newline after the block: the editor's text is the snippet's, no more."""
    formatter = _LineFormatter(cssclass="language-python highlight", wrapcode=True)
    return highlight(code, PythonLexer(), formatter).rstrip("\n")


def render_output(output: Output, lang: str = "en") -> str:
    """The output area's inner HTML: text escaped, pictures sanitized (web/svg-policy.json).

    A picture too big to show came as text with a note; the note is said in
    the page's language, as the browser says it.
    """
    parts = []
    for kind, *rest in output.events:
        if kind == "stdout":
            parts.append(html.escape(rest[0]))
        elif kind == "stderr":
            parts.append(f'<span class="bp-stderr">{html.escape(rest[0])}</span>')
        elif rest[0] == "image/svg+xml":
            parts.append(f'<span class="bp-figure">{sanitize_svg(rest[1])}</span>')
        else:
            parts.append(html.escape(rest[1]) + "\n")
            note = rest[2] if len(rest) > 2 else ""
            if note:
                text = ui_strings(lang).get(note, note).format(**figure_limits(lang))
                parts.append(f'<span class="bp-note">{html.escape(text)}</span>\n')
    return "".join(parts)


def figure_limits(lang: str) -> dict[str, str]:
    """The picture budget as the page's language writes numbers (web/figures.js)."""
    limits = json.loads((UI_STRINGS.parent / "runner-limits.json").read_text(encoding="utf-8"))
    separator = "." if lang == "de" else ","
    return {
        key: f"{limits[name]:,}".replace(",", separator)
        for key, name in (("figures", "figures_per_run"), ("elements", "figure_elements_per_run"))
    }


def format_runnable(
    source: str, language: str, class_name: str, options: dict[str, str], md: Any, **kwargs: Any
) -> str:
    """Superfences' formatter. It swallows exceptions, so errors are logged (and
    fail the strict build) and shown in the page instead of raised."""
    try:
        return _render(source.strip(), options)
    except Exception as exc:
        log.error("bp-run block: %s", exc)
        return f'<div class="admonition failure"><pre>{html.escape(str(exc))}</pre></div>'


def _render(name: str, options: dict[str, str]) -> str:
    try:
        code = source(name, state.lang)  # the snippet in the page's language
    except (FileNotFoundError, ValueError) as exc:
        raise SnippetError(f"{state.page}: {exc}") from None
    session = options.get("session")
    (output,) = run_jobs([state.job(name, session)], state.lang)
    if not output.ok and options.get("error") != "expected":
        text = "".join(e[1] for e in output.events if e[0] != "display")
        raise SnippetError(
            f"{state.page}: snippet {name} raised an exception at build time "
            f'(add error="expected" to the fence if that is the point):\n{text}'
        )
    session_attr = f' data-session="{html.escape(session)}"' if session else ""
    return render_block(name, code, output, attrs=session_attr)


def render_block(
    name: str,
    code: str,
    output: Output,
    *,
    classes: str = "bp-run",
    attrs: str = "",
    label: str | None = None,
    buttons: str = "",
    after: str = "",
    messages: dict[str, str] | None = None,
) -> str:
    """A runnable block's HTML (the DESIGN.md contract). Exercises add their own
    ``classes``, ``attrs``, a ``label`` shown (and used in the buttons' names)
    instead of the snippet's path, ``buttons`` (after Run), parts ``after`` the
    output and browser ``messages`` (sitebuild.exercises)."""
    t = ui_strings(state.lang)
    messages = {key: t[key] for key in (*RUNTIME_MESSAGES, *KEEP_MESSAGES)} | (messages or {})
    attr = html.escape
    state.blocks += 1
    code_id = f"bp-code-{state.blocks}"
    shown = label or name

    def named(key: str) -> str:  # a button's name says which example it belongs to
        return button_name(key, shown)

    editor_label = attr(t["editor_label"].format(snippet=name))
    return (
        f'<div class="{classes}" data-snippet="{attr(name)}" data-state="static"{attrs}'
        f' data-lang="{attr(state.lang)}"'
        f" data-messages='{attr(json.dumps(messages, ensure_ascii=False))}'>"
        f'<div class="bp-run__bar">'
        f'<span class="bp-run__name">{attr(shown)}</span>'
        f'<button type="button" class="md-button md-button--primary" data-action="run"'
        f' title="{attr(t["run_hint"])}"{named("run_label")}'
        f' aria-keyshortcuts="Control+Enter Meta+Enter">{attr(t["run"])}</button>'
        f"{buttons}"
        f'<button type="button" class="md-button" data-action="stop"{named("stop_label")} disabled>'
        f"{attr(t['stop'])}</button>"
        f'<button type="button" class="md-button" data-action="reset"{named("reset_label")}>'
        f"{attr(t['reset'])}</button>"
        f'<button type="button" class="md-button bp-run__copy" data-action="copy"'
        f' data-clipboard-target="#{code_id} code" title="{attr(t["copy"])}"{named("copy_label")}>'
        f"</button>"
        f'<button type="button" class="md-button" data-action="copy-link"'
        f' title="{attr(t["copy_link_hint"])}"{named("copy_link_label")}>'
        f"{attr(t['copy_link'])}</button>"
        f"</div>"
        f'<div class="bp-run__editor" id="{code_id}" data-role="editor" role="textbox"'
        f' aria-multiline="true" aria-label="{editor_label}" data-label="{editor_label}">'
        f"{highlight_python(code)}</div>"
        f'<div class="bp-run__status" data-role="status" role="status" aria-live="polite">'
        f"{attr(t['static'])}</div>"
        f'<pre class="bp-run__output" data-role="output" tabindex="0"'
        f' aria-label="{attr(t["output_label"])}">{render_output(output, state.lang)}</pre>'
        f"{after}"
        f"</div>"
    )


def button_name(key: str, block: str) -> str:
    """A button's accessible name, saying which block it belongs to (aria-label)."""
    return f' aria-label="{html.escape(ui_strings(state.lang)[key].format(snippet=block))}"'
