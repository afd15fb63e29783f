# Every target creates .venv when missing and installs what it needs, so a fresh machine
# needs only Python 3.11+, Node.js and npm.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: run test bench browse lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,browse]'
	touch $@

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

clean:
	rm -rf $(VENV) node_modules .pytest_cache
