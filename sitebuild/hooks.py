"""MkDocs hooks: everything the site needs beyond Markdown, made at build time.

* before each page is converted, its snippets run with CPython (cached), so
  every runnable block shows real output;
* after the build, the site gets the pinned Pyodide runtime from
  ``node_modules/pyodide`` (its standard library byte-compiled), the
  backprop_core wheel and a Pyodide lock file that lists it, the browser code
  bundled by esbuild, and KaTeX — all served from the site itself, so it works
  behind networks that block CDNs — and, last, the service worker that keeps
  all of it for offline use (``sw.js``, sitebuild/offline.py).

Plain ``mkdocs build`` / ``mkdocs serve`` in the project's environment do all
of it; ``mkdocs serve`` watches ``backprop_core/``, ``snippets/`` and ``web/``.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path, PurePosixPath
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.pages import Page

from sitebuild import assets, exercises, offline, runnable, search

LANGUAGES = ("en", "zh", "ja", "de")


class _InstantNavigationNotice(logging.Filter):
    """Drop static-i18n's warning about navigation.instant.

    The warning says the language switcher's per-page links go stale under
    instant navigation. We keep instant navigation on purpose (it keeps one
    Pyodide runtime alive across pages) and ``web/language-links.js`` rewrites
    the switcher's links after every page change, which is what the warning
    asks for.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "not compatible with theme.features = navigation.instant" not in record.getMessage()


def on_startup(command: str, dirty: bool) -> None:
    logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(
        _InstantNavigationNotice()
    )


def page_language(page: Page) -> str:
    first = PurePosixPath(page.file.src_uri).parts[0]
    return first if first in LANGUAGES else "en"


def root_path(page: Page) -> str:
    """The relative path from this page to the site root, across language folders."""
    return "../" * len(PurePosixPath(page.url).parts) if page.url else ""


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    runnable.begin_page(page_language(page), page.file.src_uri, markdown)
    exercises.begin_page(markdown)
    # The headings' permalink title in the page's language (mkdocs.yml, i18n
    # languages[].extra): MkDocs builds each page's Markdown converter from
    # mdx_configs, which static-i18n cannot override per language.
    title = config.extra.get("permalink_title")
    if title and isinstance(config.mdx_configs.get("toc"), dict):
        config.mdx_configs["toc"]["permalink_title"] = title
    return markdown


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **kwargs: Any
) -> dict[str, Any]:
    # The templates need the path from this page to the site root, across languages.
    context["bp_root"] = root_path(page)
    context["bp_lang"] = page_language(page)
    context["bp_ui"] = runnable.ui_strings(context["bp_lang"])  # labels in overrides/partials
    return context


def on_env(env: Environment, config: MkDocsConfig, **kwargs: Any) -> Environment:
    # ?v= of the bundle's files in every template (overrides/main.html), 404.html too.
    env.globals["bp_build"] = assets.prepare().build_id
    return env


_LANGUAGE_LINK = re.compile(r'<a href="/([^"]*)" hreflang="')
_ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    """Make the language switcher's links relative, so the site works under a sub-path.

    Also drop the per-page ``<link rel="alternate" hreflang>`` tags: Material
    takes each one for a language root and fetches ``<page>/sitemap.xml``
    from it (a 404 per language on every page); the switcher does not need
    them (see web/language-links.js).
    """
    output = _ALTERNATE_LINK.sub("", output)
    return _LANGUAGE_LINK.sub(
        lambda m: f'<a href="{root_path(page) or "./"}{m[1]}" hreflang="', output
    )


def _install(config: MkDocsConfig, **kwargs: Any) -> None:
    assets.install(config)
    exercises.write_map(Path(config.site_dir))
    search.segment_japanese_entries(config)  # before static-i18n writes the index


@event_priority(-200)
def _service_worker(config: MkDocsConfig, **kwargs: Any) -> None:
    """Last, once every file (static-i18n's search index too) is in the site."""
    offline.write_service_worker(Path(config.site_dir), assets.prepare())


on_post_build = CombinedEvent(_install, _service_worker)
