"""The build side of the site: wheel + Pyodide runtime, runnable blocks, snippet outputs.

Used by ``mkdocs.yml``'s hooks (``sitebuild/hooks.py``) and by the tests.
"""
