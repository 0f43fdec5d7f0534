# The two commands a newcomer needs: `make run` (set up + start the app) and `make test`
# (set up + lint + type-check + run every test). Everything else is for maintainers.
#
# Every install comes from the lock files in requirements/ (exact versions and hashes, one
# lock for Linux, Windows and macOS; see README "Reproducible installs"), with plain pip:
# --require-hashes refuses any file whose hash is not in the lock. The project itself goes
# in with --no-deps and --no-build-isolation, so neither a dependency nor the build backend
# can come from outside the lock. `make lock` is the only target that resolves anything.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILD_STAMP := $(VENV)/.installed-build
LOCKS  := requirements
PIP    := $(BIN)/python -m pip --quiet
LOCKED := $(PIP) install --require-hashes
PROJECT := $(PIP) install --no-deps --no-build-isolation -e .

.PHONY: run test lint typecheck pytest bench bundle i18n lock clean

# A new or changed lock recreates the venv (--clear), so it holds what the lock says and no more.
$(STAMP): $(LOCKS)/dev.txt pyproject.toml
	$(PYTHON) -m venv --clear $(VENV)
	$(LOCKED) -r $(LOCKS)/dev.txt
	$(PROJECT)
	touch $(STAMP)

# PyInstaller and its helpers, on top of the dev venv (build.txt pins the shared packages
# to the same versions as dev.txt).
$(BUILD_STAMP): $(STAMP) $(LOCKS)/build.txt
	$(LOCKED) -r $(LOCKS)/build.txt
	touch $(BUILD_STAMP)

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

# Performance budgets (docs/performance.md), each against a baseline timed in the same run
# (`make bench ARGS=--bundle` also builds and measures the bundle; see docs/performance.md).
bench: $(STAMP) $(COMPILED)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py $(ARGS)

# One-folder PyInstaller bundle with both executables in dist/zelfscan/ (build on each OS).
bundle: $(BUILD_STAMP) $(COMPILED)
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

# Resolve every dependency again, on purpose: the newest versions pyproject.toml allows, for
# Linux, Windows and macOS at once (--universal), with the hashes of every file. uv is the
# only tool that compiles such a lock; it is itself installed from a lock (requirements/uv.txt)
# and needed for nothing else. Review the diff, run `make test`, commit the four files.
UV_COMPILE := $(BIN)/uv pip compile --quiet --universal --python-version 3.11 \
	--generate-hashes --upgrade --custom-compile-command "make lock"

lock: $(STAMP)
	$(LOCKED) -r $(LOCKS)/uv.txt
	$(UV_COMPILE) $(LOCKS)/uv.in -o $(LOCKS)/uv.txt
	$(UV_COMPILE) pyproject.toml -o $(LOCKS)/runtime.txt
	$(UV_COMPILE) pyproject.toml $(LOCKS)/backend.in --extra dev \
		-c $(LOCKS)/runtime.txt -o $(LOCKS)/dev.txt
	$(UV_COMPILE) pyproject.toml $(LOCKS)/backend.in --extra build \
		-c $(LOCKS)/dev.txt -o $(LOCKS)/build.txt

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache questionnaires/.compiled
