# Engagement Portal — the two commands a newcomer needs:
#   make run    start the portal with demo data on http://127.0.0.1:8000 (SQLite, no services needed)
#   make test   run the test suite (SQLite by default; PostgreSQL + Redis when DATABASE_URL/REDIS_URL are set)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
LANGS := -l es -l vi -l zh_Hans -l ar
MAKEMESSAGES_IGNORE := -i ".venv/*" -i "node_modules/*" -i "tests/*" -i "staticfiles/*" -i "media/*"

.PHONY: run test lint format messages vendor vendor-messages worker beat collectstatic clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when a requirements file changes.
$(VENV)/.installed-run: requirements.txt | $(BIN)/activate
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/activate
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	@echo ""
	@echo "Engagement Portal: http://$(HOST):$(PORT)/   (staff pages: /en/staff/engagements/, admin: /admin/)"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.installed-dev
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Update the catalogues from the source and compile them (needs GNU gettext). The compiled .mo files
# are committed, so `make run` works without gettext.
messages: $(VENV)/.installed-run
	$(PY) manage.py makemessages $(LANGS) --no-location $(MAKEMESSAGES_IGNORE)
	$(PY) manage.py compilemessages --ignore ".venv" --ignore "node_modules"

# Refresh the msgids of the Vietnamese catalogue for third-party apps, keeping its translations.
vendor-messages: $(VENV)/.installed-dev
	$(PY) scripts/vendor_messages.py

# Copy front-end libraries from npm into static/vendor (committed; never loaded from a CDN).
vendor:
	npm ci --no-audit --no-fund
	scripts/vendor_static.sh

worker: $(VENV)/.installed-run
	$(BIN)/celery -A engagement_portal worker --loglevel=info

beat: $(VENV)/.installed-run
	$(BIN)/celery -A engagement_portal beat --loglevel=info

collectstatic: $(VENV)/.installed-run
	$(PY) manage.py collectstatic --no-input

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
