# The archive's commands. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test lint format bench clean

# Development: DEBUG on, and a key that production refuses (it is public, and shorter than production accepts).
run setup test: export DJANGO_DEBUG := 1
run setup test: export DJANGO_SECRET_KEY := development-only-not-a-secret

$(STAMP): requirements.txt requirements-dev.txt $(wildcard package.json)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	if [ -f package.json ]; then npm ci --no-audit --no-fund --silent; fi
	touch $(STAMP)

# Catalogues are compiled from their .po files, which alone are kept in the repository.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

%.mo: %.po
	msgfmt --check -o $@ $<

setup: $(STAMP) $(CATALOGUES)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py load_gazetteer
	$(BIN)/python manage.py import_articles fixtures/seeds

run: setup
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP) $(CATALOGUES)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

ARTICLES ?= 10000
BENCH_ENV := DJANGO_DEBUG=0 DATABASE_URL=sqlite:///$(CURDIR)/var/bench.sqlite3 DJANGO_SETTINGS_MODULE=benchmarks.settings
# DEBUG off as in production (with it on, Django keeps every query in memory), so a key of its own each run.
bench: export DJANGO_SECRET_KEY := $(shell $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')

bench: $(STAMP)
	mkdir -p var
	rm -rf var/bench.sqlite3*
	$(BENCH_ENV) $(BIN)/python manage.py migrate --noinput --verbosity 0
	$(BENCH_ENV) $(BIN)/python manage.py load_gazetteer
	$(BENCH_ENV) $(BIN)/python manage.py bench_import $(ARTICLES)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
