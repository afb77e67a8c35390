# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LANGS := pl ru lv lt pt sk ur
export FLASK_APP := lms

.PHONY: install run test assets translations translations-compile screenshots bench bench-survey lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	$(MAKE) --no-print-directory translations-compile

translations-compile:
	$(BIN)/pybabel compile -d translations > /dev/null

run: install
	LMS_DEMO=1 $(BIN)/flask demo
	LMS_DEMO=1 $(BIN)/flask run --host 127.0.0.1 --port 5000

test: install
	$(BIN)/ruff check lms tests bench
	LMS_DEMO=1 $(BIN)/flask content check
	$(BIN)/pytest

# Rebuild the committed CSS from GOV.UK Frontend's Sass (needs Node; not needed at run time).
assets:
	npm ci --silent
	npx sass --pkg-importer=node --style=compressed --no-source-map assets/app.scss static/css/app.css
	npx sass --pkg-importer=node --style=compressed --no-source-map assets/rtl.scss static/css/rtl.css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/js/
	cp node_modules/@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2 static/fonts/noto-nastaliq-urdu-400.woff2
	cp node_modules/@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-700-normal.woff2 static/fonts/noto-nastaliq-urdu-700.woff2

# Extract interface strings and merge them into every language's catalogue.
translations: $(BIN)/python
	$(BIN)/pybabel extract -F babel.cfg -k _l -o translations/messages.pot --no-location --sort-output .
	for lang in $(LANGS); do \
	  if [ -f translations/$$lang/LC_MESSAGES/messages.po ]; then \
	    $(BIN)/pybabel update -i translations/messages.pot -d translations -l $$lang --no-fuzzy-matching --ignore-obsolete; \
	  else \
	    $(BIN)/pybabel init -i translations/messages.pot -d translations -l $$lang; \
	  fi; \
	done
	$(MAKE) --no-print-directory translations-compile

# Screenshots of the home page for the README, in English and Urdu.
screenshots: install
	$(BIN)/python -m tests.browser.screenshots docs

# Throughput and latency of gunicorn on SQLite and PostgreSQL (a measurement, not a test).
bench: install
	$(BIN)/python -m bench.load

# 500 students sending the questionnaire within a minute, on SQLite and PostgreSQL.
bench-survey: install
	$(BIN)/python -m bench.survey_hall

lint:
	$(BIN)/ruff check lms tests bench
	$(BIN)/ruff format --check lms tests bench

clean:
	rm -rf $(VENV) node_modules instance
