# The archive's commands. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test lint format bench growth-chart clean messages

# Development: DEBUG on, and a key that production refuses (it is public, and shorter than production accepts).
run setup test messages: export DJANGO_DEBUG := 1
run setup test messages: export DJANGO_SECRET_KEY := development-only-not-a-secret

# The interface's catalogues, one a language (locale/<code>/LC_MESSAGES/django.po); their compiled form is made
# here from them and never committed. msgfmt comes with gettext.
CATALOGUES := $(wildcard locale/*/LC_MESSAGES/django.po)
COMPILED := $(CATALOGUES:.po=.mo)

$(STAMP): requirements.txt requirements-dev.txt requirements-replay.txt $(wildcard package.json)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(PYTHON) -m venv $(VENV)/replay
	$(VENV)/replay/bin/pip install --quiet -r requirements-replay.txt
	if [ -f package.json ]; then npm ci --no-audit --no-fund --silent; fi
	touch $(STAMP)

%.mo: %.po
	msgfmt --check --output-file=$@ $<

# Every marked string of the archive's code and templates into each catalogue; file names without line numbers,
# so that moving code does not change the catalogues.
messages:
	$(BIN)/python manage.py makemessages --all --add-location=file \
		--ignore=benchmarks --ignore=tests --ignore=node_modules --ignore=staticfiles --ignore=var

setup: $(STAMP) $(COMPILED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py load_gazetteer
	$(BIN)/python manage.py import_articles fixtures/seeds

# The import worker runs beside the server, for as long as it does: background imports from the admin need it.
run: setup
	$(BIN)/python manage.py import_worker --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# One test process per core: the tests share nothing but the services, each having its own database and folders.
# Tests go out one at a time as workers free up, but a group (tests/conftest.py) goes whole to one worker; the
# largest groups go first, so that no costly module is left to run alone at the end.
WORKERS ?= auto

test: $(STAMP) $(COMPILED)
	$(BIN)/pytest --numprocesses $(WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

ARTICLES ?= 10000
# e.g. --five-article-pages, for the corpus the recorded figures were measured on.
BENCH_FLAGS ?=
BENCH_ENV := DJANGO_DEBUG=0 DATABASE_URL=sqlite:///$(CURDIR)/var/bench.sqlite3 DJANGO_SETTINGS_MODULE=benchmarks.settings
# DEBUG off as in production (with it on, Django keeps every query in memory), so a key of its own each run.
bench growth-chart: export DJANGO_SECRET_KEY := $(shell $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')

bench: $(STAMP)
	mkdir -p var
	rm -rf var/bench.sqlite3*
	$(BENCH_ENV) $(BIN)/python manage.py migrate --noinput --verbosity 0
	$(BENCH_ENV) $(BIN)/python manage.py load_gazetteer
	$(BENCH_ENV) $(BIN)/python manage.py bench_import $(ARTICLES) $(BENCH_FLAGS)

# The tables and the chart (docs/growth.svg) of what `manage.py bench_growth` left in var/growth-*.json; the chart's
# matplotlib is the benchmarks' own requirement, never the site's.
growth-chart: $(STAMP)
	$(BIN)/pip install --quiet -r benchmarks/requirements.txt
	$(BENCH_ENV) $(BIN)/python manage.py bench_growth_chart

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles $(COMPILED)
