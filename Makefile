# Every target creates .venv when missing and installs what it needs, so a fresh machine
# needs only Python 3.11+, Node.js and npm.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
LOCK := requirements.lock
LOCK_VENV := .venv-lock
PIP_TOOLS := pip-tools==7.7.0

.PHONY: run test bench browse lint lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Exactly the versions of requirements.lock, each checked against its hashes, then the project
# itself (editable, built with the locked setuptools): every machine gets the same packages.
$(STAMP): $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# After a dependency changes in pyproject.toml: pin it (and what it needs) in requirements.lock,
# keeping every other pin. `make lock UPGRADE=--upgrade` moves every pin to its latest release.
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_VENV) && \
		$(LOCK_VENV)/bin/python -m pip install --quiet $(PIP_TOOLS); }
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet $(UPGRADE) --generate-hashes \
		--allow-unsafe --strip-extras --extra test --extra browse --no-emit-index-url --no-emit-find-links \
		--pip-args=--isolated --output-file $(LOCK) pyproject.toml

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# With a token (environment or .env) the bot runs; without one, the console chat opens on the
# same store, after a word on how to get a token. The sample readouts are ingested first
# (re-ingesting them changes nothing), so a fresh machine has something to answer about.
run: $(STAMP)
	@$(BIN)/pledgebot ingest data/samples/*.md
	@if $(BIN)/python -m bot.has_token; then \
		$(BIN)/pledgebot --log-level INFO run; \
	else \
		$(BIN)/pledgebot chat; \
	fi

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python -m bench.run

browse: $(STAMP)
	$(BIN)/pledgebot browse

lint: $(STAMP)
	$(BIN)/ruff check bot storage tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

clean:
	rm -rf $(VENV) $(LOCK_VENV) node_modules .pytest_cache
