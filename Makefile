# The two commands a newcomer needs: `make run` (set up + start the app) and `make test`
# (set up + lint + type-check + run every test). Everything else is for maintainers.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench bundle i18n clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Compiled copies of the built-in questionnaires (zelfscan/core/compiled.py): the app loads
# them instead of parsing the YAML, but only while they match the YAML and the code byte for
# byte. Rebuilt when a questionnaire or the core changes; a file that does not validate gets
# none (`zelfscan-cli validate` says why), so a broken file still shows its errors in the app.
COMPILED := questionnaires/.compiled/.stamp

$(COMPILED): $(STAMP) $(wildcard questionnaires/*.yaml questionnaires/*.yml zelfscan/core/*.py)
	$(BIN)/python -m zelfscan.core.compiled
	@mkdir -p $(@D) && touch $@

run: $(STAMP) $(COMPILED)
	$(BIN)/python -m zelfscan

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check zelfscan tests benchmarks tools packaging
	$(BIN)/ruff format --check zelfscan tests benchmarks tools packaging

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(COMPILED)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# Performance budgets of design.md section 5, each against a baseline timed in the same run
# (`make bench ARGS=--bundle` also builds and measures the bundle; see docs/performance.md).
bench: $(STAMP) $(COMPILED)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py $(ARGS)

# One-folder PyInstaller bundle with both executables in dist/zelfscan/ (build on each OS).
bundle: $(STAMP) $(COMPILED)
	$(BIN)/python -m pip install --quiet -e '.[build]'
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	@du -sh dist/zelfscan

# Build the bundle, then run the frozen executables (validate, report, --self-test, audit).
.PHONY: bundle-test
bundle-test: bundle
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/smoke_test.py

# Recompile the gettext catalogues after editing a .po file (the .mo files are committed so
# the app runs from a plain checkout; a test fails when they are stale).
i18n: $(STAMP)
	$(BIN)/python tools/compile_catalogs.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache questionnaires/.compiled
