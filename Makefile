# Two commands on a fresh clone: `make nightly` (seeds -> tracker.db -> reports/DATE/) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: nightly test lint bench clean

$(BIN)/tracker: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

nightly: $(BIN)/tracker
	$(BIN)/tracker nightly seeds/ --db tracker.db --out reports

test: $(BIN)/tracker
	$(BIN)/ruff check tracker tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 -q

clean:
	rm -rf $(VENV) tracker.db tracker.db-wal tracker.db-shm
