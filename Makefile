# The README's two commands are `make serve` and `make test`; each sets
# everything up first, so either works alone on a fresh machine.

VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
HOST    ?= 127.0.0.1
PORT    ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test setup build bench bench-lighthouse lint clean

serve: setup  ## set up, then build and serve the site with live reload
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

test: setup  ## set up, then run every test (lint, types, core, Pyodide, site, browser)
	scripts/ensure-chromium.sh
	scripts/ensure-firefox.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/actionlint
	$(BIN)/pytest

setup: $(STAMP) $(NODE_STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || "$$(scripts/find-python.sh)" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

build: setup  ## the strict build, into site/
	$(BIN)/mkdocs build --strict

bench: setup  ## benchmark tables (never assertions): core, diagrams, site, visits, runner, checks
	$(BIN)/python benchmarks/bench_core.py
	node benchmarks/pyodide_bench.mjs
	$(BIN)/python benchmarks/bench_svg.py
	node benchmarks/pyodide_bench_svg.mjs
	scripts/ensure-chromium.sh
	$(BIN)/python benchmarks/bench_site.py
	$(BIN)/python benchmarks/bench_visits.py
	$(BIN)/python benchmarks/bench_runner.py
	$(BIN)/python benchmarks/bench_practice.py --browser
	$(MAKE) bench-lighthouse

# Lighthouse (~110 MB) only for this benchmark: installed on demand from its own
# lock file into benchmarks/lighthouse/node_modules, never by setup or CI.
LIGHTHOUSE_STAMP := benchmarks/lighthouse/node_modules/.installed
$(LIGHTHOUSE_STAMP): benchmarks/lighthouse/package.json benchmarks/lighthouse/package-lock.json
	npm ci --prefix benchmarks/lighthouse --no-audit --no-fund --loglevel=error
	touch $@

bench-lighthouse: setup $(LIGHTHOUSE_STAMP)  ## Lighthouse scores of four pages
	scripts/ensure-chromium.sh
	$(BIN)/python benchmarks/bench_lighthouse.py

lint: setup  ## ruff, mypy, the import contracts (lint-imports), and actionlint on .github/workflows
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy && $(BIN)/lint-imports --no-cache && $(BIN)/actionlint

clean:
	rm -rf site dist build .pytest_cache .mypy_cache .ruff_cache .cache/snippet-outputs
