# Chợ Số OCOP — the two commands: `make run` and `make test`.
# Needs only Python 3.11+, make and git. Everything lands in .venv/ and var/.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Where `make run` answers: written by it into e-mails and certificate QR codes, and by
# seed_demo into the Wagtail Site (sitemap.xml). A SITE_URL given to make or exported in
# the shell (a tunnel, a proxy) wins over this one, and this one over SITE_URL in .env.
# HOST=0.0.0.0 listens on every interface; links then name 127.0.0.1.
SITE_URL ?= http://$(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST)):$(PORT)
# The suite runs on every core (pytest-xdist); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto

.PHONY: run test install install-dev migrate seed messages lint bench clean services services-stop elasticsearch elasticsearch-stop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

var:
	mkdir -p var/media

## run: install, migrate, seed demo data, serve http://$(HOST):$(PORT)/ (127.0.0.1:8000) on the embedded defaults
##      (with ELASTICSEARCH_URL set: builds the cluster's indices if missing, then searches there)
run: install var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py search_index --ensure
	SITE_URL='$(SITE_URL)' $(BIN)/python manage.py seed_demo
	SITE_URL='$(SITE_URL)' $(BIN)/python manage.py runserver $(HOST):$(PORT)

## test: install and run the whole suite (SQLite and eager Celery unless DATABASE_URL / CELERY_BROKER_URL are set)
test: install-dev var
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

## services: install (Debian) and start PostgreSQL and Redis on 127.0.0.1, create the `test` database (root or sudo)
services:
	bash scripts/services.sh

services-stop:
	bash scripts/services.sh stop

## elasticsearch: fetch Elasticsearch from Maven Central (once, into var/), start one node on 127.0.0.1:9200
elasticsearch:
	bash scripts/elasticsearch.sh

elasticsearch-stop:
	bash scripts/elasticsearch.sh stop

## messages: refresh the Vietnamese catalogue and compile it (needs GNU gettext)
messages: install-dev
	flock var/.messages.lock sh -c '$(BIN)/python manage.py makemessages -l vi --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=var --ignore=tests --ignore=bench && $(BIN)/python manage.py compilemessages -l vi --ignore=.venv'

lint: install-dev
	$(BIN)/ruff check .

bench: install-dev
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var/db.sqlite3* staticfiles
