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

run: $(STAMP)
	$(BIN)/python -m zelfscan

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check zelfscan tests benchmarks tools
	$(BIN)/ruff format --check zelfscan tests benchmarks tools

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[build]'
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	@du -sh dist/zelfscan

# Recompile the gettext catalogues after editing a .po file (the .mo files are committed so
# the app runs from a plain checkout; a test fails when they are stale).
i18n: $(STAMP)
	$(BIN)/python tools/compile_catalogs.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
