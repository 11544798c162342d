"""The strict build and what it puts into the site.

The build itself runs once per session (``built_site`` in conftest.py: a
strict build that any warning fails); these tests read its output.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
import sys
import zipfile

import pytest

from sitebuild.assets import pyodide_version
from sitebuild.snippets import run_jobs
from tests.conftest import BuiltSite
from tests.pages import LANGUAGES, SNIPPETS, blocks, pages, read, url

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//(?!127\.0\.0\.1)""")
BLOCK = re.compile(
    r'<div class="bp-run" data-snippet="(?P<snippet>[^"]+)" data-state="static"[^>]*>(?P<body>.*?)'
    r'<pre class="bp-run__output" data-role="output"[^>]*>(?P<output>.*?)</pre></div>',
    re.S,
)


def html_of(site: BuiltSite, lang: str, page: str) -> str:
    return (site.path / url(page, lang) / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_built_in_every_language(built_site: BuiltSite, lang: str) -> None:
    for page in pages("en"):
        text = html_of(built_site, lang, page)
        tag = "zh-Hans" if lang == "zh" else lang  # Simplified Chinese, told apart from Traditional
        assert f'<html lang="{tag}"' in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_runnable_blocks_follow_the_contract(built_site: BuiltSite, lang: str) -> None:
    for page in pages(lang):
        expected = [b.body for b in blocks(read(lang, page)) if b.kind == "bp-run"]
        found = list(BLOCK.finditer(html_of(built_site, lang, page)))
        assert [m["snippet"] for m in found] == expected, f"{lang}/{page}"
        for m in found:
            body = m["body"]
            for action in ("run", "stop", "reset"):
                assert f'data-action="{action}"' in body
            assert 'data-role="editor"' in body


def test_block_output_is_the_snippets_cpython_output(built_site: BuiltSite) -> None:
    """A block shows what `python snippets/<name>.py` prints (when it displays nothing)."""
    checked = 0
    for page in pages("en"):
        for m in BLOCK.finditer(html_of(built_site, "en", page)):
            (output,) = run_jobs([(m["snippet"],)])
            if any(event[0] != "stdout" for event in output.events):
                continue  # displayed values and stderr: compared by the browser tests
            done = subprocess.run(
                [sys.executable, str(SNIPPETS / m["snippet"])], capture_output=True, text=True
            )
            assert html.unescape(m["output"]) == done.stdout, m["snippet"]
            checked += 1
    assert checked > 0


def test_pyodide_runtime_wheel_and_lock_file(built_site: BuiltSite) -> None:
    runtime = built_site.path / "assets" / "pyodide"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert (runtime / name).is_file(), name
    lock = json.loads((runtime / "pyodide-lock.json").read_text())
    assert lock["info"]["python"].startswith("3.14")
    package = lock["packages"]["backprop-core"]
    wheel = runtime / package["file_name"]
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == package["sha256"]
    assert package["imports"] == ["backprop_core"]
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    assert "backprop_core/value.py" in names and "backprop_core/py.typed" in names
    assert pyodide_version() == "314.0.7"


def test_browser_code_and_math_are_self_hosted(built_site: BuiltSite) -> None:
    assets = built_site.path / "assets"
    for name in ("bp/site.js", "bp/worker.js", "bp/runner.css", "katex/katex.min.css"):
        assert (assets / name).is_file(), name
    assert list((assets / "katex" / "fonts").glob("*.woff2"))


def test_no_page_loads_anything_from_another_origin(built_site: BuiltSite) -> None:
    offenders = []
    for path in built_site.path.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for m in EXTERNAL.finditer(text):
            context = text[max(0, m.start() - 40) : m.end() + 60]
            # Plain links (<a href>) to other sites are allowed; loading resources is not.
            if "<a " not in context[:50] and 'rel="noopener"' not in context:
                offenders.append(f"{path.relative_to(built_site.path)}: {context!r}")
    assert not offenders, offenders[:5]
    for css in built_site.path.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8", errors="ignore")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_material_ui_and_search_are_in_the_pages_language(built_site: BuiltSite, lang: str) -> None:
    text = html_of(built_site, lang, "index.md")
    labels = {"en": "Search", "zh": "搜索", "ja": "検索", "de": "Suche"}
    assert labels[lang] in text


def test_search_index_covers_every_language(built_site: BuiltSite) -> None:
    index = json.loads((built_site.path / "search" / "search_index.json").read_text())
    locations = [doc["location"] for doc in index["docs"]]
    for lang in ("zh", "ja", "de"):
        assert any(loc.startswith(f"{lang}/") for loc in locations), lang
    assert set(index["config"]["lang"]) >= {"en", "ja", "de"}


def test_a_missing_snippet_is_an_error(caplog: pytest.LogCaptureFixture) -> None:
    """Logged at ERROR level (which fails `mkdocs build --strict`) and shown in the page."""
    from sitebuild import runnable

    html_out = runnable.format_runnable("no/such_snippet.py", "bp-run", "bp-run", {}, None)
    assert "does not exist" in html_out and "admonition failure" in html_out
    assert any(r.levelname == "ERROR" and "such_snippet" in r.getMessage() for r in caplog.records)


DIAGRAM_PAGES = [p for p in pages("en") if p.startswith("gates/") or p == "staged-computation.md"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", DIAGRAM_PAGES)
def test_gate_pages_show_their_circuit(built_site: BuiltSite, lang: str, page: str) -> None:
    """The build draws the example's circuit into the page (no JavaScript needed to see it)."""
    text = html_of(built_site, lang, page)
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="bp-circuit"' in text
    assert 'class="bp-gate"' in text and "data-order=" in text
