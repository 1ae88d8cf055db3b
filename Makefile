# ASM Hub. `make book` builds the book, `make test` runs every test; both set up .venv themselves.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UV_VERSION := 0.13.9
# jupyter-book, minus a 3 s import it never uses (asmhub_utils/fast_imports.py).
JB := $(BIN)/python -m asmhub_utils.jupyter_book
JOBS ?= 2

.PHONY: help setup data book test unit nbval clean lock bench

help:
	@echo "make book   set up .venv if needed, then build the whole book into _build/html"
	@echo "make test   set up .venv if needed, then run unit tests, notebook tests and the book build"
	@echo "make data   rebuild data/estimates.csv and data/sources.csv from data/raw and data/contrib"
	@echo "make lock   recompile requirements.txt from requirements.in"
	@echo "make clean  remove _build (the venv stays)"
	@echo "make bench  time a clean build, a no-change rebuild and one country profile"

# The venv is rebuilt when the pins or the package metadata change.
$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --python $(BIN)/python --quiet --compile-bytecode -r requirements.txt
	$(BIN)/uv pip install --python $(BIN)/python --quiet --no-deps -e .
	@touch $@

setup: $(STAMP)

data: $(STAMP)
	$(BIN)/asmhub build-data

# Country profiles first (papermill, in parallel; up-to-date ones are kept), then the book.
book: $(STAMP)
	$(BIN)/asmhub profile --all --jobs $(JOBS)
	$(JB) build -W -n --keep-going .

bench: $(STAMP)
	$(BIN)/python benchmarks/build_speed.py

# Unit tests need no built book; the site tests (tests/site) check the built one.
unit: $(STAMP)
	$(BIN)/pytest -q -n $(JOBS) tests --ignore=tests/site

nbval: $(STAMP)
	$(BIN)/pytest -q -n $(JOBS) --dist loadscope --nbval-lax notebooks --ignore=notebooks/places/profiles

# The book build is itself a test (-W: any warning or notebook error fails it); then every test runs.
test: book
	$(BIN)/pytest -q -n $(JOBS) tests
	$(BIN)/pytest -q -n $(JOBS) --dist loadscope --nbval-lax notebooks --ignore=notebooks/places/profiles

lock: $(STAMP)
	$(BIN)/uv pip compile requirements.in -o requirements.txt --python-version 3.11 --quiet
	$(BIN)/python -m asmhub_utils.envfile

clean:
	rm -rf _build book/site_extra/downloads/*.csv
