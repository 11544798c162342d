"""Sanitize a picture a snippet displays before it goes into the page.

A snippet's ``_repr_svg_`` is code like any other: the build must not write
what it returns into the page as it is. The policy is ``web/svg-policy.json``:
exactly the elements, attributes, value kinds and class names the site's own
drawings emit, the same file the browser applies with DOMPurify
(``web/sanitize.js``); here nh3 (Ammonia) applies it. An attribute is kept
only if its element may carry it and its whole value is of the attribute's
kind: a paint is ``none``, ``currentColor`` or a ``#hex`` colour, never a
``url(...)`` in any spelling; there are no ids and no references at all.

>>> sanitize_svg('<svg viewBox="0 0 1 1"><style>body{display:none}</style>'
...              '<rect onclick="x()" style="position:fixed" fill="url(https://e/#a)"/>'
...              '<rect fill="#c62828" class="bp-grad md-header" id="bp-runtime-announcer"/>'
...              '<use href="#a"/></svg>')
'<svg viewBox="0 0 1 1"><rect></rect><rect fill="#c62828"></rect></svg>'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import nh3

POLICY_FILE = Path(__file__).resolve().parent.parent / "web" / "svg-policy.json"


@dataclass(frozen=True)
class Policy:
    """web/svg-policy.json, read once: what may be in a picture."""

    elements: dict[str, frozenset[str]]
    kinds: dict[str, re.Pattern[str]]  # attribute -> the pattern its whole value must match
    classes: frozenset[str]

    def allows(self, element: str, attribute: str, value: str) -> bool:
        if attribute not in self.elements.get(element, ()):
            return False
        pattern = self.kinds.get(attribute)
        if pattern is None or pattern.fullmatch(value) is None:
            return False
        return attribute != "class" or all(name in self.classes for name in value.split())


@cache
def policy() -> Policy:
    data = json.loads(POLICY_FILE.read_text(encoding="utf-8"))
    patterns = {kind: re.compile(text) for kind, text in data["kinds"].items()}
    return Policy(
        elements={name: frozenset(attrs) for name, attrs in data["elements"].items()},
        kinds={attr: patterns[kind] for attr, kind in data["values"].items()},
        classes=frozenset(data["classes"]),
    )


def _keep_if_allowed(element: str, attribute: str, value: str) -> str | None:
    value = value.strip()  # as DOMPurify does
    return value if policy().allows(element, attribute, value) else None


def sanitize_svg(svg: str) -> str:
    """``svg`` with only what web/svg-policy.json allows."""
    rules = policy()
    return nh3.clean(
        svg,
        tags=set(rules.elements),
        attributes={name: set(attrs) for name, attrs in rules.elements.items()},
        attribute_filter=_keep_if_allowed,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(),
    )
