# healthbot: `make run` installs everything and runs the bot; `make test` runs all tests.
SHELL := /bin/bash
VENV := .venv
RASA_VENV := .venv-rasa
PY := $(VENV)/bin/python
BOT := $(VENV)/bin/healthbot
RASA_VERSION := 3.6.21
LANGS := ru en uz tg tk ky az zh ar fa ku uk

.PHONY: help setup browser stats run chat test test-fast lint format train i18n i18n-extract i18n-update \
        i18n-compile bench content-check nlu-report clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $@

$(RASA_VENV)/.installed:
	"$$(scripts/python310)" -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/pip install -q --upgrade 'pip<24.1'
	$(RASA_VENV)/bin/pip install -q 'rasa==$(RASA_VERSION)'
	$(RASA_VENV)/bin/rasa telemetry disable >/dev/null 2>&1 || true
	touch $@

setup: $(VENV)/.installed $(RASA_VENV)/.installed ## Install both virtual environments

browser: ## Debian's chromium, for the test that opens the figures page (root: apt-get)
	@command -v chromium >/dev/null || { apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

train: setup ## Train the Rasa NLU model (skipped when its inputs did not change)
	scripts/train

run: setup train ## Run the bot (Telegram if TELEGRAM_BOT_TOKEN is set, else a terminal chat)
	$(BOT) run

chat: setup train ## Chat with the bot in this terminal
	$(BOT) chat

test: setup train browser ## Lint, content check, every test, incl. the NLU quality gate (blind set)
	$(VENV)/bin/ruff check .
	$(BOT) content check
	$(VENV)/bin/pytest -q

test-fast: $(VENV)/.installed ## Tests that need no Rasa model
	$(VENV)/bin/pytest -q -m "not rasa"

lint: $(VENV)/.installed ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

content-check: $(VENV)/.installed ## Validate content/ and nlu/ (file:line: problem)
	$(BOT) content check

i18n: i18n-extract i18n-update i18n-compile ## Extract, update and compile UI string catalogs

i18n-extract: $(VENV)/.installed
	$(VENV)/bin/pybabel extract -F babel.cfg -o locales/messages.pot --no-location \
	    --project healthbot --copyright-holder "healthbot contributors" bot

i18n-update: $(VENV)/.installed
	for lang in $(LANGS); do \
	  if [ -f locales/$$lang/LC_MESSAGES/messages.po ]; then \
	    $(VENV)/bin/pybabel update -i locales/messages.pot -d locales -l $$lang --no-fuzzy-matching; \
	  else \
	    $(VENV)/bin/pybabel init -i locales/messages.pot -d locales -l $$lang; \
	  fi; \
	done

i18n-compile: $(VENV)/.installed
	$(VENV)/bin/pybabel compile -d locales --statistics

nlu-report: setup train ## Score the blind test set (reports/nlu.md); CV=1 adds rasa test nlu
	if [ "$(CV)" = 1 ]; then scripts/rasa-cross-validation; fi
	$(BOT) nlu report

bench: setup train ## Run the benchmarks in bench/ (about 15 minutes)
	$(PY) -m bench.reply_latency
	TELEGRAM_RATE_LIMIT=0 $(PY) -m bench.reply_latency
	$(PY) -m bench.reminders
	$(PY) -m bench.campaign
	$(PY) -m bench.locator
	$(PY) -m bench.stats_month

stats: $(VENV)/.installed ## Programme figures of the last 30 days: build/stats/index.html
	$(BOT) stats --out build/stats

clean:
	rm -rf build models/*.tar.gz .pytest_cache
