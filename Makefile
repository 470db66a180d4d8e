# Quick start: `make run` (the product on its embedded defaults) and `make test`.
# Installs come from requirements.lock (exact versions, hashes checked); `make lock` refreshes it.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
# pip-compile keeps the versions already locked; `make lock UPGRADE=1` moves all to the newest.
LOCK_FLAGS := --quiet --generate-hashes --extra dev --strip-extras --allow-unsafe \
	--no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade)

.PHONY: install run index test lint typecheck typecheck-strict bench eval clean lock ranges

# The lock is complete (every transitive package, pip and setuptools included), so it is installed
# with --no-deps: no resolver runs, and a newer release of a package named with extras upstream
# (chromadb's uvicorn[standard]) can never be pulled in unpinned, whichever pip the venv has.
$(BIN)/.installed: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --no-deps --require-hashes -r $(LOCK)
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	$(BIN)/pip check || { echo "$(LOCK) does not cover pyproject.toml: run make lock"; exit 1; }
	touch $@

# Re-resolve requirements.lock from pyproject.toml (dependencies + dev extra) with hashes,
# through pip's configured indexes; then `make install` installs exactly that.
lock:
	test -x $(BIN)/pip || $(PYTHON) -m venv $(VENV)
	test -x $(BIN)/pip-compile || $(BIN)/pip install -q 'pip-tools>=7.4'
	$(BIN)/pip-compile $(LOCK_FLAGS) --output-file $(LOCK) pyproject.toml

install: $(BIN)/.installed

# pyproject.toml's ranges without the lock (newest releases; FLOOR=1: the lower bounds) in a
# scratch venv, then the smoke test (.ci/smoke.py). CI runs it after `make test`.
ranges:
	FLOOR=$(FLOOR) PYTHON=$(PYTHON) bash .ci/ranges

index: install
	$(BIN)/policybot index

run: install
	$(BIN)/policybot index
	PUBLIC_BASE_URL=$${PUBLIC_BASE_URL:-http://127.0.0.1:$${PORT:-8000}} \
		$(BIN)/policybot serve --host $${HOST:-127.0.0.1} --port $${PORT:-8000}

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install typecheck-strict
	$(BIN)/mypy .

# The bottom layers are held to --strict; the import-graph rules (layers, no cycles) are a test:
# tests/test_import_graph.py.
typecheck-strict: install
	$(BIN)/mypy --strict core retrieval storage

# pytest-xdist: one worker per core of the 2-core machine; worksteal hands each worker a contiguous
# half of the tests (module fixtures start once or twice) and rebalances when one runs dry.
# PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= 2
test: install lint typecheck
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist worksteal

eval: install
	$(BIN)/policybot eval ../shared/eval/dev-questions.jsonl

bench: install
	$(BIN)/policybot bench

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
