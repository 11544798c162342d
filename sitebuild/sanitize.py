"""Sanitize a picture a snippet displays before it goes into the page.

A snippet's ``_repr_svg_`` is code like any other: the build must not write
what it returns into the page as it is. The policy (which elements and
attributes a picture may carry) is ``web/svg-policy.json``, the same list the
browser applies with DOMPurify (``web/sanitize.js``); here nh3 (Ammonia)
applies it. References may only point into the picture itself (``#id``).

>>> sanitize_svg('<svg viewBox="0 0 1 1"><style>body{display:none}</style>'
...              '<rect onclick="x()" style="position:fixed" fill="url(https://e/#a)"/>'
...              '<use href="#a"/><use href="https://e/x.svg#a"/></svg>')
'<svg viewBox="0 0 1 1"><rect></rect><use href="#a"></use><use></use></svg>'
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import nh3

POLICY_FILE = Path(__file__).resolve().parent.parent / "web" / "svg-policy.json"
_URL_REF = re.compile(r"url\(\s*['\"]?([^)'\"]*)", re.IGNORECASE)


@cache
def _policy() -> tuple[set[str], set[str], set[str]]:
    policy = json.loads(POLICY_FILE.read_text(encoding="utf-8"))
    tags = set(policy["tags"])
    attributes = set(policy["attributes"])
    return tags, attributes, set(policy["reference_attributes"])


def _same_document_only(element: str, attribute: str, value: str) -> str | None:
    """Keep a reference only if it points into the picture (``#id``)."""
    _, _, references = _policy()
    if attribute in references:
        return value if value.startswith("#") else None
    if any(not target.startswith("#") for target in _URL_REF.findall(value)):
        return None
    return value


def sanitize_svg(svg: str) -> str:
    """``svg`` with only what web/svg-policy.json allows."""
    tags, attributes, _ = _policy()
    return nh3.clean(
        svg,
        tags=tags,
        attributes={"*": attributes},
        generic_attribute_prefixes={"data-"},
        attribute_filter=_same_document_only,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(),
    )
