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
	$(MAKE) lint typecheck check-drift pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts examples benchmarks
	$(BIN)/ruff format --check src tests scripts examples benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

check-drift: $(STAMP)
	$(BIN)/python scripts/check_drift.py

generate: $(STAMP)
	$(BIN)/python scripts/generate.py $(API)

pytest: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -r benchmarks/requirements.txt
	$(BIN)/python benchmarks/run.py

fuzz: $(STAMP)
	SESSIONHUB_FUZZ=full $(BIN)/python -m pytest -q tests/reliability -k fuzz
	SESSIONHUB_FUZZ=full $(BIN)/python -m pytest -q tests/sandbox/test_state_machines.py

soak: $(STAMP)
	SESSIONHUB_SOAK=full $(BIN)/python -m pytest -q tests/reliability -k "load or memory"

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
