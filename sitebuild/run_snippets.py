"""Run snippet jobs in a fresh process and print their outputs as JSON.

Input (stdin): ``{"lang": "zh", "jobs": [[["a.py", "<code>"]], [["s1.py", "<code>"],
["s2.py", "<code>"]], ...]}``. A job is a list of snippets (path, localized
code) run one after another in one namespace (a page's session); the output
recorded is that of the job's last snippet.
Output (stdout): one ``{"ok": bool, "events": [...]}`` per job, where an event is
``["stdout", text]``, ``["stderr", text]`` or ``["display", mime, data, note]``
(note: "" or why a picture fell back to text). A picture displayed again under
the same ``display_id`` replaces the first one in place, as in the browser, so
a live training picture shows its final state.

Each snippet runs through :func:`backprop_core.notebook.run_cell`, the rule the
browser uses too, so the build's output is what a reader sees after Run.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from typing import Any

from backprop_core import set_language
from backprop_core.notebook import run_cell


class _Capture:
    """A text stream that records what is written to it as events."""

    def __init__(self, events: list[list[str]], name: str) -> None:
        self.events, self.name = events, name

    def write(self, text: str) -> int:
        if text:
            last = self.events[-1] if self.events else None
            if last is not None and last[0] == self.name:
                last[1] += text
            else:
                self.events.append([self.name, text])
        return len(text)

    def flush(self) -> None:
        pass


def _display_recorder(events: list[list[str]]) -> Any:
    """A display hook that records pictures, replacing one shown under the same display_id."""
    shown: dict[str, list[str]] = {}

    def record(mime: str, data: str, meta: Mapping[str, str]) -> None:
        event = ["display", mime, data, meta.get("note", "")]
        display_id = meta.get("display_id")
        if display_id is not None and display_id in shown:
            shown[display_id][:] = event
            return
        events.append(event)
        if display_id is not None:
            shown[display_id] = event

    return record


def run_job(cells: list[tuple[str, str]]) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "__main__"}
    ok = True
    events: list[list[str]] = []
    for i, (path, code) in enumerate(cells):
        events = []  # only the last snippet's output is kept
        sys.stdout, sys.stderr = _Capture(events, "stdout"), _Capture(events, "stderr")
        try:
            ok = run_cell(
                code,
                namespace,
                filename=path,
                display_hook=_display_recorder(events),
            )
        finally:
            sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        if not ok and i < len(cells) - 1:
            break
    return {"ok": ok, "events": events}


def main() -> None:
    request = json.load(sys.stdin)
    set_language(request.get("lang", "en"))  # diagrams' titles and descriptions
    results = [run_job([(path, code) for path, code in job]) for job in request["jobs"]]
    sys.__stdout__.write(json.dumps(results))


if __name__ == "__main__":
    main()
