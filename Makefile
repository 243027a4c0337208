# Two commands on a fresh machine: `make generate` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
PRISM := tests/prism/node_modules/.bin/prism
# The TypeScript target's pinned tools (prettier formats its output; tsc, eslint check it).
TS_HARNESS := tests/typescript/harness
TS_TOOLS := $(TS_HARNESS)/node_modules/.bin/tsc

.PHONY: setup perl-tools generate check test lint pytest docs-site bench fuzz clean

# pytest workers (pytest-xdist): the machine has 2 cores; whole files go to one worker (loadfile),
# so the corpus and the fuzz campaign each run once, beside the other files.
PYTEST_WORKERS ?= 2
# `make fuzz`: the long fuzz run (thousands of specs, a fresh seed each time unless given).
FUZZ_EXAMPLES ?= 3000
FUZZ_COMPILE ?= 300
FUZZ_RUNTIME_EXAMPLES ?= 5000
ifeq ($(origin FUZZ_SEED), undefined)
FUZZ_SEED := $(shell date +%s)
endif
GO_FUZZTIME ?= 120s

setup: $(STAMP) $(PRISM) $(TS_TOOLS) perl-tools

# The perl target formats with perltidy and its checks run perlcritic (perl, prove and podchecker
# come with Debian's perl); installed only when missing.
perl-tools:
	@if ! command -v perltidy >/dev/null || ! command -v perlcritic >/dev/null; then \
		apt-get update && apt-get install -y perltidy libperl-critic-perl; \
	fi

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $@

$(PRISM): tests/prism/package-lock.json
	npm ci --prefix tests/prism --no-audit --no-fund --loglevel=error
	@touch $@

$(TS_TOOLS): $(TS_HARNESS)/package-lock.json
	npm ci --prefix $(TS_HARNESS) --no-audit --no-fund --loglevel=error
	@touch $@

generate: $(STAMP) $(TS_TOOLS) perl-tools
	$(PY) -m generator generate

check: $(STAMP) $(TS_TOOLS) perl-tools
	$(PY) -m generator check

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests $(wildcard bench)
	$(VENV)/bin/black --check --quiet generator tests $(wildcard bench)
	$(VENV)/bin/mypy --strict generator

pytest: setup
	$(PY) -m pytest -q -p no:cacheprovider -n $(PYTEST_WORKERS) --dist loadfile --durations=15

# The docs site must build with --strict (a broken internal link fails). Not --quiet: it hides the warnings.
docs-site: $(STAMP)
	$(PY) -m mkdocs build --strict -f generated/docs/mkdocs.yml -d $(CURDIR)/build/docs-site

test: setup lint check docs-site pytest

# Print the seed: OASGEN_FUZZ_SEED=<seed> reproduces a run's draw.
fuzz: setup
	@echo "make fuzz: $(FUZZ_EXAMPLES) specs (compiling $(FUZZ_COMPILE)), $(FUZZ_RUNTIME_EXAMPLES) payloads per property, Go -fuzztime $(GO_FUZZTIME), seed $(FUZZ_SEED)"
	OASGEN_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) OASGEN_FUZZ_COMPILE=$(FUZZ_COMPILE) OASGEN_FUZZ_SEED=$(FUZZ_SEED) \
	OASGEN_FUZZ_RUNTIME_EXAMPLES=$(FUZZ_RUNTIME_EXAMPLES) OASGEN_GO_FUZZTIME=$(GO_FUZZTIME) \
	$(PY) -m pytest -q -p no:cacheprovider -s -rxX tests/fuzz

bench: $(STAMP)
	$(PY) bench/generate.py
	$(PY) bench/python_runtime.py
	$(PY) bench/go_runtime.py
	$(PY) bench/typescript_runtime.py

clean:
	rm -rf $(VENV) tests/prism/node_modules $(TS_HARNESS)/node_modules .mypy_cache .ruff_cache .pytest_cache
