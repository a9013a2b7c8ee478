# Campaign Kit: `make run` for a local site, `make test` for the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed
# Interface translations: the reference site's, then each app's own (shipped in the wheel).
LOCALE_DIRS := locale core/locale events/locale appeals/locale campaigns/locale

.PHONY: run test venv migrate messages demo lint format lock makemessages prod worker clean load-surge wheel docs

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[site,dev]"
	touch $(STAMP)

messages: $(STAMP)
	for dir in $(LOCALE_DIRS); do $(BIN)/pybabel -q compile --domain django --directory $$dir || exit 1; done

migrate: $(STAMP)
	$(MANAGE) migrate --noinput

demo: migrate messages
	$(MANAGE) load_demo

# Links in mails and feeds use BASE_URL (core/links.py): the dev server's own address.
run: export BASE_URL ?= http://127.0.0.1:$(PORT)
run: demo
	$(MANAGE) ensure_dev_admin --port $(PORT)
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# One worker per core. Tests go out in collection order, where pytest-django puts the tests
# that flush the database (transaction=True) last. The races between forked processes run
# afterwards in a process of their own: a child inherits every connection object of its parent
# (also those of other tests' threads), and closing one in a child ends the parent's session.
PYTEST_ARGS ?= -n auto
test: $(STAMP) messages
	$(BIN)/pytest $(PYTEST_ARGS) -m "not forks"
	$(BIN)/pytest -m forks

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Each string goes to the nearest locale/ folder above its file: an app's own catalogue, or
# locale/ for the reference site (home, site).
makemessages: $(STAMP)
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=tests --ignore=benchmarks --ignore=build --ignore=dist --ignore=docs

# The distribution (dist/campaign_kit-*.whl) with each app's templates, static files,
# migrations and compiled translations.
wheel: $(STAMP)
	rm -rf build dist
	$(BIN)/python -m build --wheel --outdir dist .

docs: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir var/docs

# Regenerate the pinned versions after changing dependencies in pyproject.toml.
lock:
	rm -rf /tmp/campaign-kit-lock && $(PYTHON) -m venv /tmp/campaign-kit-lock
	/tmp/campaign-kit-lock/bin/pip install --quiet ".[site,dev]"
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
