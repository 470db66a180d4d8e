# Quick start: `make run` (the product on its embedded defaults) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run index test lint typecheck bench eval clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed

index: install
	$(BIN)/policybot index

run: install
	$(BIN)/policybot index
	$(BIN)/policybot serve --host $${HOST:-127.0.0.1} --port $${PORT:-8000}

lint: install
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy .

test: install lint typecheck
	$(BIN)/pytest

eval: install
	$(BIN)/policybot eval ../shared/eval/dev-questions.jsonl

bench: install
	$(BIN)/policybot bench

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
