# Two commands on a fresh machine: `make generate` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
PRISM := tests/prism/node_modules/.bin/prism

.PHONY: setup generate check test lint pytest docs-site bench clean

setup: $(STAMP) $(PRISM)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $@

$(PRISM): tests/prism/package-lock.json
	npm ci --prefix tests/prism --no-audit --no-fund --loglevel=error
	@touch $@

generate: $(STAMP)
	$(PY) -m generator generate

check: $(STAMP)
	$(PY) -m generator check

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests $(wildcard bench)
	$(VENV)/bin/black --check --quiet generator tests $(wildcard bench)
	$(VENV)/bin/mypy --strict generator

pytest: setup
	$(PY) -m pytest -q -p no:cacheprovider

# The docs site must build with --strict (a broken internal link fails). Not --quiet: it hides the warnings.
docs-site: $(STAMP)
	$(PY) -m mkdocs build --strict -f generated/docs/mkdocs.yml -d $(CURDIR)/build/docs-site

test: setup lint check docs-site pytest

bench: $(STAMP)
	$(PY) bench/generate.py
	$(PY) bench/python_runtime.py
	$(PY) bench/go_runtime.py

clean:
	rm -rf $(VENV) tests/prism/node_modules .mypy_cache .ruff_cache .pytest_cache
