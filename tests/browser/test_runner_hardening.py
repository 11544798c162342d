"""The runner holds against reader code that floods, forges, breaks state or dies.

Each test reproduces an attack from the runner review (reviews/runner.md) in
real Chromium against the built site: the page must stay usable and truthful,
and the next run — in this block, another block, another page — must start
from a clean interpreter.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.blocks import (
    STRINGS,
    output_of,
    replace_code,
    run,
    wait_finished,
    wait_ready,
)
from tests.browser.conftest import SiteServer, instant_navigate
from tests.pages import url

pytestmark = pytest.mark.browser

OUTPUT_CHARS = 200_000  # web/runner-limits.json
OUTPUT_LINES = 5000


def status(block: Locator) -> str:
    return block.locator('[data-role="status"]').inner_text()


def fill(template: str, **values: object) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


def open_page(page: Page, site: SiteServer, name: str, lang: str = "en", **kw: bool) -> Locator:
    page.goto(site.url(url(name, lang), **kw))
    return page.locator(".bp-run")


# --- output budgets -----------------------------------------------------------


def test_a_huge_print_is_cut_at_the_source_and_the_run_stays_stoppable(
    page: Page, site: SiteServer
) -> None:
    blocks = open_page(page, site, "gates/multiply.md", "de")
    block = blocks.first
    wait_ready(page)
    replace_code(page, block, 'print("y" * 50_000_000)\nwhile True:\n    pass')
    block.locator('[data-action="run"]').click()
    cut = fill(STRINGS["de"]["output_cut"], chars="200.000", lines="5.000")
    note = block.locator(".bp-note")
    expect(note).to_have_count(1, timeout=30_000)
    text = str(output_of(block)["text"])
    assert text.count("y") <= OUTPUT_CHARS, "more output reached the page than the budget"
    assert text.startswith("y" * 1000)
    assert note.inner_text().strip() == cut.strip()
    assert block.get_attribute("data-state") == "running"
    block.locator('[data-action="stop"]').click()
    assert wait_finished(block, timeout=15_000) == "stopped"
    expect(block.locator(".bp-note")).to_have_count(1)  # said once
    replace_code(page, block, "print('next')")
    assert run(block) == "done" and output_of(block)["text"] == "next\n"


def test_many_lines_are_cut_at_the_line_budget(page: Page, site: SiteServer) -> None:
    block = open_page(page, site, "gates/multiply.md", "ja").first
    wait_ready(page)
    replace_code(page, block, "for i in range(1_000_000):\n    print(i)")
    assert run(block) == "done"
    text = str(output_of(block)["text"])
    numbers = text.splitlines()[:-1]
    assert numbers == [str(i) for i in range(OUTPUT_LINES)], numbers[-3:]
    cut = fill(STRINGS["ja"]["output_cut"], chars="200,000", lines="5,000")
    assert text.splitlines()[-1] == cut


def test_alternating_streams_keep_their_order_in_few_messages(page: Page, site: SiteServer) -> None:
    block = open_page(page, site, "gates/multiply.md").first
    wait_ready(page)
    before = page.evaluate("window.bpRuntime.counts.output || 0")
    code = (
        "import sys\n"
        "for i in range(2000):\n"
        "    print(f'o{i}')\n"
        "    print(f'e{i}', file=sys.stderr)\n"
    )
    replace_code(page, block, code)
    assert run(block) == "done"
    messages = page.evaluate("window.bpRuntime.counts.output || 0") - before
    expected = "".join(f"o{i}\ne{i}\n" for i in range(2000))
    assert output_of(block)["text"] == expected
    stderr = block.locator(".bp-stderr")
    assert stderr.count() == 2000 and stderr.nth(7).inner_text() == "e7\n"
    assert messages < 400, f"{messages} messages for 4000 alternating writes"


def test_a_million_element_picture_falls_back_to_text(page: Page, site: SiteServer) -> None:
    block = open_page(page, site, "gates/multiply.md", "zh").first
    code = (
        "class Huge:\n"
        "    def _repr_svg_(self):\n"
        "        return '<svg>' + '<rect/>' * 1_000_000 + '</svg>'\n"
        "    def __repr__(self):\n"
        "        return 'Huge()'\n"
        "Huge()"
    )
    replace_code(page, block, code)
    assert run(block) == "done"
    note = STRINGS["zh"]["picture_too_large"]
    assert output_of(block) == {"text": f"Huge()\n{note}\n", "figures": 0}


def test_the_page_checks_picture_size_itself(page: Page, site: SiteServer) -> None:
    """Even if reader code lifts backprop_core's limits, the page refuses a picture too big."""
    block = open_page(page, site, "gates/multiply.md").first
    code = (
        "import backprop_core.notebook.display as nb\n"
        "nb.SVG_MAX_ELEMENTS = nb.FIGURE_ELEMENTS_PER_RUN = 10**9\n"
        "class Many:\n"
        "    def _repr_svg_(self):\n"
        "        return '<svg>' + '<rect/>' * 200_000 + '</svg>'\n"
        "Many()"
    )
    replace_code(page, block, code)
    assert run(block) == "done"
    assert output_of(block) == {"text": STRINGS["en"]["picture_too_large"] + "\n", "figures": 0}


# --- a private, validated protocol ----------------------------------------------


FORGER = """\
import js
from pyodide.ffi import to_js

def post(message):
    js.postMessage(to_js(message, dict_converter=js.Object.fromEntries))

for run_id in range(1, 40):
    post({"type": "stdout", "id": run_id, "text": "FORGED"})
    post({"type": "output", "id": run_id, "chunks": [["stdout", "FORGED"]]})
    post({"type": "display", "id": run_id, "mime": "text/plain", "data": "FORGED",
          "displayId": "", "note": ""})
    post({"type": "done", "id": run_id, "ok": True, "ms": 1})
post({"type": "progress", "stage": "failed", "percent": 0})
post({"type": "failed", "error": "FORGED"})
post({"type": "crashed", "id": 2, "error": "FORGED"})
print("forger done")
"""


def test_forged_messages_from_reader_code_change_nothing(page: Page, site: SiteServer) -> None:
    blocks = open_page(page, site, "gates/add.md")
    wait_ready(page)
    forger, other = blocks.nth(0), blocks.nth(1)
    replace_code(page, other, "import time\ntime.sleep(1.5)\nprint('real output')")
    replace_code(page, forger, FORGER)
    forger.locator('[data-action="run"]').click()
    other.locator('[data-action="run"]').click()
    assert wait_finished(forger) == "done"
    assert output_of(forger)["text"] == "forger done\n"
    assert wait_finished(other) == "done"
    assert output_of(other)["text"] == "real output\n"
    for i in range(blocks.count()):
        assert "FORGED" not in str(output_of(blocks.nth(i))["text"])
        assert "FORGED" not in status(blocks.nth(i))
    assert page.evaluate("window.bpRuntime.progress.stage") == "ready"


def test_a_worker_that_closes_itself_is_replaced(page: Page, site: SiteServer) -> None:
    block = open_page(page, site, "gates/multiply.md", "ja").first
    wait_ready(page)
    replace_code(page, block, "import js\njs.close()\nimport time\ntime.sleep(2)\nprint('after')")
    block.locator('[data-action="run"]').click()
    assert wait_finished(block, timeout=20_000) == "error"
    expect(block.locator('[data-role="status"]')).to_have_text(STRINGS["ja"]["worker_lost"])
    replace_code(page, block, "print('fresh')")
    assert run(block) == "done" and output_of(block)["text"] == "fresh\n"


# --- a clean interpreter for every run ----------------------------------------------


SPOILER = """\
import builtins, io, random, sys
from backprop_core import Value, grad_check
import backprop_core.value

Value.__mul__ = lambda a, b: Value(-1.0)
backprop_core.grad_check = lambda *args, **kw: True
sys.setrecursionlimit(10**6)
builtins.len = lambda x: 0
random.seed(1234)
print("spoiled")
sys.stdout = io.StringIO()
"""

CHECK_CLEAN = """\
import sys, random
from backprop_core import Value
import backprop_core
x, y = Value(-2.0), Value(3.0)
print((x * y).data, sys.getrecursionlimit(), len("abc"))
print(backprop_core.grad_check(lambda a: a * a, [3.0]) is not True)
print(random.random() != random.Random(1234).random())
"""


def test_a_spoiled_interpreter_does_not_leak_into_the_next_page(
    page: Page, site: SiteServer
) -> None:
    block = open_page(page, site, "gates/multiply.md").first
    replace_code(page, block, SPOILER)
    assert run(block) == "done"
    assert output_of(block)["text"] == "spoiled\n"
    instant_navigate(page, "../add/")
    first = page.locator(".bp-run").first
    static = output_of(first)
    assert run(first) == "done"
    assert output_of(first) == static, "another page's block no longer gives its output"
    replace_code(page, first, CHECK_CLEAN)
    assert run(first) == "done"
    limit = output_of(first)["text"].split()[1]
    assert output_of(first)["text"] == f"-6.0 {limit} 3\nTrue\nTrue\n"
    assert int(limit) < 10**6


# --- run lifecycle -------------------------------------------------------------


def test_the_time_limit_counts_from_the_start_of_the_run(page: Page, site: SiteServer) -> None:
    blocks = open_page(page, site, "gates/add.md")
    wait_ready(page)
    page.evaluate("document.querySelector('meta[name=bp-time-limit]').content = '3'")
    first, second = blocks.nth(0), blocks.nth(1)
    for block in (first, second):
        replace_code(page, block, "import time\ntime.sleep(2)\nprint('slept')")
    first.locator('[data-action="run"]').click()
    second.locator('[data-action="run"]').click()
    expect(second).to_have_attribute("data-state", "waiting")
    expect(second.locator('[data-role="status"]')).to_have_text(STRINGS["en"]["waiting"])
    assert wait_finished(first) == "done"
    assert wait_finished(second) == "done", status(second)
    ms = int(re.sub(r"\D", "", status(second)))
    assert ms < 2900, f"{status(second)}: the time spent waiting was counted"


def test_stop_of_a_waiting_run_leaves_the_others_running(page: Page, site: SiteServer) -> None:
    blocks = open_page(page, site, "gates/add.md")
    wait_ready(page)
    three = [blocks.nth(i) for i in range(3)]
    for i, block in enumerate(three):
        replace_code(page, block, f"import time\ntime.sleep(1)\nprint('block {i}')")
    for block in three:
        block.locator('[data-action="run"]').click()
    expect(three[2]).to_have_attribute("data-state", "waiting")
    three[1].locator('[data-action="stop"]').click()
    assert wait_finished(three[1]) == "stopped"
    assert wait_finished(three[0]) == "done" and output_of(three[0])["text"] == "block 0\n"
    assert wait_finished(three[2]) == "done" and output_of(three[2])["text"] == "block 2\n"


def test_stop_of_the_running_run_passes_the_waiting_ones_to_a_fresh_runtime(
    page: Page, site: SiteServer
) -> None:
    blocks = open_page(page, site, "gates/add.md")
    wait_ready(page)
    runaway, waiting = blocks.nth(0), blocks.nth(1)
    replace_code(page, runaway, "while True:\n    pass")
    replace_code(page, waiting, "print('my turn')")
    runaway.locator('[data-action="run"]').click()
    waiting.locator('[data-action="run"]').click()
    expect(waiting).to_have_attribute("data-state", "waiting")
    runaway.locator('[data-action="stop"]').click()
    assert wait_finished(runaway) == "stopped"
    expect(runaway.locator('[data-role="status"]')).to_have_text(STRINGS["en"]["stopped"])
    assert wait_finished(waiting) == "done" and output_of(waiting)["text"] == "my turn\n"


def test_leaving_the_page_cancels_its_run(page: Page, site: SiteServer) -> None:
    block = open_page(page, site, "gates/multiply.md").first
    replace_code(page, block, "while True:\n    pass")
    block.locator('[data-action="run"]').click()
    expect(block).to_have_attribute("data-state", "running", timeout=60_000)
    instant_navigate(page, "../add/")
    first = page.locator(".bp-run").first
    assert run(first) == "done", "the new page's run waited behind the old page's loop"


def test_stop_with_isolation_interrupts_a_restored_python(page: Page, site: SiteServer) -> None:
    """With COOP/COEP, Stop raises KeyboardInterrupt in an interpreter restored from the
    snapshot (so the traceback shows where the loop was); the next run's comes from it too."""
    block = open_page(page, site, "gates/multiply.md", "zh", isolated=True).first
    assert page.evaluate("self.crossOriginIsolated") is True
    wait_ready(page)
    replace_code(page, block, "n = 0\nwhile True:\n    n += 1")
    block.locator('[data-action="run"]').click()
    expect(block).to_have_attribute("data-state", "running")
    page.wait_for_timeout(300)
    block.locator('[data-action="stop"]').click()
    assert wait_finished(block, timeout=15_000) == "stopped"
    expect(block.locator('[data-role="status"]')).to_have_text(STRINGS["zh"]["stopped"])
    text = str(output_of(block)["text"])
    assert "KeyboardInterrupt" in text and "line 3, in <module>" in text, text
    replace_code(page, block, "print('next')")
    assert run(block) == "done" and output_of(block)["text"] == "next\n"
    stats = page.evaluate("bpRuntime.stats")
    assert stats["started"] == 0 and stats["restored"] >= 2, stats


@pytest.mark.parametrize("lang", ["en", "zh", "ja", "de"])
def test_the_ready_message_is_shown_in_every_language(
    page: Page, site: SiteServer, lang: str
) -> None:
    block = open_page(page, site, "chain-rule.md", lang).first
    wait_ready(page)
    expect(block.locator('[data-role="status"]')).to_have_text(STRINGS[lang]["ready"])
    expect(page.locator("#bp-runtime-announcer")).to_have_text(STRINGS[lang]["ready"])


# --- errors stay readable ------------------------------------------------------------


def test_a_million_frame_recursion_shows_head_and_tail(page: Page, site: SiteServer) -> None:
    block = open_page(page, site, "gates/multiply.md").first
    code = "import sys\nsys.setrecursionlimit(10**6)\ndef f(n):\n    return f(n + 1)\nf(0)"
    replace_code(page, block, code)
    assert run(block) == "error"
    text = str(output_of(block)["text"])
    assert "frames left out" in text and text.rstrip().endswith(
        "RecursionError: maximum recursion depth exceeded"
    ), text[-500:]
    assert len(text) < 10_000
    replace_code(page, block, "print('alive')")
    assert run(block) == "done" and output_of(block)["text"] == "alive\n"


def test_input_explains_that_the_page_cannot_read_it(page: Page, site: SiteServer) -> None:
    block = open_page(page, site, "gates/multiply.md").first
    replace_code(page, block, "name = input('name? ')")
    assert run(block) == "error"
    assert "input() cannot read anything here" in str(output_of(block)["text"])


def test_a_live_picture_is_replaced_in_place(page: Page, site: SiteServer) -> None:
    block = open_page(page, site, "gates/multiply.md").first
    code = (
        "import time\n"
        "from backprop_core import Value\n"
        "print('start')\n"
        "for k in range(5):\n"
        "    x = Value(float(k), label='x')\n"
        "    f = x * 2.0\n"
        "    f.label = 'f'\n"
        "    display(f, display_id='live')\n"
        "    time.sleep(0.15)\n"
        "print('end')"
    )
    replace_code(page, block, code)
    assert run(block) == "done"
    assert output_of(block) == {"text": output_of(block)["text"], "figures": 1}
    assert str(output_of(block)["text"]).startswith("start\n")
    assert str(output_of(block)["text"]).endswith("end\n")
    title = block.locator("svg title").text_content() or ""
    assert "8" in title, f"the picture is not the last version: {title}"


def test_a_worker_that_dies_is_noticed_and_replaced(page: Page, site: SiteServer) -> None:
    """The worker's Web Lock is released when it dies, however it dies (here: killed)."""
    block = open_page(page, site, "gates/multiply.md", "de").first
    wait_ready(page)
    replace_code(page, block, "import time\ntime.sleep(20)")
    block.locator('[data-action="run"]').click()
    expect(block).to_have_attribute("data-state", "running")
    page.evaluate("window.bpRuntime.active.worker.worker.terminate()")  # as if it had crashed
    assert wait_finished(block, timeout=10_000) == "error"
    expect(block.locator('[data-role="status"]')).to_have_text(STRINGS["de"]["worker_lost"])
    replace_code(page, block, "print('neu')")
    assert run(block) == "done" and output_of(block)["text"] == "neu\n"


def test_a_crash_of_the_runtime_says_so_and_python_restarts(page: Page, site: SiteServer) -> None:
    """Dropping a caught million-frame RecursionError frees it recursively: wasm dies."""
    block = open_page(page, site, "gates/multiply.md", "zh").first
    wait_ready(page)
    code = (
        "import sys\nsys.setrecursionlimit(10**6)\ndef f(n):\n    return f(n + 1)\n"
        "try:\n    f(0)\nexcept RecursionError:\n    print('caught')\nprint('after')"
    )
    replace_code(page, block, code)
    assert run(block) == "error"
    expect(block.locator('[data-role="status"]')).to_have_text(STRINGS["zh"]["crashed"])
    replace_code(page, block, "print('重新开始')")
    assert run(block) == "done" and output_of(block)["text"] == "重新开始\n"


def test_a_link_into_another_language_sets_the_documents_language(
    page: Page, site: SiteServer
) -> None:
    open_page(page, site, "gates/multiply.md")
    assert page.evaluate("document.documentElement.lang") == "en"
    instant_navigate(page, "../../zh/gates/add/")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    instant_navigate(page, "../../../ja/gates/add/")
    assert page.evaluate("document.documentElement.lang") == "ja"
