# sessionhub: every target bootstraps .venv on first use, so `make demo` and `make test` work on
# a fresh clone with nothing but make and a Python 3.11+ interpreter.
#
# The interpreter: an explicit `make PYTHON=/path/to/python ...` wins; otherwise the first of
# python3.13, python3.12, python3.11 on PATH that actually runs (a pyenv shim for a version that
# is installed but not selected does not), else `python3` if it is 3.11 or newer.
SUPPORTED_PYTHONS := python3.13 python3.12 python3.11
ifeq ($(origin PYTHON), undefined)
PYTHON := $(shell for p in $(SUPPORTED_PYTHONS) python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo $$p; break; }; \
	done)
endif
VENV := .venv
BIN := $(VENV)/bin
# Two install levels, one stamp each: the demo needs only the package and its sandbox extra;
# the test suite needs the development tools too. Installing the tools also satisfies the demo.
DEMO_STAMP := $(VENV)/.installed-demo
DEV_STAMP := $(VENV)/.installed-dev
# Branch coverage of src/sessionhub that `make test` enforces (the figure reached when it was set).
COVERAGE_FLOOR := 96

.PHONY: install print-python demo test test-matrix lint typecheck check-drift upstream-check upstream-diff upstream-refresh generate pytest bench fuzz soak clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "sessionhub needs Python 3.11, 3.12 or 3.13: none found on PATH (python3.13, python3.12, python3.11, python3); run make PYTHON=/path/to/python3.X"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(DEMO_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[sandbox]'
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,sandbox]'
	touch $@ $(DEMO_STAMP)

install: $(DEV_STAMP)

print-python:
	@echo $(PYTHON)

demo: $(DEMO_STAMP)
	$(BIN)/python examples/tour.py

test: $(DEV_STAMP)
	$(MAKE) lint typecheck check-drift upstream-check pytest

# The whole suite on every supported interpreter installed here (nox; missing ones are skipped
# and listed). pyenv's shims answer only for the selected version, so every installed 3.11-3.13
# is selected for the run.
test-matrix: $(DEV_STAMP)
	PYENV_VERSION="$$(pyenv versions --bare 2>/dev/null | grep -E '^3\.1[123](\.[0-9]+)?$$' | sort -rV | paste -sd: -)" \
		$(BIN)/nox --no-color

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests scripts examples benchmarks noxfile.py
	$(BIN)/ruff format --check src tests scripts examples benchmarks noxfile.py

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

check-drift: $(DEV_STAMP)
	$(BIN)/python scripts/check_drift.py

# Offline: our specs against the vendor snapshots in specs/upstream/ (scripts/upstream.py, the
# entry point of the package scripts/upstream_watch/).
upstream-check: $(DEV_STAMP)
	$(BIN)/python scripts/upstream.py check

# make upstream-diff OLD=a.yaml NEW=b.yaml [API=sipher]
upstream-diff: $(DEV_STAMP)
	$(BIN)/python scripts/upstream.py diff $(OLD) $(NEW) $(if $(API),--api $(API))

# make upstream-refresh API=sipher [FROM=path-or-url] [WRITE=1]; fetches only without FROM
upstream-refresh: $(DEV_STAMP)
	$(BIN)/python scripts/upstream.py refresh --api $(API) $(if $(FROM),--from $(FROM)) $(if $(WRITE),--write)

generate: $(DEV_STAMP)
	$(BIN)/python scripts/generate.py $(API)

# coverage.py runs pytest (rather than a pytest plugin) so that it is measuring before pytest
# loads sessionhub's own pytest plugin, which imports the package.
pytest: $(DEV_STAMP)
	rm -rf .coverage-data
	$(BIN)/coverage run -m pytest -q
	$(BIN)/coverage combine --quiet
	$(BIN)/coverage report --skip-covered --fail-under=$(COVERAGE_FLOOR)

bench: $(DEV_STAMP)
	$(BIN)/python -m pip install --quiet -r benchmarks/requirements.txt
	$(BIN)/python benchmarks/run.py

fuzz: $(DEV_STAMP)
	SESSIONHUB_FUZZ=full $(BIN)/python -m pytest -q tests/reliability -k fuzz
	SESSIONHUB_FUZZ=full $(BIN)/python -m pytest -q tests/sandbox/test_state_machines.py

soak: $(DEV_STAMP)
	SESSIONHUB_SOAK=full $(BIN)/python -m pytest -q tests/reliability -k "load or memory"

clean:
	rm -rf $(VENV) .nox build dist .mypy_cache .pytest_cache .ruff_cache .coverage-data
