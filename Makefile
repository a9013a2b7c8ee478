# Campaign Kit: `make run` for a local site, `make test` for the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.PHONY: run test venv migrate messages demo lint format lock makemessages prod worker clean load-surge

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

messages: $(STAMP)
	$(BIN)/pybabel -q compile --domain django --directory locale

migrate: $(STAMP)
	$(MANAGE) migrate --noinput

demo: migrate messages
	$(MANAGE) load_demo

# Links in mails and feeds use BASE_URL (core/links.py): the dev server's own address.
run: export BASE_URL ?= http://127.0.0.1:$(PORT)
run: demo
	$(MANAGE) ensure_dev_admin --port $(PORT)
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(STAMP) messages
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

makemessages: $(STAMP)
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=tests --ignore=benchmarks

# Regenerate the pinned versions after changing dependencies in pyproject.toml.
lock:
	rm -rf /tmp/campaign-kit-lock && $(PYTHON) -m venv /tmp/campaign-kit-lock
	/tmp/campaign-kit-lock/bin/pip install --quiet ".[dev]"
	/tmp/campaign-kit-lock/bin/pip freeze --exclude campaign-kit > constraints.txt

clean:
	rm -rf $(VENV) var .pytest_cache

# Production stack on loopback: production settings, PostgreSQL database `campaignkit`, Redis,
# gunicorn with $(WORKERS) workers on $(PROD_PORT) and the db_worker for e-mail.
PROD_PORT ?= 8001
WORKERS ?= 2
prod: $(STAMP)
	PORT=$(PROD_PORT) WORKERS=$(WORKERS) scripts/prod-local.sh

worker: $(STAMP)
	DJANGO_SETTINGS_MODULE=campaign_site.settings.production $(MANAGE) db_worker
