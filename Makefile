# sessionhub: every target bootstraps .venv on first use, so `make demo` and `make test`
# work on a fresh clone with nothing but python3.11 and make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck check-drift generate pytest bench fuzz soak clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,sandbox]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/tour.py

test: $(STAMP)
	$(MAKE) lint typecheck check-drift upstream-check pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts examples benchmarks
	$(BIN)/ruff format --check src tests scripts examples benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

check-drift: $(STAMP)
	$(BIN)/python scripts/check_drift.py

# Offline: our specs against the vendor snapshots in specs/upstream/ (scripts/upstream.py).
.PHONY: upstream-check upstream-diff upstream-refresh
upstream-check: $(STAMP)
	$(BIN)/python scripts/upstream.py check

# make upstream-diff OLD=a.yaml NEW=b.yaml [API=sipher]
upstream-diff: $(STAMP)
	$(BIN)/python scripts/upstream.py diff $(OLD) $(NEW) $(if $(API),--api $(API))

# make upstream-refresh API=sipher [FROM=path-or-url] [WRITE=1]; fetches only without FROM
upstream-refresh: $(STAMP)
	$(BIN)/python scripts/upstream.py refresh --api $(API) $(if $(FROM),--from $(FROM)) $(if $(WRITE),--write)

generate: $(STAMP)
	$(BIN)/python scripts/generate.py $(API)

pytest: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -r benchmarks/requirements.txt
	$(BIN)/python benchmarks/run.py

fuzz: $(STAMP)
	SESSIONHUB_FUZZ=full $(BIN)/python -m pytest -q tests/reliability -k fuzz

soak: $(STAMP)
	SESSIONHUB_SOAK=full $(BIN)/python -m pytest -q tests/reliability -k "load or memory"

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
