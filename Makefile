# Quick start:  make site   (build the example site into site/)
#               make test   (install everything and run the whole test suite)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: site serve test check schema benchmark clean fixtures goldens coverage toegankelijkheid mutatie check-code constraints cms

$(BIN)/participatie: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/participatie
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

site: $(BIN)/participatie
	NO_MKDOCS_2_WARNING=1 $(BIN)/participatie bouw --strikt

serve: $(BIN)/participatie
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

check: $(BIN)/participatie
	$(BIN)/participatie check

schema: $(BIN)/participatie
	$(BIN)/participatie schema

chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Installeer Chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

# The editor (Decap CMS), its local server and the yaml library, from the npm registry (versions in cms/package.json).
CMS_NPM := .participatie/cms
$(CMS_NPM)/node_modules/.installed: generator/participatie/cms/package.json
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; \
	  else echo "Installeer Node.js en npm: sudo apt-get install nodejs npm" >&2; exit 1; fi; }
	mkdir -p $(CMS_NPM) && cp generator/participatie/cms/package.json $(CMS_NPM)/package.json
	cd $(CMS_NPM) && npm install --no-audit --no-fund --loglevel=error
	touch $@

# The editor on the example: build, add admin/, and serve both with Decap's local backend (the files in this folder).
cms: $(BIN)/participatie $(CMS_NPM)/node_modules/.installed
	NO_MKDOCS_2_WARNING=1 $(BIN)/participatie bouw
	$(BIN)/participatie cms
	@echo "De redactie: http://localhost:8000/admin/ (stoppen met Ctrl+C)"
	PORT=8081 BIND_HOST=127.0.0.1 MODE=fs GIT_REPO_DIRECTORY=$(CURDIR) node $(CMS_NPM)/node_modules/decap-server/dist/index.js & \
	  trap 'kill %1' EXIT; $(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory site

test: check-code chromium $(CMS_NPM)/node_modules/.installed
	$(BIN)/python -m pytest

# Lint, formatting and types (ruff and mypy, configured in pyproject.toml): part of make test, so CI runs them.
check-code: $(VENV)/.test-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# After changing a dependency in pyproject.toml: resolve every version again in a clean venv and write constraints.txt.
constraints:
	rm -rf .venv-constraints && $(PYTHON) -m venv .venv-constraints
	.venv-constraints/bin/pip install --quiet --upgrade pip
	.venv-constraints/bin/pip install --quiet '.[test]'
	{ sed -n '1,2p' constraints.txt; .venv-constraints/bin/pip freeze --exclude participatie; } > constraints.txt.nieuw
	mv constraints.txt.nieuw constraints.txt && rm -rf .venv-constraints

# The automated accessibility check the toegankelijkheidsverklaring reports: build, run axe on every page, write the result.
toegankelijkheid: $(VENV)/.test-deps chromium site
	$(BIN)/participatie toegankelijkheid

# After a deliberate change of a message: write every rule fixture's verwacht.txt again, then read the diff.
fixtures: $(VENV)/.test-deps
	PARTICIPATIE_VANDAAG=2026-11-22 $(BIN)/python tests/test_regels.py --opnieuw

# After a deliberate change of a template: write the golden pages and feeds again, then read the diff.
goldens: $(VENV)/.test-deps
	PARTICIPATIE_VANDAAG=2026-11-22 $(BIN)/python tests/test_golden.py --opnieuw

# Does a wrong verdict fail a test? Mutation testing of rules/, derive/, the verdict record and the privacy guard
# (about 4 minutes on two cores; weekly and on request in CI, not on every commit). Score per module, survivors listed.
mutatie: $(VENV)/.test-deps
	PARTICIPATIE_VANDAAG=2026-11-22 $(BIN)/python tests/mutatie.py

coverage: $(VENV)/.test-deps chromium
	$(BIN)/python -m pytest --cov=participatie --cov-report=term-missing:skip-covered -q

benchmark: $(BIN)/participatie
	$(BIN)/python benchmarks/bouwtijd.py

clean:
	rm -rf site .site.* $(VENV) .venv-constraints .mypy_cache .ruff_cache
