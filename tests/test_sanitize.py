"""Pictures are sanitized at build time with the browser's policy (web/svg-policy.json)."""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from backprop_core import Value
from sitebuild import runnable, snippet_files
from sitebuild.sanitize import POLICY_FILE, sanitize_svg

HOSTILE = [
    "<svg><script>alert(1)</script></svg>",
    '<svg onload="alert(1)"><rect/></svg>',
    "<svg><style>body{display:none!important}</style></svg>",
    '<svg><rect style="position:fixed;inset:0;width:100vw"/></svg>',
    '<svg><a href="https://evil.example/"><rect/></a></svg>',
    '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><image href="https://evil.example/pixel.png"/></svg>',
    '<svg><filter><feImage href="https://evil.example/x.svg"/></filter></svg>',
    '<svg><foreignObject><iframe src="https://evil.example/"></iframe></foreignObject></svg>',
    '<svg><use href="https://evil.example/sprite.svg#icon"/></svg>',
    '<svg><use xlink:href="data:image/svg+xml,<svg onload=alert(1)>"/></svg>',
    '<svg><rect fill="url(https://evil.example/p.svg#g)"/></svg>',
    "<svg><rect fill=\"url('//evil.example/p.svg#g')\"/></svg>",
    '<svg><animate attributeName="href" to="javascript:alert(1)"/></svg>',
    '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>',
    "<svg></svg></span></pre><script>alert(1)</script><pre>",
    "<svg><!-- <script>alert(1)</script> --></svg>",
    "<svg><text>&lt;script&gt;</text></svg>",
    # Other spellings of url(): CSS escapes, case, whitespace, comments.
    '<svg><rect fill="\\75 rl(https://evil.example/p.svg#g)"/></svg>',
    '<svg><rect fill="URL(https://evil.example/p.svg#g)"/></svg>',
    '<svg><rect fill="u\\rl(//evil.example/p.svg#g)"/></svg>',
    '<svg><rect stroke="/**/url(https://evil.example/p.svg#g)"/></svg>',
    '<svg><rect fill="#fff url(https://evil.example/p.svg#g)"/></svg>',
    '<svg><rect fill="currentColor;background:url(https://evil.example/)"/></svg>',
    # References inside the picture can multiply it (nested <use>): none are allowed.
    '<svg><defs><g id="a"><rect/><rect/></g></defs><use href="#a"/><use xlink:href="#a"/></svg>',
]


class Elements(HTMLParser):
    """Every start tag and its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(markup)
    return parser.tags


def assert_harmless(markup: str) -> None:
    policy = json.loads(POLICY_FILE.read_text(encoding="utf-8"))
    allowed_tags = {t.lower() for t in policy["elements"]} | {"span", "pre", "div", "button"}
    for tag, attrs in elements(markup):
        assert tag in allowed_tags, f"<{tag}> got through: {markup}"
        for name, value in attrs.items():
            assert not name.startswith("on") and name != "style", f"{name}= got through: {markup}"
            assert name not in ("href", "xlink:href", "id"), f"{name}={value} got through: {markup}"
            assert "url" not in (value or "").lower() and "\\" not in (value or ""), markup
    assert "<script" not in markup.lower() and "<style" not in markup.lower(), markup


@pytest.mark.parametrize("svg", HOSTILE)
def test_hostile_pictures_are_disarmed(svg: str) -> None:
    assert_harmless(sanitize_svg(svg))


def test_a_picture_keeps_no_reference_and_none_of_the_pages_names() -> None:
    """No site drawing uses ids or references, so a picture has none: it cannot
    multiply itself (nested <use>) nor take over the page's own elements."""
    svg = (
        '<svg viewBox="0 0 4 4" class="bp-circuit md-header"><defs><clipPath id="c">'
        '<rect width="2" height="2"/></clipPath></defs>'
        '<g clip-path="url(#c)" class="bp-gate bp-run" data-node="1" data-role="kept-note"'
        ' data-action="run" data-state="done"><use href="#c"/>'
        '<text id="bp-runtime-announcer" fill="#c62828">x</text></g></svg>'
    )
    assert sanitize_svg(svg) == (  # (the content of an element removed stays)
        '<svg viewBox="0 0 4 4"><rect width="2" height="2"></rect>'
        '<g data-node="1"><text fill="#c62828">x</text></g></svg>'
    )


def test_the_engines_own_drawing_is_kept_whole() -> None:
    x, y = Value(3.0, label="x"), Value(-4.0, label="y")
    f = (x * y + x).tanh()
    f.label = "f"
    f.backward()
    svg = f._repr_svg_()
    assert svg is not None

    def tree(markup: str) -> list[tuple[str, dict[str, str]]]:
        root = ET.fromstring(markup)
        return [(el.tag, dict(el.attrib)) for el in root.iter()]

    assert tree(sanitize_svg(svg)) == tree(svg)


HOSTILE_SNIPPET = """\
class Evil:
    def _repr_svg_(self):
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
            '<style>body{display:none}</style>'
            '<rect style="position:fixed;inset:0" fill="url(https://evil.example/#p)"/>'
            '<image href="https://evil.example/track.png"/>'
            '</svg></span></pre><script>alert(document.cookie)</script><pre>'
        )

Evil()
"""


def test_a_snippets_hostile_picture_cannot_reach_the_built_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "evil.py").write_text(HOSTILE_SNIPPET, encoding="utf-8")
    monkeypatch.setattr(snippet_files, "SNIPPETS", tmp_path)
    runnable.begin_page("en", "evil.md", "```bp-run\nevil.py\n```\n")
    page = runnable.format_runnable("evil.py", "bp-run", "bp-run", {}, md=None)
    output = page[page.index('data-role="output"') :]
    assert "bp-figure" in output and "<svg" in output, page
    assert_harmless(output)
    assert "evil.example" not in output


FLOOD_SNIPPET = """\
class Dot:
    def _repr_svg_(self):
        return '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>'

for i in range(1000):
    display(Dot())
"""


def test_a_snippets_flood_of_pictures_is_cut_in_the_built_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build counts pictures as the browser does (web/runner-limits.json)."""
    limits = json.loads((POLICY_FILE.parent / "runner-limits.json").read_text(encoding="utf-8"))
    (tmp_path / "flood.py").write_text(FLOOD_SNIPPET, encoding="utf-8")
    monkeypatch.setattr(snippet_files, "SNIPPETS", tmp_path)
    runnable.begin_page("de", "flood.md", "```bp-run\nflood.py\n```\n")
    page = runnable.format_runnable("flood.py", "bp-run", "bp-run", {}, md=None)
    output = page[page.index('data-role="output"') :]
    assert output.count('class="bp-figure"') == limits["figures_per_run"]
    note = runnable.ui_strings("de")["too_many_figures"].format(figures="50", elements="50.000")
    assert output.count('class="bp-note"') == 1 and html.escape(note) in output
