# ASM Hub. `make book` builds the book, `make test` runs every test; both set up .venv themselves.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UV_VERSION := 0.13.9
JB := $(BIN)/jupyter-book
# Two workers, or one on a one-core machine (`asmhub profile --jobs` accepts 1 to the number of cores).
JOBS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -lt 2 ] && echo $$n || echo 2)
# Some machines (CI among them) set PYTHONDONTWRITEBYTECODE=1, which makes every Python process, notebook
# kernels included, recompile pandas and matplotlib from source: seconds per process. The venv is
# byte-compiled once at setup, and the project's own modules may cache theirs.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help setup data profiles book test unit integration site-test lint nbval clean lock bench browser fonts citation \
	pdf publish bench-weight shots edition audit data-audit

help:
	@echo "make book   set up .venv if needed, then build the whole book into _build/html"
	@echo "make test   set up .venv if needed, then lint, build the book and run every test (as CI does)"
	@echo "make unit   unit tests: no book build, no browser, no kernel (about a minute on 2 cores)"
	@echo "make integration  whole stages end to end (tidy build killed at every write, contributions, nbval, kernels)"
	@echo "make site-test  build the book, then the tests of the built site and those that build books or drive chromium"
	@echo "make lint   ruff over the code (configuration in pyproject.toml)"
	@echo "make data   rebuild data/estimates.csv and data/sources.csv from data/raw and data/contrib"
	@echo "make data-audit  list every warning sign in the data (asmhub audit); fails on a headline without a reviewed decision"
	@echo "make lock   recompile requirements.txt from pyproject.toml (all extras)"
	@echo "make pdf    build the whole book as one PDF (_build/pdf/), offline, with Debian's chromium"
	@echo "make publish  build the book and push _build/html to the gh-pages branch (PUBLISH_REMOTE=origin)"
	@echo "make bench-weight  print the bytes each page costs a first-time reader"
	@echo "make citation  rewrite CITATION.cff from book/metadata.yml"
	@echo "make clean  remove _build (the venv stays)"
	@echo "make bench  time a clean build, a no-change rebuild and one country profile"
	@echo "make audit  Lighthouse (mobile) and axe-core on the built site served gzipped; prints the table"
	@echo "make shots  screenshots of every page at 390 and 1280 px into _build/shots/"

# The venv is rebuilt when the pins or the package metadata change. It holds the runtime and the `test` and
# `publish` extras at requirements.txt's pins, not `explore`: JupyterLab (for Binder readers) pulls in
# jsonschema's format checkers, whose IRI grammar (rfc3987-syntax) is compiled on import, about 2 s in every
# process that imports nbformat (`python -X importtime -c "import nbformat"`: 2.6 s with it, 0.3 s without).
# `uv pip sync` also removes it from a venv made before. `pip install -e '.[explore]'` adds it for exploring.
$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip compile pyproject.toml --extra test --extra publish -c requirements.txt --python-version 3.11 \
		--quiet --no-header -o $(VENV)/requirements-build.txt
	$(BIN)/uv pip sync --python $(BIN)/python --quiet --compile-bytecode $(VENV)/requirements-build.txt
	$(BIN)/uv pip install --python $(BIN)/python --quiet --no-deps -e .
	@touch $@

setup: $(STAMP)

data: $(STAMP)
	$(BIN)/asmhub build-data

# Country profiles (papermill, in parallel; up-to-date ones are kept).
profiles: $(STAMP) fonts
	$(BIN)/asmhub profile --all --jobs $(JOBS)

# jupyter-cache knows a notebook by its code cells, and Sphinx re-reads a page only when its source file
# changes. When what the notebooks read changes (the data, the raw files chapters read, or a module their code
# imports, followed through every import), every chapter must run again, or pages would show figures from the
# old data: the cache and Sphinx's saved environment are dropped. A change to any other module (the Sphinx
# extension, the validator, the PDF) re-runs nothing. The list is computed by a standard-library script.
NOTEBOOK_INPUTS := $(shell $(PYTHON) asmhub_utils/execute/notebook_inputs.py)
_build/.notebook-inputs: $(NOTEBOOK_INPUTS)
	rm -rf _build/.jupyter_cache _build/.doctrees _build/jupyter_execute
	@mkdir -p _build && touch $@

# The chapters go into the jupyter cache first (in parallel, on reused kernels); the book then finds every
# chapter cached, and a chapter that failed in the pre-run is run again by Jupyter Book. Skipped by make when
# no chapter and no input changed since the last pre-run.
# A download or picture deleted from book/site_extra/ changes its folder's time: the pre-run then runs again the
# cached chapters whose pages link to a missing file (asmhub_utils/execute/page_files.py).
CHAPTERS := $(shell find notebooks -name '*.ipynb' -not -path '*/profiles/*' -not -path '*/.ipynb_checkpoints/*')
PAGE_FILES := $(wildcard book/site_extra/downloads book/site_extra/figures)
_build/.prerun: $(STAMP) _build/.notebook-inputs $(CHAPTERS) _toc.yml $(PAGE_FILES)
	$(BIN)/python -m asmhub_utils.execute.prerun --jobs $(JOBS)
	@touch $@

# Jupyter Book (Sphinx) runs only when something in the tree is newer than its last successful build: a source,
# a chapter's output in the cache (the pre-run's stamp), the data, the extension, the venv. A deleted file counts
# too (its folder's time changes). Even with nothing to do, Sphinx takes 3-4 s to start, load its saved
# environment and number the pages' figures; this check takes a few milliseconds. `make clean` or any edit
# brings the build back.
BOOK_STAMP := _build/.book
BOOK_SKIP := -path ./_build -o -path ./.venv -o -path ./.git -o -path ./tests -o -path ./benchmarks -o -path ./tools \
	-o -name __pycache__ -o -name .ipynb_checkpoints -o -name .pytest_cache -o -name '*.egg-info'
# The whole build holds the data lock `asmhub contribute` takes (asmhub hold-data): an interrupted contribute is
# rolled back and the tidy tables are checked against data/datapackage.json before anything reads them.
book: $(STAMP) fonts
	@$(BIN)/asmhub hold-data $(MAKE) --no-print-directory _book

.PHONY: _book
_book: profiles _build/.prerun
	@if [ -f $(BOOK_STAMP) ] && [ -z "$$(find . _build/.prerun _build/.notebook-inputs $(STAMP) \( $(BOOK_SKIP) \) \
		-prune -o -newer $(BOOK_STAMP) -print -quit)" ]; then \
		echo "book: nothing changed since the last build; _build/html is current"; \
	else \
		rm -f $(BOOK_STAMP); $(JB) build -W -n --keep-going . && touch $(BOOK_STAMP); \
	fi

# Prints the page count, a clean build by stage, a no-change rebuild and one profile (BENCH_FLAGS= adds the naive
# baseline: every notebook one after another in a fresh kernel, minutes), then the time to validate and build
# 10,000 contributed rows (benchmarks/contrib_scale.py, on a copy of data/).
BENCH_FLAGS ?= --skip-naive
bench: $(STAMP)
	$(BIN)/python benchmarks/build_speed.py $(BENCH_FLAGS)
	$(BIN)/python benchmarks/contrib_scale.py --rows 10000

# Unit tests: no book build, no browser. tests/site checks the built book; tests/book builds small books of its
# own (hostile input end to end) and drives chromium: both run in `make site-test`.
# tests/rebuild runs `make book` itself (a deleted download comes back): alone, after the others.
SITE_TESTS := tests/site tests/book
REBUILD_TESTS := tests/rebuild
unit: $(STAMP)
	$(BIN)/pytest -q -n $(JOBS) -m "not integration" tests $(addprefix --ignore=,$(SITE_TESTS) $(REBUILD_TESTS))

# Whole stages end to end, kernels started, small Sphinx builds (listed in tests/conftest.py): no book, no browser, minutes.
integration: $(STAMP)
	$(BIN)/pytest -q -n $(JOBS) -m integration tests $(addprefix --ignore=,$(SITE_TESTS) $(REBUILD_TESTS))

# --dist loadfile: the browser checks of one file share one browser and one pass over the pages.
site-test: book browser
	$(BIN)/pytest -q -n $(JOBS) --dist loadfile $(SITE_TESTS)
	$(BIN)/pytest -q $(REBUILD_TESTS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# nbval's job: the figures a chapter states reproduce from a clean kernel. The outputs of its glue cells (tagged
# nbval-check-output) are stored in the chapter; nbval re-runs the chapters that have them and, in lax mode,
# compares those outputs only (asmhub_utils/execute/stated_figures.py). `make stated-figures` rewrites them on purpose.
STATED := $(shell grep -l '"nbval-check-output"' $(CHAPTERS) 2>/dev/null)
NBVAL := $(if $(STATED),$(BIN)/pytest -q -n $(JOBS) --dist loadscope --nbval-lax $(STATED),@echo "no chapter states a figure: nothing for nbval to check")
nbval: $(STAMP)
	$(NBVAL)

.PHONY: stated-figures
stated-figures: $(STAMP)
	$(BIN)/python -m asmhub_utils.execute.stated_figures

# Noto fonts, so chart text in Chinese, Arabic, Devanagari and other scripts is measured with real glyphs
# (asmhub_utils/chapters/glyphs.py): Debian's fonts-noto-core and fonts-noto-cjk, 12 MB + 57 MB to download,
# 42 MB + 91 MB installed, as root through apt like chromium. Without them (no root, no network) the build goes on:
# charts draw U+FFFD for the characters DejaVu Sans lacks, never a failed build.
NOTO_CJK := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
fonts:
	@test -f $(NOTO_CJK) || (apt-get update && apt-get install -y --no-install-recommends fonts-noto-core \
		fonts-noto-cjk) || echo "fonts: Noto not installed; charts draw U+FFFD for scripts DejaVu Sans lacks"

# Debian's chromium runs the browser tests, the page-weight benchmark and the PDF. On a fresh Debian machine
# (CI runs as root) it is installed here; Playwright's own browser download would need the network.
browser:
	@command -v chromium >/dev/null || (apt-get update && apt-get install -y --no-install-recommends chromium)

# Everything CI runs (.ci/run is `make test`): lint, the book build (itself a test: -W, any warning or notebook
# error fails it), the data audit (it fails while a headline carries a warning sign without a reviewed decision in
# data/curation.csv), the unit tests, the site tests, nbval.
test: lint book browser
	$(BIN)/asmhub audit --headlines
	$(BIN)/pytest -q -n $(JOBS) --dist loadfile tests --ignore=$(REBUILD_TESTS)
	$(BIN)/pytest -q $(REBUILD_TESTS)
	$(NBVAL)

# Every warning sign the data carries (a model, a derivation, a tie, a spread, a headline from a news report, ...).
data-audit: $(STAMP)
	$(BIN)/asmhub audit

# The pins already in requirements.txt are kept (uv prefers them); --offline resolves from uv's cache.
# A new package not yet in the cache needs the registry: `make lock LOCK_FLAGS=`.
LOCK_FLAGS ?= --offline
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --all-extras -o requirements.txt --python-version 3.11 --quiet $(LOCK_FLAGS)
	$(BIN)/python -m asmhub_utils.site.envfile

citation: $(STAMP)
	$(BIN)/python -m asmhub_utils.site.book_citation

# Single-page HTML printed by chromium (charts included); prints the PDF's path and page count.
pdf: $(STAMP) browser profiles _build/.prerun
	$(JB) build -W -n --keep-going --builder custom --custom-builder singlehtml .
	$(BIN)/python -m asmhub_utils.site.pdf

# Every link in the site is relative, so the pushed copy works under any base URL (README: "Publish a copy").
PUBLISH_REMOTE ?= origin
PUBLISH_BRANCH ?= gh-pages
publish: book
	$(BIN)/ghp-import --no-jekyll --push --force --remote $(PUBLISH_REMOTE) --branch $(PUBLISH_BRANCH) \
		--message "Publish ASM Hub from $$(git rev-parse --short HEAD)" _build/html

bench-weight: book browser
	$(BIN)/python benchmarks/page_weight.py

# Screenshots of every page at 390 px and 1280 px into _build/shots/ (look at them: a page is done when it reads right).
shots: book browser
	$(BIN)/python benchmarks/shots.py

# Lighthouse and axe-core come from npm at the exact versions of tools/audit/package-lock.json, into
# tools/audit/node_modules (Lighthouse 12.2.3: 13 wants Node 22). They drive Debian's chromium.
AUDIT_TOOLS := tools/audit/node_modules/.package-lock.json
$(AUDIT_TOOLS): tools/audit/package.json tools/audit/package-lock.json
	cd tools/audit && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

audit: book browser $(AUDIT_TOOLS)
	$(BIN)/python benchmarks/audit.py

clean:
	rm -rf _build book/site_extra/downloads/*.csv book/site_extra/figures book/site_extra/explorer notebooks/places/profiles

# Publish an edition: `make edition VERSION=2026.3 [DATE=2027-01-15]` writes the version and date into
# book/metadata.yml, keeps data/ as data/editions/VERSION/ (with its changes against the previous edition) and adds
# the changelog entry; the What changed page and each edition's download are made from these at build time.
edition: $(STAMP)
	@test -n "$(VERSION)" || (echo "make edition VERSION=YEAR.N [DATE=YYYY-MM-DD]"; exit 2)
	$(BIN)/asmhub edition $(VERSION) $(if $(DATE),--date $(DATE))
	$(BIN)/python -m asmhub_utils.site.book_citation
