# Two commands for a newcomer: `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint format install system-deps layout-engines corpus bench clean

run: install
	$(BIN)/resumeforge serve --migrate

test: install system-deps layout-engines lint
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

format: install
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

install: $(INSTALLED)

# Reinstalled whenever the dependencies or their pins change.
$(INSTALLED): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --constraint constraints.txt --editable '.[dev]'
	touch $@

system-deps:
	@scripts/install-system-deps

# npm packages (JSON Resume themes) for the generated layout corpus, into .data/layout-engines/.
layout-engines:
	@scripts/install-layout-engines

# The generated layout corpus (tests/layouts) in .data/layouts/, rebuilt when its generator changes.
corpus: install layout-engines
	$(BIN)/python -m tests.layouts.build

# Every web page at desktop and phone width, through a real browser, into docs/screenshots/.
screenshots: install system-deps
	$(BIN)/python -m tests.web.screenshots

bench: install
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
