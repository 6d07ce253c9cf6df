# Two commands do everything on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test bench clean train-demands

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,ray]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/parley demo

# The store tests start their own PostgreSQL and the dashboard tests drive chromium:
# scripts/services.sh installs both from Debian when missing (as root; else they skip).
test: install
	bash scripts/services.sh
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info

# The learned demand detector (opt-in: parley_demands "learned": true), from the team's demand gold.
train-demands: install
	$(BIN)/python -m parley.train.demands eval/gold/dev eval/demands_extra --out src/parley/kb/data/models/demands.json
